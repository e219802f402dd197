import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { actorFor, appendAudit, readAuditRecords, verifyAuditChain } from '../../../src/main/audit';
import type { Vault } from '../../../src/main/vault';
import { ADMIN, ADMIN_PASS, cleanupTempDirs, freshFolder, newRegister, reopen } from '../builders/registerFixture';
import { tamperStatements } from './builders';

afterEach(cleanupTempDirs);

const ROOT = path.resolve(__dirname, '../../..');
const SCRIPT = path.join(ROOT, 'scripts/audit-verify.ts');

function runCli(folder: string, env: Record<string, string>): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', SCRIPT, folder], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', ...env },
    encoding: 'utf8',
    input: '',
    timeout: 30_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function record(v: Vault, count: number): void {
  for (let i = 0; i < count; i++) {
    v.commit((w) => appendAudit(w, { actor: actorFor(w, { userName: v.userName }), action: 'subject_view', subjectId: `s-${i}` }, new Date(Date.UTC(2025, 4, 1, 9, i)).toISOString()));
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

    // Someone with the key goes around the triggers (DROP TRIGGER is allowed in a commit).
    const t = await reopen(folder);
    t.commit((w) => {
      for (const [sql, params] of tamperStatements([["UPDATE audit_log SET subject_id = 's-other' WHERE seq = 2"]])) w.run(sql, params);
    });
    t.lock();
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
