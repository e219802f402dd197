import { MappaError } from '../../shared/errors';
import type { SubjectDetail, SubjectInput, SubjectSummary } from '../../shared/registerSchemas';
import type { RiskOfSeriousHarm } from '../../shared/vocabulary';
import type { Reader, SqlValue, Writer } from '../db/types';
import { iso, newId, type Ctx } from '../access/context';
import { addDays, ageOn, today } from '../../shared/calendar';
import { itemGroupsFor } from './items';
import { checkSubject, type NormalisedSubject } from './subjectRules';
import { indexSubject, unindexSubject } from './searchIndex';

// MAPPA nominals and Potentially Dangerous Persons. Edits overwrite the current record
// (the audit log keeps who changed what and when); deletion is recorded with its reason
// and hides the subject, it never removes it silently.

export interface SubjectRow extends Record<string, SqlValue> {
  id: string;
  kind: string;
  given_name: string;
  family_name: string;
  date_of_birth: string | null;
  category: number | null;
  level: number | null;
  risk: string | null;
  next_review: string | null;
  lead_office_name: string | null;
  aliases: string | null;
}

/** Days ahead in which a review counts as due in lists. */
export const REVIEW_DUE_WITHIN_DAYS = 7;

export const SUMMARY_COLUMNS = `s.id, s.kind, s.given_name, s.family_name, s.date_of_birth, s.category, s.level, s.risk, s.next_review,
  (SELECT name FROM offices WHERE id = s.lead_office_id) AS lead_office_name,
  (SELECT group_concat(alias, char(31)) FROM subject_aliases WHERE subject_id = s.id) AS aliases`;

/** What a summary needs to know about "now", worked out once per list, not per row. */
export interface SummaryDay {
  today: string;
  dueBy: string;
}

export function summaryDay(now: Date): SummaryDay {
  const day = today(now);
  return { today: day, dueBy: addDays(day, REVIEW_DUE_WITHIN_DAYS) };
}

export function toSummary(row: SubjectRow, day: SummaryDay): SubjectSummary {
  const { dueBy } = day;
  return {
    id: row.id,
    kind: row.kind === 'pdp' ? 'pdp' : 'nominal',
    givenName: row.given_name,
    familyName: row.family_name,
    aliases: row.aliases ? row.aliases.split('\u001f').sort() : [],
    dateOfBirth: row.date_of_birth,
    under18: row.date_of_birth !== null && ageOn(row.date_of_birth, day.today) < 18,
    category: row.category,
    level: row.level,
    risk: row.risk as RiskOfSeriousHarm | null,
    nextReview: row.next_review,
    reviewDue: row.next_review !== null && row.next_review <= dueBy,
    leadOfficeName: row.lead_office_name,
  };
}

function columns(s: NormalisedSubject): SqlValue[] {
  return [
    s.kind,
    s.givenName,
    s.familyName,
    s.dateOfBirth,
    s.ethnicity,
    s.pnc,
    s.ndelius,
    s.visor,
    s.address,
    s.noFixedAbode ? 1 : 0,
    s.areaOfClosestLinks,
    s.indexOffence,
    s.sentence,
    s.category,
    s.level,
    s.risk,
    s.exceptionalReason,
    s.leadOfficeId,
    s.nextReview,
  ];
}

function writeAliases(w: Writer, subjectId: string, aliases: string[]): void {
  w.run('DELETE FROM subject_aliases WHERE subject_id = ?', [subjectId]);
  for (const alias of aliases) w.run('INSERT INTO subject_aliases (subject_id, alias) VALUES (?, ?)', [subjectId, alias]);
}

/**
 * A new subject. `received`: a person first known to this register from a partner's
 * exchange file, whose share carried who they are but not the whole referral (address,
 * category, level, risk): those are completed here before the record is next saved.
 */
export function createSubject(w: Writer, ctx: Ctx, input: SubjectInput, options: { received?: boolean } = {}): string {
  const subject = checkSubject(w, input, ctx.now, null, options);
  const id = newId();
  const at = iso(ctx.now);
  w.run(
    `INSERT INTO subjects (kind, given_name, family_name, date_of_birth, ethnicity, pnc, ndelius, visor, address, no_fixed_abode,
      area_of_closest_links, index_offence, sentence, category, level, risk, exceptional_reason, lead_office_id, next_review,
      id, created_at, created_by, updated_at, updated_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [...columns(subject), id, at, ctx.actor.userName, at, ctx.actor.userName],
  );
  writeAliases(w, id, subject.aliases);
  indexSubject(w, id);
  return id;
}

export function updateSubject(w: Writer, ctx: Ctx, id: string, input: SubjectInput): void {
  requireLiveSubject(w, id);
  const subject = checkSubject(w, input, ctx.now, id);
  w.run(
    `UPDATE subjects SET kind = ?, given_name = ?, family_name = ?, date_of_birth = ?, ethnicity = ?, pnc = ?, ndelius = ?, visor = ?,
      address = ?, no_fixed_abode = ?, area_of_closest_links = ?, index_offence = ?, sentence = ?, category = ?, level = ?, risk = ?,
      exceptional_reason = ?, lead_office_id = ?, next_review = ?, updated_at = ?, updated_by = ?
     WHERE id = ?`,
    [...columns(subject), iso(ctx.now), ctx.actor.userName, id],
  );
  writeAliases(w, id, subject.aliases);
  indexSubject(w, id);
}

export function deleteSubject(w: Writer, ctx: Ctx, id: string, reason: string): void {
  requireLiveSubject(w, id);
  w.run('UPDATE subjects SET deleted_at = ?, deleted_by = ?, deleted_reason = ? WHERE id = ?', [iso(ctx.now), ctx.actor.userName, reason, id]);
  unindexSubject(w, id);
}

export function requireLiveSubject(r: Reader, id: string): void {
  const row = r.get<{ deleted_at: string | null }>('SELECT deleted_at FROM subjects WHERE id = ?', [id]);
  if (!row || row.deleted_at !== null) throw new MappaError('unknown_subject', 'That subject is not in this register (it may have been deleted).');
}

export function subjectNames(r: Reader, id: string): { names: string[]; dateOfBirth: string | null } | undefined {
  const row = r.get<{ given_name: string; family_name: string; date_of_birth: string | null }>('SELECT given_name, family_name, date_of_birth FROM subjects WHERE id = ?', [id]);
  if (!row) return undefined;
  const aliases = r.all<{ alias: string }>('SELECT alias FROM subject_aliases WHERE subject_id = ?', [id]).map((a) => a.alias);
  return { names: [`${row.given_name} ${row.family_name}`, ...aliases], dateOfBirth: row.date_of_birth };
}

interface DetailRow extends SubjectRow {
  ethnicity: string | null;
  pnc: string | null;
  ndelius: string | null;
  visor: string | null;
  address: string | null;
  no_fixed_abode: number;
  area_of_closest_links: string | null;
  index_offence: string | null;
  sentence: string | null;
  exceptional_reason: string | null;
  lead_office_id: string | null;
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
}

export function getSubject(r: Reader, id: string, now: Date): SubjectDetail {
  const row = r.get<DetailRow>(
    `SELECT ${SUMMARY_COLUMNS}, s.ethnicity, s.pnc, s.ndelius, s.visor, s.address, s.no_fixed_abode, s.area_of_closest_links, s.index_offence,
       s.sentence, s.exceptional_reason, s.lead_office_id, s.created_at, s.created_by, s.updated_at, s.updated_by
     FROM subjects s WHERE s.id = ? AND s.deleted_at IS NULL`,
    [id],
  );
  if (!row) throw new MappaError('unknown_subject', 'That subject is not in this register (it may have been deleted).');
  return {
    ...toSummary(row, summaryDay(now)),
    ethnicity: row.ethnicity,
    pnc: row.pnc,
    ndelius: row.ndelius,
    visor: row.visor,
    address: row.address,
    noFixedAbode: row.no_fixed_abode === 1,
    areaOfClosestLinks: row.area_of_closest_links,
    indexOffence: row.index_offence,
    sentence: row.sentence,
    exceptionalReason: row.exceptional_reason,
    leadOfficeId: row.lead_office_id,
    createdAt: row.created_at,
    createdBy: row.created_by,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
    itemGroups: itemGroupsFor(r, id),
  };
}

/** Level 2/3 (and any other dated) cases whose review is due within a week or overdue. */
export function reviewsDue(r: Reader, now: Date): SubjectSummary[] {
  const dueBy = addDays(today(now), REVIEW_DUE_WITHIN_DAYS);
  return r
    .all<SubjectRow>(`SELECT ${SUMMARY_COLUMNS} FROM subjects s WHERE s.deleted_at IS NULL AND s.next_review IS NOT NULL AND s.next_review <= ? ORDER BY s.next_review, s.family_name`, [dueBy])
    .map((row) => toSummary(row, summaryDay(now)));
}
