import { useState } from 'react';
import type { ArrangementsInput, DisclosureView } from '../../../../shared/channels/disclosure';
import { DISCLOSURE_METHODS, type DisclosureMethod } from '../../../../shared/disclosureVocabulary';
import { LAWFUL_GATEWAYS, type LawfulGateway } from '../../../../shared/sharingVocabulary';
import { AGENCY_KINDS } from '../../../../shared/vocabulary';
import { api } from '../../mappa';
import { errorFor, HintAndError, Radios, Select, Textarea, TextInput } from '../../components/forms';
import { useErrors, useLoad } from '../useLoad';
import { useSubmit } from '../useSubmit';
import { ActionLink, BackLink, orNull, PageHeading, TaskPage, toggled, type TaskProps } from './parts';

// Who makes the disclosure (one agency, or jointly: national guidance ch.10 asks that a
// joint police and probation disclosure be considered), the people, where, when and how
// (procedures §18); and the authority it relies on, s115 Crime and Disorder Act 1998 unless
// another is chosen.

const METHOD_OPTIONS = (Object.keys(DISCLOSURE_METHODS) as DisclosureMethod[]).map((m) => ({ value: m, label: DISCLOSURE_METHODS[m] }));
const AUTHORITY_OPTIONS = (Object.keys(LAWFUL_GATEWAYS) as LawfulGateway[]).map((g) => ({ value: g, label: LAWFUL_GATEWAYS[g] }));

type Form = Omit<ArrangementsInput, 'id' | 'method'> & { method: DisclosureMethod | '' };

const formOf = (v: DisclosureView): Form => ({
  discloserOfficeIds: v.arrangements.disclosingOffices.map((o) => o.id),
  disclosers: v.arrangements.disclosers ?? '',
  place: v.arrangements.place ?? '',
  plannedOn: v.arrangements.plannedOn ?? '',
  method: v.arrangements.method ?? '',
  methodDetails: v.arrangements.methodDetails,
  authority: v.authority,
  authorityOther: v.authorityOther,
});

/** Saves the arrangements and the authority together, as the channel takes them. */
function useArrangements({ view, onChange, go }: TaskProps) {
  const [form, setForm] = useState<Form>(() => formOf(view));
  const { errors, busy, submit } = useSubmit();
  const set = (patch: Partial<Form>) => setForm((f) => ({ ...f, ...patch }));
  const save = () =>
    void submit(async () => {
      onChange(await api().disclosures.setArrangements({ id: view.id, ...form, method: form.method as DisclosureMethod }));
      go('tasks');
    });
  return { form, set, save, errors, busy };
}

function AuthorityFields({ form, set, errors }: { form: Form; set: (patch: Partial<Form>) => void; errors: ReturnType<typeof useArrangements>['errors'] }) {
  return (
    <>
      <Select id="authority" label="The authority the disclosure relies on" hint="Procedures §18: section 115 of the Crime and Disorder Act 1998." value={form.authority} options={AUTHORITY_OPTIONS} onChange={(v) => set({ authority: v as LawfulGateway })} error={errorFor(errors, 'authority')} />
      {form.authority === 'other' ? <TextInput id="authorityOther" label="Which authority?" value={form.authorityOther ?? ''} onChange={(v) => set({ authorityOther: orNull(v) })} error={errorFor(errors, 'authorityOther')} width="govuk-!-width-two-thirds" /> : null}
    </>
  );
}

export function ArrangementsPage(props: TaskProps) {
  const { view, go } = props;
  const { form, set, save, errors: submitted, busy } = useArrangements(props);
  const offices = useLoad(() => api().offices.list({}), []);
  const errors = useErrors(offices.errors, submitted);
  const officesError = errorFor(errors, 'discloserOfficeIds');
  return (
    <TaskPage view={view} go={go} title="Who makes it, where, when and how" errors={errors} busy={busy} onSave={save}>
      <div className={`govuk-form-group${officesError ? ' govuk-form-group--error' : ''}`}>
        <fieldset className="govuk-fieldset" aria-describedby="discloserOfficeIds-hint">
          <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">Which agencies make the disclosure?</legend>
          <HintAndError id="discloserOfficeIds" hint="One agency, or two or more jointly. National guidance asks that a joint police and probation disclosure be considered." error={officesError} />
          <div className="govuk-checkboxes govuk-checkboxes--small">
            {(offices.data ?? []).map((o, index) => {
              const id = index === 0 ? 'discloserOfficeIds' : `discloserOfficeIds-${o.id}`;
              return (
                <div className="govuk-checkboxes__item" key={o.id}>
                  <input
                    className="govuk-checkboxes__input"
                    id={id}
                    type="checkbox"
                    checked={form.discloserOfficeIds.includes(o.id)}
                    onChange={(e) => set({ discloserOfficeIds: [...toggled(new Set(form.discloserOfficeIds), o.id, e.target.checked)] })}
                  />
                  <label className="govuk-label govuk-checkboxes__label" htmlFor={id}>
                    {o.name} ({AGENCY_KINDS[o.agency].label})
                  </label>
                </div>
              );
            })}
          </div>
        </fieldset>
      </div>
      <TextInput id="disclosers" label="The people making it" hint="Their names and roles." value={form.disclosers} onChange={(v) => set({ disclosers: v })} error={errorFor(errors, 'disclosers')} width="govuk-!-width-two-thirds" />
      <TextInput id="place" label="Where" hint="Somewhere discreet: the recipient’s office, not a public place." value={form.place} onChange={(v) => set({ place: v })} error={errorFor(errors, 'place')} width="govuk-!-width-two-thirds" />
      <TextInput id="plannedOn" label="When" type="date" value={form.plannedOn} onChange={(v) => set({ plannedOn: v })} error={errorFor(errors, 'plannedOn')} width="govuk-input--width-10" />
      <Radios id="method" legend="How is it made?" value={form.method} options={METHOD_OPTIONS} onChange={(v) => set({ method: v as DisclosureMethod })} error={errorFor(errors, 'method')} />
      <Textarea id="methodDetails" label="Details of how it is made (optional)" value={form.methodDetails ?? ''} onChange={(v) => set({ methodDetails: orNull(v) })} error={errorFor(errors, 'methodDetails')} rows={2} />
      <AuthorityFields form={form} set={set} errors={errors} />
    </TaskPage>
  );
}

export function AuthorityPage(props: TaskProps) {
  const { view, go } = props;
  const { form, set, save, errors, busy } = useArrangements(props);
  const a = view.arrangements;
  if (a.disclosers === null || a.place === null || a.plannedOn === null || a.method === null) {
    return (
      <>
        <BackLink onClick={() => go('tasks')}>Back to the task list</BackLink>
        <PageHeading caption={`Disclosure about ${view.subjectName}`}>The authority for the disclosure</PageHeading>
        <p className="govuk-body">The disclosure relies on: {view.authorityLabel}.</p>
        <p className="govuk-inset-text">
          The authority is saved with the arrangements: say <ActionLink onClick={() => go('arrangements')}>who makes it, where, when and how</ActionLink> first, or choose the authority there.
        </p>
      </>
    );
  }
  return (
    <TaskPage view={view} go={go} title="The authority for the disclosure" errors={errors} busy={busy} onSave={save}>
      <AuthorityFields form={form} set={set} errors={errors} />
    </TaskPage>
  );
}
