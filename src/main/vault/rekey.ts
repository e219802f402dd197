// Re-keying (format.ts "Re-keying"): when a member is removed or changes their passphrase,
// a new data key is sealed to every remaining member and the whole register is written
// again under it, so the old key opens nothing written afterwards.
import { randomBytes } from 'node:crypto';
import * as path from 'node:path';
import { writeAtomicWith } from './atomicWrite';
import { VaultError } from './errors';
import { KEY_BYTES, STREAM_KIND_SNAPSHOT } from './format';
import type { HeaderBodyV2, MemberSlot } from './headerV2';
import type { Identity } from './identity';
import type { JournalWriter } from './journal';
import { deriveKeys, wipeKeys } from './keys';
import { encryptUsers } from './keySlots';
import { makeMemberSlot, sealDataKey } from './memberSlots';
import { appendChange, type MembershipRecord, verifyMembership } from './membership';
import { finishRekey, nextSnapshotName } from './rekeyFiles';
import { writeStreamSync } from './snapshot';
import * as users from './users';
import type { VaultState } from './vault';

/** Who leaves (their slot id), or whose keys and passphrase are new. */
export interface RekeyChange {
  remove?: string;
  self?: { identity: Identity; passphrase: string };
}

/** What re-keying needs of the open vault. */
export interface RekeyHost {
  state: VaultState;
  /** False once the vault has been locked meanwhile. */
  stillOpen(): boolean;
  now(): string;
  closeJournal(): void;
  adoptJournal(journal: JournalWriter): void;
}

/**
 * A new data key, sealed to every remaining member's public key, and the whole register
 * written again under it (format.ts "Re-keying"): the new snapshot first (as a .next
 * file), then the header (the moment the new key takes over), then the new snapshot
 * takes its place and every file under the old key is removed.
 */
export async function rekeyRegister(host: RekeyHost, membership: MembershipRecord[], change: RekeyChange): Promise<void> {
  const s = host.state;
  if (s.db.transactionOpen) throw new VaultError('busy', 'Another change is still being saved. Try again.');
  const pending = [...verifyMembership(s.header.registerId, membership).members.values()].filter((m) => m.active && m.keys === null);
  if (pending.length > 0) {
    const names = pending.map((m) => s.users.find((u) => u.id === m.slotId)?.userName ?? 'a user').join(', ');
    throw new VaultError('not_allowed', `${names} must unlock the register once (to make their own keys) before it can be re-keyed, or they would be locked out.`);
  }
  const keyGeneration = s.header.keyGeneration + 1;
  const signer = change.self?.identity ?? s.identity;
  const withRekey = appendChange(verifyMembership(s.header.registerId, membership), membership, s.slotId, signer, { kind: 'rekey', keyGeneration }, host.now());
  const state = verifyMembership(s.header.registerId, withRekey);
  const dataKey = randomBytes(KEY_BYTES);
  const keys = deriveKeys(dataKey, s.registerId);
  try {
    const slots: MemberSlot[] = [];
    for (const slot of s.header.slots) {
      const m = state.members.get(slot.id);
      if (!m?.active || m.keys === null || slot.id === change.remove) continue;
      if (slot.id === s.slotId && change.self) {
        slots.push(await makeMemberSlot({ identity: change.self.identity, dataKey, registerId: s.registerId, id: slot.id, keyGeneration, passphrase: change.self.passphrase, kdf: s.header.kdf }));
      } else {
        slots.push({ ...slot, sealed: sealDataKey(m.keys.box, dataKey, s.registerId, slot.id, keyGeneration) });
      }
    }
    const userList = s.users.filter((u) => u.id !== change.remove);
    const body: HeaderBodyV2 = { ...s.header, keyGeneration, slots, legacy: [], membership: withRekey, users: encryptUsers(keys.users, s.registerId, userList) };
    if (!host.stillOpen() || s.db.transactionOpen) throw new VaultError('busy', 'Another change is still being saved. Try again.');
    const next = path.join(s.folder, nextSnapshotName(s.seq, keyGeneration));
    s.db.withImage((plain) =>
      writeAtomicWith(next, (fd) => {
        writeStreamSync(fd, 0, keys.snapshot, { kind: STREAM_KIND_SNAPSHOT, registerId: s.registerId, seq: s.seq, chainTag: s.lastTag }, plain);
      }),
    );
    host.closeJournal();
    users.writeHeader(s, body, userList); // from here the new key is the register's key
    wipeKeys(s.keys);
    s.keys = keys;
    if (change.self) s.identity = change.self.identity;
    s.snapshotSeq = s.seq;
    host.adoptJournal(finishRekey(s.folder, keyGeneration));
  } catch (e) {
    if (s.keys !== keys) wipeKeys(keys);
    throw e;
  } finally {
    dataKey.fill(0);
  }
}
