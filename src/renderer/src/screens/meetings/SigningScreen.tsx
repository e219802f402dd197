import { useState, type FormEvent } from 'react';
import { api, LOCKED_EVENT } from '../../mappa';
import { useSession } from '../../session';
import { ErrorSummary } from '../../components/forms';
import { useErrors, useLoad } from '../useLoad';
import { useSubmit } from '../useSubmit';
import { PageHeading } from './parts';
import { SignatureFields, Statement } from './UndertakingSignature';

// The signing screen in the room (issue 11; MAPPA D): the coordinator or chair hands the
// screen to an attendee, who reads the statement, types their full name and ticks that they
// agree. The screen shows nothing else and leads nowhere else (App hides the navigation
// while it is open). Handing back locks the register: the attendee at the keyboard never
// reaches the host's screens, and the host unlocks with their passphrase (the one lock flow:
// App drops everything the screens hold when it hears the register is locked).

export function SigningScreen({ meetingId, attendeeId, subjectId }: { meetingId: string; attendeeId: string; subjectId: string | null }) {
  const { notify } = useSession();
  const loaded = useLoad(async () => {
    const [meeting, statement] = await Promise.all([api().meetings.get({ id: meetingId }), api().undertaking.current({})]);
    return { meeting, statement };
  }, [meetingId]);
  const [typedName, setTypedName] = useState('');
  const [agreed, setAgreed] = useState(false);
  const { errors: submitted, busy, submit } = useSubmit();
  const errors = useErrors(loaded.errors, submitted);
  const backToHost = () =>
    void api()
      .register.lock({})
      .catch(() => undefined)
      .finally(() => window.dispatchEvent(new Event(LOCKED_EVENT)));
  const data = loaded.data;
  const attendee = data?.meeting.attendees.find((a) => a.id === attendeeId);
  const subject = subjectId === null ? null : data?.meeting.subjectList.find((s) => s.subjectId === subjectId);

  const sign = (event: FormEvent) => {
    event.preventDefault();
    if (!data) return;
    void submit(async () => {
      await api().undertaking.sign({ meetingId, attendeeId, subjectId, version: data.statement.version, typedName, agreed: agreed as true });
      notify(`${attendee?.fullName ?? 'The attendee'} signed the confidentiality undertaking (version ${data.statement.version})${subject?.name ? ` before ${subject.name} was discussed` : ' for this meeting'}.`);
      backToHost();
    });
  };

  return (
    <div className="app-signing">
      <ErrorSummary errors={errors} />
      {data && attendee ? (
        <>
          <PageHeading caption={data.meeting.title}>{data.statement.title}</PageHeading>
          <p className="govuk-body-l">
            For {attendee.fullName}, {attendee.jobTitle}, {attendee.office.name}
            {subject?.name ? `, before ${subject.name} is discussed` : ''}. Read the statement, then sign below.
          </p>
          <Statement body={data.statement.body} version={data.statement.version} />
          <form onSubmit={sign} noValidate>
            <SignatureFields expectedName={attendee.fullName} typedName={typedName} onTypedName={setTypedName} agreed={agreed} onAgreed={setAgreed} errors={errors} />
            <div className="govuk-button-group">
              <button type="submit" className="govuk-button govuk-button--large" disabled={busy} aria-disabled={busy}>
                Sign the undertaking
              </button>
              <button type="button" className="govuk-button govuk-button--secondary" onClick={backToHost}>
                Hand back without signing (locks the register)
              </button>
            </div>
          </form>
        </>
      ) : data ? (
        <>
          <PageHeading>This person is not an attendee of the meeting</PageHeading>
          <button type="button" className="govuk-button govuk-button--secondary" onClick={backToHost}>
            Hand back
          </button>
        </>
      ) : loaded.loading ? (
        <p className="govuk-body">Opening the statement…</p>
      ) : (
        <button type="button" className="govuk-button govuk-button--secondary" onClick={backToHost}>
          Hand back
        </button>
      )}
    </div>
  );
}
