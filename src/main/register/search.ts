import type { SearchInput, SubjectSummary } from '../../shared/registerSchemas';
import type { Reader, SqlValue } from '../db/types';
import { addDays, today } from '../../shared/calendar';
import { SUBJECTS_BY_ITEM_TEXT } from './searchIndex';
import { normaliseReference } from './subjectRules';
import { REVIEW_DUE_WITHIN_DAYS, SUMMARY_COLUMNS, summaryDay, toSummary, type SubjectRow } from './subjects';

// Finding a subject: by name or alias (prefix, any order, diacritics ignored), date of
// birth, agency reference, or the text of their items, with filters. FTS4 indexes make
// names and text fast at 100k items; a plain LIKE '%word%' would scan every row.

const UK_DATE = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const REFERENCE = /^(\d{2}|\d{4})\/\d{1,7}[A-Z]$|^[A-Z]\d{6}$/;

export function asDate(query: string): string | null {
  const q = query.trim();
  if (ISO_DATE.test(q)) return q;
  const m = UK_DATE.exec(q);
  return m ? `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}` : null;
}

/** The words of a query as an FTS4 expression: every word, as a prefix. */
export function ftsQuery(query: string): string | null {
  const words = query
    .normalize('NFKC')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0)
    .slice(0, 12);
  return words.length === 0 ? null : words.map((w) => `${w}*`).join(' ');
}

export interface SearchResult {
  subjects: SubjectSummary[];
  total: number;
  /** How the query was understood, to say so on the screen. */
  matchedBy: 'everything' | 'date_of_birth' | 'reference' | 'words';
}

/**
 * A search with some subjects withheld (the user's declared associations): they are left
 * out before counting and paging, so neither the page nor the total shows they exist.
 * `withheld` says which of them the query matched, for the IG lead's alert; it never
 * leaves the service.
 */
export function searchWithholding(r: Reader, input: SearchInput, now: Date, withhold: ReadonlySet<string>): SearchResult & { withheld: string[] } {
  if (withhold.size === 0) return { ...searchSubjects(r, input, now), withheld: [] };
  const ids = [...withhold];
  const marks = ids.map(() => '?').join(', ');
  const found = searchSubjects(r, input, now, { sql: `s.id NOT IN (${marks})`, params: ids });
  const matched = buildSearch(input, now);
  const withheld =
    matched === null ? [] : r.all<{ id: string }>(`SELECT s.id FROM subjects s WHERE ${matched.clause} AND s.id IN (${marks}) ORDER BY s.id`, [...matched.params, ...ids]).map((row) => row.id);
  return { ...found, withheld };
}

/** The WHERE clause of a search, or null when the query cannot match anything. */
function buildSearch(input: SearchInput, now: Date): { clause: string; params: SqlValue[]; matchedBy: SearchResult['matchedBy'] } | null {
  const where: string[] = ['s.deleted_at IS NULL'];
  const params: SqlValue[] = [];
  let matchedBy: SearchResult['matchedBy'] = 'everything';
  const query = input.query.trim();
  const date = asDate(query);
  const reference = normaliseReference(query);
  if (date) {
    matchedBy = 'date_of_birth';
    where.push('s.date_of_birth = ?');
    params.push(date);
  } else if (reference && REFERENCE.test(reference)) {
    matchedBy = 'reference';
    where.push('(s.pnc = ? OR s.ndelius = ? OR s.visor = ?)');
    params.push(reference, reference, reference);
  } else if (query.length > 0) {
    const fts = ftsQuery(query);
    if (fts === null) return null;
    matchedBy = 'words';
    if (input.includeItemText) {
      where.push(`s.rowid IN (SELECT docid FROM subject_search WHERE subject_search MATCH ? UNION ${SUBJECTS_BY_ITEM_TEXT})`);
      params.push(fts, fts);
    } else {
      where.push('s.rowid IN (SELECT docid FROM subject_search WHERE subject_search MATCH ?)');
      params.push(fts);
    }
  }
  if (input.kind !== null) {
    where.push('s.kind = ?');
    params.push(input.kind);
  }
  if (input.category !== null) {
    where.push('s.category = ?');
    params.push(input.category);
  }
  if (input.level !== null) {
    where.push('s.level = ?');
    params.push(input.level);
  }
  if (input.reviewDue) {
    where.push('s.next_review IS NOT NULL AND s.next_review <= ?');
    params.push(addDays(today(now), REVIEW_DUE_WITHIN_DAYS));
  }
  if (input.ownerAgency !== null) {
    where.push('EXISTS (SELECT 1 FROM items i JOIN offices o ON o.id = i.owner_office_id WHERE i.subject_id = s.id AND i.deleted_at IS NULL AND o.agency = ?)');
    params.push(input.ownerAgency);
  }
  return { clause: where.join(' AND '), params, matchedBy };
}

export function searchSubjects(r: Reader, input: SearchInput, now: Date, extra?: { sql: string; params: SqlValue[] }): SearchResult {
  const built = buildSearch(input, now);
  if (built === null) return { subjects: [], total: 0, matchedBy: 'words' };
  const { matchedBy } = built;
  const clause = extra ? `${built.clause} AND ${extra.sql}` : built.clause;
  const params = extra ? [...built.params, ...extra.params] : built.params;
  const total = r.get<{ n: number }>(`SELECT count(*) AS n FROM subjects s WHERE ${clause}`, params)?.n ?? 0;
  const rows = r.all<SubjectRow>(
    `SELECT ${SUMMARY_COLUMNS} FROM subjects s WHERE ${clause} ORDER BY s.family_name COLLATE NOCASE, s.given_name COLLATE NOCASE, s.id LIMIT ? OFFSET ?`,
    [...params, input.limit, input.offset],
  );
  const day = summaryDay(now);
  return { subjects: rows.map((row) => toSummary(row, day)), total, matchedBy };
}
