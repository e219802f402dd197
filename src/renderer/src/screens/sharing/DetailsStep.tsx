import { useState, type FormEvent } from 'react';
import { LAWFUL_GATEWAYS, MAX_EXPIRY_DAYS, PURPOSE_NEEDS, REGIMES, SHARE_PURPOSES, type LawfulGateway, type SharePurpose } from '../../../../shared/sharingVocabulary';
import { FIELD_KINDS, type DataProtectionRegime } from '../../../../shared/vocabulary';
import { api } from '../../mappa';
import { useSession } from '../../session';
import { ErrorSummary, errorFor, HintAndError, Radios, Select, TextInput } from '../../components/forms';
import { AgencyTag } from '../../components/tags';
import { useSubmit } from '../useSubmit';
import { toggled, ActionLink, BackLink, PageHeading } from './parts';
import type { StepProps } from './ShareScreen';

// Step 2: why the information is shared, with whom, under which law and regime, for how
// long the file can wait, and the conditions that go with every copy. The lawful gateway
// and the regime start from this office's agency's defaults (the service sets them).

const PURPOSE_OPTIONS = (Object.keys(SHARE_PURPOSES) as SharePurpose[]).map((code) => ({
  value: code,
  label: SHARE_PURPOSES[code],
  hint:
    code === 'other'
      ? 'Say which. Every field then needs its own reason.'
      : `Normally needs: ${PURPOSE_NEEDS[code].map((k) => FIELD_KINDS[k].label.toLowerCase()).join(', ')}.`,
}));
const GATEWAY_OPTIONS = (Object.keys(LAWFUL_GATEWAYS) as LawfulGateway[]).map((code) => ({ value: code, label: LAWFUL_GATEWAYS[code] }));
const REGIME_OPTIONS = (Object.keys(REGIMES) as DataProtectionRegime[]).map((code) => ({ value: code, label: REGIMES[code] }));

export function DetailsStep({ share, onChange, go }: StepProps) {
  const { navigate } = useSession();
  const [purpose, setPurpose] = useState<string>(share.purpose ?? '');
  const [purposeOther, setPurposeOther] = useState(share.purposeOther ?? '');
  const [recipients, setRecipients] = useState(() => new Set(share.recipients.map((o) => o.id)));
  const [gateway, setGateway] = useState<string>(share.gateway ?? '');
  const [gatewayOther, setGatewayOther] = useState(share.gatewayOther ?? '');
  const [regime, setRegime] = useState<string>(share.regime ?? '');
  const [expiryDays, setExpiryDays] = useState(String(share.expiryDays));
  const [noOnwardDisclosure, setNoOnwardDisclosure] = useState(share.noOnwardDisclosure);
  const [notToSubject, setNotToSubject] = useState(share.notToSubject);
  const { errors, busy, submit } = useSubmit();
  const available = share.recipientsAvailable;

  const toggle = (id: string, on: boolean) => setRecipients((before) => toggled(before, id, on));

  const save = (event: FormEvent) => {
    event.preventDefault();
    void submit(async () => {
      // Sent as the person left them: the service answers each missing choice next to its field.
      const view = await api().shares.setDetails({
        id: share.id,
        purpose: purpose as SharePurpose,
        purposeOther: purpose === 'other' ? purposeOther : null,
        recipientOfficeIds: available.filter((o) => recipients.has(o.id)).map((o) => o.id),
        gateway: gateway as LawfulGateway,
        gatewayOther: gateway === 'other' ? gatewayOther : null,
        regime: regime as DataProtectionRegime,
        expiryDays: expiryDays.trim() === '' ? (null as unknown as number) : Number(expiryDays),
        noOnwardDisclosure,
        notToSubject,
      });
      onChange(view);
      go('tests');
    });
  };
  const recipientsError = errorFor(errors, 'recipientOfficeIds');

  return (
    <>
      <BackLink onClick={() => go('tasks')}>Back to the task list</BackLink>
      <ErrorSummary errors={errors} />
      <PageHeading caption={`Share information about ${share.subjectName}`}>Purpose and recipients</PageHeading>
      <form onSubmit={save} noValidate>
        <Radios id="purpose" legend="What is the purpose of the share?" hint="The MAPPA purpose the information serves. It decides which kinds of information are normally needed." value={purpose} options={PURPOSE_OPTIONS} onChange={setPurpose} error={errorFor(errors, 'purpose')} />
        {purpose === 'other' ? <TextInput id="purposeOther" label="Which MAPPA purpose?" value={purposeOther} onChange={setPurposeOther} error={errorFor(errors, 'purposeOther')} width="govuk-!-width-two-thirds" /> : null}

        <div className={`govuk-form-group${recipientsError ? ' govuk-form-group--error' : ''}`}>
          <fieldset className="govuk-fieldset" aria-describedby={`recipientOfficeIds-hint${recipientsError ? ' recipientOfficeIds-error' : ''}`}>
            <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">Who is it for?</legend>
            <HintAndError
              id="recipientOfficeIds"
              hint="Partner offices whose key this register has confirmed. The file is encrypted for them alone."
              error={recipientsError}
            />
            {available.length === 0 ? (
              <p className="govuk-inset-text" id="recipientOfficeIds" tabIndex={-1}>
                No partner office’s key has been confirmed in this register yet, so there is no one a file can be made for.{' '}
                <ActionLink onClick={() => navigate({ name: 'keys' })}>Import and confirm a partner’s key on the Partner keys page</ActionLink>, then come back to this draft.
              </p>
            ) : (
              <div className="govuk-checkboxes govuk-checkboxes--small">
                {available.map((office, index) => {
                  const id = index === 0 ? 'recipientOfficeIds' : `recipientOfficeIds-${office.id}`;
                  return (
                    <div className="govuk-checkboxes__item" key={office.id}>
                      <input className="govuk-checkboxes__input" id={id} name="recipientOfficeIds" type="checkbox" checked={recipients.has(office.id)} onChange={(e) => toggle(office.id, e.target.checked)} />
                      <label className="govuk-label govuk-checkboxes__label" htmlFor={id}>
                        {office.name}
                      </label>
                      <div className="govuk-hint govuk-checkboxes__hint">
                        <AgencyTag agency={office.agency} /> {office.area}
                      </div>
                    </div>
                  );
                })}
              </div>
            )}
          </fieldset>
        </div>

        <Select id="gateway" label="Lawful gateway" hint="The law the share relies on. It starts with the usual one for your agency." value={gateway} options={GATEWAY_OPTIONS} placeholder="Choose the lawful gateway" onChange={setGateway} error={errorFor(errors, 'gateway')} />
        {gateway === 'other' ? <TextInput id="gatewayOther" label="Which lawful gateway?" value={gatewayOther} onChange={setGatewayOther} error={errorFor(errors, 'gatewayOther')} width="govuk-!-width-two-thirds" /> : null}
        <Radios id="regime" legend="Data protection regime" hint="The regime your agency processes this information under." value={regime} options={REGIME_OPTIONS} onChange={setRegime} error={errorFor(errors, 'regime')} />
        <TextInput
          id="expiryDays"
          label="Days the file can wait to be imported"
          hint={`After this the recipients cannot import it and you will need to make a new one. At most ${MAX_EXPIRY_DAYS} days.`}
          type="number"
          width="govuk-input--width-10"
          value={expiryDays}
          onChange={setExpiryDays}
          error={errorFor(errors, 'expiryDays')}
        />

        <div className="govuk-form-group">
          <fieldset className="govuk-fieldset" aria-describedby="conditions-hint">
            <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">Conditions that go with every copy</legend>
            <div className="govuk-hint" id="conditions-hint">
              Each item’s own conditions go with it as well, and the owner’s retention rules always apply.
            </div>
            <div className="govuk-checkboxes govuk-checkboxes--small">
              <div className="govuk-checkboxes__item">
                <input className="govuk-checkboxes__input" id="noOnwardDisclosure" type="checkbox" checked={noOnwardDisclosure} onChange={(e) => setNoOnwardDisclosure(e.target.checked)} />
                <label className="govuk-label govuk-checkboxes__label" htmlFor="noOnwardDisclosure">
                  No onward disclosure without the owner’s permission
                </label>
              </div>
              <div className="govuk-checkboxes__item">
                <input className="govuk-checkboxes__input" id="notToSubject" type="checkbox" checked={notToSubject} onChange={(e) => setNotToSubject(e.target.checked)} />
                <label className="govuk-label govuk-checkboxes__label" htmlFor="notToSubject">
                  Not to be disclosed to the subject
                </label>
              </div>
            </div>
          </fieldset>
        </div>
        <button type="submit" className="govuk-button" disabled={busy} aria-disabled={busy}>
          Save and continue
        </button>
      </form>
    </>
  );
}
