import { useState, type FormEvent, type ReactNode } from 'react';
import { api } from '../../mappa';
import { useSession } from '../../session';
import { ErrorSummary, errorFor, HintAndError } from '../../components/forms';
import { useErrors, useLoad } from '../useLoad';
import { useSubmit } from '../useSubmit';
import { PageHeading } from './parts';

// The signing screen in the room (issue 11; MAPPA D): the coordinator or chair hands the
// screen to an attendee, who reads the statement, types their full name and ticks that they
// agree. The screen shows nothing else and leads nowhere else (App hides the navigation
// while it is open); when the attendee is done it returns to the meeting page, the host's.

export function SigningScreen({ meetingId, attendeeId, subjectId }: { meetingId: string; attendeeId: string; subjectId: string | null }) {
  const { navigate, notify } = useSession();
  const loaded = useLoad(async () => {
    const [meeting, statement] = await Promise.all([api().meetings.get({ id: meetingId }), api().undertaking.current({})]);
    return { meeting, statement };
  }, [meetingId]);
  const [typedName, setTypedName] = useState('');
  const [agreed, setAgreed] = useState(false);
  const { errors: submitted, busy, submit } = useSubmit();
  const errors = useErrors(loaded.errors, submitted);
  const backToHost = () => navigate({ name: 'meeting', id: meetingId });
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
          <div className="app-statement" id="version" tabIndex={-1} aria-label={`The statement, version ${data.statement.version}`} role="region">
            <StatementText body={data.statement.body} />
            <p className="app-statement__version">Version {data.statement.version}</p>
          </div>
          <form onSubmit={sign} noValidate>
            <div className={`govuk-form-group${errorFor(errors, 'typedName') ? ' govuk-form-group--error' : ''}`}>
              <label className="govuk-label govuk-label--m" htmlFor="typedName">
                Your full name
              </label>
              <HintAndError id="typedName" hint={`Type it as the meeting has it: ${attendee.fullName}.`} error={errorFor(errors, 'typedName')} />
              <input
                className={`govuk-input govuk-input--width-30 app-signing__name${errorFor(errors, 'typedName') ? ' govuk-input--error' : ''}`}
                id="typedName"
                type="text"
                autoComplete="off"
                spellCheck={false}
                value={typedName}
                aria-describedby={`typedName-hint${errorFor(errors, 'typedName') ? ' typedName-error' : ''}`}
                onChange={(e) => setTypedName(e.target.value)}
              />
            </div>
            <div className={`govuk-form-group${errorFor(errors, 'agreed') ? ' govuk-form-group--error' : ''}`}>
              <HintAndError id="agreed" error={errorFor(errors, 'agreed')} />
              <div className="govuk-checkboxes">
                <div className="govuk-checkboxes__item">
                  <input className="govuk-checkboxes__input" id="agreed" type="checkbox" checked={agreed} aria-describedby={errorFor(errors, 'agreed') ? 'agreed-error' : undefined} onChange={(e) => setAgreed(e.target.checked)} />
                  <label className="govuk-label govuk-checkboxes__label app-signing__agree" htmlFor="agreed">
                    I have read this statement and I agree to keep to it
                  </label>
                </div>
              </div>
            </div>
            <div className="govuk-button-group">
              <button type="submit" className="govuk-button govuk-button--large" disabled={busy} aria-disabled={busy}>
                Sign the undertaking
              </button>
              <button type="button" className="govuk-button govuk-button--secondary" onClick={backToHost}>
                Hand back without signing
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

/**
 * The statement as written: blocks between blank lines; in a block, a short line with no
 * full stop is a heading, numbered lines are a numbered list, the rest paragraphs.
 */
function StatementText({ body }: { body: string }) {
  return (
    <>
      {body.split(/\n\s*\n/).map((block, b) => {
        const out: ReactNode[] = [];
        let items: string[] = [];
        const flush = () => {
          if (items.length === 0) return;
          out.push(
            <ol className="app-statement__list" key={`list-${out.length}`}>
              {items.map((item, i) => (
                <li key={i}>{item}</li>
              ))}
            </ol>,
          );
          items = [];
        };
        for (const raw of block.split('\n')) {
          const line = raw.trim();
          if (line === '') continue;
          const numbered = /^\d+\.\s+(.*)$/.exec(line);
          if (numbered) {
            items.push(numbered[1]!);
            continue;
          }
          flush();
          if (line.length < 60 && !/[.:;]$/.test(line)) {
            out.push(
              <h2 className="app-statement__heading" key={`h-${out.length}`}>
                {line}
              </h2>,
            );
          } else out.push(<p key={`p-${out.length}`}>{line}</p>);
        }
        flush();
        return <div key={b}>{out}</div>;
      })}
    </>
  );
}
