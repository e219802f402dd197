import { PERSONAL_DATA, type PersonalDataTable } from './personalDataMap';
import type { Writer } from './types';

// Where a subject's personal data lives: the map of tables (personalDataMap.ts) and here the
// search-index documents made from it, and disposal. Retention disposal and deletion walk
// the map instead of naming tables; subject access requests walk it to list what is held.
// Storage knows no capability, so this is a plain declaration about tables.
// tests/unit/db/personalDataMap.test.ts fails when a table is in neither list, when a table
// with a subject or item column is missing, and when disposing of a subject leaves any of its
// words anywhere in the database.

export { HOLDS_NO_SUBJECT_DATA, PERSONAL_DATA, type PersonalDataTable } from './personalDataMap';

/** One FTS4 index made from subjects' data; its shadow tables (<index>_content, ...) hold the same. */
export interface PersonalSearchIndex {
  readonly index: string;
  /** What a document holds. */
  readonly holds: string;
  /** SQL for the docids of a subject's documents, given :subject (the subject's id). */
  readonly subjectDocids: string;
  /** SQL for the docid of an item's document, given :item (the item's id); undefined if documents are per subject. */
  readonly itemDocids?: string;
}

/**
 * An item's docid in item_text_search: subject rowid × 2^32 + item rowid, so a search reads
 * the subject straight out of the docid (src/main/register/searchIndex.ts).
 */
export const ITEM_DOCID = '((SELECT s.rowid FROM subjects s WHERE s.id = i.subject_id) * 4294967296 + i.rowid)';

export const SEARCH_INDEXES: readonly PersonalSearchIndex[] = [
  {
    index: 'subject_search',
    holds: 'Names, aliases and references of each live subject (docid = the subject rowid).',
    subjectDocids: 'SELECT rowid FROM subjects WHERE id = :subject',
  },
  {
    index: 'item_text_search',
    holds: 'The text of each live item of a live subject (docid = ITEM_DOCID).',
    subjectDocids: `SELECT ${ITEM_DOCID} FROM items i WHERE i.subject_id = :subject`,
    itemDocids: `SELECT ${ITEM_DOCID} FROM items i WHERE i.id = :item`,
  },
];

/** The FTS4 shadow tables of an index (they hold its text and its words). */
export function shadowTablesOf(index: string): string[] {
  return ['content', 'segments', 'segdir', 'docsize', 'stat'].map((s) => `${index}_${s}`);
}

/** A WHERE clause selecting a table's rows about one subject (:subject), or null if they are linked by name only. */
export function rowsAboutSubject(t: PersonalDataTable): string | null {
  const terms: string[] = [];
  // A row that names its subject needs no lookup through its item.
  if (t.subjectColumn !== undefined) terms.push(`${t.subjectColumn} = :subject`);
  else if (t.itemColumn !== undefined) terms.push(`${t.itemColumn} IN (SELECT id FROM items WHERE subject_id = :subject)`);
  if (t.itemListColumn !== undefined) {
    terms.push(`EXISTS (SELECT 1 FROM json_each(${t.itemListColumn}) j JOIN items i ON i.id = j.value WHERE i.subject_id = :subject)`);
  }
  return terms.length === 0 ? null : terms.join(' OR ');
}

/** A WHERE clause selecting a table's rows about one item (:item), or null if its rows are not per item. */
export function rowsAboutItem(t: PersonalDataTable): string | null {
  const terms: string[] = [];
  if (t.itemColumn !== undefined) terms.push(`${t.itemColumn} = :item`);
  if (t.itemListColumn !== undefined) terms.push(`EXISTS (SELECT 1 FROM json_each(${t.itemListColumn}) j WHERE j.value = :item)`);
  return terms.length === 0 ? null : terms.join(' OR ');
}

/** Takes a subject's documents (names, and the text of all their items) out of every search index. */
export function unindexSubjectDocuments(w: Writer, subjectId: string): void {
  for (const ix of SEARCH_INDEXES) w.run(`DELETE FROM ${ix.index} WHERE docid IN (${ix.subjectDocids})`, { ':subject': subjectId });
}

/** Takes an item's documents out of every search index that has per-item documents. */
export function unindexItemDocuments(w: Writer, itemId: string): void {
  for (const ix of SEARCH_INDEXES) {
    if (ix.itemDocids !== undefined) w.run(`DELETE FROM ${ix.index} WHERE docid IN (${ix.itemDocids})`, { ':item': itemId });
  }
}

/**
 * FTS4 marks a removed document's words as deleted but keeps them in its segments until
 * they are merged; merging the index after a disposal makes the words leave the file too.
 */
function mergeIndexes(w: Writer, indexes: readonly PersonalSearchIndex[]): void {
  for (const ix of indexes) w.run(`INSERT INTO ${ix.index} (${ix.index}) VALUES ('optimize')`);
}

/** Disposal of one item: its search documents, then every row about it that the map says disposal removes. */
export function disposeOfItemData(w: Writer, itemId: string): void {
  unindexItemDocuments(w, itemId);
  for (const t of PERSONAL_DATA) {
    if (t.disposal !== 'remove') continue;
    if (t.itemListDisposal === 'unlink' && t.itemListColumn !== undefined) {
      const list = t.itemListColumn;
      w.run(
        `UPDATE ${t.table} SET ${list} = (SELECT json_group_array(j.value) FROM json_each(${list}) j WHERE j.value <> :item)
         WHERE EXISTS (SELECT 1 FROM json_each(${list}) j WHERE j.value = :item)`,
        { ':item': itemId },
      );
      continue;
    }
    const where = rowsAboutItem(t);
    if (where !== null) w.run(`DELETE FROM ${t.table} WHERE ${where}`, { ':item': itemId });
  }
  mergeIndexes(w, SEARCH_INDEXES.filter((ix) => ix.itemDocids !== undefined));
}

/**
 * Disposal of everything about one subject: their search documents, their items and the
 * items' history, aliases and the subject row. The records the map keeps stay (they hold
 * ids and reasons, not the subject's record). Not offered in the app yet: a subject-level
 * disposal or erasure will call this.
 */
export function disposeOfSubjectData(w: Writer, subjectId: string): void {
  unindexSubjectDocuments(w, subjectId);
  for (const t of PERSONAL_DATA) {
    const where = t.disposal === 'remove' ? rowsAboutSubject(t) : null;
    if (where !== null) w.run(`DELETE FROM ${t.table} WHERE ${where}`, { ':subject': subjectId });
  }
  mergeIndexes(w, SEARCH_INDEXES);
}
