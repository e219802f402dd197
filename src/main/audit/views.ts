import type { AlertView, AuditEntryView, AuditFilterInput } from '../../shared/contract';
import { AUDIT_ACTION_LABELS } from '../../shared/auditActions';
import type { Reader } from '../db/types';
import { formatLondonDateTime } from '../../shared/calendar';
import { ROLES } from '../../shared/permissions';
import { listAlerts } from './associationAlerts';
import { listEscalations } from './escalations';
import type { AuditFilter } from './review';
import type { AuditEntry } from './types';

// The IG lead's review as the screens see it: entries and alerts with the names behind
// the ids, and the filter in words for an export's heading.

function subjectName(r: Reader, id: string | null): string | null {
  if (id === null) return null;
  const row = r.get<{ given_name: string; family_name: string }>('SELECT given_name, family_name FROM subjects WHERE id = ?', [id]);
  return row ? `${row.given_name} ${row.family_name}` : null;
}

function userName(r: Reader, id: string): string {
  return r.get<{ user_name: string }>('SELECT user_name FROM users WHERE id = ?', [id])?.user_name ?? 'Unknown user';
}

export function toFilter(input: AuditFilterInput): AuditFilter {
  return {
    ...(input.userId ? { userId: input.userId } : {}),
    ...(input.subjectId ? { subjectId: input.subjectId } : {}),
    ...(input.actions.length > 0 ? { actions: input.actions } : {}),
    ...(input.from ? { from: input.from } : {}),
    ...(input.to ? { to: input.to } : {}),
    limit: input.limit,
    offset: input.offset,
  };
}

export function entryView(r: Reader, entry: AuditEntry): AuditEntryView {
  return {
    seq: entry.seq,
    at: entry.at,
    userName: entry.actor.userName,
    role: entry.actor.role,
    agency: entry.actor.agency,
    action: entry.action,
    subjectId: entry.subjectId,
    subjectName: subjectName(r, entry.subjectId),
    itemIds: entry.itemIds,
    reason: entry.reason,
    details: entry.details,
  };
}

/**
 * The alerts an IG lead reviews: association alerts and role escalations, newest first.
 * An escalation about the viewer, or one the viewer made, is left out: they may not close
 * it (someone else reviews it) and showing it would only say "wait".
 */
export function alertViews(r: Reader, status: 'open' | 'closed' | null, viewerId: string | null = null): AlertView[] {
  const associations = listAlerts(r, status === null ? {} : { status }).map((alert): AlertView => {
    const declaration = r.get<{ relationship: string; withdrawn_at: string | null }>('SELECT relationship, withdrawn_at FROM declared_associations WHERE id = ?', [alert.associationId]);
    const who = userName(r, alert.userId);
    const subject = subjectName(r, alert.subjectId) ?? 'A deleted subject';
    // Withdrawn while the alert was open (issue 9): allowed, but the IG lead must see it.
    const withdrawn = declaration?.withdrawn_at ?? null;
    const whileOpen = withdrawn !== null && withdrawn >= alert.at && (alert.closedAt === null || withdrawn <= alert.closedAt) ? withdrawn : null;
    return {
      id: alert.id,
      kind: 'association',
      summary:
        `${who} tried to reach the record of ${subject}, who matches a person they declared an association with.` +
        (whileOpen === null ? '' : ` They withdrew that declaration on ${formatLondonDateTime(whileOpen)}, while this alert was open.`),
      userId: alert.userId,
      userName: who,
      subjectId: alert.subjectId,
      subjectName: subject,
      relationship: declaration?.relationship ?? '',
      declarationWithdrawnAt: whileOpen,
      at: alert.at,
      status: alert.status,
      closedBy: alert.closedBy === null ? null : userName(r, alert.closedBy),
      closedAt: alert.closedAt,
      outcome: alert.outcome,
      exceptionGranted: r.get<{ n: number }>('SELECT count(*) AS n FROM association_exceptions WHERE user_id = ? AND subject_id = ?', [alert.userId, alert.subjectId])?.n !== 0,
    };
  });
  const escalations = listEscalations(r)
    .filter((e) => (status === null || e.status === status) && (viewerId === null || (e.userId !== viewerId && e.byUserId !== viewerId)))
    .map((e): AlertView => {
      const change = [
        ...(e.fromRole === e.toRole ? [] : [`the ${ROLES[e.toRole]} role`]),
        ...(e.administratorGranted ? ['administrator rights (can manage users)'] : []),
      ].join(' and ');
      return {
        id: e.id,
        kind: 'role_escalation',
        summary: `${e.byUserName} gave ${e.userName} ${change}${e.fromRole === null ? ' as a new user' : e.fromRole === e.toRole ? '' : ` (was ${ROLES[e.fromRole]})`}.`,
        userId: e.userId,
        userName: e.userName,
        subjectId: null,
        subjectName: change,
        relationship: `Given by ${e.byUserName}`,
        declarationWithdrawnAt: null,
        at: e.at,
        status: e.status,
        closedBy: e.closedBy,
        closedAt: e.closedAt,
        outcome: e.outcome,
        exceptionGranted: false,
      };
    });
  return [...associations, ...escalations].sort((a, b) => b.at.localeCompare(a.at) || a.id.localeCompare(b.id));
}

/** The filter in words, for the export's heading. Names only what the filter names. */
export function describeFilter(r: Reader, input: AuditFilterInput): string {
  const parts: string[] = [];
  if (input.userId) parts.push(`by ${userName(r, input.userId)}`);
  if (input.subjectId) parts.push(`about ${subjectName(r, input.subjectId) ?? 'a deleted subject'}`);
  if (input.actions.length > 0) parts.push(input.actions.map((a) => AUDIT_ACTION_LABELS[a]).join(', '));
  if (input.from) parts.push(`from ${input.from}`);
  if (input.to) parts.push(`to ${input.to}`);
  return parts.length > 0 ? parts.join('; ') : 'all entries';
}
