import { randomUUID } from 'node:crypto';
import type { PackSentView } from '../../shared/channels/meetingPacks';
import { MappaError } from '../../shared/errors';
import { MEETING_KINDS, type MeetingKind } from '../../shared/meetingsVocabulary';
import { AGENCY_KINDS } from '../../shared/vocabulary';
import { iso, type Ctx } from '../access/context';
import { requireOffice, type Office } from '../access/offices';
import { canonicalJson } from '../audit';
import type { Reader, Writer } from '../db/types';
import type { Block } from '../documents';
import type { ExchangePayload, ManifestDraft, Opened } from '../exchange/exchangeFile';
import { describeOffice, partnerKeyByRemote, partnerKeyOf, type OwnKeys } from '../exchange/keys';
import { ACKNOWLEDGEMENT_LABEL, acknowledgementStatement, type AcknowledgementStatement, type MeetingPackManifest, type PackDocument } from '../exchange/meetingManifest';
import { fingerprint as memberKeyFingerprint, verifyBytes } from '../vault/identity';
import { getAttendee, getMeetingRow, meetingTitle, subjectFacts, type AttendeeRow } from './meetings';
import { currentUndertaking, recordSignature, sameName, undertakingVersions } from './undertaking';

// Meeting packs on the hosting register: the invitation and papers for one attendee, or a
// numbered copy of the minutes for one recipient, made into an exchange file for their
// office (its confirmed key), recorded with the version of the undertaking it requires; and
// the acknowledgement that comes back, checked against the pack it answers before the
// signature is recorded beside those made in the room.

const DAY_MS = 24 * 60 * 60 * 1000;
/** How long a pack can be imported for: a meeting's papers go out a week or two ahead. */
export const PACK_DAYS = 30;

const meetingKindOf = (kind: string): MeetingKind => {
  if (!(kind in MEETING_KINDS)) throw new Error(`unknown meeting kind ${kind}`);
  return kind as MeetingKind;
};

const placeOf = (o: Office) => ({ name: o.name, agency: AGENCY_KINDS[o.agency].label, area: o.area });

/** The confirmed key of the recipient's office, or the sentence saying what to do. */
export function recipientKey(r: Reader, officeId: string, who: string) {
  const office = requireOffice(r, officeId, 'officeId');
  const key = partnerKeyOf(r, officeId);
  if (!key) {
    throw new MappaError(
      'no_partner_key',
      `${office.name} has no confirmed key on this register, so nothing can be sent to ${who} there. Import their key file on the Partner keys page and confirm its fingerprint with them first, or have ${who} sign in the room.`,
    );
  }
  return key;
}

/** The people an attendee is invited for: the whole meeting's, or those they joined for. */
export function attendeeSubjects(r: Reader, attendee: AttendeeRow): string[] {
  const sql =
    attendee.scope === 'meeting'
      ? 'SELECT subject_id FROM meeting_subjects WHERE meeting_id = ? ORDER BY rowid'
      : 'SELECT subject_id FROM attendee_subjects WHERE meeting_id = ? AND attendee_id = ? ORDER BY rowid';
  const params = attendee.scope === 'meeting' ? [attendee.meeting_id] : [attendee.meeting_id, attendee.id];
  return r.all<{ subject_id: string }>(sql, params).map((s) => s.subject_id);
}

export interface PackDocumentSource {
  kind: 'paper' | 'minutes';
  id: string;
  subjectId: string;
  title: string;
  author: string;
  owner: Office;
  classification: 'OFFICIAL' | 'OFFICIAL-SENSITIVE';
  version: number;
  copyNumber: number | null;
  blocks: Block[];
}

export interface BuiltPack {
  draft: ManifestDraft;
  payload: ExchangePayload;
  recipientAgeKeys: string[];
  officeId: string;
  expiresAt: string;
}

/** The exchange file's parts for a pack: its manifest (no words of the documents) and payload (their blocks). */
export function buildPack(
  r: Reader,
  own: OwnKeys,
  input: { meetingId: string; purpose: 'invitation' | 'copy'; recipient: { attendeeId: string | null; fullName: string; role: string; officeId: string }; subjectIds: readonly string[]; documents: readonly PackDocumentSource[] },
  sentBy: string,
  now: Date,
): BuiltPack {
  const meeting = getMeetingRow(r, input.meetingId);
  if (meeting.status === 'cancelled') throw new MappaError('cancelled', 'This meeting was cancelled: nothing is sent for it.');
  const key = recipientKey(r, input.recipient.officeId, input.recipient.fullName);
  const chair = r.get<{ full_name: string; office_id: string }>("SELECT full_name, office_id FROM meeting_attendees WHERE meeting_id = ? AND part = 'chair'", [meeting.id]);
  const chairOffice = chair ? requireOffice(r, chair.office_id, 'officeId') : null;
  const statement = currentUndertaking(r);
  const documents: PackDocument[] = input.documents.map((d, i) => ({
    line: `doc${i + 1}`,
    kind: d.kind,
    hostSubjectId: d.subjectId,
    title: d.title,
    author: d.author,
    owner: placeOf(d.owner),
    classification: d.classification,
    version: d.version,
    copyNumber: d.copyNumber,
  }));
  const pack: MeetingPackManifest = {
    purpose: input.purpose,
    meeting: {
      hostMeetingId: meeting.id,
      kind: meetingKindOf(meeting.kind),
      title: meetingTitle(meeting),
      startsAt: meeting.starts_at,
      place: meeting.place,
      remote: meeting.remote === 1,
      chair: chair && chairOffice ? `${chair.full_name}, ${chairOffice.name} (${AGENCY_KINDS[chairOffice.agency].label})` : 'Not recorded',
      hostOffice: placeOf(own.office),
    },
    recipient: { hostAttendeeId: input.recipient.attendeeId, fullName: input.recipient.fullName, role: input.recipient.role },
    undertaking: { version: statement.version, title: statement.title, body: statement.body, sha256: statement.sha256 },
    subjects: input.subjectIds.map((id) => {
      const s = subjectFacts(r, id);
      const dob = r.get<{ date_of_birth: string | null }>('SELECT date_of_birth FROM subjects WHERE id = ?', [id]);
      return { hostSubjectId: id, name: `${s.given_name} ${s.family_name}`, dateOfBirth: dob?.date_of_birth ?? null };
    }),
    documents,
  };
  const values: Record<string, string> = {};
  input.documents.forEach((d, i) => {
    values[`doc${i + 1}`] = JSON.stringify(d.blocks);
  });
  const expiresAt = new Date(now.getTime() + PACK_DAYS * DAY_MS).toISOString();
  return {
    draft: {
      exchangeId: randomUUID(),
      kind: 'meeting_pack',
      sender: { ...describeOffice(own.office), fingerprint: own.fingerprint },
      recipients: [key.fingerprint],
      createdAt: iso(now),
      expiresAt,
      sentBy,
      share: null,
      withdrawal: null,
      meetingPack: pack,
    },
    payload: { values },
    recipientAgeKeys: [key.ageRecipient],
    officeId: key.office.id,
    expiresAt,
  };
}

/** The pack in the record, in the same commit as its audit entry and before the file exists. */
export function recordPackSent(
  w: Writer,
  ctx: Ctx,
  built: BuiltPack,
  extra: { attendeeId: string | null; copyId: string | null; paperIds: readonly string[]; fileSha256: string },
): void {
  const pack = built.draft.meetingPack;
  if (!pack) throw new Error('not a meeting pack');
  w.run(
    `INSERT INTO meeting_packs_sent (exchange_id, meeting_id, purpose, attendee_id, copy_id, recipient_name, office_id, paper_ids, undertaking_version, undertaking_sha256, file_sha256, expires_at, sent_at, sent_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      built.draft.exchangeId,
      pack.meeting.hostMeetingId,
      pack.purpose,
      extra.attendeeId,
      extra.copyId,
      pack.recipient.fullName,
      built.officeId,
      JSON.stringify(extra.paperIds),
      pack.undertaking.version,
      pack.undertaking.sha256,
      extra.fileSha256,
      built.expiresAt,
      iso(ctx.now),
      ctx.actor.userName,
    ],
  );
}

type SentRow = {
  exchange_id: string;
  meeting_id: string;
  purpose: 'invitation' | 'copy';
  attendee_id: string | null;
  copy_id: string | null;
  recipient_name: string;
  office_id: string;
  paper_ids: string;
  undertaking_version: number;
  undertaking_sha256: string;
  sent_at: string;
  sent_by: string;
  expires_at: string;
  ack_exchange_id: string | null;
  ack_typed_name: string | null;
  ack_signed_at: string | null;
  ack_signer_fingerprint: string | null;
  ack_imported_at: string | null;
  ack_imported_by: string | null;
  copy_number: number | null;
};

const SENT = `SELECT p.*, (SELECT copy_number FROM minutes_copies c WHERE c.id = p.copy_id) AS copy_number FROM meeting_packs_sent p`;

function sentView(r: Reader, p: SentRow): PackSentView {
  const papers = (JSON.parse(p.paper_ids) as string[]).length;
  return {
    exchangeId: p.exchange_id,
    purpose: p.purpose,
    recipientName: p.recipient_name,
    office: requireOffice(r, p.office_id, 'officeId'),
    attendeeId: p.attendee_id,
    copyNumber: p.copy_number,
    documents: p.purpose === 'copy' ? 1 : papers,
    undertakingVersion: p.undertaking_version,
    sentAt: p.sent_at,
    sentBy: p.sent_by,
    expiresAt: p.expires_at,
    acknowledged:
      p.ack_imported_at === null
        ? null
        : { typedName: p.ack_typed_name ?? '', signedAt: p.ack_signed_at ?? '', signerFingerprint: p.ack_signer_fingerprint ?? '', importedAt: p.ack_imported_at, importedBy: p.ack_imported_by ?? '' },
  };
}

export function packsSent(r: Reader, meetingId: string): PackSentView[] {
  getMeetingRow(r, meetingId);
  return r.all<SentRow>(`${SENT} WHERE p.meeting_id = ? ORDER BY p.sent_at, p.exchange_id`, [meetingId]).map((p) => sentView(r, p));
}

/** When an acknowledgement was imported before, for the replay refusal. */
export function acknowledgementImportedOn(r: Reader, exchangeId: string): string | undefined {
  return r.get<{ at: string }>('SELECT ack_imported_at AS at FROM meeting_packs_sent WHERE ack_exchange_id = ?', [exchangeId])?.at;
}

const NOT_OURS = 'This acknowledgement does not answer a meeting pack this register sent to that office: nothing was recorded. Check it is the right file, and that it came back from the office the pack was sent to.';

/** An acknowledgement, checked against the pack it answers: what it proves, or a refusal. */
export function checkAcknowledgement(r: Reader, opened: Opened, now: Date): { pack: SentRow; statement: AcknowledgementStatement; signerFingerprint: string; text: string } {
  const ack = opened.manifest.acknowledgement;
  if (opened.manifest.kind !== 'meeting_acknowledgement' || !ack) {
    throw new MappaError('exchange_wrong_place', 'This is not an acknowledgement of a meeting pack: nothing was recorded. A share is imported on the Import page; a meeting pack is opened from Meetings, Meeting packs.');
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(ack.statement);
  } catch {
    parsed = null;
  }
  const statement = acknowledgementStatement.safeParse(parsed);
  if (!statement.success || canonicalJson(statement.data) !== ack.statement) throw new MappaError('exchange_malformed', 'This acknowledgement is damaged: nothing was recorded. Ask the attendee’s office to export it again.');
  const s = statement.data;
  if (!verifyBytes(s.signer.signingKey, ACKNOWLEDGEMENT_LABEL, Buffer.from(ack.statement, 'utf8'), ack.signature)) {
    throw new MappaError('exchange_bad_signature', 'The attendee’s signature on this acknowledgement does not match what it says: it has been altered. Nothing was recorded; do not use it, and tell their office.');
  }
  const pack = r.get<SentRow>(`${SENT} WHERE p.exchange_id = ?`, [s.packExchangeId]);
  const sender = partnerKeyByRemote(r, opened.header.sender.officeId);
  if (!pack || !sender || pack.office_id !== sender.office.id || pack.meeting_id !== s.hostMeetingId || pack.attendee_id !== s.hostAttendeeId) throw new MappaError('not_ours', NOT_OURS);
  if (pack.ack_imported_at !== null) throw new MappaError('already_acknowledged', `The acknowledgement of this pack was already recorded on ${pack.ack_imported_at.slice(0, 10)}: nothing was recorded again.`);
  if (s.undertaking.version !== pack.undertaking_version || s.undertaking.sha256 !== pack.undertaking_sha256) {
    throw new MappaError('undertaking_changed', 'The statement this acknowledgement signs is not the version the pack carried: nothing was recorded.');
  }
  if (!sameName(s.typedName, pack.recipient_name)) throw new MappaError('name_mismatch', `The name signed, “${s.typedName}”, is not the name the pack was made for, ${pack.recipient_name}: nothing was recorded.`);
  if (Date.parse(s.signedAt) < Date.parse(pack.sent_at) || Date.parse(s.signedAt) > now.getTime() + 10 * 60_000) {
    throw new MappaError('bad_time', 'This acknowledgement says it was signed before the pack was sent, or in the future: nothing was recorded. Check the clocks of both computers.');
  }
  return { pack, statement: s, signerFingerprint: memberKeyFingerprint(s.signer.signingKey), text: JSON.stringify(ack) };
}

/** Records a checked acknowledgement: on the pack, and (an invitation) as the attendee's signature. Returns the signatures added. */
export function recordAcknowledgement(w: Writer, ctx: Ctx, opened: Opened, checked: ReturnType<typeof checkAcknowledgement>): { signatureIds: string[]; subjectIds: string[] } {
  const { pack, statement: s } = checked;
  w.run(
    'UPDATE meeting_packs_sent SET ack_exchange_id = ?, ack_typed_name = ?, ack_signed_at = ?, ack_signer_fingerprint = ?, ack_imported_at = ?, ack_imported_by = ? WHERE exchange_id = ?',
    [opened.header.exchangeId, s.typedName, s.signedAt, checked.signerFingerprint, iso(ctx.now), ctx.actor.userName, pack.exchange_id],
  );
  if (pack.purpose !== 'invitation' || pack.attendee_id === null) return { signatureIds: [], subjectIds: [] };
  const attendee = getAttendee(w, pack.meeting_id, pack.attendee_id);
  const version = undertakingVersions(w).find((v) => v.version === s.undertaking.version);
  if (!version) throw new MappaError('not_ours', NOT_OURS);
  // One signature for the whole meeting, or one before each person they joined for.
  const scopes: (string | null)[] = attendee.scope === 'meeting' ? [null] : attendeeSubjects(w, attendee);
  const signatureIds: string[] = [];
  for (const subjectId of scopes) {
    const already = w.get("SELECT 1 AS x FROM undertaking_signatures WHERE attendee_id = ? AND ifnull(subject_id, '') = ?", [attendee.id, subjectId ?? '']);
    if (already) continue; // signed in the room meanwhile: that signature stands, the acknowledgement is kept on the pack
    signatureIds.push(
      recordSignature(w, ctx, {
        meetingId: pack.meeting_id,
        attendeeId: attendee.id,
        subjectId,
        version: version.version,
        sha256: version.sha256,
        typedName: s.typedName,
        signedAt: s.signedAt,
        ownRegister: { exchangeId: pack.exchange_id, signerFingerprint: checked.signerFingerprint, acknowledgement: checked.text },
      }),
    );
  }
  return { signatureIds, subjectIds: attendeeSubjects(w, attendee) };
}

export function sentPackView(r: Reader, exchangeId: string): PackSentView {
  const p = r.get<SentRow>(`${SENT} WHERE p.exchange_id = ?`, [exchangeId]);
  if (!p) throw new MappaError('unknown_pack', 'That meeting pack is not in this register.');
  return sentView(r, p);
}
