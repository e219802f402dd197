// Upgrading a format-1 register (an administrator's first unlock with this version).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { systemClock } from '../../shared/calendar';
import { MIGRATIONS } from '../db/migrations';
import { VaultError, wrongPassphrase } from './errors';
import { unlockHeader } from './unlock';
import { classifyFolder, HEADER_FILE } from './format';
import { type ParsedHeader } from './header';
import { DEFAULT_KDF } from './kdf';
import { wipeKeys } from './keys';
import { slotIdFor } from './keySlots';
import { type HeaderBodyV2, serializeHeaderV2 } from './headerV2';
import { newIdentity } from './identity';
import { makeMemberSlot } from './memberSlots';
import { appendChange, makeRecord, type MembershipChange, verifyMembership } from './membership';
import { removeQuietly, writeFileAtomicSync } from './atomicWrite';
import { recordFailure, resetAttempts } from './attempts';
import { FolderLock } from './folderLock';
import { DEFAULT_SNAPSHOT_THRESHOLD, VaultImpl } from './vault';
import type { Opened, OpenOptions } from './register';
import { loadState, refuseWhileWaiting, requireExactSchema } from './loadState';

/**
 * A register in format 1 (one data key wrapped by each passphrase, roles in the database):
 * an administrator's unlock upgrades it to format 2. They become the genesis of the signed
 * membership; everyone else is recorded as pending, keeps their old slot, and makes their
 * own keys at their next unlock. Everything is checked before the new header is written.
 */
export async function openAndUpgrade(opts: OpenOptions, parsed: ParsedHeader, folderLock: FolderLock): Promise<Opened> {
  const clock = opts.clock ?? systemClock;
  refuseWhileWaiting(opts.folder, clock);
  const what = `the register header (${HEADER_FILE})`;
  const unlocked = await unlockHeader(parsed, opts.userName, opts.passphrase, what);
  if (unlocked === undefined) {
    recordFailure(opts.folder, clock);
    throw wrongPassphrase();
  }
  const { keys } = unlocked;
  try {
    const ownSlot = parsed.body.slots.find((x) => x.id === unlocked.slotId);
    if (!ownSlot?.administrator) {
      throw new VaultError(
        'needs_upgrade',
        'This register was made by an earlier version of MAPPA Register and must be upgraded by one of its administrators first. Ask an administrator to unlock it once, then unlock it again.',
      );
    }
    const migrations = opts.migrations ?? MIGRATIONS;
    const state = await loadState(opts.folder, keys, parsed.registerId, migrations);
    const registerIdHex = parsed.registerId.toString('hex');
    const identity = newIdentity();
    const at = clock().toISOString();
    const admin = unlocked.slotId;
    let records = [makeRecord(registerIdHex, undefined, admin, identity, { kind: 'genesis', registerId: registerIdHex, converted: true, member: { slotId: admin, keys: identity.publicKeys } }, at)];
    const sign = (change: MembershipChange) => {
      records = appendChange(verifyMembership(registerIdHex, records), records, admin, identity, change, at);
    };
    const others = parsed.body.slots.filter((x) => x.id !== admin);
    for (const slot of others) sign({ kind: 'pending', slotId: slot.id, administrator: slot.administrator });
    // Roles and offices move from the database into the signed membership.
    for (const row of state.db.reader.all<{ user_name: string; role: string; office_id: string }>('SELECT user_name, role, office_id FROM users WHERE active = 1')) {
      const id = slotIdFor(parsed.registerId, row.user_name);
      if (id === admin || others.some((x) => x.id === id)) sign({ kind: 'role', slotId: id, role: row.role, officeId: row.office_id });
    }
    const slot = await makeMemberSlot({ identity, dataKey: keys.data, registerId: parsed.registerId, id: admin, keyGeneration: 1, passphrase: opts.passphrase, kdf: DEFAULT_KDF });
    const header: HeaderBodyV2 = { registerId: registerIdHex, keyGeneration: 1, kdf: DEFAULT_KDF, slots: [slot], legacy: others, membership: records, users: parsed.body.users };
    const headerBytes = serializeHeaderV2(header);
    for (const t of classifyFolder(fs.readdirSync(opts.folder)).temps) removeQuietly(path.join(opts.folder, t));
    const failed = resetAttempts(opts.folder);
    const vault = new VaultImpl({
      ...state,
      folder: opts.folder,
      registerId: parsed.registerId,
      userName: unlocked.userName,
      slotId: admin,
      keys,
      header,
      headerBytes,
      users: unlocked.users,
      identity,
      membership: verifyMembership(registerIdHex, records),
      migrations,
      clock,
      threshold: opts.snapshotThreshold ?? DEFAULT_SNAPSHOT_THRESHOLD,
      folderLock,
    });
    try {
      // The unsigned format-1 journal is folded into a snapshot before the new header names signed journals.
      vault.snapshot();
      writeFileAtomicSync(path.join(opts.folder, HEADER_FILE), headerBytes);
      vault.migrate(migrations);
      await requireExactSchema(vault, migrations);
    } catch (e) {
      vault.lockWithoutSnapshot();
      throw e;
    }
    return { vault, failedAttemptsSinceLastUnlock: failed, olderCopyAccepted: null };
  } catch (e) {
    wipeKeys(keys);
    throw e;
  }
}
