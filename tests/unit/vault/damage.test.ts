// Promise 2: a damaged or altered register is refused with a clear message, never
// half-loaded, and nothing in the folder is written while refusing it.
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VaultError } from '../../../src/main/vault';
import {
  cleanupTempDirs,
  folderBytes,
  folderDigests,
  insertNote,
  metaRows,
  newRegister,
  reopen,
  tempDir,
} from '../../support/vaultFixture';

const NOTES = ['n1', 'n2', 'n3', 'n4', 'n5', 'n6'];
const IN_SNAPSHOT = 3;
let template = '';
let files: { header: string; snapshot: string; previousSnapshot: string; journal: string };

/** State after the first k notes. */
function stateAt(k: number): Array<{ key: string; value: string }> {
  return NOTES.slice(0, k)
    .map((n) => ({ key: n, value: `value of ${n}` }))
    .sort((a, b) => a.key.localeCompare(b.key));
}

beforeAll(async () => {
  const v = await newRegister();
  NOTES.slice(0, IN_SNAPSHOT).forEach((n) => insertNote(v, n, `value of ${n}`));
  v.snapshot();
  NOTES.slice(IN_SNAPSHOT).forEach((n) => insertNote(v, n, `value of ${n}`));
  template = tempDir('template');
  // Not register.lock: the copies are opened from this process, and a refused open removes the lock it took.
  for (const [name, bytes] of folderBytes(v.folder)) if (name !== 'register.lock') fs.writeFileSync(path.join(template, name), bytes);
  const names = fs.readdirSync(template).sort();
  const snaps = names.filter((n) => n.startsWith('snapshot-'));
  files = {
    header: 'register.json',
    snapshot: snaps.at(-1) ?? '',
    previousSnapshot: snaps.at(-2) ?? '',
    journal: names.filter((n) => n.startsWith('journal-')).at(-1) ?? '',
  };
  v.lock();
});

afterAll(cleanupTempDirs);

function copyTemplate(): string {
  const d = tempDir('case');
  for (const name of fs.readdirSync(template)) fs.copyFileSync(path.join(template, name), path.join(d, name));
  return d;
}

type Outcome = { kind: 'damaged' } | { kind: 'opened'; commits: number };

async function attempt(folder: string): Promise<Outcome> {
  const before = folderDigests(folder);
  try {
    const v = await reopen(folder);
    const rows = metaRows(v);
    v.lock();
    const k = NOTES.findIndex((_, i) => JSON.stringify(stateAt(i + 1)) === JSON.stringify(rows));
    if (k < 0 && rows.length > 0) throw new Error(`half-loaded state: ${JSON.stringify(rows)}`);
    return { kind: 'opened', commits: rows.length === 0 ? 0 : k + 1 };
  } catch (e) {
    if (!(e instanceof VaultError) || e.code !== 'damaged') throw e;
    expect(e.message).toMatch(/damaged or has been altered/);
    expect(folderDigests(folder)).toEqual(before); // refused => nothing written
    return { kind: 'damaged' };
  }
}

describe('damage detection', () => {
  it('the untouched template opens to the last commit', async () => {
    expect(await attempt(copyTemplate())).toEqual({ kind: 'opened', commits: NOTES.length });
  });

  for (const which of ['header', 'snapshot', 'journal'] as const) {
    it(`any single changed byte in the ${which} is refused as damaged, never half-loaded`, async () => {
      const size = fs.statSync(path.join(template, files[which])).size;
      await fc.assert(
        fc.asyncProperty(fc.integer({ min: 0, max: size - 1 }), fc.integer({ min: 1, max: 255 }), async (pos, xor) => {
          const d = copyTemplate();
          const f = path.join(d, files[which]);
          const b = fs.readFileSync(f);
          b[pos] = (b[pos] ?? 0) ^ xor;
          fs.writeFileSync(f, b);
          const r = await attempt(d);
          // The only acceptable success is an unchanged meaning (e.g. JSON whitespace) with the full state.
          if (r.kind === 'opened') expect(r.commits).toBe(NOTES.length);
        }),
        { numRuns: 120 },
      );
    });
  }

  for (const which of ['header', 'snapshot'] as const) {
    it(`a truncated ${which} is refused as damaged`, async () => {
      const size = fs.statSync(path.join(template, files[which])).size;
      await fc.assert(
        fc.asyncProperty(fc.integer({ min: 0, max: size - 1 }), async (len) => {
          const d = copyTemplate();
          fs.truncateSync(path.join(d, files[which]), len);
          const r = await attempt(d);
          // Only dropping the header's final newline leaves it meaningful (and complete).
          if (which === 'header' && len === size - 1) expect(r).toEqual({ kind: 'opened', commits: NOTES.length });
          else expect(r).toEqual({ kind: 'damaged' });
        }),
        { numRuns: 60 },
      );
    });
  }

  it('a truncated journal (torn last write) opens to the last complete commit', async () => {
    const size = fs.statSync(path.join(template, files.journal)).size;
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: size - 1 }), async (len) => {
        const d = copyTemplate();
        fs.truncateSync(path.join(d, files.journal), len);
        const r = await attempt(d);
        expect(r.kind).toBe('opened');
        if (r.kind === 'opened') expect(r.commits).toBeGreaterThanOrEqual(IN_SNAPSHOT);
      }),
      { numRuns: 60 },
    );
  });

  it('a torn tail is cut off before the next commit is appended', async () => {
    const d = copyTemplate();
    const f = path.join(d, files.journal);
    fs.truncateSync(f, fs.statSync(f).size - 5);
    const v = await reopen(d);
    expect(metaRows(v)).toEqual(stateAt(NOTES.length - 1));
    insertNote(v, 'n7', 'value of n7');
    const v2 = await reopen(d);
    expect(metaRows(v2).map((r) => r.key)).toEqual(['n1', 'n2', 'n3', 'n4', 'n5', 'n7']);
    v2.lock();
    v.lock();
  });

  it('zero bytes after the last record (a crash after the file grew) are a torn tail', async () => {
    const d = copyTemplate();
    fs.appendFileSync(path.join(d, files.journal), Buffer.alloc(100));
    expect(await attempt(d)).toEqual({ kind: 'opened', commits: NOTES.length });
  });

  /** Splits the template journal into its records. */
  function records(): Buffer[] {
    const b = fs.readFileSync(path.join(template, files.journal));
    const out: Buffer[] = [];
    for (let off = 0; off < b.length; ) {
      const len = 12 + b.readUInt32BE(off + 4);
      out.push(b.subarray(off, off + len));
      off += len;
    }
    return out;
  }

  it('a removed journal record (not the last) is refused as damaged', async () => {
    const r = records();
    expect(r.length).toBe(NOTES.length - IN_SNAPSHOT);
    const d = copyTemplate();
    fs.writeFileSync(path.join(d, files.journal), Buffer.concat([r[0]!, r[2]!]));
    expect(await attempt(d)).toEqual({ kind: 'damaged' });
  });

  it('reordered journal records are refused as damaged', async () => {
    const r = records();
    const d = copyTemplate();
    fs.writeFileSync(path.join(d, files.journal), Buffer.concat([r[1]!, r[0]!, r[2]!]));
    expect(await attempt(d)).toEqual({ kind: 'damaged' });
  });

  it('a journal record from a different register is refused as damaged', async () => {
    const other = await newRegister();
    insertNote(other, 'x', 'y');
    const otherJournal = fs.readdirSync(other.folder).find((n) => n.startsWith('journal-'));
    const foreign = fs.readFileSync(path.join(other.folder, otherJournal ?? ''));
    other.lock();
    const d = copyTemplate();
    fs.appendFileSync(path.join(d, files.journal), foreign);
    expect(await attempt(d)).toEqual({ kind: 'damaged' });
  });

  it('a snapshot from a different register is refused as damaged', async () => {
    const other = await newRegister();
    insertNote(other, 'x', 'y');
    other.snapshot();
    const snap = fs.readdirSync(other.folder).filter((n) => n.startsWith('snapshot-')).at(-1) ?? '';
    const d = copyTemplate();
    fs.copyFileSync(path.join(other.folder, snap), path.join(d, files.snapshot));
    other.lock();
    expect(await attempt(d)).toEqual({ kind: 'damaged' });
  });

  it('a removed latest snapshot (its journal still present) is refused as damaged', async () => {
    const d = copyTemplate();
    fs.rmSync(path.join(d, files.snapshot));
    expect(await attempt(d)).toEqual({ kind: 'damaged' });
  });

  it('the previous snapshot kept as a fallback is not needed to open', async () => {
    expect(files.previousSnapshot).not.toBe('');
    const d = copyTemplate();
    fs.rmSync(path.join(d, files.previousSnapshot));
    expect(await attempt(d)).toEqual({ kind: 'opened', commits: NOTES.length });
  });
});
