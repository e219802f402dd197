// Membership changes on an unlocked format-2 register: adding a user (an administrator
// makes their key pairs and signs them in), roles, and the header writes that carry them.
// Removing a user and changing a passphrase re-key the register (vault.ts rekey()).
import * as path from 'node:path';
import { VaultError, writeFailed, wrongPassphrase } from './errors';
import { HEADER_FILE } from './format';
import { type HeaderBodyV2, serializeHeaderV2 } from './headerV2';
import { type Identity, newIdentity } from './identity';
import { checkPassphrasePolicy, kdfBelowDefault } from './kdf';
import { encryptUsers, slotIdFor, type UserEntry, validateUserName } from './keySlots';
import { makeMemberSlot, openMemberSlot } from './memberSlots';
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

/** The member's new key pairs, signed into the membership by their previous key (a passphrase change). */
export async function newKeys(s: VaultState, oldPassphrase: string, at: string): Promise<{ membership: MembershipRecord[]; identity: Identity }> {
  const slot = s.header.slots.find((x) => x.id === s.slotId);
  const current = slot === undefined ? undefined : await openMemberSlot(slot, s.registerId, oldPassphrase);
  if (current === undefined || current.publicKeys.sign !== s.identity.publicKeys.sign) throw wrongPassphrase();
  const identity = newIdentity();
  return { membership: signChange(s, { kind: 'keys', slotId: s.slotId, keys: identity.publicKeys }, at), identity };
}

/** A user of an upgraded register, unlocking for the first time: their own keys signed in, their format-1 slot replaced. */
export async function enrolment(s: VaultState, passphrase: string, at: string): Promise<HeaderBodyV2> {
  const membership = signChange(s, { kind: 'enrol', slotId: s.slotId, keys: s.identity.publicKeys }, at);
  const slot = await makeMemberSlot({ identity: s.identity, dataKey: s.keys.data, registerId: s.registerId, id: s.slotId, keyGeneration: s.header.keyGeneration, passphrase, kdf: s.header.kdf });
  return { ...s.header, membership, slots: [...s.header.slots.filter((x) => x.id !== s.slotId), slot], legacy: s.header.legacy.filter((x) => x.id !== s.slotId) };
}

/**
 * True when the member's slot is below the register's key-derivation setting (an upgrade
 * from format 1 raises it to today's default; a test register keeps its cheap one).
 */
export function slotBelowSetting(s: VaultState): boolean {
  const slot = s.header.slots.find((x) => x.id === s.slotId);
  return slot !== undefined && kdfBelowDefault(slot.kdf, s.header.kdf);
}

/** The member's slot wrapped again under the register's setting: only they know the passphrase. */
export async function strengthenedSlot(s: VaultState, passphrase: string): Promise<HeaderBodyV2> {
  const fresh = await makeMemberSlot({ identity: s.identity, dataKey: s.keys.data, registerId: s.registerId, id: s.slotId, keyGeneration: s.header.keyGeneration, passphrase, kdf: s.header.kdf });
  return { ...s.header, slots: s.header.slots.map((x) => (x.id === s.slotId ? fresh : x)) };
}
