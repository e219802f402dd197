import { randomUUID } from 'node:crypto';
import { formatLondonDate, londonDayOf } from '../../shared/calendar';
import type { ReceivedReferralView, SarIntake } from '../../shared/channels/sar';
import { MappaError } from '../../shared/errors';
import { FIELD_KINDS } from '../../shared/vocabulary';
import { iso, type Ctx } from '../access/context';
import { homeOffice, requireOffice } from '../access/offices';
import { canonicalJson, listAssociations, matchAssociation, type AssociationDeclaration, type CanonicalValue } from '../audit';
import type { Reader, Writer } from '../db/types';
import type { ManifestDraft, Opened } from '../exchange/exchangeFile';
import { describeOffice, partnerKeyByRemote, partnerKeyOf, type OwnKeys } from '../exchange/keys';
import { sarReferralManifest, type SarReferralManifest } from '../exchange/sarManifest';
import { getItem } from '../register/items';
import { deadlineOf, requestRow } from './requests';

// A referral to the owning agency sent as an exchange file, where the owner's office has a
// register (issue 13): on the referring register, the file made from a recorded referral;
// on the owner's, the referral as it arrived, the items it names matched to the owner's own
// items by their origin, and a request started from it (the owner answers for its items).

const DAY_MS = 24 * 60 * 60 * 1000;

type ReferralRow = { id: string; request_id: string; owner_office_id: string; item_ids: string; to_whom: string; exchange_id: string | null; exchange_sent_at: string | null };

export function referralRow(r: Reader, id: string, referralId: string): ReferralRow {
  const f = r.get<ReferralRow>('SELECT id, request_id, owner_office_id, item_ids, to_whom, exchange_id, exchange_sent_at FROM sar_referrals WHERE id = ? AND request_id = ?', [referralId, id]);
  if (!f) throw new MappaError('unknown_referral', 'That referral is not part of this request.');
  return f;
}

/** The exchange file's parts for a recorded referral: the request and the items by origin, never their words. */
export function buildReferral(r: Reader, own: OwnKeys, id: string, referralId: string, sentBy: string, now: Date): { draft: ManifestDraft; recipientAgeKeys: string[]; officeId: string } {
  const row = requestRow(r, id);
  if (row.status === 'closed') throw new MappaError('closed', `Request ${row.reference} is closed: it no longer changes.`);
  const f = referralRow(r, id, referralId);
  if (f.exchange_id !== null) throw new MappaError('already_sent', 'This referral has already gone as an exchange file: record the owner’s answer when it comes.');
  const owner = requireOffice(r, f.owner_office_id, 'ownerOfficeId');
  const key = partnerKeyOf(r, owner.id);
  if (!key) {
    throw new MappaError('no_partner_key', `${owner.name} has no confirmed key on this register, so the referral cannot go to them as an exchange file. Send it by secure email and record how, or import their key file on the Partner keys page first.`);
  }
  const home = homeOffice(r);
  const items = (JSON.parse(f.item_ids) as string[]).map((itemId) => {
    const item = getItem(r, itemId);
    const origin = r.get<{ origin: string }>('SELECT origin FROM item_origins WHERE item_id = ?', [itemId])?.origin ?? `${home?.id ?? ''}/${itemId}`;
    return { origin, kind: FIELD_KINDS[item.fieldKind].label, receivedOn: item.receivedOn };
  });
  const deadline = deadlineOf(r, row, now);
  const referral: SarReferralManifest = {
    reference: row.reference,
    regime: row.regime,
    receivedOn: row.received_on,
    dueOn: deadline.dueOn,
    requester: {
      name: row.requester_name,
      representativeName: row.representative_name,
      authority: row.authority,
      contact: row.contact,
      names: JSON.parse(row.names) as string[],
      dateOfBirth: row.date_of_birth,
      identifiers: row.identifiers,
    },
    askedFor: row.asked_for,
    toWhom: f.to_whom,
    items,
  };
  return {
    draft: {
      exchangeId: randomUUID(),
      kind: 'sar_referral',
      sender: { ...describeOffice(own.office), fingerprint: own.fingerprint },
      recipients: [key.fingerprint],
      createdAt: iso(now),
      expiresAt: new Date(now.getTime() + 90 * DAY_MS).toISOString(),
      sentBy,
      share: null,
      withdrawal: null,
      sarReferral: referral,
    },
    recipientAgeKeys: [key.ageRecipient],
    officeId: owner.id,
  };
}

export function markReferralSent(w: Writer, ctx: Ctx, referralId: string, exchangeId: string): void {
  w.run('UPDATE sar_referrals SET exchange_id = ?, exchange_sent_at = ? WHERE id = ?', [exchangeId, iso(ctx.now), referralId]);
}

// ---- on the owner's register -------------------------------------------------------------

type ReceivedRow = { exchange_id: string; from_office_id: string; manifest: string; imported_at: string; imported_by: string; request_id: string | null; reference: string | null };

export const referralReceivedOn = (r: Reader, exchangeId: string): string | undefined =>
  r.get<{ at: string }>('SELECT imported_at AS at FROM sar_referrals_received WHERE exchange_id = ?', [exchangeId])?.at;

const manifestOf = (text: string): SarReferralManifest => sarReferralManifest.parse(JSON.parse(text));

/** The user's declaration that matches the person the referral is about, if any. */
export function declarationForReferral(r: Reader, userId: string, m: SarReferralManifest): AssociationDeclaration | null {
  const declarations = listAssociations(r, userId);
  return declarations.length === 0 ? null : matchAssociation({ names: [m.requester.name, ...m.requester.names], dateOfBirth: m.requester.dateOfBirth }, declarations);
}

export function storeReceivedReferral(w: Writer, ctx: Ctx, opened: Opened): void {
  const m = opened.manifest.sarReferral;
  if (!m) throw new Error('not a referral');
  const sender = partnerKeyByRemote(w, opened.header.sender.officeId);
  if (!sender) throw new MappaError('exchange_unknown_sender', 'The office that sent this referral has no confirmed key here.');
  w.run(
    `INSERT INTO sar_referrals_received (exchange_id, from_office_id, requester_name, names, date_of_birth, manifest, file_sha256, imported_at, imported_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [opened.header.exchangeId, sender.office.id, m.requester.name, JSON.stringify(m.requester.names), m.requester.dateOfBirth, canonicalJson(m as unknown as CanonicalValue), opened.fileSha256, iso(ctx.now), ctx.actor.userName],
  );
}

const SELECT = `SELECT x.*, (SELECT reference FROM sar_requests q WHERE q.id = x.request_id) AS reference FROM sar_referrals_received x`;

function viewOf(r: Reader, row: ReceivedRow): ReceivedReferralView {
  const m = manifestOf(row.manifest);
  const from = requireOffice(r, row.from_office_id, 'officeId');
  const home = homeOffice(r);
  return {
    exchangeId: row.exchange_id,
    from,
    theirReference: m.reference,
    theirReceivedOn: m.receivedOn,
    theirDueOn: m.dueOn,
    requester: m.requester,
    askedFor: m.askedFor,
    toWhom: m.toWhom,
    items: m.items.map((i) => {
      const [officeId, itemId] = [i.origin.slice(0, i.origin.lastIndexOf('/')), i.origin.slice(i.origin.lastIndexOf('/') + 1)];
      const local = home !== undefined && officeId === home.id ? r.get<{ id: string; subject_id: string }>('SELECT id, subject_id FROM items WHERE id = ? AND deleted_at IS NULL', [itemId]) : undefined;
      return { kind: i.kind, receivedOn: i.receivedOn, localItemId: local?.id ?? null, localSubjectId: local?.subject_id ?? null };
    }),
    importedAt: row.imported_at,
    importedBy: row.imported_by,
    requestId: row.request_id,
    requestReference: row.reference,
  };
}

export function receivedReferral(r: Reader, exchangeId: string): ReceivedReferralView {
  const row = r.get<ReceivedRow>(`${SELECT} WHERE x.exchange_id = ?`, [exchangeId]);
  if (!row) throw new MappaError('unknown_referral', 'That referral is not in this register: open its file first.');
  return viewOf(r, row);
}

/** Referrals received, newest first; those about a person the user declared an association with are left out. */
export function receivedReferrals(r: Reader, userId: string): ReceivedReferralView[] {
  return r
    .all<ReceivedRow>(`${SELECT} ORDER BY x.imported_at DESC`)
    .filter((row) => declarationForReferral(r, userId, manifestOf(row.manifest)) === null)
    .map((row) => viewOf(r, row));
}

/** The intake of this office's own request, from a referral: received here the day the file was opened. */
export function intakeFromReferral(r: Reader, exchangeId: string): SarIntake {
  const v = receivedReferral(r, exchangeId);
  if (v.requestId !== null) throw new MappaError('already_started', `A request was already started from this referral: ${v.requestReference ?? ''}.`);
  return {
    requesterName: v.requester.name,
    representativeName: v.requester.representativeName,
    authority: v.requester.authority,
    contact: v.requester.contact,
    names: v.requester.names.filter((n) => n !== v.requester.name),
    dateOfBirth: v.requester.dateOfBirth,
    identifiers: v.requester.identifiers,
    askedFor: `Referred by ${v.from.name} (their reference ${v.theirReference}, received by them on ${formatLondonDate(v.theirReceivedOn)}) for the ${v.items.length === 1 ? 'item' : `${v.items.length} items`} this office owns. The request: ${v.askedFor}`.slice(0, 5_000),
    receivedOn: londonDayOf(v.importedAt),
  };
}

export function linkRequest(w: Writer, exchangeId: string, requestId: string): void {
  w.run('UPDATE sar_referrals_received SET request_id = ? WHERE exchange_id = ?', [requestId, exchangeId]);
}
