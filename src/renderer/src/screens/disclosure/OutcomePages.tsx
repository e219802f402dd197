import { useState } from 'react';
import { today } from '../../../../shared/calendar';
import { CANNOT_BE_UNREAD, UNDERTAKING_ANSWERS, type UndertakingAnswer } from '../../../../shared/disclosureVocabulary';
import { api } from '../../mappa';
import { useSession } from '../../session';
import { errorFor, Radios, Textarea, TextInput } from '../../components/forms';
import { useSubmit } from '../useSubmit';
import { orNull, TaskPage, type TaskProps } from './parts';

// What happens to a disclosure after approval: the outcome once made (when, by whom, how it
// went, and whether each recipient signed the undertaking), a withdrawal or a return to
// draft with its reason, and an addendum to a record that can no longer change. A
// disclosure cannot be unread: said wherever a withdrawal or a correction is offered.

const UNDERTAKING_OPTIONS = (Object.keys(UNDERTAKING_ANSWERS) as UndertakingAnswer[]).map((u) => ({ value: u, label: UNDERTAKING_ANSWERS[u] }));

export function OutcomePage({ view, onChange, go }: TaskProps) {
  const { notify } = useSession();
  const [madeOn, setMadeOn] = useState(() => today(new Date()));
  const [madeBy, setMadeBy] = useState(view.arrangements.disclosers ?? '');
  const [outcome, setOutcome] = useState('');
  const [answers, setAnswers] = useState<Record<string, { answer: string; note: string }>>({});
  const { errors, busy, submit } = useSubmit();
  const answerOf = (id: string) => answers[id] ?? { answer: '', note: '' };
  const edit = (id: string, patch: Partial<{ answer: string; note: string }>) => setAnswers((all) => ({ ...all, [id]: { ...answerOf(id), ...patch } }));
  const save = () =>
    void submit(async () => {
      const undertakings = view.recipientList.map((r) => ({ recipientId: r.id, answer: answerOf(r.id).answer as UndertakingAnswer, note: orNull(answerOf(r.id).note) }));
      onChange(await api().disclosures.recordMade({ id: view.id, madeOn, madeBy, outcome, undertakings }));
      notify('The disclosure is recorded as made. The record can no longer be changed: a correction is added as an addendum.');
      go('tasks');
    });
  return (
    <TaskPage view={view} go={go} title="Record the outcome" errors={errors} busy={busy} onSave={save} saveLabel="Record the disclosure as made" backLabel="Back to the disclosure">
      <p className="govuk-body">Once recorded, the disclosure cannot be changed: a correction is added to it as an addendum.</p>
      <TextInput id="madeOn" label="Date it was made" type="date" value={madeOn} onChange={setMadeOn} error={errorFor(errors, 'madeOn')} width="govuk-input--width-10" />
      <TextInput id="madeBy" label="Who made it" value={madeBy} onChange={setMadeBy} error={errorFor(errors, 'madeBy')} width="govuk-!-width-two-thirds" />
      <Textarea id="outcome" label="How did it go?" hint="What the recipients said, and anything to follow up." value={outcome} onChange={setOutcome} error={errorFor(errors, 'outcome')} />
      <div id="undertakings" tabIndex={-1}>
        {view.recipientList.map((r, i) => (
          <fieldset className="govuk-fieldset app-repeat" key={r.id}>
            <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">{r.fullName}</legend>
            <Radios
              id={`undertakings.${i}.answer`}
              legend={`Did ${r.fullName} sign the undertaking?`}
              value={answerOf(r.id).answer}
              options={UNDERTAKING_OPTIONS}
              onChange={(v) => edit(r.id, { answer: v })}
              error={errorFor(errors, `undertakings.${i}.answer`) ?? errorFor(errors, 'undertakings')}
            />
            <Textarea id={`undertakings.${i}.note`} label="Note (optional)" value={answerOf(r.id).note} onChange={(v) => edit(r.id, { note: v })} error={errorFor(errors, `undertakings.${i}.note`)} rows={2} />
          </fieldset>
        ))}
      </div>
    </TaskPage>
  );
}

/** Withdrawing (a draft or an approved disclosure), or an approval undone (the chair's): each with its reason. */
export function ReasonedChangePage({ view, onChange, go, change }: TaskProps & { change: 'withdraw' | 'return' }) {
  const { notify } = useSession();
  const [reason, setReason] = useState('');
  const { errors, busy, submit } = useSubmit();
  const withdraw = change === 'withdraw';
  const save = () =>
    void submit(async () => {
      onChange(withdraw ? await api().disclosures.withdraw({ id: view.id, reason }) : await api().disclosures.returnToDraft({ id: view.id, reason }));
      notify(withdraw ? 'The disclosure was withdrawn. The record and its reason are kept.' : 'The disclosure is a draft again: its approval was undone.');
      go('tasks');
    });
  return (
    <TaskPage
      view={view}
      go={go}
      title={withdraw ? 'Withdraw this disclosure' : 'Return the disclosure to draft'}
      errors={errors}
      busy={busy}
      onSave={save}
      saveLabel={withdraw ? 'Withdraw the disclosure' : 'Return to draft'}
      backLabel="Back to the disclosure"
      warning={withdraw}
    >
      <p className="govuk-inset-text">{withdraw ? CANNOT_BE_UNREAD : 'Its approval is undone: it must be approved again before it is made. Briefings already made should not be given.'}</p>
      <Textarea id="reason" label={withdraw ? 'Why is the disclosure withdrawn?' : 'Why does it go back to draft?'} value={reason} onChange={setReason} error={errorFor(errors, 'reason')} rows={3} />
    </TaskPage>
  );
}

export function AddendumPage({ view, onChange, go }: TaskProps) {
  const { notify } = useSession();
  const [text, setText] = useState('');
  const [reason, setReason] = useState('');
  const { errors, busy, submit } = useSubmit();
  const save = () =>
    void submit(async () => {
      onChange(await api().disclosures.addAddendum({ id: view.id, text, reason }));
      notify('The addendum was added to the disclosure record.');
      go('tasks');
    });
  return (
    <TaskPage view={view} go={go} title="Add an addendum" errors={errors} busy={busy} onSave={save} saveLabel="Add the addendum" backLabel="Back to the disclosure">
      <p className="govuk-inset-text">The record stays as it was; the addendum is added to it. {CANNOT_BE_UNREAD}</p>
      <Textarea id="text" label="The addendum" value={text} onChange={setText} error={errorFor(errors, 'text')} />
      <Textarea id="reason" label="Why is it needed?" value={reason} onChange={setReason} error={errorFor(errors, 'reason')} rows={2} />
    </TaskPage>
  );
}
