import { useState, type FormEvent } from 'react';
import type { ChannelOutput } from '../../../shared/contract';
import { api, type FieldError } from '../mappa';
import { ErrorSummary, errorFor, SuccessBanner, Textarea, TextInput } from '../components/forms';
import { formatDate, Tag } from '../components/tags';
import { useSubmit } from './useSubmit';
import { DecisionFields, RowDecision, type DecisionForm } from '../components/RowDecision';
import { useErrors, useLoad } from './useLoad';

// APP counter-corruption case study: an officer who failed to declare their partner read
// the incident logs about them. Every user declares their own notifiable associations.

type Declaration = ChannelOutput<'associations.list'>[number];

/** "Leigh Marsh, Lee Marshall" -> ['Leigh Marsh', 'Lee Marshall'] */
const splitNames = (text: string) =>
  text
    .split(/[,\n]/)
    .map((n) => n.trim())
    .filter((n) => n !== '');

/** The contract checks each name in one list: the first is the full name, the rest are the other names. */
const placeNameErrors = (errors: FieldError[]): FieldError[] =>
  errors.map((e) => (e.field?.startsWith('names.') ? { ...e, field: e.field === 'names.0' ? 'names' : 'aliases' } : e));

export function AssociationsScreen() {
  const declarations = useLoad(() => api().associations.list({}), []);
  const [notice, setNotice] = useState<string | null>(null);
  const { errors: submitted, busy, submit } = useSubmit();

  const [name, setName] = useState('');
  const [aliases, setAliases] = useState('');
  const [dateOfBirth, setDateOfBirth] = useState('');
  const [relationship, setRelationship] = useState('');

  const errors = useErrors(declarations.errors, submitted);
  const shown = errors.length > 0 ? placeNameErrors(errors) : errors;

  const declare = (event: FormEvent) => {
    event.preventDefault();
    setNotice(null);
    // Without a full name the contract says "Enter the person's name" against the field.
    const names = name.trim() === '' ? [] : [name, ...splitNames(aliases)];
    void submit(async () => {
      declarations.setData(await api().associations.declare({ names, dateOfBirth: dateOfBirth || null, relationship }));
      setNotice(`Your association with ${name.trim()} has been declared. If you try to open their record, the register will stop you and tell your information governance lead.`);
      setName('');
      setAliases('');
      setDateOfBirth('');
      setRelationship('');
    });
  };

  return (
    <>
      <ErrorSummary errors={shown} />
      <SuccessBanner message={notice} title="Done" />
      <h1 className="govuk-heading-xl">My declared associations</h1>
      <p className="govuk-body">
        You must declare notifiable associations: people you know personally, such as a partner, relative or friend, who are or could become subjects of this register.
        If you try to open the record of someone you have declared, the register stops you and tells your information governance lead, which protects both you and them.
      </p>

      {declarations.data === undefined ? null : (
        <RowDecision
          caption="Your declarations"
          empty="You have not declared any associations."
          rows={declarations.data}
          rowKey={(d) => d.id}
          columns={[
            {
              header: 'Name',
              cell: (d) => (
                <>
                  {d.names[0]}
                  {d.names.length > 1 ? <span className="govuk-!-display-block govuk-body-s govuk-!-margin-bottom-0">Also known as {d.names.slice(1).join(', ')}</span> : null}
                </>
              ),
            },
            { header: 'Date of birth', cell: (d) => (d.dateOfBirth ? formatDate(d.dateOfBirth) : 'Not known') },
            { header: 'How you know them', cell: (d) => d.relationship },
            { header: 'Declared', cell: (d) => formatDate(d.declaredAt) },
            { header: 'Status', cell: (d) => (d.withdrawnAt ? <Tag colour="grey">{`Withdrawn ${formatDate(d.withdrawnAt)}`}</Tag> : <Tag colour="green">Declared</Tag>) },
          ]}
          action="Withdraw"
          about={(d) => `the declaration about ${d.names[0] ?? 'this person'}`}
          choosable={(d) => !d.withdrawnAt}
          headingLevel={2}
          onResult={setNotice}
          renderForm={(d, form) => <WithdrawDeclaration declaration={d} form={form} onWithdrawn={declarations.setData} />}
        />
      )}

      <h2 className="govuk-heading-m">Declare an association</h2>
      <form onSubmit={declare} noValidate>
        <TextInput id="names" label="Full name" value={name} onChange={setName} width="govuk-input--width-30" error={errorFor(shown, 'names')} />
        <Textarea
          id="aliases"
          label="Other names they use"
          hint="Optional. Nicknames, former names or other spellings, separated by commas."
          value={aliases}
          onChange={setAliases}
          rows={2}
          error={errorFor(shown, 'aliases')}
        />
        <TextInput id="dateOfBirth" label="Date of birth (if known)" type="date" width="govuk-input--width-10" value={dateOfBirth} onChange={setDateOfBirth} error={errorFor(shown, 'dateOfBirth')} />
        <Textarea id="relationship" label="How you know them" hint="For example, my partner; my brother-in-law; a friend from school." value={relationship} onChange={setRelationship} rows={3} error={errorFor(shown, 'relationship')} />
        <button type="submit" className="govuk-button" disabled={busy} aria-disabled={busy}>
          Declare association
        </button>
      </form>
    </>
  );
}

/** Withdraws one declaration; it stays on record with the reason. */
function WithdrawDeclaration({ declaration, form, onWithdrawn }: { declaration: Declaration; form: DecisionForm; onWithdrawn: (declarations: Declaration[]) => void }) {
  const [reason, setReason] = useState('');
  const withdraw = async () => {
    onWithdrawn(await api().associations.withdraw({ id: declaration.id, reason }));
    return `Your declaration about ${declaration.names[0] ?? 'this person'} has been withdrawn. It stays on record with your reason.`;
  };
  return (
    <DecisionFields form={form} submitLabel="Withdraw declaration" warning decide={withdraw}>
      <Textarea
        id="reason"
        label="Why are you withdrawing it?"
        hint="For example, the relationship ended in March. The declaration stays on record with your reason, and your information governance lead can see it."
        value={reason}
        onChange={setReason}
        error={errorFor(form.errors, 'reason')}
      />
    </DecisionFields>
  );
}
