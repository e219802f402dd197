import { useState } from 'react';
import { ALTERNATIVES, OFFENDER_KNOWS, RISK_REMINDER, type Alternative, type OffenderKnows } from '../../../../shared/disclosureVocabulary';
import { api } from '../../mappa';
import { Checkbox, errorFor, HintAndError, Radios, Select, Textarea, TextInput } from '../../components/forms';
import { formatDate } from '../../components/tags';
import { useErrors, useLoad } from '../useLoad';
import { useSubmit } from '../useSubmit';
import { officeOptions } from '../meetings/PersonFields';
import { orNull, problemsOf, Repeating, TaskPage, WarningText, type TaskProps } from './parts';

// The criteria of the decision record that are the disclosure's own answers (leaflet,
// "Disclosure - Proportionality"): 1 the risk to the offender, 3 the alternatives, 6 the
// key triggers, 7 support if the process breaks down, 8 for a person under 18 the senior
// YOS or Children's Services person consulted, 9 whether the offender knows. Each page
// shows the service's sentences for what is still to do; the service decides.

/** Saves through `act` and returns to the task list. */
function useSave({ onChange, go }: TaskProps) {
  const { errors, busy, submit } = useSubmit();
  const save = (act: () => Promise<Parameters<TaskProps['onChange']>[0]>) =>
    void submit(async () => {
      onChange(await act());
      go('tasks');
    });
  return { errors, busy, save };
}

export function RiskPage(props: TaskProps) {
  const { view, go } = props;
  const [text, setText] = useState(view.riskToOffender.text ?? '');
  const [weighed, setWeighed] = useState(view.riskToOffender.weighed);
  const { errors, busy, save } = useSave(props);
  return (
    <TaskPage
      view={view}
      go={go}
      title="1. The potential risk to the offender"
      errors={errors}
      busy={busy}
      problems={problemsOf(view, 'risk_to_offender')}
      onSave={() => save(() => api().disclosures.setRiskToOffender({ id: view.id, riskToOffender: text, weighed: weighed as true }))}
    >
      <div className="govuk-inset-text">{RISK_REMINDER}</div>
      <Textarea id="riskToOffender" label="What is the potential risk to the offender of making this disclosure?" hint="For example to their job, home, family or safety." value={text} onChange={setText} error={errorFor(errors, 'riskToOffender')} />
      <div className={`govuk-form-group${errorFor(errors, 'weighed') ? ' govuk-form-group--error' : ''}`}>
        <HintAndError id="weighed" error={errorFor(errors, 'weighed')} />
        <Checkbox id="weighed" label="The risk to the offender does not outweigh the real risk to others were the disclosure not made" checked={weighed} onChange={setWeighed} />
      </div>
    </TaskPage>
  );
}

const ALTERNATIVE_OPTIONS = (Object.keys(ALTERNATIVES) as Alternative[]).map((a) => ({ value: a, label: ALTERNATIVES[a] }));

export function AlternativesPage(props: TaskProps) {
  const { view, go } = props;
  const [rows, setRows] = useState(() => (view.alternatives.length > 0 ? view.alternatives.map((a) => ({ kind: a.kind as string, other: a.other ?? '', whyRejected: a.whyRejected })) : [{ kind: '', other: '', whyRejected: '' }]));
  const { errors, busy, save } = useSave(props);
  return (
    <TaskPage
      view={view}
      go={go}
      title="3. Alternatives considered"
      errors={errors}
      busy={busy}
      problems={problemsOf(view, 'alternatives')}
      onSave={() => save(() => api().disclosures.setAlternatives({ id: view.id, alternatives: rows.map((r) => ({ kind: r.kind as Alternative, other: r.kind === 'other' ? orNull(r.other) : null, whyRejected: r.whyRejected })) }))}
    >
      <p className="govuk-body">The leaflet says the alternatives considered, and why each was rejected, must be recorded.</p>
      <Repeating id="alternatives" noun="alternative" rows={rows} setRows={setRows} blank={{ kind: '', other: '', whyRejected: '' }}>
        {(r, i, edit) => (
          <>
            <Select id={`alternatives.${i}.kind`} label="The alternative" value={r.kind} placeholder="Choose the alternative" options={ALTERNATIVE_OPTIONS} onChange={(v) => edit({ kind: v })} error={errorFor(errors, `alternatives.${i}.kind`)} />
            {r.kind === 'other' ? <TextInput id={`alternatives.${i}.other`} label="Which alternative?" value={r.other} onChange={(v) => edit({ other: v })} error={errorFor(errors, `alternatives.${i}.other`)} width="govuk-!-width-two-thirds" /> : null}
            <Textarea id={`alternatives.${i}.whyRejected`} label="Why was it rejected?" value={r.whyRejected} onChange={(v) => edit({ whyRejected: v })} error={errorFor(errors, `alternatives.${i}.whyRejected`)} rows={2} />
          </>
        )}
      </Repeating>
    </TaskPage>
  );
}

export function TriggersPage(props: TaskProps) {
  const { view, go } = props;
  const [rows, setRows] = useState(() => (view.triggers.length > 0 ? view.triggers : [{ ifYouSee: '', youNeedTo: '' }]));
  const { errors, busy, save } = useSave(props);
  return (
    <TaskPage view={view} go={go} title="6. The key triggers" errors={errors} busy={busy} problems={problemsOf(view, 'triggers')} onSave={() => save(() => api().disclosures.setTriggers({ id: view.id, triggers: rows }))}>
      <p className="govuk-body">What the recipient should look out for, and what they must then do: “if you see this, you need to do that”. The briefing gives them these in these words.</p>
      <Repeating id="triggers" noun="trigger" rows={rows} setRows={setRows} blank={{ ifYouSee: '', youNeedTo: '' }}>
        {(r, i, edit) => (
          <>
            <Textarea id={`triggers.${i}.ifYouSee`} label="If you see" value={r.ifYouSee} onChange={(v) => edit({ ifYouSee: v })} error={errorFor(errors, `triggers.${i}.ifYouSee`)} rows={2} />
            <Textarea id={`triggers.${i}.youNeedTo`} label="You need to" value={r.youNeedTo} onChange={(v) => edit({ youNeedTo: v })} error={errorFor(errors, `triggers.${i}.youNeedTo`)} rows={2} />
          </>
        )}
      </Repeating>
    </TaskPage>
  );
}

export function BreakdownPage(props: TaskProps) {
  const { view, go } = props;
  const [victimSupport, setVictim] = useState(view.breakdown.victimSupport ?? '');
  const [offenderSupport, setOffender] = useState(view.breakdown.offenderSupport ?? '');
  const { errors, busy, save } = useSave(props);
  return (
    <TaskPage
      view={view}
      go={go}
      title="7. Support if the process breaks down"
      errors={errors}
      busy={busy}
      problems={problemsOf(view, 'breakdown_support')}
      onSave={() => save(() => api().disclosures.setBreakdownSupport({ id: view.id, victimSupport, offenderSupport }))}
    >
      <Textarea id="victimSupport" label="Support for victims" value={victimSupport} onChange={setVictim} error={errorFor(errors, 'victimSupport')} rows={3} />
      <Textarea id="offenderSupport" label="Support for the offender" value={offenderSupport} onChange={setOffender} error={errorFor(errors, 'offenderSupport')} rows={3} />
    </TaskPage>
  );
}

export function YouthPage(props: TaskProps) {
  const { view, go } = props;
  const y = view.youth;
  const [form, setForm] = useState({ consultedName: y.consultedName ?? '', consultedRole: y.consultedRole ?? '', consultedOfficeId: y.consultedOffice?.id ?? '', consultedOn: y.consultedOn ?? '', advice: y.advice ?? '' });
  const offices = useLoad(() => api().offices.list({}), []);
  const { errors: submitted, busy, save } = useSave(props);
  const errors = useErrors(offices.errors, submitted);
  const set = (key: keyof typeof form) => (value: string) => setForm((f) => ({ ...f, [key]: value }));
  const age =
    view.under18 === null
      ? `${view.subjectName}’s date of birth is not recorded, so the register cannot tell whether they are under 18.`
      : view.under18
        ? `${view.subjectName} is under 18 on ${formatDate(view.decisionDay)}: this consultation is required before any disclosure.`
        : `${view.subjectName} is 18 or over on ${formatDate(view.decisionDay)}: this consultation is not needed.`;
  return (
    <TaskPage
      view={view}
      go={go}
      title="8. Senior Youth Offending Service or Children’s Services person consulted"
      errors={errors}
      busy={busy}
      problems={problemsOf(view, 'youth_consultation')}
      onSave={() => save(() => api().disclosures.setYouthConsultation({ id: view.id, ...form }))}
    >
      {view.under18 === false ? <p className="govuk-inset-text">{age}</p> : <WarningText>{age}</WarningText>}
      <TextInput id="consultedName" label="Name of the person consulted" value={form.consultedName} onChange={set('consultedName')} error={errorFor(errors, 'consultedName')} width="govuk-input--width-30" />
      <TextInput id="consultedRole" label="Their role" value={form.consultedRole} onChange={set('consultedRole')} error={errorFor(errors, 'consultedRole')} width="govuk-!-width-two-thirds" />
      <Select id="consultedOfficeId" label="Their office" value={form.consultedOfficeId} placeholder="Choose the office" options={officeOptions(offices.data ?? [])} onChange={set('consultedOfficeId')} error={errorFor(errors, 'consultedOfficeId')} />
      <TextInput id="consultedOn" label="Date consulted" type="date" value={form.consultedOn} onChange={set('consultedOn')} error={errorFor(errors, 'consultedOn')} width="govuk-input--width-10" />
      <Textarea id="advice" label="Their advice" value={form.advice} onChange={set('advice')} error={errorFor(errors, 'advice')} rows={3} />
    </TaskPage>
  );
}

const KNOWS_OPTIONS = (Object.keys(OFFENDER_KNOWS) as OffenderKnows[]).map((k) => ({ value: k, label: OFFENDER_KNOWS[k] }));

export function OffenderKnowsPage(props: TaskProps) {
  const { view, go } = props;
  const [answer, setAnswer] = useState<string>(view.offenderKnows.answer ?? '');
  const [reason, setReason] = useState(view.offenderKnows.notToldReason ?? '');
  const { errors, busy, save } = useSave(props);
  return (
    <TaskPage
      view={view}
      go={go}
      title="9. Whether the offender knows"
      errors={errors}
      busy={busy}
      problems={problemsOf(view, 'offender_knows')}
      onSave={() => save(() => api().disclosures.setOffenderKnows({ id: view.id, offenderKnows: answer as OffenderKnows, notToldReason: answer === 'not_told' ? orNull(reason) : null }))}
    >
      <Radios id="offenderKnows" legend="Does the offender know about the disclosure?" hint="Leaflet, “Involvement of the Offender”." value={answer} options={KNOWS_OPTIONS} onChange={setAnswer} error={errorFor(errors, 'offenderKnows')} />
      {answer === 'not_told' ? (
        <>
          <Textarea id="notToldReason" label="Why is the offender not told?" value={reason} onChange={setReason} error={errorFor(errors, 'notToldReason')} rows={3} />
          <p className="govuk-inset-text">The briefing will tell the recipient that the person does not know, and not to tell them.</p>
        </>
      ) : null}
    </TaskPage>
  );
}
