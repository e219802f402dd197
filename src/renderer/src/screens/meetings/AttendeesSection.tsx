import { useState, type FormEvent } from 'react';
import type { AttendeeView } from '../../../../shared/channels/meetings';
import { ATTENDANCE, ATTENDEE_PARTS, SUBJECT_ATTENDANCE, type Attendance, type SubjectAttendance } from '../../../../shared/meetingsVocabulary';
import { api } from '../../mappa';
import { useSession } from '../../session';
import { ErrorSummary, errorFor, HintAndError, Radios } from '../../components/forms';
import { AgencyTag, Tag } from '../../components/tags';
import { TableHead } from '../../components/TableHead';
import { useLoad } from '../useLoad';
import { useSubmit } from '../useSubmit';
import type { MeetingPartProps } from './MeetingScreen';
import { signatureText } from './parts';
import { NO_PERSON, PersonFields, toPerson, type PersonDraft } from './PersonFields';

// The attendees: who they are, their part, their attendance, and their signature of the
// undertaking (which version, when, how). A coordinator or chair records attendance and
// hands the signing screen to an attendee in the room; anyone signs for themselves.

const SUBJECT_OPTIONS = (Object.keys(SUBJECT_ATTENDANCE) as SubjectAttendance[]).map((k) => ({ value: k, label: SUBJECT_ATTENDANCE[k] }));
const ATTENDANCE_OPTIONS = (Object.keys(ATTENDANCE) as Attendance[]).map((k) => ({ value: k, label: ATTENDANCE[k] }));

export function AttendeesSection({ meeting, onChange, subjectName }: MeetingPartProps & { subjectName: (id: string) => string }) {
  const { can, navigate, status } = useSession();
  const manages = can('meeting.manage');
  const { errors, busy, submit } = useSubmit();
  const [recorded, setRecorded] = useState<string | null>(null);
  const open = meeting.status !== 'cancelled';
  const setAttendance = (a: AttendeeView, value: Attendance) =>
    void submit(async () => {
      onChange(await api().meetings.setAttendance({ meetingId: meeting.id, attendeeId: a.id, status: value, subjectStatuses: [] }));
      setRecorded(`${a.fullName}: ${ATTENDANCE[value].toLowerCase()}.`);
    });
  const setSubjectAttendance = (a: AttendeeView, subjectId: string, value: SubjectAttendance) =>
    void submit(async () => {
      onChange(await api().meetings.setAttendance({ meetingId: meeting.id, attendeeId: a.id, status: a.status, subjectStatuses: [{ subjectId, status: value }] }));
      setRecorded(`${a.fullName}, for ${subjectName(subjectId)}: ${SUBJECT_ATTENDANCE[value].toLowerCase()}.`);
    });
  const perSubject = meeting.subjectList.length > 1;
  const sign = (a: AttendeeView, subjectId: string | null) => navigate({ name: 'signing', meetingId: meeting.id, attendeeId: a.id, subjectId });
  /** What is left for this attendee to sign: the whole meeting, or each of their people. */
  const toSign = (a: AttendeeView): (string | null)[] => {
    if (a.scope === 'meeting') return a.signedForMeeting ? [] : [null];
    return a.subjects.map((s) => s.subjectId).filter((id) => !a.signatures.some((sig) => sig.subjectId === id));
  };

  return (
    <section aria-labelledby="attendees-heading">
      <h2 className="govuk-heading-l" id="attendees-heading">
        Attendees
      </h2>
      <ErrorSummary errors={errors} />
      <p className="govuk-body" aria-live="polite">
        {recorded ? `Attendance recorded. ${recorded}` : ''}
      </p>
      <table className="govuk-table app-attendees">
        <caption className="govuk-table__caption govuk-table__caption--s">{meeting.attendees.length} attendees, with their signatures of the confidentiality undertaking</caption>
        <TableHead columns={['Attendee', 'Part', 'Attendance', 'Signature', { hidden: 'Sign' }]} />
        <tbody className="govuk-table__body">
          {meeting.attendees.map((a) => {
            const mine = a.userName === status.userName;
            const left = open && (manages || mine) ? toSign(a) : [];
            return (
              <tr className="govuk-table__row" key={a.id}>
                <td className="govuk-table__cell">
                  <span className="govuk-!-font-weight-bold">{a.fullName}</span>
                  <br />
                  {a.jobTitle}, {a.office.name} <AgencyTag agency={a.office.agency} name={a.office.name} />
                  {a.userName ? <span className="govuk-body-s app-block">Register user: {a.userName}</span> : null}
                  {a.scope === 'subjects' ? <span className="govuk-body-s app-block">Joins for {a.subjects.map((s) => subjectName(s.subjectId)).join(', ')} only</span> : null}
                </td>
                <td className="govuk-table__cell">{ATTENDEE_PARTS[a.part]}</td>
                <td className="govuk-table__cell">
                  {manages && open ? (
                    <select
                      className="govuk-select"
                      aria-label={`Attendance of ${a.fullName}`}
                      value={a.status}
                      disabled={busy}
                      onChange={(e) => setAttendance(a, e.target.value as Attendance)}
                    >
                      {ATTENDANCE_OPTIONS.map((o) => (
                        <option key={o.value} value={o.value}>
                          {o.label}
                        </option>
                      ))}
                    </select>
                  ) : (
                    ATTENDANCE[a.status]
                  )}
                  {manages && open && perSubject ? (
                    <ul className="govuk-list govuk-!-margin-top-1 govuk-!-margin-bottom-0">
                      {a.subjects.map((s) => (
                        <li key={s.subjectId}>
                          <label className="govuk-label govuk-body-s govuk-!-margin-bottom-0" htmlFor={`attendance-${a.id}-${s.subjectId}`}>
                            For {subjectName(s.subjectId)}
                          </label>
                          <select
                            className="govuk-select"
                            id={`attendance-${a.id}-${s.subjectId}`}
                            value={s.status}
                            disabled={busy}
                            onChange={(e) => setSubjectAttendance(a, s.subjectId, e.target.value as SubjectAttendance)}
                          >
                            {SUBJECT_OPTIONS.map((o) => (
                              <option key={o.value} value={o.value}>
                                {o.label}
                              </option>
                            ))}
                          </select>
                        </li>
                      ))}
                    </ul>
                  ) : a.subjects.some((s) => s.status !== a.status) ? (
                    <ul className="govuk-list govuk-body-s govuk-!-margin-top-1">
                      {a.subjects
                        .filter((s) => s.status !== a.status)
                        .map((s) => (
                          <li key={s.subjectId}>
                            {subjectName(s.subjectId)}: {SUBJECT_ATTENDANCE[s.status]}
                          </li>
                        ))}
                    </ul>
                  ) : null}
                </td>
                <td className="govuk-table__cell">
                  {a.signatures.length === 0 ? (
                    <Tag colour="orange">Not signed</Tag>
                  ) : (
                    <ul className="govuk-list govuk-body-s govuk-!-margin-bottom-0">
                      {a.signatures.map((s) => (
                        <li key={s.id}>
                          <Tag colour="green">Signed</Tag> {signatureText(s, subjectName)}
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
                <td className="govuk-table__cell">
                  {left.map((subjectId) => (
                    <button type="button" key={subjectId ?? 'meeting'} className="govuk-button govuk-button--secondary govuk-!-margin-bottom-1" onClick={() => sign(a, subjectId)}>
                      {mine ? 'Sign' : 'Open the signing screen'}
                      <span className="govuk-visually-hidden"> for {a.fullName}</span>
                      {subjectId === null ? '' : ` before ${subjectName(subjectId)}`}
                    </button>
                  ))}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {manages && open ? <AddAttendee meeting={meeting} onChange={onChange} subjectName={subjectName} /> : null}
    </section>
  );
}

function AddAttendee({ meeting, onChange, subjectName }: { meeting: MeetingPartProps['meeting']; onChange: MeetingPartProps['onChange']; subjectName: (id: string) => string }) {
  const loaded = useLoad(async () => ({ offices: await api().offices.list({}), users: await api().users.list({}) }), []);
  const [person, setPerson] = useState<PersonDraft>(NO_PERSON);
  const [scope, setScope] = useState('meeting');
  const [subjects, setSubjects] = useState<Set<string>>(new Set());
  const { errors, busy, submit } = useSubmit();
  const [added, setAdded] = useState<string | null>(null);
  const add = (event: FormEvent) => {
    event.preventDefault();
    void submit(async () => {
      const view = await api().meetings.addAttendee({ meetingId: meeting.id, ...toPerson(person), subjectIds: scope === 'meeting' ? null : [...subjects] });
      onChange(view);
      setAdded(`${person.fullName} was added. They sign the undertaking before the papers open to them.`);
      setPerson(NO_PERSON);
      setSubjects(new Set());
    });
  };
  const subjectsError = errorFor(errors, 'subjectIds');
  return (
    <details className="govuk-details" open={errors.length > 0 || undefined}>
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">Add an attendee</span>
      </summary>
      <div className="govuk-details__text">
        <ErrorSummary errors={errors} />
        <p className="govuk-body" aria-live="polite">
          {added ?? ''}
        </p>
        {loaded.data ? (
          <form onSubmit={add} noValidate>
            <PersonFields prefix="" legend="The attendee" value={person} onChange={setPerson} offices={loaded.data.offices} users={loaded.data.users} errors={errors} />
            <Radios
              id="scope"
              legend="Joins for"
              value={scope}
              options={[
                { value: 'meeting', label: 'The whole meeting' },
                { value: 'subjects', label: 'Particular people only', hint: 'They sign the undertaking before each of them is discussed.' },
              ]}
              onChange={setScope}
            />
            {scope === 'subjects' ? (
              <div className={`govuk-form-group${subjectsError ? ' govuk-form-group--error' : ''}`}>
                <fieldset className="govuk-fieldset">
                  <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">Which people?</legend>
                  <HintAndError id="subjectIds" error={subjectsError} />
                  <div className="govuk-checkboxes govuk-checkboxes--small">
                    {meeting.subjectList
                      .filter((s) => s.name !== null)
                      .map((s, index) => {
                        const id = index === 0 ? 'subjectIds' : `subjectIds-${s.subjectId}`;
                        return (
                          <div className="govuk-checkboxes__item" key={s.subjectId}>
                            <input
                              className="govuk-checkboxes__input"
                              id={id}
                              type="checkbox"
                              checked={subjects.has(s.subjectId)}
                              onChange={(e) =>
                                setSubjects((before) => {
                                  const next = new Set(before);
                                  if (e.target.checked) next.add(s.subjectId);
                                  else next.delete(s.subjectId);
                                  return next;
                                })
                              }
                            />
                            <label className="govuk-label govuk-checkboxes__label" htmlFor={id}>
                              {subjectName(s.subjectId)}
                            </label>
                          </div>
                        );
                      })}
                  </div>
                </fieldset>
              </div>
            ) : null}
            <button type="submit" className="govuk-button govuk-button--secondary" disabled={busy} aria-disabled={busy}>
              Add the attendee
            </button>
          </form>
        ) : null}
      </div>
    </details>
  );
}
