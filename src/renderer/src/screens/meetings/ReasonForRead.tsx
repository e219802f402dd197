import { useState, type FormEvent } from 'react';
import { ACCESS_REASONS, type AccessReason, type AccessReasonCode } from '../../../../shared/accessReasons';
import { MappaError } from '../../../../shared/errors';
import { errorFor, Radios, Textarea } from '../../components/forms';
import type { FieldError } from '../../mappa';

// A person's papers and minutes show their case, so reading them asks the reason, as opening
// their record does (DOMAIN.md "Integrity and misuse"). The reason given once in this
// session, here or on their record, is passed again (session reasonFor); when there is none
// the service refuses and this asks for it, next to what it opens.

const OPTIONS = (Object.keys(ACCESS_REASONS) as AccessReasonCode[]).map((c) => ({ value: c, label: ACCESS_REASONS[c] }));

/** The service refused for want of a reason (none given, or one it could not take). */
export const needsReason = (error: unknown): boolean => error instanceof MappaError && (error.code === 'reason_needed' || (error.code === 'invalid_input' && (error.field?.startsWith('reason') ?? false)));

export function ReasonForRead({ id, what, errors, onGive }: { id: string; what: string; errors: FieldError[]; onGive: (reason: AccessReason) => void }) {
  const [code, setCode] = useState('');
  const [text, setText] = useState('');
  const codeError = errorFor(errors, 'reason.code');
  const give = (event: FormEvent) => {
    event.preventDefault();
    onGive(code === 'other' ? { code: 'other', text } : ({ code: code as AccessReasonCode } as AccessReason));
  };
  return (
    <form onSubmit={give} noValidate aria-label={`Why are you opening ${what}?`} className="app-reason">
      <Radios id={`${id}-reason.code`} legend={`Why are you opening ${what}?`} hint="Who opened it and why is recorded for your information governance lead." value={code} options={OPTIONS} onChange={setCode} error={codeError} />
      {code === 'other' ? <Textarea id={`${id}-reason.text`} label="Say why" value={text} onChange={setText} error={errorFor(errors, 'reason.text')} rows={2} /> : null}
      <button type="submit" className="govuk-button govuk-button--secondary">
        Open
      </button>
    </form>
  );
}
