import { useState } from 'react';
import type { ChannelOutput } from '../../../../shared/contract';
import { api } from '../../mappa';
import { ErrorSummary } from '../../components/forms';
import { useSubmit } from '../useSubmit';
import { entriesText } from './format';

type Verdict = ChannelOutput<'audit.verify'>;

// Each entry carries a hash of the one before it: changing or removing an entry after it
// was written breaks the chain from that entry on.

export function ChainSection() {
  const [verdict, setVerdict] = useState<Verdict | null>(null);
  const [receipt, setReceipt] = useState<ChannelOutput<'audit.receipt'> | null>(null);
  const { errors, busy, submit } = useSubmit();

  const makeReceipt = () => {
    setReceipt(null);
    void submit(async () => {
      const made = await api().audit.receipt({});
      if (made.file !== null) setReceipt(made);
    });
  };

  const check = () => {
    setVerdict(null);
    void submit(async () => setVerdict(await api().audit.verify({})));
  };

  return (
    <section aria-labelledby="chain-heading">
      <ErrorSummary errors={errors} />
      <h2 className="govuk-heading-l" id="chain-heading">
        Check the audit chain
      </h2>
      <p className="govuk-body">
        Every entry in the audit log carries a fingerprint of the entry before it. If an entry was changed or removed after it was written, the chain is broken from that
        entry on. Checking is itself recorded in the log.
      </p>
      <button type="button" className="govuk-button" disabled={busy} aria-disabled={busy} onClick={check}>
        Check the chain
      </button>
      <h3 className="govuk-heading-m">Keep a receipt outside the register</h3>
      <p className="govuk-body">
        A receipt records the last entry of the audit log and its fingerprint. Keep it somewhere the register’s users cannot change (your own records, or print it). Later,{' '}
        <code>npm run audit:verify -- &lt;folder&gt; --receipt &lt;file&gt;</code> shows whether entries up to it were removed or rewritten, or the register was put back to an
        older copy.
      </p>
      <button type="button" className="govuk-button govuk-button--secondary" disabled={busy} aria-disabled={busy} onClick={makeReceipt}>
        Make a receipt
      </button>
      <div aria-live="polite">
        {receipt === null ? null : (
          <p className="govuk-body" role="status">
            Receipt saved to <span className="app-path">{receipt.file}</span>: entry {receipt.seq.toLocaleString('en-GB')}, fingerprint {receipt.hash.slice(0, 16)}….
          </p>
        )}
        {verdict === null ? null : verdict.ok ? (
          <div className="govuk-notification-banner govuk-notification-banner--success" role="status" aria-labelledby="chain-result-title">
            <div className="govuk-notification-banner__header">
              <h3 className="govuk-notification-banner__title" id="chain-result-title">
                Chain checked
              </h3>
            </div>
            <div className="govuk-notification-banner__content">
              <p className="govuk-notification-banner__heading">The audit chain is intact: {entriesText(verdict.entries)}.</p>
            </div>
          </div>
        ) : (
          <div className="govuk-error-summary" role="alert" aria-labelledby="chain-broken-title">
            <h3 className="govuk-error-summary__title" id="chain-broken-title">
              The audit chain is broken
            </h3>
            <div className="govuk-error-summary__body">
              <p className="govuk-body">
                {verdict.firstBroken
                  ? `The first broken entry is number ${verdict.firstBroken.seq.toLocaleString('en-GB')}: ${verdict.firstBroken.reason}`
                  : 'The check could not say which entry is broken.'}
              </p>
              <p className="govuk-body govuk-!-margin-bottom-0">
                Entries from that one on cannot be trusted as written. Keep a backup of the register as it is now and report this to your information governance lead or
                administrator.
              </p>
            </div>
          </div>
        )}
      </div>
    </section>
  );
}
