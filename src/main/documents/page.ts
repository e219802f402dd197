import type { Content, DynamicContent, Margins, Watermark } from 'pdfmake/interfaces';
import { CLASSIFICATION } from '../../shared/classification';
import { COLOURS, printable } from './blocks';

// What every page carries, whatever the document: the marking at the top and the
// bottom, the page number, and a light diagonal watermark naming who it was made for.
// Leaflet: every print and export carries the OFFICIAL-SENSITIVE marking.

const MM = 72 / 25.4;
const SIDE = 18 * MM;

/** Left, top, right, bottom: room above and below the text for the marking and page number. */
export const PAGE_MARGINS: Margins = [SIDE, 22 * MM, SIDE, 24 * MM];

/**
 * The style every header and footer node carries (it sets nothing): pdfmake counts them
 * among "the nodes following on this page", so the rule that keeps a heading with its text
 * leaves them out by it.
 */
export const FURNITURE = 'pageFurniture';

export function isFurniture(node: { style?: unknown }): boolean {
  const style = node.style;
  return style === FURNITURE || (Array.isArray(style) && style.includes(FURNITURE));
}

export function header(): DynamicContent {
  return () => ({ text: CLASSIFICATION, style: ['marking', FURNITURE], margin: [SIDE, 9 * MM, SIDE, 0] });
}

export function footer(title: string): DynamicContent {
  return (page, pages): Content => ({
    margin: [SIDE, 6 * MM, SIDE, 0],
    style: FURNITURE,
    stack: [
      {
        style: FURNITURE,
        columns: [
          { text: printable(title), style: ['furniture', FURNITURE], width: '*' },
          { text: `Page ${page} of ${pages}`, style: ['furniture', FURNITURE], alignment: 'right', width: 'auto' },
        ],
      },
      { text: CLASSIFICATION, style: ['marking', FURNITURE], margin: [0, 3 * MM, 0, 0] },
    ],
  });
}

const A4_DIAGONAL = Math.hypot(210 * MM, 297 * MM);
/** Liberation Sans averages about half an em per character in mixed-case text. */
const AVERAGE_ADVANCE = 0.5;

export function watermark(text: string): Watermark {
  const line = printable(text).replace(/\n/g, ' ');
  // Across about two thirds of the diagonal, clear of the corners and the marking.
  const fontSize = Math.max(10, Math.min(36, (A4_DIAGONAL * 0.66) / (AVERAGE_ADVANCE * Math.max(1, line.length))));
  // Drawn over the page, so light and see-through: it marks every page without hiding a word.
  return { text: line, fontSize, color: COLOURS.secondary, opacity: 0.12, bold: false };
}
