// Audit exports: CSV and PDF, both marked OFFICIAL-SENSITIVE and naming who exported them.
export { auditCsv, csvCell, type ExportContext } from './exportCsv';
export { auditPdf } from './exportPdf';
