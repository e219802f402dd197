import { useState, type FormEvent } from 'react';
import type { KeyPreview, PartnerKey } from '../../../../shared/channels/sharing';
import { api } from '../../mappa';
import { useSession } from '../../session';
import { ErrorSummary, errorFor, HintAndError, SuccessBanner, TextInput } from '../../components/forms';
import { AgencyTag, formatDate } from '../../components/tags';
import { TableHead } from '../../components/TableHead';
import { useErrors, useLoad } from '../useLoad';
import { useSubmit } from '../useSubmit';
import { BackLink, Fingerprint, PageHeading, WarningText } from './parts';
import { formatLondonDateTime } from '../../../../shared/calendar';

// Partner keys (issue 10): this office's keys and fingerprint, and each partner office's
// key, trusted only once a person has compared its fingerprint with the one the office
// read out to them over another channel (a telephone number they already knew).

export function PartnerKeysScreen() {
  const { can } = useSession();
  const manage = can('keys.manage');
  const loaded = useLoad(async () => {
    const [own, partners] = await Promise.all([api().keys.own({}), api().keys.partners({})]);
    return { own, partners };
  }, []);
  const [preview, setPreview] = useState<KeyPreview | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const { errors: submitted, busy, submit } = useSubmit();
  const errors = useErrors(loaded.errors, submitted);
  const own = loaded.data?.own;
  const partners = loaded.data?.partners ?? [];

  if (preview) {
    return (
      <ConfirmPartnerKey
        preview={preview}
        onCancel={() => setPreview(null)}
        onConfirmed={(list) => {
          loaded.setData((d) => d && { ...d, partners: list });
          setPreview(null);
          setNotice(
            preview.status === 'same'
              ? `The key of ${preview.office.name} was already confirmed: nothing has changed.`
              : `The key of ${preview.office.name} has been confirmed. You can now share with them and import their files.`,
          );
        }}
      />
    );
  }

  const makeKeys = () => {
    setNotice(null);
    void submit(async () => {
      const made = await api().keys.create({});
      loaded.setData((d) => d && { ...d, own: made });
      setNotice('This office’s keys have been made. Save the key file for your partner offices, then read them the fingerprint.');
    });
  };
  const saveKeyFile = () => {
    setNotice(null);
    void submit(async () => {
      const { file } = await api().keys.exportOwn({});
      if (file) setNotice(`This office’s key file was saved to ${file}. Send it to your partner offices by secure email, then read them the fingerprint by telephone.`);
    });
  };
  const importKeyFile = () => {
    setNotice(null);
    void submit(async () => {
      const opened = await api().keys.openPartnerKey({});
      if (!('cancelled' in opened)) setPreview(opened);
    });
  };

  return (
    <>
      <ErrorSummary errors={errors} />
      <SuccessBanner message={notice} title="Done" />
      <h1 className="govuk-heading-xl">Partner keys</h1>
      <p className="govuk-body">
        Files shared between registers are encrypted for the offices they are sent to and signed by the office that sends them. Each office’s key is trusted only after
        someone has compared its fingerprint with the one the office reads out over the telephone.
      </p>

      <h2 className="govuk-heading-l">This office’s key</h2>
      {own === undefined ? null : own.fingerprint ? (
        <>
          <p className="govuk-body" id="own-fingerprint-label">
            Fingerprint of {own.office?.name ?? 'this office'}, made {formatDate(own.createdAt)}. Read it out, group by group, to a partner who is checking your key file:
          </p>
          <Fingerprint value={own.fingerprint} id="own-fingerprint" />
          {manage ? (
            <button type="button" className="govuk-button govuk-button--secondary" disabled={busy} aria-disabled={busy} onClick={saveKeyFile}>
              Save this office’s key file
            </button>
          ) : null}
        </>
      ) : (
        <>
          <p className="govuk-body">This office has no keys for sharing yet. Nothing can be shared with partner registers, or imported from them, until it has.</p>
          {manage ? (
            <button type="button" className="govuk-button" disabled={busy} aria-disabled={busy} onClick={makeKeys}>
              Make this office’s keys
            </button>
          ) : null}
        </>
      )}
      {!manage ? <p className="govuk-inset-text">Only a MAPPA coordinator or an administrator can make this office’s keys or confirm a partner office’s key.</p> : null}

      <h2 className="govuk-heading-l">Partner offices’ keys</h2>
      {partners.length === 0 ? (
        <p className="govuk-body">No partner office’s key has been confirmed yet.</p>
      ) : (
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-table__caption--m">Confirmed partner keys</caption>
          <TableHead columns={['Office', 'Fingerprint', 'Confirmed', 'Earlier keys']} />
          <tbody className="govuk-table__body">
            {partners.map((p) => (
              <PartnerRow key={p.office.id} partner={p} />
            ))}
          </tbody>
        </table>
      )}
      {manage ? (
        <button type="button" className="govuk-button" disabled={busy} aria-disabled={busy} onClick={importKeyFile}>
          Import a partner’s key file
        </button>
      ) : null}
    </>
  );
}

function PartnerRow({ partner }: { partner: PartnerKey }) {
  return (
    <tr className="govuk-table__row">
      <td className="govuk-table__cell">
        {partner.office.name} <AgencyTag agency={partner.office.agency} />
        <span className="govuk-!-display-block govuk-body-s govuk-!-margin-bottom-0">{partner.office.area}</span>
      </td>
      <td className="govuk-table__cell">
        <Fingerprint value={partner.fingerprint} size="small" />
      </td>
      <td className="govuk-table__cell">
        With {partner.confirmedWith} ({partner.confirmedHow}), {formatLondonDateTime(partner.confirmedAt)}, by {partner.confirmedBy}
      </td>
      <td className="govuk-table__cell">
        {partner.earlier.length === 0 ? (
          'None'
        ) : (
          <ul className="govuk-list govuk-!-margin-bottom-0">
            {partner.earlier.map((e) => (
              <li key={e.fingerprint}>
                <Fingerprint value={e.fingerprint} size="small" />
                <span className="govuk-body-s">Replaced {formatDate(e.replacedAt)}</span>
              </li>
            ))}
          </ul>
        )}
      </td>
    </tr>
  );
}

/** The confirmation page: the office and fingerprint in the file, to compare with what the office reads out. */
function ConfirmPartnerKey({ preview, onCancel, onConfirmed }: { preview: KeyPreview; onCancel: () => void; onConfirmed: (partners: PartnerKey[]) => void }) {
  const [confirmedWith, setConfirmedWith] = useState('');
  const [confirmedHow, setConfirmedHow] = useState('');
  const [matches, setMatches] = useState(false);
  const { errors, busy, submit } = useSubmit();
  const office = preview.office;

  const confirm = (event: FormEvent) => {
    event.preventDefault();
    void submit(async () => {
      // Sent as it is: the service says, next to the box, that it must be ticked.
      const partners = await api().keys.confirmPartnerKey({ token: preview.token, fingerprintMatches: matches as true, confirmedWith, confirmedHow });
      onConfirmed(partners);
    });
  };
  const matchesError = errorFor(errors, 'fingerprintMatches');

  return (
    <>
      <BackLink onClick={onCancel}>Back to partner keys</BackLink>
      <ErrorSummary errors={errors} />
      <PageHeading caption="Import a partner’s key file">Check the fingerprint of {office.name}</PageHeading>
      <dl className="govuk-summary-list">
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Office</dt>
          <dd className="govuk-summary-list__value">{office.name}</dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Agency</dt>
          <dd className="govuk-summary-list__value">{office.agencyLabel}</dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Area</dt>
          <dd className="govuk-summary-list__value">{office.area}</dd>
        </div>
      </dl>
      {preview.status === 'changed' ? (
        <>
          <WarningText>
            This is a different key from the one you confirmed for {office.name} before. Only confirm it if someone you know at {office.name} tells you, on a number you
            already have for them, that the office has made new keys. Until then their files are refused.
          </WarningText>
          <p className="govuk-body govuk-!-margin-bottom-1">The key you confirmed before had this fingerprint:</p>
          <Fingerprint value={preview.previousFingerprint ?? ''} size="small" />
        </>
      ) : null}
      {preview.status === 'same' ? <p className="govuk-inset-text">This is the key you have already confirmed for {office.name}. Confirming it again changes nothing.</p> : null}
      <h2 className="govuk-heading-m" id="fingerprint-heading">
        Fingerprint in this key file
      </h2>
      <Fingerprint value={preview.fingerprint} />
      <div className="govuk-inset-text">
        Telephone {office.name} on a number you already know, not one given in the email that brought this file. Ask them to read out the fingerprint shown on their
        Partner keys page, and compare it with the one above, group by group. If any character differs, do not confirm the key: cancel and tell them.
      </div>
      <form onSubmit={confirm} noValidate>
        <TextInput id="confirmedWith" label="Who read it to you" hint="Their name and role, for example Sam Sergeant, PPU detective sergeant" value={confirmedWith} onChange={setConfirmedWith} error={errorFor(errors, 'confirmedWith')} width="govuk-input--width-30" />
        <TextInput id="confirmedHow" label="How" hint="For example, by telephone on the PPU’s number from the MAPPA contact list" value={confirmedHow} onChange={setConfirmedHow} error={errorFor(errors, 'confirmedHow')} width="govuk-!-width-two-thirds" />
        <div className={`govuk-form-group${matchesError ? ' govuk-form-group--error' : ''}`}>
          <HintAndError id="fingerprintMatches" error={matchesError} />
          <div className="govuk-checkboxes govuk-checkboxes--small">
            <div className="govuk-checkboxes__item">
              <input
                className="govuk-checkboxes__input"
                id="fingerprintMatches"
                name="fingerprintMatches"
                type="checkbox"
                checked={matches}
                aria-describedby={matchesError ? 'fingerprintMatches-error' : undefined}
                onChange={(e) => setMatches(e.target.checked)}
              />
              <label className="govuk-label govuk-checkboxes__label" htmlFor="fingerprintMatches">
                The fingerprint matches
              </label>
            </div>
          </div>
        </div>
        <div className="govuk-button-group">
          <button type="submit" className={`govuk-button${preview.status === 'changed' ? ' govuk-button--warning' : ''}`} disabled={busy} aria-disabled={busy}>
            {preview.status === 'changed' ? 'Confirm the new key' : 'Confirm this key'}
          </button>
          <button type="button" className="govuk-button govuk-button--secondary" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </form>
    </>
  );
}
