import { useMemo, useState } from 'react';
import type { DisclosableField, DisclosureLine } from '../../../../shared/channels/disclosure';
import { api, toFieldErrors, type FieldError } from '../../mappa';
import { errorFor, HintAndError, Textarea } from '../../components/forms';
import { AgencyTag, Tag } from '../../components/tags';
import { useSubmit } from '../useSubmit';
import { refKey } from '../sharing/ChooseFieldsStep';
import { BackLink, PageHeading, TaskPage, toggled, WarningText, type TaskProps } from './parts';

// Exactly what is disclosed (procedures §18), field by field, and the three tests for each
// as in sharing (leaflet): necessary, proportionate, relevant; a special category's own
// justification; for another agency's item, who at the owning agency agreed. The PPU case
// study: discreet, minimal, nothing beyond need.

export function ChooseFieldsPage({ view, onChange, go }: TaskProps) {
  const [chosen, setChosen] = useState(() => new Set(view.lines.map((l) => refKey(l.ref))));
  const { errors, busy, submit } = useSubmit();
  const groups = useMemo(() => {
    const by = new Map<string, { legend: string; fields: DisclosableField[] }>();
    for (const f of view.available) {
      const key = f.ref.kind === 'subject' ? 'subject' : f.owner.id;
      const group = by.get(key) ?? { legend: key === 'subject' ? 'The person’s details' : `Information owned by ${f.owner.name}`, fields: [] };
      group.fields.push(f);
      by.set(key, group);
    }
    return [...by.entries()];
  }, [view.available]);
  const save = () =>
    void submit(async () => {
      const fields = view.available.filter((f) => !f.withdrawn && chosen.has(refKey(f.ref))).map((f) => f.ref);
      onChange(await api().disclosures.setFields({ id: view.id, fields }));
      go('tests');
    });
  return (
    <TaskPage view={view} go={go} title="What is disclosed" errors={errors} busy={busy} onSave={save} saveLabel="Save and continue">
      <p className="govuk-body">Choose only what the recipients need to protect people: nothing beyond need. You will be asked the three tests for each field you choose.</p>
      <div className={`govuk-form-group${errorFor(errors, 'fields') ? ' govuk-form-group--error' : ''}`} id="fields" tabIndex={-1}>
        <HintAndError id="fields" error={errorFor(errors, 'fields')} />
        {groups.map(([key, group]) => (
          <fieldset className="govuk-fieldset govuk-!-margin-bottom-6" key={key}>
            <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">{group.legend}</legend>
            <div className="govuk-checkboxes govuk-checkboxes--small">
              {group.fields.map((f) => {
                const id = `field-${refKey(f.ref)}`;
                return (
                  <div className="govuk-checkboxes__item" key={id}>
                    <input
                      className="govuk-checkboxes__input"
                      id={id}
                      type="checkbox"
                      checked={chosen.has(refKey(f.ref)) && !f.withdrawn}
                      disabled={f.withdrawn}
                      aria-describedby={`${id}-hint`}
                      onChange={(e) => setChosen((before) => toggled(before, refKey(f.ref), e.target.checked))}
                    />
                    <label className="govuk-label govuk-checkboxes__label" htmlFor={id}>
                      {f.ref.kind === 'subject' ? f.label : f.label.replace(/:.*$/, '')}
                    </label>
                    <div className={`govuk-checkboxes__hint ${f.withdrawn ? 'app-choice__note' : 'govuk-hint'}`} id={`${id}-hint`}>
                      <span className="app-choice__value">{f.value}</span>
                      <span className="govuk-!-display-block">
                        {f.specialCategory ? <Tag colour="red">{`Special category: ${f.specialCategory}`}</Tag> : null}
                        {f.noOnwardDisclosure ? <Tag colour="orange">No onward disclosure without the owner’s permission</Tag> : null}
                        {f.withdrawn ? <Tag colour="red">Withdrawn by the sender: cannot be disclosed</Tag> : null}
                      </span>
                    </div>
                  </div>
                );
              })}
            </div>
          </fieldset>
        ))}
      </div>
    </TaskPage>
  );
}

type Answers = Record<'necessary' | 'proportionate' | 'relevant' | 'specialJustification' | 'wording' | 'ownerAgreement', string>;

const answersOf = (l: DisclosureLine): Answers => ({
  necessary: l.answers.necessary ?? '',
  proportionate: l.answers.proportionate ?? '',
  relevant: l.answers.relevant ?? '',
  specialJustification: l.answers.specialJustification ?? '',
  wording: l.answers.wording ?? '',
  ownerAgreement: l.answers.ownerAgreement ?? '',
});

const blankToNull = (s: string) => (s.trim() === '' ? null : s);

export function ThreeTestsPage({ view, onChange, go }: TaskProps) {
  const [drafts, setDrafts] = useState<Record<string, Answers>>({});
  const [failed, setFailed] = useState<FieldError[]>([]);
  const { errors, busy, submit } = useSubmit();
  if (view.lines.length === 0) {
    return (
      <>
        <BackLink onClick={() => go('tasks')}>Back to the task list</BackLink>
        <PageHeading caption={`Disclosure about ${view.subjectName}`}>The three tests, field by field</PageHeading>
        <p className="govuk-inset-text">Choose what is disclosed first.</p>
      </>
    );
  }
  const draft = (l: DisclosureLine) => drafts[l.lineId] ?? answersOf(l);
  const edit = (l: DisclosureLine, key: keyof Answers, value: string) => setDrafts((all) => ({ ...all, [l.lineId]: { ...draft(l), [key]: value } }));
  const save = () =>
    void submit(async () => {
      let next = view;
      const refused: FieldError[] = [];
      for (const l of view.lines) {
        const d = drafts[l.lineId];
        if (!d) continue;
        try {
          next = await api().disclosures.answerField({
            id: view.id,
            lineId: l.lineId,
            necessary: d.necessary,
            proportionate: d.proportionate,
            relevant: d.relevant,
            specialJustification: l.specialCategory ? blankToNull(d.specialJustification) : null,
            wording: blankToNull(d.wording),
            ownerAgreement: l.needsOwnerAgreement ? blankToNull(d.ownerAgreement) : null,
          });
        } catch (error) {
          refused.push(...toFieldErrors(error).map((e) => ({ message: `${l.label}: ${e.message}`, ...(e.field ? { field: `${l.lineId}-${e.field}` } : {}) })));
        }
      }
      onChange(next);
      setFailed(refused);
      setDrafts((all) => (refused.length === 0 ? {} : all));
      if (refused.length === 0) go('tasks');
    });
  const shown = failed.length > 0 ? failed : errors;
  return (
    <TaskPage view={view} go={go} title="The three tests, field by field" errors={shown} busy={busy} onSave={save}>
      <p className="govuk-body">
        For each field, say why disclosing it is <strong>necessary</strong> to protect someone, <strong>proportionate</strong> (this much and no more) and <strong>relevant</strong> to the risk the recipient must manage.
      </p>
      {view.lines.map((l, index) => {
        const d = draft(l);
        const id = (k: string) => `${l.lineId}-${k}`;
        const box = (k: keyof Answers, label: string, hint?: string) => <Textarea id={id(k)} label={label} hint={hint} rows={2} value={d[k]} onChange={(v) => edit(l, k, v)} error={errorFor(shown, id(k))} />;
        return (
          <section className={`app-share-line${l.specialCategory ? ' app-share-line--special' : ''}`} key={l.lineId} aria-labelledby={id('title')}>
            <span className="govuk-caption-m">
              Field {index + 1} of {view.lines.length}
            </span>
            <h2 className="govuk-heading-m govuk-!-margin-bottom-2" id={id('title')}>
              {l.ref.kind === 'subject' ? l.label : l.label.replace(/:.*$/, '')}
            </h2>
            <p className="govuk-body app-item__value">{l.value}</p>
            <div className="app-tag-row govuk-!-margin-bottom-4">
              <AgencyTag agency={l.owner.agency} name={l.owner.name} />
              {l.specialCategory ? <Tag colour="red">{`Special category: ${l.specialCategory}`}</Tag> : null}
              {l.needsOwnerAgreement ? <Tag colour="orange">Needs the owning agency’s agreement</Tag> : null}
            </div>
            {l.problems.length > 0 ? (
              <div className="app-line-problems">
                <p className="govuk-body govuk-!-font-weight-bold govuk-!-margin-bottom-1">Still to do for this field</p>
                <ul className="govuk-list govuk-list--bullet govuk-!-margin-bottom-0">
                  {l.problems.map((p) => (
                    <li key={p}>{p}</li>
                  ))}
                </ul>
              </div>
            ) : null}
            {box('necessary', 'Necessary', 'Why must the recipient know this to protect someone?')}
            {box('proportionate', 'Proportionate', 'Why this much and no more?')}
            {box('relevant', 'Relevant', 'How does it bear on the risk the recipient must manage?')}
            {l.specialCategory ? (
              <>
                <WarningText>
                  This is special category information ({l.specialCategory}). It needs its own justification; if it is not needed, choose fewer fields.
                </WarningText>
                {box('specialJustification', 'Why must this special category information be disclosed?')}
              </>
            ) : null}
            {l.needsOwnerAgreement ? box('ownerAgreement', `Who at ${l.owner.name} agreed to its disclosure, and when?`) : null}
            {box('wording', 'The words the recipient is given (optional)', 'Leave blank to give the field as it is. Discreet and minimal: say no more than they need.')}
          </section>
        );
      })}
    </TaskPage>
  );
}
