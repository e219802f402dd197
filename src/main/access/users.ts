import { MappaError } from '../../shared/errors';
import type { Role } from '../../shared/permissions';
import { createProfile, deactivateProfile, findProfile, listProfiles, updateProfile } from './people';
import { requireOffice } from './offices';
import { checkPassphrasePolicy, VaultError } from '../vault';
import { acted, type ActEntry } from '../audit';
import { escalationEntry } from '../audit/escalations';
import type { RegisterSession } from './registerSession';

// The people who can unlock the register: each has a key slot in the vault's header
// (their own passphrase) and a profile in the register (office and role). An
// administrator manages both together.

export interface UserRow {
  userName: string;
  administrator: boolean;
  role: Role | null;
  officeId: string | null;
  officeName: string | null;
}

export function listUsers(session: RegisterSession): UserRow[] {
  const v = session.vault();
  const profiles = new Map(listProfiles(v.reader).map((p) => [p.userName.toLowerCase(), p]));
  return v.listUsers().map((slot) => {
    const profile = profiles.get(slot.userName.toLowerCase());
    return { userName: slot.userName, administrator: slot.administrator, role: profile?.role ?? null, officeId: profile?.officeId ?? null, officeName: profile?.officeName ?? null };
  });
}

function vaultRefusal(error: unknown): unknown {
  if (!(error instanceof VaultError)) return error;
  const field = error.code === 'weak_passphrase' ? 'passphrase' : error.code === 'user_exists' || error.code === 'invalid_user_name' ? 'userName' : undefined;
  return new MappaError(error.code, error.message, field);
}

export async function addUser(
  session: RegisterSession,
  input: { userName: string; passphrase: string; confirmPassphrase: string; administrator: boolean; role: Role; officeId: string },
): Promise<UserRow[]> {
  const ctx = session.context('user.manage');
  const v = session.vault();
  // Everything that can be refused is checked before either store is written.
  if (input.passphrase !== input.confirmPassphrase) {
    throw new MappaError('passphrases_differ', 'The two passphrases you entered are different. Enter the same passphrase twice.', 'confirmPassphrase');
  }
  try {
    await checkPassphrasePolicy(input.passphrase, { userName: input.userName });
  } catch (error) {
    throw vaultRefusal(error);
  }
  requireOffice(v.reader, input.officeId, 'officeId');
  requireAdministratorRights(input.role, input.administrator);
  if (v.listUsers().some((u) => u.userName.toLowerCase() === input.userName.toLowerCase())) {
    throw new MappaError('user_exists', `${input.userName} can already unlock this register.`, 'userName');
  }
  try {
    await v.addUser({ userName: input.userName, passphrase: input.passphrase, administrator: input.administrator });
    // The role the app acts on is the one an administrator signs into the membership.
    v.setRole(input.userName, input.role, input.officeId);
  } catch (error) {
    throw vaultRefusal(error);
  }
  try {
    session.act('user.manage', (w) => {
      const profile = createProfile(w, ctx.now, ctx.actor.userName, { userName: input.userName, role: input.role, officeId: input.officeId });
      const escalation = escalationEntry({
        userId: profile.userId,
        userName: profile.userName,
        fromRole: null,
        toRole: profile.role,
        fromAdministrator: false,
        toAdministrator: input.administrator,
      });
      return acted(
        profile,
        { action: 'user_create', details: { userId: profile.userId, role: profile.role, officeId: profile.officeId } },
        { action: 'key_change', details: { change: 'slot_added', userId: profile.userId, administrator: input.administrator } },
        ...(escalation ? [escalation] : []),
      );
    });
  } catch (error) {
    // The profile could not be saved: take the key slot back so no half-made user remains.
    v.removeUser(input.userName);
    throw error;
  }
  return listUsers(session);
}

/**
 * The administrator role only with administrator rights (the key slot's flag): the one
 * rule in src/shared/permissions.ts, so a profile never claims what the keys do not give.
 */
function requireAdministratorRights(role: Role, administrator: boolean): void {
  if (role === 'administrator' && !administrator) {
    throw new MappaError(
      'administrator_rights_needed',
      'Only someone who can manage users can have the Administrator role. Tick “Can manage users (administrator)”, or choose another role.',
      'role',
    );
  }
}

export function updateUser(session: RegisterSession, input: { userName: string; role: Role; officeId: string }): UserRow[] {
  const ctx = session.context('user.manage');
  // Nobody changes their own role or office: that is how an administrator would give
  // themselves case access, or another agency's items (issue 9).
  if (input.userName.toLowerCase() === ctx.actor.userName.toLowerCase()) {
    throw new MappaError('cannot_change_self', 'You cannot change your own role or office. Ask another administrator.', 'userName');
  }
  const slot = session.vault().listUsers().find((u) => u.userName.toLowerCase() === input.userName.toLowerCase());
  requireAdministratorRights(input.role, slot?.administrator === true);
  requireOffice(session.vault().reader, input.officeId, 'officeId');
  try {
    session.vault().setRole(input.userName, input.role, input.officeId);
  } catch (error) {
    throw vaultRefusal(error);
  }
  session.act('user.manage', (w) => {
    const before = findProfile(w, input.userName);
    const profile = updateProfile(w, input.userName, { role: input.role, officeId: input.officeId });
    const entries: ActEntry[] = [{ action: 'user_edit', details: { userId: profile.userId, role: profile.role, officeId: profile.officeId } }];
    const administrator = slot?.administrator === true;
    const escalation = escalationEntry({
      userId: profile.userId,
      userName: profile.userName,
      fromRole: before?.role ?? null,
      toRole: profile.role,
      fromAdministrator: administrator,
      toAdministrator: administrator,
    });
    if (escalation) entries.push(escalation);
    return acted(profile, ...entries);
  });
  return listUsers(session);
}

export async function removeUser(session: RegisterSession, userName: string): Promise<UserRow[]> {
  const ctx = session.context('user.manage');
  const v = session.vault();
  if (userName.toLowerCase() === ctx.actor.userName.toLowerCase()) {
    throw new MappaError('cannot_remove_self', 'You cannot remove yourself. Ask another administrator.', 'userName');
  }
  try {
    // Removal re-keys the register: what is written from now on is sealed only to those who remain.
    await v.removeUser(userName);
  } catch (error) {
    throw vaultRefusal(error);
  }
  session.act('user.manage', (w) => {
    deactivateProfile(w, userName);
    return acted(undefined, { action: 'user_remove', details: { userName } }, { action: 'key_change', details: { change: 'slot_removed_and_rekeyed', userName } });
  });
  return listUsers(session);
}
