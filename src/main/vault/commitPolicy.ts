// What a format-2 commit may carry, checked when it is written and again when the journal
// is replayed, so a member with the data key cannot get round the app by writing the
// journal with their own tools:
//  - statements that change the schema (CREATE, DROP, ALTER, PRAGMA, ATTACH ...) only in a
//    migration commit, and then exactly that migration's statements;
//  - an audit entry only in the name of the member who signed the commit, signed by them
//    (so nobody can write, or re-hash, an entry in someone else's name).
import type { SqlParams, SqlValue } from '../db/types';
import type { Migration } from '../db/migrations';
import type { Statement } from './journal';

const SCHEMA_CHANGE = /^\s*(CREATE|DROP|ALTER|PRAGMA|ATTACH|DETACH|VACUUM|REINDEX|ANALYZE)\b/i;
const TOUCHES_AUDIT = /\baudit_log\b/i;
const AUDIT_INSERT = /^INSERT INTO audit_log \(seq, at, actor_user_id, actor_user_name, actor_role, actor_office_id, actor_agency, action, subject_id, item_ids, reason, details, prev_hash, hash(, signature)?\) VALUES \(\?(, \?)*\)$/;

export interface CommitAuthor {
  /** The signer's slot id, and whether a user name belongs to them. */
  isAuthor(userName: string): boolean;
  /** True if `signature` is the author's signature over the audit entry hash. */
  signedAudit(hash: string, signature: string): boolean;
}

function param(params: SqlParams | null, i: number): SqlValue | undefined {
  return Array.isArray(params) ? (params as readonly SqlValue[])[i] : undefined;
}

/** The reason a commit is refused, or null if it may be written (or replayed). */
export function commitProblem(statements: readonly Statement[], migration: number | null, migrations: readonly Migration[], author: CommitAuthor): string | null {
  if (migration !== null) {
    const m = migrations.find((x) => x.version === migration);
    if (m === undefined) return `it claims to run migration ${migration}, which this version does not know`;
    const expected = [...m.statements, `PRAGMA user_version = ${m.version}`];
    const ok = statements.length === expected.length && statements.every(([sql, params], i) => sql === expected[i] && (params === null || (Array.isArray(params) && params.length === 0)));
    return ok ? null : `it claims to be migration ${migration} but does not carry exactly that migration's statements`;
  }
  for (const [sql, params] of statements) {
    if (SCHEMA_CHANGE.test(sql)) return 'it changes the structure of the register outside an upgrade';
    if (!TOUCHES_AUDIT.test(sql)) continue;
    if (!AUDIT_INSERT.test(sql.trim())) return 'it changes the audit log other than by adding an entry';
    const userName = param(params, 3);
    const hash = param(params, 13);
    const signature = param(params, 14);
    if (typeof userName !== 'string' || !author.isAuthor(userName)) return 'it adds an audit entry in someone else’s name';
    if (typeof hash !== 'string' || typeof signature !== 'string' || !author.signedAudit(hash, signature)) return 'it adds an audit entry its author did not sign';
  }
  return null;
}
