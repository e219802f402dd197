import { useState, type FormEvent, type ReactNode } from 'react';
import type { MeetingView } from '../../../../shared/channels/meetings';
import { api } from '../../mappa';
import { useSession } from '../../session';
import { ErrorSummary, errorFor, Select, SuccessBanner, Textarea } from '../../components/forms';
import { CategoryTag, formatDate, LevelTag } from '../../components/tags';
import { TableHead } from '../../components/TableHead';
import { useErrors, useLoad } from '../useLoad';
import { useSubmit } from '../useSubmit';
import { AttendeesSection } from './AttendeesSection';
import { arrangementsOpen, EditArrangements, TakeOffMeeting } from './ChangeMeeting';
import { ActionLink, BackLink, ChairDue, MeetingStatusTag, MinutesStatusTag, myAttendee, PageHeading, WarningText, whenText, whereText } from './parts';
import { PapersSection } from './PapersSection';
import { PacksSentSection } from './PacksSentSection';

// The meeting page (issue 11): its details, the people it discusses with their minutes,
// the attendees with their attendance and signatures, and the papers, locked until the
// person reading has signed the confidentiality undertaking for this meeting.

export interface MeetingPartProps {
  meeting: MeetingView;
  /** The meeting as an act returned it. */
  onChange: (meeting: MeetingView) => void;
}

export function MeetingScreen({ id }: { id: string }) {
  const { navigate, status, can } = useSession();
  const loaded = useLoad(() => api().meetings.get({ id }), [id]);
  const meeting = loaded.data;
  const [saved, setSaved] = useState<string | null>(null);
  const sheet = useSubmit();
  const errors = useErrors(loaded.errors, sheet.errors);
  if (!meeting) {
    return (
      <>
        <BackLink onClick={() => navigate({ name: 'meetings' })}>Back to meetings</BackLink>
        <ErrorSummary errors={errors} />
        {loaded.loading ? <p className="govuk-body">Opening the meeting…</p> : null}
      </>
    );
  }
  const me = myAttendee(meeting, status.userName);
  const manages = can('meeting.manage');
  const subjectName = (subjectId: string) => meeting.subjectList.find((s) => s.subjectId === subjectId)?.name ?? 'a person hidden from you';
  const attendanceSheet = () =>
    void sheet.submit(async () => {
      setSaved(null);
      const made = await api().meetings.attendanceSheet({ meetingId: meeting.id });
      if (made.file) setSaved(`The attendance sheet was saved to ${made.file}.`);
    });

  return (
    <>
      <BackLink onClick={() => navigate({ name: 'meetings' })}>Back to meetings</BackLink>
      <ErrorSummary errors={errors} />
      <SuccessBanner message={saved} />
      <PageHeading caption="Meeting">{meeting.title}</PageHeading>
      <p className="govuk-body">
        <MeetingStatusTag status={meeting.status} />
      </p>
      <dl className="govuk-summary-list">
        <Row label="When">{whenText(meeting.startsAt)}</Row>
        <Row label="Where">{whereText(meeting) || 'Not recorded'}</Row>
        <Row label="Chair">
          {meeting.chairName}, chairing as {meeting.chairRoleLabel}
        </Row>
        {meeting.requestingOffice ? <Row label="Asked for by">{meeting.requestingOffice.name}</Row> : null}
        <Row label="Confidentiality undertaking">Version {meeting.undertakingVersion} is signed at this meeting.</Row>
      </dl>
      {manages && arrangementsOpen(meeting) ? <EditArrangements meeting={meeting} onChange={loaded.setData} /> : null}

      {!meeting.youMayRead ? (
        <div className="app-locked" role="region" aria-label="Papers and minutes locked">
          <WarningText>
            {me
              ? 'The papers and minutes of this meeting are locked for you until you sign the confidentiality undertaking for this meeting.'
              : 'You are not an attendee of this meeting: its papers and minutes are not open to you.'}
          </WarningText>
          {me && me.scope === 'meeting' && meeting.status !== 'cancelled' ? (
            <button type="button" className="govuk-button" onClick={() => navigate({ name: 'signing', meetingId: meeting.id, attendeeId: me.id, subjectId: null })}>
              Sign the undertaking
            </button>
          ) : null}
        </div>
      ) : null}

      <h2 className="govuk-heading-l">People discussed</h2>
      <table className="govuk-table">
        <TableHead columns={['Person', 'Minutes', 'The chair’s answer', 'Papers', { hidden: 'Open' }]} />
        <tbody className="govuk-table__body">
          {meeting.subjectList.map((s) => (
            <tr className="govuk-table__row" key={s.subjectId}>
              <td className="govuk-table__cell">
                {s.name ?? 'Hidden: you declared an association with this person'}
                <br />
                {s.kind === 'pdp' ? <span className="govuk-body-s">Potentially Dangerous Person </span> : null}
                <CategoryTag category={s.category} />
                <LevelTag level={s.level} />
              </td>
              <td className="govuk-table__cell">
                <MinutesStatusTag status={s.minutesStatus} />
              </td>
              <td className="govuk-table__cell">{s.minutesStatus === 'final' ? 'Approved' : <ChairDue due={s.chairDue} />}</td>
              <td className="govuk-table__cell">{s.papers}</td>
              <td className="govuk-table__cell">
                {s.name !== null ? (
                  <ul className="govuk-list govuk-!-margin-bottom-0">
                    <li>
                      <ActionLink onClick={() => navigate({ name: 'minutes', meetingId: meeting.id, subjectId: s.subjectId })}>
                        Minutes<span className="govuk-visually-hidden"> for {s.name}</span>
                      </ActionLink>
                    </li>
                    {manages ? (
                      <li>
                        <ActionLink onClick={() => navigate({ name: 'copies', meetingId: meeting.id, subjectId: s.subjectId })}>
                          Copies<span className="govuk-visually-hidden"> of the minutes for {s.name}</span>
                        </ActionLink>
                      </li>
                    ) : null}
                  </ul>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      {manages && meeting.status !== 'cancelled' ? <AddSubject meeting={meeting} onChange={loaded.setData} /> : null}
      {manages && arrangementsOpen(meeting) ? <TakeOffMeeting who="subject" meeting={meeting} onChange={loaded.setData} /> : null}

      <AttendeesSection meeting={meeting} onChange={loaded.setData} subjectName={subjectName} />
      {manages && arrangementsOpen(meeting) ? <TakeOffMeeting who="attendee" meeting={meeting} onChange={loaded.setData} /> : null}
      <PapersSection meeting={meeting} me={me} subjectName={subjectName} />
      {manages ? <PacksSentSection meeting={meeting} onChange={loaded.setData} /> : null}

      {manages ? (
        <>
          <h2 className="govuk-heading-l">Attendance sheet</h2>
          <p className="govuk-body">A PDF listing who attended, and who signed which version of the undertaking, when and how. Making it is recorded in the audit log before the file is saved.</p>
          <button type="button" className="govuk-button govuk-button--secondary" disabled={sheet.busy} aria-disabled={sheet.busy} onClick={attendanceSheet}>
            Save the attendance sheet
          </button>
          {meeting.status === 'scheduled' ? <CancelMeeting meeting={meeting} onChange={loaded.setData} /> : null}
        </>
      ) : null}
    </>
  );
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="govuk-summary-list__row">
      <dt className="govuk-summary-list__key">{label}</dt>
      <dd className="govuk-summary-list__value">{children}</dd>
    </div>
  );
}

function AddSubject({ meeting, onChange }: MeetingPartProps) {
  const found = useLoad(() => api().subjects.search({ query: '', limit: 500, offset: 0 }), []);
  const [subjectId, setSubjectId] = useState('');
  const { errors, setErrors, busy, submit } = useSubmit();
  const listed = new Set(meeting.subjectList.map((s) => s.subjectId));
  const options = (found.data?.subjects ?? []).filter((s) => !listed.has(s.id)).map((s) => ({ value: s.id, label: `${s.givenName} ${s.familyName}${s.dateOfBirth ? `, born ${formatDate(s.dateOfBirth)}` : ''}` }));
  const add = (event: FormEvent) => {
    event.preventDefault();
    if (subjectId === '') {
      setErrors([{ field: 'subjectId', message: 'Choose the person to add to the meeting.' }]);
      return;
    }
    void submit(async () => {
      onChange(await api().meetings.addSubject({ meetingId: meeting.id, subjectId }));
      setSubjectId('');
    });
  };
  return (
    <details className="govuk-details" open={errors.length > 0 || undefined}>
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">Add a person to discuss</span>
      </summary>
      <div className="govuk-details__text">
        <ErrorSummary errors={errors} />
        <form onSubmit={add} noValidate>
          <Select id="subjectId" label="Person" value={subjectId} placeholder="Choose the person" options={options} onChange={setSubjectId} error={errorFor(errors, 'subjectId')} />
          <button type="submit" className="govuk-button govuk-button--secondary" disabled={busy} aria-disabled={busy}>
            Add to the meeting
          </button>
        </form>
      </div>
    </details>
  );
}

function CancelMeeting({ meeting, onChange }: MeetingPartProps) {
  const [reason, setReason] = useState('');
  const { errors, busy, submit } = useSubmit();
  const cancel = (event: FormEvent) => {
    event.preventDefault();
    void submit(async () => onChange(await api().meetings.cancel({ id: meeting.id, reason })));
  };
  return (
    <details className="govuk-details">
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">Cancel this meeting</span>
      </summary>
      <div className="govuk-details__text">
        <ErrorSummary errors={errors} />
        <form onSubmit={cancel} noValidate>
          <Textarea id="reason" label="Why is the meeting cancelled?" value={reason} onChange={setReason} error={errorFor(errors, 'reason')} rows={3} />
          <button type="submit" className="govuk-button govuk-button--warning" disabled={busy} aria-disabled={busy}>
            Cancel the meeting
          </button>
        </form>
      </div>
    </details>
  );
}
