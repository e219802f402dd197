import { createHash } from 'node:crypto';
import type { UndertakingView } from '../../shared/channels/meetings';
import { MappaError } from '../../shared/errors';
import { iso, newId, type Ctx } from '../access/context';
import type { Reader, Writer } from '../db/types';
import { getAttendee, getMeetingRow, requireMeetingSubject } from './meetings';

// The confidentiality undertaking (MAPPA D): versions of its text, and signatures. Leaflet:
// signing the attendance form is signing up to MAPPA confidentiality. A signature records
// the name as the attendee typed it, their explicit agreement, the time, and the version
// and hash of the text they were shown. An administrator's edit adds a version; earlier
// versions stay, so every signature still names the words it agreed to.

type VersionRow = { version: number; title: string; body: string; sha256: string; change_note: string | null; created_at: string; created_by: string };

const toView = (v: VersionRow): UndertakingView => ({
  version: v.version,
  title: v.title,
  body: v.body,
  sha256: v.sha256,
  changeNote: v.change_note,
  createdAt: v.created_at,
  createdBy: v.created_by,
});

const COLUMNS = 'version, title, body, sha256, change_note, created_at, created_by';

export function currentUndertaking(r: Reader): UndertakingView {
  const row = r.get<VersionRow>(`SELECT ${COLUMNS} FROM undertaking_versions ORDER BY version DESC LIMIT 1`);
  if (!row) throw new MappaError('no_undertaking', 'This register has no confidentiality undertaking: an administrator must write one.');
  return toView(row);
}

export function undertakingVersions(r: Reader): UndertakingView[] {
  return r.all<VersionRow>(`SELECT ${COLUMNS} FROM undertaking_versions ORDER BY version DESC`).map(toView);
}

export const sha256Text = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

export function addUndertakingVersion(w: Writer, ctx: Ctx, input: { title: string; body: string; changeNote: string }): UndertakingView {
  const current = currentUndertaking(w);
  if (current.title === input.title && current.body === input.body) throw new MappaError('unchanged', 'The statement is the same as the current version: change it before saving a new version.', 'body');
  const version = current.version + 1;
  w.run(`INSERT INTO undertaking_versions (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?)`, [version, input.title, input.body, sha256Text(input.body), input.changeNote, iso(ctx.now), ctx.actor.userName]);
  return currentUndertaking(w);
}

/** Compares names as a person would: case, accents' composition and spacing aside, never the letters themselves. */
export const sameName = (a: string, b: string) => {
  const norm = (s: string) => s.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('en-GB');
  return norm(a) === norm(b);
};

export function signUndertaking(
  w: Writer,
  ctx: Ctx,
  input: { meetingId: string; attendeeId: string; subjectId: string | null; version: number; typedName: string },
): { signatureId: string; version: number; sha256: string } {
  const meeting = getMeetingRow(w, input.meetingId);
  if (meeting.status === 'cancelled') throw new MappaError('cancelled', 'This meeting was cancelled: there is nothing to sign.');
  const attendee = getAttendee(w, input.meetingId, input.attendeeId);
  if (input.subjectId !== null) {
    requireMeetingSubject(w, input.meetingId, input.subjectId);
    if (!w.get('SELECT 1 AS x FROM attendee_subjects WHERE attendee_id = ? AND subject_id = ?', [attendee.id, input.subjectId])) {
      throw new MappaError('not_on_agenda', 'This attendee has not joined the meeting for that person.', 'subjectId');
    }
  } else if (attendee.scope === 'subjects') {
    throw new MappaError('sign_per_subject', `${attendee.full_name} joins the meeting for particular people only: they sign before each of them.`, 'subjectId');
  }
  const current = currentUndertaking(w);
  if (input.version !== current.version) {
    throw new MappaError('undertaking_changed', 'The confidentiality statement has changed since it was shown: show the current version and sign that.', 'version');
  }
  if (!sameName(input.typedName, attendee.full_name)) {
    throw new MappaError('name_mismatch', `Type your full name as the meeting has it: ${attendee.full_name}.`, 'typedName');
  }
  const already = w.get('SELECT 1 AS x FROM undertaking_signatures WHERE attendee_id = ? AND ifnull(subject_id, \'\') = ?', [attendee.id, input.subjectId ?? '']);
  if (already) throw new MappaError('already_signed', `${attendee.full_name} has already signed the undertaking ${input.subjectId === null ? 'for this meeting' : 'before this person was discussed'}.`);
  const at = iso(ctx.now);
  const id = recordSignature(w, ctx, { meetingId: input.meetingId, attendeeId: attendee.id, subjectId: input.subjectId, version: current.version, sha256: current.sha256, typedName: input.typedName, signedAt: at, ownRegister: null });
  return { signatureId: id, version: current.version, sha256: current.sha256 };
}

/** A signature as recorded, made in the room (ownRegister null) or on the attendee's own register. */
export interface SignatureRecord {
  meetingId: string;
  attendeeId: string;
  subjectId: string | null;
  version: number;
  sha256: string;
  typedName: string;
  signedAt: string;
  /** The pack it answered, the fingerprint of the key that signed, and the acknowledgement as received. */
  ownRegister: { exchangeId: string; signerFingerprint: string; acknowledgement: string } | null;
}

/** The one place a signature is written (migration 7's triggers keep it unchanged from then on). */
export function recordSignature(w: Writer, ctx: Ctx, s: SignatureRecord): string {
  const id = newId();
  const o = s.ownRegister;
  w.run(
    `INSERT INTO undertaking_signatures (id, meeting_id, attendee_id, subject_id, version, version_sha256, typed_name, agreed, signed_at, how, exchange_id, signer_fingerprint, acknowledgement, recorded_at, recorded_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?)`,
    [id, s.meetingId, s.attendeeId, s.subjectId, s.version, s.sha256, s.typedName.normalize('NFC'), s.signedAt, o === null ? 'in_room' : 'own_register', o?.exchangeId ?? null, o?.signerFingerprint ?? null, o?.acknowledgement ?? null, iso(ctx.now), ctx.actor.userName],
  );
  return id;
}
