import { api } from '../mappa';
import { ErrorSummary } from '../components/forms';
import { useSubmit } from './useSubmit';
import { useLoad } from './useLoad';

export interface StartScreenProps {
  onCreate: () => void;
  onRestore: () => void;
  onOpen: (folder: string, userName: string) => void;
}

/** No register is open: open a recent one, choose a folder, create one or restore one. */
export function StartScreen({ onCreate, onRestore, onOpen }: StartScreenProps) {
  // Only a shortcut: if the list cannot be read, the person chooses the folder instead.
  const recent = useLoad(() => api().register.recent({}), []).data ?? [];
  const { errors, setErrors, submit } = useSubmit();

  const chooseFolder = () =>
    submit(async () => {
      const chosen = await api().register.chooseFolder({ purpose: 'open' });
      if (chosen.folder === null) return;
      if (!chosen.isRegister) {
        setErrors([{ message: 'There is no MAPPA register in the folder you chose. Choose the folder that holds the register, or create a new register.' }]);
        return;
      }
      onOpen(chosen.folder, '');
    });

  return (
    <>
      <ErrorSummary errors={errors} />
      <h1 className="govuk-heading-xl">Open a register</h1>
      <p className="govuk-body">
        Your register is kept in a folder on this computer, encrypted with your passphrase. Open it to work with the information your agency shares under MAPPA.
      </p>
      {recent.length > 0 ? (
        <>
          <h2 className="govuk-heading-m">Registers opened on this computer</h2>
          <ul className="govuk-list">
            {recent.map((r) => (
              <li key={r.folder}>
                <button type="button" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-2" onClick={() => onOpen(r.folder, r.userName)}>
                  Unlock <span className="app-path">{r.folder}</span>
                  {r.userName ? ` as ${r.userName}` : ''}
                </button>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <div className="govuk-button-group">
        <button type="button" className="govuk-button" onClick={() => void chooseFolder()}>
          Choose a register folder
        </button>
        <button type="button" className="govuk-button govuk-button--secondary" onClick={onCreate}>
          Create a new register
        </button>
        <button type="button" className="govuk-button govuk-button--secondary" onClick={onRestore}>
          Restore from a backup
        </button>
      </div>
    </>
  );
}
