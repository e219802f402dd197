import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { openRegister, restoreBackup } from '../../../src/main/vault';
import {
  ADMIN,
  ADMIN_PASS,
  cleanupTempDirs,
  freshFolder,
  insertNote,
  metaRows,
  newRegister,
  reopen,
  tempDir,
} from '../../support/vaultFixture';

afterEach(cleanupTempDirs);

async function registerWithBackup(): Promise<{ file: string; expected: Array<{ key: string; value: string }> }> {
  const v = await newRegister();
  insertNote(v, 'a', '1');
  insertNote(v, 'b', '2');
  const file = path.join(tempDir('bk'), 'reg.mappa-backup');
  const progress: number[] = [];
  const done = v.backup(file, (f) => progress.push(f));
  insertNote(v, 'c', 'after the backup started'); // commits continue; the backup is point-in-time
  await done;
  expect(progress.at(-1)).toBe(1);
  expect(progress.every((p, i) => p >= 0 && p <= 1 && (i === 0 || p >= (progress[i - 1] ?? 0)))).toBe(true);
  v.lock();
  return { file, expected: [{ key: 'a', value: '1' }, { key: 'b', value: '2' }] };
}

describe('backup and restore', () => {
  it('a backup restores into a new folder and opens with a user passphrase, at the point in time it was taken', async () => {
    const { file, expected } = await registerWithBackup();
    const folder = freshFolder('restore');
    const progress: number[] = [];
    await restoreBackup({ file, folder, userName: ADMIN, passphrase: ADMIN_PASS }, (f) => progress.push(f));
    expect(progress.at(-1)).toBe(1);
    const v = await reopen(folder);
    expect(metaRows(v)).toEqual(expected);
    insertNote(v, 'd', '4'); // the restored register keeps working
    v.lock();
    expect(metaRows(await reopen(folder)).map((r) => r.key)).toEqual(['a', 'b', 'd']);
  });

  it('restore refuses a folder that is not empty', async () => {
    const { file } = await registerWithBackup();
    const folder = tempDir('full');
    fs.writeFileSync(path.join(folder, 'x.txt'), 'x');
    await expect(restoreBackup({ file, folder, userName: ADMIN, passphrase: ADMIN_PASS })).rejects.toMatchObject({
      code: 'folder_not_empty',
    });
    expect(fs.readdirSync(folder)).toEqual(['x.txt']);
  });

  it('restore with a wrong passphrase is refused and writes nothing', async () => {
    const { file } = await registerWithBackup();
    const folder = freshFolder('restore');
    await expect(restoreBackup({ file, folder, userName: ADMIN, passphrase: 'wrong passphrase here' })).rejects.toMatchObject({
      code: 'wrong_passphrase',
    });
    expect(fs.existsSync(folder)).toBe(false);
  });

  it('a damaged backup (any changed byte or truncation) is refused and writes nothing', async () => {
    const { file } = await registerWithBackup();
    const original = fs.readFileSync(file);
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: original.length - 1 }),
        fc.integer({ min: 1, max: 255 }),
        fc.boolean(),
        async (pos, xor, truncate) => {
          const b = Buffer.from(original);
          b[pos] = (b[pos] ?? 0) ^ xor;
          const damagedFile = path.join(tempDir('dmg'), 'd.mappa-backup');
          fs.writeFileSync(damagedFile, truncate ? original.subarray(0, pos) : b);
          const folder = freshFolder('restore');
          const r = await restoreBackup({ file: damagedFile, folder, userName: ADMIN, passphrase: ADMIN_PASS }).then(
            () => 'restored',
            (e: { code?: string }) => e.code,
          );
          if (r === 'restored') {
            // only possible when the change did not alter meaning (e.g. JSON whitespace in the embedded header)
            const { vault } = await openRegister({ folder, userName: ADMIN, passphrase: ADMIN_PASS });
            expect(metaRows(vault).map((x) => x.key)).toEqual(['a', 'b']);
            vault.lock();
          } else {
            expect(r).toBe('damaged');
            expect(fs.existsSync(folder)).toBe(false);
          }
        },
      ),
      { numRuns: 80 },
    );
  });
});
