import { isAfter, today } from '../../shared/calendar';
import type { DisclosureView, MadeInput } from '../../shared/disclosureSchemas';
import { MappaError } from '../../shared/errors';
import { iso, type Ctx } from '../access/context';
import type { Writer } from '../db/types';
import { candidatesOf, refKey, refOfLine } from './fields';
import { getDisclosureRow, lineRows, recipientRows, requireDraft } from './rows';
import { disclosureView } from './view';

// A disclosure's states: draft -> approved (by whom) -> made (outcome, date, by whom, each
// recipient's undertaking) or withdrawn. Approval is refused while any criterion is
// unanswered, whichever channel asks; a made or withdrawn record is immutable (migration 9's
// triggers) and is corrected by addenda.

/** Every sentence that stops approval, criteria first (the same ones the task list shows). */
export function approvalProblems(view: DisclosureView): string[] {
  return [...view.criteria.flatMap((c) => c.problems), ...view.problems];
}

function notReady(problems: readonly string[]): MappaError {
  return new MappaError('not_ready', `This disclosure cannot be approved yet: ${problems.length === 1 ? 'one thing is' : `${problems.length} things are`} still to do. ${problems.join(' ')}`);
}

export function approveDisclosure(w: Writer, ctx: Ctx, id: string): DisclosureView {
  const row = requireDraft(w, id);
  const problems = approvalProblems(disclosureView(w, id, ctx.now));
  if (problems.length > 0) throw notReady(problems);
  // The exact words approved are fixed now: the briefing gives these and nothing else.
  const candidates = candidatesOf(w, row.subject_id);
  for (const line of lineRows(w, id)) {
    const value = candidates.get(refKey(refOfLine(line)))?.field.value ?? '';
    w.run('UPDATE disclosure_lines SET approved_text = ? WHERE id = ?', [line.wording ?? value, line.id]);
  }
  w.run("UPDATE disclosures SET status = 'approved', approved_at = ?, approved_by = ?, decision_day = ?, updated_at = ?, updated_by = ? WHERE id = ?", [
    iso(ctx.now),
    ctx.actor.userName,
    today(ctx.now),
    iso(ctx.now),
    ctx.actor.userName,
    id,
  ]);
  return disclosureView(w, id, ctx.now);
}

/** An approved disclosure not yet made goes back to draft to be changed; its approval is undone. */
export function returnToDraft(w: Writer, ctx: Ctx, id: string): void {
  const row = getDisclosureRow(w, id);
  if (row.status !== 'approved') throw new MappaError('not_approved', row.status === 'draft' ? 'This disclosure is already a draft.' : 'Only an approved disclosure not yet made can go back to draft.');
  w.run('UPDATE disclosure_lines SET approved_text = NULL WHERE disclosure_id = ?', [id]);
  w.run("UPDATE disclosures SET status = 'draft', approved_at = NULL, approved_by = NULL, decision_day = NULL, updated_at = ?, updated_by = ? WHERE id = ?", [iso(ctx.now), ctx.actor.userName, id]);
}

export function withdrawDisclosure(w: Writer, ctx: Ctx, id: string, reason: string): void {
  const row = getDisclosureRow(w, id);
  if (row.status === 'made') throw new MappaError('already_made', 'This disclosure has been made: it cannot be withdrawn, because what was told cannot be unread. Add an addendum instead.');
  if (row.status === 'withdrawn') throw new MappaError('already_withdrawn', 'This disclosure has already been withdrawn.');
  w.run("UPDATE disclosures SET status = 'withdrawn', withdrawn_at = ?, withdrawn_by = ?, withdrawn_reason = ?, updated_at = ?, updated_by = ? WHERE id = ?", [
    iso(ctx.now),
    ctx.actor.userName,
    reason,
    iso(ctx.now),
    ctx.actor.userName,
    id,
  ]);
}

export function recordMade(w: Writer, ctx: Ctx, input: MadeInput): void {
  const row = getDisclosureRow(w, input.id);
  if (row.status !== 'approved') {
    throw new MappaError('not_approved', row.status === 'draft' ? 'This disclosure has not been approved: it cannot be recorded as made.' : `This disclosure has already been ${row.status}.`);
  }
  if (isAfter(input.madeOn, today(ctx.now))) throw new MappaError('future', 'The date the disclosure was made cannot be in the future.', 'madeOn');
  if (row.decision_day !== null && isAfter(row.decision_day, input.madeOn)) throw new MappaError('before_approval', 'The disclosure cannot have been made before it was approved.', 'madeOn');
  const recipients = recipientRows(w, input.id);
  const given = new Map(input.undertakings.map((u) => [u.recipientId, u]));
  if (given.size !== input.undertakings.length) throw new MappaError('twice', 'Say once for each recipient whether they signed the undertaking.', 'undertakings');
  for (const id of given.keys()) if (!recipients.some((r) => r.id === id)) throw new MappaError('unknown_recipient', 'That recipient is not part of this disclosure.', 'undertakings');
  const missing = recipients.filter((r) => !given.has(r.id));
  if (missing.length > 0) throw new MappaError('undertaking_missing', `Say whether ${missing.map((r) => r.full_name).join(' and ')} signed the undertaking.`, 'undertakings');
  for (const r of recipients) {
    const u = given.get(r.id);
    if (u) w.run('UPDATE disclosure_recipients SET undertaking = ?, undertaking_note = ? WHERE id = ?', [u.answer, u.note, r.id]);
  }
  w.run(
    "UPDATE disclosures SET status = 'made', made_on = ?, made_by = ?, outcome = ?, made_recorded_at = ?, made_recorded_by = ?, updated_at = ?, updated_by = ? WHERE id = ?",
    [input.madeOn, input.madeBy, input.outcome, iso(ctx.now), ctx.actor.userName, iso(ctx.now), ctx.actor.userName, input.id],
  );
}

/** A correction to a disclosure made or withdrawn: the record stays as it was, the addendum is added to it. */
export function addAddendum(w: Writer, ctx: Ctx, id: string, text: string, reason: string): number {
  const row = getDisclosureRow(w, id);
  if (row.status === 'draft' || row.status === 'approved') throw new MappaError('not_final', 'This disclosure has not been made yet: change it instead of adding an addendum (an approved one goes back to draft first).');
  const seq = (w.get<{ n: number | null }>('SELECT max(seq) AS n FROM disclosure_addenda WHERE disclosure_id = ?', [id])?.n ?? 0) + 1;
  w.run('INSERT INTO disclosure_addenda (disclosure_id, subject_id, seq, text, reason, added_at, added_by) VALUES (?, ?, ?, ?, ?, ?, ?)', [id, row.subject_id, seq, text, reason, iso(ctx.now), ctx.actor.userName]);
  return seq;
}
