// One bench scale, run in its own process so peak RSS is per scale. Prints one JSON line.
// Usage: node --import tsx bench/scale.ts <items> build|work|load|open <root folder>
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRegister, DEFAULT_KDF, openRegister } from '../src/main/vault';
import { deriveSlotKey } from '../src/main/vault/kdf';
import { decryptStream, fdReader, writeStreamSync } from '../src/main/vault/snapshot';
import { writeAtomicWith } from '../src/main/vault/atomicWrite';
import { SqlDb } from '../src/main/db/sqlite';
import { STREAM_KIND_SNAPSHOT, ZERO_TAG } from '../src/main/vault/format';
import { wipeKeys } from '../src/main/vault/keys';
import { HEADER_FILE } from '../src/main/vault/format';
import { parseHeader } from '../src/main/vault/header';
import { unlockHeader } from '../src/main/vault/unlock';

const items = Number(process.argv[2] ?? 10_000);
const USER = 'Bench Administrator';
const PASS = 'bench passphrase not secret';
const CHEAP = { N: 2 ** 10, r: 8, p: 1 };
const CREATE_ITEMS = 'CREATE TABLE bench_items (id TEXT PRIMARY KEY, subject_id TEXT NOT NULL, owner TEXT NOT NULL, kind TEXT NOT NULL, body TEXT NOT NULL, created_at TEXT NOT NULL)';
const INSERT = 'INSERT INTO bench_items VALUES (?, ?, ?, ?, ?, ?)';

function row(i: number): [string, string, string, string, string, string] {
  // ~300 bytes of text per item, like a real register entry
  return [`item-${i}`, `subject-${i % 5000}`, 'probation', 'risk-note', randomBytes(190).toString('base64'), new Date(1_700_000_000_000 + i * 1000).toISOString()];
}

const now = (): number => Number(process.hrtime.bigint()) / 1e6;
const pct = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
};
const round = (x: number): number => Math.round(x * 1000) / 1000;

async function build(root: string): Promise<Record<string, number>> {
  const folder = path.join(root, 'reg');
  const vault = await createRegister({ folder, userName: USER, passphrase: PASS, kdf: CHEAP });
  vault.commit((w) => w.run(CREATE_ITEMS));
  for (let i = 0; i < items; i += 1000) {
    vault.commit((w) => {
      for (let j = i; j < Math.min(items, i + 1000); j++) w.run(INSERT, row(j));
    });
  }
  vault.snapshot();
  for (let i = 0; i < 50; i++) vault.commit((w) => w.run(INSERT, row(items + 10_000 + i))); // warm-up
  vault.snapshot();

  // durable commits through the journal
  const commit: number[] = [];
  for (let i = 0; i < 500; i++) {
    const t = now();
    vault.commit((w) => w.run(INSERT, row(items + i)));
    commit.push(now() - t);
  }
  // a copy with a 500-record journal to replay, for the open measurement (another process)
  const copy = path.join(root, 'copy');
  fs.mkdirSync(copy);
  for (const n of fs.readdirSync(folder)) fs.copyFileSync(path.join(folder, n), path.join(copy, n));

  const ts = now();
  vault.snapshot();
  const snapshotMs = now() - ts;
  vault.lock();

  const header = parseHeader(fs.readFileSync(path.join(folder, HEADER_FILE)));
  const unlocked = await unlockHeader(header, USER, PASS, 'bench');
  if (unlocked === undefined) throw new Error('bench: unlock failed');
  const snapName = fs.readdirSync(folder).filter((n) => n.startsWith('snapshot-')).sort().at(-1) ?? '';
  const fd = fs.openSync(path.join(folder, snapName), 'r');
  const dec = await decryptStream(fdReader(fd), 0, fs.fstatSync(fd).size, unlocked.keys.snapshot, {
    kind: STREAM_KIND_SNAPSHOT,
    registerId: header.registerId,
    what: 'bench',
  });
  fs.closeSync(fd);
  const loaded = await SqlDb.open(dec.plain);
  const dbBytes = dec.plain.length;
  dec.plain.fill(0);

  // the naive design: export + encrypt everything + atomic replace with fsync, per commit
  const naive: number[] = [];
  const naiveFile = path.join(root, 'naive.mrs');
  for (let i = 0; i < 20; i++) {
    const t = now();
    loaded.begin();
    loaded.runOne(INSERT, row(items + 2000 + i));
    loaded.commit();
    const plain = loaded.export();
    writeAtomicWith(naiveFile, (f) => {
      writeStreamSync(f, 0, unlocked.keys.snapshot, { kind: STREAM_KIND_SNAPSHOT, registerId: header.registerId, seq: i, chainTag: ZERO_TAG }, plain);
    });
    plain.fill(0);
    naive.push(now() - t);
  }
  loaded.close();
  wipeKeys(unlocked.keys);

  const kdf: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t = now();
    (await deriveSlotKey(PASS, randomBytes(16), DEFAULT_KDF)).fill(0);
    kdf.push(now() - t);
  }
  return {
    commit_p50_ms: pct(commit, 50),
    commit_p99_ms: pct(commit, 99),
    naive_commit_p50_ms: pct(naive, 50),
    naive_over_ours: pct(naive, 50) / pct(commit, 50),
    snapshot_ms: snapshotMs,
    kdf_ms: pct(kdf, 50),
    db_mb: dbBytes / (1024 * 1024),
    build_peak_rss_mb: process.resourceUsage().maxRSS / 1024,
  };
}

/** In a fresh process (like open): decrypt + load the snapshot that open will use, nothing else. */
async function load(root: string): Promise<Record<string, number>> {
  const copy = path.join(root, 'copy');
  const header = parseHeader(fs.readFileSync(path.join(copy, HEADER_FILE)));
  const unlocked = await unlockHeader(header, USER, PASS, 'bench');
  if (unlocked === undefined) throw new Error('bench: unlock failed');
  await SqlDb.open().then((d) => d.close()); // load the WASM module outside the timing
  const snapName = fs.readdirSync(copy).filter((n) => n.startsWith('snapshot-')).sort().at(-1) ?? '';
  const t = now();
  const fd = fs.openSync(path.join(copy, snapName), 'r');
  const dec = await decryptStream(fdReader(fd), 0, fs.fstatSync(fd).size, unlocked.keys.snapshot, {
    kind: STREAM_KIND_SNAPSHOT,
    registerId: header.registerId,
    what: 'bench',
  });
  fs.closeSync(fd);
  const db = await SqlDb.open(dec.plain);
  db.reader.get('SELECT COUNT(*) AS n FROM sqlite_master');
  const ms = now() - t;
  dec.plain.fill(0);
  db.close();
  wipeKeys(unlocked.keys);
  return { decrypt_load_ms: ms };
}

/**
 * 'work': the app's life in a fresh process: open after a crash (replaying 500 records), 500 commits,
 * lock (snapshot). 'open': a fresh process opening the register after that clean lock.
 */
async function work(root: string, mode: string): Promise<Record<string, number>> {
  const copy = path.join(root, 'copy');
  const kdfCheap: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t = now();
    (await deriveSlotKey(PASS, randomBytes(16), CHEAP)).fill(0);
    kdfCheap.push(now() - t);
  }
  await SqlDb.open().then((d) => d.close()); // load the WASM module outside the timing
  const t0 = now();
  // header + unlock (KDF subtracted) + decrypt + load + verify/replay the journal
  const { vault } = await openRegister({ folder: copy, userName: USER, passphrase: PASS });
  const openMs = now() - t0 - pct(kdfCheap, 50);
  if (mode === 'open') {
    vault.lock();
    return { open_ms: openMs, open_peak_rss_mb: process.resourceUsage().maxRSS / 1024 };
  }
  // 'work': opened after a crash with 500 records to replay, then 500 commits and lock (snapshot)
  for (let i = 0; i < 500; i++) vault.commit((w) => w.run(INSERT, row(items + 5000 + i)));
  vault.lock();
  return { open_replay500_ms: openMs, peak_rss_mb: process.resourceUsage().maxRSS / 1024 };
}

async function main(): Promise<void> {
  const mode = process.argv[3] ?? 'build';
  const root = process.argv[4] ?? '';
  const out = mode === 'build' ? await build(root) : mode === 'load' ? await load(root) : await work(root, mode);
  const rounded = Object.fromEntries(Object.entries(out).map(([k, v]) => [k, round(v)]));
  process.stdout.write(`${JSON.stringify(rounded)}\n`);
}

void main();
