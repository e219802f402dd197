// One bench scale, run in its own process so peak RSS is per scale. Prints one JSON line.
// Usage: node --import tsx bench/scale.ts <items> build|work|load|open <root folder>
// The register is a real one made by the demo generator (items/10 subjects, <items> items),
// and every timed commit is a real addItem (the same checks, versions and search index as the app).
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
import { readAnyHeader } from '../src/main/vault/anyHeader';
import type { ParsedHeaderV2 } from '../src/main/vault/headerV2';
import { unlockV2 } from '../src/main/vault/unlockV2';

function readV2(file: string): ParsedHeaderV2 {
  const h = readAnyHeader(fs.readFileSync(file));
  if (h.version !== 2) throw new Error('bench: expected a format-2 register');
  return h;
}
import type { Reader, Writer } from '../src/main/db/types';
import type { Vault } from '../src/main/vault';
import { generateDemoRegister, planItem } from '../src/main/register/demo/generate';
import { Prng } from '../src/main/register/demo/prng';
import { addItem } from '../src/main/register/items';
import { findProfile } from '../src/main/access/people';
import { listOffices } from '../src/main/access/offices';
import { searchSubjects } from '../src/main/register/search';
import { getSubject } from '../src/main/register/subjects';
import type { Ctx } from '../src/main/access/context';
import { today } from '../src/shared/calendar';
import { searchInput } from '../src/shared/registerSchemas';
import { TEST_KDF } from '../tests/support/kdf';
import { pct, round } from './figures';

const items = Number(process.argv[2] ?? 10_000);
const USER = 'Bench Administrator';
const PASS = 'bench passphrase not secret';
const NOW = new Date('2026-03-02T10:00:00Z'); // fixed, so review dates and ages are the same every run

/** Adds random real items (addItem) through `w`; the subject/office choices come from the register itself. */
class ItemMaker {
  private readonly p = new Prng('bench items');
  private readonly subjects: Array<{ id: string; given_name: string; family_name: string }>;
  private readonly offices;
  private readonly ctx: Ctx;

  constructor(r: Reader) {
    this.subjects = r.all<{ id: string; given_name: string; family_name: string }>('SELECT id, given_name, family_name FROM subjects ORDER BY rowid');
    this.offices = listOffices(r);
    const profile = findProfile(r, USER);
    if (profile === undefined) throw new Error('bench: no profile');
    this.ctx = { actor: { ...profile, registerAdministrator: true }, now: NOW };
  }

  add(w: Writer): void {
    const s = this.p.pick(this.subjects);
    addItem(w, this.ctx, planItem(this.p, today(NOW), s.id, { givenName: s.given_name, familyName: s.family_name }, this.offices));
  }
}

function rawWriter(db: SqlDb): Writer {
  return { all: (q, p) => db.reader.all(q, p), get: (q, p) => db.reader.get(q, p), run: (q, p) => db.runOne(q, p) };
}

const now = (): number => Number(process.hrtime.bigint()) / 1e6;

async function build(root: string): Promise<Record<string, number>> {
  const folder = path.join(root, 'reg');
  const vault = await createRegister({
    folder,
    userName: USER,
    passphrase: PASS,
    kdf: TEST_KDF,
    snapshotThreshold: { bytes: 512 * 1024 * 1024, records: 100_000 }, // the generator snapshots every 20k items
  });
  const tg = now();
  await generateDemoRegister(vault, { subjects: Math.max(10, Math.round(items / 10)), items, seed: 1, now: NOW });
  const generateMs = now() - tg;
  const maker = new ItemMaker(vault.reader);
  for (let i = 0; i < 50; i++) vault.commit((w) => maker.add(w)); // warm-up
  vault.snapshot();

  // durable commits through the journal
  const commit: number[] = [];
  for (let i = 0; i < 500; i++) {
    const t = now();
    vault.commit((w) => maker.add(w));
    commit.push(now() - t);
  }
  // The journal mechanism alone: a durable commit of one small row, the same fsync and
  // encryption with none of an item's indexing (the figure the naive design is compared on
  // is the real save above).
  const journalOnly: number[] = [];
  for (let i = 0; i < 500; i++) {
    const t = now();
    vault.commit((w) => w.run('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)', [`bench-${i % 7}`, String(i)]));
    journalOnly.push(now() - t);
  }
  // a copy with a 500-record journal to replay, for the open measurement (another process)
  const copy = path.join(root, 'copy');
  fs.mkdirSync(copy);
  for (const n of fs.readdirSync(folder)) fs.copyFileSync(path.join(folder, n), path.join(copy, n));

  const ts = now();
  vault.snapshot();
  const snapshotMs = now() - ts;
  // Re-key: removing a member writes the whole register again under a new data key.
  await vault.addUser({ userName: 'Bench Colleague', passphrase: 'bench colleague passphrase one', administrator: false });
  const tr = now();
  await vault.removeUser('Bench Colleague');
  const rekeyMs = now() - tr;
  vault.lock();

  const header = readV2(path.join(folder, HEADER_FILE));
  const unlocked = await unlockV2(header, USER, PASS, 'bench');
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
  const naiveMaker = new ItemMaker(loaded.reader);
  const naiveFile = path.join(root, 'naive.mrs');
  for (let i = 0; i < 20; i++) {
    const t = now();
    loaded.begin();
    naiveMaker.add(rawWriter(loaded));
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

  // The default KDF, as every unlock of a real register runs it (the bench register itself
  // uses TEST_KDF so the open figures below are not buried in its variance).
  const kdf: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t = now();
    (await deriveSlotKey(PASS, randomBytes(16), DEFAULT_KDF)).fill(0);
    kdf.push(now() - t);
  }
  return {
    commit_p50_ms: pct(commit, 50),
    commit_p99_ms: pct(commit, 99),
    journal_commit_p50_ms: pct(journalOnly, 50),
    journal_commit_p99_ms: pct(journalOnly, 99),
    naive_commit_p50_ms: pct(naive, 50),
    naive_over_ours: pct(naive, 50) / pct(commit, 50),
    snapshot_ms: snapshotMs,
    rekey_ms: rekeyMs,
    kdf_ms: pct(kdf, 50),
    kdf_log2_n: Math.log2(DEFAULT_KDF.N),
    kdf_r: DEFAULT_KDF.r,
    kdf_p: DEFAULT_KDF.p,
    db_mb: dbBytes / (1024 * 1024),
    generate_s: generateMs / 1000,
    build_peak_rss_mb: process.resourceUsage().maxRSS / 1024,
  };
}

/** In a fresh process (like open): decrypt + load the snapshot that open will use, nothing else. */
async function load(root: string): Promise<Record<string, number>> {
  const copy = path.join(root, 'copy');
  const header = readV2(path.join(copy, HEADER_FILE));
  const unlocked = await unlockV2(header, USER, PASS, 'bench');
  if (unlocked === undefined) throw new Error('bench: unlock failed');
  await SqlDb.open().then((d) => d.close()); // compile the WASM module outside the timing
  // Every open runs in a fresh sql.js instance whose memory close() zeroes: its own cost.
  const instance: number[] = [];
  for (let i = 0; i < 7; i++) {
    const t = now();
    (await SqlDb.open()).close();
    instance.push(now() - t);
  }
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
  return { decrypt_load_ms: ms, sqljs_instance_ms: pct(instance, 50) };
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
    (await deriveSlotKey(PASS, randomBytes(16), TEST_KDF)).fill(0);
    kdfCheap.push(now() - t);
  }
  await SqlDb.open().then((d) => d.close()); // load the WASM module outside the timing
  const t0 = now();
  // header + unlock (KDF subtracted) + decrypt + load + verify/replay the journal
  const { vault } = await openRegister({ folder: copy, userName: USER, passphrase: PASS });
  const openMs = now() - t0 - pct(kdfCheap, 50);
  if (mode === 'open') {
    const openPeak = process.resourceUsage().maxRSS / 1024;
    const q = queries(vault);
    vault.lock();
    return { open_ms: openMs, open_peak_rss_mb: openPeak, ...q };
  }
  // 'work': opened after a crash with 500 records to replay, then 500 commits and lock (snapshot)
  const maker = new ItemMaker(vault.reader);
  for (let i = 0; i < 500; i++) vault.commit((w) => maker.add(w));
  vault.lock();
  return { open_replay500_ms: openMs, peak_rss_mb: process.resourceUsage().maxRSS / 1024 };
}

/**
 * The screens people wait on: search by name (surname, alias, first letters), search that
 * includes item text, and a subject's page. Many different queries, each timed on its own.
 */
function queries(vault: Vault): Record<string, number> {
  const r = vault.reader;
  const p = new Prng('bench queries');
  const families = r.all<{ f: string }>('SELECT DISTINCT family_name AS f FROM subjects').map((x) => x.f);
  const aliases = r.all<{ a: string }>('SELECT DISTINCT alias AS a FROM subject_aliases').map((x) => x.a);
  const givens = r.all<{ g: string }>('SELECT DISTINCT given_name AS g FROM subjects').map((x) => x.g);
  const nameQueries: string[] = [];
  for (let i = 0; i < 150; i++) {
    const k = i % 4;
    if (k === 0) nameQueries.push(p.pick(families));
    else if (k === 1 && aliases.length > 0) nameQueries.push(p.pick(aliases));
    else if (k === 2) nameQueries.push(p.pick(families).slice(0, p.int(3, 5))); // partial name
    else nameQueries.push(`${p.pick(givens)} ${p.pick(families).slice(0, 4)}`);
  }
  const WORDS = ['curfew', 'polygraph', 'warehouse', 'approved premises', 'exclusion zone', 'tattoo', 'school', 'victim', 'Marrowby', 'drinking', 'mental health', 'programme', 'ANPR', 'Kestlebury warehouse', 'licence', 'tag'];
  const textQueries: string[] = [];
  for (let i = 0; i < 80; i++) textQueries.push(i < WORDS.length ? (WORDS[i] ?? 'curfew') : `${p.pick(WORDS)} ${p.pick(families).slice(0, 4)}`);
  const time = (fn: () => unknown): number => {
    const t = now();
    fn();
    return now() - t;
  };
  // one warm-up each, outside the figures
  searchSubjects(r, searchInput.parse({ query: 'warm', includeItemText: true }), NOW);
  const name = nameQueries.map((q) => time(() => searchSubjects(r, searchInput.parse({ query: q, includeItemText: false }), NOW)));
  const text = textQueries.map((q) => time(() => searchSubjects(r, searchInput.parse({ query: q, includeItemText: true }), NOW)));
  const ids = r.all<{ id: string }>('SELECT id FROM subjects WHERE deleted_at IS NULL').map((x) => x.id);
  const page: number[] = [];
  for (let i = 0; i < 300; i++) {
    const id = p.pick(ids);
    page.push(time(() => getSubject(r, id, NOW)));
  }
  return {
    search_name_p50_ms: pct(name, 50),
    search_name_p95_ms: pct(name, 95),
    search_text_p50_ms: pct(text, 50),
    search_text_p95_ms: pct(text, 95),
    subject_page_p50_ms: pct(page, 50),
    subject_page_p95_ms: pct(page, 95),
    subjects: ids.length,
  };
}

async function main(): Promise<void> {
  const mode = process.argv[3] ?? 'build';
  const root = process.argv[4] ?? '';
  const out = mode === 'build' ? await build(root) : mode === 'load' ? await load(root) : await work(root, mode);
  const rounded = Object.fromEntries(Object.entries(out).map(([k, v]) => [k, round(v)]));
  process.stdout.write(`${JSON.stringify(rounded)}\n`);
}

void main();
