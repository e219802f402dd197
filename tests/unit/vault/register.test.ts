import * as fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { createRegister, isRegisterFolder, openRegister, VaultError } from '../../../src/main/vault';
import {
  ADMIN,
  ADMIN_PASS,
  withTestTable,
  cleanupTempDirs,
  freshFolder,
  insertNote,
  metaRows,
  newRegister,
  reopen,
  tempDir,
} from '../../support/vaultFixture';
import { TEST_KDF } from '../../support/kdf';

afterEach(cleanupTempDirs);

describe('register create / commit / open', () => {
  it('a committed change is there after lock and reopen', async () => {
    const v = await newRegister();
    insertNote(v, 'a', 'one');
    insertNote(v, 'b', 'two');
    const folder = v.folder;
    v.lock();
    expect(v.locked).toBe(true);
    const v2 = await reopen(folder);
    expect(metaRows(v2)).toEqual([
      { key: 'a', value: 'one' },
      { key: 'b', value: 'two' },
    ]);
    v2.lock();
  });

  it('commits survive without a lock (replayed from the journal)', async () => {
    const migrations = withTestTable('CREATE TABLE blobs (b BLOB)');
    const v = await newRegister({ migrations });
    insertNote(v, 'k', 'v');
    v.commit((w) => w.run('UPDATE meta SET value = :v WHERE key = :k', { ':v': 'v2', ':k': 'k' }));
    const blob = new Uint8Array([0, 1, 2, 250]);
    v.commit((w) => w.run('INSERT INTO blobs VALUES (?)', [blob]));
    // no lock: simulate a crash by just opening again
    const v2 = await reopen(v.folder, { migrations });
    expect(metaRows(v2)).toEqual([{ key: 'k', value: 'v2' }]);
    expect(v2.reader.get<{ b: Uint8Array }>('SELECT b FROM blobs')?.b).toEqual(blob);
    v2.lock();
    v.lock();
  });

  it('a commit that throws changes nothing, in memory or on disk', async () => {
    const v = await newRegister();
    insertNote(v, 'a', '1');
    const before = fs.readdirSync(v.folder).map((n) => [n, fs.statSync(`${v.folder}/${n}`).size]);
    expect(() =>
      v.commit((w) => {
        w.run('INSERT INTO meta VALUES (?, ?)', ['b', '2']);
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(metaRows(v)).toEqual([{ key: 'a', value: '1' }]);
    expect(fs.readdirSync(v.folder).map((n) => [n, fs.statSync(`${v.folder}/${n}`).size])).toEqual(before);
    v.lock();
  });

  it('a failed journal write leaves the in-memory database and the journal unchanged', async () => {
    const { journalFaults } = await import('../../../src/main/vault/journal');
    const v = await newRegister();
    insertNote(v, 'a', '1');
    journalFaults.failNextAppend = true;
    expect(() => insertNote(v, 'b', '2')).toThrow(expect.objectContaining({ code: 'write_failed' }));
    expect(metaRows(v)).toEqual([{ key: 'a', value: '1' }]);
    insertNote(v, 'c', '3');
    const v2 = await reopen(v.folder);
    expect(metaRows(v2)).toEqual([
      { key: 'a', value: '1' },
      { key: 'c', value: '3' },
    ]);
    v2.lock();
    v.lock();
  });

  it('the reader refuses writes and the writer refuses transaction control', async () => {
    const v = await newRegister();
    expect(() => v.reader.all("DELETE FROM meta")).toThrow();
    expect(() => v.commit((w) => w.run('COMMIT'))).toThrow();
    expect(() => v.commit((w) => w.run("INSERT INTO meta VALUES ('a','1'); INSERT INTO meta VALUES ('b','2')"))).toThrow();
    expect(metaRows(v)).toEqual([]);
    v.lock();
  });

  it('after lock, reads and commits are refused with code locked', async () => {
    const v = await newRegister();
    const reader = v.reader;
    v.lock();
    expect(() => reader.all('SELECT 1')).toThrow(expect.objectContaining({ code: 'locked' }));
    expect(() => insertNote(v, 'x', 'y')).toThrow(expect.objectContaining({ code: 'locked' }));
  });

  it('a new register needs an empty folder and a passphrase of at least 12 characters', async () => {
    const folder = tempDir();
    fs.writeFileSync(`${folder}/other.txt`, 'x');
    await expect(createRegister({ folder, userName: ADMIN, passphrase: ADMIN_PASS, kdf: TEST_KDF })).rejects.toMatchObject({
      code: 'folder_not_empty',
    });
    await expect(createRegister({ folder: freshFolder(), userName: ADMIN, passphrase: 'short', kdf: TEST_KDF })).rejects.toMatchObject({
      code: 'weak_passphrase',
      message: 'Choose a passphrase of at least 12 characters.',
    });
  });

  it('isRegisterFolder tells a register folder from any other folder', async () => {
    const v = await newRegister();
    expect(isRegisterFolder(v.folder)).toBe(true);
    expect(isRegisterFolder(tempDir())).toBe(false);
    v.lock();
    await expect(openRegister({ folder: tempDir(), userName: ADMIN, passphrase: ADMIN_PASS })).rejects.toBeInstanceOf(VaultError);
  });
});
