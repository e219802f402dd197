import { useEffect, useState, type FormEvent } from 'react';
import type { UserSummary } from '../../../shared/contract';
import { api } from '../mappa';
import { Checkbox, ErrorSummary, errorFor, TextInput } from '../components/forms';
import { useSubmit } from './useSubmit';

/** An administrator gives each colleague their own key slot (their own passphrase). */
export function UsersScreen({ currentUser }: { currentUser: string }) {
  const [users, setUsers] = useState<UserSummary[]>([]);
  const [userName, setUserName] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [confirmPassphrase, setConfirmPassphrase] = useState('');
  const [administrator, setAdministrator] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const { errors, busy, submit } = useSubmit();

  useEffect(() => {
    void submit(async () => setUsers(await api().register.users({})));
    // Load once on arrival.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const add = (event: FormEvent) => {
    event.preventDefault();
    setNotice(null);
    void submit(async () => {
      setUsers(await api().register.addUser({ userName, passphrase, confirmPassphrase, administrator }));
      setNotice(`${userName.trim()} can now unlock the register with the passphrase you set. Give it to them in person, not by email.`);
      setUserName('');
      setPassphrase('');
      setConfirmPassphrase('');
      setAdministrator(false);
    });
  };

  const remove = (name: string) => {
    if (!window.confirm(`Remove ${name}? They will no longer be able to unlock this register.`)) return;
    setNotice(null);
    void submit(async () => {
      setUsers(await api().register.removeUser({ userName: name }));
      setNotice(`${name} has been removed and can no longer unlock this register.`);
    });
  };

  return (
    <>
      <ErrorSummary errors={errors} />
      {notice ? (
        <div className="govuk-notification-banner govuk-notification-banner--success" role="status" aria-labelledby="users-notice-title">
          <div className="govuk-notification-banner__header">
            <h2 className="govuk-notification-banner__title" id="users-notice-title">
              Done
            </h2>
          </div>
          <div className="govuk-notification-banner__content">
            <p className="govuk-notification-banner__heading">{notice}</p>
          </div>
        </div>
      ) : null}
      <h1 className="govuk-heading-xl">Users and passphrases</h1>
      <table className="govuk-table">
        <caption className="govuk-table__caption govuk-table__caption--m">People who can unlock this register</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">
              Name
            </th>
            <th scope="col" className="govuk-table__header">
              Access
            </th>
            <th scope="col" className="govuk-table__header">
              <span className="govuk-visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {users.map((user) => (
            <tr className="govuk-table__row" key={user.userName}>
              <td className="govuk-table__cell">{user.userName}</td>
              <td className="govuk-table__cell">
                <strong className={`govuk-tag ${user.administrator ? 'govuk-tag--purple' : 'govuk-tag--grey'}`}>{user.administrator ? 'Administrator' : 'User'}</strong>
              </td>
              <td className="govuk-table__cell">
                {user.userName !== currentUser ? (
                  <button type="button" className="govuk-button govuk-button--warning govuk-!-margin-bottom-0" onClick={() => remove(user.userName)}>
                    Remove <span className="govuk-visually-hidden">{user.userName}</span>
                  </button>
                ) : (
                  'You'
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2 className="govuk-heading-m">Add a user</h2>
      <form onSubmit={add} noValidate>
        <TextInput id="userName" label="Their name" value={userName} onChange={setUserName} error={errorFor(errors, 'userName')} />
        <TextInput id="passphrase" label="Their passphrase" type="password" hint="At least 12 characters. They can change it after they first unlock." value={passphrase} onChange={setPassphrase} error={errorFor(errors, 'passphrase')} autoComplete="new-password" />
        <TextInput id="confirmPassphrase" label="Confirm their passphrase" type="password" value={confirmPassphrase} onChange={setConfirmPassphrase} error={errorFor(errors, 'confirmPassphrase')} autoComplete="new-password" />
        <Checkbox id="administrator" label="Administrator" hint="Administrators can add and remove users." checked={administrator} onChange={setAdministrator} />
        <button type="submit" className="govuk-button" disabled={busy} aria-disabled={busy}>
          Add user
        </button>
      </form>
    </>
  );
}
