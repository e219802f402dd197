import { useState, type FormEvent } from 'react';
import { api, LOCKED_EVENT } from '../../mappa';
import { ErrorSummary } from '../../components/forms';
import { useErrors, useLoad } from '../useLoad';
import { useSubmit } from '../useSubmit';
import { PageHeading } from './parts';
import { SignatureFields, Statement } from './UndertakingSignature';

// The signing screen in the room (issue 11; MAPPA D): the coordinator or chair hands the
// screen to an attendee, who reads the statement, types their full name and ticks that they
// agree. The screen shows nothing else and leads nowhere else (App hides the navigation
// while it is open); it reads its own channel, which says nothing about the people
// discussed. Handing back locks the register: the attendee at the keyboard never reaches the
// host's screens, and the host unlocks with their passphrase (the one lock flow: App drops
// everything the screens hold when it hears the register is locked).

export function SigningScreen({ meetingId, attendeeId, subjectId }: { meetingId: string; attendeeId: string; subjectId: string | null }) {
  const loaded = useLoad(() => api().undertaking.signingForm({ meetingId, attendeeId, subjectId }), [meetingId, attendeeId, subjectId]);
  const [typedName, setTypedName] = useState('');
  const [agreed, setAgreed] = useState(false);
  const [signed, setSigned] = useState<string | null>(null);
  const { errors: submitted, busy, submit } = useSubmit();
  const errors = useErrors(loaded.errors, submitted);
  const form = loaded.data;
  const backToHost = () =>
    void api()
      .register.lock({})
      .catch(() => undefined)
      .finally(() => window.dispatchEvent(new Event(LOCKED_EVENT)));
  const handBack = (label: string) => (
    <button type="button" className="govuk-button govuk-button--secondary" onClick={backToHost}>
      {label}
    </button>
  );

  const sign = (event: FormEvent) => {
    event.preventDefault();
    if (!form) return;
    void submit(async () => {
      await api().undertaking.sign({ meetingId, attendeeId, subjectId, version: form.statement.version, typedName, agreed: agreed as true });
      setSigned(`Thank you, ${form.attendee.fullName}: you signed the confidentiality undertaking (version ${form.statement.version})${form.forOnePerson ? ' before the person you joined for is discussed' : ' for this meeting'}.`);
    });
  };

  if (signed) {
    return (
      <div className="app-signing">
        <PageHeading>Signed</PageHeading>
        <p className="govuk-body-l" role="status">
          {signed}
        </p>
        <p className="govuk-body">Hand the screen back. The register locks, and its user unlocks it with their passphrase.</p>
        {handBack('Hand back')}
      </div>
    );
  }
  return (
    <div className="app-signing">
      <ErrorSummary errors={errors} />
      {form?.alreadySigned ? (
        <>
          <PageHeading caption={form.meetingTitle}>Already signed</PageHeading>
          <p className="govuk-body-l">{form.attendee.fullName} has already signed the confidentiality undertaking here.</p>
          {handBack('Hand back')}
        </>
      ) : form ? (
        <>
          <PageHeading caption={form.meetingTitle}>{form.statement.title}</PageHeading>
          <p className="govuk-body-l">
            For {form.attendee.fullName}, {form.attendee.jobTitle}, {form.attendee.agency}
            {form.forOnePerson ? ', before the person you joined for is discussed' : ''}. Read the statement, then sign below.
          </p>
          <Statement body={form.statement.body} version={form.statement.version} />
          <form onSubmit={sign} noValidate>
            <SignatureFields expectedName={form.attendee.fullName} typedName={typedName} onTypedName={setTypedName} agreed={agreed} onAgreed={setAgreed} errors={errors} />
            <div className="govuk-button-group">
              <button type="submit" className="govuk-button govuk-button--large" disabled={busy} aria-disabled={busy}>
                Sign the undertaking
              </button>
              {handBack('Hand back without signing (locks the register)')}
            </div>
          </form>
        </>
      ) : loaded.loading ? (
        <p className="govuk-body">Opening the statement…</p>
      ) : (
        handBack('Hand back')
      )}
    </div>
  );
}
