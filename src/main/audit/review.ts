import { londonDayEnd, londonDayStart } from '../../shared/calendar';
import type { Reader, SqlValue } from '../db/types';
import { selectAuditRecords, toEntry } from './log';
import type { AuditAction, AuditEntry } from './types';

// Reviewing the audit trail: filtered pages for the IG lead, and the pattern the APP
// counter-corruption case study describes (repeated looks at one person's record by
// someone with no part in their case).

export interface AuditFilter {
  userId?: string;
  subjectId?: string;
  actions?: readonly AuditAction[];
  /** Inclusive: an ISO time, or a date "YYYY-MM-DD" meaning the start of that day (in England and Wales). */
  from?: string;
  /** Inclusive: an ISO time, or a date "YYYY-MM-DD" meaning the whole of that day (in England and Wales). */
  to?: string;
  limit?: number;
  offset?: number;
}

export interface AuditPage {
  total: number;
  entries: AuditEntry[];
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
/** Screens page 50 at a time; exports take the whole filtered log in one go. */
const MAX_LIMIT = 100_000;

// The screens show London times, so a filter "from 5 June" must include 00:30 BST on
// 5 June (23:30 UTC on 4 June), and "to 5 June" runs to the end of that London day.
export { londonDayStart };

/** Matching entries, newest first, with the total count for paging. */
export function queryAudit(r: Reader, filter: AuditFilter = {}): AuditPage {
  const clauses: string[] = [];
  const params: SqlValue[] = [];
  if (filter.userId !== undefined) {
    clauses.push('actor_user_id = ?');
    params.push(filter.userId);
  }
  if (filter.subjectId !== undefined) {
    // A search or list that showed the subject is about them too (its ids are in its details).
    clauses.push(`(subject_id = ? OR (action IN ('subject_search', 'subject_list') AND instr(details, ?) > 0))`);
    params.push(filter.subjectId, JSON.stringify(filter.subjectId));
  }
  if (filter.actions !== undefined) {
    if (filter.actions.length === 0) return { total: 0, entries: [] };
    clauses.push(`action IN (${filter.actions.map(() => '?').join(', ')})`);
    params.push(...filter.actions);
  }
  if (filter.from !== undefined) {
    clauses.push('at >= ?');
    params.push(DATE_ONLY.test(filter.from) ? londonDayStart(filter.from) : filter.from);
  }
  if (filter.to !== undefined) {
    if (DATE_ONLY.test(filter.to)) {
      clauses.push('at < ?');
      params.push(londonDayEnd(filter.to));
    } else {
      clauses.push('at <= ?');
      params.push(filter.to);
    }
  }
  const where = clauses.length === 0 ? '' : `WHERE ${clauses.join(' AND ')}`;
  const total = r.get<{ n: number }>(`SELECT COUNT(*) AS n FROM audit_log ${where}`, params)?.n ?? 0;
  const limit = Math.max(1, Math.min(MAX_LIMIT, Math.floor(filter.limit ?? 50)));
  const offset = Math.max(0, Math.floor(filter.offset ?? 0));
  const records = selectAuditRecords(r, where, params, `ORDER BY at DESC, seq DESC LIMIT ${limit} OFFSET ${offset}`);
  return { total, entries: records.map(toEntry) };
}

export interface ViewPattern {
  userId: string;
  userName: string;
  subjectId: string;
  subjectName: string;
  views: number;
  firstAt: string;
  lastAt: string;
}

const CASE_WORK: readonly AuditAction[] = ['subject_create', 'subject_edit', 'item_create', 'item_edit'];

/**
 * Users who viewed the same subject at least `minViews` times in the last `windowDays`
 * days with no case role: their office neither leads the case nor owns an item on it,
 * and they never created or edited the subject or one of its items.
 */
export function findPatterns(r: Reader, opts: { now: string; windowDays?: number; minViews?: number }): ViewPattern[] {
  const windowDays = opts.windowDays ?? 30;
  const minViews = opts.minViews ?? 3;
  const since = new Date(Date.parse(opts.now) - windowDays * 86_400_000).toISOString();
  const caseWork = CASE_WORK.map(() => '?').join(', ');
  return r.all<ViewPattern & Record<string, string | number>>(
    `WITH views AS (
       SELECT actor_user_id AS user_id, subject_id, COUNT(*) AS views, MIN(at) AS first_at, MAX(at) AS last_at
       FROM audit_log
       WHERE action = 'subject_view' AND actor_user_id IS NOT NULL AND subject_id IS NOT NULL AND at >= ? AND at <= ?
       GROUP BY actor_user_id, subject_id
       HAVING COUNT(*) >= ?
     )
     SELECT v.user_id AS userId,
            COALESCE(u.user_name, (SELECT actor_user_name FROM audit_log a WHERE a.actor_user_id = v.user_id ORDER BY seq DESC LIMIT 1)) AS userName,
            v.subject_id AS subjectId,
            COALESCE(s.given_name || ' ' || s.family_name, '') AS subjectName,
            v.views AS views, v.first_at AS firstAt, v.last_at AS lastAt
     FROM views v
     LEFT JOIN users u ON u.id = v.user_id
     LEFT JOIN subjects s ON s.id = v.subject_id
     WHERE NOT (u.office_id IS NOT NULL AND u.office_id IS s.lead_office_id)
       AND NOT EXISTS (SELECT 1 FROM items i WHERE i.subject_id = v.subject_id AND i.owner_office_id = u.office_id)
       AND NOT EXISTS (
         SELECT 1 FROM audit_log c
         WHERE c.actor_user_id = v.user_id AND c.action IN (${caseWork})
           AND (c.subject_id = v.subject_id
                OR EXISTS (SELECT 1 FROM items i2, json_each(c.item_ids) j WHERE i2.id = j.value AND i2.subject_id = v.subject_id))
       )
     ORDER BY v.views DESC, v.last_at DESC`,
    [since, opts.now, minViews, ...CASE_WORK],
  );
}
