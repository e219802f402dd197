// An unlocked register: the database, the keys, the open journal. Durable commits and snapshots.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Reader, Row, SqlParams, Writer } from '../db/types';
import type { Migration } from '../db/migrations';
import { pendingMigrations } from '../db/migrations';
import { lockedError, VaultError, writeFailed } from './errors';
import { journalFileName, snapshotFileName, STREAM_KIND_SNAPSHOT } from './format';
import { removeOlder, removeOlderQuietly } from './olderCopies';
import { commitProblem } from './commitPolicy';
import { signBytes, verifyBytes } from './identity';
import { wipeKeys } from './keys';
import { commitDigestInput, encodeRecord, JournalWriter, recordingWriter, type Statement } from './journal';
import { slotIdFor } from './keySlots';
import { writeSnapshotFile } from './snapshot';
import { fsyncDir } from './atomicWrite';
import * as users from './users';
import { checkPassphrasePolicy } from './kdf';
import type { MembershipRecord } from './membership';
import { rekeyRegister, type RekeyChange } from './rekey';
import * as seen from './seenRecord';
import type { RegisterState, SignSeen, VerifySeen } from './seenState';
import { writeBackup } from './backup';

export { AUDIT_SIGNATURE_LABEL, COMMIT_SIGNATURE_LABEL, DEFAULT_SNAPSHOT_THRESHOLD, type SnapshotThreshold, type UserSummary, type Vault, type VaultState } from './vaultState';
import { AUDIT_SIGNATURE_LABEL, COMMIT_SIGNATURE_LABEL, type UserSummary, type Vault, type VaultState } from './vaultState';

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
    return s.membership.members.get(s.slotId)?.administrator === true;
  }

  get memberRole(): { role: string; officeId: string } | null {
    const m = this.state.membership.members.get(this.state.slotId);
    return m?.role != null && m.officeId != null ? { role: m.role, officeId: m.officeId } : null;
  }

  get position(): { seq: number; keyGeneration: number; membershipVersion: number; membershipHead: string } {
    const s = this.state;
    return { seq: s.seq, keyGeneration: s.header.keyGeneration, membershipVersion: s.membership.version, membershipHead: s.membership.head };
  }

  signAudit(hash: string): string {
    const s = this.state;
    const signature = signBytes(s.identity, AUDIT_SIGNATURE_LABEL, Buffer.concat([s.registerId, Buffer.from(hash, 'utf8')]));
    this.signedHere = { hash, signature };
    return signature;
  }

  memberSigningKey(): string {
    return this.state.identity.publicKeys.sign;
  }

  signAsMember(label: string, bytes: Uint8Array): string {
    return signBytes(this.state.identity, label, bytes);
  }

  /** The entry this vault signed last: the commit that carries it need not verify it again (replay always does). */
  private signedHere: { hash: string; signature: string } | undefined;

  checkAuditSignature(userName: string, hash: string, signature: string): 'signed' | 'bad' | 'unknown' {
    const s = this.state;
    const m = s.membership.members.get(slotIdFor(s.registerId, userName));
    if (m === undefined) return 'unknown';
    const bytes = Buffer.concat([s.registerId, Buffer.from(hash, 'utf8')]);
    return m.signKeys.some((k) => verifyBytes(k, AUDIT_SIGNATURE_LABEL, bytes, signature)) ? 'signed' : 'bad';
  }

  /** Reads; throws 'locked' once the register is locked, even through a kept reference. */
  readonly reader: Reader = {
    all: <T extends Row = Row>(sql: string, params?: SqlParams): T[] => this.state.db.reader.all<T>(sql, params),
    get: <T extends Row = Row>(sql: string, params?: SqlParams): T | undefined => this.state.db.reader.get<T>(sql, params),
  };

  /** The database's schema version (PRAGMA user_version). */
  schemaVersion(): number {
    return this.state.db.userVersion();
  }

  /** Last committed sequence number (for tests and diagnostics). */
  get sequence(): number {
    return this.state.seq;
  }

  commit<T>(fn: (w: Writer) => T): T {
    return this.commitWith(fn);
  }

  /** Runs pending migrations, each as one durable commit. */
  migrate(migrations: readonly Migration[]): void {
    for (const m of pendingMigrations(this.state.db.userVersion(), migrations)) {
      this.commitWith((w) => {
        for (const sql of m.statements) w.run(sql);
        w.run(`PRAGMA user_version = ${m.version}`);
      }, m.version);
    }
  }

  /** The signer as the commit policy sees them: their own name, and their signatures on audit entries. */
  private author(s: VaultState) {
    return {
      isAuthor: (userName: string) => slotIdFor(s.registerId, userName) === s.slotId,
      signedAudit: (hash: string, signature: string) =>
        (this.signedHere?.hash === hash && this.signedHere.signature === signature) || this.checkAuditSignature(s.userName, hash, signature) === 'signed',
    };
  }

  private commitWith<T>(fn: (w: Writer) => T, migration: number | null = null): T {
    const internal = migration !== null;
    const s = this.state;
    const journal = this.journal;
    if (journal === undefined) throw writeFailed('your change (lock and unlock the register to continue)');
    if (s.db.transactionOpen) throw new VaultError('busy', 'Another change is still being saved. Try again.');
    const statements: Statement[] = [];
    const writer = recordingWriter(s.db, internal, statements);
    s.db.begin();
    let result: T;
    try {
      result = fn(writer);
      if (isThenable(result)) throw new TypeError('commit(fn): fn must be synchronous.');
      if (statements.length === 0) {
        s.db.rollback();
        return result;
      }
      // The same rules replay applies: refused here, nothing is written.
      const problem = commitProblem(statements, migration, s.migrations, this.author(s));
      if (problem !== null) throw new VaultError('not_allowed', `This change was refused because ${problem}.`);
      const seq = s.seq + 1;
      const prevTag = s.lastTag;
      const { bytes, tag } = encodeRecord(s.keys.journal, s.registerId, seq, prevTag, statements, (json) => {
        const digestInput = commitDigestInput(s.registerId, seq, prevTag, migration, json);
        try {
          return { by: s.slotId, migration, sig: signBytes(s.identity, COMMIT_SIGNATURE_LABEL, digestInput) };
        } finally {
          digestInput.fill(0);
        }
      });
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
    const target = path.join(s.folder, snapshotFileName(seq));
    try {
      writeSnapshotFile(target, s.keys.snapshot, { kind: STREAM_KIND_SNAPSHOT, registerId: s.registerId, seq, chainTag: s.lastTag }, (use) => s.db.withImage(use));
    } catch {
      if (fs.existsSync(target)) {
        // Renamed but maybe not durable: open would use it and ignore the old journal, so the
        // old journal must take no more commits. Commits now fail until lock and unlock.
        old.close();
        this.journal = undefined;
      }
      throw writeFailed('a snapshot');
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
    // The previous snapshot and its journal stay as a fallback.
    removeOlderQuietly(s.folder, previous);
  }

  purgeHistory(): void {
    const s = this.state;
    if (s.db.transactionOpen) throw new VaultError('busy', 'Another change is still being saved. Try again.');
    this.snapshot(); // no-op if the newest snapshot already is the current state
    const journal = this.journal;
    if (journal === undefined) throw writeFailed('a snapshot (lock and unlock the register to continue)');
    if (s.seq !== s.snapshotSeq) throw writeFailed('a snapshot');
    journal.truncateEmpty(); // drop a torn tail left by a crash
    const failed = removeOlder(s.folder, s.snapshotSeq);
    if (failed.length > 0) throw writeFailed('the removal of older copies of the register');
  }

  lock(): void {
    if (this.s === undefined) return;
    let error: unknown;
    try {
      if (!this.s.db.transactionOpen) this.snapshot();
    } catch (e) {
      error = e; // the journal still holds every commit; report after locking
    }
    this.rememberSeen();
    this.lockWithoutSnapshot();
    if (error !== undefined) throw error;
  }

  listUsers(): UserSummary[] {
    return users.listUsers(this.state);
  }

  private now(): string {
    return this.state.clock().toISOString();
  }

  setRole(userName: string, role: string, officeId: string): void {
    if (!this.isAdministrator) throw users.notAllowed();
    if (this.headerBusy) throw new VaultError('busy', 'Another change to the users is still being saved. Try again.');
    const s = this.state;
    const body = users.setRole(s, userName, role, officeId, this.now());
    if (body !== s.header) users.writeHeader(s, body);
  }

  async addUser(u: { userName: string; passphrase: string; administrator: boolean }): Promise<void> {
    if (!this.isAdministrator) throw users.notAllowed();
    await this.headerTask(async () => {
      const { body, users: list } = await users.addUser(this.state, u, this.now());
      users.writeHeader(this.state, body, list); // this.state throws 'locked' if locked meanwhile
    });
  }

  /** Removes the user, then re-keys: what is written from now on is sealed only to the members who remain. */
  async removeUser(userName: string): Promise<void> {
    if (!this.isAdministrator) throw users.notAllowed();
    await this.headerTask(async () => {
      const s = this.state;
      const { membership, id } = users.removalChange(s, userName, this.now());
      await this.rekey(membership, { remove: id });
    });
  }

  /** New key pairs for this member under the new passphrase, then a re-key, so the old passphrase opens nothing written from now on. */
  async changePassphrase(oldPassphrase: string, newPassphrase: string): Promise<void> {
    await checkPassphrasePolicy(newPassphrase, { userName: this.userName });
    await this.headerTask(async () => {
      const { membership, identity } = await users.newKeys(this.state, oldPassphrase, this.now());
      await this.rekey(membership, { self: { identity, passphrase: newPassphrase } });
    });
  }

  /** A user of an upgraded register unlocking for the first time: their own keys, signed into the membership. */
  async enrol(passphrase: string): Promise<void> {
    await this.headerTask(async () => users.writeHeader(this.state, await users.enrolment(this.state, passphrase, this.now())));
  }

  /** What this register is at now, as this computer records it (seenState.ts). */
  registerState(): RegisterState {
    return seen.registerState(this.state);
  }

  /** The hash of audit entry `seq` in this copy, if it has one (to tell a forked copy from an older one). */
  auditHashAt(seq: number): string | null {
    return seen.auditHashAt(this.state, seq);
  }

  /** Signs and verifies this computer's record with the members' own keys. */
  seenKeys(): { sign: SignSeen; verify: VerifySeen } {
    return seen.seenKeys(this.state);
  }

  /** Records on this computer that it has seen the register as it is now (never moving backwards unless told). */
  rememberSeen(acceptOlder = false): void {
    seen.rememberSeen(this.state, acceptOlder);
  }

  /**
   * A slot whose key derivation is below the register's setting (an older default) is
   * wrapped again under the current one at its owner's unlock: only they know the passphrase.
   */
  async strengthenOwnSlot(passphrase: string): Promise<boolean> {
    if (!users.slotBelowSetting(this.state)) return false;
    await this.headerTask(async () => users.writeHeader(this.state, await users.strengthenedSlot(this.state, passphrase)));
    return true;
  }

  /** Drops keys and database without writing anything (an open that failed its checks). */
  lockWithoutSnapshot(): void {
    if (this.s === undefined) return;
    this.journal?.close();
    this.journal = undefined;
    const s = this.s;
    this.s = undefined;
    s.db.close();
    wipeKeys(s.keys);
    s.lastTag.fill(0);
    s.folderLock?.release();
  }

  private async headerTask(work: () => Promise<void>): Promise<void> {
    if (this.headerBusy) throw new VaultError('busy', 'Another change to the users is still being saved. Try again.');
    this.headerBusy = true;
    try {
      await work();
    } finally {
      this.headerBusy = false;
    }
  }

  private async rekey(membership: MembershipRecord[], change: RekeyChange): Promise<void> {
    const s = this.state;
    await rekeyRegister(
      {
        state: s,
        stillOpen: () => this.s === s,
        now: () => this.now(),
        closeJournal: () => {
          this.journal?.close();
          this.journal = undefined;
        },
        adoptJournal: (journal) => {
          this.journal = journal;
        },
      },
      membership,
      change,
    );
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
