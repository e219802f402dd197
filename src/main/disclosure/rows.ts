import type { DisclosureStatus } from '../../shared/disclosureVocabulary';
import { MappaError } from '../../shared/errors';
import type { Reader, SqlValue, Writer } from '../db/types';
import { iso, type Ctx } from '../access/context';

// A disclosure's rows as stored (migration 9), and the rules about which state may change.

export interface DisclosureRow extends Record<string, SqlValue> {
  id: string;
  subject_id: string;
  status: DisclosureStatus;
  authority: string;
  authority_other: string | null;
  discloser_office_ids: string;
  disclosers: string | null;
  place: string | null;
  planned_on: string | null;
  method: string | null;
  method_details: string | null;
  risk_to_offender: string | null;
  risk_weighed: number;
  decision_basis: string | null;
  minutes_id: string | null;
  emergency_reason: string | null;
  single_agency_reason: string | null;
  breakdown_victim_support: string | null;
  breakdown_offender_support: string | null;
  youth_consulted_name: string | null;
  youth_consulted_role: string | null;
  youth_consulted_office_id: string | null;
  youth_consulted_on: string | null;
  youth_advice: string | null;
  offender_knows: string | null;
  not_told_reason: string | null;
  decision_day: string | null;
  approved_at: string | null;
  approved_by: string | null;
  made_on: string | null;
  made_by: string | null;
  outcome: string | null;
  made_recorded_at: string | null;
  made_recorded_by: string | null;
  withdrawn_at: string | null;
  withdrawn_by: string | null;
  withdrawn_reason: string | null;
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
}

export interface RecipientRow extends Record<string, SqlValue> {
  id: string;
  position: number;
  kind: string;
  kind_other: string | null;
  full_name: string;
  organisation: string | null;
  identified_how: string | null;
  already_knows: string | null;
  understands_confidential: number;
  how_to_use: string | null;
  if_something_happens: string | null;
  contact_and_support: string | null;
  undertaking: string | null;
  undertaking_note: string | null;
}

export interface LineRow extends Record<string, SqlValue> {
  id: string;
  position: number;
  subject_field: string | null;
  item_id: string | null;
  item_version: number | null;
  necessary: string | null;
  proportionate: string | null;
  relevant: string | null;
  special_justification: string | null;
  wording: string | null;
  owner_agreement: string | null;
  answered_by: string | null;
  answered_at: string | null;
  approved_text: string | null;
}

export const NOT_FOUND = 'That disclosure is not in this register.';

export function getDisclosureRow(r: Reader, id: string): DisclosureRow {
  const row = r.get<DisclosureRow>('SELECT * FROM disclosures WHERE id = ?', [id]);
  if (!row) throw new MappaError('unknown_disclosure', NOT_FOUND, 'id');
  return row;
}

export const subjectOfDisclosure = (id: string) => (r: Reader) => getDisclosureRow(r, id).subject_id;

export const recipientRows = (r: Reader, id: string): RecipientRow[] => r.all<RecipientRow>('SELECT * FROM disclosure_recipients WHERE disclosure_id = ? ORDER BY position', [id]);
export const lineRows = (r: Reader, id: string): LineRow[] => r.all<LineRow>('SELECT * FROM disclosure_lines WHERE disclosure_id = ? ORDER BY position', [id]);

const REFUSED: Record<DisclosureStatus, string> = {
  draft: '',
  approved: 'This disclosure has been approved: return it to draft before changing it.',
  made: 'This disclosure has been made and cannot be changed: add an addendum instead.',
  withdrawn: 'This disclosure was withdrawn and cannot be changed: start a new one instead.',
};

/** The draft, for a change to its content; anything else is refused with what to do instead. */
export function requireDraft(r: Reader, id: string): DisclosureRow {
  const row = getDisclosureRow(r, id);
  if (row.status !== 'draft') throw new MappaError(`not_draft`, REFUSED[row.status]);
  return row;
}

/** Marks a draft as changed now, by the actor. */
export function touch(w: Writer, ctx: Ctx, id: string): void {
  w.run('UPDATE disclosures SET updated_at = ?, updated_by = ? WHERE id = ?', [iso(ctx.now), ctx.actor.userName, id]);
}

export function parseIds(json: string): string[] {
  const parsed: unknown = JSON.parse(json);
  return Array.isArray(parsed) ? parsed.filter((x): x is string => typeof x === 'string') : [];
}
