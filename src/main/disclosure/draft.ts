import type { FieldRef } from '../../shared/channels/sharing';
import type { ArrangementsInput, DecisionInput, LineAnswerInput, RecipientInput } from '../../shared/disclosureSchemas';
import { DEFAULT_AUTHORITY, MAX_RECIPIENTS_PER_DISCLOSURE, type Alternative } from '../../shared/disclosureVocabulary';
import { MappaError } from '../../shared/errors';
import { iso, newId, type Ctx } from '../access/context';
import { requireOffice } from '../access/offices';
import type { Reader, SqlValue, Writer } from '../db/types';
import { requireLiveSubject } from '../register/subjects';
import { requireLinkableMinutes } from './decisionBasis';
import { candidatesOf, refKey, refOfLine } from './fields';
import { lineRows, requireDraft, touch } from './rows';

// A draft disclosure, changed part by part (each part is a task of the task list). Every
// change is refused unless the disclosure is a draft, and marks it changed by whom.

export function startDisclosure(w: Writer, ctx: Ctx, subjectId: string): string {
  requireLiveSubject(w, subjectId);
  const id = newId();
  const at = iso(ctx.now);
  w.run(
    `INSERT INTO disclosures (id, subject_id, status, authority, discloser_office_ids, created_at, created_by, updated_at, updated_by)
     VALUES (?, ?, 'draft', ?, ?, ?, ?, ?, ?)`,
    [id, subjectId, DEFAULT_AUTHORITY, JSON.stringify([ctx.actor.officeId]), at, ctx.actor.userName, at, ctx.actor.userName],
  );
  return id;
}

/** Sets columns of the draft, and marks it changed. */
function setColumns(w: Writer, ctx: Ctx, id: string, values: Record<string, SqlValue>): void {
  requireDraft(w, id);
  const names = Object.keys(values);
  w.run(`UPDATE disclosures SET ${names.map((n) => `${n} = ?`).join(', ')} WHERE id = ?`, [...names.map((n) => values[n] ?? null), id]);
  touch(w, ctx, id);
}

export function requireRecipient(r: Reader, id: string, recipientId: string): { full_name: string } {
  const found = r.get<{ full_name: string }>('SELECT full_name FROM disclosure_recipients WHERE id = ? AND disclosure_id = ?', [recipientId, id]);
  if (!found) throw new MappaError('unknown_recipient', 'That recipient is not part of this disclosure.', 'recipientId');
  return found;
}

/** Adds a recipient (recipientId null) or changes one; returns its id. */
export function setRecipient(w: Writer, ctx: Ctx, input: RecipientInput): string {
  const row = requireDraft(w, input.id);
  const values = [input.kind, input.kindOther, input.fullName, input.organisation, input.identifiedHow, input.alreadyKnows, input.understandsConfidential ? 1 : 0, input.howToUse, input.ifSomethingHappens, input.contactAndSupport];
  if (input.recipientId === null) {
    const count = w.get<{ n: number; top: number | null }>('SELECT count(*) AS n, max(position) AS top FROM disclosure_recipients WHERE disclosure_id = ?', [input.id]);
    if ((count?.n ?? 0) >= MAX_RECIPIENTS_PER_DISCLOSURE) throw new MappaError('too_many', `A disclosure has at most ${MAX_RECIPIENTS_PER_DISCLOSURE} recipients: make another disclosure for more.`, 'recipientId');
    const recipientId = newId();
    w.run(
      `INSERT INTO disclosure_recipients (id, disclosure_id, subject_id, position, kind, kind_other, full_name, organisation, identified_how, already_knows,
         understands_confidential, how_to_use, if_something_happens, contact_and_support, added_at, added_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [recipientId, input.id, row.subject_id, (count?.top ?? 0) + 1, ...values, iso(ctx.now), ctx.actor.userName],
    );
    touch(w, ctx, input.id);
    return recipientId;
  }
  requireRecipient(w, input.id, input.recipientId);
  w.run(
    `UPDATE disclosure_recipients SET kind = ?, kind_other = ?, full_name = ?, organisation = ?, identified_how = ?, already_knows = ?, understands_confidential = ?,
       how_to_use = ?, if_something_happens = ?, contact_and_support = ? WHERE id = ? AND disclosure_id = ?`,
    [...values, input.recipientId, input.id],
  );
  touch(w, ctx, input.id);
  return input.recipientId;
}

export function removeRecipient(w: Writer, ctx: Ctx, id: string, recipientId: string): void {
  requireDraft(w, id);
  requireRecipient(w, id, recipientId);
  w.run('DELETE FROM disclosure_recipients WHERE id = ?', [recipientId]);
  touch(w, ctx, id);
}

/** Chooses exactly the fields disclosed: answers already given for a field that stays are kept. */
export function setFields(w: Writer, ctx: Ctx, id: string, fields: readonly FieldRef[]): void {
  const row = requireDraft(w, id);
  const candidates = candidatesOf(w, row.subject_id);
  const wanted = new Map<string, FieldRef>();
  for (const ref of fields) {
    const key = refKey(ref);
    if (!candidates.has(key)) {
      throw new MappaError('unknown_field', ref.kind === 'item' ? 'One of the items chosen is not this person’s, or has been deleted: choose again from the list.' : 'One of the person’s details chosen is not recorded: choose again from the list.', 'fields');
    }
    wanted.set(key, ref);
  }
  const existing = new Map(lineRows(w, id).map((l) => [refKey(refOfLine(l)), l]));
  for (const [key, line] of existing) if (!wanted.has(key)) w.run('DELETE FROM disclosure_lines WHERE id = ?', [line.id]);
  let position = 0;
  for (const [key, ref] of wanted) {
    position += 1;
    const line = existing.get(key);
    if (line) {
      w.run('UPDATE disclosure_lines SET position = ? WHERE id = ?', [position, line.id]);
      continue;
    }
    w.run('INSERT INTO disclosure_lines (id, disclosure_id, subject_id, position, subject_field, item_id) VALUES (?, ?, ?, ?, ?, ?)', [
      newId(),
      id,
      row.subject_id,
      position,
      ref.kind === 'subject' ? ref.field : null,
      ref.kind === 'item' ? ref.itemId : null,
    ]);
  }
  touch(w, ctx, id);
}

/** The three tests (and, where they apply, the special category's justification and the owner's agreement) for one field. */
export function answerLine(w: Writer, ctx: Ctx, input: LineAnswerInput): void {
  const row = requireDraft(w, input.id);
  const line = lineRows(w, input.id).find((l) => l.id === input.lineId);
  if (!line) throw new MappaError('unknown_line', 'That field is not part of this disclosure: choose the fields again.', 'lineId');
  const candidate = candidatesOf(w, row.subject_id).get(refKey(refOfLine(line)));
  if (!candidate) throw new MappaError('field_gone', 'That field has been deleted since it was chosen: remove it from the disclosure.', 'lineId');
  w.run(
    `UPDATE disclosure_lines SET necessary = ?, proportionate = ?, relevant = ?, special_justification = ?, wording = ?, owner_agreement = ?, item_version = ?,
       answered_by = ?, answered_at = ? WHERE id = ?`,
    [input.necessary, input.proportionate, input.relevant, input.specialJustification, input.wording, input.ownerAgreement, candidate.version, ctx.actor.userName, iso(ctx.now), line.id],
  );
  touch(w, ctx, input.id);
}

export function setArrangements(w: Writer, ctx: Ctx, input: ArrangementsInput): void {
  for (const officeId of input.discloserOfficeIds) requireOffice(w, officeId, 'discloserOfficeIds');
  setColumns(w, ctx, input.id, {
    discloser_office_ids: JSON.stringify(input.discloserOfficeIds),
    disclosers: input.disclosers,
    place: input.place,
    planned_on: input.plannedOn,
    method: input.method,
    method_details: input.methodDetails,
    authority: input.authority,
    authority_other: input.authority === 'other' ? input.authorityOther : null,
  });
}

export function setRiskToOffender(w: Writer, ctx: Ctx, id: string, text: string): void {
  setColumns(w, ctx, id, { risk_to_offender: text, risk_weighed: 1 });
}

/** Replaces the rows of one list part (alternatives, triggers, consulted) of a draft. */
function replaceList(w: Writer, ctx: Ctx, id: string, table: string, columns: readonly string[], rows: readonly SqlValue[][]): void {
  const row = requireDraft(w, id);
  w.run(`DELETE FROM ${table} WHERE disclosure_id = ?`, [id]);
  rows.forEach((values, i) => {
    w.run(`INSERT INTO ${table} (disclosure_id, subject_id, position, ${columns.join(', ')}) VALUES (?, ?, ?, ${columns.map(() => '?').join(', ')})`, [id, row.subject_id, i + 1, ...values]);
  });
  touch(w, ctx, id);
}

export function setAlternatives(w: Writer, ctx: Ctx, id: string, alternatives: readonly { kind: Alternative; other: string | null; whyRejected: string }[]): void {
  replaceList(w, ctx, id, 'disclosure_alternatives', ['kind', 'other', 'why_rejected'], alternatives.map((a) => [a.kind, a.kind === 'other' ? a.other : null, a.whyRejected]));
}

export function setTriggers(w: Writer, ctx: Ctx, id: string, triggers: readonly { ifYouSee: string; youNeedTo: string }[]): void {
  replaceList(w, ctx, id, 'disclosure_triggers', ['if_you_see', 'you_need_to'], triggers.map((t) => [t.ifYouSee, t.youNeedTo]));
}

export function setDecision(w: Writer, ctx: Ctx, input: DecisionInput): void {
  const row = requireDraft(w, input.id);
  const none = { minutes_id: null, emergency_reason: null, single_agency_reason: null };
  switch (input.basis) {
    case 'meeting':
      requireLinkableMinutes(w, input.minutesId, row.subject_id, ctx.now);
      setColumns(w, ctx, input.id, { ...none, decision_basis: 'meeting', minutes_id: input.minutesId });
      replaceList(w, ctx, input.id, 'disclosure_consulted', ['office_id', 'person_name', 'consulted_on'], []);
      return;
    case 'emergency':
      input.consulted.forEach((c, i) => requireOffice(w, c.officeId, `consulted.${i}.officeId`));
      setColumns(w, ctx, input.id, { ...none, decision_basis: 'emergency', emergency_reason: input.emergencyReason });
      replaceList(w, ctx, input.id, 'disclosure_consulted', ['office_id', 'person_name', 'consulted_on'], input.consulted.map((c) => [c.officeId, c.personName, c.consultedOn]));
      return;
    case 'single_agency':
      setColumns(w, ctx, input.id, { ...none, decision_basis: 'single_agency', single_agency_reason: input.singleAgencyReason });
      replaceList(w, ctx, input.id, 'disclosure_consulted', ['office_id', 'person_name', 'consulted_on'], []);
      return;
  }
}

export function setBreakdownSupport(w: Writer, ctx: Ctx, id: string, victimSupport: string, offenderSupport: string): void {
  setColumns(w, ctx, id, { breakdown_victim_support: victimSupport, breakdown_offender_support: offenderSupport });
}

export function setYouthConsultation(w: Writer, ctx: Ctx, input: { id: string; consultedName: string; consultedRole: string; consultedOfficeId: string; consultedOn: string; advice: string }): void {
  requireOffice(w, input.consultedOfficeId, 'consultedOfficeId');
  setColumns(w, ctx, input.id, {
    youth_consulted_name: input.consultedName,
    youth_consulted_role: input.consultedRole,
    youth_consulted_office_id: input.consultedOfficeId,
    youth_consulted_on: input.consultedOn,
    youth_advice: input.advice,
  });
}

export function setOffenderKnows(w: Writer, ctx: Ctx, id: string, answer: string, notToldReason: string | null): void {
  setColumns(w, ctx, id, { offender_knows: answer, not_told_reason: answer === 'not_told' ? notToldReason : null });
}
