// Reading a register's state at open: the newest snapshot and its journal (each format-2
// commit checked: made and signed by a member, allowed by the commit policy), the unlock
// delay, and the schema check. Shared by opening a format-2 register and upgrading a format-1 one.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { type Clock } from '../../shared/calendar';
import { SqlDb } from '../db/sqlite';
import { latestVersion, type Migration } from '../db/migrations';
import { damaged, VaultError } from './errors';
import { classifyFolder, journalFileName, snapshotFileName, STREAM_KIND_SNAPSHOT } from './format';
import { tooNew } from './header';
import { type DataKeys } from './keys';
import { slotIdFor } from './keySlots';
import { commitDigestInput, scanJournal, type Statement, type SignedCommit } from './journal';
import { verifyBytes } from './identity';
import { type MembershipState } from './membership';
import { commitProblem } from './commitPolicy';
import { schemaDifference } from '../db/schemaCheck';
import { decryptStream, fdReader } from './snapshot';
import { unlockWait } from './attempts';
import { AUDIT_SIGNATURE_LABEL, COMMIT_SIGNATURE_LABEL, VaultImpl, type VaultState } from './vault';

/** What open reads from the folder: the part of the vault's state the files hold. */
export type LoadedState = Pick<VaultState, 'db' | 'seq' | 'lastTag' | 'snapshotSeq' | 'journalValidLength' | 'journalRecords'>;

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

export function refuseWhileWaiting(folder: string, clock: Clock): void {
  const wait = unlockWait(folder, clock);
  if (wait.waitMs > 0) {
    const seconds = Math.ceil(wait.waitMs / 1000);
    throw new VaultError('unlock_delay', `Too many attempts. Wait ${seconds} second${seconds === 1 ? '' : 's'} before trying again.`);
  }
}

export async function requireExactSchema(vault: VaultImpl, migrations: readonly Migration[]): Promise<void> {
  const version = vault.schemaVersion();
  const difference = await schemaDifference(vault.reader, migrations, version);
  if (difference !== null) {
    throw new VaultError('damaged', `This register cannot be opened: its database has ${difference}, which the app did not make. Nothing has been changed. Restore the latest backup into a new folder, and keep this folder for investigation.`);
  }
}
