// An in-memory register database (the real migrations, no file or keys, so property
// tests stay fast), and a tampering path that goes around the append-only triggers the
// way an attacker holding the database would. Put offices, people, subjects and items in
// it with the builders in ./registerBuilders.ts, which go through the real rules.
import { SqlDb } from '../../src/main/db/sqlite';
import { MIGRATIONS } from '../../src/main/db/migrations';
import { auditMigration } from '../../src/main/db/schema/v3-audit';
import type { Reader, SqlParams, Writer } from '../../src/main/db/types';
import { commitActed } from '../../src/main/access/acting';
import type { Acted, AuditActor } from '../../src/main/audit';

export interface MemoryRegister {
  reader: Reader;
  /** One transaction, rolled back if fn throws (like vault.commit, without the journal). */
  commit<T>(fn: (w: Writer) => T): T;
  /** An act by `actor`, committed with the audit entries it returns, the way session.act does it. */
  act<T>(actor: AuditActor, work: (w: Writer) => Acted<T>, at?: string): T;
  /** Runs statements with the audit triggers dropped, then puts the triggers back. */
  tamper(statements: readonly [string, SqlParams?][]): void;
  close(): void;
}

const AUDIT_TRIGGERS = auditMigration.statements.filter((s) => /CREATE TRIGGER audit_log_/.test(s));
const TRIGGER_NAMES = AUDIT_TRIGGERS.map((s) => /CREATE TRIGGER (\w+)/.exec(s)?.[1] ?? '');

/** SQL that drops the audit log's triggers, runs `statements`, and re-creates them. */
export function tamperStatements(statements: readonly [string, SqlParams?][]): [string, SqlParams?][] {
  return [...TRIGGER_NAMES.map((n): [string] => [`DROP TRIGGER ${n}`]), ...statements, ...AUDIT_TRIGGERS.map((s): [string] => [s])];
}

export async function memoryRegister(): Promise<MemoryRegister> {
  const db = await SqlDb.open();
  const inTransaction = <T>(fn: (w: Writer) => T, internal = false): T => {
    db.begin();
    try {
      const result = fn({ ...db.reader, run: (sql, params) => db.runOne(sql, params, internal) });
      db.commit();
      return result;
    } catch (e) {
      db.rollback();
      throw e;
    }
  };
  for (const m of MIGRATIONS) {
    inTransaction((w) => {
      for (const s of m.statements) w.run(s);
      w.run(`PRAGMA user_version = ${m.version}`);
    }, true);
  }
  const commit = <T>(fn: (w: Writer) => T): T => inTransaction(fn);
  return {
    reader: db.reader,
    commit,
    act: (actor, work, at) => commitActed({ commit }, actor, new Date(at ?? nextTime()), work),
    tamper: (statements) =>
      inTransaction((w) => {
        for (const [sql, params] of tamperStatements(statements)) w.run(sql, params);
      }),
    close: () => db.close(),
  };
}

let clock = Date.parse('2025-05-01T09:00:00.000Z');
/** A fresh, later ISO time on each call. */
export function nextTime(): string {
  clock += 61_000;
  return new Date(clock).toISOString();
}

export function auditCount(r: Reader): number {
  return r.get<{ n: number }>('SELECT COUNT(*) AS n FROM audit_log')?.n ?? 0;
}
