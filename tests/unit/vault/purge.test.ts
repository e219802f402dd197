// vault.purgeHistory(): after a disposal, the disposed row survives nowhere in the folder:
// not in the files as stored (they are ciphertext anyway) and not in what they decrypt to.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { classifyFolder, HEADER_FILE, journalFileName, snapshotFileName, STREAM_KIND_SNAPSHOT } from '../../../src/main/vault/format';
import { readAnyHeader } from '../../../src/main/vault/anyHeader';
import { unlockV2 } from '../../../src/main/vault/unlockV2';
import { decryptStream, fdReader } from '../../../src/main/vault/snapshot';
import { scanJournal } from '../../../src/main/vault/journal';
import { wipeKeys } from '../../../src/main/vault/keys';
import { ADMIN, ADMIN_PASS, cleanupTempDirs, insertNote, metaRows, newRegister, reopen } from '../../support/vaultFixture';

afterAll(cleanupTempDirs);

const MARKER = 'DISPOSED-Ottoline-Verbruggen-7731';

function needles(): Buffer[] {
  return [Buffer.from(MARKER, 'utf8'), Buffer.from(MARKER, 'utf16le')];
}

/** Files in the folder whose stored bytes contain the marker. */
function rawHits(folder: string): string[] {
  return fs.readdirSync(folder).filter((n) => {
    const b = fs.readFileSync(path.join(folder, n));
    return needles().some((x) => b.includes(x));
  });
}

/** Decrypts every snapshot and journal in the folder; names of those whose plaintext contains the marker. */
async function decryptedHits(folder: string): Promise<string[]> {
  const header = readAnyHeader(fs.readFileSync(path.join(folder, HEADER_FILE)));
  if (header.version !== 2) throw new Error('expected a format-2 register');
  const unlocked = await unlockV2(header, ADMIN, ADMIN_PASS, 'test');
  if (unlocked === undefined) throw new Error('unlock failed');
  const hits: string[] = [];
  try {
    const files = classifyFolder(fs.readdirSync(folder));
    for (const seq of files.snapshots) {
      const name = snapshotFileName(seq);
      const fd = fs.openSync(path.join(folder, name), 'r');
      const dec = await decryptStream(fdReader(fd), 0, fs.fstatSync(fd).size, unlocked.keys.snapshot, {
        kind: STREAM_KIND_SNAPSHOT,
        registerId: header.registerId,
        what: name,
      });
      fs.closeSync(fd);
      const plain = Buffer.from(dec.plain);
      if (needles().some((x) => plain.includes(x))) hits.push(name);
      const jName = journalFileName(seq);
      const jPath = path.join(folder, jName);
      if (fs.existsSync(jPath)) {
        const scan = scanJournal(fs.readFileSync(jPath), unlocked.keys.journal, header.registerId, seq, dec.chainTag, jName, () => undefined);
        const text = JSON.stringify(scan.entries.map((e) => e.statements));
        if (text.includes(MARKER)) hits.push(jName);
      }
    }
  } finally {
    wipeKeys(unlocked.keys);
  }
  return hits;
}

describe('purgeHistory', () => {
  it('leaves the disposed row in no file, stored or decrypted, and the register opens with every other row', async () => {
    const v = await newRegister();
    insertNote(v, 'keep-1', 'kept before');
    insertNote(v, 'disposed', `${MARKER} lives at 4 Imaginary Row`);
    v.snapshot(); // the marker is now in a snapshot (the one kept as fallback after the next)
    insertNote(v, 'keep-2', 'kept after');
    v.snapshot();
    insertNote(v, 'keep-3', 'in the journal only');
    v.commit((w) => w.run('DELETE FROM meta WHERE key = ?', ['disposed']));
    // positive control: without the purge the history still holds it
    expect((await decryptedHits(v.folder)).length).toBeGreaterThan(0);

    v.purgeHistory();
    const files = classifyFolder(fs.readdirSync(v.folder));
    expect(files.snapshots).toHaveLength(1);
    expect(files.journals).toEqual(files.snapshots);
    expect(files.temps).toEqual([]);
    expect(fs.statSync(path.join(v.folder, journalFileName(files.snapshots[0] ?? -1))).size).toBe(0);
    expect(rawHits(v.folder)).toEqual([]);
    expect(await decryptedHits(v.folder)).toEqual([]);

    insertNote(v, 'keep-4', 'after the purge');
    v.purgeHistory(); // again, with a non-empty journal
    expect(await decryptedHits(v.folder)).toEqual([]);
    const folder = v.folder;
    v.lock();
    const v2 = await reopen(folder);
    expect(metaRows(v2).map((r) => r.key)).toEqual(['keep-1', 'keep-2', 'keep-3', 'keep-4']);
    v2.lock();
  });

  it('with nothing new since the last snapshot it still removes the older snapshot and journal', async () => {
    const v = await newRegister();
    insertNote(v, 'disposed', MARKER);
    v.snapshot();
    v.commit((w) => w.run('DELETE FROM meta WHERE key = ?', ['disposed']));
    v.snapshot();
    expect(classifyFolder(fs.readdirSync(v.folder)).snapshots.length).toBeGreaterThan(1);
    expect((await decryptedHits(v.folder)).length).toBeGreaterThan(0);
    v.purgeHistory();
    expect(classifyFolder(fs.readdirSync(v.folder)).snapshots).toHaveLength(1);
    expect(await decryptedHits(v.folder)).toEqual([]);
    v.lock();
    expect(metaRows(await reopen(v.folder))).toEqual([]);
  });
});
