// The files of a re-key (see format.ts "Re-keying"). The new snapshot is written as
// snapshot-<seq>.mrs.next-g<generation> before the header names the new generation; once
// the header does, finishing moves it into place and removes every file under the old key.
// Open finishes a re-key a crash interrupted, or drops a .next the header never adopted.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fsyncDir, removeQuietly } from './atomicWrite';
import { writeFailed } from './errors';
import { classifyFolder, journalFileName, snapshotFileName } from './format';
import { JournalWriter } from './journal';

const NEXT_RE = /^snapshot-(\d{16})\.mrs\.next-g(\d+)$/;

export function nextSnapshotName(seq: number, keyGeneration: number): string {
  return `${snapshotFileName(seq)}.next-g${keyGeneration}`;
}

/** After the header names `keyGeneration`: the new snapshot into place, a new empty journal, the old files gone. */
export function finishRekey(folder: string, keyGeneration: number): JournalWriter {
  const names = fs.readdirSync(folder);
  const next = names.map((n) => NEXT_RE.exec(n)).find((m) => m !== null && Number(m[2]) === keyGeneration);
  if (!next?.[1]) throw writeFailed('the re-keyed register (lock and unlock the register to continue)');
  const seq = Number(next[1]);
  try {
    fs.renameSync(path.join(folder, next[0]), path.join(folder, snapshotFileName(seq)));
    const jfile = path.join(folder, journalFileName(seq));
    fs.closeSync(fs.openSync(jfile, 'w', 0o600)); // empty: anything in it was under the old key
    fsyncDir(folder);
    const files = classifyFolder(fs.readdirSync(folder));
    for (const n of files.snapshots) if (n !== seq) removeQuietly(path.join(folder, snapshotFileName(n)));
    for (const n of files.journals) if (n !== seq) removeQuietly(path.join(folder, journalFileName(n)));
    for (const t of files.temps) removeQuietly(path.join(folder, t));
    fsyncDir(folder);
    return new JournalWriter(jfile, 0, 0);
  } catch {
    throw writeFailed('the re-keyed register (lock and unlock the register to continue)');
  }
}

/** At open, before anything is read: completes a re-key the header adopted, drops one it did not. */
export function settleRekey(folder: string, keyGeneration: number): void {
  for (const name of fs.readdirSync(folder)) {
    const m = NEXT_RE.exec(name);
    if (!m) continue;
    if (Number(m[2]) === keyGeneration) finishRekey(folder, keyGeneration).close();
    else removeQuietly(path.join(folder, name));
  }
}
