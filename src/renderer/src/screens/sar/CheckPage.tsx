import { useState } from 'react';
import type { SarView } from '../../../../shared/channels/sar';
import { api } from '../../mappa';
import { ErrorSummary, SuccessBanner } from '../../components/forms';
import { formatDate } from '../../components/tags';
import { TableHead } from '../../components/TableHead';
import { useSubmit } from '../useSubmit';
import { pageForProblem } from './pages';
import { ActionLink, BackLink, captionOf, PageHeading, WarningText, type SarProps } from './parts';

// Check and make the files (issue 13): what still stops the response, in the service's own
// sentences, each linked to where it is put right; then the response (for the requester), the
// redaction log (CSV or PDF) and the internal schedule, each saved where the person chooses
// through the host's dialog. The log and the schedule are internal: never sent with the response.

const KIND_WORDS: Record<SarView['outputs'][number]['kind'], string> = {
  response: 'The response',
  redaction_log_pdf: 'Redaction log (PDF)',
  redaction_log_csv: 'Redaction log (CSV)',
  internal_schedule: 'Internal schedule',
};

export function OutputsTable({ view }: { view: SarView }) {
  return (
    <table className="govuk-table app-table--small">
      <caption className="govuk-table__caption govuk-table__caption--m">Files made</caption>
      <TableHead columns={['File', 'Made', 'By', 'Items released', 'Pages', 'Fingerprint (SHA-256)']} />
      <tbody className="govuk-table__body">
        {view.outputs.map((o) => (
          <tr className="govuk-table__row" key={`${o.kind}-${o.madeAt}`}>
            <td className="govuk-table__cell">{KIND_WORDS[o.kind]}</td>
            <td className="govuk-table__cell app-name">{formatDate(o.madeAt)}</td>
            <td className="govuk-table__cell app-name">{o.madeBy}</td>
            <td className="govuk-table__cell">{o.itemsReleased}</td>
            <td className="govuk-table__cell">{o.pages ?? '–'}</td>
            <td className="govuk-table__cell app-path">{o.fileSha256.slice(0, 12)}…</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function CheckPage({ view, onChange, go }: SarProps) {
  const { errors, busy, submit } = useSubmit();
  const [saved, setSaved] = useState<string | null>(null);
  const problems = view.responseProblems;
  const make = (what: string, work: () => Promise<{ file: string | null; pages?: number | null }>) =>
    void submit(async () => {
      setSaved(null);
      const made = await work();
      if (made.file === null) {
        setSaved(`No file was saved: ${what.toLowerCase()} was not made.`);
        return;
      }
      onChange(await api().sar.get({ id: view.id }));
      setSaved(`${what} was saved to ${made.file}${made.pages ? ` (${made.pages === 1 ? '1 page' : `${made.pages} pages`})` : ''}.`);
    });
  return (
    <>
      <BackLink onClick={() => go('request')}>Back to the request</BackLink>
      <ErrorSummary errors={errors} />
      <PageHeading caption={captionOf(view)}>Check and make the files</PageHeading>
      {problems.length > 0 ? (
        <div className="govuk-error-summary" aria-labelledby="not-ready-title">
          <h2 className="govuk-error-summary__title" id="not-ready-title">
            The response cannot be made yet
          </h2>
          <div className="govuk-error-summary__body">
            <ul className="govuk-list govuk-error-summary__list">
              {problems.map((p) => (
                <li key={p}>
                  <ActionLink onClick={() => go(pageForProblem(p))}>{p}</ActionLink>
                </li>
              ))}
            </ul>
          </div>
        </div>
      ) : (
        <div className="govuk-inset-text" role="status">
          Nothing stops the response: every item of this office’s is decided, other agencies’ items are referred, and the letter’s details are written.
        </div>
      )}

      <SuccessBanner message={saved} title="File saved" />
      <h2 className="govuk-heading-l">The response</h2>
      <p className="govuk-body">
        The letter with this office’s released items, made from the redacted text: redacted words are nowhere in the file. Withheld items and other agencies’ items are not in it. Send it to {view.representativeName ?? view.requesterName}.
      </p>
      <button type="button" className="govuk-button" disabled={busy} aria-disabled={busy} onClick={() => make('The response', () => api().sar.makeResponse({ id: view.id }))}>
        Make the response
      </button>

      <h2 className="govuk-heading-l">Internal records</h2>
      <WarningText>The redaction log and the internal schedule are internal records. Never send them with the response.</WarningText>
      <p className="govuk-body">The redaction log lists every redaction and withheld item with its exemption, reason, who decided and when. The internal schedule lists the referrals to other agencies and what was withheld, with the reasons recorded for the Information Commissioner.</p>
      <div className="govuk-button-group">
        <button type="button" className="govuk-button govuk-button--secondary" disabled={busy} aria-disabled={busy} onClick={() => make('The redaction log (CSV)', () => api().sar.makeRedactionLog({ id: view.id, format: 'csv' }))}>
          Make the redaction log (CSV)
        </button>
        <button type="button" className="govuk-button govuk-button--secondary" disabled={busy} aria-disabled={busy} onClick={() => make('The redaction log (PDF)', () => api().sar.makeRedactionLog({ id: view.id, format: 'pdf' }))}>
          Make the redaction log (PDF)
        </button>
        <button type="button" className="govuk-button govuk-button--secondary" disabled={busy} aria-disabled={busy} onClick={() => make('The internal schedule', () => api().sar.makeSchedule({ id: view.id }))}>
          Make the internal schedule
        </button>
      </div>
      {view.outputs.length > 0 ? <OutputsTable view={view} /> : <p className="govuk-body">No file has been made for this request yet.</p>}
      <div className="govuk-button-group">
        <button type="button" className="govuk-button govuk-button--secondary" onClick={() => go('request')}>
          Return to the request
        </button>
      </div>
    </>
  );
}
