import { useState } from 'react';
import type { DisclosureRecipient, DisclosureView, RecipientInput } from '../../../../shared/channels/disclosure';
import { RECIPIENT_KINDS, type RecipientKind } from '../../../../shared/disclosureVocabulary';
import { api, toFieldErrors, type FieldError } from '../../mappa';
import { Checkbox, ErrorSummary, errorFor, Radios, Textarea, TextInput } from '../../components/forms';
import { TableHead } from '../../components/TableHead';
import { useSubmit } from '../useSubmit';
import { ActionLink, BackLink, orNull, PageHeading, problemsOf, StillToDo, TaskPage, type TaskProps } from './parts';

// The recipients (procedures §18: who receives it), each correctly identified (criterion 2)
// and prepared (criterion 4): what they already know, that they understand it is
// confidential and sensitive, how to use it, what to do if something happens, whom to
// contact and where to get support. Each recipient is saved whole, as the channel takes it.

const KIND_OPTIONS = (Object.keys(RECIPIENT_KINDS) as RecipientKind[]).map((k) => ({ value: k, label: RECIPIENT_KINDS[k] }));

type Editable = Omit<RecipientInput, 'id' | 'recipientId'>;

const editableOf = (r: DisclosureRecipient): Editable => ({
  kind: r.kind,
  kindOther: r.kindOther,
  fullName: r.fullName,
  organisation: r.organisation,
  identifiedHow: r.identifiedHow,
  alreadyKnows: r.alreadyKnows,
  understandsConfidential: r.understandsConfidential,
  howToUse: r.howToUse,
  ifSomethingHappens: r.ifSomethingHappens,
  contactAndSupport: r.contactAndSupport,
});

/** Saves each recipient whose answers changed; a refusal stays with its recipient, by the box's id. */
function useRecipientsForm({ view, onChange, go }: TaskProps) {
  const [edits, setEdits] = useState<Record<string, Partial<Editable>>>({});
  const [failed, setFailed] = useState<FieldError[]>([]);
  const { errors, busy, submit } = useSubmit();
  const valueOf = (r: DisclosureRecipient): Editable => ({ ...editableOf(r), ...edits[r.id] });
  const edit = (r: DisclosureRecipient, patch: Partial<Editable>) => setEdits((all) => ({ ...all, [r.id]: { ...all[r.id], ...patch } }));
  const save = () =>
    void submit(async () => {
      let next = view;
      const refused: FieldError[] = [];
      for (const r of view.recipientList) {
        if (!edits[r.id]) continue;
        try {
          next = await api().disclosures.setRecipient({ id: view.id, recipientId: r.id, ...valueOf(r) });
        } catch (error) {
          refused.push(...toFieldErrors(error).map((e) => ({ message: `${r.fullName}: ${e.message}`, ...(e.field ? { field: `${r.id}-${e.field}` } : {}) })));
        }
      }
      onChange(next);
      setFailed(refused);
      if (refused.length === 0) go('tasks');
    });
  return { valueOf, edit, save, busy, errors: failed.length > 0 ? failed : errors };
}

export function RecipientsPage({ view, onChange, go }: TaskProps) {
  const { errors, busy, submit } = useSubmit();
  const remove = (r: DisclosureRecipient) => {
    if (!window.confirm(`Take ${r.fullName} off this disclosure?`)) return;
    void submit(async () => onChange(await api().disclosures.removeRecipient({ id: view.id, recipientId: r.id })));
  };
  return (
    <>
      <BackLink onClick={() => go('tasks')}>Back to the task list</BackLink>
      <ErrorSummary errors={errors} />
      <PageHeading caption={`Disclosure about ${view.subjectName}`}>Recipients</PageHeading>
      <p className="govuk-body">Name each person who is to be told, and say how you checked they are who they say they are. Tell no one beyond those who need to know.</p>
      <StillToDo problems={problemsOf(view, 'identification')} />
      {view.recipientList.length === 0 ? (
        <p className="govuk-inset-text">No recipient has been added yet.</p>
      ) : (
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-table__caption--m">{view.recipientList.length === 1 ? '1 recipient' : `${view.recipientList.length} recipients`}</caption>
          <TableHead columns={['Name', 'Who they are', 'How their identity was checked', { hidden: 'Actions' }]} />
          <tbody className="govuk-table__body">
            {view.recipientList.map((r) => (
              <tr className="govuk-table__row" key={r.id}>
                <td className="govuk-table__cell">{r.fullName}</td>
                <td className="govuk-table__cell">
                  {r.kind === 'other' ? (r.kindOther ?? '') : r.kindLabel}
                  {r.organisation ? `, ${r.organisation}` : ''}
                </td>
                <td className="govuk-table__cell">{r.identifiedHow ?? 'Not recorded yet'}</td>
                <td className="govuk-table__cell">
                  <ActionLink onClick={() => go('recipient', r.id)}>
                    Change<span className="govuk-visually-hidden"> {r.fullName}</span>
                  </ActionLink>{' '}
                  <button type="button" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" disabled={busy} onClick={() => remove(r)}>
                    Remove<span className="govuk-visually-hidden"> {r.fullName}</span>
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="govuk-button-group">
        <button type="button" className="govuk-button govuk-button--secondary" onClick={() => go('recipient')}>
          Add a recipient
        </button>
        <ActionLink onClick={() => go('tasks')}>Return to the task list</ActionLink>
      </div>
    </>
  );
}

const BLANK: Editable = {
  kind: '' as RecipientKind,
  kindOther: null,
  fullName: '',
  organisation: null,
  identifiedHow: null,
  alreadyKnows: null,
  understandsConfidential: false,
  howToUse: null,
  ifSomethingHappens: null,
  contactAndSupport: null,
};

/** One recipient, added (recipientId null) or changed: who they are and how they were identified. */
export function RecipientPage({ view, onChange, go, recipientId }: TaskProps & { recipientId: string | null }) {
  const existing = view.recipientList.find((r) => r.id === recipientId);
  const [form, setForm] = useState<Editable>(() => (existing ? editableOf(existing) : BLANK));
  const { errors, busy, submit } = useSubmit();
  const text = (key: 'kindOther' | 'organisation' | 'identifiedHow') => form[key] ?? '';
  const set = (patch: Partial<Editable>) => setForm((f) => ({ ...f, ...patch }));
  const save = () =>
    void submit(async () => {
      onChange(await api().disclosures.setRecipient({ id: view.id, recipientId: existing?.id ?? null, ...form }));
      go('recipients');
    });
  return (
    <TaskPage view={view} go={go} title={existing ? `Change ${existing.fullName}` : 'Add a recipient'} errors={errors} busy={busy} onSave={save} saveLabel="Save recipient">
      <Radios id="kind" legend="Who is the recipient?" value={form.kind} options={KIND_OPTIONS} onChange={(v) => set({ kind: v as RecipientKind })} error={errorFor(errors, 'kind')} />
      {form.kind === 'other' ? <TextInput id="kindOther" label="Say who they are" value={text('kindOther')} onChange={(v) => set({ kindOther: orNull(v) })} error={errorFor(errors, 'kindOther')} width="govuk-!-width-two-thirds" /> : null}
      <TextInput id="fullName" label="Their full name" value={form.fullName} onChange={(v) => set({ fullName: v })} error={errorFor(errors, 'fullName')} width="govuk-input--width-30" />
      <TextInput id="organisation" label="Their role or organisation (optional)" value={text('organisation')} onChange={(v) => set({ organisation: orNull(v) })} error={errorFor(errors, 'organisation')} width="govuk-!-width-two-thirds" />
      <Textarea
        id="identifiedHow"
        label="How was their identity checked?"
        hint="Criterion 2: each recipient correctly identified. For example, met in person and checked against a staff pass."
        value={text('identifiedHow')}
        onChange={(v) => set({ identifiedHow: orNull(v) })}
        error={errorFor(errors, 'identifiedHow')}
        rows={3}
      />
    </TaskPage>
  );
}

function noRecipients(view: DisclosureView, go: TaskProps['go'], title: string) {
  return (
    <>
      <BackLink onClick={() => go('tasks')}>Back to the task list</BackLink>
      <PageHeading caption={`Disclosure about ${view.subjectName}`}>{title}</PageHeading>
      <p className="govuk-inset-text">
        Add the recipients first: <ActionLink onClick={() => go('recipients')}>recipients</ActionLink>.
      </p>
    </>
  );
}

/** Criterion 2: how each recipient was identified. */
export function IdentificationPage(props: TaskProps) {
  const { view, go } = props;
  const f = useRecipientsForm(props);
  const title = 'Each recipient correctly identified';
  if (view.recipientList.length === 0) return noRecipients(view, go, title);
  return (
    <TaskPage view={view} go={go} title={title} errors={f.errors} busy={f.busy} onSave={f.save} problems={problemsOf(view, 'identification')}>
      {view.recipientList.map((r) => (
        <Textarea
          key={r.id}
          id={`${r.id}-identifiedHow`}
          label={`How was ${r.fullName}’s identity checked?`}
          hint={r.organisation ?? r.kindLabel}
          value={f.valueOf(r).identifiedHow ?? ''}
          onChange={(v) => f.edit(r, { identifiedHow: orNull(v) })}
          error={errorFor(f.errors, `${r.id}-identifiedHow`)}
          rows={3}
        />
      ))}
    </TaskPage>
  );
}

/** Criterion 4: the preparation with each recipient. */
export function PreparationPage(props: TaskProps) {
  const { view, go } = props;
  const f = useRecipientsForm(props);
  const title = 'Preparation with each recipient';
  if (view.recipientList.length === 0) return noRecipients(view, go, title);
  const box = (r: DisclosureRecipient, key: 'alreadyKnows' | 'howToUse' | 'ifSomethingHappens' | 'contactAndSupport', label: string, hint?: string) => (
    <Textarea id={`${r.id}-${key}`} label={label} hint={hint} value={f.valueOf(r)[key] ?? ''} onChange={(v) => f.edit(r, { [key]: orNull(v) })} error={errorFor(f.errors, `${r.id}-${key}`)} rows={3} />
  );
  return (
    <TaskPage view={view} go={go} title={title} errors={f.errors} busy={f.busy} onSave={f.save} problems={problemsOf(view, 'preparation')}>
      <p className="govuk-body">The recipient must understand their obligations and what they may do with the information, and be willing to sign an undertaking to keep it confidential (national guidance ch.10).</p>
      {view.recipientList.map((r) => (
        <fieldset className="govuk-fieldset app-repeat" key={r.id}>
          <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">{r.fullName}</legend>
          {box(r, 'alreadyKnows', 'What do they already know?')}
          <Checkbox
            id={`${r.id}-understandsConfidential`}
            label={`${r.fullName} understands the information is confidential and sensitive`}
            checked={f.valueOf(r).understandsConfidential}
            onChange={(on) => f.edit(r, { understandsConfidential: on })}
          />
          {box(r, 'howToUse', 'How are they to use it?')}
          {box(r, 'ifSomethingHappens', 'What should they do if something happens?')}
          {box(r, 'contactAndSupport', 'Whom do they contact, and where do they get support?', 'A name and a telephone number they can use.')}
        </fieldset>
      ))}
    </TaskPage>
  );
}
