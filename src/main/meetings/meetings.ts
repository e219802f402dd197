import { formatLondonDate, londonDayEnd, londonDayOf, londonDayStart } from '../../shared/calendar';
import type { AttendeeInput, AttendeeView, MeetingInput, MeetingSummary, MeetingView, SignatureView } from '../../shared/channels/meetings';
import { MappaError } from '../../shared/errors';
import { CHAIR_ROLES, MEETING_KINDS, type AttendeePart, type ChairRole, type MeetingKind, type SubjectAttendance } from '../../shared/meetingsVocabulary';
import type { AgencyKindCode } from '../../shared/vocabulary';
import { iso, newId, type Ctx } from '../access/context';
import { requireOffice, type Office } from '../access/offices';
import type { Reader, Writer } from '../db/types';
import { blockedSubjects } from '../register/associationBlock';
import { requireLiveSubject } from '../register/subjects';
import { chairDue } from './approval';
import { checkChair, checkSubjectForMeeting, type SubjectForChair } from './chairRules';
import { currentUndertaking } from './undertaking';

// Meetings, the subjects each discusses and the people who attend. Most attendees are not
// users of this register: an attendee row is the person; user_id links it to a user when
// they have one, and only through that link can a user read the meeting's papers and
// minutes (readers.ts).

export type MeetingRow = {
  id: string;
  kind: string;
  review_number: number;
  starts_at: string;
  place: string | null;
  remote: number;
  remote_details: string | null;
  chair_role: string;
  requesting_office_id: string | null;
  status: string;
};

export type AttendeeRow = {
  id: string;
  meeting_id: string;
  full_name: string;
  office_id: string;
  job_title: string;
  part: string;
  user_id: string | null;
  scope: string;
  status: string;
};

export function getMeetingRow(r: Reader, id: string): MeetingRow {
  const row = r.get<MeetingRow>(
    'SELECT id, kind, review_number, starts_at, place, remote, remote_details, chair_role, requesting_office_id, status FROM meetings WHERE id = ?',
    [id],
  );
  if (!row) throw new MappaError('unknown_meeting', 'That meeting is not in this register.');
  return row;
}

export function meetingTitle(row: Pick<MeetingRow, 'kind' | 'review_number' | 'starts_at'>): string {
  const kind = MEETING_KINDS[row.kind as MeetingKind];
  const which = row.review_number === 0 ? 'initial meeting' : `review ${row.review_number}`;
  return `${kind}, ${which}, ${formatLondonDate(londonDayOf(row.starts_at))}`;
}

export function attendeesOf(r: Reader, meetingId: string): AttendeeRow[] {
  return r.all<AttendeeRow>(
    `SELECT id, meeting_id, full_name, office_id, job_title, part, user_id, scope, status FROM meeting_attendees WHERE meeting_id = ?
     ORDER BY CASE part WHEN 'chair' THEN 0 WHEN 'coordinator' THEN 1 WHEN 'minute_taker' THEN 2 ELSE 3 END, added_at, full_name`,
    [meetingId],
  );
}

export function getAttendee(r: Reader, meetingId: string, attendeeId: string): AttendeeRow {
  const row = attendeesOf(r, meetingId).find((a) => a.id === attendeeId);
  if (!row) throw new MappaError('unknown_attendee', 'That person is not an attendee of this meeting.', 'attendeeId');
  return row;
}

export function attendeeByPart(r: Reader, meetingId: string, part: AttendeePart): AttendeeRow | undefined {
  return attendeesOf(r, meetingId).find((a) => a.part === part);
}

export function meetingSubjectIds(r: Reader, meetingId: string): string[] {
  return r.all<{ subject_id: string }>('SELECT subject_id FROM meeting_subjects WHERE meeting_id = ? ORDER BY position', [meetingId]).map((s) => s.subject_id);
}

export function requireMeetingSubject(r: Reader, meetingId: string, subjectId: string): void {
  if (!r.get('SELECT 1 AS x FROM meeting_subjects WHERE meeting_id = ? AND subject_id = ?', [meetingId, subjectId])) {
    throw new MappaError('not_on_agenda', 'That person is not discussed at this meeting.', 'subjectId');
  }
}

export type SubjectFacts = { id: string; kind: string; given_name: string; family_name: string; category: number | null; level: number | null; lead_agency: string | null };

export function subjectFacts(r: Reader, subjectId: string): SubjectFacts {
  requireLiveSubject(r, subjectId);
  const row = r.get<SubjectFacts>(
    `SELECT s.id, s.kind, s.given_name, s.family_name, s.category, s.level, o.agency AS lead_agency
     FROM subjects s LEFT JOIN offices o ON o.id = s.lead_office_id WHERE s.id = ?`,
    [subjectId],
  );
  if (!row) throw new MappaError('unknown_subject', 'That subject is not in this register (it may have been deleted).');
  return row;
}

export const forChair = (s: SubjectFacts): SubjectForChair => ({
  name: `${s.given_name} ${s.family_name}`,
  kind: s.kind === 'pdp' ? 'pdp' : 'nominal',
  category: s.category,
  leadAgency: s.lead_agency as AgencyKindCode | null,
});

/** The register user a person at the meeting is (null: not a user), refused if they attend already (as someone other than `except`). */
export function attendingUser(w: Writer, meetingId: string, userName: string | null, field: string, except: string | null): string | null {
  if (userName === null) return null;
  const user = w.get<{ id: string }>('SELECT id FROM users WHERE user_name = ? COLLATE NOCASE AND active = 1', [userName]);
  if (!user) throw new MappaError('unknown_user', `${userName} is not a user of this register.`, field);
  if (w.get('SELECT 1 AS x FROM meeting_attendees WHERE meeting_id = ? AND user_id = ? AND id <> ?', [meetingId, user.id, except ?? ''])) {
    throw new MappaError('already_attending', `${userName} is already an attendee of this meeting.`, field);
  }
  return user.id;
}

function insertAttendee(w: Writer, ctx: Ctx, meetingId: string, part: AttendeePart, person: { fullName: string; officeId: string; jobTitle: string; userName: string | null }, scope: 'meeting' | 'subjects'): string {
  const field = part === 'member' ? '' : `${part === 'minute_taker' ? 'minuteTaker' : part}.`;
  const office = requireOffice(w, person.officeId, `${field}officeId`);
  const userId = attendingUser(w, meetingId, person.userName, `${field}userName`, null);
  const id = newId();
  w.run(
    `INSERT INTO meeting_attendees (id, meeting_id, full_name, office_id, job_title, part, user_id, scope, status, added_at, added_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'invited', ?, ?)`,
    [id, meetingId, person.fullName, office.id, person.jobTitle, part, userId, scope, iso(ctx.now), ctx.actor.userName],
  );
  return id;
}

export function setSubjectStatus(w: Writer, ctx: Ctx, attendeeId: string, meetingId: string, subjectId: string, status: SubjectAttendance): void {
  w.run(
    `INSERT INTO attendee_subjects (attendee_id, meeting_id, subject_id, status, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (attendee_id, subject_id) DO UPDATE SET status = excluded.status, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
    [attendeeId, meetingId, subjectId, status, iso(ctx.now), ctx.actor.userName],
  );
}

export function createMeeting(w: Writer, ctx: Ctx, input: MeetingInput): string {
  const subjects = [...new Set(input.subjectIds)].map((id) => subjectFacts(w, id));
  for (const s of subjects) checkSubjectForMeeting(input.kind, forChair(s));
  const chairOffice = requireOffice(w, input.chair.officeId, 'chair.officeId');
  const requesting = input.requestingOfficeId === null ? null : requireOffice(w, input.requestingOfficeId, 'requestingOfficeId');
  checkChair({ kind: input.kind, chairRole: input.chairRole, chairAgency: chairOffice.agency, requestingAgency: requesting?.agency ?? null, subjects: subjects.map(forChair) });
  const id = newId();
  const at = iso(ctx.now);
  w.run(
    `INSERT INTO meetings (id, kind, review_number, starts_at, place, remote, remote_details, chair_role, requesting_office_id, status, created_at, created_by, updated_at, updated_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'scheduled', ?, ?, ?, ?)`,
    [id, input.kind, input.reviewNumber, input.startsAt, input.place, input.remote ? 1 : 0, input.remoteDetails, input.chairRole, requesting?.id ?? null, at, ctx.actor.userName, at, ctx.actor.userName],
  );
  subjects.forEach((s, i) => {
    w.run('INSERT INTO meeting_subjects (meeting_id, subject_id, position, category, level, added_at, added_by) VALUES (?, ?, ?, ?, ?, ?, ?)', [id, s.id, i + 1, s.category, s.level, at, ctx.actor.userName]);
  });
  insertAttendee(w, ctx, id, 'chair', input.chair, 'meeting');
  insertAttendee(w, ctx, id, 'coordinator', input.coordinator, 'meeting');
  insertAttendee(w, ctx, id, 'minute_taker', input.minuteTaker, 'meeting');
  for (const a of attendeesOf(w, id)) for (const s of subjects) setSubjectStatus(w, ctx, a.id, id, s.id, 'invited');
  return id;
}

export function addMeetingSubject(w: Writer, ctx: Ctx, meetingId: string, subjectId: string): void {
  const meeting = getMeetingRow(w, meetingId);
  if (meetingSubjectIds(w, meetingId).includes(subjectId)) throw new MappaError('already_on_agenda', 'That person is already discussed at this meeting.', 'subjectId');
  const s = subjectFacts(w, subjectId);
  const kind = meeting.kind as MeetingKind;
  checkSubjectForMeeting(kind, forChair(s));
  const chair = attendeeByPart(w, meetingId, 'chair');
  const chairOffice = chair ? requireOffice(w, chair.office_id, 'chair.officeId') : undefined;
  const requesting = meeting.requesting_office_id === null ? null : requireOffice(w, meeting.requesting_office_id, 'requestingOfficeId');
  if (chairOffice) {
    const all = [...meetingSubjectIds(w, meetingId).map((id) => forChair(subjectFacts(w, id))), forChair(s)];
    checkChair({ kind, chairRole: meeting.chair_role as ChairRole, chairAgency: chairOffice.agency, requestingAgency: requesting?.agency ?? null, subjects: all });
  }
  const position = (w.get<{ n: number }>('SELECT count(*) AS n FROM meeting_subjects WHERE meeting_id = ?', [meetingId])?.n ?? 0) + 1;
  w.run('INSERT INTO meeting_subjects (meeting_id, subject_id, position, category, level, added_at, added_by) VALUES (?, ?, ?, ?, ?, ?, ?)', [meetingId, subjectId, position, s.category, s.level, iso(ctx.now), ctx.actor.userName]);
  for (const a of attendeesOf(w, meetingId).filter((x) => x.scope === 'meeting')) setSubjectStatus(w, ctx, a.id, meetingId, subjectId, 'invited');
  touchMeeting(w, ctx, meetingId);
}

export function addAttendee(w: Writer, ctx: Ctx, input: AttendeeInput): string {
  getMeetingRow(w, input.meetingId);
  const onAgenda = meetingSubjectIds(w, input.meetingId);
  const subjects = input.subjectIds === null ? onAgenda : [...new Set(input.subjectIds)];
  for (const s of subjects) requireMeetingSubject(w, input.meetingId, s);
  if (input.subjectIds !== null && subjects.length === 0) throw new MappaError('no_subjects', 'Choose the people this attendee joins the meeting for.', 'subjectIds');
  const id = insertAttendee(w, ctx, input.meetingId, 'member', input, input.subjectIds === null ? 'meeting' : 'subjects');
  for (const s of subjects) setSubjectStatus(w, ctx, id, input.meetingId, s, 'invited');
  touchMeeting(w, ctx, input.meetingId);
  return id;
}

export function setAttendance(w: Writer, ctx: Ctx, input: { meetingId: string; attendeeId: string; status: 'invited' | 'attended' | 'apologies'; subjectStatuses: { subjectId: string; status: SubjectAttendance }[] }): void {
  const attendee = getAttendee(w, input.meetingId, input.attendeeId);
  w.run('UPDATE meeting_attendees SET status = ? WHERE id = ?', [input.status, attendee.id]);
  const own = new Set(w.all<{ subject_id: string }>('SELECT subject_id FROM attendee_subjects WHERE attendee_id = ?', [attendee.id]).map((s) => s.subject_id));
  // Unless said otherwise per subject, the meeting's status holds for every subject they came for.
  for (const s of own) setSubjectStatus(w, ctx, attendee.id, input.meetingId, s, input.status);
  for (const s of input.subjectStatuses) {
    if (!own.has(s.subjectId)) throw new MappaError('not_on_agenda', 'That attendee did not come for that person.', 'subjectStatuses');
    setSubjectStatus(w, ctx, attendee.id, input.meetingId, s.subjectId, s.status);
  }
  if (input.status === 'attended') w.run("UPDATE meetings SET status = 'held' WHERE id = ? AND status = 'scheduled'", [input.meetingId]);
  touchMeeting(w, ctx, input.meetingId);
}

export function cancelMeeting(w: Writer, ctx: Ctx, meetingId: string, reason: string): void {
  const meeting = getMeetingRow(w, meetingId);
  if (meeting.status !== 'scheduled') {
    throw new MappaError('not_scheduled', meeting.status === 'cancelled' ? 'This meeting is already cancelled.' : 'This meeting has been held: it cannot be cancelled.');
  }
  w.run("UPDATE meetings SET status = 'cancelled', cancelled_reason = ? WHERE id = ?", [reason, meetingId]);
  touchMeeting(w, ctx, meetingId);
}

export function touchMeeting(w: Writer, ctx: Ctx, meetingId: string): void {
  w.run('UPDATE meetings SET updated_at = ?, updated_by = ? WHERE id = ?', [iso(ctx.now), ctx.actor.userName, meetingId]);
}

type SignatureRow = { id: string; attendee_id: string; subject_id: string | null; version: number; version_sha256: string; typed_name: string; signed_at: string; how: string; recorded_by: string };

export function signaturesOf(r: Reader, meetingId: string): SignatureRow[] {
  return r.all<SignatureRow>(
    'SELECT id, attendee_id, subject_id, version, version_sha256, typed_name, signed_at, how, recorded_by FROM undertaking_signatures WHERE meeting_id = ? ORDER BY signed_at',
    [meetingId],
  );
}

const toSignature = (s: SignatureRow): SignatureView => ({
  id: s.id,
  subjectId: s.subject_id,
  version: s.version,
  versionSha256: s.version_sha256,
  typedName: s.typed_name,
  signedAt: s.signed_at,
  how: s.how === 'own_register' ? 'own_register' : 'in_room',
  recordedBy: s.recorded_by,
});

function attendeeViews(r: Reader, meetingId: string): AttendeeView[] {
  const signatures = signaturesOf(r, meetingId);
  const statuses = r.all<{ attendee_id: string; subject_id: string; status: string }>(
    'SELECT a.attendee_id, a.subject_id, a.status FROM attendee_subjects a JOIN meeting_subjects m ON m.meeting_id = a.meeting_id AND m.subject_id = a.subject_id WHERE a.meeting_id = ? ORDER BY m.position',
    [meetingId],
  );
  const offices = new Map<string, Office>();
  const officeOf = (id: string) => offices.get(id) ?? offices.set(id, requireOffice(r, id, 'officeId')).get(id)!;
  const userNames = new Map(r.all<{ id: string; user_name: string }>('SELECT id, user_name FROM users').map((u) => [u.id, u.user_name]));
  return attendeesOf(r, meetingId).map((a) => {
    const mine = signatures.filter((s) => s.attendee_id === a.id);
    return {
      id: a.id,
      fullName: a.full_name,
      office: officeOf(a.office_id),
      jobTitle: a.job_title,
      part: a.part as AttendeeView['part'],
      userName: a.user_id === null ? null : (userNames.get(a.user_id) ?? null),
      scope: a.scope === 'subjects' ? 'subjects' : 'meeting',
      status: a.status as AttendeeView['status'],
      subjects: statuses.filter((s) => s.attendee_id === a.id).map((s) => ({ subjectId: s.subject_id, status: s.status as SubjectAttendance })),
      signatures: mine.map(toSignature),
      signedForMeeting: mine.some((s) => s.subject_id === null),
    };
  });
}

type MinutesStateRow = { subject_id: string; status: string; received_on: string | null; chair_due_on: string | null; chair_due_notice: string | null };

function minutesStates(r: Reader, meetingId: string): Map<string, MinutesStateRow> {
  const rows = r.all<MinutesStateRow>('SELECT subject_id, status, received_on, chair_due_on, chair_due_notice FROM minutes WHERE meeting_id = ?', [meetingId]);
  return new Map(rows.map((m) => [m.subject_id, m]));
}

/** A meeting as its lists show it, from its row and the three figures the list works out. */
function summaryFrom(row: MeetingRow, figures: { chairName: string; subjects: number; overdueMinutes: number }): MeetingSummary {
  return {
    id: row.id,
    kind: row.kind as MeetingKind,
    title: meetingTitle(row),
    reviewNumber: row.review_number,
    startsAt: row.starts_at,
    place: row.place,
    remote: row.remote === 1,
    status: row.status as MeetingSummary['status'],
    ...figures,
  };
}

export function meetingSummaryOf(r: Reader, row: MeetingRow, now: Date): MeetingSummary {
  const chair = attendeeByPart(r, row.id, 'chair');
  const minutes = [...minutesStates(r, row.id).values()];
  return summaryFrom(row, {
    chairName: chair?.full_name ?? '',
    subjects: meetingSubjectIds(r, row.id).length,
    overdueMinutes: minutes.filter((m) => chairDue(m, now).overdue).length,
  });
}

/** Meetings from the first London day to the last (either open), newest first: one query, whatever the count. */
export function listMeetings(r: Reader, now: Date, range: { from: string | null; to: string | null }): MeetingSummary[] {
  const from = range.from === null ? null : londonDayStart(range.from);
  const until = range.to === null ? null : londonDayEnd(range.to);
  const today = londonDayOf(now.toISOString());
  const rows = r.all<MeetingRow & { chair_name: string | null; subjects: number; overdue: number }>(
    `SELECT m.id, m.kind, m.review_number, m.starts_at, m.place, m.remote, m.remote_details, m.chair_role, m.requesting_office_id, m.status,
       (SELECT full_name FROM meeting_attendees a WHERE a.meeting_id = m.id AND a.part = 'chair') AS chair_name,
       (SELECT count(*) FROM meeting_subjects s WHERE s.meeting_id = m.id) AS subjects,
       (SELECT count(*) FROM minutes n WHERE n.meeting_id = m.id AND n.status IN ('sent', 'amended') AND n.chair_due_on < ?) AS overdue
     FROM meetings m WHERE (? IS NULL OR m.starts_at >= ?) AND (? IS NULL OR m.starts_at < ?) ORDER BY m.starts_at DESC`,
    [today, from, from, until, until],
  );
  return rows.map((row) => summaryFrom(row, { chairName: row.chair_name ?? '', subjects: row.subjects, overdueMinutes: row.overdue }));
}

export function meetingView(r: Reader, meetingId: string, reader: { userId: string; mayRead: boolean }, now: Date): MeetingView {
  const row = getMeetingRow(r, meetingId);
  const blocked = blockedSubjects(r, reader.userId);
  const minutes = minutesStates(r, meetingId);
  const subjectRows = r.all<{ subject_id: string; category: number | null; level: number | null; kind: string | null; given_name: string | null; family_name: string | null; papers: number }>(
    `SELECT m.subject_id, m.category, m.level, s.kind, s.given_name, s.family_name,
       (SELECT count(*) FROM meeting_papers p WHERE p.meeting_id = m.meeting_id AND p.subject_id = m.subject_id AND p.withdrawn_at IS NULL) AS papers
     FROM meeting_subjects m LEFT JOIN subjects s ON s.id = m.subject_id AND s.deleted_at IS NULL WHERE m.meeting_id = ? ORDER BY m.position`,
    [meetingId],
  );
  const requesting = row.requesting_office_id === null ? null : requireOffice(r, row.requesting_office_id, 'requestingOfficeId');
  return {
    ...meetingSummaryOf(r, row, now),
    remoteDetails: row.remote_details,
    chairRole: row.chair_role as ChairRole,
    chairRoleLabel: CHAIR_ROLES[row.chair_role as ChairRole] ?? row.chair_role,
    requestingOffice: requesting,
    subjectList: subjectRows.map((s) => {
      const m = minutes.get(s.subject_id);
      const hidden = blocked.has(s.subject_id) || s.given_name === null;
      return {
        subjectId: s.subject_id,
        name: hidden ? null : `${s.given_name} ${s.family_name}`,
        kind: s.kind === 'pdp' ? 'pdp' : s.kind === 'nominal' ? 'nominal' : null,
        category: s.category,
        level: s.level,
        minutesStatus: (m?.status as MeetingView['subjectList'][number]['minutesStatus']) ?? null,
        chairDue: m ? chairDue(m, now) : { receivedOn: null, dueOn: null, overdue: false, notice: null },
        papers: s.papers,
      };
    }),
    attendees: attendeeViews(r, meetingId),
    undertakingVersion: currentUndertaking(r).version,
    youMayRead: reader.mayRead,
  };
}
