import type { ArrangementField, MeetingEditInput } from '../../shared/channels/meetings';
import { MappaError } from '../../shared/errors';
import { ATTENDEE_PARTS, type AttendeePart } from '../../shared/meetingsVocabulary';
import type { Ctx } from '../access/context';
import { requireOffice } from '../access/offices';
import type { Reader, Writer } from '../db/types';
import { checkChair, checkSubjectForMeeting } from './chairRules';
import { attendeeByPart, attendeesOf, attendingUser, forChair, getAttendee, getMeetingRow, meetingSubjectIds, setSubjectStatus, subjectFacts, touchMeeting, type AttendeeRow, type MeetingRow } from './meetings';

// Changing a meeting once arranged: rescheduling and rearranging it, taking an attendee off
// it, taking a person off its agenda. What the meeting's record rests on stays: a signed
// undertaking, a paper, minutes that name someone present, minutes or papers about a person.
// A row nothing rests on is deleted; the audit entry (service.ts) keeps what happened.

const ARRANGED_PARTS = { chair: 'chair', coordinator: 'coordinator', minuteTaker: 'minute_taker' } as const satisfies Partial<Record<ArrangementField, AttendeePart>>;
type PersonField = keyof typeof ARRANGED_PARTS;

/** Refused for a meeting whose arrangements no longer change: cancelled, or with final minutes. */
function requireOpen(r: Reader, meeting: MeetingRow, what: string): void {
  if (meeting.status === 'cancelled') throw new MappaError('cancelled', `This meeting was cancelled: ${what}`);
  if (r.get("SELECT 1 AS x FROM minutes WHERE meeting_id = ? AND status = 'final'", [meeting.id])) {
    throw new MappaError('final', `Minutes of this meeting are final: ${what}`);
  }
}

/** Why the meeting's record keeps this attendee, as the end of a sentence naming them; null when nothing rests on them. */
function keptBecause(r: Reader, a: AttendeeRow): string | null {
  if (r.get('SELECT 1 AS x FROM undertaking_signatures WHERE attendee_id = ?', [a.id])) return 'has signed the confidentiality undertaking for this meeting';
  if (r.get('SELECT 1 AS x FROM meeting_papers WHERE attendee_id = ?', [a.id])) return 'wrote a paper for this meeting';
  const present = r.get(
    `SELECT 1 AS x FROM attendee_subjects s JOIN minutes m ON m.meeting_id = s.meeting_id AND m.subject_id = s.subject_id
     WHERE s.attendee_id = ? AND s.status IN ('attended', 'left_before')`,
    [a.id],
  );
  if (present) return 'is named as present in the minutes of this meeting';
  if (r.get('SELECT 1 AS x FROM copy_permissions WHERE chair_attendee_id = ?', [a.id])) return 'gave the chair’s permission for a copy of its minutes';
  return null;
}

const samePerson = (a: AttendeeRow, p: MeetingEditInput['chair'], userId: string | null) => a.full_name === p.fullName && a.user_id === userId;

/** Puts `person` in the part: the same person's details corrected, or someone else in place of a holder nothing rests on. */
function arrangePart(w: Writer, ctx: Ctx, meetingId: string, field: PersonField, person: MeetingEditInput['chair']): boolean {
  const part = ARRANGED_PARTS[field];
  const holder = attendeeByPart(w, meetingId, part);
  if (!holder) throw new MappaError('unknown_attendee', `This meeting has no ${ATTENDEE_PARTS[part].toLowerCase()} on record.`, field);
  const office = requireOffice(w, person.officeId, `${field}.officeId`);
  const userId = attendingUser(w, meetingId, person.userName, `${field}.userName`, holder.id);
  if (samePerson(holder, person, userId) && holder.office_id === office.id && holder.job_title === person.jobTitle) return false;
  if (!samePerson(holder, person, userId)) {
    const kept = keptBecause(w, holder);
    if (kept) throw new MappaError('on_record', `${holder.full_name} ${kept}, so they stay the meeting’s ${ATTENDEE_PARTS[part].toLowerCase()}.`, `${field}.fullName`);
  }
  w.run('UPDATE meeting_attendees SET full_name = ?, office_id = ?, job_title = ?, user_id = ? WHERE id = ?', [person.fullName, office.id, person.jobTitle, userId, holder.id]);
  if (!samePerson(holder, person, userId)) {
    // Someone new: invited, whatever the one before them had done.
    w.run("UPDATE meeting_attendees SET status = 'invited' WHERE id = ?", [holder.id]);
    for (const s of meetingSubjectIds(w, meetingId)) setSubjectStatus(w, ctx, holder.id, meetingId, s, 'invited');
  }
  return true;
}

/** Reschedules or rearranges the meeting; returns the fields that changed (codes, for the audit entry). */
export function editMeeting(w: Writer, ctx: Ctx, input: MeetingEditInput): ArrangementField[] {
  const meeting = getMeetingRow(w, input.id);
  requireOpen(w, meeting, 'its arrangements no longer change.');
  const changed: ArrangementField[] = [];
  if (input.kind !== meeting.kind) {
    if (w.get('SELECT 1 AS x FROM minutes WHERE meeting_id = ?', [meeting.id])) throw new MappaError('minutes_started', 'Minutes have been started for this meeting: its kind no longer changes.', 'kind');
    changed.push('kind');
  }
  const subjects = meetingSubjectIds(w, meeting.id).map((id) => forChair(subjectFacts(w, id)));
  for (const s of subjects) checkSubjectForMeeting(input.kind, s);
  const chairOffice = requireOffice(w, input.chair.officeId, 'chair.officeId');
  const requesting = input.requestingOfficeId === null ? null : requireOffice(w, input.requestingOfficeId, 'requestingOfficeId');
  checkChair({ kind: input.kind, chairRole: input.chairRole, chairAgency: chairOffice.agency, requestingAgency: requesting?.agency ?? null, subjects });
  const columns: [ArrangementField, string | number | null, string | number | null][] = [
    ['reviewNumber', meeting.review_number, input.reviewNumber],
    ['startsAt', meeting.starts_at, input.startsAt],
    ['place', meeting.place, input.place],
    ['remote', meeting.remote, input.remote ? 1 : 0],
    ['remoteDetails', meeting.remote_details, input.remoteDetails],
    ['chairRole', meeting.chair_role, input.chairRole],
    ['requestingOfficeId', meeting.requesting_office_id, requesting?.id ?? null],
  ];
  for (const [field, was, now] of columns) if (was !== now) changed.push(field);
  for (const field of Object.keys(ARRANGED_PARTS) as PersonField[]) if (arrangePart(w, ctx, meeting.id, field, input[field])) changed.push(field);
  if (changed.length === 0) throw new MappaError('unchanged', 'Nothing was changed: change the arrangements before saving them.');
  w.run('UPDATE meetings SET kind = ?, review_number = ?, starts_at = ?, place = ?, remote = ?, remote_details = ?, chair_role = ?, requesting_office_id = ? WHERE id = ?', [
    input.kind,
    input.reviewNumber,
    input.startsAt,
    input.place,
    input.remote ? 1 : 0,
    input.remoteDetails,
    input.chairRole,
    requesting?.id ?? null,
    meeting.id,
  ]);
  touchMeeting(w, ctx, meeting.id);
  return changed;
}

/** A row others refer to cannot go (a table added since, such as a pack sent to them): say so rather than fail. */
function deleteOrRefuse(w: Writer, sql: string, params: string[], refusal: string): void {
  try {
    w.run(sql, params);
  } catch (error) {
    if (error instanceof Error && /FOREIGN KEY/i.test(error.message)) throw new MappaError('on_record', refusal);
    throw error;
  }
}

/** Takes an attendee off the meeting, if nothing in its record rests on them. */
export function removeAttendee(w: Writer, ctx: Ctx, meetingId: string, attendeeId: string): AttendeeRow {
  const meeting = getMeetingRow(w, meetingId);
  requireOpen(w, meeting, 'its attendees stay as they were.');
  const a = getAttendee(w, meetingId, attendeeId);
  if (a.part !== 'member') {
    throw new MappaError('part_holder', `${a.full_name} is the meeting’s ${ATTENDEE_PARTS[a.part as AttendeePart].toLowerCase()}: put someone else in their place under “Edit the arrangements” instead.`, 'attendeeId');
  }
  const kept = keptBecause(w, a);
  const refusal = `${a.full_name} ${kept ?? 'is referred to elsewhere in this meeting’s record'}, so they stay on it: mark their apologies instead.`;
  if (kept) throw new MappaError('on_record', refusal, 'attendeeId');
  w.run('DELETE FROM attendee_subjects WHERE attendee_id = ?', [a.id]);
  deleteOrRefuse(w, 'DELETE FROM meeting_attendees WHERE id = ?', [a.id], refusal);
  touchMeeting(w, ctx, meetingId);
  return a;
}

/** Takes a person off the agenda, if the meeting has no minutes, papers or signatures about them. */
export function removeSubject(w: Writer, ctx: Ctx, meetingId: string, subjectId: string): void {
  const meeting = getMeetingRow(w, meetingId);
  requireOpen(w, meeting, 'the people it discusses stay as they were.');
  const onAgenda = meetingSubjectIds(w, meetingId);
  if (!onAgenda.includes(subjectId)) throw new MappaError('not_on_agenda', 'That person is not discussed at this meeting.', 'subjectId');
  if (onAgenda.length === 1) throw new MappaError('last_subject', 'A meeting discusses at least one person: cancel the meeting instead.', 'subjectId');
  const where = [meetingId, subjectId];
  if (w.get('SELECT 1 AS x FROM minutes WHERE meeting_id = ? AND subject_id = ?', where)) throw new MappaError('on_record', 'Minutes have been started about this person at this meeting, so they stay on its agenda.', 'subjectId');
  if (w.get('SELECT 1 AS x FROM meeting_papers WHERE meeting_id = ? AND subject_id = ?', where)) throw new MappaError('on_record', 'Papers have been written about this person for this meeting, so they stay on its agenda.', 'subjectId');
  if (w.get('SELECT 1 AS x FROM undertaking_signatures WHERE meeting_id = ? AND subject_id = ?', where)) {
    throw new MappaError('on_record', 'An attendee signed the undertaking before this person was to be discussed, so they stay on the agenda.', 'subjectId');
  }
  const onlyFor = attendeesOf(w, meetingId).find(
    (a) => a.scope === 'subjects' && w.all<{ subject_id: string }>('SELECT subject_id FROM attendee_subjects WHERE attendee_id = ?', [a.id]).every((s) => s.subject_id === subjectId),
  );
  if (onlyFor) throw new MappaError('only_for_subject', `${onlyFor.full_name} joins the meeting only for this person: take them off the attendees first.`, 'subjectId');
  w.run('DELETE FROM attendee_subjects WHERE meeting_id = ? AND subject_id = ?', where);
  deleteOrRefuse(w, 'DELETE FROM meeting_subjects WHERE meeting_id = ? AND subject_id = ?', where, 'Something else in this meeting’s record is about this person, so they stay on its agenda.');
  // The agenda's order closes up.
  onAgenda
    .filter((s) => s !== subjectId)
    .forEach((s, i) => w.run('UPDATE meeting_subjects SET position = ? WHERE meeting_id = ? AND subject_id = ?', [i + 1, meetingId, s]));
  touchMeeting(w, ctx, meetingId);
}
