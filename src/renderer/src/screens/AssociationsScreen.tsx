import { useEffect, useState, type FormEvent } from 'react';
import type { ChannelOutput } from '../../../shared/contract';
import { api, type FieldError } from '../mappa';
import { ErrorSummary, errorFor, SuccessBanner, Textarea, TextInput } from '../components/forms';
import { formatDate, Tag } from '../components/tags';
import { useSubmit } from './useSubmit';
import { TableHead } from '../components/TableHead';
import { useRowForm } from './useRowForm';

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
  const [declarations, setDeclarations] = useState<Declaration[] | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const { errors, setErrors, busy, submit } = useSubmit();

  const [name, setName] = useState('');
  const [aliases, setAliases] = useState('');
  const [dateOfBirth, setDateOfBirth] = useState('');
  const [relationship, setRelationship] = useState('');

  const [reason, setReason] = useState('');
  const { chosen, setChosen, choose, cancel, heading: withdrawHeading } = useRowForm<Declaration>(
    (d) => `withdraw-${d.id}`,
    () => {
      setNotice(null);
      setErrors([]);
      setReason('');
    },
  );

  useEffect(() => {
    void submit(async () => setDeclarations(await api().associations.list({})));
    // Load once on arrival.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const shown = errors.length > 0 ? placeNameErrors(errors) : errors;

  const declare = (event: FormEvent) => {
    event.preventDefault();
    setNotice(null);
    setChosen(null);
    // Without a full name the contract says "Enter the person's name" against the field.
    const names = name.trim() === '' ? [] : [name, ...splitNames(aliases)];
    void submit(async () => {
      setDeclarations(await api().associations.declare({ names, dateOfBirth: dateOfBirth || null, relationship }));
      setNotice(`Your association with ${name.trim()} has been declared. If you try to open their record, the register will stop you and tell your information governance lead.`);
      setName('');
      setAliases('');
      setDateOfBirth('');
      setRelationship('');
    });
  };

  const withdraw = (event: FormEvent) => {
    event.preventDefault();
    if (!chosen) return;
    const declaration = chosen;
    setNotice(null);
    void submit(async () => {
      setDeclarations(await api().associations.withdraw({ id: declaration.id, reason }));
      setNotice(`Your declaration about ${declaration.names[0] ?? 'this person'} has been withdrawn. It stays on record with your reason.`);
      setChosen(null);
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

      {declarations === null ? null : declarations.length === 0 ? (
        <p className="govuk-inset-text">You have not declared any associations.</p>
      ) : (
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-table__caption--m">Your declarations</caption>
          <TableHead columns={['Name', 'Date of birth', 'How you know them', 'Declared', 'Status', { hidden: 'Actions' }]} />
          <tbody className="govuk-table__body">
            {declarations.map((d) => (
              <tr className="govuk-table__row" key={d.id}>
                <td className="govuk-table__cell">
                  {d.names[0]}
                  {d.names.length > 1 ? <span className="govuk-!-display-block govuk-body-s govuk-!-margin-bottom-0">Also known as {d.names.slice(1).join(', ')}</span> : null}
                </td>
                <td className="govuk-table__cell">{d.dateOfBirth ? formatDate(d.dateOfBirth) : 'Not known'}</td>
                <td className="govuk-table__cell">{d.relationship}</td>
                <td className="govuk-table__cell">{formatDate(d.declaredAt)}</td>
                <td className="govuk-table__cell">{d.withdrawnAt ? <Tag colour="grey">{`Withdrawn ${formatDate(d.withdrawnAt)}`}</Tag> : <Tag colour="green">Declared</Tag>}</td>
                <td className="govuk-table__cell">
                  {d.withdrawnAt ? null : (
                    <button type="button" id={`withdraw-${d.id}`} className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" onClick={() => choose(d)}>
                      Withdraw <span className="govuk-visually-hidden">the declaration about {d.names[0]}</span>
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      {chosen ? (
        <section aria-labelledby="withdraw-heading">
          <h2 className="govuk-heading-m" id="withdraw-heading" ref={withdrawHeading} tabIndex={-1}>
            Withdraw the declaration about {chosen.names[0]}
          </h2>
          <form onSubmit={withdraw} noValidate>
            <Textarea
              id="reason"
              label="Why are you withdrawing it?"
              hint="For example, the relationship ended in March. The declaration stays on record with your reason, and your information governance lead can see it."
              value={reason}
              onChange={setReason}
              error={errorFor(shown, 'reason')}
            />
            <div className="govuk-button-group">
              <button type="submit" className="govuk-button govuk-button--warning" disabled={busy} aria-disabled={busy}>
                Withdraw declaration
              </button>
              <button type="button" className="govuk-button govuk-button--secondary" onClick={cancel}>
                Cancel
              </button>
            </div>
          </form>
        </section>
      ) : null}

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
