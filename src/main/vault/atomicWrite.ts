// Atomic, durable file replacement: write a temp file beside the target, fsync it,
// rename over the target, fsync the folder.
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

export function fsyncDir(dir: string): void {
  const fd = fs.openSync(dir, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

export function tempNameFor(target: string): string {
  return `${target}.${randomBytes(6).toString('hex')}.tmp`;
}

/** Writes `data` to `target` atomically and durably. */
export function writeFileAtomicSync(target: string, data: Uint8Array): void {
  writeAtomicWith(target, (fd) => {
    let off = 0;
    while (off < data.length) off += fs.writeSync(fd, data, off, data.length - off);
  });
}

/** Calls `fill(fd)` on a fresh temp file, then fsyncs and renames it over `target`. */
export function writeAtomicWith(target: string, fill: (fd: number) => void): void {
  const tmp = tempNameFor(target);
  const fd = fs.openSync(tmp, 'wx', 0o600);
  try {
    fill(fd);
    fs.fsyncSync(fd);
  } catch (e) {
    fs.closeSync(fd);
    removeQuietly(tmp);
    throw e;
  }
  fs.closeSync(fd);
  try {
    fs.renameSync(tmp, target);
  } catch (e) {
    removeQuietly(tmp);
    throw e;
  }
  fsyncDir(path.dirname(target));
}

export function removeQuietly(file: string): void {
  try {
    fs.rmSync(file, { force: true });
  } catch {
    // best effort: a leftover temp file holds only ciphertext
  }
}

/** Writes all of `data` at `position` (positional, so retries never duplicate bytes). */
export function writeAllAt(fd: number, data: Uint8Array, position: number): void {
  let off = 0;
  while (off < data.length) {
    off += fs.writeSync(fd, data, off, data.length - off, position + off);
  }
}
