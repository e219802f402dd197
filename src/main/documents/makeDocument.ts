import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { CLASSIFICATION, PRODUCT_NAME } from '../../shared/classification';
import { type Block, COLOURS, contentOf, printable } from './blocks';
import { FONT_FAMILY } from './font';
import { madeAtText, watermarkText } from './madeFor';
import { FURNITURE, footer, header, isFurniture, PAGE_MARGINS, watermark } from './page';
import { renderPdf } from './pdfmakeServer';

// The one document maker: every PDF the app writes is built here from data, never by
// editing an existing PDF. Text is real text in an embedded Unicode font, so a name is
// printed, found and copied exactly as it was entered.

export interface DocumentRequest {
  /** The document's name: its first heading, its PDF title and its footer. */
  title: string;
  /** The person the document is made for (usually the user making it), named in the watermark. */
  madeFor: string;
  madeAt: Date;
  /** Portrait unless a wide table needs the room. */
  orientation?: 'portrait' | 'landscape';
  content: readonly Block[];
}

const STYLES: TDocumentDefinitions['styles'] = {
  title: { fontSize: 20, bold: true, margin: [0, 0, 0, 4] },
  madeFor: { fontSize: 9, color: COLOURS.secondary, margin: [0, 0, 0, 14] },
  heading1: { fontSize: 14, bold: true, margin: [0, 10, 0, 6] },
  heading2: { fontSize: 11.5, bold: true, margin: [0, 8, 0, 4] },
  paragraph: { margin: [0, 0, 0, 8] },
  tableHeader: { bold: true },
  marking: { fontSize: 11, bold: true, alignment: 'center' },
  furniture: { fontSize: 8, color: COLOURS.secondary },
  [FURNITURE]: {},
};

export async function makeDocument(request: DocumentRequest): Promise<Uint8Array> {
  const title = request.title.trim();
  const madeFor = request.madeFor.trim();
  if (title === '') throw new Error('A document needs a title.');
  if (madeFor === '') throw new Error('A document must name the person it is made for.');
  const when = madeAtText(request.madeAt);

  const content: Content[] = [
    { text: printable(title), style: 'title' },
    { text: `${PRODUCT_NAME}. Made for ${printable(madeFor)}, ${when}.`, style: 'madeFor' },
    ...request.content.map(contentOf),
  ];
  // pdfmake starts a new page for the space below the last block when that block ends at the
  // foot of a page, leaving a blank last page: nothing follows the last block, so it has none.
  const last = content.at(-1);
  if (last !== undefined && typeof last === 'object' && !Array.isArray(last) && 'margin' in last && Array.isArray(last.margin) && last.margin.length === 4) {
    const [left, top, right] = last.margin as [number, number, number, number];
    content[content.length - 1] = { ...last, margin: [left, top, right, 0] } as Content;
  }

  return renderPdf({
    pageSize: 'A4',
    pageOrientation: request.orientation ?? 'portrait',
    pageMargins: PAGE_MARGINS,
    header: header(),
    footer: footer(title),
    watermark: watermark(watermarkText(madeFor, request.madeAt)),
    content,
    styles: STYLES,
    defaultStyle: { font: FONT_FAMILY, fontSize: 10, lineHeight: 1.15, color: COLOURS.text },
    // A heading is never the last thing on a page: it moves over with what it heads. (The
    // header and footer are among the nodes on the page too, so they are left out.)
    pageBreakBefore: (node, queries) => node.headlineLevel !== undefined && !queries.getFollowingNodesOnPage().some((n) => !isFurniture(n)),
    language: 'en-GB',
    info: {
      title: `${printable(title)} (${CLASSIFICATION})`,
      author: printable(madeFor),
      subject: CLASSIFICATION,
      keywords: CLASSIFICATION,
      creator: PRODUCT_NAME,
      producer: PRODUCT_NAME,
      creationDate: request.madeAt,
      modDate: request.madeAt,
    },
  });
}
