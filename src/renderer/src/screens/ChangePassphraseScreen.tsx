import { useState, type FormEvent } from 'react';
import { api } from '../mappa';
import { ErrorSummary, errorFor, TextInput } from '../components/forms';
import { useSubmit } from './useSubmit';

export function ChangePassphraseScreen() {
  const [currentPassphrase, setCurrent] = useState('');
  const [newPassphrase, setNew] = useState('');
  const [confirmPassphrase, setConfirm] = useState('');
  const [done, setDone] = useState(false);
  const { errors, busy, submit } = useSubmit();

  const change = (event: FormEvent) => {
    event.preventDefault();
    setDone(false);
    void submit(async () => {
      try {
        await api().register.changePassphrase({ currentPassphrase, newPassphrase, confirmPassphrase });
        setDone(true);
      } finally {
        setCurrent('');
        setNew('');
        setConfirm('');
      }
    });
  };

  return (
    <>
      <ErrorSummary errors={errors} />
      {done ? (
        <div className="govuk-notification-banner govuk-notification-banner--success" role="status" aria-labelledby="passphrase-done-title">
          <div className="govuk-notification-banner__header">
            <h2 className="govuk-notification-banner__title" id="passphrase-done-title">
              Success
            </h2>
          </div>
          <div className="govuk-notification-banner__content">
            <p className="govuk-notification-banner__heading">Your passphrase has been changed. Your old passphrase no longer opens this register.</p>
          </div>
        </div>
      ) : null}
      <h1 className="govuk-heading-xl">Change your passphrase</h1>
      <form onSubmit={change} noValidate>
        <TextInput id="currentPassphrase" label="Current passphrase" type="password" value={currentPassphrase} onChange={setCurrent} error={errorFor(errors, 'currentPassphrase')} autoComplete="current-password" />
        <TextInput id="newPassphrase" label="New passphrase" type="password" hint="At least 12 characters." value={newPassphrase} onChange={setNew} error={errorFor(errors, 'newPassphrase')} autoComplete="new-password" />
        <TextInput id="confirmPassphrase" label="Confirm new passphrase" type="password" value={confirmPassphrase} onChange={setConfirm} error={errorFor(errors, 'confirmPassphrase')} autoComplete="new-password" />
        <button type="submit" className="govuk-button" disabled={busy} aria-disabled={busy}>
          Change passphrase
        </button>
      </form>
    </>
  );
}
