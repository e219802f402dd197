// Promise 1: no plaintext register data on disk, ever: not in the register folder,
// not in backups, not in a restored register, not in temp files.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { restoreBackup } from '../../../src/main/vault';
import { ADMIN, ADMIN_PASS, cleanupTempDirs, freshFolder, newRegister, reopen, tempDir, withTestTable } from '../../support/vaultFixture';

afterAll(cleanupTempDirs);

const MARKERS = ['MARKER-Zebedee-Quarrington', 'MARKER-Persephone-Otterburn', 'MARKER-User-Wilhelmina'];

function filesUnder(p: string): string[] {
  let st: fs.Stats;
  try {
    st = fs.lstatSync(p);
  } catch {
    return [];
  }
  if (st.isFile()) return [p];
  if (!st.isDirectory()) return [];
  let names: string[] = [];
  try {
    names = fs.readdirSync(p);
  } catch {
    return [];
  }
  return names.flatMap((n) => filesUnder(path.join(p, n)));
}

function findMarkers(files: string[]): string[] {
  const needles = MARKERS.flatMap((m) => [Buffer.from(m, 'utf8'), Buffer.from(m, 'utf16le'), Buffer.from(m.toLowerCase(), 'utf8')]);
  const hits: string[] = [];
  for (const f of files) {
    let b: Buffer;
    try {
      b = fs.readFileSync(f);
    } catch {
      continue;
    }
    if (needles.some((n) => b.includes(n))) hits.push(f);
  }
  return hits;
}

describe('no plaintext on disk', () => {
  it('register files, journal, snapshots, backups, restored registers and temp files never hold the plaintext', async () => {
    const tmpBefore = new Set(fs.readdirSync(os.tmpdir()));
    const migrations = withTestTable('CREATE TABLE marker_items (id TEXT PRIMARY KEY, body TEXT, blob BLOB)');
    const v = await newRegister({ snapshotThreshold: { bytes: 4096, records: 5 }, migrations });
    for (let i = 0; i < 20; i++) {
      v.commit((w) =>
        w.run('INSERT INTO marker_items VALUES (?, ?, ?)', [
          `item-${i}`,
          `${MARKERS[0]} lives at ${MARKERS[1]} number ${i}`,
          Buffer.from(`${MARKERS[1]}`, 'utf16le'),
        ]),
      );
    }
    await v.addUser({ userName: MARKERS[2] ?? '', passphrase: 'another long passphrase', administrator: false });
    const backupDir = tempDir('backup');
    const backupFile = path.join(backupDir, 'register.mappa-backup');
    await v.backup(backupFile);
    // the journal has uncommitted-to-snapshot records here; check before and after lock
    expect(findMarkers(filesUnder(v.folder))).toEqual([]);
    v.lock();
    const restored = freshFolder('restored');
    await restoreBackup({ file: backupFile, folder: restored, userName: ADMIN, passphrase: ADMIN_PASS, migrations });
    const v2 = await reopen(restored, { migrations });
    expect(v2.reader.all('SELECT id FROM marker_items').length).toBe(20);
    expect(v2.listUsers().map((u) => u.userName)).toContain(MARKERS[2]);
    v2.lock();

    const created = fs.readdirSync(os.tmpdir()).filter((n) => !tmpBefore.has(n));
    const scanned = [v.folder, backupDir, restored, ...created.map((n) => path.join(os.tmpdir(), n))].flatMap(filesUnder);
    expect(scanned.length).toBeGreaterThan(5);
    expect(findMarkers(scanned)).toEqual([]);
  });
});
