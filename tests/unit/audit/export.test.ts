import { decodePDFRawStream, PDFArray, PDFDocument, PDFRawStream, type PDFPage, PDFRef } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { auditCsv, auditPdf, type AuditEntry } from '../../../src/main/audit';
import { csvCell } from '../../../src/main/audit/export';

function anEntry(over: Partial<AuditEntry> = {}): AuditEntry {
  const seq = over.seq ?? 1;
  return {
    seq,
    at: `2025-05-01T10:${String(seq % 60).padStart(2, '0')}:00.000Z`,
    actor: { userId: 'u-1', userName: 'Priya Police', role: 'representative', officeId: 'o-1', agency: 'police' },
    action: 'subject_view',
    subjectId: 's-1',
    itemIds: [],
    reason: 'Case management',
    details: {},
    prevHash: '0'.repeat(64),
    hash: 'a'.repeat(64),
    ...over,
  };
}
const ctx = { exporter: 'Ian Governance', at: '2025-06-02T14:30:00.000Z', filterDescription: 'all entries for subject s-1' };

/** Parses a CSV (RFC 4180) back into rows, to check quoting round-trips. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (quoted && c === '"' && text[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (quoted && c === '"') {
      quoted = false;
    } else if (quoted) {
      cell += c;
    } else if (c === '"') {
      quoted = true;
    } else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else {
      cell += c;
    }
  }
  return rows;
}

describe('CSV export', () => {
  it('carries the OFFICIAL-SENSITIVE marking, the exporter and the time on its first line', () => {
    const csv = auditCsv([anEntry()], ctx);
    const first = csv.split('\r\n')[0] as string;
    expect(first).toMatch(/^OFFICIAL-SENSITIVE\./);
    expect(first).toContain('exported by Ian Governance at 2025-06-02T14:30:00.000Z');
    expect(first).toContain('all entries for subject s-1');
    expect(csv.trimEnd().split('\r\n').at(-1)).toBe('OFFICIAL-SENSITIVE');
  });

  it('quotes commas, quotes and line breaks (RFC 4180) so every cell reads back unchanged', () => {
    const reason = 'Said "hello", then\r\nleft';
    const rows = parseCsv(auditCsv([anEntry({ reason, actor: { ...anEntry().actor, userName: 'Smith, John' } })], ctx));
    expect(rows[1]?.[0]).toBe('Entry');
    expect(rows[2]?.[2]).toBe('Smith, John');
    expect(rows[2]?.[10]).toBe(reason);
    expect(rows.every((r) => r.length === rows[1]?.length || r.length === 1)).toBe(true);
  });

  it('neutralises cells a spreadsheet would run as a formula', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r']) {
      expect(csvCell(`${start}HYPERLINK("http://x")`).replace(/^"/, '')).toMatch(/^'/);
    }
    const rows = parseCsv(auditCsv([anEntry({ reason: '=cmd|" /C calc"!A0', subjectId: '-1+1' })], ctx));
    expect(rows[2]?.[10]).toBe(`'=cmd|" /C calc"!A0`);
    expect(rows[2]?.[8]).toBe(`'-1+1`);
    expect(csvCell('Case management')).toBe('Case management');
  });
});

/** The decoded content of a page: every content stream, inflated. */
function pageContent(page: PDFPage): string {
  const contents = page.node.Contents();
  const refs = contents instanceof PDFArray ? contents.asArray() : [contents];
  return refs
    .map((r) => {
      const stream = r instanceof PDFRef ? page.doc.context.lookup(r) : r;
      if (!(stream instanceof PDFRawStream)) throw new Error('unexpected content stream type');
      return Buffer.from(decodePDFRawStream(stream).decode()).toString('latin1');
    })
    .join('\n');
}

/** Every text string drawn, in drawing order. */
function drawnTexts(content: string): string[] {
  return [...content.matchAll(/<([0-9A-F]*)> Tj/g)].map((m) => Buffer.from(m[1] as string, 'hex').toString('latin1'));
}

/** How many times the text is drawn (pdf-lib shows standard-font text as a hex string then Tj). */
function timesDrawn(content: string, text: string): number {
  // standard fonts use single-byte WinAnsi codes
  const winAnsi = Buffer.from(text, 'latin1').toString('hex').toUpperCase();
  return content.split(`<${winAnsi}> Tj`).length - 1;
}

describe('PDF export', () => {
  const many = Array.from({ length: 120 }, (_, i) =>
    anEntry({ seq: i + 1, reason: i % 7 === 0 ? `A long reason that must wrap over several lines of its column ${'without losing any words '.repeat(6)}` : 'Meeting preparation', itemIds: ['item-1', 'item-2'] }),
  );

  it('marks every page OFFICIAL-SENSITIVE at top and bottom, with the watermark and page number', async () => {
    const bytes = await auditPdf(many, ctx);
    const doc = await PDFDocument.load(bytes);
    const pages = doc.getPages();
    expect(pages.length).toBeGreaterThan(2);
    pages.forEach((page, i) => {
      const content = pageContent(page);
      expect(timesDrawn(content, 'OFFICIAL-SENSITIVE'), `page ${i + 1}`).toBe(2);
      expect(timesDrawn(content, 'Exported by Ian Governance 2025-06-02'), `page ${i + 1}`).toBe(1);
      expect(timesDrawn(content, `Page ${i + 1} of ${pages.length}`), `page ${i + 1}`).toBe(1);
    });
    // the watermark is diagonal (a rotated text matrix) and see-through (an ExtGState), on every page
    const wmHex = Buffer.from('Exported by Ian Governance 2025-06-02', 'latin1').toString('hex').toUpperCase();
    const diagonal = new RegExp(`/GS-\\d+ gs\\nBT\\n[^\\n]*rg\\n[^\\n]*Tf\\n[^\\n]*TL\\n[-\\d.]+ (0\\.[1-9][\\d]*) [-\\d.]+ [-\\d.]+ [-\\d.]+ [-\\d.]+ Tm\\n<${wmHex}> Tj`);
    for (const page of pages) expect(pageContent(page)).toMatch(diagonal);
    expect(doc.getTitle()).toContain('OFFICIAL-SENSITIVE');
  });

  it('puts every entry in the table, wrapping long text', async () => {
    const doc = await PDFDocument.load(await auditPdf(many, ctx));
    const all = doc.getPages().map(pageContent).join('\n');
    for (const e of many) expect(timesDrawn(all, String(e.seq)), `entry ${e.seq}`).toBeGreaterThanOrEqual(1);
    const long = many[0]?.reason as string;
    const texts = drawnTexts(all);
    const starts = texts.flatMap((t, i) => (t.startsWith('A long') ? [i] : []));
    expect(starts).toHaveLength(many.filter((e) => e.reason === long).length);
    for (const i of starts) {
      const lines = texts.slice(i, i + 12);
      expect(lines[0]).not.toBe(long.trim()); // wrapped, not one over-long line
      expect(lines.join(' ').replace(/ +/g, ' ')).toContain(long.trim().replace(/ +/g, ' '));
    }
  });

  it('still exports names the standard fonts cannot show, and an empty selection', async () => {
    const doc = await PDFDocument.load(await auditPdf([anEntry({ actor: { ...anEntry().actor, userName: 'Łukasz 王' } })], ctx));
    expect(doc.getPageCount()).toBe(1);
    const empty = await PDFDocument.load(await auditPdf([], ctx));
    expect(timesDrawn(pageContent(empty.getPages()[0] as PDFPage), 'OFFICIAL-SENSITIVE')).toBe(2);
  });
});
