import { useState } from 'react';
import type { PackSentView } from '../../../../shared/channels/meetingPacks';
import type { AttendeeView } from '../../../../shared/channels/meetings';
import { formatLondonDateTime } from '../../../../shared/calendar';
import { api } from '../../mappa';
import { ErrorSummary, SuccessBanner } from '../../components/forms';
import { AgencyTag, Tag } from '../../components/tags';
import { TableHead } from '../../components/TableHead';
import { useErrors, useLoad } from '../useLoad';
import { useSubmit } from '../useSubmit';
import type { MeetingPartProps } from './MeetingScreen';

// Meeting packs on the hosting register (issue 11, "with their own register"): an attendee
// who is not a user of this register gets the invitation and papers as an exchange file for
// their office; their register shows the statement first and opens the papers only after
// they sign it there; the signed acknowledgement comes back and is imported here, where it
// shows beside the signatures made in the room. The service refuses what it must (no
// confirmed key for their office, a sender who has not signed); the screen shows its words.

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function whatWasSent(p: PackSentView): string {
  if (p.purpose === 'copy') return `Copy ${p.copyNumber ?? ''} of the minutes`;
  return `Invitation and ${count(p.documents, 'paper', 'papers')}`;
}

/** The acknowledgement in words: who signed, where and when; or that it has not come back. */
export function acknowledgementText(p: PackSentView): string {
  if (p.acknowledged === null) return 'Not yet acknowledged';
  return `Signed on their own register by ${p.acknowledged.typedName} on ${formatLondonDateTime(p.acknowledged.signedAt)}`;
}

export function PacksSentSection({ meeting, onChange }: MeetingPartProps) {
  const meetingId = meeting.id;
  const sent = useLoad(() => api().packs.sent({ meetingId }), [meetingId]);
  const { errors: submitted, busy, submit } = useSubmit();
  const errors = useErrors(sent.errors, submitted);
  const [banner, setBanner] = useState<string | null>(null);
  const outside = meeting.attendees.filter((a) => a.userName === null);
  const open = meeting.status !== 'cancelled';
  const invitationsTo = (a: AttendeeView) => (sent.data ?? []).filter((p) => p.purpose === 'invitation' && p.attendeeId === a.id);

  const send = (a: AttendeeView) =>
    void submit(async () => {
      setBanner(null);
      const done = await api().packs.sendInvitation({ meetingId, attendeeId: a.id });
      if (done.file === null) return;
      await sent.reload();
      setBanner(
        `The invitation and papers for ${a.fullName} were saved to ${done.file}. Send the file to ${a.office.name} by secure email: their register shows the confidentiality undertaking first, and opens the papers only after ${a.fullName} signs it there.`,
      );
    });

  const importAcknowledgement = () =>
    void submit(async () => {
      setBanner(null);
      const done = await api().packs.importAcknowledgement({});
      if (done.cancelled) return;
      const signer = done.pack.acknowledged?.typedName ?? done.pack.recipientName;
      const where = done.meetingId === meetingId ? '' : ' It answers a pack sent for another meeting, and is recorded on that meeting’s page.';
      if (done.meetingId === meetingId) onChange(await api().meetings.get({ id: meetingId }));
      await sent.reload();
      setBanner(
        `${signer} signed the confidentiality undertaking (version ${done.pack.undertakingVersion}) on their own register${done.pack.acknowledged ? ` on ${formatLondonDateTime(done.pack.acknowledged.signedAt)}` : ''}. The acknowledgement is recorded.${where}`,
      );
    });

  return (
    <section aria-labelledby="packs-heading">
      <h2 className="govuk-heading-l" id="packs-heading">
        Meeting packs
      </h2>
      <p className="govuk-body">
        An attendee who is not a user of this register signs the confidentiality undertaking with their own register. The invitation and papers go to their office as an exchange file; it opens the papers only after they sign, and their signed acknowledgement comes back to be imported here.
      </p>
      <ErrorSummary errors={errors} />
      <SuccessBanner message={banner} />

      <h3 className="govuk-heading-m" id="packs-send-heading">
        Send the invitation and papers
      </h3>
      {outside.length === 0 ? (
        <p className="govuk-inset-text">Every attendee is a user of this register: they sign the undertaking and read the papers here.</p>
      ) : (
        <table className="govuk-table" aria-labelledby="packs-send-heading">
          <TableHead columns={['Attendee', 'Invitation', { hidden: 'Send' }]} />
          <tbody className="govuk-table__body">
            {outside.map((a) => {
              const invitations = invitationsTo(a);
              const last = invitations[invitations.length - 1];
              return (
                <tr className="govuk-table__row" key={a.id}>
                  <td className="govuk-table__cell">
                    <span className="govuk-!-font-weight-bold">{a.fullName}</span>
                    <br />
                    {a.jobTitle}, {a.office.name}
                    <br />
                    <AgencyTag agency={a.office.agency} name={a.office.name} />
                  </td>
                  <td className="govuk-table__cell">
                    {last ? (
                      <>
                        Sent {formatLondonDateTime(last.sentAt)}. {acknowledgementText(last)}.
                      </>
                    ) : (
                      'Not sent'
                    )}
                  </td>
                  <td className="govuk-table__cell">
                    {open ? (
                      <button type="button" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" disabled={busy} aria-disabled={busy} onClick={() => send(a)}>
                        {last ? 'Send the invitation and papers again' : 'Send the invitation and papers'}
                        <span className="govuk-visually-hidden"> to {a.fullName}</span>
                      </button>
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}

      <h3 className="govuk-heading-m" id="packs-sent-heading">
        Meeting packs sent
      </h3>
      {sent.data === undefined ? (
        sent.loading ? <p className="govuk-body">Loading the packs sent…</p> : null
      ) : sent.data.length === 0 ? (
        <p className="govuk-inset-text">No meeting packs have been sent for this meeting.</p>
      ) : (
        <table className="govuk-table" aria-labelledby="packs-sent-heading">
          <TableHead columns={['Recipient', 'What was sent', 'Sent', 'Acknowledgement']} />
          <tbody className="govuk-table__body">
            {sent.data.map((p) => (
              <tr className="govuk-table__row" key={p.exchangeId}>
                <td className="govuk-table__cell">
                  <span className="govuk-!-font-weight-bold">{p.recipientName}</span>
                  <br />
                  {p.office.name}
                  <br />
                  <AgencyTag agency={p.office.agency} name={p.office.name} />
                </td>
                <td className="govuk-table__cell">
                  {whatWasSent(p)}
                  <span className="govuk-body-s app-block">Undertaking version {p.undertakingVersion}</span>
                </td>
                <td className="govuk-table__cell">
                  {formatLondonDateTime(p.sentAt)} by {p.sentBy}
                  {p.acknowledged === null ? <span className="govuk-body-s app-block">Opens at their office until {formatLondonDateTime(p.expiresAt)}</span> : null}
                </td>
                <td className="govuk-table__cell">
                  {p.acknowledged ? <Tag colour="green">Signed</Tag> : <Tag colour="orange">Awaiting</Tag>} {acknowledgementText(p)}
                  {p.acknowledged ? (
                    <span className="govuk-body-s app-block">
                      Imported {formatLondonDateTime(p.acknowledged.importedAt)} by {p.acknowledged.importedBy}
                    </span>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="govuk-body">When an attendee’s office sends back the acknowledgement file, import it here: their signature is checked against the pack it answers and recorded with the attendees.</p>
      <button type="button" className="govuk-button govuk-button--secondary" disabled={busy} aria-disabled={busy} onClick={importAcknowledgement}>
        Import an acknowledgement
      </button>
    </section>
  );
}
