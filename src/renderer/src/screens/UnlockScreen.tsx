import { useState, type FormEvent } from 'react';
import type { RegisterStatus } from '../../../shared/contract';
import { api } from '../mappa';
import { Checkbox, ErrorSummary, errorFor, HintAndError, TextInput } from '../components/forms';
import { useSubmit } from './useSubmit';

export function UnlockScreen(props: { folder: string; userName: string; onUnlocked: (status: RegisterStatus) => void; onCancel: () => void }) {
  const [userName, setUserName] = useState(props.userName);
  const [passphrase, setPassphrase] = useState('');
  const [acceptOlderCopy, setAcceptOlderCopy] = useState(false);
  const { errors, busy, submit } = useSubmit();
  // The service offers an administrator the choice only when this copy is older than one
  // this computer has seen; the choice is checked and recorded by the service.
  const olderCopy = errorFor(errors, 'folder')?.includes('Open this copy anyway') === true;

  const unlock = (event: FormEvent) => {
    event.preventDefault();
    void submit(async () => {
      try {
        props.onUnlocked(await api().register.unlock({ folder: props.folder, userName, passphrase, acceptOlderCopy: olderCopy && acceptOlderCopy }));
      } finally {
        setPassphrase('');
      }
    });
  };

  return (
    <>
      <ErrorSummary errors={errors} />
      <h1 className="govuk-heading-xl">Unlock the register</h1>
      <p className="govuk-body" id="folder" tabIndex={-1}>
        Register folder: <span className="app-path">{props.folder}</span>
      </p>
      <HintAndError id="folder" error={errorFor(errors, 'folder')} />
      <form onSubmit={unlock} noValidate>
        <TextInput id="userName" label="Your name" value={userName} onChange={setUserName} error={errorFor(errors, 'userName')} autoComplete="username" startHere={props.userName === ''} />
        <TextInput id="passphrase" label="Passphrase" type="password" value={passphrase} onChange={setPassphrase} error={errorFor(errors, 'passphrase')} autoComplete="current-password" startHere={props.userName !== ''} />
        {olderCopy ? (
          <Checkbox
            id="acceptOlderCopy"
            label="Open this copy anyway"
            checked={acceptOlderCopy}
            onChange={setAcceptOlderCopy}
            hint="Only if you are an administrator and have decided this older copy is the one to use. Your decision and what this computer had seen are recorded in the audit log."
          />
        ) : null}
        <div className="govuk-button-group">
          <button type="submit" className="govuk-button" disabled={busy} aria-disabled={busy}>
            {busy ? 'Unlocking…' : 'Unlock'}
          </button>
          <button type="button" className="govuk-button govuk-button--secondary" onClick={props.onCancel}>
            Choose another register
          </button>
        </div>
      </form>
    </>
  );
}
