import { describe, expect, it } from 'vitest';
import { auditCsv, auditPdf, type AuditEntry } from '../../../src/main/audit';
import { csvCell } from '../../../src/main/audit/export';
import { pageCount, pageTexts, pdfInfo, squashed, textLines } from '../documents/pdfText';

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

describe('PDF export', () => {
  const many = Array.from({ length: 120 }, (_, i) =>
    anEntry({ seq: i + 1, reason: i % 7 === 0 ? `A long reason that must wrap over several lines of its column ${'without losing any words '.repeat(6)}` : 'Meeting preparation', itemIds: ['item-1', 'item-2'] }),
  );
  // 14:30 UTC on 2 June is 15:30 in London (BST).
  const WATERMARK = 'Made for Ian Governance, 2 June 2025, 15:30';

  it('marks every page OFFICIAL-SENSITIVE at top and bottom, with the watermark and page number', async () => {
    const pdf = await auditPdf(many, ctx);
    const pages = pageTexts(pdf, { layout: true, withoutDiagonal: true });
    expect(pages.length).toBeGreaterThan(2);
    const drawn = pageTexts(pdf, { raw: true });
    pages.forEach((page, i) => {
      const lines = textLines(page);
      expect(lines[0], `page ${i + 1}`).toBe('OFFICIAL-SENSITIVE');
      expect(lines.at(-1), `page ${i + 1}`).toBe('OFFICIAL-SENSITIVE');
      expect(lines.at(-2), `page ${i + 1}`).toMatch(new RegExp(`Page ${i + 1} of ${pages.length}$`));
      expect(squashed(drawn[i] as string), `page ${i + 1}`).toContain(squashed(WATERMARK));
    });
    expect(pdfInfo(pdf).Title).toContain('OFFICIAL-SENSITIVE');
    expect(pdfInfo(pdf)['Page size']).toMatch(/^841\.8\d x 595\.2\d pts/); // A4 landscape
  });

  it('says who exported it, when, how many entries and which filter', async () => {
    const first = pageTexts(await auditPdf(many, ctx), { withoutDiagonal: true })[0] as string;
    for (const fact of ['Ian Governance', '2 June 2025, 15:30:00 (UK time; 2025-06-02T14:30:00.000Z)', '120 entries', 'all entries for subject s-1']) expect(first).toContain(fact);
  });

  it('puts every entry in the table, wrapping long text', async () => {
    const pages = pageTexts(await auditPdf(many, ctx), { layout: true, withoutDiagonal: true });
    const lines = pages.flatMap(textLines);
    // Times as London's clock showed them (BST in May), to the second.
    const rows = lines.filter((l) => /^\d+\s+1 May 2025, 11:\d\d:00/.test(l));
    expect(rows.map((l) => Number(l.split(/\s+/)[0]))).toEqual(many.map((e) => e.seq));
    const long = (many[0]?.reason as string).trim();
    const wrapped = lines.filter((l) => l.includes('without losing'));
    expect(wrapped.length).toBeGreaterThan(many.filter((e) => e.reason?.trim() === long).length); // more than one line each
    const raw = squashed(pageTexts(await auditPdf([many[0] as AuditEntry], ctx), { withoutDiagonal: true }).join(''));
    expect(raw).toContain(squashed(long));
  });

  it('prints Welsh, Polish, Romanian and Turkish names exactly as entered', async () => {
    const names = ['Gwenllïan Ŵyn', 'Łukasz Wójcik', 'Ștefan Țurcanu', 'Ayşe Yıldız'];
    const entries = names.map((userName, i) => anEntry({ seq: i + 1, actor: { ...anEntry().actor, userName } }));
    const pdf = await auditPdf(entries, { ...ctx, exporter: 'Ayşe Yıldız', filterDescription: 'about Ștefan Țurcanu' });
    const text = pageTexts(pdf, { withoutDiagonal: true }).join('\n');
    for (const name of names) expect(text, name).toContain(name);
    expect(text).toContain('about Ștefan Țurcanu');
    expect(text).not.toContain('?');
    expect(squashed(pageTexts(pdf, { raw: true }).join(''))).toContain(squashed('Made for Ayşe Yıldız, 2 June 2025, 15:30'));
    expect(pdfInfo(pdf).Author).toBe('Ayşe Yıldız');
  });

  it('still exports a name the font cannot show, and an empty selection', async () => {
    expect(pageCount(await auditPdf([anEntry({ actor: { ...anEntry().actor, userName: 'Łukasz 王' } })], ctx))).toBe(1);
    const empty = await auditPdf([], ctx);
    const lines = textLines(pageTexts(empty, { layout: true, withoutDiagonal: true })[0] as string);
    expect(lines.filter((l) => l === 'OFFICIAL-SENSITIVE')).toHaveLength(2);
    expect(lines).toContain('No audit entries match this filter.');
  });
});
