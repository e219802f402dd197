import type { FormEvent, ReactNode } from 'react';
import type { FieldError } from '../mappa';
import { ErrorSummary } from './forms';
import { ActionLink, BackLink, PageHeading } from '../screens/sharing/parts';

// One page of a task-list flow (a disclosure's task, a subject access request's action): back
// to where it came from, the errors the service returned, the heading with its caption, what
// is still to do or an introduction, the form, and Save or Cancel (both going back).

export function FormPage({
  back,
  caption,
  title,
  errors,
  busy,
  onSave,
  saveLabel,
  warning = false,
  before,
  children,
}: {
  back: { label: string; go: () => void };
  caption: string;
  title: string;
  errors: FieldError[];
  busy: boolean;
  onSave: () => void;
  saveLabel: string;
  /** A button that cannot be undone (GOV.UK warning button). */
  warning?: boolean;
  /** What comes between the heading and the form (what is still to do, an introduction). */
  before?: ReactNode;
  children: ReactNode;
}) {
  const save = (event: FormEvent) => {
    event.preventDefault();
    onSave();
  };
  return (
    <>
      <BackLink onClick={back.go}>{back.label}</BackLink>
      <ErrorSummary errors={errors} />
      <PageHeading caption={caption}>{title}</PageHeading>
      {before}
      <form onSubmit={save} noValidate>
        {children}
        <div className="govuk-button-group">
          <button type="submit" className={`govuk-button${warning ? ' govuk-button--warning' : ''}`} disabled={busy} aria-disabled={busy}>
            {saveLabel}
          </button>
          <ActionLink onClick={back.go}>Cancel</ActionLink>
        </div>
      </form>
    </>
  );
}
