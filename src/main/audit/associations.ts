import { randomUUID } from 'node:crypto';
import { associationDeclaration, associationWithdrawal } from '../../shared/channels/audit';
import { MappaError, parseOrRefuse } from '../../shared/errors';
import type { Reader, Writer } from '../db/types';
import { openAlertsFor } from './associationAlerts';
import { compareNames } from './nameMatch';
import { acted, type Acted, type AuditActor } from './types';

// Declared (notifiable) associations. APP counter-corruption case study: an officer
// failed to declare their partner and then read incident logs about them. Users declare
// the people they are linked to; opening a subject who matches an active declaration is
// blocked and raises an alert for the IG lead, unless an exception has been granted.
// Every act here returns its audit entry; session.act commits it with the act's own row.

export interface AssociationDeclaration {
  id: string;
  userId: string;
  /** Full names and aliases the person is known by. */
  names: string[];
  dateOfBirth: string | null;
  relationship: string;
  declaredAt: string;
  withdrawnAt: string | null;
}

export interface MatchableSubject {
  /** Full name and every alias. */
  names: string[];
  dateOfBirth: string | null;
}

function problem(code: string, message: string, field?: string): MappaError {
  return new MappaError(code, message, field);
}

function requireUser(actor: AuditActor): string {
  if (actor.userId === null) throw problem('not_allowed', 'Only a register user with an office can do this.');
  return actor.userId;
}

type DeclarationRow = {
  id: string;
  user_id: string;
  names: string;
  date_of_birth: string | null;
  relationship: string;
  declared_at: string;
  withdrawn_at: string | null;
};

function toDeclaration(row: DeclarationRow): AssociationDeclaration {
  const names: unknown = JSON.parse(row.names);
  return {
    id: row.id,
    userId: row.user_id,
    names: Array.isArray(names) ? names.filter((n): n is string => typeof n === 'string') : [],
    dateOfBirth: row.date_of_birth,
    relationship: row.relationship,
    declaredAt: row.declared_at,
    withdrawnAt: row.withdrawn_at,
  };
}

/**
 * The acting user declares an association with someone (names and aliases, DOB if known).
 * Checked with the contract's own schema, so the rules and their sentences are the same
 * whichever way the declaration arrives.
 */
export function declareAssociation(
  w: Writer,
  input: { actor: AuditActor; names: readonly string[]; dateOfBirth: string | null; relationship: string; at: string },
): Acted<AssociationDeclaration> {
  const userId = requireUser(input.actor);
  const parsed = parseOrRefuse(associationDeclaration, { names: input.names, dateOfBirth: input.dateOfBirth, relationship: input.relationship }, 'the declaration');
  const names = [...new Set(parsed.names)];
  const declaration: AssociationDeclaration = {
    id: randomUUID(),
    userId,
    names,
    dateOfBirth: parsed.dateOfBirth,
    relationship: parsed.relationship,
    declaredAt: input.at,
    withdrawnAt: null,
  };
  w.run(
    'INSERT INTO declared_associations (id, user_id, names, date_of_birth, relationship, declared_at) VALUES (?, ?, ?, ?, ?, ?)',
    [declaration.id, userId, JSON.stringify(names), declaration.dateOfBirth, declaration.relationship, input.at],
  );
  // The names stay in the declaration; the audit entry carries only its id.
  return acted(declaration, { action: 'association_declare', details: { associationId: declaration.id } });
}

/** Withdraws a declaration (recorded with its reason; the declaration is kept). */
export function withdrawAssociation(w: Writer, input: { actor: AuditActor; associationId: string; reason: string; at: string }): Acted<void> {
  const { reason } = parseOrRefuse(associationWithdrawal, { id: input.associationId, reason: input.reason }, 'the withdrawal');
  const row = w.get<{ user_id: string; withdrawn_at: string | null }>(
    'SELECT user_id, withdrawn_at FROM declared_associations WHERE id = ?',
    [input.associationId],
  );
  if (row === undefined) throw problem('not_found', 'That declaration is not in this register.');
  if (row.user_id !== input.actor.userId) throw problem('not_found', 'That declaration is not in this register.');
  if (row.withdrawn_at !== null) throw problem('already_withdrawn', 'That declaration has already been withdrawn.');
  // Withdrawing while an alert raised under the declaration is still open is allowed (a
  // declaration can be wrong) but flagged: the entry names the open alerts, and the IG
  // lead's alert list says the declaration was withdrawn while the alert was open.
  const openAlerts = openAlertsFor(w, input.associationId);
  w.run('UPDATE declared_associations SET withdrawn_at = ?, withdrawn_reason = ? WHERE id = ?', [input.at, reason, input.associationId]);
  return acted(undefined, {
    action: 'association_withdraw',
    reason,
    details: { associationId: input.associationId, declaredBy: row.user_id, ...(openAlerts.length === 0 ? {} : { openAlerts }) },
  });
}

export function listAssociations(r: Reader, userId: string, opts: { includeWithdrawn?: boolean } = {}): AssociationDeclaration[] {
  const active = opts.includeWithdrawn === true ? '' : 'AND withdrawn_at IS NULL';
  return r
    .all<DeclarationRow>(
      `SELECT id, user_id, names, date_of_birth, relationship, declared_at, withdrawn_at FROM declared_associations
       WHERE user_id = ? ${active} ORDER BY declared_at, id`,
      [userId],
    )
    .map(toDeclaration);
}

/**
 * The first active declaration that names this subject, or null. A match needs a name
 * match against the subject's name or any alias, and the same date of birth when both
 * have one. Without both dates of birth only a strong name match counts.
 */
export function matchAssociation(
  subject: MatchableSubject,
  declarations: readonly AssociationDeclaration[],
): AssociationDeclaration | null {
  for (const d of declarations) {
    if (d.withdrawnAt !== null) continue;
    const bothDated = d.dateOfBirth !== null && subject.dateOfBirth !== null;
    if (bothDated && d.dateOfBirth !== subject.dateOfBirth) continue;
    const needed = bothDated ? ['strong', 'fuzzy'] : ['strong'];
    for (const declared of d.names) {
      if (subject.names.some((name) => needed.includes(compareNames(declared, name)))) return d;
    }
  }
  return null;
}

/** A subject's full name and aliases, as matching needs them. */
export function matchableSubject(r: Reader, subjectId: string): MatchableSubject {
  const s = r.get<{ given_name: string; family_name: string; date_of_birth: string | null }>(
    'SELECT given_name, family_name, date_of_birth FROM subjects WHERE id = ?',
    [subjectId],
  );
  if (s === undefined) throw problem('not_found', 'That subject is not in this register.');
  const aliases = r.all<{ alias: string }>('SELECT alias FROM subject_aliases WHERE subject_id = ? ORDER BY alias', [subjectId]);
  return { names: [`${s.given_name} ${s.family_name}`, ...aliases.map((a) => a.alias)], dateOfBirth: s.date_of_birth };
}

export type SubjectAccess = { allowed: true } | { allowed: false; association: AssociationDeclaration };

/** Blocked when the subject matches one of the user's active declarations and no exception exists. */
export function checkSubjectAccess(r: Reader, input: { userId: string; subjectId: string }): SubjectAccess {
  const declarations = listAssociations(r, input.userId);
  if (declarations.length === 0) return { allowed: true };
  const association = matchAssociation(matchableSubject(r, input.subjectId), declarations);
  if (association === null) return { allowed: true };
  const exception = r.get('SELECT id FROM association_exceptions WHERE user_id = ? AND subject_id = ? LIMIT 1', [input.userId, input.subjectId]);
  return exception === undefined ? { allowed: false, association } : { allowed: true };
}

export { closeAlert, grantException, hasOpenAlert, listAlerts, openAlertsFor, recordAssociationAlert } from './associationAlerts';
export type { AssociationAlert, AssociationException } from './associationAlerts';
