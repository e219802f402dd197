// An unlocked register: the database, the keys, the open journal. Durable commits and snapshots.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Reader, Row, SqlParams, SqlValue, Writer } from '../db/types';
import type { SqlDb } from '../db/sqlite';
import type { Migration } from '../db/migrations';
import { pendingMigrations } from '../db/migrations';
import { lockedError, VaultError, writeFailed } from './errors';
import { classifyFolder, journalFileName, snapshotFileName, STREAM_KIND_SNAPSHOT } from './format';
import type { HeaderBody } from './header';
import { type DataKeys, wipeKeys } from './keys';
import { encodeRecord, JournalWriter, type Statement } from './journal';
import { writeStreamSync } from './snapshot';
import { fsyncDir, removeQuietly, writeAtomicWith } from './atomicWrite';
import type { UserEntry } from './keySlots';
import * as users from './users';
import { writeBackup } from './backup';
import type { FolderLock } from './folderLock';

export interface SnapshotThreshold {
  bytes: number;
  records: number;
}

export const DEFAULT_SNAPSHOT_THRESHOLD: SnapshotThreshold = { bytes: 4 * 1024 * 1024, records: 2000 };

export interface VaultState {
  folder: string;
  registerId: Buffer;
  userName: string;
  slotId: string;
  keys: DataKeys;
  header: HeaderBody;
  headerBytes: Buffer;
  users: UserEntry[];
  db: SqlDb;
  seq: number;
  lastTag: Buffer;
  snapshotSeq: number;
  journalValidLength: number;
  journalRecords: number;
  threshold: SnapshotThreshold;
  /** register.lock held while unlocked; released by lock(). */
  folderLock?: FolderLock;
}

export interface UserSummary {
  userName: string;
  administrator: boolean;
}

export interface Vault {
  readonly registerId: string;
  readonly folder: string;
  readonly userName: string;
  readonly isAdministrator: boolean;
  readonly reader: Reader;
  readonly locked: boolean;
  /** Runs fn in a transaction and makes it durable (journal fsynced) before returning. */
  commit<T>(fn: (w: Writer) => T): T;
  changePassphrase(oldPassphrase: string, newPassphrase: string): Promise<void>;
  addUser(u: { userName: string; passphrase: string; administrator: boolean }): Promise<void>;
  removeUser(userName: string): void;
  listUsers(): UserSummary[];
  backup(file: string, onProgress?: (fractionDone: number) => void): Promise<void>;
  snapshot(): void;
  /**
   * After a disposal: snapshots the current state, then removes every older snapshot and
   * journal, so deleted rows survive nowhere in the folder. See format.ts "Purge history".
   */
  purgeHistory(): void;
  /** Snapshots if the journal is non-empty, then drops the keys and the database. */
  lock(): void;
}

function copyParams(params: SqlParams | undefined): SqlParams | null {
  if (params === undefined) return null;
  const copy = (v: SqlValue): SqlValue => (v instanceof Uint8Array ? new Uint8Array(v) : v);
  if (Array.isArray(params)) return (params as readonly SqlValue[]).map(copy);
  return Object.fromEntries(Object.entries(params as Readonly<Record<string, SqlValue>>).map(([k, v]) => [k, copy(v)]));
}

function isThenable(v: unknown): boolean {
  return typeof v === 'object' && v !== null && typeof (v as { then?: unknown }).then === 'function';
}

export class VaultImpl implements Vault {
  private s: VaultState | undefined;
  private journal: JournalWriter | undefined;
  private snapshotRetryAt = 0;
  private headerBusy = false;
  readonly registerId: string;
  readonly folder: string;
  readonly userName: string;

  constructor(state: VaultState) {
    this.s = state;
    this.registerId = state.registerId.toString('hex');
    this.folder = state.folder;
    this.userName = state.userName;
    const jfile = path.join(state.folder, journalFileName(state.snapshotSeq));
    if (!fs.existsSync(jfile)) {
      fs.closeSync(fs.openSync(jfile, 'wx', 0o600));
      fsyncDir(state.folder);
    }
    this.journal = new JournalWriter(jfile, state.journalValidLength, state.journalRecords);
  }

  private get state(): VaultState {
    if (this.s === undefined) throw lockedError();
    return this.s;
  }

  get locked(): boolean {
    return this.s === undefined;
  }

  get isAdministrator(): boolean {
    const s = this.state;
    return s.header.slots.find((x) => x.id === s.slotId)?.administrator === true;
  }

  /** Reads; throws 'locked' once the register is locked, even through a kept reference. */
  readonly reader: Reader = {
    all: <T extends Row = Row>(sql: string, params?: SqlParams): T[] => this.state.db.reader.all<T>(sql, params),
    get: <T extends Row = Row>(sql: string, params?: SqlParams): T | undefined => this.state.db.reader.get<T>(sql, params),
  };

  /** Last committed sequence number (for tests and diagnostics). */
  get sequence(): number {
    return this.state.seq;
  }

  commit<T>(fn: (w: Writer) => T): T {
    return this.commitWith(fn, false);
  }

  /** Runs pending migrations, each as one durable commit. */
  migrate(migrations: readonly Migration[]): void {
    for (const m of pendingMigrations(this.state.db.userVersion(), migrations)) {
      this.commitWith((w) => {
        for (const sql of m.statements) w.run(sql);
        w.run(`PRAGMA user_version = ${m.version}`);
      }, true);
    }
  }

  private commitWith<T>(fn: (w: Writer) => T, internal: boolean): T {
    const s = this.state;
    const journal = this.journal;
    if (journal === undefined) throw writeFailed('your change (lock and unlock the register to continue)');
    if (s.db.transactionOpen) throw new VaultError('busy', 'Another change is still being saved. Try again.');
    const statements: Statement[] = [];
    const writer: Writer = {
      all: (sql, params) => s.db.reader.all(sql, params),
      get: (sql, params) => s.db.reader.get(sql, params),
      run: (sql, params) => {
        s.db.runOne(sql, params, internal);
        statements.push([sql, copyParams(params)]);
      },
    };
    s.db.begin();
    let result: T;
    try {
      result = fn(writer);
      if (isThenable(result)) throw new TypeError('commit(fn): fn must be synchronous.');
      if (statements.length === 0) {
        s.db.rollback();
        return result;
      }
      const seq = s.seq + 1;
      const { bytes, tag } = encodeRecord(s.keys.journal, s.registerId, seq, s.lastTag, statements);
      journal.append(bytes);
      try {
        s.db.commit();
      } catch (e) {
        journal.undoLast(bytes.length);
        throw e;
      }
      s.seq = seq;
      s.lastTag = tag;
    } catch (e) {
      if (s.db.transactionOpen) s.db.rollback();
      throw e;
    }
    this.maybeSnapshot();
    return result;
  }

  private maybeSnapshot(): void {
    const j = this.journal;
    const t = this.state.threshold;
    if (j === undefined || j.records < this.snapshotRetryAt) return;
    if (j.bytes < t.bytes && j.records < t.records) return;
    try {
      this.snapshot();
      this.snapshotRetryAt = 0;
    } catch {
      // The commit is already durable in the journal; try again a little later.
      this.snapshotRetryAt = j.records + 100;
    }
  }

  snapshot(): void {
    const s = this.state;
    if (s.db.transactionOpen) throw new VaultError('busy', 'Another change is still being saved. Try again.');
    if (s.seq === s.snapshotSeq) return;
    const old = this.journal;
    if (old === undefined) throw writeFailed('a snapshot (lock and unlock the register to continue)');
    const seq = s.seq;
    const plain = s.db.export();
    const target = path.join(s.folder, snapshotFileName(seq));
    try {
      const meta = { kind: STREAM_KIND_SNAPSHOT, registerId: s.registerId, seq, chainTag: s.lastTag };
      writeAtomicWith(target, (fd) => {
        writeStreamSync(fd, 0, s.keys.snapshot, meta, plain);
      });
    } catch {
      if (fs.existsSync(target)) {
        // Renamed but maybe not durable: open would use it and ignore the old journal, so the
        // old journal must take no more commits. Commits now fail until lock and unlock.
        old.close();
        this.journal = undefined;
      }
      throw writeFailed('a snapshot');
    } finally {
      plain.fill(0);
    }
    // From here snapshot-<seq> is durable. New commits must never go to the old journal.
    old.close();
    this.journal = undefined;
    const previous = s.snapshotSeq;
    s.snapshotSeq = seq;
    const jfile = path.join(s.folder, journalFileName(seq));
    try {
      fs.closeSync(fs.openSync(jfile, 'w', 0o600));
      fsyncDir(s.folder);
      this.journal = new JournalWriter(jfile, 0, 0);
    } catch {
      throw writeFailed('a new journal (lock and unlock the register to continue)');
    }
    this.removeOlderThan(previous);
  }

  purgeHistory(): void {
    const s = this.state;
    if (s.db.transactionOpen) throw new VaultError('busy', 'Another change is still being saved. Try again.');
    this.snapshot(); // no-op if the newest snapshot already is the current state
    const journal = this.journal;
    if (journal === undefined) throw writeFailed('a snapshot (lock and unlock the register to continue)');
    if (s.seq !== s.snapshotSeq) throw writeFailed('a snapshot');
    journal.truncateEmpty(); // drop a torn tail left by a crash
    const folder = s.folder;
    const keep = s.snapshotSeq;
    const files = classifyFolder(fs.readdirSync(folder));
    const failed: string[] = [];
    const remove = (name: string): void => {
      try {
        fs.rmSync(path.join(folder, name), { force: true });
      } catch {
        failed.push(name);
      }
    };
    for (const n of files.journals) if (n < keep) remove(journalFileName(n));
    for (const n of files.snapshots) if (n < keep) remove(snapshotFileName(n));
    for (const t of files.temps) remove(t);
    try {
      fsyncDir(folder);
    } catch {
      failed.push('.');
    }
    if (failed.length > 0) throw writeFailed('the removal of older copies of the register');
  }

  /** Keeps the previous snapshot and its journal as a fallback; removes anything older and temp files. */
  private removeOlderThan(keep: number): void {
    const folder = this.state.folder;
    const files = classifyFolder(fs.readdirSync(folder));
    for (const n of files.snapshots) if (n < keep) removeQuietly(path.join(folder, snapshotFileName(n)));
    for (const n of files.journals) if (n < keep) removeQuietly(path.join(folder, journalFileName(n)));
    for (const t of files.temps) removeQuietly(path.join(folder, t));
    try {
      fsyncDir(folder);
    } catch {
      // only deletions; nothing acknowledged depends on them
    }
  }

  lock(): void {
    if (this.s === undefined) return;
    let error: unknown;
    try {
      if (!this.s.db.transactionOpen) this.snapshot();
    } catch (e) {
      error = e; // the journal still holds every commit; report after locking
    }
    this.journal?.close();
    this.journal = undefined;
    const s = this.s;
    this.s = undefined;
    s.db.close();
    wipeKeys(s.keys);
    s.lastTag.fill(0);
    s.folderLock?.release();
    if (error !== undefined) throw error;
  }

  listUsers(): UserSummary[] {
    return users.listUsers(this.state);
  }

  async changePassphrase(oldPassphrase: string, newPassphrase: string): Promise<void> {
    await this.headerChange(() => users.changePassphrase(this.state, oldPassphrase, newPassphrase));
  }

  async addUser(u: { userName: string; passphrase: string; administrator: boolean }): Promise<void> {
    if (!this.isAdministrator) throw users.notAllowed();
    await this.headerChange(() => users.addUser(this.state, u));
  }

  removeUser(userName: string): void {
    if (!this.isAdministrator) throw users.notAllowed();
    if (this.headerBusy) throw new VaultError('busy', 'Another change to the users is still being saved. Try again.');
    users.removeUser(this.state, userName);
  }

  private async headerChange(work: () => Promise<users.HeaderChange>): Promise<void> {
    if (this.headerBusy) throw new VaultError('busy', 'Another change to the users is still being saved. Try again.');
    this.headerBusy = true;
    try {
      const change = await work();
      users.writeHeader(this.state, change); // this.state throws 'locked' if locked meanwhile
    } finally {
      this.headerBusy = false;
    }
  }

  async backup(file: string, onProgress?: (fractionDone: number) => void): Promise<void> {
    const s = this.state;
    if (s.db.transactionOpen) throw new VaultError('busy', 'Another change is still being saved. Try again.');
    const plain = s.db.export(); // point-in-time copy at a commit boundary
    const key = Buffer.from(s.keys.snapshot);
    try {
      await writeBackup(file, s.headerBytes, { registerId: s.registerId, seq: s.seq, chainTag: Buffer.from(s.lastTag) }, key, plain, onProgress);
    } finally {
      plain.fill(0);
      key.fill(0);
    }
  }
}
