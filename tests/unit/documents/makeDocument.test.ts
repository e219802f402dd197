import { describe, expect, it } from 'vitest';
import { makeDocument, type Block, type DocumentRequest } from '../../../src/main/documents';
import { pageCount, pageTexts, pdfInfo, squashed, textLines } from './pdfText';

const NAMES = ['Gwenllïan Ŵyn', 'Łukasz Wójcik', 'Ștefan Țurcanu', 'Ayşe Yıldız'] as const;
const madeAt = new Date('2026-11-25T14:03:00Z'); // 14:03 in London: GMT in November
const WATERMARK = 'Made for Alex Jones, 25 November 2026, 14:03';

function aRequest(over: Partial<DocumentRequest> = {}): DocumentRequest {
  return { title: 'Subject record', madeFor: 'Alex Jones', madeAt, content: [], ...over };
}

function contactRows(count: number): string[][] {
  return Array.from({ length: count }, (_, i) => [String(i + 1), NAMES[i % NAMES.length] as string, 'Probation', 'Home visit']);
}

const contacts = (count: number): Block => ({
  kind: 'table',
  columns: [{ title: 'Contact', width: 1 }, { title: 'Name', width: 3 }, { title: 'Agency', width: 2 }, { title: 'What happened', width: 4 }],
  rows: contactRows(count),
});

describe('the document maker', () => {
  it('prints Welsh, Polish, Romanian and Turkish names exactly as entered, as text a reader can find', async () => {
    const pdf = await makeDocument(aRequest({
      title: `Record of ${NAMES[0]}`,
      content: [
        { kind: 'heading', text: NAMES[1] },
        { kind: 'paragraph', text: `Seen with ${NAMES[2]} on 3 May.` },
        { kind: 'summary', rows: [{ key: 'Also known as', value: NAMES[3] }] },
        { kind: 'table', columns: [{ title: 'Name' }], rows: NAMES.map((n) => [n]) },
      ],
    }));
    const text = pageTexts(pdf).join('\n');
    for (const name of NAMES) expect(text, name).toContain(name);
    expect(text).toContain(`Record of ${NAMES[0]}`);
    expect(text).toContain(`Seen with ${NAMES[2]} on 3 May.`);
    expect(text).not.toContain('?');
  });

  it('marks every page OFFICIAL-SENSITIVE at the top and the bottom', async () => {
    const pdf = await makeDocument(aRequest({ content: [contacts(150)] }));
    const pages = pageTexts(pdf, { layout: true, withoutDiagonal: true });
    expect(pages.length).toBeGreaterThan(2);
    pages.forEach((page, i) => {
      const lines = textLines(page);
      expect(lines[0], `top of page ${i + 1}`).toBe('OFFICIAL-SENSITIVE');
      expect(lines.at(-1), `bottom of page ${i + 1}`).toBe('OFFICIAL-SENSITIVE');
      expect(lines.filter((l) => l.includes('OFFICIAL-SENSITIVE')), `page ${i + 1}`).toHaveLength(2);
    });
  });

  it('numbers the pages "Page N of M"', async () => {
    const pdf = await makeDocument(aRequest({ content: [contacts(45)] }));
    expect(pageCount(pdf)).toBe(2);
    const pages = pageTexts(pdf, { layout: true, withoutDiagonal: true });
    expect(textLines(pages[0] as string).at(-2)).toMatch(/^Subject record\s+Page 1 of 2$/);
    expect(textLines(pages[1] as string).at(-2)).toMatch(/^Subject record\s+Page 2 of 2$/);
  });

  it('watermarks every page, diagonally, with who it was made for and when (London time)', async () => {
    const pdf = await makeDocument(aRequest({ content: [contacts(150)] }));
    const all = pageTexts(pdf, { raw: true });
    const straight = pageTexts(pdf, { withoutDiagonal: true });
    all.forEach((page, i) => expect(squashed(page), `page ${i + 1}`).toContain(squashed(WATERMARK)));
    // Only the watermark is diagonal; pages after the first name no one in straight text.
    straight.slice(1).forEach((page, i) => expect(page, `page ${i + 2}`).not.toContain('Made for'));
    expect(straight[0]).toContain(`${WATERMARK}.`);
    const summer = await makeDocument(aRequest({ madeAt: new Date('2026-06-05T23:30:00Z') }));
    expect(squashed(pageTexts(summer, { raw: true })[0] as string)).toContain(squashed('Made for Alex Jones, 6 June 2026, 00:30'));
  });

  it('repeats a table header row at the top of every page the table runs onto', async () => {
    const pdf = await makeDocument(aRequest({ content: [{ kind: 'heading', text: 'Contacts' }, contacts(150)] }));
    const pages = pageTexts(pdf, { layout: true, withoutDiagonal: true });
    expect(pages.length).toBeGreaterThan(2);
    pages.forEach((page, i) => {
      const header = textLines(page).find((l) => l.startsWith('Contact '));
      expect(header, `page ${i + 1}`).toMatch(/^Contact\s+Name\s+Agency\s+What happened$/);
    });
    const rows = pages.flatMap(textLines).filter((l) => /^\d+\s+\S/.test(l));
    expect(rows.map((l) => Number(l.split(/\s+/)[0]))).toEqual(Array.from({ length: 150 }, (_, i) => i + 1));
  });

  it('leaves no blank last page when the last block ends at the foot of a page', async () => {
    // 35 rows of this table end a few points above the foot of page 1: the space that
    // follows a table used to start a page of its own, with nothing on it.
    const rows = (n: number): Block => ({ kind: 'table', columns: [{ title: 'A' }, { title: 'B' }], rows: Array.from({ length: n }, (_, i) => [String(i), 'A row of text']) });
    for (const n of [34, 35, 36]) {
      const pages = pageTexts(await makeDocument(aRequest({ title: 'T', content: [rows(n)] })), { withoutDiagonal: true });
      const last = (pages.at(-1) ?? '').replace(/OFFICIAL-SENSITIVE|T\s+Page \d+ of \d+/g, '').trim();
      expect(last, `${n} rows: page ${pages.length} of ${pages.length}`).not.toBe('');
    }
  });

  it('wraps long text inside its column, long words included', async () => {
    const longWord = 'x'.repeat(300);
    const pdf = await makeDocument(aRequest({
      content: [{ kind: 'table', columns: [{ title: 'Key' }, { title: 'Value', width: 3 }], rows: [['a', `${'many words in a row '.repeat(20)}${longWord}`]] }],
    }));
    const lines = textLines(pageTexts(pdf, { layout: true, withoutDiagonal: true })[0] as string);
    expect(lines.filter((l) => l.includes('many words')).length).toBeGreaterThan(2);
    expect(squashed(lines.join(''))).toContain(longWord);
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThan(120); // broken, not run off the page
  });

  it('keeps line breaks in a paragraph and prints no control characters', async () => {
    const pdf = await makeDocument(aRequest({ content: [{ kind: 'paragraph', text: 'First line\r\nSecond\tline\u0007' }] }));
    const lines = textLines(pageTexts(pdf, { withoutDiagonal: true })[0] as string);
    expect(lines).toContain('First line');
    expect(lines).toContain('Second line');
  });

  it('shows a table with no rows by its header and the words for empty', async () => {
    const pdf = await makeDocument(aRequest({ content: [{ kind: 'table', columns: [{ title: 'Entry' }, { title: 'Reason' }], rows: [], whenEmpty: 'Nothing to show.' }] }));
    const lines = textLines(pageTexts(pdf, { layout: true, withoutDiagonal: true })[0] as string);
    expect(lines.some((l) => /^Entry\s+Reason$/.test(l))).toBe(true);
    expect(lines).toContain('Nothing to show.');
  });

  it('makes A4 pages, portrait or landscape, titled and marked in the document properties', async () => {
    const portrait = pdfInfo(await makeDocument(aRequest()));
    expect(portrait['Page size']).toMatch(/^595\.2\d x 841\.8\d pts \(A4\)$/);
    expect(portrait.Title).toBe('Subject record (OFFICIAL-SENSITIVE)');
    expect(portrait.Author).toBe('Alex Jones');
    expect(portrait.Producer).toBe('MAPPA Register');
    const landscape = pdfInfo(await makeDocument(aRequest({ orientation: 'landscape', madeFor: NAMES[3] })));
    expect(landscape['Page size']).toMatch(/^841\.8\d x 595\.2\d pts/);
    expect(landscape.Author).toBe(NAMES[3]);
  });

  it('refuses a document with no title, no one it is made for, no time, or a row that does not match its columns', async () => {
    await expect(makeDocument(aRequest({ title: ' ' }))).rejects.toThrow('title');
    await expect(makeDocument(aRequest({ madeFor: '' }))).rejects.toThrow('made for');
    await expect(makeDocument(aRequest({ madeAt: new Date('nonsense') }))).rejects.toThrow('time');
    await expect(makeDocument(aRequest({ content: [{ kind: 'table', columns: [{ title: 'A' }, { title: 'B' }], rows: [['only one']] }] }))).rejects.toThrow('Table row 1 has 1 cells for 2 columns.');
  });
});
