import { ITEM_DOCID, unindexItemDocuments, unindexSubjectDocuments } from '../db/personalData';
import type { Writer } from '../db/types';

// Keeps the FTS4 indexes in step with subjects and items, inside the same commit. The
// statements read the rows they index, so journal replay rebuilds exactly the same index.
//
// subject_search: one document per subject (names, aliases, references), docid = the
// subject's rowid.
// item_text_search: one document per item, docid = subject rowid × 2^32 + item rowid. A
// search reads the subject straight out of the docid (docid >> 32), never the item rows,
// so a word in 40,000 items is still one pass over the index; and saving an item indexes
// only that item's text. Which documents belong to a subject or an item is declared with
// the rest of their personal data in src/main/db/personalData.ts.

/** SQL for the subjects (by rowid) whose items' text matches an FTS expression. */
export const SUBJECTS_BY_ITEM_TEXT = 'SELECT docid >> 32 FROM item_text_search WHERE item_text_search MATCH ?';

export function indexSubject(w: Writer, subjectId: string): void {
  w.run('DELETE FROM subject_search WHERE docid = (SELECT rowid FROM subjects WHERE id = ?)', [subjectId]);
  w.run(
    `INSERT INTO subject_search (docid, body)
     SELECT s.rowid, s.given_name || ' ' || s.family_name || ' ' ||
       coalesce((SELECT group_concat(alias, ' ') FROM subject_aliases WHERE subject_id = s.id), '') || ' ' ||
       coalesce(s.pnc, '') || ' ' || coalesce(s.ndelius, '') || ' ' || coalesce(s.visor, '')
     FROM subjects s WHERE s.id = ? AND s.deleted_at IS NULL`,
    [subjectId],
  );
}

/** A deleted subject leaves search: their names and the text of all their items. */
export function unindexSubject(w: Writer, subjectId: string): void {
  unindexSubjectDocuments(w, subjectId);
}

/** After an item is added or edited. */
export function indexItem(w: Writer, itemId: string): void {
  unindexItem(w, itemId);
  w.run(`INSERT INTO item_text_search (docid, body) SELECT ${ITEM_DOCID}, i.value FROM items i WHERE i.id = ? AND i.deleted_at IS NULL`, [itemId]);
}

/** Before an item is marked deleted or disposed of. */
export function unindexItem(w: Writer, itemId: string): void {
  unindexItemDocuments(w, itemId);
}
