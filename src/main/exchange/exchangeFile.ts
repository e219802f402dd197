import { createHash } from 'node:crypto';
import { z } from 'zod';
import { MappaError } from '../../shared/errors';
import { LAWFUL_GATEWAY_CODES, MAX_RECIPIENTS, REGIME_CODES, SHARE_PURPOSE_CODES, SUBJECT_FIELD_CODES } from '../../shared/sharingVocabulary';
import { CLASSIFICATIONS, FIELD_KIND_CODES, RMP_HEADING_CODES } from '../../shared/vocabulary';
import { canonicalJson, type CanonicalValue } from '../audit';
import { officeDescriptor, signWith, verifyWith, type PublicOfficeKeys } from './keys';
import { acknowledgementManifest, meetingPackManifest } from './meetingManifest';
import { sarReferralManifest } from './sarManifest';

// The exchange file (.mappa), the one way information leaves this register for another.
// No envelope of our own: the content is an age file (X25519 recipients, one per
// receiving office); what is signed is canonical JSON (RFC 8785: keys sorted by UTF-16
// code units, no whitespace, ECMAScript number and string forms), and the signature is
// over those exact bytes, which travel as a string so the receiver checks what was signed
// before parsing it.
//
//   file (JSON)        { format: "mappa-exchange", version: 1, header, headerSignature, encrypted }
//   header (JCS text)  exchange id, kind, sender office and fingerprint, recipients'
//                      fingerprints, created and expiry times, SHA-256 of the age bytes.
//                      No personal data: it can be checked before decrypting (who sent it,
//                      is it for us, has it expired, is the ciphertext the one signed).
//   encrypted (age)    { manifest (JCS text), manifestSignature, payload (JCS text) }
//   manifest           the header's fields again, purpose, gateway, regime, the subject's
//                      identifiers, each item with owner, provider, conditions and the
//                      three tests' answers, and the SHA-256 of the payload text.
//   payload            the values themselves, by line.
//
// Kinds: a share and its withdrawal (sharing); a meeting pack (the invitation and papers, or
// a copy of the minutes, that opens only once its recipient has signed the undertaking) and
// the acknowledgement that answers it (meetings; see meetingManifest.ts); a subject access
// request's referral of items to their owner (sar; see sarManifest.ts). A manifest carries
// the part of its kind and no other; parts added after version 1 are optional, so a file
// made before them reads and verifies exactly as it did.
//
// Both signatures are by the sending office's Ed25519 key, under different labels, so one
// cannot be passed off as the other. The header signature binds the ciphertext's hash, so
// a signature moved onto another file fails; the manifest repeats the header, so an inner
// part moved into another envelope fails too.

const HEADER_LABEL = 'mappa exchange header v1';
const MANIFEST_LABEL = 'mappa exchange manifest v1';

/** The largest exchange file opened (a 1,000-item share is about 1 MB). */
export const MAX_EXCHANGE_BYTES = 50 * 1024 * 1024;

const fingerprint = z.string().regex(/^[0-9A-HJKMNP-TV-Z]{4}( [0-9A-HJKMNP-TV-Z]{4}){7}$/);
const instant = z.iso.datetime();
const sha256 = z.string().regex(/^[0-9a-f]{64}$/);
const words = (max: number) => z.string().max(max);

export const EXCHANGE_KINDS = ['share', 'withdrawal', 'meeting_pack', 'meeting_acknowledgement', 'sar_referral'] as const;
export type ExchangeKind = (typeof EXCHANGE_KINDS)[number];

export const exchangeHeader = z
  .object({
    exchangeId: z.uuid(),
    kind: z.enum(EXCHANGE_KINDS),
    sender: officeDescriptor.extend({ fingerprint }).strict(),
    recipients: z.array(fingerprint).min(1).max(MAX_RECIPIENTS),
    createdAt: instant,
    expiresAt: instant,
    encryptedSha256: sha256,
  })
  .strict();
export type ExchangeHeader = z.infer<typeof exchangeHeader>;

const tests = z
  .object({
    necessary: words(1000),
    proportionate: words(1000),
    relevant: words(1000),
    outsidePurposeReason: words(1000).nullable(),
    specialJustification: words(1000).nullable(),
    answeredBy: words(200),
    answeredAt: instant,
  })
  .strict();
export type LineTests = z.infer<typeof tests>;

const conditions = z
  .object({
    noOnwardDisclosure: z.boolean(),
    notToSubject: z.boolean(),
    notToSubjectReason: words(1000).nullable(),
    /** Kept and disposed of by the owner's retention rules. */
    retention: z.literal('owner_rules'),
  })
  .strict();
export type Conditions = z.infer<typeof conditions>;

const place = z.object({ name: words(120), agency: officeDescriptor.shape.agency, area: words(120) }).strict();

export const manifestItem = z
  .object({
    line: z.string().min(1).max(100),
    /** The item's identity across registers: the office that first recorded it and its id there. */
    origin: z.string().min(1).max(400),
    originVersion: z.number().int().min(1),
    subjectField: z.enum(SUBJECT_FIELD_CODES).nullable(),
    fieldKind: z.enum(FIELD_KIND_CODES),
    rmpHeading: z.enum(RMP_HEADING_CODES).nullable(),
    classification: z.enum(CLASSIFICATIONS),
    owner: place,
    provider: z.object({ name: words(120), office: place }).strict(),
    receivedOn: z.iso.date(),
    conditions,
    tests,
  })
  .strict();
export type ManifestItem = z.infer<typeof manifestItem>;

const subjectIdentifiers = z
  .object({
    kind: z.enum(['nominal', 'pdp']),
    givenName: words(100).min(1),
    familyName: words(100).min(1),
    aliases: z.array(words(100)).max(30),
    dateOfBirth: z.iso.date().nullable(),
    pnc: words(20).nullable(),
    ndelius: words(20).nullable(),
    visor: words(30).nullable(),
  })
  .strict();
export type SubjectIdentifiers = z.infer<typeof subjectIdentifiers>;

export const exchangeManifest = z
  .object({
    format: z.literal('mappa-exchange-manifest'),
    version: z.literal(1),
    exchangeId: z.uuid(),
    kind: z.enum(EXCHANGE_KINDS),
    sender: exchangeHeader.shape.sender,
    recipients: exchangeHeader.shape.recipients,
    createdAt: instant,
    expiresAt: instant,
    sentBy: words(200),
    share: z
      .object({
        purpose: z.enum(SHARE_PURPOSE_CODES),
        purposeOther: words(300).nullable(),
        gateway: z.enum(LAWFUL_GATEWAY_CODES),
        gatewayOther: words(300).nullable(),
        regime: z.enum(REGIME_CODES),
        subject: subjectIdentifiers,
        items: z.array(manifestItem).max(5_000),
      })
      .strict()
      .nullable(),
    withdrawal: z
      .object({ withdraws: z.uuid(), origins: z.array(z.string().min(1).max(400)).max(5_000), reason: words(1000) })
      .strict()
      .nullable(),
    meetingPack: meetingPackManifest.optional(),
    acknowledgement: acknowledgementManifest.optional(),
    sarReferral: sarReferralManifest.optional(),
    payloadSha256: sha256,
  })
  .strict();
export type ExchangeManifest = z.infer<typeof exchangeManifest>;

export const exchangePayload = z.object({ values: z.record(z.string().max(100), z.string().max(5_000_000)) }).strict();
export type ExchangePayload = z.infer<typeof exchangePayload>;

const envelope = z
  .object({
    format: z.literal('mappa-exchange'),
    version: z.literal(1),
    header: z.string().max(20_000),
    headerSignature: z.string().max(200),
    encrypted: z.string().max(MAX_EXCHANGE_BYTES * 2),
  })
  .strict();
const inner = z.object({ manifest: z.string(), manifestSignature: z.string().max(200), payload: z.string() }).strict();

const hex = (bytes: string | Uint8Array) => createHash('sha256').update(bytes).digest('hex');

export interface Sender {
  signingPrivate: string;
}

/** What a sender seals: the manifest (its payload hash is filled in here) and the payload. */
export type ManifestDraft = Omit<ExchangeManifest, 'payloadSha256' | 'format' | 'version'>;

/** Makes an exchange file's bytes, encrypted to each recipient's age key and signed by the sender. */
export async function sealExchange(draft: ManifestDraft, payload: ExchangePayload, sender: Sender, recipientAgeKeys: readonly string[]): Promise<Buffer> {
  if (recipientAgeKeys.length === 0 || recipientAgeKeys.length > MAX_RECIPIENTS) {
    throw new MappaError('recipients', `An exchange file is made for between 1 and ${MAX_RECIPIENTS} offices.`);
  }
  const payloadText = canonicalJson(payload as unknown as CanonicalValue);
  const manifest: ExchangeManifest = { format: 'mappa-exchange-manifest', version: 1, ...draft, payloadSha256: hex(payloadText) };
  exchangeManifest.parse(manifest); // never send what a receiver would refuse
  const manifestText = canonicalJson(manifest as unknown as CanonicalValue);
  const plaintext = canonicalJson({ manifest: manifestText, manifestSignature: signWith(sender.signingPrivate, MANIFEST_LABEL, manifestText), payload: payloadText });
  const { Encrypter } = await import('age-encryption');
  const encrypter = new Encrypter();
  for (const r of recipientAgeKeys) encrypter.addRecipient(r);
  const encrypted = await encrypter.encrypt(plaintext);
  const header: ExchangeHeader = {
    exchangeId: draft.exchangeId,
    kind: draft.kind,
    sender: draft.sender,
    recipients: draft.recipients,
    createdAt: draft.createdAt,
    expiresAt: draft.expiresAt,
    encryptedSha256: hex(encrypted),
  };
  const headerText = canonicalJson(header as unknown as CanonicalValue);
  const file = {
    format: 'mappa-exchange',
    version: 1,
    header: headerText,
    headerSignature: signWith(sender.signingPrivate, HEADER_LABEL, headerText),
    encrypted: Buffer.from(encrypted).toString('base64'),
  };
  return Buffer.from(`${JSON.stringify(file)}\n`, 'utf8');
}

/** Why a file is refused: one sentence each, saying what to do. */
export const REFUSED = {
  malformed: 'This is not a MAPPA exchange file, or it is damaged: nothing was imported. Ask the sender to send it again.',
  unknownSender: (name: string) =>
    `This file says it is from ${name}, but this register has no confirmed key for that office: nothing was imported. Import their key file on the Partner keys page and confirm its fingerprint with them first.`,
  changedKey: (name: string) =>
    `This file is signed with a key that is not the one you confirmed for ${name}: nothing was imported. If they have new keys, import their new key file and confirm its fingerprint with them by telephone first.`,
  badSignature: 'This file’s signature does not match its contents: it has been altered or damaged since it was made. Nothing was imported; do not use it, and tell the sender.',
  notForUs: 'This file was not made for this office: nothing was imported. It can only be opened by the offices it was sent to.',
  expired: (when: string) => `This file expired on ${when} and can no longer be imported: nothing was imported. Ask the sender for a new one.`,
  notYetValid: 'This file says it was made in the future: check this computer’s clock. Nothing was imported.',
  replayed: (when: string) => `This file was already imported on ${when}: nothing was imported again.`,
  undecryptable: 'This file could not be decrypted with this office’s key: nothing was imported. Ask the sender to check they used your current key.',
} as const;

function refuse(code: string, message: string): never {
  throw new MappaError(`exchange_${code}`, message);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return refuse('malformed', REFUSED.malformed);
  }
}

/** The header, checked before anything is decrypted: signed by a confirmed partner, made for us, in date. */
export interface Opened {
  header: ExchangeHeader;
  manifest: ExchangeManifest;
  payload: ExchangePayload;
  fileSha256: string;
}

export interface Receiver {
  fingerprint: string;
  ageIdentity: string;
  /** The sender's confirmed keys (by the sender's own office id), or undefined. */
  senderKeys(remoteOfficeId: string): (PublicOfficeKeys & { fingerprint: string }) | undefined;
  /** When this exchange was imported before, or undefined. */
  receivedBefore(exchangeId: string): string | undefined;
  now: Date;
  /** How a date is shown in a refusal. */
  formatTime(iso: string): string;
}

/** Opens an exchange file: every check passes, or it is refused with its reason and nothing is returned. */
export async function openExchange(bytes: Buffer, me: Receiver): Promise<Opened> {
  if (bytes.length > MAX_EXCHANGE_BYTES) refuse('malformed', REFUSED.malformed);
  const outer = envelope.safeParse(parseJson(bytes.toString('utf8')));
  if (!outer.success) refuse('malformed', REFUSED.malformed);
  // Exactly the bytes the sender wrote: no byte of the file can change, even where JSON would not care.
  if (!Buffer.from(`${JSON.stringify(outer.data)}\n`, 'utf8').equals(bytes)) refuse('malformed', REFUSED.malformed);
  const header = exchangeHeader.safeParse(parseJson(outer.data.header));
  if (!header.success || canonicalJson(header.data as unknown as CanonicalValue) !== outer.data.header) refuse('malformed', REFUSED.malformed);
  const h = header.data;

  const known = me.senderKeys(h.sender.officeId);
  if (!known) refuse('unknown_sender', REFUSED.unknownSender(h.sender.name));
  if (known.fingerprint !== h.sender.fingerprint) refuse('changed_key', REFUSED.changedKey(h.sender.name));
  if (!verifyWith(known.signingKey, HEADER_LABEL, outer.data.header, outer.data.headerSignature)) refuse('bad_signature', REFUSED.badSignature);
  if (!h.recipients.includes(me.fingerprint)) refuse('not_for_us', REFUSED.notForUs);
  if (Date.parse(h.expiresAt) <= me.now.getTime()) refuse('expired', REFUSED.expired(me.formatTime(h.expiresAt)));
  // A little leeway for clocks that disagree by minutes.
  if (Date.parse(h.createdAt) > me.now.getTime() + 10 * 60_000) refuse('not_yet_valid', REFUSED.notYetValid);
  const before = me.receivedBefore(h.exchangeId);
  if (before !== undefined) refuse('replayed', REFUSED.replayed(me.formatTime(before)));

  const encrypted = Buffer.from(outer.data.encrypted, 'base64');
  if (encrypted.toString('base64') !== outer.data.encrypted || hex(encrypted) !== h.encryptedSha256) refuse('bad_signature', REFUSED.badSignature);
  const { Decrypter } = await import('age-encryption');
  const decrypter = new Decrypter();
  decrypter.addIdentity(me.ageIdentity);
  let plaintext: string;
  try {
    plaintext = await decrypter.decrypt(new Uint8Array(encrypted), 'text');
  } catch {
    return refuse('undecryptable', REFUSED.undecryptable);
  }
  const parts = inner.safeParse(parseJson(plaintext));
  if (!parts.success) refuse('malformed', REFUSED.malformed);
  if (!verifyWith(known.signingKey, MANIFEST_LABEL, parts.data.manifest, parts.data.manifestSignature)) refuse('bad_signature', REFUSED.badSignature);
  const manifest = exchangeManifest.safeParse(parseJson(parts.data.manifest));
  if (!manifest.success || canonicalJson(manifest.data as unknown as CanonicalValue) !== parts.data.manifest) refuse('malformed', REFUSED.malformed);
  const m = manifest.data;
  const sameAsHeader =
    m.exchangeId === h.exchangeId &&
    m.kind === h.kind &&
    canonicalJson(m.sender) === canonicalJson(h.sender) &&
    canonicalJson(m.recipients) === canonicalJson(h.recipients) &&
    m.createdAt === h.createdAt &&
    m.expiresAt === h.expiresAt;
  if (!sameAsHeader) refuse('bad_signature', REFUSED.badSignature);
  if (hex(parts.data.payload) !== m.payloadSha256) refuse('bad_signature', REFUSED.badSignature);
  const payload = exchangePayload.safeParse(parseJson(parts.data.payload));
  if (!payload.success) refuse('malformed', REFUSED.malformed);
  const carries = {
    share: m.share !== null,
    withdrawal: m.withdrawal !== null,
    meeting_pack: m.meetingPack !== undefined,
    meeting_acknowledgement: m.acknowledgement !== undefined,
    sar_referral: m.sarReferral !== undefined,
  };
  if (Object.entries(carries).some(([kind, has]) => has !== (m.kind === kind))) refuse('malformed', REFUSED.malformed);
  for (const line of [...(m.share?.items ?? []), ...(m.meetingPack?.documents ?? [])].map((i) => i.line)) {
    if (payload.data.values[line] === undefined) refuse('malformed', REFUSED.malformed);
  }
  return { header: h, manifest: m, payload: payload.data, fileSha256: hex(bytes) };
}
