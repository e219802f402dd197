import { z } from 'zod';

// What a document is made of: the one document maker (src/main/documents) turns these into
// pages, and the screens show the same blocks.

/** A heading: level 1 for a section, 2 for a part of one. */
export interface HeadingBlock {
  kind: 'heading';
  text: string;
  level?: 1 | 2;
}

/** A paragraph of plain text. Line breaks in the text are kept. */
export interface ParagraphBlock {
  kind: 'paragraph';
  text: string;
}

/** Keys and values, one pair to a row (the GOV.UK summary list). */
export interface SummaryBlock {
  kind: 'summary';
  rows: readonly { key: string; value: string }[];
}

export interface TableColumn {
  title: string;
  /** Share of the table's width relative to the other columns (default 1). */
  width?: number;
}

/** A table whose header row repeats at the top of every page it runs onto. */
export interface TableBlock {
  kind: 'table';
  columns: readonly TableColumn[];
  rows: readonly (readonly string[])[];
  /** Shown in place of the rows when there are none. */
  whenEmpty?: string;
  /** 'small' for wide tables of many columns (the audit log). */
  size?: 'normal' | 'small';
}

export type Block = HeadingBlock | ParagraphBlock | SummaryBlock | TableBlock;

// What a document's content is, as data that travels: a meeting pack carries the papers and
// minutes as blocks, so the receiving register shows (and prints) exactly what was sent.
// Parsed, never trusted: every block a file brings is checked against these shapes.
const line = z.string().max(200_000);
export const blockSchema: z.ZodType<Block> = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('heading'), text: z.string().max(500), level: z.union([z.literal(1), z.literal(2)]).optional() }).strict(),
  z.object({ kind: z.literal('paragraph'), text: line }).strict(),
  z.object({ kind: z.literal('summary'), rows: z.array(z.object({ key: z.string().max(500), value: line }).strict()).max(200) }).strict(),
  z
    .object({
      kind: z.literal('table'),
      columns: z.array(z.object({ title: z.string().max(200), width: z.number().positive().max(100).optional() }).strict()).min(1).max(12),
      rows: z.array(z.array(line).max(12)).max(5_000),
      whenEmpty: z.string().max(500).optional(),
      size: z.enum(['normal', 'small']).optional(),
    })
    .strict(),
]);
export const documentBlocks = z.array(blockSchema).max(2_000);
