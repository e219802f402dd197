// Format-2 header + passphrase -> the member's keys, the verified membership and the data key.
import { randomBytes } from 'node:crypto';
import { damaged } from './errors';
import type { ParsedHeaderV2 } from './headerV2';
import { type Identity, newIdentity } from './identity';
import { DEFAULT_KDF, deriveSlotKey } from './kdf';
import { type DataKeys, deriveKeys, wipeKeys } from './keys';
import { decryptUsers, slotIdFor, type UserEntry, unwrapSlot } from './keySlots';
import { openMemberSlot, unsealDataKey } from './memberSlots';
import { type MembershipState, verifyMembership } from './membership';

export interface UnlockedV2 {
  keys: DataKeys;
  users: UserEntry[];
  slotId: string;
  userName: string;
  identity: Identity;
  membership: MembershipState;
  /** Opened through a format-1 slot kept for a user who has not yet made their own keys: enrol them now. */
  enrolling: boolean;
}

/** Undefined for a wrong passphrase, an unknown user or a removed member; throws 'damaged' for a bad header. */
export async function unlockV2(h: ParsedHeaderV2, userName: string, passphrase: string, what: string): Promise<UnlockedV2 | undefined> {
  const membership = verifyMembership(h.body.registerId, h.body.membership);
  const id = slotIdFor(h.registerId, userName);
  const member = membership.members.get(id);
  const slot = h.body.slots.find((s) => s.id === id);
  const legacy = h.body.legacy.find((s) => s.id === id);
  let identity: Identity | undefined;
  let dataKey: Buffer | undefined;
  let enrolling = false;
  if (slot !== undefined) {
    identity = await openMemberSlot(slot, h.registerId, passphrase);
    if (identity === undefined) return undefined;
    if (!member?.active || member.keys?.sign !== identity.publicKeys.sign || member.keys.box !== identity.publicKeys.box) return undefined;
    dataKey = unsealDataKey(identity, slot, h.registerId, h.body.keyGeneration);
    if (dataKey === undefined) throw damaged(what);
  } else if (legacy !== undefined) {
    const r = await unwrapSlot([legacy], h.registerId, userName, passphrase);
    if (r === undefined) return undefined;
    if (!member?.active || member.keys !== null || h.body.keyGeneration !== 1) {
      r.dataKey.fill(0);
      return undefined;
    }
    dataKey = r.dataKey;
    identity = newIdentity();
    enrolling = true;
  } else {
    // Same work as a real attempt, so an unknown name cannot be told apart by timing.
    (await deriveSlotKey(passphrase, randomBytes(16), h.body.slots[0]?.kdf ?? DEFAULT_KDF)).fill(0);
    return undefined;
  }
  const keys = deriveKeys(dataKey, h.registerId);
  dataKey.fill(0);
  try {
    const users = decryptUsers(keys.users, h.registerId, h.body.users, what);
    const entry = users.find((u) => u.id === id);
    if (entry === undefined || slotIdFor(h.registerId, entry.userName) !== id) throw damaged(what);
    return { keys, users, slotId: id, userName: entry.userName, identity, membership, enrolling };
  } catch (e) {
    wipeKeys(keys);
    throw e;
  }
}
