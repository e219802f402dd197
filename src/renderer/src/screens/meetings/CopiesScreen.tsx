import { useState, type FormEvent } from 'react';
import { api } from '../../mappa';
import { useSession } from '../../session';
import { ErrorSummary, errorFor, Select, SuccessBanner, Textarea, TextInput } from '../../components/forms';
import { AgencyTag, formatDate, Tag } from '../../components/tags';
import { TableHead } from '../../components/TableHead';
import { useErrors, useLoad } from '../useLoad';
import { useSubmit } from '../useSubmit';
import { BackLink, PageHeading, WarningText } from './parts';
import { officeOptions } from './PersonFields';
import { prefixErrors } from '../sharing/parts';
import { formatLondonDateTime } from '../../../../shared/calendar';

// Copies of one person's minutes (issue 11; MAPPA D: not copied or shared on without the
// chair's agreement). The chair's permission is recorded per recipient, one copy each; a
// copy is a numbered PDF watermarked with the recipient's name and the date, saved where
// the person chooses; the distribution log lists every copy made. The service decides.

type Distribution = Awaited<ReturnType<ReturnType<typeof api>['copies']['list']>>;
type Permission = Distribution['permissions'][number];

function permissionState(p: Permission): string {
  if (p.revoked) return 'withdrawn by the chair';
  if (p.copyNumber !== null) return `used for copy ${p.copyNumber}`;
  return 'not used yet';
}

export function CopiesScreen({ meetingId, subjectId }: { meetingId: string; subjectId: string }) {
  const { navigate } = useSession();
  const loaded = useLoad(async () => {
    const [meeting, offices, distribution] = await Promise.all([api().meetings.get({ id: meetingId }), api().offices.list({}), api().copies.list({ meetingId, subjectId })]);
    return { meeting, offices, distribution };
  }, [meetingId, subjectId]);
  const [banner, setBanner] = useState<string | null>(null);
  const make = useSubmit();
  const [chosen, setChosen] = useState<string | null>(null);
  const errors = useErrors(loaded.errors, prefixErrors(make.errors, 'copy'));
  const data = loaded.data;
  const back = <BackLink onClick={() => navigate({ name: 'meeting', id: meetingId })}>Back to the meeting</BackLink>;
  if (!data) {
    return (
      <>
        {back}
        <ErrorSummary errors={errors} />
        {loaded.loading ? <p className="govuk-body">Opening the distribution log…</p> : null}
      </>
    );
  }
  const { meeting, distribution } = data;
  const subject = meeting.subjectList.find((s) => s.subjectId === subjectId);
  const setDistribution = (next: Distribution) => loaded.setData({ ...data, distribution: next });
  const unused = distribution.permissions.find((p) => !p.revoked && p.copyNumber === null);
  const permissionId = chosen ?? unused?.id ?? distribution.permissions[0]?.id ?? '';
  const makeCopy = (event: FormEvent) => {
    event.preventDefault();
    void make.submit(async () => {
      setBanner(null);
      const made = await api().copies.make({ meetingId, permissionId });
      if (made.file === null) return;
      const p = distribution.permissions.find((x) => x.id === permissionId);
      setDistribution(await api().copies.list({ meetingId, subjectId }));
      setChosen(null);
      setBanner(`Copy ${made.copyNumber ?? ''} for ${p?.recipientName ?? 'the recipient'} was saved to ${made.file}.`);
    });
  };
  // Where the recipient's office has a register: the copy goes as an exchange file that opens only after they sign (issue 11).
  const chosenPermission = distribution.permissions.find((x) => x.id === permissionId);
  const sendCopy = () =>
    void make.submit(async () => {
      setBanner(null);
      const sent = await api().packs.sendCopy({ meetingId, permissionId });
      if (sent.file === null) return;
      setDistribution(await api().copies.list({ meetingId, subjectId }));
      setChosen(null);
      setBanner(
        `Copy ${sent.copyNumber ?? ''} for ${chosenPermission?.recipientName ?? 'the recipient'} was saved as an exchange file to ${sent.file}. Send it to ${chosenPermission?.recipientOffice?.name ?? 'their office'} by secure email: it opens on their register only after they sign the confidentiality undertaking there.`,
      );
    });

  return (
    <>
      {back}
      <ErrorSummary errors={errors} />
      <SuccessBanner message={banner} />
      <PageHeading caption={meeting.title}>Copies of the minutes: {subject?.name ?? 'this person'}</PageHeading>
      <WarningText>Minutes are not copied or shared on without the chair’s permission for that recipient (MAPPA D). Each copy needs a permission of its own, is numbered, and carries the recipient’s name and the date on every page.</WarningText>

      <h2 className="govuk-heading-l">Make a numbered copy</h2>
      {distribution.permissions.length === 0 ? (
        <p className="govuk-inset-text">No permission from the chair is recorded yet. Record the chair’s permission for the recipient first.</p>
      ) : (
        <form onSubmit={makeCopy} noValidate>
          <Select
            id="copy-permissionId"
            label="For"
            hint="The recipient the chair gave permission for. The copy is recorded in the distribution log and the audit log before the file is saved."
            value={permissionId}
            options={distribution.permissions.map((p) => ({ value: p.id, label: `${p.recipientName}${p.recipientOffice ? `, ${p.recipientOffice.name}` : ''} (permission of ${formatDate(p.grantedOn)}, ${permissionState(p)})` }))}
            onChange={setChosen}
            error={errorFor(errors, 'copy-permissionId')}
          />
          {chosenPermission?.recipientOffice ? (
            <p className="govuk-body">
              Make the copy as a numbered PDF, or send it to {chosenPermission.recipientOffice.name} as an exchange file: it opens on their register only after {chosenPermission.recipientName} signs the confidentiality undertaking there.
            </p>
          ) : null}
          <div className="govuk-button-group">
            <button type="submit" className="govuk-button" disabled={make.busy} aria-disabled={make.busy}>
              Make the copy
            </button>
            {chosenPermission?.recipientOffice ? (
              <button type="button" className="govuk-button govuk-button--secondary" disabled={make.busy} aria-disabled={make.busy} onClick={sendCopy}>
                Send as an exchange file
              </button>
            ) : null}
          </div>
        </form>
      )}

      <PermissionsTable distribution={distribution} meetingId={meetingId} onChange={setDistribution} />
      <RecordPermission meetingId={meetingId} subjectId={subjectId} offices={data.offices} chairName={meeting.chairName} onChange={(next, name) => {
        setDistribution(next);
        setBanner(`The chair’s permission for a copy for ${name} is recorded.`);
      }} />

      <h2 className="govuk-heading-l" id="log-heading">
        Distribution log
      </h2>
      {distribution.copies.length === 0 ? (
        <p className="govuk-inset-text">No copies of these minutes have been made.</p>
      ) : (
        <table className="govuk-table" aria-labelledby="log-heading">
          <TableHead columns={['Copy', 'Recipient', 'Minutes version', 'Form', 'Pages', 'Made', 'File fingerprint (SHA-256)']} />
          <tbody className="govuk-table__body">
            {distribution.copies.map((c) => (
              <tr className="govuk-table__row" key={c.copyNumber}>
                <td className="govuk-table__cell">{c.copyNumber}</td>
                <td className="govuk-table__cell">
                  {c.recipientName}
                  {c.recipientOffice ? (
                    <>
                      <br />
                      {c.recipientOffice.name} <AgencyTag agency={c.recipientOffice.agency} name={c.recipientOffice.name} />
                    </>
                  ) : null}
                </td>
                <td className="govuk-table__cell">{c.minutesVersion}</td>
                <td className="govuk-table__cell">{c.form === 'pdf' ? 'PDF' : 'Exchange file'}</td>
                <td className="govuk-table__cell">{c.pages ?? ''}</td>
                <td className="govuk-table__cell">
                  {formatLondonDateTime(c.madeAt)} by {c.madeBy}
                </td>
                <td className="govuk-table__cell app-path" title={c.fileSha256}>
                  {c.fileSha256.slice(0, 16)}…
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

function PermissionsTable({ distribution, meetingId, onChange }: { distribution: Distribution; meetingId: string; onChange: (d: Distribution) => void }) {
  const { errors: raw, busy, submit } = useSubmit();
  const errors = prefixErrors(raw, 'revoke');
  const [withdrawing, setWithdrawing] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const revoke = (event: FormEvent) => {
    event.preventDefault();
    if (withdrawing === null) return;
    void submit(async () => {
      onChange(await api().copies.revoke({ meetingId, permissionId: withdrawing, reason }));
      setWithdrawing(null);
      setReason('');
    });
  };
  if (distribution.permissions.length === 0) return null;
  return (
    <>
      <h2 className="govuk-heading-l" id="permissions-heading">
        The chair’s permissions
      </h2>
      <ErrorSummary errors={errors} />
      <table className="govuk-table" aria-labelledby="permissions-heading">
        <TableHead columns={['Recipient', 'Why they need it', 'The chair’s permission', 'State', { hidden: 'Withdraw' }]} />
        <tbody className="govuk-table__body">
          {distribution.permissions.map((p) => (
            <tr className="govuk-table__row" key={p.id}>
              <td className="govuk-table__cell">
                {p.recipientName}
                {p.recipientRole ? `, ${p.recipientRole}` : ''}
                {p.recipientOffice ? (
                  <>
                    <br />
                    {p.recipientOffice.name} <AgencyTag agency={p.recipientOffice.agency} name={p.recipientOffice.name} />
                  </>
                ) : null}
              </td>
              <td className="govuk-table__cell">{p.reason}</td>
              <td className="govuk-table__cell">
                {p.chairName}, {formatDate(p.grantedOn)}, {p.grantedHow}. Recorded by {p.recordedBy}.
              </td>
              <td className="govuk-table__cell">{p.revoked ? <Tag colour="red">Withdrawn</Tag> : p.copyNumber !== null ? <Tag colour="green">{`Copy ${p.copyNumber} made`}</Tag> : <Tag colour="blue">Not used yet</Tag>}</td>
              <td className="govuk-table__cell">
                {!p.revoked && p.copyNumber === null ? (
                  <button type="button" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" onClick={() => setWithdrawing(p.id)}>
                    Withdraw<span className="govuk-visually-hidden"> the permission for {p.recipientName}</span>
                  </button>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {withdrawing !== null ? (
        <form onSubmit={revoke} noValidate aria-label="Withdraw the chair’s permission">
          <Textarea id="revoke-reason" label="Why did the chair withdraw the permission?" value={reason} onChange={setReason} error={errorFor(errors, 'revoke-reason')} rows={2} />
          <div className="govuk-button-group">
            <button type="submit" className="govuk-button govuk-button--warning" disabled={busy} aria-disabled={busy}>
              Withdraw the permission
            </button>
            <button type="button" className="govuk-button govuk-button--secondary" onClick={() => setWithdrawing(null)}>
              Keep it
            </button>
          </div>
        </form>
      ) : null}
    </>
  );
}

function RecordPermission({
  meetingId,
  subjectId,
  offices,
  chairName,
  onChange,
}: {
  meetingId: string;
  subjectId: string;
  offices: Parameters<typeof officeOptions>[0];
  chairName: string;
  onChange: (d: Distribution, recipientName: string) => void;
}) {
  const [recipientName, setRecipientName] = useState('');
  const [recipientOfficeId, setRecipientOfficeId] = useState('');
  const [recipientRole, setRecipientRole] = useState('');
  const [reason, setReason] = useState('');
  const [grantedOn, setGrantedOn] = useState('');
  const [grantedHow, setGrantedHow] = useState('');
  const { errors: raw, busy, submit } = useSubmit();
  const errors = prefixErrors(raw, 'permit');
  const record = (event: FormEvent) => {
    event.preventDefault();
    void submit(async () => {
      const next = await api().copies.permit({
        meetingId,
        subjectId,
        recipientName,
        recipientOfficeId: recipientOfficeId === '' ? null : recipientOfficeId,
        recipientRole: recipientRole.trim() === '' ? null : recipientRole,
        reason,
        grantedOn,
        grantedHow,
      });
      onChange(next, recipientName);
      setRecipientName('');
      setRecipientOfficeId('');
      setRecipientRole('');
      setReason('');
      setGrantedOn('');
      setGrantedHow('');
    });
  };
  const e = (field: string) => errorFor(errors, `permit-${field}`);
  return (
    <details className="govuk-details" open={errors.length > 0 || undefined}>
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">Record the chair’s permission for a recipient</span>
      </summary>
      <div className="govuk-details__text">
        <ErrorSummary errors={errors} />
        <p className="govuk-body">The permission of {chairName}, the chair, for one copy for one recipient: necessary and proportionate.</p>
        <form onSubmit={record} noValidate>
          <TextInput id="permit-recipientName" label="Recipient’s name" value={recipientName} onChange={setRecipientName} error={e('recipientName')} width="govuk-input--width-30" />
          <Select id="permit-recipientOfficeId" label="Recipient’s agency office" value={recipientOfficeId} placeholder="Not an office in this register" options={officeOptions(offices)} onChange={setRecipientOfficeId} error={e('recipientOfficeId')} />
          <TextInput id="permit-recipientRole" label="Recipient’s role (optional)" value={recipientRole} onChange={setRecipientRole} error={e('recipientRole')} width="govuk-input--width-30" />
          <Textarea id="permit-reason" label="Why the recipient needs a copy" value={reason} onChange={setReason} error={e('reason')} rows={3} />
          <TextInput id="permit-grantedOn" label="Date the chair gave permission" type="date" width="govuk-input--width-10" value={grantedOn} onChange={setGrantedOn} error={e('grantedOn')} />
          <TextInput id="permit-grantedHow" label="How the chair gave permission" hint="For example: in the meeting, by secure email." value={grantedHow} onChange={setGrantedHow} error={e('grantedHow')} width="govuk-!-width-two-thirds" />
          <button type="submit" className="govuk-button govuk-button--secondary" disabled={busy} aria-disabled={busy}>
            Record the permission
          </button>
        </form>
      </div>
    </details>
  );
}
