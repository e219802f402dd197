// The folder lock: one unlocked copy of a register at a time, across windows, app
// instances and machines sharing a drive. See format.ts ("Folder lock") for the rules.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { z } from 'zod';
import { VaultError } from './errors';
import { LOCK_FILE } from './format';
import { fsyncDir, removeQuietly } from './atomicWrite';

/** An unreadable lock file younger than this may be one being written right now. */
const UNREADABLE_GRACE_MS = 30_000;

const lockSchema = z.strictObject({
  pid: z.number().int().positive(),
  host: z.string().max(255),
  token: z.string().regex(/^[0-9a-f]{32}$/),
  since: z.string().max(40),
  /** Which process had that pid: its start (see processStart). Absent in locks written before it existed. */
  started: z.string().max(100).optional(),
});
type LockInfo = z.infer<typeof lockSchema>;

/**
 * When the process with this pid started, in a form that differs for every process that
 * has had the pid since the machine booted: a pid is reused, so a lock left by a crash may
 * name a pid that now belongs to something else, which is running but holds no lock.
 * Linux: the boot id and the start time in clock ticks (/proc/<pid>/stat, field 22).
 * macOS and the BSDs: the start time `ps` reports. Elsewhere (Windows), or if neither
 * can be read, null: the pid alone decides, as before.
 */
function processStart(pid: number): string | null {
  if (process.platform === 'linux') {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      // The command name (field 2) is in parentheses and may hold spaces or ')': count after the last ')'.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const startTicks = fields[19]; // field 22 overall; fields[0] is field 3
      if (startTicks === undefined || !/^\d+$/.test(startTicks)) return null;
      const boot = fs.readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
      return `linux:${boot}:${startTicks}`;
    } catch {
      return null;
    }
  }
  if (process.platform === 'darwin' || process.platform.endsWith('bsd')) {
    try {
      const out = execFileSync('ps', ['-o', 'lstart=', '-p', String(pid)], { encoding: 'utf8', timeout: 2000, stdio: ['ignore', 'pipe', 'ignore'] }).trim();
      return out === '' ? null : `ps:${out}`;
    } catch {
      return null;
    }
  }
  return null;
}

/** Test seam: how liveness of a pid on this host is checked. */
export const lockProbe = {
  isRunning(pid: number): boolean {
    try {
      process.kill(pid, 0);
      return true;
    } catch (e) {
      return (e as NodeJS.ErrnoException).code === 'EPERM'; // alive, owned by someone else
    }
  },
  hostname(): string {
    return os.hostname();
  },
  /** Which process instance has this pid now, or null when it cannot be told. */
  startedAt(pid: number): string | null {
    return processStart(pid);
  },
};

/** The process with the lock's pid is the one that wrote the lock (not a later one given the same pid). */
function sameProcess(info: LockInfo): boolean {
  if (info.started === undefined) return true; // an older lock: only the pid to go on
  const now = lockProbe.startedAt(info.pid);
  return now === null || now === info.started;
}

export function inUse(host: string): VaultError {
  const where = host === '' ? 'another computer' : host;
  return new VaultError(
    'in_use',
    `This register is open on another computer or in another window (${where}). Close it there first.`,
  );
}

type Existing = { kind: 'none' } | { kind: 'stale'; bytes: Buffer } | { kind: 'live'; host: string };

function readExisting(file: string): Existing {
  let bytes: Buffer;
  let mtimeMs: number;
  try {
    bytes = fs.readFileSync(file);
    mtimeMs = fs.statSync(file).mtimeMs;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'none' };
    throw e;
  }
  let info: LockInfo | undefined;
  try {
    const r = lockSchema.safeParse(JSON.parse(bytes.toString('utf8')));
    info = r.success ? r.data : undefined;
  } catch {
    info = undefined;
  }
  if (info === undefined) {
    // Torn write from a crash between create and fsync, or junk: wait out a writer in progress.
    return Date.now() - mtimeMs > UNREADABLE_GRACE_MS ? { kind: 'stale', bytes } : { kind: 'live', host: '' };
  }
  if (info.host !== lockProbe.hostname()) return { kind: 'live', host: info.host }; // cannot check a pid elsewhere
  // Same host: our own pid means an earlier open in this process that never locked (a
  // simulated crash in tests; the app's session holds one register at a time).
  // A running pid that now belongs to another process (reused after a crash) holds nothing.
  if (info.pid !== process.pid && lockProbe.isRunning(info.pid) && sameProcess(info)) return { kind: 'live', host: info.host };
  return { kind: 'stale', bytes };
}

/** Throws 'in_use' if a live lock is in the folder. Writes nothing. */
export function assertNotInUse(folder: string): void {
  const e = readExisting(path.join(folder, LOCK_FILE));
  if (e.kind === 'live') throw inUse(e.host);
}

/** Removes a stale lock only if it is still the very file we judged stale (another opener may have raced us). */
function takeOverStale(folder: string, stale: Buffer, token: string): void {
  const file = path.join(folder, LOCK_FILE);
  const aside = path.join(folder, `${LOCK_FILE}.${token}.tmp`);
  try {
    fs.renameSync(file, aside);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return; // someone else removed it; retry create
    throw e;
  }
  const moved = fs.readFileSync(aside);
  if (!moved.equals(stale)) {
    // We moved a lock someone created after our read: put it back (without clobbering) and give way.
    try {
      fs.linkSync(aside, file);
    } catch {
      // no hard links here, or yet another lock exists: best effort
    }
    removeQuietly(aside);
    throw inUse('');
  }
  removeQuietly(aside);
}

export class FolderLock {
  private released = false;

  private constructor(
    readonly folder: string,
    private readonly token: string,
  ) {}

  /** Creates register.lock with O_EXCL, taking over a stale one. Throws 'in_use' for a live one. */
  static acquire(folder: string): FolderLock {
    const file = path.join(folder, LOCK_FILE);
    const token = randomBytes(16).toString('hex');
    const started = lockProbe.startedAt(process.pid);
    const info: LockInfo = { pid: process.pid, host: lockProbe.hostname(), token, since: new Date().toISOString(), ...(started === null ? {} : { started }) };
    const body = Buffer.from(JSON.stringify(info), 'utf8');
    for (let attempt = 0; attempt < 3; attempt++) {
      let fd: number;
      try {
        fd = fs.openSync(file, 'wx', 0o600);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
        const existing = readExisting(file);
        if (existing.kind === 'live') throw inUse(existing.host);
        if (existing.kind === 'stale') takeOverStale(folder, existing.bytes, token);
        continue;
      }
      try {
        let off = 0;
        while (off < body.length) off += fs.writeSync(fd, body, off, body.length - off);
        fs.fsyncSync(fd);
      } catch (e) {
        fs.closeSync(fd);
        removeQuietly(file);
        throw e;
      }
      fs.closeSync(fd);
      try {
        fsyncDir(folder);
      } catch {
        // the lock works without it; only its survival across a power cut depends on it
      }
      return new FolderLock(folder, token);
    }
    throw inUse('');
  }

  /** Removes the lock file if it is still ours. Idempotent; never throws. */
  release(): void {
    if (this.released) return;
    this.released = true;
    const file = path.join(this.folder, LOCK_FILE);
    try {
      const r = lockSchema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
      if (r.success && r.data.token === this.token) fs.rmSync(file, { force: true });
    } catch {
      // gone already, or not ours any more
    }
  }
}
