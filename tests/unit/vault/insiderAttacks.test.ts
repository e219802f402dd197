// Issue 9's attacks on the register file, each done the way the attacker would: a member
// with a valid passphrase and the app's own modules, or someone with copies of the folder
// and no key at all. Each ends in a refusal with a clear message or a verify that names
// the entry, and nothing is lost for the honest users.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { acted, actorFor, entryHash, readAuditRecords, verifyAuditChain } from '../../../src/main/audit';
import { tamperStatements } from '../../support/memoryRegister';
import { commitActed } from '../../../src/main/access/acting';
import { openRegister, type Vault } from '../../../src/main/vault';
import { manualClock } from '../../../src/shared/calendar';
import { readAnyHeader } from '../../../src/main/vault/anyHeader';
import { classifyFolder, HEADER_FILE, journalFileName, snapshotFileName, STREAM_KIND_SNAPSHOT } from '../../../src/main/vault/format';
import { serializeHeaderV2 } from '../../../src/main/vault/headerV2';
import { signBytes } from '../../../src/main/vault/identity';
import { commitDigestInput, encodeRecord, scanJournal } from '../../../src/main/vault/journal';
import { wipeKeys } from '../../../src/main/vault/keys';
import { appendChange, makeRecord } from '../../../src/main/vault/membership';
import { decryptStream, fdReader } from '../../../src/main/vault/snapshot';
import { unlockV2 } from '../../../src/main/vault/unlockV2';
import { ADMIN, ADMIN_PASS, cleanupTempDirs, folderDigests, newRegister, rewriteNewestSnapshot, tempDir } from '../../support/vaultFixture';

const REP = 'Rita Representative';
const REP_PASS = 'rita keeps probation records';

afterEach(() => cleanupTempDirs());

/** A register with an administrator and a representative (her role signed by the administrator). */
async function twoMemberRegister(): Promise<{ folder: string; seenDir: string }> {
  const v = await newRegister();
  await v.addUser({ userName: REP, passphrase: REP_PASS, administrator: false });
  v.setRole(REP, 'representative', 'office-1');
  v.setRole(ADMIN, 'administrator', 'office-1');
  record(v, 3);
  v.lock();
  return { folder: v.folder, seenDir: tempDir('seen') };
}

function record(v: Vault, count: number): void {
  for (let i = 0; i < count; i++) commitActed(v, actorFor(v.reader, { userName: v.userName }), new Date(Date.UTC(2026, 10, 25, 9, i)), () => acted(undefined, { action: 'subject_view', subjectId: `s-${i}` }));
}

/** The tests' clock: a refused passphrase is followed by the growing delay, which the clock moves past instead of sleeping. */
const clock = manualClock('2026-11-25T09:00:00Z');

async function open(folder: string, who: { userName: string; passphrase: string }, seenDir?: string, extra: { acceptOlderCopy?: boolean } = {}) {
  clock.advance(60 * 60 * 1000);
  return openRegister({ folder, userName: who.userName, passphrase: who.passphrase, clock, ...(seenDir ? { seenDir } : {}), ...extra });
}

const admin = { userName: ADMIN, passphrase: ADMIN_PASS };
const rep = { userName: REP, passphrase: REP_PASS };

/** Rita appends her own, validly signed journal record carrying whatever statements she likes. */
async function appendSignedRecord(folder: string, statements: [string, null][]): Promise<void> {
  const header = readAnyHeader(fs.readFileSync(path.join(folder, HEADER_FILE)));
  if (header.version !== 2) throw new Error('format 2 expected');
  const me = await unlockV2(header, REP, REP_PASS, 'attack');
  if (!me) throw new Error('wrong passphrase');
  try {
    const seq0 = classifyFolder(fs.readdirSync(folder)).snapshots.at(-1) ?? 0;
    const fd = fs.openSync(path.join(folder, snapshotFileName(seq0)), 'r');
    const snap = await decryptStream(fdReader(fd), 0, fs.fstatSync(fd).size, me.keys.snapshot, { kind: STREAM_KIND_SNAPSHOT, registerId: header.registerId, what: 's' });
    fs.closeSync(fd);
    snap.plain.fill(0);
    const jPath = path.join(folder, journalFileName(seq0));
    const existing = fs.existsSync(jPath) ? fs.readFileSync(jPath) : Buffer.alloc(0);
    const scan = scanJournal(existing, me.keys.journal, header.registerId, seq0, snap.chainTag, 'j', () => undefined);
    const seq = seq0 + scan.entries.length + 1;
    const { bytes } = encodeRecord(me.keys.journal, header.registerId, seq, scan.lastTag, statements, (json) => ({
      by: me.slotId,
      migration: null,
      sig: signBytes(me.identity, 'mappa v2 commit', commitDigestInput(header.registerId, seq, scan.lastTag, null, json)),
    }));
    fs.appendFileSync(jPath, bytes);
  } finally {
    wipeKeys(me.keys);
  }
}

describe('1. audit suppression by a member with her own passphrase', () => {
  const SUPPRESS = `CREATE TRIGGER hide_rita BEFORE INSERT ON audit_log WHEN NEW.actor_user_name = '${REP}' BEGIN SELECT RAISE(IGNORE); END`;

  it('refuses the trigger when she commits it through the app’s own modules, and nothing is written', async () => {
    const { folder } = await twoMemberRegister();
    const { vault } = await open(folder, rep);
    const before = vault.reader.all('SELECT name FROM sqlite_master');
    expect(() => vault.commit((w) => w.run(SUPPRESS))).toThrow('This change was refused because it changes the structure of the register outside an upgrade.');
    expect(vault.reader.all('SELECT name FROM sqlite_master')).toEqual(before);
    vault.lock();
  });

  it('refuses to open a register whose journal she extended with her own signed record carrying it, naming the change and her', async () => {
    const { folder } = await twoMemberRegister();
    await appendSignedRecord(folder, [[SUPPRESS, null]]);
    await expect(open(folder, admin)).rejects.toMatchObject({
      code: 'damaged',
      message: expect.stringMatching(new RegExp(`change \\d+ in journal-\\d+\\.mrj was made by ${REP} and is refused because it changes the structure of the register outside an upgrade`)),
    });
  });

  it('refuses to open a register whose snapshot she rewrote to carry it', async () => {
    const { folder } = await twoMemberRegister();
    await rewriteNewestSnapshot(folder, (run) => run(SUPPRESS), rep);
    await expect(open(folder, admin)).rejects.toMatchObject({ code: 'damaged', message: expect.stringContaining('its database has an unexpected trigger "hide_rita"') });
  });

  it('refuses a register whose append-only guard she dropped and re-created by hand', async () => {
    const { folder } = await twoMemberRegister();
    await rewriteNewestSnapshot(
      folder,
      (run) => {
        run('DROP TRIGGER audit_log_no_update');
        run("UPDATE audit_log SET subject_id = 'somebody-else' WHERE seq = 2");
        run(`CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'x'); END`);
      },
      rep,
    );
    await expect(open(folder, admin)).rejects.toMatchObject({ code: 'damaged', message: expect.stringContaining('the trigger "audit_log_no_update" has been changed') });
  });

  it('names the entry she edited and re-hashed with every later one, guards restored exactly: only its author could sign it', async () => {
    const { folder } = await twoMemberRegister();
    const { vault: v0 } = await open(folder, admin);
    const records = readAuditRecords(v0.reader);
    v0.lock();
    const target = 2;
    let prev = records[target - 2]?.hash ?? '';
    const statements: [string, (string | number)[]][] = [];
    for (const rec of records.slice(target - 1)) {
      const subjectId = rec.seq === target ? 'somebody-else' : rec.subjectId;
      const hash = entryHash({ ...rec, subjectId, prevHash: prev });
      statements.push(['UPDATE audit_log SET subject_id = ?, prev_hash = ?, hash = ? WHERE seq = ?', [subjectId ?? '', prev, hash, rec.seq]]);
      prev = hash;
    }
    await rewriteNewestSnapshot(folder, (run) => {
      for (const [sql, params] of tamperStatements(statements)) run(sql, params);
    }, rep);
    const { vault } = await open(folder, admin);
    expect(verifyAuditChain(vault.reader)).toMatchObject({ ok: true }); // the hash chain alone links up again
    expect(verifyAuditChain(vault.reader, (n, h, sig) => vault.checkAuditSignature(n, h, sig))).toEqual({
      ok: false,
      entries: records.length,
      firstBroken: { seq: target, reason: `Entry ${target} is not signed by ${records[target - 1]?.actorUserName}: it has been written or re-written by someone else.` },
    });
    vault.lock();
  });
});

describe('2. self-escalation', () => {
  it('refuses a register whose membership she extended with her own “administrator” change', async () => {
    const { folder } = await twoMemberRegister();
    const file = path.join(folder, HEADER_FILE);
    const header = readAnyHeader(fs.readFileSync(file));
    if (header.version !== 2) throw new Error('format 2 expected');
    const me = await unlockV2(header, REP, REP_PASS, 'attack');
    if (!me) throw new Error('wrong passphrase');
    wipeKeys(me.keys);
    expect(() => appendChange(me.membership, header.body.membership, me.slotId, me.identity, { kind: 'administrator', slotId: me.slotId, administrator: true }, '2026-11-25T10:00:00.000Z')).toThrow(
      'Only an administrator of this register can change who may open it or what they may do.',
    );
    // Writing the change into the header by hand anyway:
    const forged = makeRecord(header.body.registerId, header.body.membership.at(-1), me.slotId, me.identity, { kind: 'role', slotId: me.slotId, role: 'ig_lead', officeId: 'office-1' }, '2026-11-25T10:00:00.000Z');
    fs.writeFileSync(file, serializeHeaderV2({ ...header.body, membership: [...header.body.membership, forged] }));
    await expect(open(folder, rep)).rejects.toMatchObject({ code: 'damaged', message: expect.stringContaining('not signed by an administrator') });
    await expect(open(folder, admin)).rejects.toMatchObject({ code: 'damaged' });
  });

  it('a role written into the database by a commit gives her nothing: roles are read from the signed membership', async () => {
    const { folder } = await twoMemberRegister();
    const { vault } = await open(folder, rep);
    vault.commit((w) => w.run("UPDATE meta SET value = value WHERE key = 'none'")); // an ordinary commit is fine
    expect(vault.memberRole).toEqual({ role: 'representative', officeId: 'office-1' });
    expect(vault.isAdministrator).toBe(false);
    expect(() => vault.setRole(REP, 'ig_lead', 'office-1')).toThrow('Only an administrator of this register can add or remove users.');
    vault.lock();
  });
});

describe('3. rollback with copies of the folder and no key', () => {
  it('refuses an older copy put back, says what this computer saw and when, writes nothing; an administrator may decide to open it', async () => {
    const { folder, seenDir } = await twoMemberRegister();
    const older = path.join(tempDir('older'), 'copy');
    fs.cpSync(folder, older, { recursive: true });
    const { vault } = await open(folder, admin, seenDir);
    record(vault, 4);
    vault.lock(); // this computer now remembers the newer state
    fs.rmSync(folder, { recursive: true });
    fs.cpSync(older, folder, { recursive: true });
    const untouched = folderDigests(folder);

    await expect(open(folder, rep, seenDir)).rejects.toMatchObject({
      code: 'rolled_back',
      message: expect.stringMatching(/older than the one this computer last opened.*Nothing has been written\. An administrator must decide/s),
    });
    await expect(open(folder, admin, seenDir)).rejects.toMatchObject({ code: 'rolled_back', message: expect.stringContaining('tick “Open this copy anyway”') });
    expect(folderDigests(folder)).toEqual(untouched);

    const decided = await open(folder, admin, seenDir, { acceptOlderCopy: true });
    expect(decided.olderCopyAccepted).toMatchObject({ code: expect.stringMatching(/^older_/) });
    decided.vault.lock();
    // the decision moves this computer's record to the copy now in use
    (await open(folder, rep, seenDir)).vault.lock();
  });

  it('catches a journal cut at a record boundary (the newest commits removed)', async () => {
    const { folder, seenDir } = await twoMemberRegister();
    const { vault } = await open(folder, admin, seenDir);
    record(vault, 2); // in the journal, not yet in a snapshot
    vault.rememberSeen(); // as every lock does; here the register stays open, as at a crash
    (vault as unknown as { lockWithoutSnapshot(): void }).lockWithoutSnapshot();
    const seq = classifyFolder(fs.readdirSync(folder)).snapshots.at(-1) ?? 0;
    const jPath = path.join(folder, journalFileName(seq));
    // Cut at the boundary before the last record: what a crash before that commit would leave.
    fs.truncateSync(jPath, startOfLastRecord(fs.readFileSync(jPath)));
    await expect(open(folder, admin, seenDir)).rejects.toMatchObject({ code: 'rolled_back', message: expect.stringContaining('Nothing has been written') });
  });
});

/** Byte offset where the last journal record starts (frames are "MRJ1" | len | ~len | body). */
function startOfLastRecord(buf: Buffer): number {
  let off = 0;
  let last = 0;
  while (off < buf.length) {
    last = off;
    off += 12 + buf.readUInt32BE(off + 4);
  }
  return last;
}

describe('4. removal is revocation', () => {
  it('a removed member’s old register.json and passphrase open nothing written after the removal', async () => {
    const { folder } = await twoMemberRegister();
    const oldHeader = fs.readFileSync(path.join(folder, HEADER_FILE));
    const { vault } = await open(folder, admin);
    await vault.removeUser(REP);
    record(vault, 2);
    vault.lock();
    // Rita kept her copy of the old header; today's snapshot is under the new key.
    const header = readAnyHeader(oldHeader);
    if (header.version !== 2) throw new Error('format 2 expected');
    const her = await unlockV2(header, REP, REP_PASS, 'old header');
    if (!her) throw new Error('her old header still opens with her passphrase (as it did before)');
    const seq = classifyFolder(fs.readdirSync(folder)).snapshots.at(-1) ?? 0;
    const fd = fs.openSync(path.join(folder, snapshotFileName(seq)), 'r');
    await expect(decryptStream(fdReader(fd), 0, fs.fstatSync(fd).size, her.keys.snapshot, { kind: STREAM_KIND_SNAPSHOT, registerId: header.registerId, what: 'the new snapshot' })).rejects.toMatchObject({ code: 'damaged' });
    fs.closeSync(fd);
    wipeKeys(her.keys);
    // Her old header put back over today's: nothing opens for her.
    const today = fs.readFileSync(path.join(folder, HEADER_FILE));
    fs.writeFileSync(path.join(folder, HEADER_FILE), oldHeader);
    await expect(open(folder, rep)).rejects.toMatchObject({ code: 'damaged' });
    // No file under the old key is left; the administrator, with today's header, has everything.
    fs.writeFileSync(path.join(folder, HEADER_FILE), today);
    const { vault: after } = await open(folder, admin);
    expect(after.reader.get<{ n: number }>("SELECT count(*) AS n FROM audit_log WHERE action = 'subject_view'")?.n).toBe(5);
    after.lock();
  });

  it('after a passphrase change the old passphrase and old header open nothing written after it', async () => {
    const { folder } = await twoMemberRegister();
    const oldHeader = readAnyHeader(fs.readFileSync(path.join(folder, HEADER_FILE)));
    const { vault } = await open(folder, rep);
    await vault.changePassphrase(REP_PASS, 'rita has a brand new passphrase');
    record(vault, 1);
    vault.lock();
    if (oldHeader.version !== 2) throw new Error('format 2 expected');
    const old = await unlockV2(oldHeader, REP, REP_PASS, 'old');
    if (!old) throw new Error('expected the old header to open with the old passphrase');
    const seq = classifyFolder(fs.readdirSync(folder)).snapshots.at(-1) ?? 0;
    const fd = fs.openSync(path.join(folder, snapshotFileName(seq)), 'r');
    await expect(decryptStream(fdReader(fd), 0, fs.fstatSync(fd).size, old.keys.snapshot, { kind: STREAM_KIND_SNAPSHOT, registerId: oldHeader.registerId, what: 'new snapshot' })).rejects.toMatchObject({ code: 'damaged' });
    fs.closeSync(fd);
    wipeKeys(old.keys);
    await expect(open(folder, rep)).rejects.toMatchObject({ code: 'wrong_passphrase' });
    const now = await open(folder, { userName: REP, passphrase: 'rita has a brand new passphrase' });
    expect(verifyAuditChain(now.vault.reader, (n, h, s) => now.vault.checkAuditSignature(n, h, s))).toMatchObject({ ok: true });
    now.vault.lock();
    const byAdmin = await open(folder, admin);
    expect(byAdmin.vault.listUsers().map((u) => u.userName).sort()).toEqual([ADMIN, REP].sort());
    byAdmin.vault.lock();
  });
});

describe('the honest users lose nothing', () => {
  it('every member still opens, every commit and entry is there and verifies after removals and re-keys', async () => {
    const { folder } = await twoMemberRegister();
    const { vault } = await open(folder, admin);
    await vault.addUser({ userName: 'Bob Police', passphrase: 'bob works in the police unit', administrator: false });
    record(vault, 2);
    await vault.removeUser(REP);
    record(vault, 2);
    const entries = vault.reader.get<{ n: number }>('SELECT count(*) AS n FROM audit_log')?.n;
    vault.lock();
    const bob = await open(folder, { userName: 'Bob Police', passphrase: 'bob works in the police unit' });
    expect(bob.vault.reader.get<{ n: number }>('SELECT count(*) AS n FROM audit_log')?.n).toBe(entries);
    expect(verifyAuditChain(bob.vault.reader, (n, h, s) => bob.vault.checkAuditSignature(n, h, s))).toMatchObject({ ok: true });
    bob.vault.lock();
  });
});
