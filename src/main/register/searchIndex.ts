import type { Writer } from '../db/types';

// Keeps the FTS4 indexes in step with subjects and items, inside the same commit.
// docid is the row's own rowid, so replacing a document never scans the index. The
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
}

export function indexItem(w: Writer, itemId: string): void {
  unindexItem(w, itemId);
  w.run('INSERT INTO item_search (docid, body) SELECT rowid, value FROM items WHERE id = ? AND deleted_at IS NULL', [itemId]);
}

export function unindexItem(w: Writer, itemId: string): void {
  w.run('DELETE FROM item_search WHERE docid = (SELECT rowid FROM items WHERE id = ?)', [itemId]);
}
