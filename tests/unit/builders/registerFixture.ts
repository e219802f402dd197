// Test fixtures for the encrypted register: temp folders and cheap KDF settings.
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createRegister, openRegister, type Vault } from '../../../src/main/vault';
import type { KdfParams } from '../../../src/main/vault';
import type { SnapshotThreshold } from '../../../src/main/vault';

export const CHEAP_KDF: KdfParams = { N: 2 ** 10, r: 8, p: 1 };
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

export async function newRegister(opts: { snapshotThreshold?: SnapshotThreshold; folder?: string } = {}): Promise<Vault> {
  return createRegister({
    folder: opts.folder ?? freshFolder(),
    userName: ADMIN,
    passphrase: ADMIN_PASS,
    kdf: CHEAP_KDF,
    ...(opts.snapshotThreshold ? { snapshotThreshold: opts.snapshotThreshold } : {}),
  });
}

export async function reopen(folder: string, opts: { snapshotThreshold?: SnapshotThreshold } = {}): Promise<Vault> {
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
