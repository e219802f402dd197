// Create and open registers.
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { type Clock, systemClock } from '../../shared/calendar';
import { SqlDb } from '../db/sqlite';
import { latestVersion, MIGRATIONS, type Migration } from '../db/migrations';
import { damaged, VaultError, wrongPassphrase } from './errors';
import {
  classifyFolder,
  HEADER_FILE,
  journalFileName,
  KEY_BYTES,
  REGISTER_ID_BYTES,
  snapshotFileName,
  STREAM_KIND_SNAPSHOT,
  ZERO_TAG,
} from './format';
import { type HeaderBody, type ParsedHeader, parseHeader, serializeHeader, tooNew } from './header';
import { checkPassphrasePolicy, DEFAULT_KDF, type KdfParams } from './kdf';
import { type DataKeys, deriveKeys, wipeKeys } from './keys';
import { encryptUsers, makeSlot, validateUserName } from './keySlots';
import { scanJournal } from './journal';
import { decryptStream, fdReader, writeStreamSync } from './snapshot';
import { removeQuietly, writeAtomicWith, writeFileAtomicSync } from './atomicWrite';
import { recordFailure, resetAttempts, unlockWait } from './attempts';
import { folderIsEmptyOrMissing } from './backup';
import { unlockHeader } from './unlock';
import { assertNotInUse, FolderLock } from './folderLock';
import { DEFAULT_SNAPSHOT_THRESHOLD, type SnapshotThreshold, type Vault, VaultImpl } from './vault';

export interface TuningOptions {
  /** Journal size that triggers a snapshot after a commit. */
  snapshotThreshold?: SnapshotThreshold;
  /** For tests: the schema migrations this build knows (default: db/migrations.ts). */
  migrations?: readonly Migration[];
}

export interface CreateOptions extends TuningOptions {
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
}

export function isRegisterFolder(folder: string): boolean {
  return fs.existsSync(path.join(folder, HEADER_FILE));
}

export async function createRegister(opts: CreateOptions): Promise<Vault> {
  const userName = validateUserName(opts.userName);
  checkPassphrasePolicy(opts.passphrase);
  if (fs.existsSync(opts.folder)) assertNotInUse(opts.folder);
  if (!folderIsEmptyOrMissing(opts.folder)) {
    throw new VaultError('folder_not_empty', 'Choose an empty folder for the new register. The folder you chose already has files in it.');
  }
  const kdf = opts.kdf ?? DEFAULT_KDF;
  const registerId = randomBytes(REGISTER_ID_BYTES);
  const dataKey = randomBytes(KEY_BYTES);
  const keys = deriveKeys(dataKey, registerId);
  let db: SqlDb | undefined;
  let folderLock: FolderLock | undefined;
  try {
    const slot = await makeSlot(dataKey, registerId, userName, true, opts.passphrase, kdf);
    dataKey.fill(0);
    const users = [{ id: slot.id, userName }];
    const header: HeaderBody = {
      registerId: registerId.toString('hex'),
      generation: 1,
      kdf,
      slots: [slot],
      users: encryptUsers(keys.users, registerId, users),
    };
    const headerBytes = serializeHeader(header, keys.headerMac);
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
    const vault = new VaultImpl({
      folder: opts.folder,
      registerId,
      userName,
      slotId: slot.id,
      keys,
      header,
      headerBytes,
      users,
      db,
      seq: 0,
      lastTag: Buffer.from(ZERO_TAG),
      snapshotSeq: 0,
      journalValidLength: 0,
      journalRecords: 0,
      threshold: opts.snapshotThreshold ?? DEFAULT_SNAPSHOT_THRESHOLD,
      folderLock,
    });
    vault.migrate(opts.migrations ?? MIGRATIONS);
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
    const scan = scanJournal(buf, keys.journal, registerId, seq0, chainTag, `the journal file ${jName}`);
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
}

export async function openRegister(opts: OpenOptions): Promise<Opened> {
  const headerPath = path.join(opts.folder, HEADER_FILE);
  let headerBytes: Buffer;
  try {
    headerBytes = fs.readFileSync(headerPath);
  } catch {
    throw new VaultError('not_a_register', 'There is no MAPPA register in this folder. Choose the folder that holds the register.');
  }
  const parsed = parseHeader(headerBytes);
  const folderLock = FolderLock.acquire(opts.folder); // before reading anything another instance may be writing
  try {
    return await openLocked(opts, parsed, headerBytes, folderLock);
  } catch (e) {
    folderLock.release();
    throw e;
  }
}

async function openLocked(opts: OpenOptions, parsed: ParsedHeader, headerBytes: Buffer, folderLock: FolderLock): Promise<Opened> {
  const clock = opts.clock ?? systemClock;
  const wait = unlockWait(opts.folder, clock);
  if (wait.waitMs > 0) {
    const seconds = Math.ceil(wait.waitMs / 1000);
    throw new VaultError(
      'unlock_delay',
      `Too many attempts. Wait ${seconds} second${seconds === 1 ? '' : 's'} before trying again.`,
    );
  }
  const unlocked = await unlockHeader(parsed, opts.userName, opts.passphrase, `the register header (${HEADER_FILE})`);
  if (unlocked === undefined) {
    recordFailure(opts.folder, clock);
    throw wrongPassphrase();
  }
  const { keys } = unlocked;
  try {
    const migrations = opts.migrations ?? MIGRATIONS;
    const state = await loadState(opts.folder, keys, parsed.registerId, migrations);
    // Everything verified: from here on writing is allowed.
    for (const t of classifyFolder(fs.readdirSync(opts.folder)).temps) removeQuietly(path.join(opts.folder, t));
    const failed = resetAttempts(opts.folder);
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
      threshold: opts.snapshotThreshold ?? DEFAULT_SNAPSHOT_THRESHOLD,
      folderLock,
    });
    try {
      vault.migrate(migrations);
    } catch (e) {
      vault.lock();
      throw e;
    }
    return { vault, failedAttemptsSinceLastUnlock: failed };
  } catch (e) {
    wipeKeys(keys);
    throw e;
  }
}

