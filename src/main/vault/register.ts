// Create and open registers.
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { type Clock, systemClock } from '../../shared/calendar';
import { SqlDb } from '../db/sqlite';
import { latestVersion, MIGRATIONS, type Migration } from '../db/migrations';
import { damaged, VaultError, wrongPassphrase } from './errors';
import { unlockHeader } from './unlock';
import {
  classifyFolder,
  HEADER_FILE,
  journalFileName,
  KEY_BYTES,
  snapshotFileName,
  STREAM_KIND_SNAPSHOT,
  ZERO_TAG,
} from './format';
import { type ParsedHeader, tooNew } from './header';
import { checkPassphrasePolicy, DEFAULT_KDF, type KdfParams } from './kdf';
import { type DataKeys, deriveKeys, wipeKeys } from './keys';
import { encryptUsers, slotIdFor, validateUserName } from './keySlots';
import { commitDigestInput, scanJournal, type Statement, type SignedCommit } from './journal';
import { readAnyHeader } from './anyHeader';
import { type HeaderBodyV2, type ParsedHeaderV2, serializeHeaderV2 } from './headerV2';
import { newIdentity, verifyBytes } from './identity';
import { makeMemberSlot } from './memberSlots';
import { appendChange, makeRecord, type MembershipChange, type MembershipState, registerIdFor, verifyMembership } from './membership';
import { commitProblem } from './commitPolicy';
import { settleRekey } from './rekeyFiles';
import { compareWithSeen, readSeen } from './seenState';
import { unlockV2 } from './unlockV2';
import { prepareSchemaCheck, schemaDifference } from '../db/schemaCheck';
import { decryptStream, fdReader, writeStreamSync } from './snapshot';
import { removeQuietly, writeAtomicWith, writeFileAtomicSync } from './atomicWrite';
import { recordFailure, resetAttempts, unlockWait } from './attempts';
import { folderIsEmptyOrMissing } from './backup';
import { assertNotInUse, FolderLock } from './folderLock';
import { AUDIT_SIGNATURE_LABEL, COMMIT_SIGNATURE_LABEL, DEFAULT_SNAPSHOT_THRESHOLD, type SnapshotThreshold, type Vault, VaultImpl } from './vault';

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

interface LoadedState {
  db: SqlDb;
  seq: number;
  lastTag: Buffer;
  snapshotSeq: number;
  journalValidLength: number;
  journalRecords: number;
}

/** Reads the newest snapshot and its journal. Never writes. Throws 'damaged' / 'too_new'. */
export async function loadState(
  folder: string,
  keys: DataKeys,
  registerId: Buffer,
  migrations: readonly Migration[],
  /** Format 2: who may have made each commit (the verified membership and the users' names). */
  members?: { membership: MembershipState; nameOf: (slotId: string) => string },
): Promise<LoadedState> {
  const files = classifyFolder(fs.readdirSync(folder));
  const seq0 = files.snapshots.at(-1);
  if (seq0 === undefined) throw damaged("the register's snapshot file (it is missing)");
  if (files.journals.some((j) => j > seq0)) throw damaged("the register's latest snapshot file (it is missing)");
  const snapName = snapshotFileName(seq0);
  const fd = fs.openSync(path.join(folder, snapName), 'r');
  let plain: Uint8Array;
  let chainTag: Buffer;
  try {
    const size = fs.fstatSync(fd).size;
    const what = `the snapshot file ${snapName}`;
    const dec = await decryptStream(fdReader(fd), 0, size, keys.snapshot, { kind: STREAM_KIND_SNAPSHOT, registerId, what });
    if (dec.seq !== seq0) {
      dec.plain.fill(0);
      throw damaged(what);
    }
    plain = dec.plain;
    chainTag = dec.chainTag;
  } finally {
    fs.closeSync(fd);
  }
  const db = await SqlDb.open(plain);
  plain.fill(0);
  try {
    const latest = latestVersion(migrations);
    const checkVersion = (): void => {
      const v = db.userVersion();
      if (v > latest) throw tooNew('schema', v, latest);
    };
    checkVersion();
    const jName = journalFileName(seq0);
    const jPath = path.join(folder, jName);
    const buf = fs.existsSync(jPath) ? fs.readFileSync(jPath) : Buffer.alloc(0);
    const replayCheck = members === undefined ? undefined : commitReplayCheck(registerId, migrations, members, jName);
    const scan = scanJournal(buf, keys.journal, registerId, seq0, chainTag, `the journal file ${jName}`, replayCheck);
    buf.fill(0);
    if (scan.entries.length > 0) {
      db.begin();
      try {
        for (const e of scan.entries) for (const [sql, params] of e.statements) db.runOne(sql, params, true);
        db.commit();
      } catch (e) {
        db.rollback();
        checkVersion();
        if (e instanceof VaultError) throw e;
        throw damaged(`the journal file ${jName}`);
      }
      checkVersion();
    }
    return {
      db,
      seq: seq0 + scan.entries.length,
      lastTag: scan.lastTag,
      snapshotSeq: seq0,
      journalValidLength: scan.validLength,
      journalRecords: scan.entries.length,
    };
  } catch (e) {
    db.close();
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

/** Each format-2 commit in the journal: made and signed by a member, and allowed by the commit policy. */
function commitReplayCheck(registerId: Buffer, migrations: readonly Migration[], members: { membership: MembershipState; nameOf: (slotId: string) => string }, jName: string) {
  return (entry: { seq: number; prevTag: Buffer; statements: Statement[]; statementsJson: Buffer; signed: SignedCommit }): void => {
    const m = members.membership.members.get(entry.signed.by);
    const refuse = (why: string) =>
      new VaultError('damaged', `This register cannot be opened: change ${entry.seq} in ${jName} ${why}. Nothing has been changed. Restore the latest backup into a new folder, and keep this folder for investigation.`);
    if (m === undefined || !m.active) throw refuse('was not made by a member of the register');
    const digest = commitDigestInput(registerId, entry.seq, entry.prevTag, entry.signed.migration, entry.statementsJson);
    if (!m.signKeys.some((k) => verifyBytes(k, COMMIT_SIGNATURE_LABEL, digest, entry.signed.sig))) throw refuse('does not carry a valid signature of its author');
    const latest = latestVersion(migrations);
    if (entry.signed.migration !== null && entry.signed.migration > latest) throw tooNew('schema', entry.signed.migration, latest);
    const auditBytes = (hash: string) => Buffer.concat([registerId, Buffer.from(hash, 'utf8')]);
    const problem = commitProblem(entry.statements, entry.signed.migration, migrations, {
      isAuthor: (userName) => slotIdFor(registerId, userName) === entry.signed.by,
      signedAudit: (hash, sig) => m.signKeys.some((k) => verifyBytes(k, AUDIT_SIGNATURE_LABEL, auditBytes(hash), sig)),
    });
    if (problem !== null) throw refuse(`was made by ${members.nameOf(entry.signed.by)} and is refused because ${problem}`);
  };
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

function refuseWhileWaiting(folder: string, clock: Clock): void {
  const wait = unlockWait(folder, clock);
  if (wait.waitMs > 0) {
    const seconds = Math.ceil(wait.waitMs / 1000);
    throw new VaultError('unlock_delay', `Too many attempts. Wait ${seconds} second${seconds === 1 ? '' : 's'} before trying again.`);
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

async function requireExactSchema(vault: VaultImpl, migrations: readonly Migration[]): Promise<void> {
  const version = vault.schemaVersion();
  const difference = await schemaDifference(vault.reader, migrations, version);
  if (difference !== null) {
    throw new VaultError('damaged', `This register cannot be opened: its database has ${difference}, which the app did not make. Nothing has been changed. Restore the latest backup into a new folder, and keep this folder for investigation.`);
  }
}

/**
 * A register in format 1 (one data key wrapped by each passphrase, roles in the database):
 * an administrator's unlock upgrades it to format 2. They become the genesis of the signed
 * membership; everyone else is recorded as pending, keeps their old slot, and makes their
 * own keys at their next unlock. Everything is checked before the new header is written.
 */
async function openAndUpgrade(opts: OpenOptions, parsed: ParsedHeader, folderLock: FolderLock): Promise<Opened> {
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
