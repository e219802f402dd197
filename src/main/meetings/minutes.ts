import type { LinkableItem, MinutesParts, MinutesView } from '../../shared/channels/meetings';
import { londonDayOf } from '../../shared/calendar';
import { MappaError } from '../../shared/errors';
import { AGENCY_KINDS, FIELD_KINDS } from '../../shared/vocabulary';
import type { MeetingKind, SubjectAttendance } from '../../shared/meetingsVocabulary';
import { DISCLOSURE_STATUSES, RECIPIENT_KINDS, type DisclosureStatus, type RecipientKind } from '../../shared/disclosureVocabulary';
import { iso, newId, type Ctx } from '../access/context';
import { requireOffice } from '../access/offices';
import type { Reader, SqlValue, Writer } from '../db/types';
import { getItem, itemGroupsFor } from '../register/items';
import { actionsOfMinutes, syncActions } from './actions';
import { chairDeadline, chairDue } from './approval';
import { getMeetingRow, requireMeetingSubject } from './meetings';
import { fromRow, missingParts, PART_COLUMNS, PART_KEYS, PART_SELECT, toColumn, type PartKey } from './minutesParts';

// Minutes of one subject at one meeting, and their approval (procedures §7): the
// minute-taker drafts them, sends them to the chair, and the chair confirms them as a
// correct record or amends them; then they are final and nothing changes them. Every change
// is in minutes_history with the parts it changed and their earlier text, and who made it.

export type MinutesRow = Record<string, SqlValue> & {
  id: string;
  meeting_id: string;
  subject_id: string;
  status: string;
  version: number;
  received_on: string | null;
  chair_due_on: string | null;
  chair_due_notice: string | null;
  approved_at: string | null;
  approved_by: string | null;
};

const COLUMNS = `id, meeting_id, subject_id, status, version, received_on, chair_due_on, chair_due_notice, approved_at, approved_by, ${PART_SELECT}`;

export function findMinutes(r: Reader, meetingId: string, subjectId: string): MinutesRow | undefined {
  return r.get<MinutesRow>(`SELECT ${COLUMNS} FROM minutes WHERE meeting_id = ? AND subject_id = ?`, [meetingId, subjectId]);
}

export function requireMinutes(r: Reader, meetingId: string, subjectId: string): MinutesRow {
  const row = findMinutes(r, meetingId, subjectId);
  if (!row) throw new MappaError('no_minutes', 'No minutes have been started for this person at this meeting.');
  return row;
}

function record(w: Writer, ctx: Ctx, m: MinutesRow, event: 'started' | 'edited' | 'sent' | 'amended' | 'confirmed', version: number, changed: string[], earlier: Record<string, unknown>, note: string | null): void {
  const seq = (w.get<{ n: number }>('SELECT count(*) AS n FROM minutes_history WHERE minutes_id = ?', [m.id])?.n ?? 0) + 1;
  w.run(
    `INSERT INTO minutes_history (minutes_id, seq, meeting_id, subject_id, event, version, changed_parts, earlier, note, at, by_user) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [m.id, seq, m.meeting_id, m.subject_id, event, version, JSON.stringify(changed), JSON.stringify(earlier), note, iso(ctx.now), ctx.actor.userName],
  );
}

function startMinutes(w: Writer, ctx: Ctx, meetingId: string, subjectId: string): MinutesRow {
  const at = iso(ctx.now);
  w.run(
    `INSERT INTO minutes (id, meeting_id, subject_id, status, version, created_at, created_by, updated_at, updated_by) VALUES (?, ?, ?, 'draft', 1, ?, ?, ?, ?)`,
    [newId(), meetingId, subjectId, at, ctx.actor.userName, at, ctx.actor.userName],
  );
  const row = requireMinutes(w, meetingId, subjectId);
  record(w, ctx, row, 'started', 1, [], {}, null);
  return row;
}

/** Writes the parts; returns the parts that changed (the history keeps their earlier text). */
function writeParts(w: Writer, ctx: Ctx, m: MinutesRow, parts: MinutesParts, event: 'edited' | 'amended', note: string | null, status: string): string[] {
  for (const itemId of parts.informationItemIds) {
    if (getItem(w, itemId).subjectId !== m.subject_id) throw new MappaError('wrong_subject', 'A linked item belongs to someone else: link only this person’s items.', 'informationItemIds');
  }
  if (parts.disclosureRecordId !== null) {
    if (parts.disclosureKind !== 'disclosure_record') throw new MappaError('not_a_record', 'A disclosure record is linked only when the consideration is “see the disclosure record”.', 'disclosureRecordId');
    if (linkedDisclosure(w, m.subject_id, parts.disclosureRecordId) === null) {
      throw new MappaError('wrong_subject', 'That disclosure record is not about this person: link one of their own disclosures.', 'disclosureRecordId');
    }
  }
  const before = fromRow(m);
  const changed: string[] = [];
  const earlier: Record<string, unknown> = {};
  for (const key of PART_KEYS) {
    const was = toColumn(key, before[key]);
    const now = toColumn(key, parts[key as PartKey]);
    if (was !== now) {
      changed.push(key);
      earlier[key] = before[key];
    }
  }
  const actionsBefore = actionsOfMinutes(w, m.id);
  const actionsChanged = syncActions(w, ctx, m, parts.actions);
  if (actionsChanged) {
    changed.push('actions');
    earlier.actions = actionsBefore.map((a) => ({ id: a.id, description: a.description, rationale: a.rationale, ownerOfficeId: a.owner.id, ownerPerson: a.ownerPerson, dueOn: a.dueOn }));
  }
  if (changed.length === 0 && event === 'edited') return changed;
  const version = m.version + 1;
  const sets = PART_KEYS.map((k) => `${PART_COLUMNS[k]} = ?`).join(', ');
  w.run(`UPDATE minutes SET ${sets}, status = ?, version = ?, updated_at = ?, updated_by = ? WHERE id = ?`, [
    ...PART_KEYS.map((k) => toColumn(k, parts[k as PartKey])),
    status,
    version,
    iso(ctx.now),
    ctx.actor.userName,
    m.id,
  ]);
  record(w, ctx, m, event, version, changed, earlier, note);
  return changed;
}

/**
 * The disclosure record (issue 12) the minutes link to, if it is about this person: its
 * status, the kinds of recipient and the day it was started, never what it discloses. Read
 * from the disclosures table (migration 9), as a capability reads another's records.
 */
export function linkedDisclosure(r: Reader, subjectId: string, disclosureId: string): MinutesView['linkedDisclosure'] {
  const d = r.get<{ id: string; status: DisclosureStatus; created_at: string }>('SELECT id, status, created_at FROM disclosures WHERE id = ? AND subject_id = ?', [disclosureId, subjectId]);
  if (!d) return null;
  const kinds = r.all<{ kind: RecipientKind }>('SELECT kind FROM disclosure_recipients WHERE disclosure_id = ? ORDER BY position', [d.id]).map((k) => RECIPIENT_KINDS[k.kind].replace(' (say who)', '').toLowerCase());
  return { id: d.id, status: d.status, statusLabel: DISCLOSURE_STATUSES[d.status], recipients: kinds.length === 0 ? 'no recipient yet' : kinds.join(', '), createdOn: londonDayOf(d.created_at) };
}

/** The minute-taker's draft: started on first save, editable until it goes to the chair. */
export function saveDraft(w: Writer, ctx: Ctx, meetingId: string, subjectId: string, parts: MinutesParts): string[] {
  requireMeetingSubject(w, meetingId, subjectId);
  const m = findMinutes(w, meetingId, subjectId) ?? startMinutes(w, ctx, meetingId, subjectId);
  if (m.status !== 'draft') {
    throw new MappaError('not_draft', m.status === 'final' ? 'These minutes are final: they cannot be changed.' : 'These minutes are with the chair: only the chair can amend them now.');
  }
  return writeParts(w, ctx, m, parts, 'edited', null, 'draft');
}

/** Sends the draft to the chair: the day of receipt starts the chair's working days. */
export function sendToChair(w: Writer, ctx: Ctx, meetingId: string, subjectId: string): { receivedOn: string; dueOn: string } {
  const m = requireMinutes(w, meetingId, subjectId);
  if (m.status !== 'draft') throw new MappaError('not_draft', m.status === 'final' ? 'These minutes are final already.' : 'These minutes have already been sent to the chair.');
  const receivedOn = londonDayOf(iso(ctx.now));
  const due = chairDeadline(w, receivedOn);
  const notice = due.beyondKnownHolidays ? due.notice : null;
  w.run(`UPDATE minutes SET status = 'sent', sent_at = ?, sent_by = ?, received_on = ?, chair_due_on = ?, chair_due_notice = ?, updated_at = ?, updated_by = ? WHERE id = ?`, [
    iso(ctx.now),
    ctx.actor.userName,
    receivedOn,
    due.date,
    notice,
    iso(ctx.now),
    ctx.actor.userName,
    m.id,
  ]);
  record(w, ctx, m, 'sent', m.version, [], {}, null);
  return { receivedOn, dueOn: due.date };
}

/** The chair's amendment: the earlier text of every part changed is kept, with the chair's note. */
export function amendAsChair(w: Writer, ctx: Ctx, meetingId: string, subjectId: string, parts: MinutesParts, note: string): string[] {
  const m = requireMinutes(w, meetingId, subjectId);
  if (m.status === 'draft') throw new MappaError('not_sent', 'These minutes have not been sent to the chair yet.');
  if (m.status === 'final') throw new MappaError('final', 'These minutes are final: they cannot be changed.');
  const changed = writeParts(w, ctx, m, parts, 'amended', note, 'amended');
  if (changed.length === 0) throw new MappaError('unchanged', 'Nothing was changed: to accept the minutes as they are, confirm them instead.');
  return changed;
}

/** The chair confirms the minutes as a correct record: final, if every required part is written. */
export function confirmAsChair(w: Writer, ctx: Ctx, meetingId: string, subjectId: string, forChair: string | null = null): void {
  const m = requireMinutes(w, meetingId, subjectId);
  if (m.status === 'draft') throw new MappaError('not_sent', 'These minutes have not been sent to the chair yet.');
  if (m.status === 'final') throw new MappaError('final', 'These minutes are final already.');
  const meeting = getMeetingRow(w, meetingId);
  const missing = missingParts(fromRow(m), meeting.kind as MeetingKind, meeting.starts_at);
  if (missing.length > 0) {
    throw new MappaError('not_ready', `These minutes cannot be final yet: ${missing.length === 1 ? 'one part is' : `${missing.length} parts are`} still missing. ${missing.join(' ')}`);
  }
  w.run(`UPDATE minutes SET status = 'final', approved_at = ?, approved_by = ?, updated_at = ?, updated_by = ? WHERE id = ?`, [iso(ctx.now), ctx.actor.userName, iso(ctx.now), ctx.actor.userName, m.id]);
  record(w, ctx, m, 'confirmed', m.version, [], {}, forChair === null ? null : `Confirmed, ${forChair}.`);
}

type HistoryRow = { seq: number; event: string; version: number; changed_parts: string; earlier: string; note: string | null; at: string; by_user: string };

export function minutesView(r: Reader, meetingId: string, subjectId: string, now: Date): MinutesView {
  const m = requireMinutes(r, meetingId, subjectId);
  const meeting = getMeetingRow(r, meetingId);
  const subject = r.get<{ given_name: string; family_name: string; date_of_birth: string | null }>('SELECT given_name, family_name, date_of_birth FROM subjects WHERE id = ?', [subjectId]);
  const attendees = r.all<{ full_name: string; office_id: string; job_title: string; status: string }>(
    `SELECT a.full_name, a.office_id, a.job_title, s.status FROM attendee_subjects s JOIN meeting_attendees a ON a.id = s.attendee_id
     WHERE s.meeting_id = ? AND s.subject_id = ? ORDER BY CASE a.part WHEN 'chair' THEN 0 WHEN 'coordinator' THEN 1 WHEN 'minute_taker' THEN 2 ELSE 3 END, a.added_at`,
    [meetingId, subjectId],
  );
  const parts = fromRow(m);
  return {
    id: m.id,
    meetingId,
    subjectId,
    subjectName: subject ? `${subject.given_name} ${subject.family_name}` : 'A person no longer in the register',
    status: m.status as MinutesView['status'],
    version: m.version,
    parts,
    actions: actionsOfMinutes(r, m.id, now),
    linkedItems: parts.informationItemIds.flatMap((itemId) => {
      const found = r.get<{ id: string }>('SELECT id FROM items WHERE id = ? AND deleted_at IS NULL', [itemId]);
      if (!found) return [];
      const item = getItem(r, itemId);
      return [{ itemId, fieldKind: item.fieldKind, fieldLabel: FIELD_KINDS[item.fieldKind].label, owner: item.owner, noOnwardDisclosure: item.noOnwardDisclosure }];
    }),
    linkedDisclosure: parts.disclosureRecordId === null ? null : linkedDisclosure(r, subjectId, parts.disclosureRecordId),
    subjectDateOfBirth: subject?.date_of_birth ?? null,
    attendees: attendees.map((a) => {
      const office = requireOffice(r, a.office_id, 'officeId');
      return { fullName: a.full_name, agency: `${office.name} (${AGENCY_KINDS[office.agency].label})`, jobTitle: a.job_title, status: a.status as SubjectAttendance };
    }),
    chairDue: chairDue(m, now),
    approvedAt: m.approved_at,
    approvedBy: m.approved_by,
    missing: missingParts(parts, meeting.kind as MeetingKind, meeting.starts_at),
    history: r
      .all<HistoryRow>('SELECT seq, event, version, changed_parts, earlier, note, at, by_user FROM minutes_history WHERE minutes_id = ? ORDER BY seq', [m.id])
      .map((h) => ({
        seq: h.seq,
        event: h.event as MinutesView['history'][number]['event'],
        version: h.version,
        changedParts: JSON.parse(h.changed_parts) as string[],
        earlier: JSON.parse(h.earlier) as Record<string, unknown>,
        note: h.note,
        at: h.at,
        by: h.by_user,
      })),
  };
}

/** The first words of an item's value, enough to tell items apart in a list: never the whole value. */
export function firstWords(value: string, words = 8, max = 60): string {
  const all = value.trim().split(/\s+/);
  let out = all.slice(0, words).join(' ');
  if (out.length > max) out = `${out.slice(0, max).trimEnd()}`;
  return out.length < value.trim().length ? `${out}…` : out;
}

/** The person's live register items the minutes' information shared can refer to, newest first, each with its owner. */
export function linkableItems(r: Reader, subjectId: string): LinkableItem[] {
  return itemGroupsFor(r, subjectId)
    .flatMap((g) => g.items)
    .sort((a, b) => b.receivedOn.localeCompare(a.receivedOn) || b.createdAt.localeCompare(a.createdAt))
    .map((i) => ({ itemId: i.id, fieldKind: i.fieldKind, fieldLabel: FIELD_KINDS[i.fieldKind].label, owner: i.owner, receivedOn: i.receivedOn, firstWords: firstWords(i.value), noOnwardDisclosure: i.noOnwardDisclosure }));
}
