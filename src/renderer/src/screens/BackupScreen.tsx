import { useState } from 'react';
import { api } from '../mappa';
import { ErrorSummary, errorFor, PathPicker, ProgressBar } from '../components/forms';
import { useSubmit } from './useSubmit';

function formatBytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

export function BackupScreen() {
  const [file, setFile] = useState<string | null>(null);
  const [made, setMade] = useState<{ file: string; bytes: number } | null>(null);
  const { errors, setErrors, busy, progress, submit } = useSubmit({ trackProgress: true });

  const choose = () =>
    submit(async () => {
      const chosen = await api().register.chooseBackupFile({ mode: 'save' });
      if (chosen.file !== null) setFile(chosen.file);
    });

  const backup = () => {
    setMade(null);
    if (file === null) {
      setErrors([{ field: 'file', message: 'Choose where to save the backup.' }]);
      return;
    }
    void submit(async () => setMade(await api().register.backup({ file })));
  };

  return (
    <>
      <ErrorSummary errors={errors} />
      {made ? (
        <div className="govuk-notification-banner govuk-notification-banner--success" role="status" aria-labelledby="backup-done-title">
          <div className="govuk-notification-banner__header">
            <h2 className="govuk-notification-banner__title" id="backup-done-title">
              Backup made
            </h2>
          </div>
          <div className="govuk-notification-banner__content">
            <p className="govuk-notification-banner__heading">
              The register was backed up to <span className="app-path">{made.file}</span> ({formatBytes(made.bytes)}).
            </p>
          </div>
        </div>
      ) : null}
      <h1 className="govuk-heading-xl">Back up the register</h1>
      <p className="govuk-body">
        A backup is one encrypted file holding the whole register as it is now. It opens with the same passphrases as the register. Keep it on a different drive from the
        register, somewhere your agency allows OFFICIAL-SENSITIVE material.
      </p>
      <PathPicker id="file" label="Save the backup as" value={file} buttonLabel="Choose where to save" onChoose={() => void choose()} error={errorFor(errors, 'file')} />
      {progress !== null ? <ProgressBar label="Backing up" fraction={progress} /> : null}
      <button type="button" className="govuk-button" disabled={busy} aria-disabled={busy} onClick={backup}>
        {busy ? 'Backing up…' : 'Make backup'}
      </button>
    </>
  );
}
