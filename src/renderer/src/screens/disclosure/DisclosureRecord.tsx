import { useState } from 'react';
import type { DisclosureRecipient } from '../../../../shared/channels/disclosure';
import { formatLondonDateTime } from '../../../../shared/calendar';
import { CANNOT_BE_UNREAD } from '../../../../shared/disclosureVocabulary';
import { api } from '../../mappa';
import { useSession } from '../../session';
import { ErrorSummary, SuccessBanner } from '../../components/forms';
import { formatDate } from '../../components/tags';
import { SummaryRow } from '../../components/SummaryRow';
import { TableHead } from '../../components/TableHead';
import { useSubmit } from '../useSubmit';
import { DisclosureSummaryLists } from './DisclosureSummary';
import { ActionLink, BackLink, DisclosureStatusTag, PageHeading, SingleAgencyTag, type TaskProps } from './parts';

// A disclosure once approved, made or withdrawn: the record as it stands, who approved it,
// the briefing for each recipient (approved or made), the outcome once made. A made or
// withdrawn record is never changed: a correction is an addendum, listed with it.

export function DisclosureRecord({ view, onChange, go }: TaskProps) {
  const { can, navigate, reasonFor } = useSession();
  const mayPrepare = can('disclosure.prepare');
  const [saved, setSaved] = useState<string | null>(null);
  const { errors, busy, submit } = useSubmit();
  const briefing = (r: DisclosureRecipient) => {
    setSaved(null);
    void submit(async () => {
      const { file } = await api().disclosures.briefing({ id: view.id, recipientId: r.id });
      if (file === null) {
        setSaved(`No file was saved: the briefing for ${r.fullName} was not made.`);
        return;
      }
      setSaved(`The briefing for ${r.fullName} was saved to ${file}. Give it to them by hand when the disclosure is made; it is marked OFFICIAL-SENSITIVE.`);
      onChange(await api().disclosures.get({ id: view.id, reason: reasonFor(view.subjectId) }));
    });
  };
  const finished = view.status === 'made' || view.status === 'withdrawn';
  return (
    <>
      <BackLink onClick={() => navigate({ name: 'subject', id: view.subjectId })}>{`Back to ${view.subjectName}`}</BackLink>
      <ErrorSummary errors={errors} />
      <SuccessBanner message={saved} title="Briefing" />
      <PageHeading caption="Disclosure to a third party">Disclosure about {view.subjectName}</PageHeading>
      <p className="govuk-body app-tag-row">
        <DisclosureStatusTag status={view.status} />
        <SingleAgencyTag disclosure={view} />
      </p>
      <dl className="govuk-summary-list">
        <SummaryRow label="Started">
          {formatLondonDateTime(view.createdAt)} by {view.createdBy}
        </SummaryRow>
        {view.approvedAt ? (
          <SummaryRow label="Approved">
            {formatLondonDateTime(view.approvedAt)} by {view.approvedBy}
          </SummaryRow>
        ) : null}
        {view.status === 'made' ? (
          <>
            <SummaryRow label="Made">
              {formatDate(view.made.madeOn)} by {view.made.madeBy}
            </SummaryRow>
            <SummaryRow label="Outcome">
              {view.made.outcome}
              <span className="govuk-hint govuk-!-display-block govuk-!-margin-bottom-0">
                Recorded {formatLondonDateTime(view.made.recordedAt)} by {view.made.recordedBy}
              </span>
            </SummaryRow>
          </>
        ) : null}
        {view.status === 'withdrawn' ? (
          <SummaryRow label="Withdrawn">
            {formatLondonDateTime(view.withdrawnAt)} by {view.withdrawnBy}: {view.withdrawnReason}
          </SummaryRow>
        ) : null}
      </dl>
      {finished ? <p className="govuk-inset-text">This record cannot be changed. A correction is added to it as an addendum. {CANNOT_BE_UNREAD}</p> : null}

      {view.status === 'approved' && mayPrepare ? (
        <div className="govuk-button-group">
          <button type="button" className="govuk-button" onClick={() => go('outcome')}>
            Record the outcome
          </button>
          {can('disclosure.approve') ? (
            <button type="button" className="govuk-button govuk-button--secondary" onClick={() => go('return')}>
              Return to draft
            </button>
          ) : null}
          <ActionLink onClick={() => go('withdraw')}>Withdraw this disclosure</ActionLink>
        </div>
      ) : null}

      {view.status === 'approved' || view.status === 'made' ? (
        <section aria-labelledby="briefings-heading">
          <h2 className="govuk-heading-l" id="briefings-heading">
            Briefings
          </h2>
          <p className="govuk-body">
            A briefing for each recipient: only the approved words, the triggers, whom to contact, the confidentiality note and the undertaking to sign, with the recipient’s name in its watermark. You choose where to save it.
          </p>
          {mayPrepare ? (
            <div className="govuk-button-group">
              {view.recipientList.map((r) => (
                <button key={r.id} type="button" className="govuk-button govuk-button--secondary" disabled={busy} aria-disabled={busy} onClick={() => briefing(r)}>
                  Make the briefing for {r.fullName}
                </button>
              ))}
            </div>
          ) : null}
          {view.briefings.length > 0 ? (
            <table className="govuk-table">
              <caption className="govuk-table__caption govuk-table__caption--m">Briefings made</caption>
              <TableHead columns={['Recipient', 'Pages', 'Made']} />
              <tbody className="govuk-table__body">
                {view.briefings.map((b) => (
                  <tr className="govuk-table__row" key={`${b.recipientId}-${b.madeAt}`}>
                    <td className="govuk-table__cell">{b.recipientName}</td>
                    <td className="govuk-table__cell">{b.pages}</td>
                    <td className="govuk-table__cell">
                      {formatLondonDateTime(b.madeAt)} by {b.madeBy}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
        </section>
      ) : null}

      {finished ? (
        <section aria-labelledby="addenda-heading">
          <h2 className="govuk-heading-l" id="addenda-heading">
            Addenda
          </h2>
          {view.addendumList.length === 0 ? <p className="govuk-body">No addendum has been added.</p> : null}
          {view.addendumList.map((a) => (
            <div className="app-repeat" key={a.seq}>
              <h3 className="govuk-heading-s">Addendum {a.seq}</h3>
              <p className="govuk-body app-item__value">{a.text}</p>
              <p className="govuk-body-s govuk-!-margin-bottom-0">
                Added {formatLondonDateTime(a.addedAt)} by {a.addedBy}, because {a.reason}
              </p>
            </div>
          ))}
          {mayPrepare ? (
            <button type="button" className="govuk-button govuk-button--secondary" onClick={() => go('addendum')}>
              Add an addendum
            </button>
          ) : null}
        </section>
      ) : null}

      <DisclosureSummaryLists view={view} />
    </>
  );
}
