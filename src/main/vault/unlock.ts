// Header + passphrase -> verified keys. Shared by open and restore.
import { damaged } from './errors';
import { type ParsedHeader, verifyHeaderMac } from './header';
import { type DataKeys, deriveKeys, wipeKeys } from './keys';
import { decryptUsers, type UserEntry, unwrapSlot } from './keySlots';

export interface Unlocked {
  keys: DataKeys;
  users: UserEntry[];
  slotId: string;
  userName: string;
}

/** Undefined for a wrong passphrase or unknown user; throws 'damaged' if the header fails its MAC. */
export async function unlockHeader(
  h: ParsedHeader,
  userName: string,
  passphrase: string,
  what: string,
): Promise<Unlocked | undefined> {
  const r = await unwrapSlot(h.body.slots, h.registerId, userName, passphrase);
  if (r === undefined) return undefined;
  const keys = deriveKeys(r.dataKey, h.registerId);
  r.dataKey.fill(0);
  try {
    verifyHeaderMac(h, keys.headerMac, what);
    const users = decryptUsers(keys.users, h.registerId, h.body.users, what);
    const entry = users.find((u) => u.id === r.slot.id);
    if (entry === undefined) throw damaged(what);
    return { keys, users, slotId: r.slot.id, userName: entry.userName };
  } catch (e) {
    wipeKeys(keys);
    throw e;
  }
}
