import { randomUUID } from 'node:crypto';
import { MappaError } from '../../shared/errors';
import type { Reader, Writer } from '../db/types';
import { appendAudit } from './log';
import type { AuditActor } from './types';

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

function text(value: string, field: string, message: string): string {
  const t = value.trim();
  if (t === '') throw new MappaError('invalid_input', message, field);
  if (t.length > 2000) throw new MappaError('invalid_input', 'Use no more than 2000 characters.', field);
  return t;
}

function requireUser(actor: AuditActor): string {
  if (actor.userId === null) throw new MappaError('not_allowed', 'Only a register user with an office can do this.');
  return actor.userId;
}

/** Raises an alert: `actor` opened (or tried to open) a subject matching their declaration. */
export function recordAssociationAlert(
  w: Writer,
  input: { actor: AuditActor; subjectId: string; associationId: string; at: string },
): AssociationAlert {
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
  appendAudit(
    w,
    { actor: input.actor, action: 'association_alert', subjectId: input.subjectId, details: { alertId: alert.id, associationId: input.associationId } },
    input.at,
  );
  return alert;
}

/** The IG lead closes an alert with the outcome of their review. */
export function closeAlert(w: Writer, input: { alertId: string; closedBy: AuditActor; outcome: string; at: string }): AssociationAlert {
  const closer = requireUser(input.closedBy);
  const outcome = text(input.outcome, 'outcome', 'Record the outcome of your review of this alert.');
  const row = w.get<AlertRow>(`SELECT ${ALERT_COLUMNS} FROM association_alerts WHERE id = ?`, [input.alertId]);
  if (row === undefined) throw new MappaError('not_found', 'That alert is not in this register.');
  if (row.status === 'closed') throw new MappaError('already_closed', 'That alert has already been closed.');
  if (row.user_id === closer) throw new MappaError('conflict_of_interest', 'An alert about you must be closed by someone else.');
  w.run(`UPDATE association_alerts SET status = 'closed', closed_by = ?, closed_at = ?, outcome = ? WHERE id = ?`, [closer, input.at, outcome, input.alertId]);
  appendAudit(
    w,
    { actor: input.closedBy, action: 'association_alert_close', subjectId: row.subject_id, reason: outcome, details: { alertId: row.id, userId: row.user_id } },
    input.at,
  );
  return { ...toAlert(row), status: 'closed', closedBy: closer, closedAt: input.at, outcome };
}

/** Lets a user open a subject despite a matching declaration (e.g. a declared link judged not to conflict). */
export function grantException(
  w: Writer,
  input: { userId: string; subjectId: string; grantedBy: AuditActor; reason: string; at: string },
): AssociationException {
  const granter = requireUser(input.grantedBy);
  if (granter === input.userId) throw new MappaError('conflict_of_interest', 'You cannot grant yourself an exception. Ask your information governance lead.');
  const reason = text(input.reason, 'reason', 'Say why this user may open this record despite the declared association.');
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
  appendAudit(
    w,
    { actor: input.grantedBy, action: 'association_exception', subjectId: input.subjectId, reason, details: { exceptionId: exception.id, userId: input.userId } },
    input.at,
  );
  return exception;
}

export function listAlerts(r: Reader, filter: { status?: 'open' | 'closed' } = {}): AssociationAlert[] {
  const rows =
    filter.status === undefined
      ? r.all<AlertRow>(`SELECT ${ALERT_COLUMNS} FROM association_alerts ORDER BY at DESC, id`)
      : r.all<AlertRow>(`SELECT ${ALERT_COLUMNS} FROM association_alerts WHERE status = ? ORDER BY at DESC, id`, [filter.status]);
  return rows.map(toAlert);
}
