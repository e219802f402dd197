import type { Writer } from '../db/types';

// Keeps the FTS4 indexes in step with subjects and items, inside the same commit.
// docid is the subject's own rowid, so replacing a document never scans the index. The
// statements read the rows they index, so journal replay rebuilds exactly the same index.

export function indexSubject(w: Writer, subjectId: string): void {
  unindexSubject(w, subjectId);
  w.run(
    `INSERT INTO subject_search (docid, body)
     SELECT s.rowid, s.given_name || ' ' || s.family_name || ' ' ||
       coalesce((SELECT group_concat(alias, ' ') FROM subject_aliases WHERE subject_id = s.id), '') || ' ' ||
       coalesce(s.pnc, '') || ' ' || coalesce(s.ndelius, '') || ' ' || coalesce(s.visor, '')
     FROM subjects s WHERE s.id = ? AND s.deleted_at IS NULL`,
    [subjectId],
  );
}

export function unindexSubject(w: Writer, subjectId: string): void {
  w.run('DELETE FROM subject_search WHERE docid = (SELECT rowid FROM subjects WHERE id = ?)', [subjectId]);
  w.run('DELETE FROM subject_text_search WHERE docid = (SELECT rowid FROM subjects WHERE id = ?)', [subjectId]);
}

/** After an item is added or edited: the subject's item-text document, rebuilt from their live items. */
export function indexItem(w: Writer, itemId: string): void {
  const row = w.get<{ subject_id: string }>('SELECT subject_id FROM items WHERE id = ?', [itemId]);
  if (row) reindexSubjectTextFor(w, row.subject_id);
}

/** The subject's item-text document from their live items (after an item is added, edited, deleted or disposed of). */
export function reindexSubjectTextFor(w: Writer, subjectId: string): void {
  w.run('DELETE FROM subject_text_search WHERE docid = (SELECT rowid FROM subjects WHERE id = ?)', [subjectId]);
  w.run(
    `INSERT INTO subject_text_search (docid, body)
     SELECT s.rowid, group_concat(i.value, ' ') FROM subjects s JOIN items i ON i.subject_id = s.id
     WHERE s.id = ? AND i.deleted_at IS NULL AND s.deleted_at IS NULL GROUP BY s.rowid`,
    [subjectId],
  );
}
