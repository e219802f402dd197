// sql.js wrapper: one in-memory SQLite database. Knows nothing about files or keys.
// Each database runs in a sql.js instance of its own, whose memory close() zeroes and
// releases (sqlJsInstance.ts): locking ends the database's memory, not only its handle.
import type initSqlJs from 'sql.js';
import { SqlJsDatabase } from './sqlJsInstance';
import type { Reader, Row, SqlParams, SqlValue } from './types';

type Database = initSqlJs.Database;
type BindParams = initSqlJs.BindParams;
type Statement = initSqlJs.Statement;

const STATEMENT_CACHE_SIZE = 256;

/** Re-applied after opening and after every export() (sql.js reopens the database and resets pragmas). */
// secure_delete: a disposed record's bytes are overwritten, not left in free pages that the
// next snapshot would carry.
// journal_mode MEMORY and temp_store MEMORY: the rollback journal and temp tables live in the
// WebAssembly heap, which close() zeroes, not in files of sql.js's file system (JS arrays
// that could only be released). The register's own journal gives durability, not SQLite's.
const PRAGMAS =
  'PRAGMA trusted_schema = OFF; PRAGMA foreign_keys = ON; PRAGMA secure_delete = ON; PRAGMA journal_mode = MEMORY; PRAGMA temp_store = MEMORY; PRAGMA query_only = ON;';

const READ_ONLY = /^\s*(SELECT|WITH|VALUES)\b/i;
const FORBIDDEN_IN_COMMIT = /^\s*(BEGIN|COMMIT|END|ROLLBACK|SAVEPOINT|RELEASE|PRAGMA|ATTACH|DETACH|VACUUM)\b/i;

function toBind(params: SqlParams | null | undefined): BindParams {
  if (params === undefined || params === null) return null;
  return params as BindParams;
}

/** A named parameter as SQLite spells one; anything else (e.g. "__proto__") would not survive the journal. */
const PARAM_NAME = /^[:@$][A-Za-z_][A-Za-z0-9_]*$/;

export function checkParams(params: SqlParams | null | undefined): void {
  if (params === undefined || params === null) return;
  if (!Array.isArray(params)) {
    for (const key of Object.keys(params)) {
      if (!PARAM_NAME.test(key)) throw new TypeError(`"${key}" is not an SQL parameter name: use :name, @name or $name.`);
    }
  }
  const values: SqlValue[] = Array.isArray(params)
    ? (params as readonly SqlValue[]).slice()
    : Object.values(params as Readonly<Record<string, SqlValue>>);
  for (const v of values) {
    const ok = v === null || typeof v === 'string' || v instanceof Uint8Array || (typeof v === 'number' && Number.isFinite(v));
    if (!ok) throw new TypeError('SQL parameters must be strings, finite numbers, null or Uint8Array.');
  }
}

export class SqlDb {
  private instance: SqlJsDatabase | undefined;
  private db: Database | undefined;
  private inTransaction = false;
  /** Prepared statements by SQL text (commits, replay and screens repeat the same few). */
  private readonly cache = new Map<string, Statement>();
  readonly reader: Reader;

  private constructor(instance: SqlJsDatabase) {
    this.instance = instance;
    this.db = instance.db;
    this.db.exec(PRAGMAS);
    this.reader = {
      all: <T extends Row = Row>(sql: string, params?: SqlParams) => this.select<T>(sql, params),
      get: <T extends Row = Row>(sql: string, params?: SqlParams): T | undefined => this.select<T>(sql, params, 1)[0],
    };
  }

  /** Opens a copy of `bytes` (or a new, empty database); the caller may zero `bytes` afterwards. */
  static async open(bytes?: Uint8Array): Promise<SqlDb> {
    const instance = await SqlJsDatabase.open(bytes);
    try {
      return new SqlDb(instance);
    } catch (e) {
      instance.close();
      throw e;
    }
  }

  private get handle(): Database {
    if (this.db === undefined) throw new Error('The database is closed.');
    return this.db;
  }

  /** Runs a read-only query. */
  select<T extends Row>(sql: string, params?: SqlParams, limit = Infinity): T[] {
    if (!READ_ONLY.test(sql)) throw new TypeError('Reader only runs SELECT, WITH or VALUES queries.');
    checkParams(params);
    // Reads reuse prepared statements too: compiling a query cost more than running most.
    const stmt = this.prepareOne(sql);
    try {
      stmt.bind(toBind(params));
      const rows: T[] = [];
      while (rows.length < limit && stmt.step()) rows.push(stmt.getAsObject() as T);
      return rows;
    } finally {
      stmt.reset();
    }
  }

  /**
   * Runs exactly one statement (refusing a string holding several, so what is journaled is
   * exactly what ran). `internal` allows PRAGMAs, for migrations and replay.
   */
  runOne(sql: string, params: SqlParams | null | undefined, internal = false): void {
    if (!this.inTransaction) throw new Error('Statements that change data run only inside a commit.');
    if (!internal && FORBIDDEN_IN_COMMIT.test(sql)) {
      throw new TypeError('Transaction control, PRAGMA, ATTACH and VACUUM are not allowed inside a commit.');
    }
    checkParams(params);
    const stmt = this.prepareOne(sql);
    try {
      stmt.bind(toBind(params));
      while (stmt.step()) {
        // statements such as INSERT ... RETURNING yield rows; drain them
      }
    } finally {
      stmt.reset();
    }
  }

  private prepareOne(sql: string): Statement {
    const cached = this.cache.get(sql);
    if (cached !== undefined) {
      this.cache.delete(sql);
      this.cache.set(sql, cached); // most recently used last
      return cached;
    }
    const it = this.handle.iterateStatements(sql);
    const first = it.next();
    if (first.done) throw new TypeError('No SQL statement given.');
    if (it.getRemainingSQL().trim() !== '') {
      first.value.free();
      throw new TypeError('Run one SQL statement at a time.');
    }
    this.cache.set(sql, first.value);
    if (this.cache.size > STATEMENT_CACHE_SIZE) {
      const [oldest, stmt] = this.cache.entries().next().value ?? [];
      if (oldest !== undefined) this.cache.delete(oldest);
      stmt?.free();
    }
    return first.value;
  }

  private clearCache(): void {
    for (const stmt of this.cache.values()) stmt.free();
    this.cache.clear();
  }

  begin(): void {
    if (this.inTransaction) throw new Error('A commit is already in progress.');
    this.handle.exec('PRAGMA query_only = OFF; BEGIN;');
    this.inTransaction = true;
  }

  commit(): void {
    this.handle.exec('COMMIT; PRAGMA query_only = ON;');
    this.inTransaction = false;
  }

  rollback(): void {
    const db = this.handle;
    try {
      db.exec('ROLLBACK');
    } catch {
      // no transaction was open (SQLite may already have rolled back on error)
    }
    db.exec('PRAGMA query_only = ON;');
    this.inTransaction = false;
  }

  get transactionOpen(): boolean {
    return this.inTransaction;
  }

  userVersion(): number {
    const r = this.handle.exec('PRAGMA user_version');
    const v = r[0]?.values[0]?.[0];
    return typeof v === 'number' ? v : 0;
  }

  /** A copy of the database file; pragmas are re-applied afterwards. */
  export(): Uint8Array {
    if (this.inTransaction) throw new Error('Cannot export during a commit.');
    this.clearCache(); // export() frees every prepared statement
    const bytes = this.handle.export();
    this.handle.exec(PRAGMAS);
    return bytes;
  }

  /**
   * Runs `use` on the database file as it is now: the live array itself where SQLite keeps
   * it in place (no copy of the whole register in memory at a snapshot), else a copy that
   * is zeroed afterwards. `use` must not keep, change or zero what it is given.
   */
  withImage<T>(use: (bytes: Uint8Array) => T): T {
    if (this.inTransaction) throw new Error('Cannot read the file during a commit.');
    const view = this.instance?.imageView() ?? null;
    if (view !== null) return use(view);
    const copy = this.export();
    try {
      return use(copy);
    } finally {
      copy.fill(0);
    }
  }

  /** Tests only: the live heap and file of this database's instance. */
  memoryForTests(): { heap: Uint8Array; file: Uint8Array } {
    if (this.instance === undefined) throw new Error('The database is closed.');
    return this.instance.memoryForTests();
  }

  /** Closes the database and zeroes its memory; every reference to the instance is dropped. */
  close(): void {
    const instance = this.instance;
    if (instance === undefined) return;
    this.instance = undefined;
    this.db = undefined;
    this.inTransaction = false;
    try {
      this.clearCache();
    } finally {
      instance.close();
    }
  }
}
