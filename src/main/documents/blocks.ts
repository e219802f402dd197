import type { Content, CustomTableLayout, TableCell } from 'pdfmake/interfaces';

// What a document is made of. Callers describe data; this file alone turns it into
// pdfmake's document tree, so no caller depends on the library.

import type { Block, HeadingBlock, ParagraphBlock, SummaryBlock, TableBlock, TableColumn } from '../../shared/documentBlocks';

export type { Block, HeadingBlock, ParagraphBlock, SummaryBlock, TableBlock, TableColumn };

/** Text as it will be printed: control characters other than line breaks become spaces. */
export function printable(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0009\u000b-\u001f\u007f]/g, ' ');
}

export const COLOURS = { text: '#0b0c0c', secondary: '#505a5f', border: '#b1b4b6', headerFill: '#f3f2f1' } as const;

const rules: CustomTableLayout = {
  hLineWidth: (i, node) => (i === 0 ? 0 : i === (node.table.headerRows ?? 0) && i > 0 ? 1 : 0.5),
  vLineWidth: () => 0,
  hLineColor: (i, node) => (i === (node.table.headerRows ?? 0) && i > 0 ? COLOURS.text : COLOURS.border),
  paddingLeft: (i) => (i === 0 ? 0 : 4),
  paddingRight: () => 4,
  paddingTop: () => 3,
  paddingBottom: () => 3,
};

function tableLayout(small: boolean): CustomTableLayout {
  const side = small ? 3 : 4;
  const top = small ? 2 : 3;
  return {
    ...rules,
    paddingLeft: () => side,
    paddingRight: () => side,
    paddingTop: () => top,
    paddingBottom: () => top,
    fillColor: (row) => (row === 0 ? COLOURS.headerFill : null),
  };
}

/** Relative widths as percentages of the table, so every table fills the page width. */
function widths(columns: readonly TableColumn[]): string[] {
  const total = columns.reduce((sum, c) => sum + (c.width ?? 1), 0);
  return columns.map((c) => `${(((c.width ?? 1) / total) * 100).toFixed(4)}%`);
}

function table(block: TableBlock): Content {
  if (block.columns.length === 0) throw new Error('A table needs at least one column.');
  const small = block.size === 'small';
  const size = small ? 7.5 : 9;
  const header: TableCell[] = block.columns.map((c) => ({ text: printable(c.title), style: 'tableHeader', fontSize: size }));
  const body: TableCell[][] = block.rows.map((row, r) => {
    if (row.length !== block.columns.length) throw new Error(`Table row ${r + 1} has ${row.length} cells for ${block.columns.length} columns.`);
    return row.map((cell) => ({ text: printable(cell), fontSize: size }));
  });
  const rendered: Content = {
    table: { headerRows: 1, widths: widths(block.columns), body: [header, ...body] },
    layout: tableLayout(small),
    margin: [0, 4, 0, 12],
  };
  if (block.rows.length > 0 || block.whenEmpty === undefined) return rendered;
  return [rendered, { text: printable(block.whenEmpty), style: 'paragraph' }];
}

function summary(block: SummaryBlock): Content {
  if (block.rows.length === 0) return [];
  return {
    table: {
      widths: ['32%', '68%'],
      body: block.rows.map((row) => [
        { text: printable(row.key), bold: true },
        { text: printable(row.value) },
      ]),
      dontBreakRows: true,
    },
    layout: { ...rules, hLineWidth: (i) => (i === 0 ? 0 : 0.5), paddingTop: () => 5, paddingBottom: () => 5 },
    margin: [0, 4, 0, 14],
  };
}

export function contentOf(block: Block): Content {
  switch (block.kind) {
    case 'heading':
      return { text: printable(block.text), style: block.level === 2 ? 'heading2' : 'heading1', headlineLevel: block.level ?? 1 };
    case 'paragraph':
      return { text: printable(block.text), style: 'paragraph' };
    case 'summary':
      return summary(block);
    case 'table':
      return table(block);
  }
}

