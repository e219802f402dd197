import type { AlertView, AuditEntryView, AuditFilterInput } from '../../shared/contract';
import { AUDIT_ACTION_LABELS } from '../../shared/auditActions';
import type { Reader } from '../db/types';
import { listAlerts } from './associationAlerts';
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

export function alertViews(r: Reader, status: 'open' | 'closed' | null): AlertView[] {
  return listAlerts(r, status === null ? {} : { status }).map((alert) => ({
    id: alert.id,
    userId: alert.userId,
    userName: userName(r, alert.userId),
    subjectId: alert.subjectId,
    subjectName: subjectName(r, alert.subjectId) ?? 'A deleted subject',
    relationship: r.get<{ relationship: string }>('SELECT relationship FROM declared_associations WHERE id = ?', [alert.associationId])?.relationship ?? '',
    at: alert.at,
    status: alert.status,
    closedBy: alert.closedBy === null ? null : userName(r, alert.closedBy),
    closedAt: alert.closedAt,
    outcome: alert.outcome,
    exceptionGranted: r.get<{ n: number }>('SELECT count(*) AS n FROM association_exceptions WHERE user_id = ? AND subject_id = ?', [alert.userId, alert.subjectId])?.n !== 0,
  }));
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
