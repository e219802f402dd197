// Vault-level fixtures: registers in temp folders (made with the one cheap KDF, ./kdf.ts),
// reopening, raw rows, and the attacker's path round the app (rewriteNewestSnapshot).
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createRegister, openRegister, type SnapshotThreshold, type Vault } from '../../src/main/vault';
import { MIGRATIONS, type Migration } from '../../src/main/db/migrations';
import { SqlDb } from '../../src/main/db/sqlite';
import type { SqlParams } from '../../src/main/db/types';
import { readAnyHeader } from '../../src/main/vault/anyHeader';
import { writeAtomicWith } from '../../src/main/vault/atomicWrite';
import { classifyFolder, HEADER_FILE, snapshotFileName, STREAM_KIND_SNAPSHOT } from '../../src/main/vault/format';
import { wipeKeys } from '../../src/main/vault/keys';
import { decryptStream, fdReader, writeStreamSync } from '../../src/main/vault/snapshot';
import { unlockV2 } from '../../src/main/vault/unlockV2';
import { TEST_KDF } from './kdf';

export const ADMIN = 'Ada Administrator';
export const ADMIN_PASS = 'correct horse battery staple';

const made: string[] = [];

export function tempDir(label = 'reg'): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), `mappa-test-${label}-`));
  made.push(d);
  return d;
}

/** A path for a folder that does not exist yet (inside a temp dir). */
export function freshFolder(label = 'reg'): string {
  return path.join(tempDir(label), 'register');
}

export function cleanupTempDirs(): void {
  for (const d of made.splice(0)) fs.rmSync(d, { recursive: true, force: true });
}

export async function newRegister(opts: { snapshotThreshold?: SnapshotThreshold; folder?: string; migrations?: readonly Migration[] } = {}): Promise<Vault> {
  return createRegister({
    ...(opts.migrations ? { migrations: opts.migrations } : {}),
    folder: opts.folder ?? freshFolder(),
    userName: ADMIN,
    passphrase: ADMIN_PASS,
    kdf: TEST_KDF,
    ...(opts.snapshotThreshold ? { snapshotThreshold: opts.snapshotThreshold } : {}),
  });
}

/**
 * The app's migrations and one more that makes a table for test data: a commit may not
 * change the schema outside a migration, so tests that need their own table add it here.
 */
export function withTestTable(sql: string): readonly Migration[] {
  return [...MIGRATIONS, { version: MIGRATIONS.length + 1, description: 'test table', statements: [sql] }];
}

export async function reopen(folder: string, opts: { snapshotThreshold?: SnapshotThreshold; migrations?: readonly Migration[] } = {}): Promise<Vault> {
  const { vault } = await openRegister({ folder, userName: ADMIN, passphrase: ADMIN_PASS, ...opts });
  return vault;
}

export function insertNote(v: Vault, key: string, value: string): void {
  v.commit((w) => w.run('INSERT INTO meta (key, value) VALUES (?, ?)', [key, value]));
}

export function metaRows(v: Vault): Array<{ key: string; value: string }> {
  return v.reader.all<{ key: string; value: string }>('SELECT key, value FROM meta ORDER BY key');
}

/** Every file in a folder, name -> SHA-256 hex (cheap byte-identical comparisons). */
export function folderDigests(folder: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, bytes] of folderBytes(folder)) out[name] = createHash('sha256').update(bytes).digest('hex');
  return out;
}

/** Every file in a folder, name -> bytes. */
export function folderBytes(folder: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  for (const name of fs.readdirSync(folder).sort()) out.set(name, fs.readFileSync(path.join(folder, name)));
  return out;
}

/**
 * The attacker's path round the app: a member who knows their passphrase decrypts the
 * newest snapshot with the app's own modules, edits the database directly (triggers and
 * all) and writes it back encrypted under the same key. The register must be locked
 * (so the journal is empty and the snapshot is the whole state).
 */
export async function rewriteNewestSnapshot(folder: string, edit: (run: (sql: string, params?: SqlParams) => void) => void, who: { userName: string; passphrase: string } = { userName: ADMIN, passphrase: ADMIN_PASS }): Promise<void> {
  const header = readAnyHeader(fs.readFileSync(path.join(folder, HEADER_FILE)));
  if (header.version !== 2) throw new Error('expected a format-2 register');
  const unlocked = await unlockV2(header, who.userName, who.passphrase, 'test');
  if (unlocked === undefined) throw new Error('wrong passphrase');
  try {
    const seq = classifyFolder(fs.readdirSync(folder)).snapshots.at(-1) ?? 0;
    const file = path.join(folder, snapshotFileName(seq));
    const fd = fs.openSync(file, 'r');
    let dec;
    try {
      dec = await decryptStream(fdReader(fd), 0, fs.fstatSync(fd).size, unlocked.keys.snapshot, { kind: STREAM_KIND_SNAPSHOT, registerId: header.registerId, what: 'snapshot' });
    } finally {
      fs.closeSync(fd);
    }
    const db = await SqlDb.open(dec.plain);
    db.begin();
    edit((sql, params) => db.runOne(sql, params ?? null, true));
    db.commit();
    const plain = db.export();
    db.close();
    writeAtomicWith(file, (out) => {
      writeStreamSync(out, 0, unlocked.keys.snapshot, { kind: STREAM_KIND_SNAPSHOT, registerId: header.registerId, seq: dec.seq, chainTag: dec.chainTag }, plain);
    });
  } finally {
    wipeKeys(unlocked.keys);
  }
}
