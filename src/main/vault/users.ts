// Membership changes on an unlocked format-2 register: adding a user (an administrator
// makes their key pairs and signs them in), roles, and the header writes that carry them.
// Removing a user and changing a passphrase re-key the register (vault.ts rekey()).
import * as path from 'node:path';
import { VaultError, writeFailed } from './errors';
import { HEADER_FILE } from './format';
import { type HeaderBodyV2, serializeHeaderV2 } from './headerV2';
import { newIdentity } from './identity';
import { checkPassphrasePolicy } from './kdf';
import { encryptUsers, slotIdFor, type UserEntry, validateUserName } from './keySlots';
import { makeMemberSlot } from './memberSlots';
import { appendChange, type MembershipChange, type MembershipRecord, verifyMembership } from './membership';
import type { UserSummary, VaultState } from './vault';
import { writeFileAtomicSync } from './atomicWrite';

export function notAllowed(): VaultError {
  return new VaultError('not_allowed', 'Only an administrator of this register can add or remove users.');
}

export function listUsers(s: VaultState): UserSummary[] {
  const out: UserSummary[] = [];
  for (const m of s.membership.members.values()) {
    if (!m.active) continue;
    out.push({
      userName: s.users.find((u) => u.id === m.slotId)?.userName ?? '(unknown user)',
      administrator: m.administrator,
      role: m.role,
      officeId: m.officeId,
      pending: m.keys === null,
    });
  }
  return out;
}

/** Writes the header atomically, then adopts it (and the membership it carries) in memory. */
export function writeHeader(s: VaultState, body: HeaderBodyV2, users?: UserEntry[]): void {
  const membership = verifyMembership(body.registerId, body.membership);
  const bytes = serializeHeaderV2(body);
  try {
    writeFileAtomicSync(path.join(s.folder, HEADER_FILE), bytes);
  } catch {
    throw writeFailed('the change to the users');
  }
  s.header = body;
  s.headerBytes = bytes;
  s.membership = membership;
  if (users !== undefined) s.users = users;
}

/** The membership with one more change signed by the signed-in member (refused if they may not make it). */
export function signChange(s: VaultState, change: MembershipChange, at: string): MembershipRecord[] {
  return appendChange(s.membership, s.header.membership, s.slotId, s.identity, change, at);
}

export async function addUser(s: VaultState, u: { userName: string; passphrase: string; administrator: boolean }, at: string): Promise<{ body: HeaderBodyV2; users: UserEntry[] }> {
  const userName = validateUserName(u.userName);
  await checkPassphrasePolicy(u.passphrase, { userName: u.userName });
  const id = slotIdFor(s.registerId, userName);
  const exists = () => s.membership.members.get(id)?.active === true || s.header.slots.some((x) => x.id === id) || s.header.legacy.some((x) => x.id === id);
  if (exists()) throw new VaultError('user_exists', 'There is already a user with that name in this register.');
  const identity = newIdentity();
  const membership = signChange(s, { kind: 'add', slotId: id, keys: identity.publicKeys, administrator: u.administrator }, at);
  const slot = await makeMemberSlot({ identity, dataKey: s.keys.data, registerId: s.registerId, id, keyGeneration: s.header.keyGeneration, passphrase: u.passphrase, kdf: s.header.kdf });
  if (exists()) throw new VaultError('user_exists', 'There is already a user with that name in this register.');
  const users = [...s.users.filter((x) => x.id !== id), { id, userName }];
  return { body: { ...s.header, membership, slots: [...s.header.slots.filter((x) => x.id !== id), slot], users: encryptUsers(s.keys.users, s.registerId, users) }, users };
}

export function setRole(s: VaultState, userName: string, role: string, officeId: string, at: string): HeaderBodyV2 {
  const id = slotIdFor(s.registerId, userName);
  if (s.membership.members.get(id)?.active !== true) throw new VaultError('invalid_user_name', 'There is no user with that name in this register.');
  const current = s.membership.members.get(id);
  if (current?.role === role && current.officeId === officeId) return s.header;
  return { ...s.header, membership: signChange(s, { kind: 'role', slotId: id, role, officeId }, at) };
}

/** The membership without `userName`; the caller re-keys so they cannot read what is written next. */
export function removalChange(s: VaultState, userName: string, at: string): { membership: MembershipRecord[]; id: string } {
  const id = slotIdFor(s.registerId, userName);
  const m = s.membership.members.get(id);
  if (m === undefined || !m.active) throw new VaultError('invalid_user_name', 'There is no user with that name in this register.');
  if (m.administrator && [...s.membership.members.values()].filter((x) => x.active && x.administrator).length === 1) {
    throw new VaultError('last_administrator', 'You cannot remove the last administrator. Add another administrator first, then remove this one.');
  }
  return { membership: signChange(s, { kind: 'remove', slotId: id }, at), id };
}
