import type { ReactNode } from 'react';
import type { DeadlineView, SarView } from '../../../../shared/channels/sar';
import { REGIMES } from '../../../../shared/sharingVocabulary';
import type { DataProtectionRegime } from '../../../../shared/vocabulary';
import { FormPage } from '../../components/FormPage';
import { Tag } from '../../components/tags';
import type { FieldError } from '../../mappa';
import type { SarPage } from './pages';

// Small pieces the subject access request screens have in common (issue 13): the deadline's
// band as a tag (the band and its words are the service's), the regime in words, and the
// shell of one action's page: back to the request, the error summary, the heading that takes
// focus, the form and its button.

export { ActionLink, BackLink, PageHeading, WarningText, prefixErrors } from '../sharing/parts';

const BAND_COLOURS = { red: 'red', amber: 'orange', green: 'green' } as const;

/** "24 days left" in the band's colour; the words say the band too, so colour is never the only sign. */
export function BandTag({ deadline }: { deadline: DeadlineView }) {
  return <Tag colour={BAND_COLOURS[deadline.band]}>{deadline.label}</Tag>;
}

/** The regime's name, short: "DPA 2018 Part 3" or "UK GDPR". */
export function regimeShort(regime: DataProtectionRegime): string {
  return regime === 'dpa2018_part3' ? 'DPA 2018 Part 3' : 'UK GDPR';
}

export function regimeLong(regime: DataProtectionRegime): string {
  return REGIMES[regime];
}

export interface SarProps {
  view: SarView;
  /** The request as an act returned it. */
  onChange: (view: SarView) => void;
  go: (page: SarPage) => void;
}

/** The caption over every page of one request. */
export const captionOf = (view: SarView) => `${view.reference}: ${view.requesterName}`;

/** One action's page: its form saves and returns to the request. */
export function ActionPage({
  view,
  go,
  title,
  errors,
  busy,
  onSave,
  saveLabel,
  warning = false,
  intro,
  children,
}: {
  view: SarView;
  go: SarProps['go'];
  title: string;
  errors: FieldError[];
  busy: boolean;
  onSave: () => void;
  saveLabel: string;
  warning?: boolean;
  intro?: ReactNode;
  children: ReactNode;
}) {
  return (
    <FormPage back={{ label: 'Back to the request', go: () => go('request') }} caption={captionOf(view)} title={title} errors={errors} busy={busy} onSave={onSave} saveLabel={saveLabel} warning={warning} before={intro}>
      {children}
    </FormPage>
  );
}

export { orNull } from '../disclosure/parts';

/** Lines typed one to a row, as the list the service takes. */
export const linesOf = (s: string): string[] =>
  s
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');

/** The service's "categories.2" or "signatory.name" as the box that holds it. */
export function fieldOfBox(errors: FieldError[], boxes: readonly string[]): FieldError[] {
  return errors.map((e) => {
    if (!e.field) return e;
    const box = boxes.find((b) => e.field === b || e.field!.startsWith(`${b}.`));
    return box ? { ...e, field: box } : e;
  });
}
