// One-file encrypted backups, and restoring one into a new, empty folder.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { damaged, VaultError, wrongPassphrase } from './errors';
import {
  BACKUP_MAGIC,
  HEADER_FILE,
  journalFileName,
  snapshotFileName,
  STREAM_KIND_BACKUP,
  STREAM_KIND_SNAPSHOT,
  u32,
} from './format';
import { tooNew } from './header';
import { readAnyHeader } from './anyHeader';
import { unlockV2 } from './unlockV2';
import { wipeKeys } from './keys';
import { decryptStream, encryptStream, type ReadAt, writeStreamSync } from './snapshot';
import { fsyncDir, removeQuietly, tempNameFor, writeAtomicWith, writeFileAtomicSync } from './atomicWrite';
import { unlockHeader } from './unlock';
import { assertNotInUse, FolderLock } from './folderLock';
import { SqlDb } from '../db/sqlite';
import { latestVersion, MIGRATIONS, type Migration } from '../db/migrations';

const BACKUP_WHAT = 'the backup file';
const MAX_HEADER = 4 * 1024 * 1024;

export async function writeBackup(
  file: string,
  headerBytes: Buffer,
  meta: { registerId: Buffer; seq: number; chainTag: Buffer },
  key: Buffer,
  plain: Uint8Array,
  onProgress?: (fractionDone: number) => void,
): Promise<void> {
  const tmp = tempNameFor(file);
  const fh = await fs.promises.open(tmp, 'wx', 0o600);
  try {
    await fh.write(Buffer.concat([BACKUP_MAGIC, u32(headerBytes.length), headerBytes]));
    const pieces = encryptStream(key, { kind: STREAM_KIND_BACKUP, ...meta }, plain);
    const total = Math.max(1, plain.length);
    let done = 0;
    for (const piece of pieces) {
      await fh.write(piece);
      done = Math.min(total, done + piece.length);
      onProgress?.(Math.min(0.99, done / total));
    }
    await fh.sync();
    await fh.close();
    await fs.promises.rename(tmp, file);
    fsyncDir(path.dirname(file));
  } catch (e) {
    await fh.close().catch(() => undefined);
    removeQuietly(tmp);
    if (e instanceof VaultError) throw e;
    throw new VaultError('write_failed', 'The backup could not be written. Check the destination has free space, then try again.');
  }
  onProgress?.(1);
}

export function folderIsEmptyOrMissing(folder: string): boolean {
  try {
    return fs.readdirSync(folder).length === 0;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return true;
    throw e;
  }
}

export interface RestoreOptions {
  file: string;
  folder: string;
  userName: string;
  passphrase: string;
  /** For tests: the schema migrations this build knows. */
  migrations?: readonly Migration[];
}

/** Verifies the passphrase and the whole backup, then writes it as a register into an empty folder. */
export async function restoreBackup(opts: RestoreOptions, onProgress?: (fractionDone: number) => void): Promise<void> {
  if (fs.existsSync(opts.folder)) assertNotInUse(opts.folder);
  if (!folderIsEmptyOrMissing(opts.folder)) {
    throw new VaultError('folder_not_empty', 'Choose an empty folder to restore the register into. The folder you chose already has files in it.');
  }
  let fh: fs.promises.FileHandle;
  try {
    fh = await fs.promises.open(opts.file, 'r');
  } catch {
    throw new VaultError('not_a_register', 'That backup file could not be read. Check the file and try again.');
  }
  try {
    const size = (await fh.stat()).size;
    const readAt: ReadAt = async (position, length) => {
      const b = Buffer.alloc(length);
      const { bytesRead } = await fh.read(b, 0, length, position);
      return b.subarray(0, bytesRead);
    };
    const lead = await readAt(0, 8);
    if (lead.length < 8 || !lead.subarray(0, 4).equals(BACKUP_MAGIC)) throw damaged(BACKUP_WHAT);
    const headerLen = lead.readUInt32BE(4);
    if (headerLen > MAX_HEADER || 8 + headerLen > size) throw damaged(BACKUP_WHAT);
    const headerBytes = await readAt(8, headerLen);
    const parsed = readAnyHeader(headerBytes, BACKUP_WHAT);
    const unlocked = parsed.version === 2 ? await unlockV2(parsed, opts.userName, opts.passphrase, BACKUP_WHAT) : await unlockHeader(parsed, opts.userName, opts.passphrase, BACKUP_WHAT);
    if (unlocked === undefined) throw wrongPassphrase();
    const { keys } = unlocked;
    try {
      const start = 8 + headerLen;
      const dec = await decryptStream(
        readAt,
        start,
        size - start,
        keys.snapshot,
        { kind: STREAM_KIND_BACKUP, registerId: parsed.registerId, what: BACKUP_WHAT },
        (f) => onProgress?.(f * 0.7),
      );
      try {
        const db = await SqlDb.open(dec.plain);
        const version = db.userVersion();
        db.close();
        const latest = latestVersion(opts.migrations ?? MIGRATIONS);
        if (version > latest) throw tooNew('schema', version, latest);
        fs.mkdirSync(opts.folder, { recursive: true });
        const folderLock = FolderLock.acquire(opts.folder); // held while writing; an open elsewhere waits
        try {
          if (fs.readdirSync(opts.folder).length !== 1) {
            throw new VaultError('folder_not_empty', 'Choose an empty folder to restore the register into. The folder you chose already has files in it.');
          }
          const meta = { kind: STREAM_KIND_SNAPSHOT, registerId: parsed.registerId, seq: dec.seq, chainTag: dec.chainTag };
          writeAtomicWith(path.join(opts.folder, snapshotFileName(dec.seq)), (fd) => {
            writeStreamSync(fd, 0, keys.snapshot, meta, dec.plain);
          });
          onProgress?.(0.9);
          fs.closeSync(fs.openSync(path.join(opts.folder, journalFileName(dec.seq)), 'wx', 0o600));
          writeFileAtomicSync(path.join(opts.folder, HEADER_FILE), headerBytes);
          fsyncDir(opts.folder);
        } finally {
          folderLock.release();
        }
      } finally {
        dec.plain.fill(0);
      }
    } finally {
      wipeKeys(keys);
    }
  } finally {
    await fh.close();
  }
  onProgress?.(1);
}
