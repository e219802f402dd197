import { CLASSIFICATION as OFFICIAL_SENSITIVE, PRODUCT_NAME } from '../../shared/classification';
import type { AuditEntry } from './types';

// CSV export of audit entries (RFC 4180). The file leaves the register in plaintext at
// the user's request, so it carries the marking, who exported it and when, and no cell
// can run as a spreadsheet formula (OWASP "CSV injection").

export interface ExportContext {
  /** Name of the user exporting. */
  exporter: string;
  /** ISO time of the export. */
  at: string;
  /** The filter that chose these entries, in words ("All entries for Sam Smith, May 2025"). */
  filterDescription: string;
}

const FORMULA_START = /^[=+\-@\t\r]/;

/** Neutralises a cell a spreadsheet would treat as a formula, then quotes if needed. */
export function csvCell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) || safe !== safe.trim() ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvRow(cells: readonly string[]): string {
  return cells.map(csvCell).join(',');
}

export const AUDIT_COLUMNS = ['Entry', 'Time', 'User', 'User ID', 'Role', 'Office ID', 'Agency', 'Action', 'Subject ID', 'Item IDs', 'Reason', 'Details', 'Hash'] as const;

export function auditCells(e: AuditEntry): string[] {
  return [
    String(e.seq),
    e.at,
    e.actor.userName,
    e.actor.userId ?? '',
    e.actor.role ?? '',
    e.actor.officeId ?? '',
    e.actor.agency ?? '',
    e.action,
    e.subjectId ?? '',
    e.itemIds.join(' '),
    e.reason ?? '',
    Object.keys(e.details).length === 0 ? '' : JSON.stringify(e.details),
    e.hash,
  ];
}

export function exportHeading(ctx: ExportContext, count: number): string {
  return `${OFFICIAL_SENSITIVE}. ${PRODUCT_NAME} audit log exported by ${ctx.exporter} at ${ctx.at}. ${count} entr${count === 1 ? 'y' : 'ies'}: ${ctx.filterDescription}.`;
}

/** The entries as CSV: marking line, column headings, one row per entry, marking line. CRLF line ends. */
export function auditCsv(entries: readonly AuditEntry[], ctx: ExportContext): string {
  const lines = [
    csvRow([exportHeading(ctx, entries.length)]),
    csvRow([...AUDIT_COLUMNS]),
    ...entries.map((e) => csvRow(auditCells(e))),
    csvRow([OFFICIAL_SENSITIVE]),
  ];
  return `${lines.join('\r\n')}\r\n`;
}
