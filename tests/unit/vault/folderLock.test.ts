// register.lock: one unlocked copy of a register at a time.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createRegister, openRegister, restoreBackup, VaultError } from '../../../src/main/vault';
import { LOCK_FILE } from '../../../src/main/vault/format';
import { lockProbe } from '../../../src/main/vault/folderLock';
import { ADMIN, ADMIN_PASS, cleanupTempDirs, freshFolder, insertNote, metaRows, newRegister, reopen, tempDir } from '../../support/vaultFixture';
import { TEST_KDF } from '../../support/kdf';

afterAll(cleanupTempDirs);

const realHostname = lockProbe.hostname;
const realStartedAt = lockProbe.startedAt;
afterEach(() => {
  lockProbe.hostname = realHostname;
  lockProbe.startedAt = realStartedAt;
});

/** A pid that is certainly not running: a child that has already exited. */
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', '0']);
  if (r.pid === undefined) throw new Error('no child');
  return r.pid;
}

function writeLock(folder: string, lock: { pid: number; host: string; started?: string }): void {
  fs.writeFileSync(path.join(folder, LOCK_FILE), JSON.stringify({ ...lock, token: 'ab'.repeat(16), since: new Date().toISOString() }));
}

const IN_USE = /^This register is open on another computer or in another window \(.+\)\. Close it there first\.$/;

describe('folder lock', () => {
  it('holds register.lock while unlocked (pid, process start, host, token, time; nothing else) and removes it on lock', async () => {
    const v = await newRegister();
    const file = path.join(v.folder, LOCK_FILE);
    const lock = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
    const started = lockProbe.startedAt(process.pid);
    expect(Object.keys(lock).sort()).toEqual(started === null ? ['host', 'pid', 'since', 'token'] : ['host', 'pid', 'since', 'started', 'token']);
    if (started !== null) expect(lock.started).toBe(started);
    expect(lock.pid).toBe(process.pid);
    expect(lock.host).toBe(os.hostname());
    expect(fs.readFileSync(file, 'utf8')).not.toContain(ADMIN);
    v.lock();
    expect(fs.existsSync(file)).toBe(false);
    const v2 = await reopen(v.folder);
    expect(fs.existsSync(file)).toBe(true);
    v2.lock();
    expect(fs.existsSync(file)).toBe(false);
  });

  it('refuses open, create and restore while another live process holds the lock, and changes nothing', async () => {
    const v = await newRegister();
    insertNote(v, 'a', '1');
    const backup = path.join(tempDir('bk'), 'r.mappa-backup');
    await v.backup(backup);
    v.lock();
    // a live process on this host: our parent (certainly running, not us)
    writeLock(v.folder, { pid: process.ppid, host: os.hostname() });
    const before = fs.readFileSync(path.join(v.folder, LOCK_FILE));
    const err = await openRegister({ folder: v.folder, userName: ADMIN, passphrase: ADMIN_PASS }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(VaultError);
    expect(err).toMatchObject({ code: 'in_use', message: expect.stringMatching(IN_USE) });
    expect((err as Error).message).toContain(os.hostname());
    expect(fs.readFileSync(path.join(v.folder, LOCK_FILE))).toEqual(before);

    // another machine: its pid cannot be checked, so it is live whatever the pid
    writeLock(v.folder, { pid: deadPid(), host: 'PC-PROBATION-0042' });
    await expect(openRegister({ folder: v.folder, userName: ADMIN, passphrase: ADMIN_PASS })).rejects.toMatchObject({
      code: 'in_use',
      message: 'This register is open on another computer or in another window (PC-PROBATION-0042). Close it there first.',
    });

    const empty = tempDir('locked-empty');
    writeLock(empty, { pid: process.ppid, host: os.hostname() });
    await expect(createRegister({ folder: empty, userName: ADMIN, passphrase: ADMIN_PASS, kdf: TEST_KDF })).rejects.toMatchObject({ code: 'in_use' });
    await expect(restoreBackup({ file: backup, folder: empty, userName: ADMIN, passphrase: ADMIN_PASS })).rejects.toMatchObject({ code: 'in_use' });
    expect(fs.readdirSync(empty)).toEqual([LOCK_FILE]);

    // once the other side has closed, it opens
    fs.rmSync(path.join(v.folder, LOCK_FILE));
    const v2 = await reopen(v.folder);
    expect(metaRows(v2)).toEqual([{ key: 'a', value: '1' }]);
    v2.lock();
  });

  it('a second process is refused while the first has it open', async () => {
    const v = await newRegister();
    const child = path.join(__dirname, 'folderLockChild.ts');
    const r = spawnSync(process.execPath, ['--import', 'tsx', child, v.folder], { cwd: path.resolve(__dirname, '../../..'), encoding: 'utf8' });
    expect(r.stdout.trim()).toBe('in_use');
    v.lock();
    const r2 = spawnSync(process.execPath, ['--import', 'tsx', child, v.folder], { cwd: path.resolve(__dirname, '../../..'), encoding: 'utf8' });
    expect(r2.stdout.trim()).toBe('opened');
  });

  it('takes over a stale lock: same host, pid not running (a crash), or an unreadable old file', async () => {
    const v = await newRegister();
    insertNote(v, 'a', '1');
    const folder = v.folder;
    v.lock();
    writeLock(folder, { pid: deadPid(), host: os.hostname() });
    const v2 = await reopen(folder);
    const lock = JSON.parse(fs.readFileSync(path.join(folder, LOCK_FILE), 'utf8')) as { pid: number; token: string };
    expect(lock.pid).toBe(process.pid);
    expect(lock.token).not.toBe('ab'.repeat(16));
    expect(metaRows(v2)).toEqual([{ key: 'a', value: '1' }]);
    v2.lock();

    fs.writeFileSync(path.join(folder, LOCK_FILE), '{"pid":');
    await expect(reopen(folder)).rejects.toMatchObject({ code: 'in_use' }); // maybe being written right now
    const old = new Date(Date.now() - 60_000);
    fs.utimesSync(path.join(folder, LOCK_FILE), old, old);
    const v3 = await reopen(folder);
    v3.lock();
    expect(fs.existsSync(path.join(folder, LOCK_FILE))).toBe(false);
  });

  it('an open that fails (wrong passphrase) leaves no lock behind; create holds one from the start', async () => {
    const folder = freshFolder();
    const v = await createRegister({ folder, userName: ADMIN, passphrase: ADMIN_PASS, kdf: TEST_KDF });
    expect(fs.existsSync(path.join(folder, LOCK_FILE))).toBe(true);
    v.lock();
    await expect(openRegister({ folder, userName: ADMIN, passphrase: 'not the passphrase at all' })).rejects.toMatchObject({ code: 'wrong_passphrase' });
    expect(fs.existsSync(path.join(folder, LOCK_FILE))).toBe(false);
  });
  it('tells a process instance from the next one given the same pid', () => {
    const mine = lockProbe.startedAt(process.pid);
    if (mine === null) return; // no way to tell on this platform: the pid alone decides, as before
    expect(lockProbe.startedAt(process.pid)).toBe(mine);
    const parent = lockProbe.startedAt(process.ppid);
    expect(parent).not.toBeNull();
    expect(parent).not.toBe(mine);
    expect(lockProbe.startedAt(deadPid())).toBeNull();
  });

  it('takes over a lock whose pid now belongs to another running process (pid reused after a crash)', async () => {
    const v = await newRegister();
    insertNote(v, 'a', '1');
    const folder = v.folder;
    v.lock();
    // Our parent is running, but it is not the process that wrote this lock: that one
    // crashed, and the system gave its pid to another program later.
    lockProbe.startedAt = (pid) => (pid === process.ppid ? 'linux:boot-1:200' : realStartedAt(pid));
    writeLock(folder, { pid: process.ppid, host: os.hostname(), started: 'linux:boot-1:100' });
    const v2 = await reopen(folder);
    expect(metaRows(v2)).toEqual([{ key: 'a', value: '1' }]);
    expect((JSON.parse(fs.readFileSync(path.join(folder, LOCK_FILE), 'utf8')) as { pid: number }).pid).toBe(process.pid);
    v2.lock();

    // The same process that wrote it, still running: in use, and the lock is left alone.
    writeLock(folder, { pid: process.ppid, host: os.hostname(), started: 'linux:boot-1:200' });
    const before = fs.readFileSync(path.join(folder, LOCK_FILE));
    await expect(reopen(folder)).rejects.toMatchObject({ code: 'in_use', message: expect.stringMatching(IN_USE) });
    expect(fs.readFileSync(path.join(folder, LOCK_FILE))).toEqual(before);

    // A lock written before process starts were kept, or where they cannot be read: the pid decides.
    writeLock(folder, { pid: process.ppid, host: os.hostname() });
    await expect(reopen(folder)).rejects.toMatchObject({ code: 'in_use' });
    lockProbe.startedAt = () => null;
    writeLock(folder, { pid: process.ppid, host: os.hostname(), started: 'linux:boot-1:100' });
    await expect(reopen(folder)).rejects.toMatchObject({ code: 'in_use' });
    fs.rmSync(path.join(folder, LOCK_FILE));
  });

  it('recognises the real parent process as the writer of a lock that names its real start', async () => {
    const parent = lockProbe.startedAt(process.ppid);
    if (parent === null) return; // cannot tell instances apart here
    const v = await newRegister();
    const folder = v.folder;
    v.lock();
    writeLock(folder, { pid: process.ppid, host: os.hostname(), started: parent });
    await expect(reopen(folder)).rejects.toMatchObject({ code: 'in_use' });
    writeLock(folder, { pid: process.ppid, host: os.hostname(), started: `${parent}0` });
    const v2 = await reopen(folder);
    v2.lock();
  });
});
