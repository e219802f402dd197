// The one PDF maker: embedded Unicode font, marking, watermark, page numbers.
export { makeDocument, type DocumentRequest } from './makeDocument';
export type { Block, HeadingBlock, ParagraphBlock, SummaryBlock, TableBlock, TableColumn } from './blocks';
export { blockSchema, documentBlocks } from '../../shared/documentBlocks';
export { pageCount } from './pages';
