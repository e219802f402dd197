import { MappaError } from '../../shared/errors';
import type { Reader } from '../db/types';
import { attendeesOf, getMeetingRow, type AttendeeRow } from './meetings';

// THE RULE (leaflet; MAPPA D): no signed undertaking, no access to the meeting's papers or
// minutes. Most attendees are not users of this register, so "who is reading" is always a
// register user, and that user may read only as an attendee of the meeting linked to their
// user, who has signed: for the whole meeting, or before this subject if they joined for it
// only. The chair, coordinator and minute-taker are attendees and sign too. Every channel
// and export that reveals papers or minutes asks here first, inside its act, so a refusal
// rolls the act back and changes nothing.

export const NOT_ATTENDEE =
  'Only the attendees of this meeting can open its papers and minutes, and only once they have signed its confidentiality undertaking. Ask the coordinator to add you as an attendee.';
export const NOT_FOR_SUBJECT = 'You joined this meeting for other people only: its papers and minutes about this person are not open to you.';
export const UNSIGNED = 'Sign the confidentiality undertaking for this meeting before opening its papers or minutes: no signed undertaking, no access (MAPPA D).';

/** The attendee the user reads as, if they may read (subjectId null: the meeting as a whole). */
export function signedReader(r: Reader, meetingId: string, userId: string, subjectId: string | null): { attendee: AttendeeRow } | { refusal: MappaError } {
  getMeetingRow(r, meetingId);
  const attendee = attendeesOf(r, meetingId).find((a) => a.user_id === userId);
  if (!attendee) return { refusal: new MappaError('not_an_attendee', NOT_ATTENDEE) };
  if (subjectId !== null && !r.get('SELECT 1 AS x FROM attendee_subjects WHERE attendee_id = ? AND subject_id = ?', [attendee.id, subjectId])) {
    return { refusal: new MappaError('not_an_attendee', NOT_FOR_SUBJECT) };
  }
  const signed = r.get(
    'SELECT 1 AS x FROM undertaking_signatures WHERE attendee_id = ? AND (subject_id IS NULL OR subject_id = ?)',
    [attendee.id, subjectId ?? ''],
  );
  if (!signed) return { refusal: new MappaError('undertaking_unsigned', UNSIGNED) };
  return { attendee };
}

/** Throws the refusal unless the user may read (see signedReader). */
export function requireSignedReader(r: Reader, meetingId: string, userId: string, subjectId: string | null): AttendeeRow {
  const found = signedReader(r, meetingId, userId, subjectId);
  if ('refusal' in found) throw found.refusal;
  return found.attendee;
}

/** For the meeting page: may this user open the meeting's papers and minutes (signed for the whole meeting)? */
export function mayReadMeeting(r: Reader, meetingId: string, userId: string): boolean {
  return !('refusal' in signedReader(r, meetingId, userId, null));
}
