import { randomUUID } from 'node:crypto';
import { alertClosure } from '../../shared/channels/audit';
import { MappaError, parseOrRefuse } from '../../shared/errors';
import type { Role } from '../../shared/permissions';
import type { Reader } from '../db/types';
import { queryAudit } from './review';
import { acted, type Acted, type ActEntry, type AuditActor } from './types';

// Role escalation (issue 9): a user given the IG lead or administrator role, or a key
// slot's administrator rights, raises an alert for the IG lead, next to the association
// alerts. The alert tables belong to associations (each row names a declaration), so
// these alerts live in the audit log itself: a 'role_escalation' entry opens one and a
// 'role_escalation_close' entry naming it closes it. The log is append-only and chained,
// so an alert can be neither removed nor quietly closed.
//
// Neither the person given the rights nor the person who gave them may close it: that is
// the review the alert asks for. An alert about the reviewer themselves is not shown to
// them (they could do nothing with it); another IG lead or administrator sees it.

/** The roles whose reach (the whole audit log, retention, every agency's backup) makes giving them an event. */
const WATCHED: readonly Role[] = ['ig_lead', 'administrator'];

export interface RightsChange {
  userId: string;
  userName: string;
  /** null for a new user. */
  fromRole: Role | null;
  toRole: Role;
  fromAdministrator: boolean;
  toAdministrator: boolean;
}

/** The alert's entry, when the change gives more rights; null when it does not. */
export function escalationEntry(change: RightsChange): ActEntry | null {
  const role = WATCHED.includes(change.toRole) && change.fromRole !== change.toRole;
  const rights = change.toAdministrator && !change.fromAdministrator;
  if (!role && !rights) return null;
  return {
    action: 'role_escalation',
    details: {
      alertId: randomUUID(),
      userId: change.userId,
      userName: change.userName,
      fromRole: change.fromRole,
      toRole: change.toRole,
      administratorGranted: rights,
    },
  };
}

export interface EscalationAlert {
  id: string;
  userId: string;
  userName: string;
  byUserId: string | null;
  byUserName: string;
  at: string;
  fromRole: Role | null;
  toRole: Role;
  administratorGranted: boolean;
  status: 'open' | 'closed';
  closedByUserId: string | null;
  closedBy: string | null;
  closedAt: string | null;
  outcome: string | null;
}

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/** Every escalation alert, newest first, with its closure if it has one. */
export function listEscalations(r: Reader): EscalationAlert[] {
  const { entries } = queryAudit(r, { actions: ['role_escalation', 'role_escalation_close'], limit: 100_000 });
  const closures = new Map<string, (typeof entries)[number]>();
  for (const e of entries) {
    const id = str(e.details.alertId);
    if (e.action === 'role_escalation_close' && id !== null && !closures.has(id)) closures.set(id, e);
  }
  const alerts: EscalationAlert[] = [];
  for (const e of entries) {
    const id = str(e.details.alertId);
    if (e.action !== 'role_escalation' || id === null) continue;
    const closed = closures.get(id);
    alerts.push({
      id,
      userId: str(e.details.userId) ?? '',
      userName: str(e.details.userName) ?? 'Unknown user',
      byUserId: e.actor.userId,
      byUserName: e.actor.userName,
      at: e.at,
      fromRole: str(e.details.fromRole) as Role | null,
      toRole: (str(e.details.toRole) ?? 'representative') as Role,
      administratorGranted: e.details.administratorGranted === true,
      status: closed ? 'closed' : 'open',
      closedByUserId: closed?.actor.userId ?? null,
      closedBy: closed?.actor.userName ?? null,
      closedAt: closed?.at ?? null,
      outcome: closed?.reason ?? null,
    });
  }
  return alerts;
}

export function findEscalation(r: Reader, alertId: string): EscalationAlert | undefined {
  return listEscalations(r).find((a) => a.id === alertId);
}

/** The IG lead (or an administrator) closes an escalation alert with what they found. */
export function closeEscalation(r: Reader, input: { alertId: string; closedBy: AuditActor; outcome: string }): Acted<EscalationAlert> {
  const { outcome } = parseOrRefuse(alertClosure, { alertId: input.alertId, outcome: input.outcome }, 'the outcome');
  const alert = findEscalation(r, input.alertId);
  if (alert === undefined) throw new MappaError('not_found', 'That alert is not in this register.');
  if (alert.status === 'closed') throw new MappaError('already_closed', 'That alert has already been closed.');
  if (input.closedBy.userId !== null && input.closedBy.userId === alert.userId) {
    throw new MappaError('conflict_of_interest', 'An alert about you must be closed by someone else.');
  }
  if (input.closedBy.userId !== null && input.closedBy.userId === alert.byUserId) {
    throw new MappaError('conflict_of_interest', 'An alert about a change you made must be closed by someone else.');
  }
  return acted(
    { ...alert, status: 'closed', closedByUserId: input.closedBy.userId, closedBy: input.closedBy.userName, outcome },
    { action: 'role_escalation_close', reason: outcome, details: { alertId: alert.id, userId: alert.userId } },
  );
}
