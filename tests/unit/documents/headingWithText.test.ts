// The document maker keeps a heading with the text it heads: a heading that would be the
// last thing on a page moves to the next. pdfmake counts the header and footer among the
// nodes on a page, which once made the rule never fire (found on a MAPPA minutes copy).
import { describe, expect, it } from 'vitest';
import { makeDocument, type Block } from '../../../src/main/documents';
import { pageTexts, textLines } from './pdfText';

const filler = (lines: number): Block => ({ kind: 'paragraph', text: Array.from({ length: lines }, (_, i) => `Line ${i + 1} of what the panel heard.`).join('\n') });

describe('headings in documents', () => {
  it('never leaves a heading as the last line of a page, whatever the length of what comes before', async () => {
    // Filler of every length from one screenful to the next, so some heading falls at the foot of a page.
    for (let lines = 40; lines <= 52; lines++) {
      const pdf = await makeDocument({ title: 'Minutes', madeFor: 'Siân Llŷr', madeAt: new Date('2026-12-02T14:03:00Z'), content: [filler(lines), { kind: 'heading', text: 'Risk assessment' }, { kind: 'paragraph', text: 'High risk of serious harm.' }] });
      const pages = pageTexts(pdf, { layout: true, withoutDiagonal: true }).map(textLines);
      pages.forEach((page, i) => {
        const body = page.slice(0, -2); // the footer and the marking
        expect(body.at(-1), `${lines} lines, page ${i + 1}`).not.toBe('Risk assessment');
      });
      const all = pages.flat();
      expect(all.indexOf('High risk of serious harm.') - all.indexOf('Risk assessment'), `${lines} lines`).toBe(1);
    }
  });
});
