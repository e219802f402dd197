import { useState } from 'react';
import { systemClock, today } from '../../../../shared/calendar';
import type { SarView } from '../../../../shared/channels/sar';
import { api } from '../../mappa';
import { useSession } from '../../session';
import { errorFor, Radios, Textarea, TextInput } from '../../components/forms';
import { formatDate } from '../../components/tags';
import { useSubmit } from '../useSubmit';
import { ActionPage, orNull, type SarProps } from './parts';

// The actions on the facts a request's clock runs from (issue 13), one page each: identity
// verified, a fee, a question to the requester and its answer (the stopped clock), an
// extension, and closing. Every rule is the service's: a refusal (an extension told after
// the first month, a day before the request arrived) is shown in its words, and nothing
// changes.

const now = () => today(systemClock());

/** Runs an act on the request, then returns to its page with what changed said. */
function useAct({ onChange, go }: SarProps) {
  const { notify } = useSession();
  const { errors, busy, submit } = useSubmit();
  const act = (work: () => Promise<SarView>, message: (v: SarView) => string) =>
    void submit(async () => {
      const next = await work();
      onChange(next);
      go('request');
      notify(message(next));
    });
  return { errors, busy, act };
}

const dueWords = (v: SarView) => (v.deadline.dueOn ? `The response is now due on ${formatDate(v.deadline.dueOn)}.` : v.deadline.label);

export function IdentityPage(props: SarProps) {
  const { view } = props;
  const { errors, busy, act } = useAct(props);
  const [verifiedOn, setVerifiedOn] = useState(view.identityVerifiedOn ?? now());
  const [how, setHow] = useState(view.identityHow ?? '');
  return (
    <ActionPage
      {...props}
      title="Identity verified"
      errors={errors}
      busy={busy}
      saveLabel="Save and return to the request"
      intro={<p className="govuk-body">The clock starts on the latest of the day the request was received and the day the requester’s identity was verified (and any fee received).</p>}
      onSave={() => act(() => api().sar.setIdentity({ id: view.id, verifiedOn, how }), (v) => `Identity verified on ${formatDate(verifiedOn)}. ${dueWords(v)}`)}
    >
      <TextInput id="verifiedOn" label="The day identity was verified" type="date" width="govuk-input--width-10" value={verifiedOn} onChange={setVerifiedOn} error={errorFor(errors, 'verifiedOn')} />
      <Textarea id="how" label="How it was verified" hint="For example, passport seen at the office, or known to the offender manager." value={how} onChange={setHow} error={errorFor(errors, 'how')} rows={2} />
    </ActionPage>
  );
}

export function FeePage(props: SarProps) {
  const { view } = props;
  const { errors, busy, act } = useAct(props);
  const [required, setRequired] = useState(view.feeRequired ? 'yes' : 'no');
  const [reason, setReason] = useState(view.feeReason ?? '');
  const [receivedOn, setReceivedOn] = useState(view.feeReceivedOn ?? '');
  return (
    <ActionPage
      {...props}
      title="A fee"
      errors={errors}
      busy={busy}
      saveLabel="Save and return to the request"
      intro={<p className="govuk-body">A fee is allowed only for a manifestly unfounded or excessive request, or for further copies. Where one is asked for, the clock runs from the day it is received.</p>}
      onSave={() =>
        act(
          () => api().sar.setFee({ id: view.id, required: required === 'yes', reason: required === 'yes' ? orNull(reason) : null, receivedOn: required === 'yes' ? receivedOn : '' }),
          (v) => (required === 'yes' ? `The fee is recorded. ${dueWords(v)}` : `No fee is asked for. ${dueWords(v)}`),
        )
      }
    >
      <Radios
        id="required"
        legend="Was a fee asked for?"
        value={required}
        options={[
          { value: 'no', label: 'No' },
          { value: 'yes', label: 'Yes' },
        ]}
        onChange={setRequired}
        error={errorFor(errors, 'required')}
        inline
      />
      {required === 'yes' ? (
        <>
          <Textarea id="reason" label="Why a fee is allowed" hint="Manifestly unfounded or excessive, or further copies: say which and why." value={reason} onChange={setReason} error={errorFor(errors, 'reason')} rows={2} />
          <TextInput id="receivedOn" label="The day the fee was received (leave empty until it is)" type="date" width="govuk-input--width-10" value={receivedOn} onChange={setReceivedOn} error={errorFor(errors, 'receivedOn')} />
        </>
      ) : null}
    </ActionPage>
  );
}

export function ClarifyPage(props: SarProps) {
  const { view } = props;
  const { errors, busy, act } = useAct(props);
  const [askedOn, setAskedOn] = useState(now());
  const [what, setWhat] = useState('');
  return (
    <ActionPage
      {...props}
      title="Ask for clarification"
      errors={errors}
      busy={busy}
      saveLabel="Stop the clock"
      intro={<p className="govuk-body">Asking the requester for information you need stops the clock from the day you ask to the day the answer arrives; those days are added to the deadline.</p>}
      onSave={() => act(() => api().sar.askClarification({ id: view.id, askedOn, what }), () => `The clock stopped on ${formatDate(askedOn)}. Record the answer when it arrives.`)}
    >
      <TextInput id="askedOn" label="The day you asked" type="date" width="govuk-input--width-10" value={askedOn} onChange={setAskedOn} error={errorFor(errors, 'askedOn')} />
      <Textarea id="what" label="What you asked" value={what} onChange={setWhat} error={errorFor(errors, 'what')} rows={3} />
    </ActionPage>
  );
}

export function AnswerPage(props: SarProps) {
  const { view } = props;
  const { errors, busy, act } = useAct(props);
  const [answeredOn, setAnsweredOn] = useState(now());
  const waiting = view.pauses.find((p) => p.answeredOn === null);
  return (
    <ActionPage
      {...props}
      title="Record the answer"
      errors={errors}
      busy={busy}
      saveLabel="Start the clock again"
      intro={waiting ? <p className="govuk-inset-text">Asked on {formatDate(waiting.askedOn)}: {waiting.what}</p> : null}
      onSave={() => act(() => api().sar.clarificationAnswered({ id: view.id, answeredOn }), (v) => `The clock runs again. ${dueWords(v)}`)}
    >
      <TextInput id="answeredOn" label="The day the answer was received" type="date" width="govuk-input--width-10" value={answeredOn} onChange={setAnsweredOn} error={errorFor(errors, 'answeredOn')} />
    </ActionPage>
  );
}

export function ExtendPage(props: SarProps) {
  const { view } = props;
  const { errors, busy, act } = useAct(props);
  const [toldOn, setToldOn] = useState(now());
  const [reason, setReason] = useState('');
  return (
    <ActionPage
      {...props}
      title="Record an extension"
      errors={errors}
      busy={busy}
      saveLabel="Record the extension"
      intro={
        <p className="govuk-body">
          A complex or numerous request can be extended to three months from the start. The requester must be told, with the reasons, within the first month{view.deadline.firstDueOn ? ` (by ${formatDate(view.deadline.firstDueOn)})` : ''}.
        </p>
      }
      onSave={() => act(() => api().sar.extend({ id: view.id, toldOn, reason }), (v) => `The request is extended. ${dueWords(v)}`)}
    >
      <TextInput id="toldOn" label="The day the requester was told" type="date" width="govuk-input--width-10" value={toldOn} onChange={setToldOn} error={errorFor(errors, 'toldOn')} />
      <Textarea id="reason" label="Why the request is complex or numerous" hint="This is what the requester was told." value={reason} onChange={setReason} error={errorFor(errors, 'reason')} rows={3} />
    </ActionPage>
  );
}

export function ClosePage(props: SarProps) {
  const { view } = props;
  const { errors, busy, act } = useAct(props);
  const [closedOn, setClosedOn] = useState(now());
  const [note, setNote] = useState('');
  return (
    <ActionPage
      {...props}
      title="Close the request"
      errors={errors}
      busy={busy}
      warning
      saveLabel="Close the request"
      intro={<p className="govuk-body">A closed request no longer changes. Close it once the response has been sent, or when the register holds nothing about the requester.</p>}
      onSave={() => act(() => api().sar.close({ id: view.id, closedOn, note }), (v) => `Request ${v.reference} is closed.`)}
    >
      <TextInput id="closedOn" label="The day it was closed" type="date" width="govuk-input--width-10" value={closedOn} onChange={setClosedOn} error={errorFor(errors, 'closedOn')} />
      <Textarea id="note" label="How the request was answered" hint="For example, the response sent by recorded delivery on 1 December." value={note} onChange={setNote} error={errorFor(errors, 'note')} rows={3} />
    </ActionPage>
  );
}
