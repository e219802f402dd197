import { formatLondonTimestamp } from '../../shared/calendar';
import { makeDocument, type TableColumn } from '../documents';
import type { ExportContext } from './exportCsv';
import type { AuditEntry } from './types';

// PDF export of audit entries, made by the one document maker: the marking, the
// watermark naming who exported it and when, page numbers and the embedded font come
// from there; this file says only what the audit log shows.

// Widths are shares of a landscape A4 table, one point each at 7.5pt text: the time
// and the hash fit on one line, an ID on two. Times are London's, as on screen (the CSV
// keeps the exact UTC instants).
const COLUMNS: readonly (TableColumn & { cell: (e: AuditEntry) => string })[] = [
  { title: 'Entry', width: 26, cell: (e) => String(e.seq) },
  { title: 'Time (UK)', width: 93, cell: (e) => formatLondonTimestamp(e.at) },
  { title: 'User', width: 70, cell: (e) => e.actor.userName },
  { title: 'Role / agency', width: 58, cell: (e) => [e.actor.role, e.actor.agency].filter((x) => x !== null).join(' / ') },
  { title: 'Action', width: 60, cell: (e) => e.action },
  { title: 'Subject', width: 73, cell: (e) => e.subjectId ?? '' },
  { title: 'Items', width: 73, cell: (e) => e.itemIds.join(' ') },
  { title: 'Reason', width: 85, cell: (e) => e.reason ?? '' },
  { title: 'Details', width: 74, cell: (e) => (Object.keys(e.details).length === 0 ? '' : JSON.stringify(e.details)) },
  { title: 'Hash (start)', width: 68, cell: (e) => e.hash.slice(0, 16) },
];

export async function auditPdf(entries: readonly AuditEntry[], ctx: ExportContext): Promise<Uint8Array> {
  return makeDocument({
    title: 'MAPPA Register audit log',
    madeFor: ctx.exporter,
    madeAt: new Date(ctx.at),
    orientation: 'landscape',
    content: [
      {
        kind: 'summary',
        rows: [
          { key: 'Exported by', value: ctx.exporter },
          { key: 'Exported at', value: `${formatLondonTimestamp(ctx.at)} (UK time; ${ctx.at})` },
          { key: 'Entries', value: `${entries.length} entr${entries.length === 1 ? 'y' : 'ies'}` },
          { key: 'Filter', value: ctx.filterDescription },
        ],
      },
      {
        kind: 'table',
        size: 'small',
        columns: COLUMNS.map(({ title, width }) => ({ title, width })),
        rows: entries.map((e) => COLUMNS.map((c) => c.cell(e))),
        whenEmpty: 'No audit entries match this filter.',
      },
    ],
  });
}
