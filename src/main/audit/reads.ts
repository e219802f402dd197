import { canonicalJson } from './canonical';
import { MAX_DETAIL_STRING, MAX_DETAILS_JSON } from './log';
import type { ActEntry, AuditDetails, AuditDetailValue } from './types';

// Reads are acts (issue 9): a search or a list that shows subjects records what was asked
// and which subjects came back.
//
// How many entries: one per page of results, split only where the ids would not fit in
// one entry's details (about 45 ids of 36 characters within MAX_DETAILS_JSON). A page of
// 200 (what the Subjects screen asks for) is 5 entries; scrolling to the next page writes
// the next page's entries; an empty result is one entry. So the log grows with what was
// shown, never with the register's size, and nothing shown is left out. One entry per
// subject would be 200 entries per page (a flood); a count alone would not say who was
// seen, which is what a misuse audit asks (APP counter-corruption case study). Entries of
// one page are consecutive, numbered part 1..parts, and only part 1 carries the query.

/** Entries recording a read that showed `subjectIds`: `head` (the query) in the first, the ids spread over as many as needed. */
export function readEntries(action: 'subject_search' | 'subject_list', head: AuditDetails, subjectIds: readonly string[]): ActEntry[] {
  const pages: { details: Record<string, AuditDetailValue>; ids: string[] }[] = [];
  let current = { details: { ...head } as Record<string, AuditDetailValue>, ids: [] as string[] };
  const fits = (details: Record<string, AuditDetailValue>, ids: string[]) =>
    canonicalJson({ ...details, part: 9999, parts: 9999, subjectIds: ids }).length <= MAX_DETAILS_JSON;
  for (const id of subjectIds) {
    if (id.length > MAX_DETAIL_STRING) continue; // never: subject ids are UUIDs
    if (current.ids.length > 0 && !fits(current.details, [...current.ids, id])) {
      pages.push(current);
      current = { details: {}, ids: [] };
    }
    current.ids.push(id);
  }
  pages.push(current);
  return pages.map((page, i) => ({
    action,
    details: { ...page.details, part: i + 1, parts: pages.length, subjectIds: page.ids },
  }));
}

/** The subject ids a read entry records (for the IG lead's "entries about this subject"). */
export function subjectIdsOf(details: Record<string, unknown>): string[] {
  const ids = details.subjectIds;
  return Array.isArray(ids) ? ids.filter((x): x is string => typeof x === 'string') : [];
}
