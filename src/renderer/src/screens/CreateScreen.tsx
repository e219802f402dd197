import { useState, type FormEvent } from 'react';
import type { RegisterStatus } from '../../../shared/contract';
import { api } from '../mappa';
import { ErrorSummary, errorFor, PathPicker, TextInput } from '../components/forms';
import { useSubmit } from './useSubmit';

export function CreateScreen({ onCreated, onCancel }: { onCreated: (status: RegisterStatus) => void; onCancel: () => void }) {
  const [folder, setFolder] = useState<string | null>(null);
  const [userName, setUserName] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [confirmPassphrase, setConfirmPassphrase] = useState('');
  const { errors, setErrors, busy, submit } = useSubmit();

  const chooseFolder = () =>
    submit(async () => {
      const chosen = await api().register.chooseFolder({ purpose: 'create' });
      if (chosen.folder !== null) setFolder(chosen.folder);
    });

  const create = (event: FormEvent) => {
    event.preventDefault();
    if (folder === null) {
      setErrors([{ field: 'folder', message: 'Choose an empty folder for the new register.' }]);
      return;
    }
    void submit(async () => {
      const status = await api().register.create({ folder, userName, passphrase, confirmPassphrase });
      setPassphrase('');
      setConfirmPassphrase('');
      onCreated(status);
    });
  };

  return (
    <>
      <ErrorSummary errors={errors} />
      <h1 className="govuk-heading-xl">Create a new register</h1>
      <p className="govuk-body">
        You will be the register’s first administrator. You can give colleagues their own passphrase later. Nobody, including the MAPPA Register team, can open the register
        without a passphrase: if every passphrase is lost, so is the register, so keep backups.
      </p>
      <form onSubmit={create} noValidate>
        <PathPicker id="folder" label="Folder for the register" hint="An empty folder, ideally on a drive your agency backs up." value={folder} buttonLabel="Choose folder" onChoose={() => void chooseFolder()} error={errorFor(errors, 'folder')} />
        <TextInput id="userName" label="Your name" value={userName} onChange={setUserName} error={errorFor(errors, 'userName')} autoComplete="username" />
        <TextInput id="passphrase" label="Passphrase" type="password" hint="At least 12 characters. A few unrelated words are easy to remember and hard to guess." value={passphrase} onChange={setPassphrase} error={errorFor(errors, 'passphrase')} autoComplete="new-password" />
        <TextInput id="confirmPassphrase" label="Confirm passphrase" type="password" value={confirmPassphrase} onChange={setConfirmPassphrase} error={errorFor(errors, 'confirmPassphrase')} autoComplete="new-password" />
        <div className="govuk-button-group">
          <button type="submit" className="govuk-button" disabled={busy} aria-disabled={busy}>
            {busy ? 'Creating register…' : 'Create register'}
          </button>
          <button type="button" className="govuk-button govuk-button--secondary" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </form>
    </>
  );
}
