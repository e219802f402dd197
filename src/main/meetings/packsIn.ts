import { randomUUID } from 'node:crypto';
import type { ReceivedDocument, ReceivedPackSummary, ReceivedPackView } from '../../shared/channels/meetingPacks';
import { formatLondonDateTime } from '../../shared/calendar';
import { documentBlocks } from '../../shared/documentBlocks';
import { MappaError } from '../../shared/errors';
import { MEETING_KINDS } from '../../shared/meetingsVocabulary';
import { iso, type Ctx } from '../access/context';
import { canonicalJson, type CanonicalValue, listAssociations, matchAssociation, type AssociationDeclaration } from '../audit';
import type { Reader, Writer } from '../db/types';
import { exchangeManifest, exchangePayload, type ManifestDraft, type Opened } from '../exchange/exchangeFile';
import { describeOffice, partnerKeyByRemote, partnerKeyOf, type OwnKeys } from '../exchange/keys';
import { ACKNOWLEDGEMENT_LABEL, type AcknowledgementStatement, type MeetingPackManifest } from '../exchange/meetingManifest';
import { sameName } from './undertaking';

// Meeting packs on the attendee's own register. A pack arrives (verified: from a confirmed
// partner, for this office, in date, not seen before) and is kept in the encrypted register
// as it came. Its statement shows first; its documents open only for the person who signed
// it here, with their own key, which also signs the acknowledgement that goes back. Nobody
// else on this register can open them (the undertaking is personal), and a person who has
// declared an association with anyone the pack discusses sees nothing of it.

type ReceivedRow = {
  exchange_id: string;
  from_office_id: string;
  purpose: 'invitation' | 'copy';
  recipient_name: string;
  names: string;
  manifest: string;
  payload: string;
  file_sha256: string;
  expires_at: string;
  imported_at: string;
  imported_by: string;
  signed_by_user_id: string | null;
  typed_name: string | null;
  signed_at: string | null;
  acknowledgement: string | null;
  ack_exported_at: string | null;
  signed_by_name: string | null;
};

const COLUMNS = 'p.*, (SELECT user_name FROM users u WHERE u.id = p.signed_by_user_id) AS signed_by_name';

export const PACK_FOR_SOMEONE_ELSE = (name: string) =>
  `This pack’s papers open only for the person who signed its confidentiality undertaking on this register, ${name}: the undertaking is personal, so nobody else can open them.`;
export const PACK_BLOCKED =
  'You have declared an association with someone this meeting pack discusses, so it is not shown to you. A colleague can open it; your attempt has been recorded for your information governance lead.';

function meetingPackOf(manifestText: string): MeetingPackManifest {
  const m = exchangeManifest.parse(JSON.parse(manifestText));
  if (!m.meetingPack) throw new Error('not a meeting pack');
  return m.meetingPack;
}

function rowOf(r: Reader, exchangeId: string): ReceivedRow {
  const row = r.get<ReceivedRow>(`SELECT ${COLUMNS} FROM received_meeting_packs p WHERE p.exchange_id = ?`, [exchangeId]);
  if (!row) throw new MappaError('unknown_pack', 'That meeting pack is not in this register: open its file first.');
  return row;
}

export const receivedPackOn = (r: Reader, exchangeId: string): string | undefined =>
  r.get<{ at: string }>('SELECT imported_at AS at FROM received_meeting_packs WHERE exchange_id = ?', [exchangeId])?.at;

/** The user's declaration that matches anyone the pack discusses (by the pack's names and dates of birth). */
export function declarationForPack(r: Reader, userId: string, pack: MeetingPackManifest): AssociationDeclaration | null {
  const declarations = listAssociations(r, userId);
  if (declarations.length === 0) return null;
  for (const s of pack.subjects) {
    const found = matchAssociation({ names: [s.name], dateOfBirth: s.dateOfBirth }, declarations);
    if (found) return found;
  }
  return null;
}

export function declarationForReceived(r: Reader, userId: string, exchangeId: string): AssociationDeclaration | null {
  return declarationForPack(r, userId, meetingPackOf(rowOf(r, exchangeId).manifest));
}

/** Keeps a verified pack as it came. */
export function storeReceivedPack(w: Writer, ctx: Ctx, opened: Opened): void {
  const pack = opened.manifest.meetingPack;
  if (opened.manifest.kind !== 'meeting_pack' || !pack) throw new Error('not a meeting pack');
  const sender = partnerKeyByRemote(w, opened.header.sender.officeId);
  if (!sender) throw new MappaError('exchange_unknown_sender', 'The office that sent this pack has no confirmed key here.');
  for (const d of pack.documents) documentBlocks.parse(JSON.parse(opened.payload.values[d.line] ?? 'null'));
  w.run(
    `INSERT INTO received_meeting_packs (exchange_id, from_office_id, purpose, recipient_name, names, manifest, payload, file_sha256, expires_at, imported_at, imported_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      opened.header.exchangeId,
      sender.office.id,
      pack.purpose,
      pack.recipient.fullName,
      JSON.stringify(pack.subjects.map((s) => s.name)),
      canonicalJson(opened.manifest as unknown as CanonicalValue),
      canonicalJson(opened.payload as unknown as CanonicalValue),
      opened.fileSha256,
      opened.header.expiresAt,
      iso(ctx.now),
      ctx.actor.userName,
    ],
  );
}

const hostOfficeOf = (pack: MeetingPackManifest) => ({ name: pack.meeting.hostOffice.name, agencyLabel: pack.meeting.hostOffice.agency, area: pack.meeting.hostOffice.area });

function summaryOf(r: Reader, row: ReceivedRow): ReceivedPackSummary {
  const pack = meetingPackOf(row.manifest);
  return {
    exchangeId: row.exchange_id,
    purpose: row.purpose,
    from: hostOfficeOf(pack),
    meetingTitle: pack.meeting.title,
    startsAt: pack.meeting.startsAt,
    recipientName: row.recipient_name,
    importedAt: row.imported_at,
    expiresAt: row.expires_at,
    documents: pack.documents.length,
    signed: row.signed_at === null ? null : { userName: row.signed_by_name ?? '', typedName: row.typed_name ?? '', signedAt: row.signed_at },
    acknowledgementExportedAt: row.ack_exported_at,
  };
}

/** The packs this register holds, newest first; the people each discusses are hidden from a user with a declared association. */
export function receivedPacks(r: Reader, userId: string): ReceivedPackSummary[] {
  return r
    .all<ReceivedRow>(`SELECT ${COLUMNS} FROM received_meeting_packs p ORDER BY p.imported_at DESC`)
    .filter((row) => declarationForPack(r, userId, meetingPackOf(row.manifest)) === null)
    .map((row) => summaryOf(r, row));
}

/** Why the documents are closed to this user, or null when they may read them. */
function lockedFor(row: ReceivedRow, userId: string): string | null {
  if (row.signed_by_user_id === null) return 'Read the confidentiality undertaking and sign it to open the papers: no signed undertaking, no access (MAPPA D).';
  if (row.signed_by_user_id !== userId) return PACK_FOR_SOMEONE_ELSE(row.typed_name ?? row.recipient_name);
  return null;
}

export function receivedPackView(r: Reader, exchangeId: string, userId: string): ReceivedPackView {
  const row = rowOf(r, exchangeId);
  const pack = meetingPackOf(row.manifest);
  const locked = lockedFor(row, userId);
  const values = exchangePayload.parse(JSON.parse(row.payload)).values;
  const subjectName = (id: string) => pack.subjects.find((s) => s.hostSubjectId === id)?.name ?? '';
  const documentList: ReceivedDocument[] = pack.documents.map((d) => ({
    line: d.line,
    kind: d.kind,
    title: d.title,
    author: d.author,
    owner: `${d.owner.name} (${d.owner.agency})`,
    classification: d.classification,
    copyNumber: d.copyNumber,
    subjectName: subjectName(d.hostSubjectId),
    blocks: locked === null ? documentBlocks.parse(JSON.parse(values[d.line] ?? '[]')) : null,
  }));
  return {
    ...summaryOf(r, row),
    meeting: {
      kind: pack.meeting.kind,
      kindLabel: MEETING_KINDS[pack.meeting.kind],
      place: pack.meeting.place,
      remote: pack.meeting.remote,
      chair: pack.meeting.chair,
      hostOffice: hostOfficeOf(pack),
    },
    recipientRole: pack.recipient.role,
    statement: pack.undertaking,
    subjects: pack.subjects.map((s) => ({ name: s.name, dateOfBirth: s.dateOfBirth })),
    documentList,
    locked,
  };
}

/**
 * The signature, given on this register by the person the pack was made for: their typed
 * name, their agreement, the time, and the version they were shown, signed with their own
 * key into the acknowledgement that goes back.
 */
export function signReceivedPack(
  w: Writer,
  ctx: Ctx,
  input: { exchangeId: string; typedName: string; version: number },
  member: { signingKey: string; sign: (label: string, bytes: Uint8Array) => string },
): { version: number; sha256: string } {
  const row = rowOf(w, input.exchangeId);
  const pack = meetingPackOf(row.manifest);
  if (row.signed_at !== null) {
    throw new MappaError('already_signed', `${row.typed_name ?? row.recipient_name} signed the undertaking for this pack on ${formatLondonDateTime(row.signed_at)}: it is signed once, by the person it was made for.`);
  }
  if (input.version !== pack.undertaking.version) throw new MappaError('undertaking_changed', 'Sign the version of the statement this pack carries, as shown.', 'version');
  if (!sameName(input.typedName, row.recipient_name)) {
    throw new MappaError('name_mismatch', `This pack was made for ${row.recipient_name}: only they can sign for it. Type your full name as the meeting has it.`, 'typedName');
  }
  const signedAt = iso(ctx.now);
  const statement: AcknowledgementStatement = {
    format: 'mappa-undertaking-acknowledgement',
    version: 1,
    packExchangeId: row.exchange_id,
    hostMeetingId: pack.meeting.hostMeetingId,
    hostAttendeeId: pack.recipient.hostAttendeeId,
    typedName: input.typedName.normalize('NFC'),
    agreed: true,
    signedAt,
    undertaking: { version: pack.undertaking.version, sha256: pack.undertaking.sha256 },
    // The member's own key, named inside what it signs.
    signer: { userName: ctx.actor.userName, signingKey: member.signingKey },
  };
  const text = canonicalJson(statement);
  const signature = member.sign(ACKNOWLEDGEMENT_LABEL, Buffer.from(text, 'utf8'));
  w.run('UPDATE received_meeting_packs SET signed_by_user_id = ?, typed_name = ?, signed_at = ?, acknowledgement = ? WHERE exchange_id = ?', [
    ctx.actor.userId,
    statement.typedName,
    signedAt,
    JSON.stringify({ statement: text, signature }),
    row.exchange_id,
  ]);
  return { version: pack.undertaking.version, sha256: pack.undertaking.sha256 };
}

/** The acknowledgement file's parts, for the office that sent the pack. */
export function buildAcknowledgement(r: Reader, own: OwnKeys, exchangeId: string, userId: string, sentBy: string, now: Date): { draft: ManifestDraft; recipientAgeKeys: string[] } {
  const row = rowOf(r, exchangeId);
  if (row.acknowledgement === null) throw new MappaError('unsigned', 'Sign the undertaking for this pack first: the acknowledgement is your signature.');
  if (row.signed_by_user_id !== userId) throw new MappaError('not_allowed', `Only ${row.typed_name ?? row.recipient_name}, who signed it, can send this acknowledgement.`);
  const host = partnerKeyOf(r, row.from_office_id);
  if (!host) throw new MappaError('no_partner_key', 'The office that sent this pack no longer has a confirmed key here: confirm their key again, then send the acknowledgement.');
  const ack = JSON.parse(row.acknowledgement) as { statement: string; signature: string };
  return {
    draft: {
      exchangeId: randomUUID(),
      kind: 'meeting_acknowledgement',
      sender: { ...describeOffice(own.office), fingerprint: own.fingerprint },
      recipients: [host.fingerprint],
      createdAt: iso(now),
      expiresAt: new Date(now.getTime() + 90 * 24 * 60 * 60 * 1000).toISOString(),
      sentBy,
      share: null,
      withdrawal: null,
      acknowledgement: ack,
    },
    recipientAgeKeys: [host.ageRecipient],
  };
}

export function markAcknowledgementExported(w: Writer, ctx: Ctx, exchangeId: string): void {
  w.run('UPDATE received_meeting_packs SET ack_exported_at = ? WHERE exchange_id = ?', [iso(ctx.now), exchangeId]);
}
