// Child process for memoryAfterLock.test.ts, run with --expose-gc so it can collect before it
// looks. It reads a marker (XOR-masked, so the plain marker is never in argv, env or a stdin
// buffer), writes it into a register as item text, locks, and reports where the marker can
// still be found: in the closed sql.js instance's heap and file (before and after the wipe),
// in V8 heap snapshots (written to argv[2] for the parent to search), and, on Linux, anywhere
// in the process's own writable memory (/proc/self/mem).
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import { observeWipesForTests, type InstanceMemory } from '../../../src/main/db/sqlJsInstance';
import { cleanupTempDirs, insertNote, newRegister } from '../../support/vaultFixture';

const MASK = 0x5a;
const gc = (globalThis as { gc?: () => void }).gc;

function say(report: Record<string, unknown>): void {
  fs.writeSync(1, `${JSON.stringify(report)}\n`);
}

/** Whether `haystack` holds the marker, compared against the masked bytes (no plain copy made). */
function holdsMarker(haystack: Uint8Array, masked: Uint8Array): boolean {
  const first = (masked[0] ?? 0) ^ MASK;
  for (let i = haystack.indexOf(first); i >= 0 && i + masked.length <= haystack.length; i = haystack.indexOf(first, i + 1)) {
    let j = 1;
    while (j < masked.length && haystack[i + j] === ((masked[j] ?? 0) ^ MASK)) j++;
    if (j === masked.length) return true;
  }
  return false;
}

/** Every writable mapping of this process that holds the marker (Linux only). */
function processMemoryHits(masked: Uint8Array): string[] {
  const hits: string[] = [];
  const fd = fs.openSync('/proc/self/mem', 'r');
  const chunk = Buffer.alloc(4 * 1024 * 1024);
  try {
    for (const line of fs.readFileSync('/proc/self/maps', 'utf8').split('\n')) {
      const m = /^([0-9a-f]+)-([0-9a-f]+) (\S+) \S+ \S+ \S+\s*(.*)$/.exec(line);
      if (m === null || !(m[3] ?? '').startsWith('rw')) continue;
      const start = Number.parseInt(m[1] ?? '0', 16);
      const end = Number.parseInt(m[2] ?? '0', 16);
      for (let at = start; at < end; at += chunk.length - masked.length) {
        const want = Math.min(chunk.length, end - at);
        let got = 0;
        try {
          got = fs.readSync(fd, chunk, 0, want, at);
        } catch {
          break; // a guard page or a mapping that went away
        }
        const found = holdsMarker(chunk.subarray(0, got), masked);
        chunk.fill(0); // the next read of this buffer's own mapping must not find a copy we made
        if (found) {
          hits.push(`${m[1]}-${m[2]} ${m[4] || '[anonymous]'}`);
          break;
        }
        if (got < want) break;
      }
    }
  } finally {
    chunk.fill(0);
    fs.closeSync(fd);
  }
  return hits;
}

async function collect(): Promise<void> {
  for (let i = 0; i < 4; i++) {
    gc?.();
    await new Promise((r) => setTimeout(r, 10));
  }
}

async function main(): Promise<void> {
  const outDir = process.argv[2] ?? '';
  // Writing a snapshot that holds the marker leaves copies in freed serialiser buffers, so
  // the whole-process scan runs in a child that writes none.
  const snapshots = process.argv[3] !== 'process-memory';
  const masked = new Uint8Array(fs.readFileSync(0));
  const unmask = (): string => {
    const plain = masked.map((b) => b ^ MASK);
    const text = Buffer.from(plain.buffer, plain.byteOffset, plain.length).toString('latin1');
    plain.fill(0);
    return text;
  };

  const seen: Record<string, unknown> = {};
  const look = (phase: string) => (m: InstanceMemory) => {
    seen[`${phase}Heap`] = holdsMarker(m.heap, masked);
    seen[`${phase}File`] = holdsMarker(m.file, masked);
    seen[`${phase}AllZero`] = m.heap.every((b) => b === 0) && m.file.every((b) => b === 0);
    seen.fileStayedInPlace = m.fileStayedInPlace;
  };

  let vault: Awaited<ReturnType<typeof newRegister>> | undefined = await newRegister();
  insertNote(vault, 'probe', unmask());

  // Control: while a row read from the register is held, a snapshot does contain the marker.
  let row = vault.reader.get<{ value: string }>("SELECT value FROM meta WHERE key = 'probe'");
  seen.readBack = row !== undefined && row.value.length === masked.length;
  if (snapshots) {
    await collect();
    v8.writeHeapSnapshot(path.join(outDir, 'while-held.heapsnapshot'));
  }
  row = undefined;

  observeWipesForTests({ beforeWipe: look('before'), afterWipe: look('after') });
  vault.lock();
  observeWipesForTests(undefined);
  vault = undefined;
  await collect();

  if (snapshots) v8.writeHeapSnapshot(path.join(outDir, 'after-lock.heapsnapshot'));
  else if (process.platform === 'linux') seen.processMemoryHits = processMemoryHits(masked);
  cleanupTempDirs();
  say(seen);
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(1);
  },
);
