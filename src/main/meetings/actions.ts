import type { ActionView, MinutesParts } from '../../shared/channels/meetings';
import { londonDayOf } from '../../shared/calendar';
import { MappaError } from '../../shared/errors';
import type { ActionStatus } from '../../shared/meetingsVocabulary';
import { iso, newId, type Ctx } from '../access/context';
import { requireOffice, type Office } from '../access/offices';
import type { Reader, Writer } from '../db/types';
import { meetingTitle } from './meetings';

// Actions agreed at meetings (MAPPA C: each with its owning agency, person, due date,
// status and reasons): written in the minutes, then followed in one list across meetings
// by owning agency and due date. Every status change is kept in action_history.

type ActionRow = {
  id: string;
  minutes_id: string;
  meeting_id: string;
  subject_id: string;
  description: string;
  rationale: string;
  owner_office_id: string;
  owner_person: string;
  due_on: string;
  status: string;
  kind: string;
  review_number: number;
  starts_at: string;
};

const SELECT = `SELECT a.id, a.minutes_id, a.meeting_id, a.subject_id, a.description, a.rationale, a.owner_office_id, a.owner_person, a.due_on, a.status,
  m.kind, m.review_number, m.starts_at FROM meeting_actions a JOIN meetings m ON m.id = a.meeting_id`;

function views(r: Reader, rows: ActionRow[], now: Date): ActionView[] {
  const today = londonDayOf(now.toISOString());
  const offices = new Map<string, Office>();
  const officeOf = (id: string) => offices.get(id) ?? offices.set(id, requireOffice(r, id, 'ownerOfficeId')).get(id)!;
  return rows.map((a) => ({
    id: a.id,
    meetingId: a.meeting_id,
    subjectId: a.subject_id,
    meetingTitle: meetingTitle(a),
    meetingDate: londonDayOf(a.starts_at),
    description: a.description,
    rationale: a.rationale,
    owner: officeOf(a.owner_office_id),
    ownerPerson: a.owner_person,
    dueOn: a.due_on,
    status: a.status as ActionStatus,
    overdue: (a.status === 'open' || a.status === 'in_progress') && today > a.due_on,
    history: r
      .all<{ status: string; note: string | null; at: string; by_user: string }>('SELECT status, note, at, by_user FROM action_history WHERE action_id = ? ORDER BY seq', [a.id])
      .map((h) => ({ status: h.status as ActionStatus, note: h.note, at: h.at, by: h.by_user })),
  }));
}

export function actionsOfMinutes(r: Reader, minutesId: string, now: Date = new Date(0)): ActionView[] {
  return views(r, r.all<ActionRow>(`${SELECT} WHERE a.minutes_id = ? AND a.removed_at IS NULL ORDER BY a.position`, [minutesId]), now);
}

function addHistory(w: Writer, ctx: Ctx, actionId: string, subjectId: string, status: ActionStatus, note: string | null): void {
  const seq = (w.get<{ n: number }>('SELECT count(*) AS n FROM action_history WHERE action_id = ?', [actionId])?.n ?? 0) + 1;
  w.run('INSERT INTO action_history (action_id, seq, subject_id, status, note, at, by_user) VALUES (?, ?, ?, ?, ?, ?, ?)', [actionId, seq, subjectId, status, note, iso(ctx.now), ctx.actor.userName]);
}

/** Makes the minutes' actions what the minutes now say; true if anything changed. */
export function syncActions(w: Writer, ctx: Ctx, m: { id: string; meeting_id: string; subject_id: string }, inputs: MinutesParts['actions']): boolean {
  const existing = new Map(w.all<ActionRow>(`${SELECT} WHERE a.minutes_id = ? AND a.removed_at IS NULL`, [m.id]).map((a) => [a.id, a]));
  const at = iso(ctx.now);
  let changed = false;
  const kept = new Set<string>();
  inputs.forEach((a, i) => {
    requireOffice(w, a.ownerOfficeId, `actions.${i}.ownerOfficeId`);
    if (a.id !== null) {
      const was = existing.get(a.id);
      if (!was) throw new MappaError('unknown_action', 'An action in the minutes is not one of these minutes’ actions.', `actions.${i}.id`);
      kept.add(a.id);
      if (was.description !== a.description || was.rationale !== a.rationale || was.owner_office_id !== a.ownerOfficeId || was.owner_person !== a.ownerPerson || was.due_on !== a.dueOn) {
        w.run('UPDATE meeting_actions SET description = ?, rationale = ?, owner_office_id = ?, owner_person = ?, due_on = ?, position = ?, updated_at = ?, updated_by = ? WHERE id = ?', [
          a.description, a.rationale, a.ownerOfficeId, a.ownerPerson, a.dueOn, i + 1, at, ctx.actor.userName, a.id,
        ]);
        changed = true;
      }
      return;
    }
    const id = newId();
    w.run(
      `INSERT INTO meeting_actions (id, minutes_id, meeting_id, subject_id, position, description, rationale, owner_office_id, owner_person, due_on, status, created_at, created_by, updated_at, updated_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'open', ?, ?, ?, ?)`,
      [id, m.id, m.meeting_id, m.subject_id, i + 1, a.description, a.rationale, a.ownerOfficeId, a.ownerPerson, a.dueOn, at, ctx.actor.userName, at, ctx.actor.userName],
    );
    addHistory(w, ctx, id, m.subject_id, 'open', 'Agreed at the meeting.');
    changed = true;
  });
  for (const id of existing.keys()) {
    if (kept.has(id)) continue;
    w.run('UPDATE meeting_actions SET removed_at = ?, removed_by = ? WHERE id = ?', [at, ctx.actor.userName, id]);
    changed = true;
  }
  return changed;
}

export function actionSubject(r: Reader, actionId: string): string {
  const row = r.get<{ subject_id: string; meeting_id: string }>('SELECT subject_id, meeting_id FROM meeting_actions WHERE id = ? AND removed_at IS NULL', [actionId]);
  if (!row) throw new MappaError('unknown_action', 'That action is not in this register.');
  return row.subject_id;
}

export function actionMeeting(r: Reader, actionId: string): string {
  const row = r.get<{ meeting_id: string }>('SELECT meeting_id FROM meeting_actions WHERE id = ?', [actionId]);
  if (!row) throw new MappaError('unknown_action', 'That action is not in this register.');
  return row.meeting_id;
}

export function setActionStatus(w: Writer, ctx: Ctx, actionId: string, status: ActionStatus, note: string | null): { from: string; to: ActionStatus } {
  const row = w.get<{ status: string; subject_id: string }>('SELECT status, subject_id FROM meeting_actions WHERE id = ? AND removed_at IS NULL', [actionId]);
  if (!row) throw new MappaError('unknown_action', 'That action is not in this register.');
  if (row.status === status) throw new MappaError('unchanged', 'The action already has that status.', 'status');
  w.run('UPDATE meeting_actions SET status = ?, updated_at = ?, updated_by = ? WHERE id = ?', [status, iso(ctx.now), ctx.actor.userName, actionId]);
  addHistory(w, ctx, actionId, row.subject_id, status, note);
  return { from: row.status, to: status };
}

export function getAction(r: Reader, actionId: string, now: Date): ActionView {
  const rows = r.all<ActionRow>(`${SELECT} WHERE a.id = ?`, [actionId]);
  const [view] = views(r, rows, now);
  if (!view) throw new MappaError('unknown_action', 'That action is not in this register.');
  return view;
}

/** Every live action across meetings, by owning agency and due date, leaving out subjects in `hidden`. */
export function listActions(r: Reader, filter: { ownerOfficeId: string | null; openOnly: boolean }, hidden: ReadonlySet<string>, now: Date): ActionView[] {
  const rows = r.all<ActionRow>(
    `${SELECT} WHERE a.removed_at IS NULL AND (? IS NULL OR a.owner_office_id = ?) AND (? = 0 OR a.status IN ('open', 'in_progress'))
     ORDER BY (SELECT agency FROM offices WHERE id = a.owner_office_id), (SELECT name FROM offices WHERE id = a.owner_office_id), a.due_on, a.position`,
    [filter.ownerOfficeId, filter.ownerOfficeId, filter.openOnly ? 1 : 0],
  );
  return views(r, rows.filter((a) => !hidden.has(a.subject_id)), now);
}
