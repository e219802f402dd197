// User management on an unlocked register: key slots and the encrypted user list in the header.
import { timingSafeEqual } from 'node:crypto';
import * as path from 'node:path';
import { damaged, VaultError, writeFailed, wrongPassphrase } from './errors';
import { HEADER_FILE } from './format';
import { type HeaderBody, serializeHeader } from './header';
import { checkPassphrasePolicy } from './kdf';
import { encryptUsers, makeSlot, slotIdFor, unwrapSlot, type UserEntry, validateUserName } from './keySlots';
import type { UserSummary, VaultState } from './vault';
import { writeFileAtomicSync } from './atomicWrite';

export function notAllowed(): VaultError {
  return new VaultError('not_allowed', 'Only an administrator can add or remove users.');
}

export function listUsers(s: VaultState): UserSummary[] {
  return s.header.slots.map((slot) => ({
    userName: s.users.find((u) => u.id === slot.id)?.userName ?? '(unknown user)',
    administrator: slot.administrator,
  }));
}

/** Writes a new header (next generation) atomically, then adopts it in memory. */
export interface HeaderChange {
  body: HeaderBody;
  users?: UserEntry[];
}

export function writeHeader(s: VaultState, { body, users }: HeaderChange): void {
  const next: HeaderBody = { ...body, generation: s.header.generation + 1 };
  const bytes = serializeHeader(next, s.keys.headerMac);
  try {
    writeFileAtomicSync(path.join(s.folder, HEADER_FILE), bytes);
  } catch {
    throw writeFailed('the change to the users');
  }
  s.header = next;
  s.headerBytes = bytes;
  if (users !== undefined) s.users = users;
}

export async function changePassphrase(s: VaultState, oldPassphrase: string, newPassphrase: string): Promise<HeaderChange> {
  checkPassphrasePolicy(newPassphrase);
  const current = await unwrapSlot(s.header.slots, s.registerId, s.userName, oldPassphrase);
  if (current === undefined) throw wrongPassphrase();
  const same = current.dataKey.length === s.keys.data.length && timingSafeEqual(current.dataKey, s.keys.data);
  current.dataKey.fill(0);
  if (!same) throw damaged('the register header');
  const slot = await makeSlot(s.keys.data, s.registerId, s.userName, current.slot.administrator, newPassphrase, s.header.kdf);
  return { body: { ...s.header, slots: s.header.slots.map((x) => (x.id === slot.id ? slot : x)) } };
}

export async function addUser(
  s: VaultState,
  u: { userName: string; passphrase: string; administrator: boolean },
): Promise<HeaderChange> {
  const userName = validateUserName(u.userName);
  checkPassphrasePolicy(u.passphrase);
  const id = slotIdFor(s.registerId, userName);
  if (s.header.slots.some((x) => x.id === id)) {
    throw new VaultError('user_exists', 'There is already a user with that name in this register.');
  }
  const slot = await makeSlot(s.keys.data, s.registerId, userName, u.administrator, u.passphrase, s.header.kdf);
  if (s.header.slots.some((x) => x.id === id)) {
    throw new VaultError('user_exists', 'There is already a user with that name in this register.');
  }
  const users = [...s.users, { id, userName }];
  const body = { ...s.header, slots: [...s.header.slots, slot], users: encryptUsers(s.keys.users, s.registerId, users) };
  return { body, users };
}

export function removeUser(s: VaultState, userName: string): void {
  const id = slotIdFor(s.registerId, userName);
  const slot = s.header.slots.find((x) => x.id === id);
  if (slot === undefined) throw new VaultError('invalid_user_name', 'There is no user with that name in this register.');
  if (slot.administrator && s.header.slots.filter((x) => x.administrator).length === 1) {
    throw new VaultError(
      'last_administrator',
      'You cannot remove the last administrator. Add another administrator first, then remove this one.',
    );
  }
  const users = s.users.filter((x) => x.id !== id);
  const body = {
    ...s.header,
    slots: s.header.slots.filter((x) => x.id !== id),
    users: encryptUsers(s.keys.users, s.registerId, users),
  };
  writeHeader(s, { body, users });
}
