import { useState, type FormEvent } from 'react';
import { systemClock, today } from '../../../../shared/calendar';
import { api } from '../../mappa';
import { useSession } from '../../session';
import { ErrorSummary, errorFor, Radios, Textarea, TextInput } from '../../components/forms';
import { useSubmit } from '../useSubmit';
import { ActionLink, BackLink, fieldOfBox, linesOf, orNull, PageHeading } from './parts';

// Intake of a subject access request (issue 13): who asks (the person, or a representative
// with their authority), where the response goes, what identifies them in the register, what
// they asked for and when it arrived. The office's agency decides the regime; the service
// says what it refuses, and the error summary shows its sentences as they come.

const BOXES = ['names'] as const;

export function SarIntakeScreen() {
  const { navigate, notify } = useSession();
  const { errors, busy, submit } = useSubmit();
  const [form, setForm] = useState({
    requesterName: '',
    byRepresentative: 'no',
    representativeName: '',
    authority: '',
    contact: '',
    names: '',
    dateOfBirth: '',
    identifiers: '',
    askedFor: '',
    // Today in England and Wales: the service refuses a day received after its today.
    receivedOn: today(systemClock()),
  });
  const set = (key: keyof typeof form) => (value: string) => setForm((f) => ({ ...f, [key]: value }));
  const shown = fieldOfBox(errors, BOXES);
  const err = (field: string) => errorFor(shown, field);
  const save = (event: FormEvent) => {
    event.preventDefault();
    const byRep = form.byRepresentative === 'yes';
    void submit(async () => {
      const made = await api().sar.create({
        requesterName: form.requesterName,
        representativeName: byRep ? orNull(form.representativeName) : null,
        authority: byRep ? orNull(form.authority) : null,
        contact: form.contact,
        names: linesOf(form.names),
        dateOfBirth: form.dateOfBirth,
        identifiers: orNull(form.identifiers),
        askedFor: form.askedFor,
        receivedOn: form.receivedOn,
      });
      notify(`Request ${made.reference} from ${made.requesterName} is recorded. The clock starts when their identity is verified.`);
      navigate({ name: 'sar', id: made.id });
    });
  };
  return (
    <>
      <BackLink onClick={() => navigate({ name: 'sars' })}>Back to subject access requests</BackLink>
      <ErrorSummary errors={shown} />
      <PageHeading caption="Subject access requests">Record a new request</PageHeading>
      <form onSubmit={save} noValidate>
        <h2 className="govuk-heading-m">Who is asking</h2>
        <TextInput id="requesterName" label="The requester’s full name" hint="The person the information is about." value={form.requesterName} onChange={set('requesterName')} error={err('requesterName')} width="govuk-input--width-30" />
        <Radios
          id="byRepresentative"
          legend="Is the request made on their behalf?"
          value={form.byRepresentative}
          options={[
            { value: 'no', label: 'No, by the person themself' },
            { value: 'yes', label: 'Yes, by a representative with their authority', hint: 'For example a solicitor, a parent, or an advocate.' },
          ]}
          onChange={set('byRepresentative')}
        />
        {form.byRepresentative === 'yes' ? (
          <div className="govuk-inset-text">
            <TextInput id="representativeName" label="The representative’s name" value={form.representativeName} onChange={set('representativeName')} error={err('representativeName')} width="govuk-input--width-30" />
            <Textarea id="authority" label="The authority they hold" hint="For example, a signed form of authority dated 3 November." value={form.authority} onChange={set('authority')} error={err('authority')} rows={2} />
          </div>
        ) : null}
        <Textarea id="contact" label="Where to send the response" hint="A postal address or a secure email address." value={form.contact} onChange={set('contact')} error={err('contact')} rows={3} />
        <h2 className="govuk-heading-m">What identifies them</h2>
        <Textarea id="names" label="Other names they have used (optional)" hint="One to a line: earlier names, nicknames, other spellings." value={form.names} onChange={set('names')} error={err('names')} rows={2} />
        <TextInput id="dateOfBirth" label="Date of birth (optional)" type="date" width="govuk-input--width-10" value={form.dateOfBirth} onChange={set('dateOfBirth')} error={err('dateOfBirth')} />
        <TextInput id="identifiers" label="References they gave (optional)" hint="A PNC number, nDelius CRN or prison number." value={form.identifiers} onChange={set('identifiers')} error={err('identifiers')} width="govuk-input--width-30" />
        <h2 className="govuk-heading-m">The request</h2>
        <Textarea id="askedFor" label="What they asked for" hint="In their words where you can." value={form.askedFor} onChange={set('askedFor')} error={err('askedFor')} rows={4} />
        <TextInput id="receivedOn" label="The day the request was received" type="date" width="govuk-input--width-10" value={form.receivedOn} onChange={set('receivedOn')} error={err('receivedOn')} />
        <div className="govuk-button-group">
          <button type="submit" className="govuk-button" disabled={busy} aria-disabled={busy}>
            Record the request
          </button>
          <ActionLink onClick={() => navigate({ name: 'sars' })}>Cancel</ActionLink>
        </div>
      </form>
    </>
  );
}
