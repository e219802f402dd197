import { DISCLOSURE_STATUSES, RECIPIENT_KINDS } from '../../../../shared/disclosureVocabulary';
import type { DisclosureSummary } from '../../../../shared/disclosureSchemas';
import { api } from '../../mappa';
import { ErrorSummary } from '../../components/forms';
import { formatDate } from '../../components/tags';
import { useLoad } from '../useLoad';

// The disclosure record the meeting decided on (procedures §18), chosen from the person's own
// disclosures: who it is to, its status and when it was started. The service refuses any
// other person's record.

const describe = (d: DisclosureSummary) =>
  `To ${d.recipients.length === 0 ? 'no recipient yet' : d.recipients.map((r) => `${r.fullName} (${RECIPIENT_KINDS[r.kind].replace(' (say who)', '').toLowerCase()})`).join(', ')}; ${DISCLOSURE_STATUSES[d.status].toLowerCase()}, started ${formatDate(d.createdAt.slice(0, 10))}${d.singleAgency ? '; a single-agency decision' : ''}`;

export function LinkDisclosure({ subjectId, chosen, onChange, error }: { subjectId: string; chosen: string; onChange: (id: string) => void; error?: string | undefined }) {
  const loaded = useLoad(() => api().disclosures.list({ subjectId, status: null }), [subjectId]);
  const list = loaded.data ?? [];
  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <fieldset className="govuk-fieldset" aria-describedby="disclosureRecordId-hint">
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">The disclosure record</legend>
        <div className="govuk-hint" id="disclosureRecordId-hint">
          The minutes name the record, not what it discloses. Start the disclosure from the person’s page if it is not here yet.
        </div>
        {error ? (
          <p className="govuk-error-message" id="disclosureRecordId-error">
            <span className="govuk-visually-hidden">Error:</span> {error}
          </p>
        ) : null}
        <ErrorSummary errors={loaded.errors} />
        {!loaded.loading && list.length === 0 && loaded.errors.length === 0 ? <p className="govuk-body">This person has no disclosure records yet.</p> : null}
        <div className="govuk-radios govuk-radios--small" id="disclosureRecordId">
          {list.map((d) => (
            <div className="govuk-radios__item" key={d.id}>
              <input className="govuk-radios__input" id={`disclosure-${d.id}`} name="disclosureRecordId" type="radio" checked={chosen === d.id} onChange={() => onChange(d.id)} />
              <label className="govuk-label govuk-radios__label" htmlFor={`disclosure-${d.id}`}>
                {describe(d)}
              </label>
            </div>
          ))}
        </div>
      </fieldset>
    </div>
  );
}
