import { randomUUID } from 'node:crypto';
import { alertClosure, exceptionGrant } from '../../shared/channels/audit';
import { MappaError, parseOrRefuse } from '../../shared/errors';
import type { Reader, Writer } from '../db/types';
import { acted, type Acted, type AuditActor } from './types';

// Alerts raised when a user opens (or tries to open) a subject who matches their own
// declared association, and the exceptions an IG lead may grant. Nobody closes an alert
// about themselves or grants themselves an exception.

export interface AssociationAlert {
  id: string;
  userId: string;
  subjectId: string;
  associationId: string;
  at: string;
  status: 'open' | 'closed';
  closedBy: string | null;
  closedAt: string | null;
  outcome: string | null;
}

export interface AssociationException {
  id: string;
  userId: string;
  subjectId: string;
  grantedBy: string;
  reason: string;
  grantedAt: string;
}

type AlertRow = {
  id: string;
  user_id: string;
  subject_id: string;
  association_id: string;
  at: string;
  status: 'open' | 'closed';
  closed_by: string | null;
  closed_at: string | null;
  outcome: string | null;
};

const ALERT_COLUMNS = 'id, user_id, subject_id, association_id, at, status, closed_by, closed_at, outcome';

function toAlert(row: AlertRow): AssociationAlert {
  return {
    id: row.id,
    userId: row.user_id,
    subjectId: row.subject_id,
    associationId: row.association_id,
    at: row.at,
    status: row.status,
    closedBy: row.closed_by,
    closedAt: row.closed_at,
    outcome: row.outcome,
  };
}

function requireUser(actor: AuditActor): string {
  if (actor.userId === null) throw new MappaError('not_allowed', 'Only a register user with an office can do this.');
  return actor.userId;
}

/** Raises an alert: `actor` opened (or tried to open) a subject matching their declaration. */
export function recordAssociationAlert(
  w: Writer,
  input: { actor: AuditActor; subjectId: string; associationId: string; at: string },
): Acted<AssociationAlert> {
  const userId = requireUser(input.actor);
  const alert: AssociationAlert = {
    id: randomUUID(),
    userId,
    subjectId: input.subjectId,
    associationId: input.associationId,
    at: input.at,
    status: 'open',
    closedBy: null,
    closedAt: null,
    outcome: null,
  };
  w.run(`INSERT INTO association_alerts (id, user_id, subject_id, association_id, at, status) VALUES (?, ?, ?, ?, ?, 'open')`, [
    alert.id,
    userId,
    input.subjectId,
    input.associationId,
    input.at,
  ]);
  return acted(alert, { action: 'association_alert', subjectId: input.subjectId, details: { alertId: alert.id, associationId: input.associationId } });
}

/** The IG lead closes an alert with the outcome of their review. */
export function closeAlert(w: Writer, input: { alertId: string; closedBy: AuditActor; outcome: string; at: string }): Acted<AssociationAlert> {
  const closer = requireUser(input.closedBy);
  const { outcome } = parseOrRefuse(alertClosure, { alertId: input.alertId, outcome: input.outcome }, 'the outcome');
  return closeWith(w, { ...input, outcome }, closer);
}

/** Closes the alert by granting an exception: the exception's reason is the outcome. */
export function closeAlertByException(w: Writer, input: { alertId: string; closedBy: AuditActor; exceptionReason: string; at: string }): Acted<AssociationAlert> {
  return closeWith(w, { ...input, outcome: `Exception granted: ${input.exceptionReason}` }, requireUser(input.closedBy));
}

function closeWith(w: Writer, input: { alertId: string; outcome: string; at: string }, closer: string): Acted<AssociationAlert> {
  const { outcome } = input;
  const row = w.get<AlertRow>(`SELECT ${ALERT_COLUMNS} FROM association_alerts WHERE id = ?`, [input.alertId]);
  if (row === undefined) throw new MappaError('not_found', 'That alert is not in this register.');
  if (row.status === 'closed') throw new MappaError('already_closed', 'That alert has already been closed.');
  if (row.user_id === closer) throw new MappaError('conflict_of_interest', 'An alert about you must be closed by someone else.');
  w.run(`UPDATE association_alerts SET status = 'closed', closed_by = ?, closed_at = ?, outcome = ? WHERE id = ?`, [closer, input.at, outcome, input.alertId]);
  return acted(
    { ...toAlert(row), status: 'closed', closedBy: closer, closedAt: input.at, outcome },
    { action: 'association_alert_close', subjectId: row.subject_id, reason: outcome, details: { alertId: row.id, userId: row.user_id } },
  );
}

/** Lets a user open a subject despite a matching declaration (e.g. a declared link judged not to conflict). */
export function grantException(
  w: Writer,
  input: { userId: string; subjectId: string; grantedBy: AuditActor; reason: string; at: string },
): Acted<AssociationException> {
  const granter = requireUser(input.grantedBy);
  if (granter === input.userId) throw new MappaError('conflict_of_interest', 'You cannot grant yourself an exception. Ask your information governance lead.');
  const { reason } = parseOrRefuse(exceptionGrant.pick({ reason: true }), { reason: input.reason }, 'the exception');
  const exception: AssociationException = {
    id: randomUUID(),
    userId: input.userId,
    subjectId: input.subjectId,
    grantedBy: granter,
    reason,
    grantedAt: input.at,
  };
  w.run('INSERT INTO association_exceptions (id, user_id, subject_id, granted_by, reason, granted_at) VALUES (?, ?, ?, ?, ?, ?)', [
    exception.id,
    exception.userId,
    exception.subjectId,
    granter,
    reason,
    input.at,
  ]);
  return acted(exception, { action: 'association_exception', subjectId: input.subjectId, reason, details: { exceptionId: exception.id, userId: input.userId } });
}

export function listAlerts(r: Reader, filter: { status?: 'open' | 'closed' } = {}): AssociationAlert[] {
  const rows =
    filter.status === undefined
      ? r.all<AlertRow>(`SELECT ${ALERT_COLUMNS} FROM association_alerts ORDER BY at DESC, id`)
      : r.all<AlertRow>(`SELECT ${ALERT_COLUMNS} FROM association_alerts WHERE status = ? ORDER BY at DESC, id`, [filter.status]);
  return rows.map(toAlert);
}

/** Whether `userId` already has an open alert about `subjectId` (a repeated search adds none). */
export function hasOpenAlert(r: Reader, userId: string, subjectId: string): boolean {
  return r.get("SELECT 1 AS one FROM association_alerts WHERE user_id = ? AND subject_id = ? AND status = 'open' LIMIT 1", [userId, subjectId]) !== undefined;
}

/** Open alerts raised under a declaration (withdrawing it while one is open is flagged). */
export function openAlertsFor(r: Reader, associationId: string): string[] {
  return r.all<{ id: string }>("SELECT id FROM association_alerts WHERE association_id = ? AND status = 'open' ORDER BY at, id", [associationId]).map((a) => a.id);
}
