import { degrees, grayscale, PageSizes, PDFDocument, type PDFFont, type PDFPage, rgb, StandardFonts } from 'pdf-lib';
import { CLASSIFICATION, PRODUCT_NAME } from '../../shared/classification';
import { type ExportContext, exportHeading } from './exportCsv';
import type { AuditEntry } from './types';

// PDF export of audit entries: the OFFICIAL-SENSITIVE marking at the top and bottom of
// every page (leaflet: every print and export carries it), a light diagonal watermark
// naming who exported it and when, page numbers, and a table whose long text wraps.
// Standard fonts only: nothing is embedded or fetched.

const [PAGE_H, PAGE_W] = PageSizes.A4; // landscape
const MARGIN = 36;
const SIZE = 7.5;
const LINE = 9;
const PAD = 2;
const TABLE_TOP = PAGE_H - 52;
const TABLE_BOTTOM = 40;

const COLUMNS: readonly { title: string; width: number; cell: (e: AuditEntry) => string }[] = [
  { title: 'Entry', width: 32, cell: (e) => String(e.seq) },
  { title: 'Time', width: 100, cell: (e) => e.at },
  { title: 'User', width: 84, cell: (e) => e.actor.userName },
  { title: 'Role / agency', width: 64, cell: (e) => [e.actor.role, e.actor.agency].filter((x) => x !== null).join(' / ') },
  { title: 'Action', width: 84, cell: (e) => e.action },
  { title: 'Subject', width: 84, cell: (e) => e.subjectId ?? '' },
  { title: 'Items', width: 66, cell: (e) => e.itemIds.join(' ') },
  { title: 'Reason', width: 120, cell: (e) => e.reason ?? '' },
  { title: 'Details', width: 86, cell: (e) => (Object.keys(e.details).length === 0 ? '' : JSON.stringify(e.details)) },
  { title: 'Hash (start)', width: 50, cell: (e) => e.hash.slice(0, 16) },
];

/** Replaces characters the standard (WinAnsi) fonts cannot show, so no export ever fails on a name. */
function printable(font: PDFFont): (text: string) => string {
  const known = new Set(font.getCharacterSet());
  return (text) =>
    Array.from(text.replace(/[\r\n\t]+/g, ' '))
      .map((ch) => (known.has(ch.codePointAt(0) ?? 0) ? ch : '?'))
      .join('');
}

/** Wraps text to a width, breaking words that are longer than a line. */
export function wrapText(text: string, font: PDFFont, size: number, width: number): string[] {
  const fits = (s: string): boolean => font.widthOfTextAtSize(s, size) <= width;
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/ +/).filter((w) => w !== '')) {
    const candidate = line === '' ? word : `${line} ${word}`;
    if (fits(candidate)) {
      line = candidate;
      continue;
    }
    if (line !== '') lines.push(line);
    line = '';
    let rest = word;
    while (!fits(rest)) {
      let n = rest.length - 1;
      while (n > 1 && !fits(rest.slice(0, n))) n--;
      lines.push(rest.slice(0, n));
      rest = rest.slice(n);
    }
    line = rest;
  }
  if (line !== '' || lines.length === 0) lines.push(line);
  return lines;
}

function drawRowLines(page: PDFPage, font: PDFFont, cells: readonly string[][], from: number, count: number, top: number): void {
  let x = MARGIN;
  COLUMNS.forEach((col, c) => {
    const lines = cells[c] ?? [];
    for (let i = 0; i < count; i++) {
      const text = lines[from + i];
      if (text !== undefined && text !== '') page.drawText(text, { x: x + PAD, y: top - (i + 1) * LINE + 2, size: SIZE, font });
    }
    x += col.width;
  });
}

function drawHeaderRow(page: PDFPage, bold: PDFFont, top: number): number {
  let x = MARGIN;
  for (const col of COLUMNS) {
    page.drawText(col.title, { x: x + PAD, y: top - LINE + 2, size: SIZE, font: bold });
    x += col.width;
  }
  const y = top - LINE - 2;
  page.drawLine({ start: { x: MARGIN, y }, end: { x: PAGE_W - MARGIN, y }, thickness: 0.5, color: grayscale(0.4) });
  return y - 2;
}

export async function auditPdf(entries: readonly AuditEntry[], ctx: ExportContext): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const clean = printable(font);
  const when = new Date(ctx.at);
  doc.setTitle(`${PRODUCT_NAME} audit log (${CLASSIFICATION})`);
  doc.setAuthor(clean(ctx.exporter));
  doc.setCreator(PRODUCT_NAME);
  doc.setProducer(PRODUCT_NAME);
  if (!Number.isNaN(when.getTime())) {
    doc.setCreationDate(when);
    doc.setModificationDate(when);
  }

  let page = doc.addPage([PAGE_W, PAGE_H]);
  let y = TABLE_TOP;
  for (const line of wrapText(clean(exportHeading(ctx, entries.length)), bold, 9, PAGE_W - 2 * MARGIN)) {
    page.drawText(line, { x: MARGIN, y: y - 9, size: 9, font: bold });
    y -= 11;
  }
  y = drawHeaderRow(page, bold, y - 4);
  const newPage = (): void => {
    page = doc.addPage([PAGE_W, PAGE_H]);
    y = drawHeaderRow(page, bold, TABLE_TOP);
  };

  for (const entry of entries) {
    const cells = COLUMNS.map((col) => wrapText(clean(col.cell(entry)), font, SIZE, col.width - 2 * PAD));
    const height = Math.max(...cells.map((c) => c.length));
    // A row that does not fit starts on a new page unless it is taller than a page: then it splits.
    if (y - height * LINE < TABLE_BOTTOM && height * LINE <= TABLE_TOP - TABLE_BOTTOM - 2 * LINE) newPage();
    let done = 0;
    while (done < height) {
      let room = Math.floor((y - TABLE_BOTTOM) / LINE);
      if (room <= 0) {
        newPage();
        room = Math.floor((y - TABLE_BOTTOM) / LINE);
      }
      const n = Math.min(room, height - done);
      drawRowLines(page, font, cells, done, n, y);
      y -= n * LINE;
      done += n;
    }
    y -= 2;
    page.drawLine({ start: { x: MARGIN, y: y + 1 }, end: { x: PAGE_W - MARGIN, y: y + 1 }, thickness: 0.25, color: grayscale(0.75) });
  }
  if (entries.length === 0) page.drawText('No audit entries match this filter.', { x: MARGIN, y: y - LINE * 2, size: 9, font });

  const pages = doc.getPages();
  const watermark = clean(`Exported by ${ctx.exporter} ${ctx.at.slice(0, 10)}`);
  const markWidth = bold.widthOfTextAtSize(CLASSIFICATION, 11);
  pages.forEach((p, i) => {
    const wmSize = Math.min(40, (PAGE_W * 0.9) / Math.max(1, font.widthOfTextAtSize(watermark, 1)));
    const wmWidth = font.widthOfTextAtSize(watermark, wmSize);
    const angle = 25;
    const rad = (angle * Math.PI) / 180;
    p.drawText(watermark, {
      x: PAGE_W / 2 - (wmWidth / 2) * Math.cos(rad),
      y: PAGE_H / 2 - (wmWidth / 2) * Math.sin(rad),
      size: wmSize,
      font,
      color: rgb(0.6, 0.6, 0.6),
      opacity: 0.18,
      rotate: degrees(angle),
    });
    p.drawText(CLASSIFICATION, { x: (PAGE_W - markWidth) / 2, y: PAGE_H - 22, size: 11, font: bold });
    p.drawText(CLASSIFICATION, { x: (PAGE_W - markWidth) / 2, y: 14, size: 11, font: bold });
    const number = `Page ${i + 1} of ${pages.length}`;
    p.drawText(number, { x: PAGE_W - MARGIN - font.widthOfTextAtSize(number, 8), y: 15, size: 8, font });
  });
  return doc.save({ useObjectStreams: false });
}
