import { useState, type FormEvent } from 'react';
import { api } from '../../mappa';
import { useSession } from '../../session';
import { ErrorSummary, errorFor, Radios, Textarea, TextInput } from '../../components/forms';
import { useSubmit } from '../useSubmit';
import { ActionLink, BackLink, captionOf, fieldOfBox, linesOf, orNull, PageHeading, type SarProps } from './parts';
import { draftOf, type DetailsDraft } from './responseDraft';

// What the response letter says besides the released items (UK GDPR Art. 15(1); DPA 2018
// s45(2)): the office's address and who signs, where it goes, and what the law says the
// requester is told. Whether a restriction is told (s45(5)–(7)), and its reasons. Lists are
// one to a line.

const BOXES = ['officeAddress', 'addresseeAddress', 'categories', 'recipients'] as const;

export function DetailsPage({ view, onChange, go }: SarProps) {
  const { status, notify } = useSession();
  const { errors, busy, submit } = useSubmit();
  const [form, setForm] = useState<DetailsDraft>(() => draftOf(view, status.userName));
  const set = (key: keyof DetailsDraft) => (value: string) => setForm((f) => ({ ...f, [key]: value }));
  const shown = fieldOfBox(errors, BOXES);
  const err = (field: string) => errorFor(shown, field);
  const part3 = view.regime === 'dpa2018_part3';
  const save = (event: FormEvent) => {
    event.preventDefault();
    void submit(async () => {
      const next = await api().sar.setResponseDetails({
        id: view.id,
        officeAddress: linesOf(form.officeAddress),
        signatory: { name: form.signatoryName, role: form.signatoryRole, contact: form.signatoryContact },
        addresseeAddress: linesOf(form.addresseeAddress),
        purposes: form.purposes,
        legalBasis: form.legalBasis,
        categories: linesOf(form.categories),
        recipients: linesOf(form.recipients),
        retention: form.retention,
        source: form.source,
        automatedDecisions: form.automatedDecisions,
        tellWithholding: form.tellWithholding === 'yes',
        withholdingReasons: orNull(form.withholdingReasons),
      });
      onChange(next);
      go('request');
      notify('The response details are saved.');
    });
  };
  return (
    <>
      <BackLink onClick={() => go('request')}>Back to the request</BackLink>
      <ErrorSummary errors={shown} />
      <PageHeading caption={captionOf(view)}>Response details</PageHeading>
      <p className="govuk-body">
        The letter that goes with the released items. The boxes start with wording for a MAPPA agency: read each one and change it to what is true for this office and this requester. Lists are one to a line.
      </p>
      <form onSubmit={save} noValidate>
        <h2 className="govuk-heading-m">From and to</h2>
        <Textarea id="officeAddress" label="This office’s address" hint={`The letter gives ${view.office.name} above it. One line to a row, up to 6.`} value={form.officeAddress} onChange={set('officeAddress')} error={err('officeAddress')} rows={4} />
        <TextInput id="signatory.name" label="Who signs the letter" value={form.signatoryName} onChange={set('signatoryName')} error={err('signatory.name')} width="govuk-input--width-30" />
        <TextInput id="signatory.role" label="Their role" value={form.signatoryRole} onChange={set('signatoryRole')} error={err('signatory.role')} width="govuk-input--width-30" />
        <TextInput id="signatory.contact" label="How to reach them" hint="An email address and a telephone number." value={form.signatoryContact} onChange={set('signatoryContact')} error={err('signatory.contact')} width="govuk-!-width-two-thirds" />
        <Textarea id="addresseeAddress" label={`The address the response goes to${view.representativeName ? ` (${view.representativeName})` : ''}`} hint="One line to a row, up to 6. Taken from where the request asked it to go." value={form.addresseeAddress} onChange={set('addresseeAddress')} error={err('addresseeAddress')} rows={4} />

        <h2 className="govuk-heading-m">What the requester is told</h2>
        <Textarea id="purposes" label="Why the information is held (purposes)" value={form.purposes} onChange={set('purposes')} error={err('purposes')} rows={3} />
        <Textarea id="legalBasis" label="The law that allows it to be held (legal basis)" value={form.legalBasis} onChange={set('legalBasis')} error={err('legalBasis')} rows={3} />
        <Textarea id="categories" label="The kinds of information held (categories)" hint="One to a line." value={form.categories} onChange={set('categories')} error={err('categories')} rows={4} />
        <Textarea id="recipients" label="Who it has been shared with (recipients)" hint="One to a line; leave empty if no one." value={form.recipients} onChange={set('recipients')} error={err('recipients')} rows={3} />
        <Textarea id="retention" label="How long it is kept (retention)" value={form.retention} onChange={set('retention')} error={err('retention')} rows={2} />
        <Textarea id="source" label="Where it came from (source)" value={form.source} onChange={set('source')} error={err('source')} rows={2} />
        <Textarea id="automatedDecisions" label="Automated decisions" value={form.automatedDecisions} onChange={set('automatedDecisions')} error={err('automatedDecisions')} rows={2} />

        <h2 className="govuk-heading-m">What is withheld or redacted</h2>
        <Radios
          id="tellWithholding"
          legend="Is the requester told that information was withheld or redacted, and why?"
          hint={
            part3
              ? 'Section 45(5) of the Data Protection Act 2018: the requester is told of a restriction, its reasons and their rights, unless telling them would itself undermine the purpose of the restriction (section 45(6)). Either way the reasons are recorded for the Information Commissioner (section 45(7)), in the internal schedule.'
              : 'Tell the requester what was withheld or redacted and why, unless telling them would itself prejudice the purpose of the exemption. The reasons are recorded in the internal schedule either way.'
          }
          value={form.tellWithholding}
          options={[
            { value: 'yes', label: 'Yes, tell them, with the reasons' },
            { value: 'no', label: 'No, telling them would undermine the restriction', hint: 'The letter then reads as one with nothing withheld, and no released text may show a redaction.' },
          ]}
          onChange={set('tellWithholding')}
          error={err('tellWithholding')}
        />
        <Textarea
          id="withholdingReasons"
          label="The reasons for what is withheld or redacted"
          hint={form.tellWithholding === 'yes' ? 'These words go in the letter.' : 'These words are recorded in the internal schedule only.'}
          value={form.withholdingReasons}
          onChange={set('withholdingReasons')}
          error={err('withholdingReasons')}
          rows={3}
        />
        <div className="govuk-button-group">
          <button type="submit" className="govuk-button" disabled={busy} aria-disabled={busy}>
            Save and return to the request
          </button>
          <ActionLink onClick={() => go('request')}>Cancel</ActionLink>
        </div>
      </form>
    </>
  );
}
