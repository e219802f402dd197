import type { ReactNode } from 'react';
import type { FieldError } from '../../mappa';
import { errorFor, HintAndError } from '../../components/forms';

// The confidentiality undertaking as an attendee reads and signs it (MAPPA D): the statement
// large and readable, then the full name typed and the agreement ticked. The same on the
// signing screen in the room and on a meeting pack opened on the attendee's own register.

/** The statement, in large type, with the version being signed. */
export function Statement({ body, version }: { body: string; version: number }) {
  return (
    <div className="app-statement" id="version" tabIndex={-1} aria-label={`The statement, version ${version}`} role="region">
      <StatementText body={body} />
      <p className="app-statement__version">Version {version}</p>
    </div>
  );
}

/** The signature: the full name typed as the meeting has it, and the explicit agreement. */
export function SignatureFields({
  expectedName,
  typedName,
  onTypedName,
  agreed,
  onAgreed,
  errors,
}: {
  expectedName: string;
  typedName: string;
  onTypedName: (value: string) => void;
  agreed: boolean;
  onAgreed: (value: boolean) => void;
  errors: FieldError[];
}) {
  const nameError = errorFor(errors, 'typedName');
  const agreedError = errorFor(errors, 'agreed');
  return (
    <>
      <div className={`govuk-form-group${nameError ? ' govuk-form-group--error' : ''}`}>
        <label className="govuk-label govuk-label--m" htmlFor="typedName">
          Your full name
        </label>
        <HintAndError id="typedName" hint={`Type it as the meeting has it: ${expectedName}.`} error={nameError} />
        <input
          className={`govuk-input govuk-input--width-30 app-signing__name${nameError ? ' govuk-input--error' : ''}`}
          id="typedName"
          type="text"
          autoComplete="off"
          spellCheck={false}
          value={typedName}
          aria-describedby={`typedName-hint${nameError ? ' typedName-error' : ''}`}
          onChange={(e) => onTypedName(e.target.value)}
        />
      </div>
      <div className={`govuk-form-group${agreedError ? ' govuk-form-group--error' : ''}`}>
        <HintAndError id="agreed" error={agreedError} />
        <div className="govuk-checkboxes">
          <div className="govuk-checkboxes__item">
            <input className="govuk-checkboxes__input" id="agreed" type="checkbox" checked={agreed} aria-describedby={agreedError ? 'agreed-error' : undefined} onChange={(e) => onAgreed(e.target.checked)} />
            <label className="govuk-label govuk-checkboxes__label app-signing__agree" htmlFor="agreed">
              I have read this statement and I agree to keep to it
            </label>
          </div>
        </div>
      </div>
    </>
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
