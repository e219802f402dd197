// Create and open registers.
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { type Clock, systemClock } from '../../shared/calendar';
import { SqlDb } from '../db/sqlite';
import { latestVersion, MIGRATIONS, type Migration } from '../db/migrations';
import { VaultError, wrongPassphrase } from './errors';

import { classifyFolder, HEADER_FILE, journalFileName, KEY_BYTES, snapshotFileName, STREAM_KIND_SNAPSHOT, ZERO_TAG } from './format';

import { checkPassphrasePolicy, DEFAULT_KDF, type KdfParams } from './kdf';
import { deriveKeys, wipeKeys } from './keys';
import { encryptUsers, slotIdFor, validateUserName } from './keySlots';

import { readAnyHeader } from './anyHeader';
import { type HeaderBodyV2, type ParsedHeaderV2, serializeHeaderV2 } from './headerV2';
import { newIdentity } from './identity';
import { makeMemberSlot } from './memberSlots';
import { makeRecord, registerIdFor, verifyMembership } from './membership';

import { settleRekey } from './rekeyFiles';
import { loadState, refuseWhileWaiting, requireExactSchema } from './loadState';
import { openAndUpgrade } from './upgrade';
import { compareWithSeen, readSeen } from './seenState';
import { unlockV2 } from './unlockV2';
import { prepareSchemaCheck } from '../db/schemaCheck';
import { writeStreamSync } from './snapshot';
import { removeQuietly, writeAtomicWith, writeFileAtomicSync } from './atomicWrite';
import { recordFailure, resetAttempts } from './attempts';
import { folderIsEmptyOrMissing } from './backup';
import { assertNotInUse, FolderLock } from './folderLock';
import { DEFAULT_SNAPSHOT_THRESHOLD, type SnapshotThreshold, type Vault, VaultImpl } from './vault';

export interface TuningOptions {
  /** Journal size that triggers a snapshot after a commit. */
  snapshotThreshold?: SnapshotThreshold;
  /** For tests: the schema migrations this build knows (default: db/migrations.ts). */
  migrations?: readonly Migration[];
}

export interface CreateOptions extends TuningOptions {
  /** The one clock: the membership's genesis is dated by it. */
  clock?: Clock;
  folder: string;
  userName: string;
  passphrase: string;
  /** scrypt parameters for this register (default N=2^16, r=8, p=1; tests pass cheaper ones). */
  kdf?: KdfParams;
}

export interface OpenOptions extends TuningOptions {
  folder: string;
  userName: string;
  passphrase: string;
  /** Times the unlock delay after failed attempts (default: the system clock); tests move it on instead of sleeping. */
  clock?: Clock;
  /**
   * Where this computer remembers the newest state it has seen of each register (the app's
   * settings folder, never the register's). Without it, rollback is not checked.
   */
  seenDir?: string;
  /** An administrator's decision to open a copy older than the one this computer last saw (audited by the caller). */
  acceptOlderCopy?: boolean;
}

export function isRegisterFolder(folder: string): boolean {
  return fs.existsSync(path.join(folder, HEADER_FILE));
}

export async function createRegister(opts: CreateOptions): Promise<Vault> {
  const userName = validateUserName(opts.userName);
  await checkPassphrasePolicy(opts.passphrase, { userName });
  if (fs.existsSync(opts.folder)) assertNotInUse(opts.folder);
  if (!folderIsEmptyOrMissing(opts.folder)) {
    throw new VaultError('folder_not_empty', 'Choose an empty folder for the new register. The folder you chose already has files in it.');
  }
  const kdf = opts.kdf ?? DEFAULT_KDF;
  const clock = opts.clock ?? systemClock;
  // The founder's keys come first: the register's id is derived from them, so the
  // membership's genesis cannot be replaced by someone else's.
  const identity = newIdentity();
  const registerIdHex = registerIdFor(identity.publicKeys.sign);
  const registerId = Buffer.from(registerIdHex, 'hex');
  const slotId = slotIdFor(registerId, userName);
  const dataKey = randomBytes(KEY_BYTES);
  const keys = deriveKeys(dataKey, registerId);
  let db: SqlDb | undefined;
  let folderLock: FolderLock | undefined;
  try {
    const slot = await makeMemberSlot({ identity, dataKey, registerId, id: slotId, keyGeneration: 1, passphrase: opts.passphrase, kdf });
    dataKey.fill(0);
    const genesis = makeRecord(registerIdHex, undefined, slotId, identity, { kind: 'genesis', registerId: registerIdHex, converted: false, member: { slotId, keys: identity.publicKeys } }, clock().toISOString());
    const users = [{ id: slotId, userName }];
    const header: HeaderBodyV2 = {
      registerId: registerIdHex,
      keyGeneration: 1,
      kdf,
      slots: [slot],
      legacy: [],
      membership: [genesis],
      users: encryptUsers(keys.users, registerId, users),
    };
    const headerBytes = serializeHeaderV2(header);
    db = await SqlDb.open();
    fs.mkdirSync(opts.folder, { recursive: true });
    folderLock = FolderLock.acquire(opts.folder);
    if (fs.readdirSync(opts.folder).length !== 1) {
      throw new VaultError('folder_not_empty', 'Choose an empty folder for the new register. The folder you chose already has files in it.');
    }
    const plain = db.export();
    try {
      writeAtomicWith(path.join(opts.folder, snapshotFileName(0)), (fd) => {
        writeStreamSync(fd, 0, keys.snapshot, { kind: STREAM_KIND_SNAPSHOT, registerId, seq: 0, chainTag: ZERO_TAG }, plain);
      });
    } finally {
      plain.fill(0);
    }
    fs.closeSync(fs.openSync(path.join(opts.folder, journalFileName(0)), 'wx', 0o600));
    writeFileAtomicSync(path.join(opts.folder, HEADER_FILE), headerBytes); // last: marks the folder as a register
    const migrations = opts.migrations ?? MIGRATIONS;
    const vault = new VaultImpl({
      folder: opts.folder,
      registerId,
      userName,
      slotId,
      keys,
      header,
      headerBytes,
      users,
      identity,
      membership: verifyMembership(registerIdHex, header.membership),
      migrations,
      clock,
      db,
      seq: 0,
      lastTag: Buffer.from(ZERO_TAG),
      snapshotSeq: 0,
      journalValidLength: 0,
      journalRecords: 0,
      threshold: opts.snapshotThreshold ?? DEFAULT_SNAPSHOT_THRESHOLD,
      folderLock,
    });
    vault.migrate(migrations);
    return vault;
  } catch (e) {
    dataKey.fill(0);
    wipeKeys(keys);
    db?.close();
    folderLock?.release();
    throw e;
  }
}

export interface Opened {
  vault: Vault;
  /** Failed unlock attempts since the last successful one (for the audit trail). */
  failedAttemptsSinceLastUnlock: number;
  /** An older copy an administrator decided to open: what this computer had seen (the caller audits it). */
  olderCopyAccepted: { code: string; message: string } | null;
}

export async function openRegister(opts: OpenOptions): Promise<Opened> {
  const headerPath = path.join(opts.folder, HEADER_FILE);
  let headerBytes: Buffer;
  try {
    headerBytes = fs.readFileSync(headerPath);
  } catch {
    throw new VaultError('not_a_register', 'There is no MAPPA register in this folder. Choose the folder that holds the register.');
  }
  const parsed = readAnyHeader(headerBytes);
  prepareSchemaCheck(opts.migrations ?? MIGRATIONS, latestVersion(opts.migrations ?? MIGRATIONS));
  const folderLock = FolderLock.acquire(opts.folder); // before reading anything another instance may be writing
  try {
    return parsed.version === 2 ? await openV2(opts, parsed, headerBytes, folderLock) : await openAndUpgrade(opts, parsed, folderLock);
  } catch (e) {
    folderLock.release();
    throw e;
  }
}

async function openV2(opts: OpenOptions, parsed: ParsedHeaderV2, headerBytes: Buffer, folderLock: FolderLock): Promise<Opened> {
  const clock = opts.clock ?? systemClock;
  refuseWhileWaiting(opts.folder, clock);
  const what = `the register header (${HEADER_FILE})`;
  const unlocked = await unlockV2(parsed, opts.userName, opts.passphrase, what);
  if (unlocked === undefined) {
    recordFailure(opts.folder, clock);
    throw wrongPassphrase();
  }
  const { keys } = unlocked;
  try {
    const migrations = opts.migrations ?? MIGRATIONS;
    settleRekey(opts.folder, parsed.body.keyGeneration);
    const nameOf = (id: string) => unlocked.users.find((u) => u.id === id)?.userName ?? 'an unknown user';
    const state = await loadState(opts.folder, keys, parsed.registerId, migrations, { membership: unlocked.membership, nameOf });
    const vault = new VaultImpl({
      ...state,
      folder: opts.folder,
      registerId: parsed.registerId,
      userName: unlocked.userName,
      slotId: unlocked.slotId,
      keys,
      header: parsed.body,
      headerBytes,
      users: unlocked.users,
      identity: unlocked.identity,
      membership: unlocked.membership,
      migrations,
      clock,
      threshold: opts.snapshotThreshold ?? DEFAULT_SNAPSHOT_THRESHOLD,
      folderLock,
      ...(opts.seenDir === undefined ? {} : { seenDir: opts.seenDir }),
    });
    let olderCopyAccepted: Opened['olderCopyAccepted'] = null;
    let failed = 0;
    try {
      // Nothing is written until this copy is known not to be older than one this computer saw.
      olderCopyAccepted = refuseRollback(vault, opts);
      for (const t of classifyFolder(fs.readdirSync(opts.folder)).temps) removeQuietly(path.join(opts.folder, t));
      failed = resetAttempts(opts.folder);
      if (unlocked.enrolling) await vault.enrol(opts.passphrase);
      else await vault.strengthenOwnSlot(opts.passphrase);
      vault.migrate(migrations);
      await requireExactSchema(vault, migrations);
      vault.rememberSeen(olderCopyAccepted !== null);
    } catch (e) {
      vault.lockWithoutSnapshot();
      throw e;
    }
    return { vault, failedAttemptsSinceLastUnlock: failed, olderCopyAccepted };
  } catch (e) {
    wipeKeys(keys);
    throw e;
  }
}

/**
 * Rollback detection: an older copy of the folder (or a journal cut at a record boundary)
 * is refused with what this computer saw before and when; only an administrator may decide
 * to open it, and that decision is returned for the audit log.
 */
function refuseRollback(vault: VaultImpl, opts: OpenOptions): Opened['olderCopyAccepted'] {
  if (opts.seenDir === undefined) return null;
  const current = vault.registerState();
  const read = readSeen(opts.seenDir, current.registerId, vault.seenKeys().verify);
  const finding = read.kind === 'damaged' ? read.finding : read.kind === 'seen' ? compareWithSeen(read.state, current, { auditHashAt: (seq) => vault.auditHashAt(seq) }) : null;
  if (finding === null) return null;
  if (opts.acceptOlderCopy === true && vault.isAdministrator) return { code: finding.code, message: finding.message };
  const decide = vault.isAdministrator
    ? ' If you have decided to open this copy, unlock again and tick “Open this copy anyway”; your decision will be recorded.'
    : '';
  throw new VaultError('rolled_back', `${finding.message}${decide}`);
}
