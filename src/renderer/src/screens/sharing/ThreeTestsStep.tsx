import { useMemo, useState } from 'react';
import type { ShareLine } from '../../../../shared/channels/sharing';
import { LEAFLET_PROPORTIONALITY_WARNING, SHARE_PURPOSES } from '../../../../shared/sharingVocabulary';
import { api, toFieldErrors, type FieldError } from '../../mappa';
import { useSession } from '../../session';
import { ErrorSummary, errorFor, SuccessBanner, Textarea } from '../../components/forms';
import { AgencyTag, Tag } from '../../components/tags';
import { useLoad } from '../useLoad';
import { useSubmit } from '../useSubmit';
import { OwnerPermission } from './OwnerPermission';
import { ActionLink, BackLink, PageHeading, WarningText } from './parts';
import type { StepProps } from './ShareScreen';

// Step 3: the leaflet's three tests for every field, before any field leaves. A field the
// purpose does not normally need asks why; a special-category field shows the leaflet's
// warning in its words, asks for its own justification, and can be taken out with one
// click; another agency's item shows its owner's permission, which can be recorded here.

interface Draft {
  necessary: string;
  proportionate: string;
  relevant: string;
  outsidePurposeReason: string;
  specialJustification: string;
}

const draftOf = (line: ShareLine): Draft => ({
  necessary: line.answers.necessary ?? '',
  proportionate: line.answers.proportionate ?? '',
  relevant: line.answers.relevant ?? '',
  outsidePurposeReason: line.answers.outsidePurposeReason ?? '',
  specialJustification: line.answers.specialJustification ?? '',
});

const isNames = (line: ShareLine) => line.ref.kind === 'subject' && line.ref.field === 'names';

/** A line's answers as the channel takes them: the extra reasons only where the line asks for them. */
function answersOf(line: ShareLine, d: Draft) {
  return {
    necessary: d.necessary,
    proportionate: d.proportionate,
    relevant: d.relevant,
    outsidePurposeReason: line.outsidePurpose ? d.outsidePurposeReason : null,
    specialJustification: line.specialCategory !== null ? d.specialJustification : null,
  };
}

function changed(line: ShareLine, d: Draft): boolean {
  const before = answersOf(line, draftOf(line));
  const after = answersOf(line, d);
  return (Object.keys(after) as (keyof typeof after)[]).some((k) => (before[k] ?? '') !== (after[k] ?? ''));
}

/** A line's errors, with the ids of its own fields (every line has the same three). */
const fieldId = (lineId: string, field: string) => `${lineId}-${field}`;

export function ThreeTestsStep({ share, onChange, go }: StepProps) {
  const [drafts, setDrafts] = useState<Record<string, Draft>>({});
  const [lineErrors, setLineErrors] = useState<Record<string, FieldError[]>>({});
  const [notice, setNotice] = useState<string | null>(null);
  const { errors: actionErrors, busy, submit } = useSubmit();
  const { reasonFor } = useSession();
  const needsPermission = share.lines.some((l) => l.permission !== 'not_needed');
  const permissions = useLoad(() => (needsPermission ? api().permissions.list({ subjectId: share.subjectId }) : Promise.resolve([])), [share.subjectId, needsPermission]);

  const summary = useMemo(() => {
    const fromLines = share.lines.flatMap((line) =>
      (lineErrors[line.lineId] ?? []).map((e): FieldError => (e.field ? { field: fieldId(line.lineId, e.field), message: `${line.label}: ${e.message}` } : { message: `${line.label}: ${e.message}` })),
    );
    return [...actionErrors, ...permissions.errors, ...fromLines];
  }, [share.lines, lineErrors, actionErrors, permissions.errors]);

  if (share.purpose === null || share.recipients.length === 0) {
    return (
      <>
        <BackLink onClick={() => go('tasks')}>Back to the task list</BackLink>
        <PageHeading caption={`Share information about ${share.subjectName}`}>The three tests, field by field</PageHeading>
        <p className="govuk-inset-text">
          The tests are answered for the purpose and the recipients of the share, so choose them first: <ActionLink onClick={() => go('details')}>purpose and recipients</ActionLink>.
        </p>
      </>
    );
  }

  const draft = (line: ShareLine) => drafts[line.lineId] ?? draftOf(line);
  const edit = (line: ShareLine, field: keyof Draft, value: string) => setDrafts((all) => ({ ...all, [line.lineId]: { ...(all[line.lineId] ?? draftOf(line)), [field]: value } }));

  const saveAll = () => {
    setNotice(null);
    void submit(async () => {
      let view = share;
      const failed: Record<string, FieldError[]> = {};
      for (const line of share.lines) {
        const d = drafts[line.lineId];
        if (!d || !changed(line, d)) continue;
        try {
          view = await api().shares.answer({ id: share.id, lineId: line.lineId, ...answersOf(line, d) });
        } catch (error) {
          failed[line.lineId] = toFieldErrors(error);
        }
      }
      onChange(view);
      setLineErrors(failed);
      // What was saved now comes from the service; what was refused stays as typed.
      setDrafts((all) => Object.fromEntries(Object.entries(all).filter(([lineId]) => failed[lineId] !== undefined)));
      if (Object.keys(failed).length === 0) go('check');
    });
  };

  const remove = (line: ShareLine) => {
    setNotice(null);
    void submit(async () => {
      onChange(await api().shares.removeField({ id: share.id, lineId: line.lineId }));
      setNotice(`${line.label} was removed from the share.`);
      document.querySelector<HTMLElement>('.app-page-heading')?.focus();
    });
  };

  const refresh = async () => {
    onChange(await api().shares.get({ id: share.id, reason: reasonFor(share.subjectId) }));
    await permissions.reload();
  };

  return (
    <>
      <BackLink onClick={() => go('tasks')}>Back to the task list</BackLink>
      <ErrorSummary errors={summary} />
      <SuccessBanner message={notice} title="Done" />
      <PageHeading caption={`Share information about ${share.subjectName}`}>The three tests, field by field</PageHeading>
      <p className="govuk-body">
        Before any field leaves the register, say for each one why sharing it is <strong>necessary</strong> (the MAPPA purpose it serves),{' '}
        <strong>proportionate</strong> (why this much and no less) and <strong>relevant</strong> (its link to this person’s risk). The purpose of this share is:{' '}
        {share.purpose === 'other' ? share.purposeOther : SHARE_PURPOSES[share.purpose].toLowerCase()}.
      </p>
      {share.lines.map((line, index) => {
        const d = draft(line);
        const errors = lineErrors[line.lineId] ?? [];
        const id = (field: string) => fieldId(line.lineId, field);
        return (
          <section className={`app-share-line${line.specialCategory ? ' app-share-line--special' : ''}`} key={line.lineId} aria-labelledby={id('title')}>
            <span className="govuk-caption-m">
              Field {index + 1} of {share.lines.length}
            </span>
            <h2 className="govuk-heading-m govuk-!-margin-bottom-2" id={id('title')}>
              {line.label}
            </h2>
            <p className="govuk-body app-item__value">{line.value}</p>
            <p className="govuk-body-s govuk-!-margin-bottom-2">
              Owned by {line.owner.name}
              {line.received ? ', received in a partner’s file' : ''}.{line.answers.answeredBy ? ` Answered by ${line.answers.answeredBy}.` : ''}
            </p>
            <div className="app-tag-row govuk-!-margin-bottom-4">
              <AgencyTag agency={line.owner.agency} name={line.owner.name} />
              {line.specialCategory ? <Tag colour="red">{`Special category: ${line.specialCategory}`}</Tag> : null}
              {line.outsidePurpose ? <Tag colour="yellow">Not normally needed for this purpose</Tag> : null}
            </div>
            {line.problems.length > 0 ? (
              <div className="app-line-problems">
                <p className="govuk-body govuk-!-font-weight-bold govuk-!-margin-bottom-1">Still to do for this field</p>
                <ul className="govuk-list govuk-list--bullet govuk-!-margin-bottom-0">
                  {line.problems.map((p) => (
                    <li key={p}>{p}</li>
                  ))}
                </ul>
              </div>
            ) : null}
            {isNames(line) ? <p className="govuk-body-s">The person’s names go with every share, so the receiving register can file it: they cannot be removed.</p> : null}
            <Textarea id={id('necessary')} label="Necessary" hint="Which MAPPA purpose does sharing this field serve?" rows={2} value={d.necessary} onChange={(v) => edit(line, 'necessary', v)} error={errorFor(errors, 'necessary')} />
            <Textarea id={id('proportionate')} label="Proportionate" hint="Why share this much and no less?" rows={2} value={d.proportionate} onChange={(v) => edit(line, 'proportionate', v)} error={errorFor(errors, 'proportionate')} />
            <Textarea id={id('relevant')} label="Relevant" hint="How does it link to this person’s risk?" rows={2} value={d.relevant} onChange={(v) => edit(line, 'relevant', v)} error={errorFor(errors, 'relevant')} />
            {line.outsidePurpose ? (
              <Textarea
                id={id('outsidePurposeReason')}
                label="Why is this needed for this purpose?"
                hint={`${line.label} is not information this purpose normally needs.`}
                rows={2}
                value={d.outsidePurposeReason}
                onChange={(v) => edit(line, 'outsidePurposeReason', v)}
                error={errorFor(errors, 'outsidePurposeReason')}
              />
            ) : null}
            {line.specialCategory ? (
              <div className="app-special-warning">
                <WarningText>
                  {line.label} is special category information ({line.specialCategory}). It needs its own justification; if it is not needed, remove it.
                </WarningText>
                <figure className="app-quote">
                  <blockquote className="app-quote__text">
                    <p className="govuk-body">“{LEAFLET_PROPORTIONALITY_WARNING}”</p>
                  </blockquote>
                  <figcaption className="govuk-body-s">From the MAPPA information sharing leaflet</figcaption>
                </figure>
                <Textarea
                  id={id('specialJustification')}
                  label="Why must this special category information be shared?"
                  rows={2}
                  value={d.specialJustification}
                  onChange={(v) => edit(line, 'specialJustification', v)}
                  error={errorFor(errors, 'specialJustification')}
                />
                <button type="button" className="govuk-button govuk-button--warning govuk-!-margin-bottom-0" disabled={busy} aria-disabled={busy} onClick={() => remove(line)}>
                  Remove this field from the share<span className="govuk-visually-hidden"> ({line.label})</span>
                </button>
              </div>
            ) : null}
            {line.permission !== 'not_needed' && line.ref.kind === 'item' ? (
              <OwnerPermission share={share} line={line} itemId={line.ref.itemId} permissions={permissions.data ?? []} onRecorded={refresh} />
            ) : null}
            {!isNames(line) && !line.specialCategory ? (
              <button type="button" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" disabled={busy} aria-disabled={busy} onClick={() => remove(line)}>
                Remove this field from the share<span className="govuk-visually-hidden"> ({line.label})</span>
              </button>
            ) : null}
          </section>
        );
      })}
      <div className="govuk-button-group">
        <button type="button" className="govuk-button" disabled={busy} aria-disabled={busy} onClick={saveAll}>
          Save and continue
        </button>
      </div>
    </>
  );
}
