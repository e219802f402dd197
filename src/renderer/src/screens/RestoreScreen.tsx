import { useState, type FormEvent } from 'react';
import type { RegisterStatus } from '../../../shared/contract';
import { api } from '../mappa';
import { ErrorSummary, errorFor, PathPicker, ProgressBar, TextInput } from '../components/forms';
import { useSubmit } from './useSubmit';

export function RestoreScreen({ onRestored, onCancel }: { onRestored: (status: RegisterStatus) => void; onCancel: () => void }) {
  const [file, setFile] = useState<string | null>(null);
  const [folder, setFolder] = useState<string | null>(null);
  const [userName, setUserName] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const { errors, setErrors, busy, progress, submit } = useSubmit({ trackProgress: true });

  const chooseFile = () =>
    submit(async () => {
      const chosen = await api().register.chooseBackupFile({ mode: 'open' });
      if (chosen.file !== null) setFile(chosen.file);
    });
  const chooseFolder = () =>
    submit(async () => {
      const chosen = await api().register.chooseFolder({ purpose: 'restore' });
      if (chosen.folder !== null) setFolder(chosen.folder);
    });

  const restore = (event: FormEvent) => {
    event.preventDefault();
    const missing = [
      ...(file === null ? [{ field: 'file', message: 'Choose the backup file to restore.' }] : []),
      ...(folder === null ? [{ field: 'folder', message: 'Choose an empty folder to restore the register into.' }] : []),
    ];
    if (missing.length > 0 || file === null || folder === null) {
      setErrors(missing);
      return;
    }
    void submit(async () => {
      try {
        onRestored(await api().register.restore({ file, folder, userName, passphrase }));
      } finally {
        setPassphrase('');
      }
    });
  };

  return (
    <>
      <ErrorSummary errors={errors} />
      <h1 className="govuk-heading-xl">Restore a register from a backup</h1>
      <p className="govuk-body">The backup is checked in full before anything is written. It is restored into a new, empty folder; the backup file itself is not changed.</p>
      <form onSubmit={restore} noValidate>
        <PathPicker id="file" label="Backup file" value={file} buttonLabel="Choose backup file" onChoose={() => void chooseFile()} error={errorFor(errors, 'file')} />
        <PathPicker id="folder" label="Restore into" value={folder} buttonLabel="Choose empty folder" onChoose={() => void chooseFolder()} error={errorFor(errors, 'folder')} />
        <TextInput id="userName" label="Your name" value={userName} onChange={setUserName} error={errorFor(errors, 'userName')} autoComplete="username" />
        <TextInput id="passphrase" label="Your passphrase" type="password" value={passphrase} onChange={setPassphrase} error={errorFor(errors, 'passphrase')} autoComplete="current-password" />
        {progress !== null ? <ProgressBar label="Restoring" fraction={progress} /> : null}
        <div className="govuk-button-group">
          <button type="submit" className="govuk-button" disabled={busy} aria-disabled={busy}>
            {busy ? 'Restoring…' : 'Restore register'}
          </button>
          <button type="button" className="govuk-button govuk-button--secondary" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </form>
    </>
  );
}
