import { MappaError } from '../../shared/errors';
import type { Reader, SqlValue } from '../db/types';
import { listAssociations, matchableSubject, matchAssociation, type AssociationDeclaration } from '../audit';
import { nameTokens, nicknamesOf } from '../audit/nameMatch';

// The declared-association block on every channel (APP counter-corruption case study):
// a subject who matches one of the user's active declarations, with no exception granted,
// never reaches that user, in a list, a search, a history or an edit.

/** Opening or reading a blocked subject (the sentence subjects.get has always used). */
export const BLOCKED_OPEN =
  'You cannot open this record: it matches a person you have declared a personal association with. Your information governance lead has been alerted and can grant an exception if your work needs it.';

/** Changing a blocked subject or their information. */
export const BLOCKED_CHANGE =
  'You cannot change this record: it matches a person you have declared a personal association with. Your information governance lead has been alerted and can grant an exception if your work needs it.';

export function blocked(message: string): MappaError {
  return new MappaError('association_block', message);
}

/**
 * The FTS words that find every subject a declaration could match. A match without both
 * dates of birth must be strong (at most one token only fuzzily alike), and every name has
 * at least two tokens, so a subject it matches shares at least one token exactly or as a
 * nickname: searching for those finds them all. Apostrophes split words in the index
 * ("O'Brien" is "o" and "brien") but not in nameTokens, so both forms are asked for.
 */
function candidateWords(declaration: AssociationDeclaration): string[] {
  const words = new Set<string>();
  for (const name of declaration.names) {
    for (const token of nameTokens(name)) for (const n of nicknamesOf(token)) words.add(n);
    const split = name
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u);
    for (const t of split) if (t !== '') words.add(t);
  }
  return [...words];
}

/**
 * Live subjects the user may not see: those matching an active declaration of theirs,
 * less those an IG lead has granted them an exception for. Subject id -> the declaration.
 * Users who declared nothing (nearly all) cost one query.
 */
export function blockedSubjects(r: Reader, userId: string): Map<string, AssociationDeclaration> {
  const declarations = listAssociations(r, userId);
  const found = new Map<string, AssociationDeclaration>();
  if (declarations.length === 0) return found;
  const words = [...new Set(declarations.flatMap(candidateWords))];
  const dates = [...new Set(declarations.map((d) => d.dateOfBirth).filter((d): d is string => d !== null))];
  const where: string[] = [];
  const params: SqlValue[] = [];
  if (words.length > 0) {
    where.push('s.rowid IN (SELECT docid FROM subject_search WHERE subject_search MATCH ?)');
    params.push(words.map((w) => `"${w}"`).join(' OR '));
  }
  if (dates.length > 0) {
    // With both dates of birth the same, a fuzzy name match is enough: look at everyone born that day.
    where.push(`s.date_of_birth IN (${dates.map(() => '?').join(', ')})`);
    params.push(...dates);
  }
  if (where.length === 0) return found;
  const candidates = r.all<{ id: string }>(`SELECT s.id FROM subjects s WHERE s.deleted_at IS NULL AND (${where.join(' OR ')})`, params);
  if (candidates.length === 0) return found;
  const excepted = new Set(r.all<{ subject_id: string }>('SELECT subject_id FROM association_exceptions WHERE user_id = ?', [userId]).map((e) => e.subject_id));
  for (const { id } of candidates) {
    if (excepted.has(id)) continue;
    const declaration = matchAssociation(matchableSubject(r, id), declarations);
    if (declaration !== null) found.set(id, declaration);
  }
  return found;
}
