import type { ReactNode } from 'react';
import type { DisclosureSummary, DisclosureView } from '../../../../shared/channels/disclosure';
import { DISCLOSURE_STATUSES, type DisclosureStatus } from '../../../../shared/disclosureVocabulary';
import { FormPage } from '../../components/FormPage';
import { Tag } from '../../components/tags';
import type { FieldError } from '../../mappa';
import type { DisclosureTask } from './tasks';

// Small pieces the disclosure screens have in common (issue 12): the status tag, the
// single-agency tag (leaflet: strongly discouraged, so shown as such everywhere), and the
// shell of one task's page: back to the task list, the error summary, the heading that takes
// focus, what the service says is still to do, and the save button.

export { ActionLink, BackLink, namesList, PageHeading, toggled, WarningText } from '../sharing/parts';

const STATUS_COLOURS: Record<DisclosureStatus, 'blue' | 'yellow' | 'green' | 'red'> = { draft: 'blue', approved: 'yellow', made: 'green', withdrawn: 'red' };

export function DisclosureStatusTag({ status }: { status: DisclosureStatus }) {
  return <Tag colour={STATUS_COLOURS[status]}>{DISCLOSURE_STATUSES[status]}</Tag>;
}

export function SingleAgencyTag({ disclosure }: { disclosure: Pick<DisclosureSummary, 'singleAgency'> }) {
  return disclosure.singleAgency ? <Tag colour="orange">Single-agency decision</Tag> : null;
}

/** "Siân Llŷr (An employer)" for each recipient, or a dash. */
export function recipientsText(d: Pick<DisclosureSummary, 'recipients'>): string {
  return d.recipients.length === 0 ? 'None yet' : d.recipients.map((r) => r.fullName).join(', ');
}

export interface TaskProps {
  view: DisclosureView;
  /** The disclosure as an act returned it. */
  onChange: (view: DisclosureView) => void;
  go: (task: DisclosureTask, recipientId?: string) => void;
}

/** What the service says is still to do for this task, in its words. */
export function StillToDo({ problems, title = 'Still to do' }: { problems: readonly string[]; title?: string }) {
  if (problems.length === 0) return null;
  return (
    <div className="app-line-problems govuk-!-margin-bottom-6">
      <p className="govuk-body govuk-!-font-weight-bold govuk-!-margin-bottom-1">{title}</p>
      <ul className="govuk-list govuk-list--bullet govuk-!-margin-bottom-0">
        {problems.map((p) => (
          <li key={p}>{p}</li>
        ))}
      </ul>
    </div>
  );
}

/** One task's page: its form saves and returns to the task list. */
export function TaskPage({
  view,
  go,
  title,
  errors,
  busy,
  onSave,
  problems = [],
  saveLabel = 'Save and return to the task list',
  backLabel = 'Back to the task list',
  warning = false,
  children,
}: {
  view: DisclosureView;
  go: TaskProps['go'];
  title: string;
  errors: FieldError[];
  busy: boolean;
  onSave: () => void;
  problems?: readonly string[];
  saveLabel?: string;
  backLabel?: string;
  /** A button that cannot be undone (GOV.UK warning button). */
  warning?: boolean;
  children: ReactNode;
}) {
  return (
    <FormPage back={{ label: backLabel, go: () => go('tasks') }} caption={`Disclosure about ${view.subjectName}`} title={title} errors={errors} busy={busy} onSave={onSave} saveLabel={saveLabel} warning={warning} before={<StillToDo problems={problems} />}>
      {children}
    </FormPage>
  );
}

/** The criterion's sentences from the view, by its code. */
export const problemsOf = (view: DisclosureView, criterion: DisclosureView['criteria'][number]['criterion']) => view.criteria.find((c) => c.criterion === criterion)?.problems ?? [];

/** A list the person lengthens and shortens (alternatives, triggers, agencies consulted): a fieldset each, with Remove, then Add another. */
export function Repeating<T extends object>({
  id,
  noun,
  rows,
  setRows,
  blank,
  children,
}: {
  id: string;
  noun: string;
  rows: T[];
  setRows: (update: (all: T[]) => T[]) => void;
  blank: T;
  children: (row: T, index: number, edit: (patch: Partial<T>) => void) => ReactNode;
}) {
  const title = `${noun.charAt(0).toUpperCase()}${noun.slice(1)}`;
  return (
    <>
      {rows.map((row, i) => (
        <fieldset className="govuk-fieldset app-repeat" key={i}>
          <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">
            {title} {i + 1}
          </legend>
          {children(row, i, (patch) => setRows((all) => all.map((x, j) => (j === i ? { ...x, ...patch } : x))))}
          {rows.length > 1 ? (
            <button type="button" className="govuk-button govuk-button--secondary" onClick={() => setRows((all) => all.filter((_, j) => j !== i))}>
              Remove {noun} {i + 1}
            </button>
          ) : null}
        </fieldset>
      ))}
      <button type="button" className="govuk-button govuk-button--secondary" id={id} onClick={() => setRows((all) => [...all, blank])}>
        Add another {noun}
      </button>
    </>
  );
}

/** A blank box sent as null: the service takes null for "not answered". */
export const orNull = (s: string): string | null => (s.trim() === '' ? null : s);
