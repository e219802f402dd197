import type { ReceivedPackSummary } from '../../../../shared/channels/meetingPacks';
import { formatLondonDateTime } from '../../../../shared/calendar';
import { api } from '../../mappa';
import { useSession } from '../../session';
import { ErrorSummary } from '../../components/forms';
import { Tag } from '../../components/tags';
import { TableHead } from '../../components/TableHead';
import { useErrors, useLoad } from '../useLoad';
import { useSubmit } from '../useSubmit';
import { ActionLink, BackLink, PageHeading } from './parts';

// Meeting packs on the attendee's own register (issue 11, "with their own register"): the
// invitation and papers, or a copy of the minutes, that another office's register sent for
// a person here. Opening the file checks it (from a confirmed partner, for this office, in
// date, not opened before); the pack then shows its statement first, and its papers only
// to the person it was made for, once they have signed it on this register.

export function signedText(signed: ReceivedPackSummary['signed']): string {
  return signed === null ? 'Awaiting signature' : `Signed by ${signed.typedName} on ${formatLondonDateTime(signed.signedAt)}`;
}

export function PacksScreen() {
  const { navigate } = useSession();
  const loaded = useLoad(() => api().packs.received({}), []);
  const { errors: submitted, busy, submit } = useSubmit();
  const errors = useErrors(loaded.errors, submitted);
  const openFile = () =>
    void submit(async () => {
      const opened = await api().packs.open({});
      if (opened.cancelled) return;
      navigate({ name: 'pack', exchangeId: opened.pack.exchangeId });
    });
  const packs = loaded.data;

  return (
    <>
      <BackLink onClick={() => navigate({ name: 'meetings' })}>Back to meetings</BackLink>
      <ErrorSummary errors={errors} />
      <PageHeading caption="Meetings">Meeting packs</PageHeading>
      <p className="govuk-body">
        The invitation and papers for a meeting another office hosts, or a copy of its minutes, arrive as an exchange file, usually by secure email. The pack shows the confidentiality undertaking first; its papers open only for the person it was made for, after they sign it here. Their signed acknowledgement then goes back to the meeting’s coordinator.
      </p>
      <button type="button" className="govuk-button" disabled={busy} aria-disabled={busy} onClick={openFile}>
        Open a meeting pack
      </button>

      <h2 className="govuk-heading-l" id="received-heading">
        Packs received
      </h2>
      {packs === undefined ? (
        loaded.loading ? <p className="govuk-body">Loading the meeting packs…</p> : null
      ) : packs.length === 0 ? (
        <p className="govuk-inset-text">No meeting packs have been opened on this register.</p>
      ) : (
        <table className="govuk-table" aria-labelledby="received-heading">
          <TableHead columns={['Meeting', 'From', 'For', 'Undertaking', 'Acknowledgement']} />
          <tbody className="govuk-table__body">
            {packs.map((p) => (
              <tr className="govuk-table__row" key={p.exchangeId}>
                <td className="govuk-table__cell">
                  <ActionLink onClick={() => navigate({ name: 'pack', exchangeId: p.exchangeId })}>{p.meetingTitle}</ActionLink>
                  <span className="govuk-body-s app-block">
                    {formatLondonDateTime(p.startsAt)}. {p.purpose === 'copy' ? 'A copy of the minutes' : 'Invitation and papers'}.
                  </span>
                </td>
                <td className="govuk-table__cell">
                  {p.from.name}
                  <span className="govuk-body-s app-block">{p.from.agencyLabel}</span>
                </td>
                <td className="govuk-table__cell app-name">{p.recipientName}</td>
                <td className="govuk-table__cell">
                  {p.signed ? <Tag colour="green">Signed</Tag> : <Tag colour="orange">Awaiting signature</Tag>}
                  {p.signed ? <span className="govuk-body-s app-block">{signedText(p.signed)}</span> : null}
                </td>
                <td className="govuk-table__cell">{p.acknowledgementExportedAt ? `Sent ${formatLondonDateTime(p.acknowledgementExportedAt)}` : 'Not sent'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
