import { useState, type FormEvent } from 'react';
import type { FieldRef, ShareField } from '../../../../shared/channels/sharing';
import { api } from '../../mappa';
import { ErrorSummary, errorFor, HintAndError } from '../../components/forms';
import { AgencyTag, Tag } from '../../components/tags';
import { useSubmit } from '../useSubmit';
import { toggled, BackLink, PageHeading } from './parts';
import type { StepProps } from './ShareScreen';

// Step 1: which of the person's details and items go. Each item shows whose it is (the
// owner's permission is needed to share another agency's), whether it is special
// category information, and whether its sender has withdrawn it (then it cannot go).

export const refKey = (ref: FieldRef) => (ref.kind === 'subject' ? `subject-${ref.field}` : `item-${ref.itemId}`);
const isNames = (field: ShareField) => field.ref.kind === 'subject' && field.ref.field === 'names';

interface Group {
  key: string;
  legend: string;
  field: ShareField;
  fields: ShareField[];
}

/** The person's own details first, then items by the office that owns them. */
function groupsOf(available: ShareField[]): Group[] {
  const groups = new Map<string, Group>();
  for (const field of available) {
    const key = field.ref.kind === 'subject' ? 'subject' : field.owner.id;
    let group = groups.get(key);
    if (!group) {
      group = { key, legend: key === 'subject' ? 'The person’s details' : `Information owned by ${field.owner.name}`, field, fields: [] };
      groups.set(key, group);
    }
    group.fields.push(field);
  }
  return [...groups.values()];
}

export function ChooseFieldsStep({ share, onChange, go }: StepProps) {
  const [chosen, setChosen] = useState(() => new Set(share.lines.map((l) => refKey(l.ref))));
  const { errors, busy, submit } = useSubmit();
  const toggle = (key: string, on: boolean) => setChosen((before) => toggled(before, key, on));

  const save = (event: FormEvent) => {
    event.preventDefault();
    void submit(async () => {
      const fields = share.available.filter((f) => isNames(f) || (!f.withdrawn && chosen.has(refKey(f.ref)))).map((f) => f.ref);
      onChange(await api().shares.setFields({ id: share.id, fields }));
      go('details');
    });
  };
  const fieldsError = errorFor(errors, 'fields');

  return (
    <>
      <BackLink onClick={() => go('tasks')}>Back to the task list</BackLink>
      <ErrorSummary errors={errors} />
      <PageHeading caption={`Share information about ${share.subjectName}`}>Choose the information</PageHeading>
      <p className="govuk-body">Choose only what the recipients need for the purpose of the share. You will be asked the three tests for each field you choose.</p>
      <form onSubmit={save} noValidate>
        <div className={`govuk-form-group${fieldsError ? ' govuk-form-group--error' : ''}`} id="fields" tabIndex={-1}>
          <HintAndError id="fields" error={fieldsError} />
          {groupsOf(share.available).map((group) => (
            <fieldset className="govuk-fieldset govuk-!-margin-bottom-6" key={group.key}>
              <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">
                {group.legend}
                {group.key === 'subject' ? ` (owned by ${group.field.owner.name})` : null}
              </legend>
              {group.key === 'subject' ? null : (
                <p className="govuk-body govuk-!-margin-bottom-2">
                  <AgencyTag agency={group.field.owner.agency} name={group.field.owner.name} />
                  {group.field.owner.isHome ? null : <span className="govuk-body-s">Another agency’s information: it can only be shared on with its permission.</span>}
                </p>
              )}
              <div className="govuk-checkboxes govuk-checkboxes--small">
                {group.fields.map((field) => (
                  <FieldChoice key={refKey(field.ref)} field={field} checked={isNames(field) || chosen.has(refKey(field.ref))} onToggle={(on) => toggle(refKey(field.ref), on)} />
                ))}
              </div>
            </fieldset>
          ))}
        </div>
        <button type="submit" className="govuk-button" disabled={busy} aria-disabled={busy}>
          Save and continue
        </button>
      </form>
    </>
  );
}

function FieldChoice({ field, checked, onToggle }: { field: ShareField; checked: boolean; onToggle: (on: boolean) => void }) {
  const id = `field-${refKey(field.ref)}`;
  const names = isNames(field);
  const disabled = names || field.withdrawn;
  return (
    <div className="govuk-checkboxes__item">
      <input
        className="govuk-checkboxes__input"
        id={id}
        name="fields"
        type="checkbox"
        checked={checked && !field.withdrawn}
        disabled={disabled}
        aria-describedby={`${id}-hint`}
        onChange={(e) => onToggle(e.target.checked)}
      />
      <label className="govuk-label govuk-checkboxes__label" htmlFor={id}>
        {field.label}
      </label>
      {/* A disabled box's label fades (GOV.UK), but why it cannot be chosen must stay readable: not a govuk-hint, which would fade with it. */}
      <div className={`govuk-checkboxes__hint ${disabled ? 'app-choice__note' : 'govuk-hint'}`} id={`${id}-hint`}>
        <span className="app-choice__value">{field.value}</span>
        {names ? <span className="govuk-!-display-block">The person’s names go with every share, so the receiving register can file it.</span> : null}
        <span className="govuk-!-display-block">
          {field.specialCategory ? <Tag colour="red">{`Special category: ${field.specialCategory}`}</Tag> : null}
          {field.withdrawn ? <Tag colour="red">Withdrawn by the sender: cannot be shared on</Tag> : null}
          {!field.withdrawn && field.permission !== 'not_needed' ? <Tag colour="orange">Needs the owner’s permission</Tag> : null}
          {field.received ? <Tag colour="grey">Received from a partner</Tag> : null}
          {field.notToSubject ? <Tag colour="purple">Not to be disclosed to the subject</Tag> : null}
        </span>
      </div>
    </div>
  );
}
