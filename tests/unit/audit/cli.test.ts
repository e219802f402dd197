import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { acted, actorFor, entryHash, readAuditRecords, verifyAuditChain } from '../../../src/main/audit';
import { commitActed } from '../../../src/main/access/acting';
import { makeReceipt } from '../../../src/main/audit/receipt';
import type { Vault } from '../../../src/main/vault';
import { ADMIN, ADMIN_PASS, cleanupTempDirs, freshFolder, newRegister, reopen, rewriteNewestSnapshot, tempDir } from '../../support/vaultFixture';
import { tamperStatements } from '../../support/memoryRegister';

afterEach(cleanupTempDirs);

const ROOT = path.resolve(__dirname, '../../..');
const SCRIPT = path.join(ROOT, 'scripts/audit-verify.ts');

function runCli(folder: string, env: Record<string, string>, ...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', SCRIPT, folder, ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', ...env },
    encoding: 'utf8',
    input: '',
    timeout: 30_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Entries made the way the app makes them: through commitActed, signed by their author. */
function record(v: Vault, count: number): void {
  for (let i = 0; i < count; i++) {
    commitActed(v, actorFor(v.reader, { userName: v.userName }), new Date(Date.UTC(2025, 4, 1, 9, i)), () => acted(undefined, { action: 'subject_view', subjectId: `s-${i}` }));
  }
}

describe('the audit log in an encrypted register', () => {
  it('refuses UPDATE and DELETE through a commit; nothing changes, also after reopening', async () => {
    const folder = freshFolder();
    const v = await newRegister({ folder });
    record(v, 3);
    const before = readAuditRecords(v.reader);
    expect(() => v.commit((w) => w.run("UPDATE audit_log SET actor_user_name = 'Someone else' WHERE seq = 1"))).toThrow(/append-only/);
    expect(() => v.commit((w) => w.run('DELETE FROM audit_log WHERE seq = 3'))).toThrow(/append-only/);
    // Going round the triggers in a commit is refused before anything is written.
    expect(() => v.commit((w) => w.run('DROP TRIGGER audit_log_no_update'))).toThrow(/structure of the register outside an upgrade/);
    v.lock();
    const again = await reopen(folder);
    expect(readAuditRecords(again.reader)).toEqual(before);
    expect(verifyAuditChain(again.reader)).toMatchObject({ ok: true, entries: 3 });
    again.lock();
  });
});

describe('audit-verify command line', () => {
  const env = { MAPPA_USER: ADMIN, MAPPA_PASSPHRASE: ADMIN_PASS };

  it('reports an intact chain and exits 0, then a tampered one naming the entry and exits 1', async () => {
    const folder = freshFolder();
    const v = await newRegister({ folder });
    record(v, 4);
    v.lock();

    const ok = runCli(folder, env);
    expect(ok.stderr).toBe('');
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/^Audit chain intact: 4 entries, last hash [0-9a-f]{64}\n$/);

    // Someone with the key edits the decrypted snapshot directly, round the triggers.
    await rewriteNewestSnapshot(folder, (run) => {
      for (const [sql, params] of tamperStatements([["UPDATE audit_log SET subject_id = 's-other' WHERE seq = 2"]])) run(sql, params);
    });
    const broken = runCli(folder, env);
    expect(broken.code).toBe(1);
    expect(broken.stdout).toBe('Audit chain BROKEN at entry 2: Entry 2 has been altered: its contents no longer match its hash.\n');

    // each run is itself recorded
    const after = await reopen(folder);
    expect(readAuditRecords(after.reader).filter((r) => r.action === 'audit_verify').map((r) => JSON.parse(r.details).result)).toEqual(['intact', 'broken']);
    after.lock();
  });

  it('exits 2 with the register’s own message when it cannot open the register', async () => {
    const folder = freshFolder();
    (await newRegister({ folder })).lock();
    const wrong = runCli(folder, { ...env, MAPPA_PASSPHRASE: 'not the passphrase at all' });
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/^Cannot open the register: That passphrase does not open this register/);
  });
});

describe('audit-verify --receipt', () => {
  const env = { MAPPA_USER: ADMIN, MAPPA_PASSPHRASE: ADMIN_PASS };
  const MADE_AT = '2026-11-25T14:03:00.000Z';

  /** The IG lead makes a receipt and keeps it outside the register folder. */
  function keepReceipt(v: Vault): { file: string; hash: string; seq: number } {
    const { receipt, text } = makeReceipt(v.reader, { registerId: v.registerId, madeBy: ADMIN, at: MADE_AT });
    const file = path.join(tempDir('receipt'), 'receipt.txt');
    fs.writeFileSync(file, text);
    return { file, hash: receipt.hash, seq: receipt.seq };
  }

  it('matches the receipt and exits 0; after an older copy of the folder is put back, names the missing entry and exits 1', async () => {
    const folder = freshFolder();
    const v = await newRegister({ folder });
    record(v, 2);
    v.lock();
    const olderCopy = path.join(tempDir('copy'), 'register');
    fs.cpSync(folder, olderCopy, { recursive: true });

    const later = await reopen(folder);
    record(later, 3);
    const kept = keepReceipt(later);
    later.lock();

    const ok = runCli(folder, env, '--receipt', kept.file);
    expect(ok.stderr).toBe('');
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/^Audit chain intact: \d+ entries, last hash [0-9a-f]{64}\n/);
    expect(ok.stdout.split('\n')[1]).toBe(`Matches the receipt of 25 November 2026 at 14:03: entry ${kept.seq} has the hash ${kept.hash}.`);

    fs.rmSync(folder, { recursive: true });
    fs.cpSync(olderCopy, folder, { recursive: true });
    const rolledBack = runCli(folder, env, `--receipt=${kept.file}`);
    expect(rolledBack.code).toBe(1);
    const lines = rolledBack.stdout.split('\n');
    expect(lines[0]).toMatch(/^Audit chain intact: /); // the chain alone cannot show entries cut from the end
    expect(lines[1]).toMatch(
      new RegExp(`^Does not match the receipt of 25 November 2026 at 14:03: entry ${kept.seq} is not in this register’s audit log, which ends at entry \\d+\\. The log has been cut, or the register rolled back to an earlier copy\\.$`),
    );

    // each run is itself recorded, with what the receipt showed
    const after = await reopen(folder);
    const runs = readAuditRecords(after.reader).filter((r) => r.action === 'audit_verify').map((r) => JSON.parse(r.details) as Record<string, unknown>);
    expect(runs).toEqual([expect.objectContaining({ result: 'intact', receipt: 'entry_missing', receiptEntry: kept.seq, receiptMadeAt: MADE_AT })]);
    after.lock();
  });

  it('finds a log rewritten in full by someone holding the key: the chain verifies, the receipt’s entry has another hash', async () => {
    const folder = freshFolder();
    const v = await newRegister({ folder });
    record(v, 4);
    const kept = keepReceipt(v);
    // Alter entry 2 and re-hash every entry after it, going around the triggers.
    const records = readAuditRecords(v.reader);
    let prev = records[0]?.hash ?? '';
    const statements: [string, (string | number)[]][] = [];
    for (const rec of records.slice(1)) {
      const subjectId = rec.seq === 2 ? 's-other' : (rec.subjectId ?? '');
      const hash = entryHash({ ...rec, subjectId, prevHash: prev });
      statements.push(['UPDATE audit_log SET subject_id = ?, prev_hash = ?, hash = ? WHERE seq = ?', [subjectId, prev, hash, rec.seq]]);
      prev = hash;
    }
    v.lock();
    await rewriteNewestSnapshot(folder, (run) => {
      for (const [sql, params] of tamperStatements(statements)) run(sql, params);
    });

    const r = runCli(folder, env, '--receipt', kept.file);
    expect(r.code).toBe(1);
    const lines = r.stdout.split('\n');
    // The re-hashed chain links up, but only its author could have signed entry 2's new hash.
    expect(lines[0]).toBe(`Audit chain BROKEN at entry 2: Entry 2 is not signed by ${ADMIN}: it has been written or re-written by someone else.`);
    expect(lines[1]).toBe(
      `Does not match the receipt of 25 November 2026 at 14:03: entry ${kept.seq} has the hash ${prev}, but the receipt has ${kept.hash}. ` +
        'The audit log has been altered or rewritten since the receipt was made.',
    );
  });

  it('exits 2 before opening the register when the receipt is missing or damaged', async () => {
    const folder = freshFolder();
    const v = await newRegister({ folder });
    record(v, 1);
    const kept = keepReceipt(v);
    v.lock();
    fs.writeFileSync(kept.file, fs.readFileSync(kept.file, 'utf8').replace(`"seq": ${kept.seq}`, `"seq": ${kept.seq + 1}`));

    const damaged = runCli(folder, {}, '--receipt', kept.file); // no credentials: it must not get as far as asking
    expect(damaged.code).toBe(2);
    expect(damaged.stdout).toBe('');
    expect(damaged.stderr).toBe('This receipt cannot be used. Its checksum does not match its contents: it has been changed or damaged since it was made.\n');

    const missing = runCli(folder, {}, '--receipt', path.join(path.dirname(kept.file), 'no-such-receipt.txt'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('Cannot read the receipt: there is no file at that path.\n');

    const usage = runCli(folder, {}, '--receipt');
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/^Usage: .* <register folder> \[--receipt <file>\]\n$/);
  });

  it('exits 2 for a receipt of another register, and records nothing', async () => {
    const other = await newRegister();
    record(other, 1);
    const kept = keepReceipt(other);
    other.lock();
    const folder = freshFolder();
    (await newRegister({ folder })).lock();

    const r = runCli(folder, env, '--receipt', kept.file);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^This receipt is of another register \(id [0-9a-f]{12}…\), not this one \(id [0-9a-f]{12}…\)\.\n$/);
    const after = await reopen(folder);
    expect(readAuditRecords(after.reader).filter((e) => e.action === 'audit_verify')).toEqual([]);
    after.lock();
  });
});
