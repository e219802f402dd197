import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { AlertView, AuditEntryView, AuditFilterInput } from '../../shared/contract';
import { AUDIT_ACTION_LABELS } from '../../shared/auditActions';
import { MappaError } from '../../shared/errors';
import type { Reader } from '../db/types';
import { auditCsv, auditPdf, listAlerts, queryAudit, recordAuditExport, type AuditEntry, type AuditFilter } from '../audit';
import type { Host } from '../host';
import type { RegisterSession } from './registerSession';

// The IG lead's review: the log filtered, alerts with the names behind the ids, and
// exports of what the filter chose, marked and watermarked with the exporter's name.

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

const EXPORT_LIMIT = 100_000;

export async function exportAudit(session: RegisterSession, host: Host, input: { format: 'csv' | 'pdf'; filter: AuditFilterInput }): Promise<{ file: string | null; entries: number }> {
  const ctx = session.context('audit.review');
  const r = session.vault().reader;
  const page = queryAudit(r, { ...toFilter(input.filter), limit: EXPORT_LIMIT, offset: 0 });
  if (page.total > EXPORT_LIMIT) {
    throw new MappaError('too_many', `That filter chooses ${page.total} entries; narrow it to ${EXPORT_LIMIT} or fewer to export.`);
  }
  const day = ctx.now.toISOString().slice(0, 10);
  const chosen = await host.dialogs.chooseExportFile(input.format, `mappa-audit-${day}.${input.format}`);
  if (chosen === null) return { file: null, entries: 0 };
  const file = path.resolve(chosen);
  const exportCtx = { exporter: ctx.actor.userName, at: ctx.now.toISOString(), filterDescription: describeFilter(r, input.filter) };
  const body = input.format === 'csv' ? Buffer.from(auditCsv(page.entries, exportCtx), 'utf8') : Buffer.from(await auditPdf(page.entries, exportCtx));
  // Promise 3: nothing leaves the register without an audit entry, so it is written first.
  session.act(
    'audit.review',
    (w) => recordAuditExport(w, { actor: { userId: ctx.actor.userId, userName: ctx.actor.userName, role: ctx.actor.role, officeId: ctx.actor.officeId, agency: ctx.actor.agency }, format: input.format, seqs: page.entries.map((e) => e.seq), at: ctx.now.toISOString() }),
    () => [],
  );
  writeFileSync(file, body, { mode: 0o600 });
  return { file, entries: page.entries.length };
}
