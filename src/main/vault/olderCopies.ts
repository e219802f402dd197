import * as fs from 'node:fs';
import * as path from 'node:path';
import { fsyncDir, removeQuietly } from './atomicWrite';
import { classifyFolder, journalFileName, snapshotFileName } from './format';

// The register folder's older copies: the snapshots and journals before the one kept, and
// temp files a crash left. After a snapshot the previous one stays as a fallback and older
// ones go quietly; purging history removes everything before the newest, and says which
// files could not be removed.

/** Removes snapshots and journals older than `keep`, and temp files; nothing acknowledged depends on them. */
export function removeOlderQuietly(folder: string, keep: number): void {
  const files = classifyFolder(fs.readdirSync(folder));
  for (const n of files.snapshots) if (n < keep) removeQuietly(path.join(folder, snapshotFileName(n)));
  for (const n of files.journals) if (n < keep) removeQuietly(path.join(folder, journalFileName(n)));
  for (const t of files.temps) removeQuietly(path.join(folder, t));
  try {
    fsyncDir(folder);
  } catch {
    // only deletions
  }
}

/** Removes snapshots and journals older than `keep`, and temp files; returns the names that could not be removed. */
export function removeOlder(folder: string, keep: number): string[] {
  const files = classifyFolder(fs.readdirSync(folder));
  const failed: string[] = [];
  const remove = (name: string): void => {
    try {
      fs.rmSync(path.join(folder, name), { force: true });
    } catch {
      failed.push(name);
    }
  };
  for (const n of files.journals) if (n < keep) remove(journalFileName(n));
  for (const n of files.snapshots) if (n < keep) remove(snapshotFileName(n));
  for (const t of files.temps) remove(t);
  try {
    fsyncDir(folder);
  } catch {
    failed.push('.');
  }
  return failed;
}
