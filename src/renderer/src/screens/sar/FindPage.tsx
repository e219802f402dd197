import { useState, type FormEvent } from 'react';
import type { SubjectSummary } from '../../../../shared/registerSchemas';
import { api } from '../../mappa';
import { useSession } from '../../session';
import { ErrorSummary, errorFor, Textarea } from '../../components/forms';
import { formatDate } from '../../components/tags';
import { SummaryRow } from '../../components/SummaryRow';
import { useErrors, useLoad } from '../useLoad';
import { useSubmit } from '../useSubmit';
import { BackLink, captionOf, PageHeading, prefixErrors, type SarProps } from './parts';

// Finding the requester in the register (issue 13): the service searches by each name the
// request gave, the date of birth and the references, and the IG lead confirms which of the
// people found are the requester, saying how they know. A person can be taken off again
// until their items are decided.

const nameOf = (s: Pick<SubjectSummary, 'givenName' | 'familyName'>) => `${s.givenName} ${s.familyName}`;

export function FindPage({ view, onChange, go }: SarProps) {
  const { notify } = useSession();
  const found = useLoad(() => api().sar.search({ id: view.id }), [view.id]);
  const { errors, busy, submit } = useSubmit();
  const [how, setHow] = useState<Record<string, string>>({});
  const [acting, setActing] = useState<string | null>(null);
  const confirmed = new Set(view.confirmed.map((c) => c.subjectId));
  const shown = useErrors(found.errors, acting ? prefixErrors(errors, acting) : errors);

  const confirm = (s: SubjectSummary) => (event: FormEvent) => {
    event.preventDefault();
    setActing(s.id);
    void submit(async () => {
      const next = await api().sar.confirmSubject({ id: view.id, subjectId: s.id, how: how[s.id] ?? '' });
      onChange(next);
      notify(`${nameOf(s)} is confirmed as the requester.`);
    });
  };
  const remove = (subjectId: string, name: string) => {
    setActing(null);
    void submit(async () => {
      const next = await api().sar.removeSubject({ id: view.id, subjectId });
      onChange(next);
      notify(`${name} is no longer confirmed as the requester.`);
    });
  };

  const candidates = (found.data ?? []).filter((s) => !confirmed.has(s.id));
  return (
    <>
      <BackLink onClick={() => go('request')}>Back to the request</BackLink>
      <ErrorSummary errors={shown} />
      <PageHeading caption={captionOf(view)}>Find and confirm the requester</PageHeading>
      <p className="govuk-body">
        The register was searched for {view.names.join(', ')}
        {view.dateOfBirth ? `, born ${formatDate(view.dateOfBirth)}` : ''}
        {view.identifiers ? `, and the references ${view.identifiers}` : ''}. Confirm only the people you are sure are the requester.
      </p>

      <h2 className="govuk-heading-l">Confirmed as the requester</h2>
      {view.confirmed.length === 0 ? (
        <p className="govuk-inset-text">No one is confirmed yet.</p>
      ) : (
        view.confirmed.map((c) => {
          const name = c.subject ? nameOf(c.subject) : 'A person you declared an association with';
          return (
            <div className="app-item" key={c.subjectId}>
              <h3 className="govuk-heading-s govuk-!-margin-bottom-2">{name}</h3>
              <p className="govuk-body govuk-!-margin-bottom-2">
                {c.how} <span className="govuk-hint">Confirmed by {c.confirmedBy}, {formatDate(c.confirmedAt)}.</span>
              </p>
              <button type="button" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" disabled={busy} onClick={() => remove(c.subjectId, name)}>
                Remove {name}
              </button>
            </div>
          );
        })
      )}

      <h2 className="govuk-heading-l">People found</h2>
      {found.data === undefined ? (
        found.loading ? <p className="govuk-body">Searching the register…</p> : null
      ) : candidates.length === 0 ? (
        <p className="govuk-inset-text">{found.data.length === 0 ? 'No one in the register matches the names, date of birth or references given.' : 'Everyone found is confirmed.'}</p>
      ) : (
        candidates.map((s) => {
          const name = nameOf(s);
          const boxId = `${s.id}-how`;
          return (
            <section className="app-item" key={s.id} aria-labelledby={`${s.id}-name`}>
              <h3 className="govuk-heading-m" id={`${s.id}-name`}>
                {name}
              </h3>
              <dl className="govuk-summary-list govuk-summary-list--no-border">
                <SummaryRow label="Other names">{s.aliases.length > 0 ? s.aliases.join(', ') : 'None recorded'}</SummaryRow>
                <SummaryRow label="Date of birth">{s.dateOfBirth ? formatDate(s.dateOfBirth) : 'Not recorded'}</SummaryRow>
                <SummaryRow label="References">{[s.pnc && `PNC ${s.pnc}`, s.ndelius && `nDelius ${s.ndelius}`, s.visor && `ViSOR ${s.visor}`].filter(Boolean).join('; ') || 'None recorded'}</SummaryRow>
                <SummaryRow label="Lead agency">{s.leadOfficeName ?? 'Not recorded'}</SummaryRow>
                <SummaryRow label="Managed as">{s.kind === 'pdp' ? 'Potentially dangerous person' : `MAPPA nominal${s.category ? `, Category ${s.category}` : ''}${s.level ? `, Level ${s.level}` : ''}`}</SummaryRow>
              </dl>
              <form onSubmit={confirm(s)} noValidate>
                <Textarea
                  id={boxId}
                  label={`How do you know ${name} is the requester?`}
                  hint="For example: name, other name and date of birth match; the address matches the supervision record."
                  value={how[s.id] ?? ''}
                  onChange={(v) => setHow((all) => ({ ...all, [s.id]: v }))}
                  error={errorFor(prefixErrors(acting === s.id ? errors : [], s.id), boxId)}
                  rows={2}
                />
                <button type="submit" className="govuk-button govuk-!-margin-bottom-0" disabled={busy} aria-disabled={busy}>
                  Confirm {name} as the requester
                </button>
              </form>
            </section>
          );
        })
      )}
      <div className="govuk-button-group govuk-!-margin-top-6">
        <button type="button" className="govuk-button govuk-button--secondary" onClick={() => go('request')}>
          Return to the request
        </button>
      </div>
    </>
  );
}
