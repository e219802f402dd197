import { useState, type FormEvent } from 'react';
import { today } from '../../../../shared/calendar';
import type { PermissionView, ShareLine, ShareView } from '../../../../shared/channels/sharing';
import { api } from '../../mappa';
import { ErrorSummary, errorFor, Radios, Textarea, TextInput } from '../../components/forms';
import { formatDate, Tag } from '../../components/tags';
import { useSubmit } from '../useSubmit';
import { namesList, prefixErrors } from './parts';

// Ownership travels and binds (leaflet; national guidance ch.9): another agency's item is
// shared on only with its owner's permission for these recipients and this purpose. The
// app records the request (whom you asked) and the answer (who gave or refused it, when).


export function OwnerPermission({ share, line, itemId, permissions, onRecorded }: { share: ShareView; line: ShareLine; itemId: string; permissions: PermissionView[]; onRecorded: () => Promise<void> }) {
  // The service names the request that decides the line's state: the screen does not work it out again.
  const deciding = permissions.find((p) => p.id === line.permissionRequestId);
  const pending = deciding?.answer === null ? deciding : undefined;
  const answered = deciding?.answer !== null ? deciding : undefined;
  const owner = line.owner.name;
  const prefix = `${line.lineId}-permission`;
  return (
    <div className="app-permission" aria-labelledby={`${prefix}-title`} role="group">
      <h3 className="govuk-heading-s govuk-!-margin-bottom-2" id={`${prefix}-title`}>
        {owner}’s permission
      </h3>
      {line.permission === 'granted' ? (
        <p className="govuk-body app-tag-row">
          <Tag colour="green">Permission recorded</Tag>
          {answered?.answer === 'granted' ? `Given by ${answered.answeredBy ?? ''} on ${formatDate(answered.answeredOn)}.` : null}
        </p>
      ) : null}
      {line.permission === 'refused' ? (
        <p className="govuk-body app-tag-row">
          <Tag colour="red">Permission refused</Tag>
          {answered?.answer === 'refused' ? `Refused by ${answered.answeredBy ?? ''} on ${formatDate(answered.answeredOn)}. Remove this field, or ask again if things have changed.` : null}
        </p>
      ) : null}
      {line.permission === 'requested' && pending ? (
        <>
          <p className="govuk-body app-tag-row">
            <Tag colour="yellow">Asked, no answer yet</Tag>
            You asked {pending.askedOf} on {formatDate(pending.requestedAt)} ({pending.requestedBy} recorded it).
          </p>
          <AnswerForm prefix={prefix} owner={owner} pending={pending} onRecorded={onRecorded} />
        </>
      ) : null}
      {line.permission === 'requested' && !pending ? <p className="govuk-body">Their permission has been asked for; the answer is not recorded yet.</p> : null}
      {line.permission === 'none' || line.permission === 'refused' ? (
        <>
          {line.permission === 'none' ? (
            <p className="govuk-body">
              It belongs to {owner}: it can only be shared on with their permission to share it with {namesList(share.recipients.map((r) => r.name))} for this purpose. Ask them,
              then record the request here and their answer when it comes.
            </p>
          ) : null}
          <RequestForm prefix={prefix} owner={owner} share={share} itemId={itemId} onRecorded={onRecorded} />
        </>
      ) : null}
    </div>
  );
}

function RequestForm({ prefix, owner, share, itemId, onRecorded }: { prefix: string; owner: string; share: ShareView; itemId: string; onRecorded: () => Promise<void> }) {
  const [askedOf, setAskedOf] = useState('');
  const [note, setNote] = useState('');
  const { errors, busy, submit } = useSubmit();
  const shown = prefixErrors(errors, prefix);
  const record = (event: FormEvent) => {
    event.preventDefault();
    void submit(async () => {
      await api().permissions.request({ itemId, recipientOfficeIds: share.recipients.map((r) => r.id), purpose: share.purpose ?? ('' as never), askedOf, note });
      await onRecorded();
    });
  };
  return (
    <form onSubmit={record} noValidate>
      <ErrorSummary errors={shown} />
      <TextInput id={`${prefix}-askedOf`} label={`Who did you ask at ${owner}?`} value={askedOf} onChange={setAskedOf} error={errorFor(shown, `${prefix}-askedOf`)} width="govuk-input--width-30" />
      <Textarea id={`${prefix}-note`} label="Note (optional)" hint="For example, how you asked and what you told them." rows={2} value={note} onChange={setNote} error={errorFor(shown, `${prefix}-note`)} />
      <button type="submit" className="govuk-button govuk-button--secondary" disabled={busy} aria-disabled={busy}>
        Record the request
      </button>
    </form>
  );
}

function AnswerForm({ prefix, owner, pending, onRecorded }: { prefix: string; owner: string; pending: PermissionView; onRecorded: () => Promise<void> }) {
  const [answer, setAnswer] = useState('');
  const [answeredBy, setAnsweredBy] = useState(pending.askedOf);
  const [answeredOn, setAnsweredOn] = useState(() => today(new Date()));
  const [note, setNote] = useState('');
  const { errors, busy, submit } = useSubmit();
  const shown = prefixErrors(errors, prefix);
  const record = (event: FormEvent) => {
    event.preventDefault();
    void submit(async () => {
      await api().permissions.answer({ id: pending.id, answer: answer as 'granted', answeredBy, answeredOn, note });
      await onRecorded();
    });
  };
  return (
    <form onSubmit={record} noValidate>
      <ErrorSummary errors={shown} />
      <Radios
        id={`${prefix}-answer`}
        legend={`What did ${owner} answer?`}
        value={answer}
        options={[
          { value: 'granted', label: 'They gave permission' },
          { value: 'refused', label: 'They refused' },
        ]}
        onChange={setAnswer}
        error={errorFor(shown, `${prefix}-answer`)}
        inline
      />
      <TextInput id={`${prefix}-answeredBy`} label={`Who answered for ${owner}?`} value={answeredBy} onChange={setAnsweredBy} error={errorFor(shown, `${prefix}-answeredBy`)} width="govuk-input--width-30" />
      <TextInput id={`${prefix}-answeredOn`} label="Date they answered" type="date" value={answeredOn} onChange={setAnsweredOn} error={errorFor(shown, `${prefix}-answeredOn`)} />
      <Textarea id={`${prefix}-note`} label="Note (optional)" rows={2} value={note} onChange={setNote} error={errorFor(shown, `${prefix}-note`)} />
      <button type="submit" className="govuk-button govuk-button--secondary" disabled={busy} aria-disabled={busy}>
        Record their answer
      </button>
    </form>
  );
}
