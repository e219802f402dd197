// One sql.js instance per open database, so locking can end the database's memory.
//
// sql.js loads once per process (its initSqlJs caches the module), and the SQLite in it
// keeps register data in two places: the WebAssembly heap (page cache, statements, the
// rollback journal and temp store, which PRAGMAs in sqlite.ts keep in memory) and the
// database file itself, which Emscripten's in-memory file system holds as a JS Uint8Array.
// Here each database gets its own instance: the glue script is evaluated afresh (compiled
// once) over the WebAssembly module (compiled once from bytes read once; code, not data),
// and the database file is an array this module allocates and hands to the file system.
// close() zeroes both and drops every reference, so nothing of the register outlives it.
import * as nodeCrypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vm from 'node:vm';
import type initSqlJs from 'sql.js';

type SqlJsStatic = initSqlJs.SqlJsStatic;
type Database = initSqlJs.Database;
type InitSqlJs = (config?: initSqlJs.SqlJsConfig) => Promise<SqlJsStatic>;
type Glue = (exports: unknown, require: (id: string) => unknown, module: { exports: unknown }, filename: string, dirname: string) => void;

/**
 * Room for the database to grow in before the file system would copy it to an array of its
 * own (which could then only be released, not zeroed). Untouched pages of a zero-filled
 * array are not committed, so the room costs address space, not memory.
 */
const MIN_HEADROOM = 64 * 1024 * 1024;

interface Compiled {
  glue: Glue;
  glueFile: string;
  wasm: WebAssembly.Module;
}

const PAGE = 4096;
const ZERO_PAGE = new Uint8Array(PAGE);

/**
 * Zeroes `bytes`, skipping pages that are zero already: reading an untouched page commits no
 * memory, writing one does, and most of a fresh instance's heap was never touched.
 */
export function zeroTouchedPages(bytes: Uint8Array): void {
  for (let at = 0; at < bytes.length; at += PAGE) {
    const page = bytes.subarray(at, Math.min(at + PAGE, bytes.length));
    if (Buffer.compare(page, ZERO_PAGE.subarray(0, page.length)) !== 0) page.fill(0);
  }
}

let compiled: Promise<Compiled> | undefined;
let emptyImage: Promise<Uint8Array> | undefined;

function compile(): Promise<Compiled> {
  compiled ??= (async () => {
    // In Node sql.js's main file is dist/sql-wasm.js, with sql-wasm.wasm beside it (never
    // bundled: the main build keeps node_modules external; fs reads inside app.asar too).
    const glueFile = require.resolve('sql.js');
    const source = await fs.promises.readFile(glueFile, 'utf8');
    const glue = vm.compileFunction(source, ['exports', 'require', 'module', '__filename', '__dirname'], { filename: glueFile }) as Glue;
    const wasm = await WebAssembly.compile(await fs.promises.readFile(path.join(path.dirname(glueFile), 'sql-wasm.wasm')));
    return { glue, glueFile, wasm };
  })();
  compiled.catch(() => {
    compiled = undefined;
  });
  return compiled;
}

/** The glue asks for these two Node modules and nothing else; anything new fails loudly. */
function glueRequire(id: string): unknown {
  if (id === 'node:fs' || id === 'fs') return fs;
  if (id === 'node:crypto' || id === 'crypto') return nodeCrypto;
  throw new Error(`sql.js asked for an unexpected module: ${id}`);
}

async function freshModule(): Promise<{ SQL: SqlJsStatic; memory: WebAssembly.Memory }> {
  const { glue, glueFile, wasm } = await compile();
  const module: { exports: unknown } = { exports: {} };
  glue(module.exports, glueRequire, module, glueFile, path.dirname(glueFile));
  const init = module.exports as InitSqlJs;
  let memory: WebAssembly.Memory | undefined;
  const SQL = await init({
    instantiateWasm(imports, receive) {
      const instance = new WebAssembly.Instance(wasm, imports);
      memory = Object.values(instance.exports).find((e): e is WebAssembly.Memory => e instanceof WebAssembly.Memory);
      receive(instance);
      return {}; // Emscripten: instantiation is under way
    },
  });
  if (memory === undefined) throw new Error('sql.js exported no memory.');
  return { SQL, memory };
}

/** An empty database file (no register data), so even a new database lives in our own array. */
function emptyDatabaseImage(): Promise<Uint8Array> {
  emptyImage ??= (async () => {
    const { SQL } = await freshModule();
    const db = new SQL.Database();
    try {
      db.exec('PRAGMA user_version = 0'); // writes page 1
      return db.export();
    } finally {
      db.close();
    }
  })();
  emptyImage.catch(() => {
    emptyImage = undefined;
  });
  return emptyImage;
}

export interface InstanceMemory {
  /** The instance's WebAssembly heap. */
  heap: Uint8Array;
  /** The database file's array. */
  file: Uint8Array;
  /** False if the file system moved the file to an array of its own (see MIN_HEADROOM). */
  fileStayedInPlace: boolean;
}

export interface WipeObserver {
  /** Called as close() begins, with the memory about to be zeroed. */
  beforeWipe?(memory: InstanceMemory): void;
  /** Called after zeroing, with the same (now zeroed) buffers. */
  afterWipe?(memory: InstanceMemory): void;
}

let wipeObserver: WipeObserver | undefined;

/**
 * Tests only: lets a test look inside each instance's memory as it is closed, before and
 * after the wipe. Nothing is kept when no observer is set.
 */
export function observeWipesForTests(observer: WipeObserver | undefined): void {
  wipeObserver = observer;
}

/**
 * Opens the file `file[0, length)` so that it stays in `file`: Emscripten's MEMFS stores a
 * first write to an empty file as `data.slice(...)`, and answering that slice with `file`
 * makes it the file's storage, written in place as SQLite commits. (A function of its own so
 * the slice hook's closure dies with the view it is set on.)
 */
function openInPlace(SQL: SqlJsStatic, file: Uint8Array, length: number): { db: Database; inPlace: boolean } {
  let inPlace = false;
  const first = file.subarray(0, length);
  Object.defineProperty(first, 'slice', {
    value: () => {
      inPlace = true;
      return file;
    },
  });
  const db = new SQL.Database(first);
  return { db, inPlace };
}

/** A database in a sql.js instance of its own; close() ends the instance's memory. */
export class SqlJsDatabase {
  private database: Database | undefined;
  private memory: WebAssembly.Memory | undefined;
  private file: Uint8Array | undefined;
  private readonly inPlace: boolean;
  private readonly openedLength: number;

  private constructor(database: Database, memory: WebAssembly.Memory, file: Uint8Array, inPlace: boolean, openedLength: number) {
    this.database = database;
    this.memory = memory;
    this.file = file;
    this.inPlace = inPlace;
    this.openedLength = openedLength;
  }

  /** Opens `bytes` (or a new, empty database) in a fresh instance. The caller keeps `bytes`. */
  static async open(bytes?: Uint8Array): Promise<SqlJsDatabase> {
    const image = bytes ?? (await emptyDatabaseImage());
    const { SQL, memory } = await freshModule();
    const file = new Uint8Array(image.length + Math.max(MIN_HEADROOM, Math.ceil(image.length / 4)));
    file.set(image);
    try {
      const { db, inPlace } = openInPlace(SQL, file, image.length);
      // If sql.js stops storing the file as above, the array holds only a stale copy.
      if (!inPlace) file.fill(0, 0, image.length);
      return new SqlJsDatabase(db, memory, file, inPlace, image.length);
    } catch (e) {
      zeroTouchedPages(new Uint8Array(memory.buffer));
      file.fill(0, 0, image.length);
      throw e;
    }
  }

  get db(): Database {
    if (this.database === undefined) throw new Error('The database is closed.');
    return this.database;
  }

  /**
   * The database file as it is now, without copying it (the array SQLite writes in place),
   * or null when it is not in place. Only valid until the next write: a caller encrypts it
   * at once (a snapshot), and must not change or zero it.
   */
  imageView(): Uint8Array | null {
    const { database, file } = this;
    if (database === undefined || file === undefined || !this.inPlace) return null;
    const r = database.exec('PRAGMA page_count; PRAGMA page_size');
    const size = Number(r[0]?.values[0]?.[0] ?? 0) * Number(r[1]?.values[0]?.[0] ?? 0);
    return size > 0 && size <= file.length ? file.subarray(0, size) : null;
  }

  /** Tests only: the live heap and file of an open database. */
  memoryForTests(): { heap: Uint8Array; file: Uint8Array } {
    if (this.memory === undefined || this.file === undefined) throw new Error('The database is closed.');
    return { heap: new Uint8Array(this.memory.buffer), file: this.file };
  }

  /** Closes the database, zeroes its heap and file, and drops every reference to them. */
  close(): void {
    const { database, memory, file } = this;
    if (database === undefined || memory === undefined || file === undefined) return;
    this.database = undefined;
    this.memory = undefined;
    this.file = undefined;
    let fileBytes = file.length;
    try {
      const r = database.exec('PRAGMA page_count; PRAGMA page_size');
      fileBytes = Number(r[0]?.values[0]?.[0] ?? 0) * Number(r[1]?.values[0]?.[0] ?? 0);
    } catch {
      // a failed query must not stop the wipe; zero the whole array instead
    }
    const fileStayedInPlace = this.inPlace && fileBytes <= file.length;
    try {
      database.close();
    } finally {
      // memory.buffer is the current buffer (the heap may have grown since open).
      wipeObserver?.beforeWipe?.({ heap: new Uint8Array(memory.buffer), file, fileStayedInPlace });
      const heap = new Uint8Array(memory.buffer);
      zeroTouchedPages(heap);
      // Only the used part of the file array: the rest was never written.
      zeroTouchedPages(file.subarray(0, Math.min(file.length, Math.max(fileBytes, this.openedLength))));
      wipeObserver?.afterWipe?.({ heap, file, fileStayedInPlace });
    }
  }
}

/** Compiles sql.js ahead of the first open (the bench keeps this out of its timings). */
export async function prepareSqlJs(): Promise<void> {
  await compile();
  await emptyDatabaseImage();
}
