// Builders for audit tests: an in-memory register database (the real migrations, no
// file or keys, so property tests stay fast), people, offices, subjects, items, and a
// tampering path that goes around the append-only triggers the way an attacker holding
// the database would.
import { randomUUID } from 'node:crypto';
import { SqlDb } from '../../../src/main/db/sqlite';
import { MIGRATIONS } from '../../../src/main/db/migrations';
import { auditMigration } from '../../../src/main/db/schema/v3-audit';
import type { Reader, SqlParams, Writer } from '../../../src/main/db/types';
import { commitActed } from '../../../src/main/access/acting';
import type { Acted, AuditActor } from '../../../src/main/audit';
import type { Role } from '../../../src/shared/permissions';
import type { AgencyKindCode } from '../../../src/shared/vocabulary';

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

export function anOffice(w: Writer, opts: { agency?: AgencyKindCode; name?: string } = {}): string {
  const id = randomUUID();
  w.run('INSERT INTO offices (id, name, agency, area, created_at) VALUES (?, ?, ?, ?, ?)', [
    id,
    opts.name ?? `Office ${id.slice(0, 8)}`,
    opts.agency ?? 'police',
    'Avon and Somerset',
    '2025-01-01T00:00:00.000Z',
  ]);
  return id;
}

/** A user in an office; returns the actor they appear as in the audit log. */
export function aUser(w: Writer, opts: { officeId: string; name?: string; role?: Role; agency?: AgencyKindCode }): AuditActor {
  const id = randomUUID();
  const userName = opts.name ?? `User ${id.slice(0, 8)}`;
  const role = opts.role ?? 'representative';
  w.run('INSERT INTO users (id, user_name, office_id, role, created_at) VALUES (?, ?, ?, ?, ?)', [
    id,
    userName,
    opts.officeId,
    role,
    '2025-01-01T00:00:00.000Z',
  ]);
  const agency = w.get<{ agency: AgencyKindCode }>('SELECT agency FROM offices WHERE id = ?', [opts.officeId])?.agency ?? null;
  return { userId: id, userName, role, officeId: opts.officeId, agency };
}

export function aSubject(
  w: Writer,
  opts: { given: string; family: string; dob?: string | null; aliases?: string[]; leadOfficeId?: string | null },
): string {
  const id = randomUUID();
  const t = '2025-01-01T00:00:00.000Z';
  w.run(
    `INSERT INTO subjects (id, kind, given_name, family_name, date_of_birth, lead_office_id, created_at, created_by, updated_at, updated_by)
     VALUES (?, 'nominal', ?, ?, ?, ?, ?, 'builder', ?, 'builder')`,
    [id, opts.given, opts.family, opts.dob ?? null, opts.leadOfficeId ?? null, t, t],
  );
  for (const alias of opts.aliases ?? []) w.run('INSERT INTO subject_aliases (subject_id, alias) VALUES (?, ?)', [id, alias]);
  return id;
}

export function anItem(w: Writer, opts: { subjectId: string; ownerOfficeId: string; value?: string }): string {
  const id = randomUUID();
  const t = '2025-01-01T00:00:00.000Z';
  w.run(
    `INSERT INTO items (id, subject_id, field_kind, value, owner_office_id, provider_name, provider_office_id, received_on,
       classification, no_onward_disclosure, not_to_subject, version, created_at, created_by, updated_at, updated_by)
     VALUES (?, ?, 'risk_factor', ?, ?, 'Provider', ?, '2025-01-01', 'OFFICIAL-SENSITIVE', 0, 0, 1, ?, 'builder', ?, 'builder')`,
    [id, opts.subjectId, opts.value ?? 'Risk factor text', opts.ownerOfficeId, opts.ownerOfficeId, t, t],
  );
  return id;
}

export function auditCount(r: Reader): number {
  return r.get<{ n: number }>('SELECT COUNT(*) AS n FROM audit_log')?.n ?? 0;
}
