import { useState, type FormEvent } from 'react';
import type { UserRow } from '../../../shared/contract';
import { ROLES, type Role } from '../../../shared/permissions';
import { api } from '../mappa';
import { useSession } from '../session';
import { Checkbox, ErrorSummary, errorFor, Select, SuccessBanner, TextInput } from '../components/forms';
import { ROLE_OPTIONS } from './SetupScreen';
import { useSubmit } from './useSubmit';
import { TableHead } from '../components/TableHead';
import { useErrors, useLoad } from './useLoad';

/** An administrator gives each colleague their own key slot (passphrase), office and role. */
export function UsersScreen() {
  const { status } = useSession();
  const loaded = useLoad(async () => {
    const [users, offices] = await Promise.all([api().users.list({}), api().offices.list({})]);
    return { users, offices };
  }, []);
  const users = loaded.data?.users ?? [];
  const offices = loaded.data?.offices ?? [];
  const setUsers = (next: UserRow[]) => loaded.setData((d) => d && { ...d, users: next });
  const [userName, setUserName] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [confirmPassphrase, setConfirmPassphrase] = useState('');
  const [administrator, setAdministrator] = useState(false);
  const [role, setRole] = useState<string>('representative');
  const [officeId, setOfficeId] = useState(status.homeOffice?.id ?? '');
  const [notice, setNotice] = useState<string | null>(null);
  const { errors: submitted, busy, submit } = useSubmit();
  const errors = useErrors(loaded.errors, submitted);

  const add = (event: FormEvent) => {
    event.preventDefault();
    setNotice(null);
    void submit(async () => {
      setUsers(await api().users.add({ userName, passphrase, confirmPassphrase, administrator, role: role as Role, officeId }));
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
      setUsers(await api().users.remove({ userName: name }));
      setNotice(`${name} has been removed and can no longer unlock this register.`);
    });
  };

  return (
    <>
      <ErrorSummary errors={errors} />
      <SuccessBanner message={notice} title="Done" />
      <h1 className="govuk-heading-xl">Users and passphrases</h1>
      <table className="govuk-table">
        <caption className="govuk-table__caption govuk-table__caption--m">People who can unlock this register</caption>
        <TableHead columns={['Name', 'Role', 'Office', { hidden: 'Actions' }]} />
        <tbody className="govuk-table__body">
          {users.map((user) => (
            <tr className="govuk-table__row" key={user.userName}>
              <td className="govuk-table__cell">
                {user.userName} {user.administrator ? <strong className="govuk-tag govuk-tag--purple app-tag">Administrator</strong> : null}
              </td>
              <td className="govuk-table__cell">{user.role ? ROLES[user.role] : 'Not set'}</td>
              <td className="govuk-table__cell">{user.officeName ?? 'Not set'}</td>
              <td className="govuk-table__cell">
                {user.userName !== status.userName ? (
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
        <Select id="role" label="Their role" value={role} options={ROLE_OPTIONS} onChange={setRole} error={errorFor(errors, 'role')} />
        <Select id="officeId" label="Their office" value={officeId} placeholder="Choose their office" options={offices.map((o) => ({ value: o.id, label: `${o.name}, ${o.area}` }))} onChange={setOfficeId} error={errorFor(errors, 'officeId')} />
        <TextInput id="passphrase" label="Their passphrase" type="password" hint="At least 12 characters. They can change it after they first unlock." value={passphrase} onChange={setPassphrase} error={errorFor(errors, 'passphrase')} autoComplete="new-password" />
        <TextInput id="confirmPassphrase" label="Confirm their passphrase" type="password" value={confirmPassphrase} onChange={setConfirmPassphrase} error={errorFor(errors, 'confirmPassphrase')} autoComplete="new-password" />
        <Checkbox id="administrator" label="Can manage users (administrator)" hint="Administrators add and remove users and their passphrases." checked={administrator} onChange={setAdministrator} />
        <button type="submit" className="govuk-button" disabled={busy} aria-disabled={busy}>
          Add user
        </button>
      </form>
    </>
  );
}
