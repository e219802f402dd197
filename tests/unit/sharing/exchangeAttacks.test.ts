// Issue 10, the exchange file under attack: "a tampered, unsigned, expired, wrong-recipient,
// replayed or malformed file is refused with a reason and imports nothing", "a changed key
// for a known office is refused until confirmed again", and the property tests that a file
// with any byte changed, any manifest field altered, a recipient swapped or the signature
// moved to another file is refused.
//
// Three registers on one machine: probation (A, the sender), the police (B, the receiver)
// and a youth offending team (C, a genuine partner of both, and the insider some attacks
// come from). The files are made once, through the app's own channels; the property runs
// call openExchange directly (the very function exchange.open calls) with a Receiver built
// from B's register, and a sample of them goes through the channel to prove nothing lands.
//
// Some attacks are built with the sender's own private key (read out of A's register). A
// real attacker has no such key: those cases isolate one inner check (the manifest's own
// signature, its agreement with the header) by making every check before it pass.
import { randomUUID, createHash } from 'node:crypto';
import { readFileSync, truncateSync, writeFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../../src/main/dispatch';
import { canonicalJson, type CanonicalValue } from '../../../src/main/audit';
import { homeOffice } from '../../../src/main/access/offices';
import { MappaError } from '../../../src/shared/errors';
import { formatLondonDateTime } from '../../../src/shared/calendar/format';
import {
  MAX_EXCHANGE_BYTES,
  openExchange,
  REFUSED,
  sealExchange,
  type ExchangeManifest,
  type ManifestDraft,
  type Receiver,
} from '../../../src/main/exchange/exchangeFile';
import { fingerprintOf, newOfficeKeys, ownKeyFile, ownKeys, partnerKeyByRemote, signWith, type OwnKeys } from '../../../src/main/exchange/keys';
import { receivedOn } from '../../../src/main/sharing/incoming';
import { aSubject, anItem } from '../../support/registerBuilders';
import { aDraftShare, aPartnerRegister, confirmKey, confirmShare, HOLLIS, openFile, twoPartners, type PartnerRegister } from '../../support/partners';

// The labels the sender signs under (private to exchangeFile.ts; repeated here to forge with).
const HEADER_LABEL = 'mappa exchange header v1';
const MANIFEST_LABEL = 'mappa exchange manifest v1';
const AREA = 'Greater Manchester';
const SENDER = 'Wigan Probation Delivery Unit';

const item = (itemId: string) => ({ kind: 'item' as const, itemId });
const field = (f: 'address' | 'date_of_birth' | 'references') => ({ kind: 'subject' as const, field: f });
const sha = (bytes: string | Uint8Array) => createHash('sha256').update(bytes).digest('hex');

// ---- the file's parts ------------------------------------------------------------------

interface Envelope {
  format: string;
  version: number;
  header: string;
  headerSignature: string;
  encrypted: string;
}
interface Inner {
  manifest: string;
  manifestSignature: string;
  payload: string;
}

const envelopeOf = (bytes: Buffer): Envelope => JSON.parse(bytes.toString('utf8')) as Envelope;
/** Written exactly as the sender writes it: JSON in the envelope's own key order, then a newline. */
const bytesOf = (e: Envelope): Buffer => Buffer.from(`${JSON.stringify(e)}\n`, 'utf8');

async function decryptInner(e: Envelope, ageIdentity: string): Promise<Inner> {
  const { Decrypter } = await import('age-encryption');
  const d = new Decrypter();
  d.addIdentity(ageIdentity);
  return JSON.parse(await d.decrypt(Buffer.from(e.encrypted, 'base64'), 'text')) as Inner;
}

async function encryptTo(ageRecipients: readonly string[], text: string): Promise<Uint8Array> {
  const { Encrypter } = await import('age-encryption');
  const enc = new Encrypter();
  for (const r of ageRecipients) enc.addRecipient(r);
  return enc.encrypt(text);
}

/**
 * The envelope again around `inner`, encrypted to `ageRecipients`, with the header's hash of
 * the new ciphertext (the rest of the header as `editHeader` leaves it). The header keeps its
 * old signature unless `headerSigner` (a PKCS#8 private key) signs the new one.
 */
async function reseal(e: Envelope, inner: Inner, options: { ageRecipients: readonly string[]; headerSigner?: string; editHeader?: (h: Record<string, unknown>) => void }): Promise<Buffer> {
  const encrypted = await encryptTo(options.ageRecipients, canonicalJson(inner as unknown as CanonicalValue));
  const header = { ...(JSON.parse(e.header) as Record<string, unknown>), encryptedSha256: sha(encrypted) };
  options.editHeader?.(header);
  const headerText = canonicalJson(header as CanonicalValue);
  return bytesOf({
    ...e,
    header: headerText,
    headerSignature: options.headerSigner ? signWith(options.headerSigner, HEADER_LABEL, headerText) : e.headerSignature,
    encrypted: Buffer.from(encrypted).toString('base64'),
  });
}

/** The header edited and re-canonicalised; its signature kept, or made again by `signer`. */
function withHeader(e: Envelope, edit: (h: Record<string, unknown>) => void, signer?: string): Buffer {
  const header = JSON.parse(e.header) as Record<string, unknown>;
  edit(header);
  const headerText = canonicalJson(header as CanonicalValue);
  return bytesOf({ ...e, header: headerText, headerSignature: signer ? signWith(signer, HEADER_LABEL, headerText) : e.headerSignature });
}

// ---- JSON leaves, for "any manifest field altered" -------------------------------------

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = (string | number)[];

function leaves(v: Json, path: Path = []): Path[] {
  if (v !== null && typeof v === 'object') {
    return Array.isArray(v) ? v.flatMap((x, i) => leaves(x, [...path, i])) : Object.entries(v).flatMap(([k, x]) => leaves(x, [...path, k]));
  }
  return [path];
}

function leafAt(v: Json, path: Path): Json {
  return path.reduce<Json>((node, key) => (node as Record<string | number, Json>)[key] as Json, v);
}

function withLeaf(v: Json, path: Path, next: Json): Json {
  if (path.length === 0) return next;
  const [key, ...rest] = path;
  if (Array.isArray(v)) return v.map((x, i) => (i === key ? withLeaf(x, rest, next) : x));
  const obj = v as Record<string, Json>;
  return { ...obj, [key as string]: withLeaf(obj[key as string] as Json, rest, next) };
}

/** A different value of the same leaf: another string, a larger number, the other boolean, a string for a null. */
function altered(v: Json, text: string, step: number): Json {
  if (typeof v === 'string') return text === v ? `${v}x` : text;
  if (typeof v === 'number') return v + step;
  if (typeof v === 'boolean') return !v;
  return text === '' ? 'x' : text;
}

// ---- the registers ---------------------------------------------------------------------

interface Footprint {
  subjects: number;
  items: number;
  origins: number;
  received: number;
  offices: number;
  imports: number;
}

/** What an import would leave behind in `reg`: rows, and the 'import' audit entries of step 'import'. */
function footprint(reg: PartnerRegister): Footprint {
  const r = reg.api.session.vault().reader;
  const count = (table: string) => r.get<{ n: number }>(`SELECT COUNT(*) AS n FROM ${table}`)?.n ?? -1;
  return {
    subjects: count('subjects'),
    items: count('items'),
    origins: count('item_origins'),
    received: count('exchanges_received'),
    offices: count('offices'),
    imports: reg.entries().filter((e) => e.action === 'import' && e.details.step === 'import').length,
  };
}

function keysOf(reg: PartnerRegister): OwnKeys {
  const keys = ownKeys(reg.api.session.vault().reader);
  if (!keys) throw new Error('the register has no office keys');
  return keys;
}

/** The register's side of openExchange, exactly as exchange.open builds it (with `now` to choose). */
function receiverFor(reg: PartnerRegister, now: Date = new Date()): Receiver {
  const read = () => reg.api.session.vault().reader;
  const own = keysOf(reg);
  return {
    fingerprint: own.fingerprint,
    ageIdentity: own.ageIdentity,
    senderKeys: (remote) => partnerKeyByRemote(read(), remote),
    receivedBefore: (exchangeId) => receivedOn(read(), exchangeId),
    now,
    formatTime: formatLondonDateTime,
  };
}

type Outcome = { refused: false } | { refused: true; code: string; message: string };

async function attempt(bytes: Buffer, me: Receiver): Promise<Outcome> {
  try {
    await openExchange(bytes, me);
    return { refused: false };
  } catch (error) {
    if (error instanceof MappaError) return { refused: true, code: error.code, message: error.message };
    throw error;
  }
}

let scratchCount = 0;
/** Puts `bytes` where `reg`'s open dialog will pick them, and opens them through the channel. */
async function openThroughChannel(reg: PartnerRegister, bytes: Buffer) {
  const file = reg.file(`attack-${scratchCount++}.mappa`);
  writeFileSync(file, bytes);
  reg.api.host.picksFile(file);
  return dispatch(reg.api.service, 'exchange.open', {});
}

const refusal = (code: string, message: string) => ({ refused: true, code, message });
const BAD_SIGNATURE = refusal('exchange_bad_signature', REFUSED.badSignature);
const MALFORMED = refusal('exchange_malformed', REFUSED.malformed);
const CHANGED_KEY = refusal('exchange_changed_key', REFUSED.changedKey(SENDER));

/** Every sentence a single changed byte may earn: nothing after the signature check is reachable. */
const TAMPER_SENTENCES = [REFUSED.malformed, REFUSED.badSignature, REFUSED.changedKey(SENDER), REFUSED.unknownSender(SENDER)];

interface World {
  a: PartnerRegister;
  b: PartnerRegister;
  c: PartnerRegister;
  bInA: string;
  cInA: string;
  subjectId: string;
  risk: string;
  rmp: string;
  /** A to B: references, the risk factor and the plan entry. */
  file1: Buffer;
  /** A to B: the risk factor only. */
  file2: Buffer;
  /** A to C only. */
  fileForC: Buffer;
}

let w: World;
const opened: PartnerRegister[] = [];
const lockAll = () => {
  for (const r of opened) if (r.api.session.status().state === 'unlocked') r.api.session.lock();
};

async function aShareFile(from: PartnerRegister, subjectId: string, recipients: string[], fields: Parameters<typeof aDraftShare>[3]): Promise<Buffer> {
  const share = await aDraftShare(from, subjectId, recipients, fields);
  if (!share.ready) throw new Error(`the share is not ready: ${JSON.stringify(share.problems)}`);
  return readFileSync(await confirmShare(from, share.id));
}

beforeAll(async () => {
  const t = await twoPartners();
  const c = await aPartnerRegister({ office: { name: 'Wigan Youth Offending Team', agency: 'youth_offending', area: AREA }, userName: 'Chris Caseworker' });
  opened.push(t.probation, t.police, c);
  const cInA = await confirmKey(c, t.probation);
  await confirmKey(c, t.police); // C is a genuine partner of B too
  const s = t.probation.api.service;
  const subjectId = (await s['subjects.create'](aSubject(HOLLIS))).id;
  const risk = (await s['items.add'](anItem(subjectId, t.probation.home, { value: 'Drinks heavily after contact with his former partner; violence has followed twice.', providerName: 'Pat Probation' }))).id;
  const rmp = (
    await s['items.add'](anItem(subjectId, t.probation.home, { fieldKind: 'rmp_entry', rmpHeading: 'victim_safety', value: 'Exclusion zone around Orchard Close; curfew 19:00–07:00.', providerName: 'Pat Probation' }))
  ).id;
  w = {
    a: t.probation,
    b: t.police,
    c,
    bInA: t.policeInProbation,
    cInA,
    subjectId,
    risk,
    rmp,
    file1: await aShareFile(t.probation, subjectId, [t.policeInProbation], [field('references'), item(risk), item(rmp)]),
    file2: await aShareFile(t.probation, subjectId, [t.policeInProbation], [item(risk)]),
    fileForC: await aShareFile(t.probation, subjectId, [cInA], [field('references'), item(risk)]),
  };
});
afterAll(lockAll);

describe('the genuine files (the control every attack is measured against)', () => {
  it('opens each untouched file for the office it was made for', async () => {
    expect(await attempt(w.file1, receiverFor(w.b))).toEqual({ refused: false });
    expect(await attempt(w.file2, receiverFor(w.b))).toEqual({ refused: false });
    expect(await attempt(w.fileForC, receiverFor(w.c))).toEqual(refusal('exchange_unknown_sender', REFUSED.unknownSender(SENDER))); // C has not confirmed A's key
  });
});

describe('any byte changed, removed or added is refused', () => {
  it('refuses a file with any one byte changed to any other value (property)', async () => {
    const me = receiverFor(w.b);
    const bytes = w.file1;
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: bytes.length - 1 }), fc.integer({ min: 1, max: 255 }), async (at, delta) => {
        const changed = Buffer.from(bytes);
        changed[at] = (bytes[at]! + delta) % 256;
        const outcome = await attempt(changed, me);
        expect(outcome.refused, `byte ${at} changed from ${bytes[at]} to ${changed[at]}`).toBe(true);
        if (outcome.refused) expect(TAMPER_SENTENCES).toContain(outcome.message);
      }),
      { numRuns: 200 },
    );
  });

  it('refuses a file cut short anywhere, or with anything added at its end (property)', async () => {
    const me = receiverFor(w.b);
    const bytes = w.file1;
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: bytes.length - 1 }), async (length) => {
        expect(await attempt(bytes.subarray(0, length), me)).toEqual(MALFORMED);
      }),
      { numRuns: 100 },
    );
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ minLength: 1, maxLength: 64 }), async (tail) => {
        expect(await attempt(Buffer.concat([bytes, tail]), me)).toEqual(MALFORMED);
      }),
      { numRuns: 100 },
    );
    for (const tail of ['\n', ' ', '\r\n', '\u0000']) expect(await attempt(Buffer.concat([bytes, Buffer.from(tail)]), me), JSON.stringify(tail)).toEqual(MALFORMED);
    expect(await attempt(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]), me)).toEqual(MALFORMED); // a byte-order mark
  });

  it('refuses a file with a byte removed or one inserted anywhere (property)', async () => {
    const me = receiverFor(w.b);
    const bytes = w.file1;
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: bytes.length - 1 }), fc.option(fc.integer({ min: 0, max: 255 }), { nil: undefined }), async (at, inserted) => {
        const changed = inserted === undefined ? Buffer.concat([bytes.subarray(0, at), bytes.subarray(at + 1)]) : Buffer.concat([bytes.subarray(0, at), Buffer.from([inserted]), bytes.subarray(at)]);
        const outcome = await attempt(changed, me);
        expect(outcome.refused, inserted === undefined ? `byte ${at} removed` : `byte ${inserted} inserted at ${at}`).toBe(true);
        if (outcome.refused) expect(TAMPER_SENTENCES).toContain(outcome.message);
      }),
      { numRuns: 150 },
    );
  });

  it('refuses every change to the header signature’s characters, exhaustively (each position, each printable character; each removed; some inserted)', async () => {
    const me = receiverFor(w.b);
    const bytes = w.file1;
    const sig = envelopeOf(bytes).headerSignature;
    const start = bytes.indexOf(`"headerSignature":"${sig}"`) + '"headerSignature":"'.length;
    expect(bytes.subarray(start, start + sig.length).toString('utf8')).toBe(sig);
    const accepted: string[] = [];
    const tryIt = async (changed: Buffer, what: string) => {
      if (!(await attempt(changed, me)).refused) accepted.push(what);
    };
    for (let i = 0; i < sig.length; i += 1) {
      for (let code = 0x20; code < 0x7f; code += 1) {
        if (code === bytes[start + i]) continue;
        const changed = Buffer.from(bytes);
        changed[start + i] = code;
        await tryIt(changed, `character ${i} (${sig[i]}) changed to ${JSON.stringify(String.fromCharCode(code))}`);
      }
      await tryIt(Buffer.concat([bytes.subarray(0, start + i), bytes.subarray(start + i + 1)]), `character ${i} (${sig[i]}) removed`);
    }
    for (let i = 0; i <= sig.length; i += 1) {
      for (const extra of [' ', '!', '.', '=', 'A', '-', '_']) {
        await tryIt(Buffer.concat([bytes.subarray(0, start + i), Buffer.from(extra), bytes.subarray(start + i)]), `${JSON.stringify(extra)} inserted before character ${i}`);
      }
    }
    // Listed (the first few) so a failure says exactly which edits got through.
    expect({ accepted: accepted.length, examples: accepted.slice(0, 10) }).toEqual({ accepted: 0, examples: [] });
  });

  it('refuses a sample of changed bytes through exchange.open, and imports nothing (property)', async () => {
    const bytes = w.file1;
    const before = footprint(w.b);
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: bytes.length - 1 }), fc.integer({ min: 1, max: 255 }), async (at, delta) => {
        const changed = Buffer.from(bytes);
        changed[at] = (bytes[at]! + delta) % 256;
        const reply = await openThroughChannel(w.b, changed);
        expect(reply.ok, `byte ${at} changed`).toBe(false);
        if (!reply.ok) expect(TAMPER_SENTENCES).toContain(reply.error.message);
      }),
      { numRuns: 25 },
    );
    expect(footprint(w.b)).toEqual(before);
  });
});

describe('any manifest field altered is refused', () => {
  let inner: Inner;
  let manifest: Json;
  let paths: Path[];
  beforeAll(async () => {
    inner = await decryptInner(envelopeOf(w.file1), keysOf(w.b).ageIdentity);
    manifest = JSON.parse(inner.manifest) as Json;
    paths = leaves(manifest);
  });

  it('has the manifest the issue names: sender, recipients, purpose, gateway, regime, subject, items with owner, conditions and tests, dates, payload hash', () => {
    const m = manifest as unknown as ExchangeManifest;
    expect(Object.keys(m).sort()).toEqual(['createdAt', 'exchangeId', 'expiresAt', 'format', 'kind', 'payloadSha256', 'recipients', 'sender', 'sentBy', 'share', 'version', 'withdrawal']);
    expect(m.recipients).toEqual([keysOf(w.b).fingerprint]);
    expect(m.share?.items.map((i) => i.subjectField ?? i.fieldKind)).toEqual(['names', 'references', 'risk_factor', 'rmp_entry']);
    expect(m.share?.items.every((i) => i.owner.name === SENDER && i.conditions.noOnwardDisclosure && i.tests.necessary !== '' && i.tests.answeredBy === 'Casey Coordinator')).toBe(true);
    expect(m.share).toMatchObject({ purpose: 'risk_management_plan', gateway: 'cja2003_s325', regime: 'dpa2018_part3', subject: { familyName: 'Hollis', pnc: '84/123456A' } });
    expect(paths.length).toBeGreaterThan(40);
  });

  it('refuses a file whose manifest has any one leaf changed, re-encrypted to the receiver with the header’s hash made again (property)', async () => {
    const me = receiverFor(w.b);
    const e = envelopeOf(w.file1);
    const bRecipient = keysOf(w.b).ageRecipient;
    const aKey = keysOf(w.a).signingPrivate;
    const cKey = keysOf(w.c).signingPrivate;
    await fc.assert(
      fc.asyncProperty(fc.nat(), fc.string({ maxLength: 12 }), fc.integer({ min: 1, max: 10_000 }), async (pick, text, step) => {
        const path = paths[pick % paths.length]!;
        const changed = withLeaf(manifest, path, altered(leafAt(manifest, path), text, step));
        const manifestText = canonicalJson(changed as CanonicalValue);
        const where = path.join('.');
        // 1. An attacker without the sender's key: the header's signature no longer matches.
        const plain = await reseal(e, { ...inner, manifest: manifestText }, { ageRecipients: [bRecipient] });
        expect(await attempt(plain, me), where).toEqual(BAD_SIGNATURE);
        // 2. Even under a header the sender's key signed, the manifest's own signature fails.
        const headerSigned = await reseal(e, { ...inner, manifest: manifestText }, { ageRecipients: [bRecipient], headerSigner: aKey });
        expect(await attempt(headerSigned, me), where).toEqual(BAD_SIGNATURE);
        // 3. Another partner re-signing everything with their own key while claiming the sender's office.
        const resigned = await reseal(e, { ...inner, manifest: manifestText, manifestSignature: signWith(cKey, MANIFEST_LABEL, manifestText) }, { ageRecipients: [bRecipient], headerSigner: cKey });
        expect(await attempt(resigned, me), where).toEqual(BAD_SIGNATURE);
      }),
      { numRuns: 60 },
    );
  });

  it('refuses a file whose payload has any value changed (property)', async () => {
    const me = receiverFor(w.b);
    const e = envelopeOf(w.file1);
    const bRecipient = keysOf(w.b).ageRecipient;
    const aKey = keysOf(w.a).signingPrivate;
    const payload = JSON.parse(inner.payload) as { values: Record<string, string> };
    const lines = Object.keys(payload.values);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...lines), fc.string({ maxLength: 40 }), async (line, text) => {
        const values = { ...payload.values, [line]: text === payload.values[line] ? `${text}x` : text };
        const payloadText = canonicalJson({ values });
        expect(await attempt(await reseal(e, { ...inner, payload: payloadText }, { ageRecipients: [bRecipient], headerSigner: aKey }), me)).toEqual(BAD_SIGNATURE);
      }),
      { numRuns: 20 },
    );
  });

  it('refuses an item removed, an owner changed, and a condition dropped, through exchange.open, importing nothing', async () => {
    const e = envelopeOf(w.file1);
    const m = manifest as unknown as ExchangeManifest;
    const bRecipient = keysOf(w.b).ageRecipient;
    const before = footprint(w.b);
    const edits: [string, ExchangeManifest][] = [
      ['an item removed', { ...m, share: { ...m.share!, items: m.share!.items.slice(1) } }],
      ['the owner changed to the police', { ...m, share: { ...m.share!, items: m.share!.items.map((i) => ({ ...i, owner: { ...i.owner, name: 'Wigan Public Protection Unit', agency: 'police' as const } })) } }],
      ['no onward disclosure dropped', { ...m, share: { ...m.share!, items: m.share!.items.map((i) => ({ ...i, conditions: { ...i.conditions, noOnwardDisclosure: false } })) } }],
      ['the expiry pushed back a year', { ...m, expiresAt: new Date(Date.parse(m.expiresAt) + 365 * 86_400_000).toISOString() }],
    ];
    for (const [what, edited] of edits) {
      const bytes = await reseal(e, { ...inner, manifest: canonicalJson(edited as unknown as CanonicalValue) }, { ageRecipients: [bRecipient] });
      expect(await openThroughChannel(w.b, bytes), what).toEqual({ ok: false, error: { code: 'exchange_bad_signature', message: REFUSED.badSignature } });
    }
    expect(footprint(w.b)).toEqual(before);
  });

  it('refuses a partner who re-signs a file with their own key while naming the sender’s office and their own fingerprint (a changed key)', async () => {
    const e = envelopeOf(w.file1);
    const cKeys = keysOf(w.c);
    const m = manifest as unknown as ExchangeManifest;
    const claimed = { ...m, sender: { ...m.sender, fingerprint: cKeys.fingerprint } };
    const manifestText = canonicalJson(claimed as unknown as CanonicalValue);
    const bytes = await reseal(
      e,
      { ...inner, manifest: manifestText, manifestSignature: signWith(cKeys.signingPrivate, MANIFEST_LABEL, manifestText) },
      { ageRecipients: [keysOf(w.b).ageRecipient], headerSigner: cKeys.signingPrivate, editHeader: (h) => ((h.sender as Record<string, unknown>).fingerprint = cKeys.fingerprint) },
    );
    expect(await attempt(bytes, receiverFor(w.b))).toEqual(CHANGED_KEY);
  });
});

describe('a recipient swapped is refused', () => {
  it('refuses a file made for another office: not made for this office', async () => {
    const before = footprint(w.b);
    expect(await attempt(w.fileForC, receiverFor(w.b))).toEqual(refusal('exchange_not_for_us', REFUSED.notForUs));
    expect(await openThroughChannel(w.b, w.fileForC)).toEqual({ ok: false, error: { code: 'exchange_not_for_us', message: REFUSED.notForUs } });
    expect(footprint(w.b)).toEqual(before);
  });

  it('refuses the header’s recipients edited to name this office (replaced, or added)', async () => {
    const e = envelopeOf(w.fileForC);
    const me = receiverFor(w.b);
    const bFp = keysOf(w.b).fingerprint;
    expect(await attempt(withHeader(e, (h) => (h.recipients = [bFp])), me)).toEqual(BAD_SIGNATURE);
    expect(await attempt(withHeader(e, (h) => (h.recipients = [...(h.recipients as string[]), bFp])), me)).toEqual(BAD_SIGNATURE);
    expect(await attempt(withHeader(e, (h) => (h.recipients = [bFp, ...(h.recipients as string[])])), me)).toEqual(BAD_SIGNATURE);
  });

  it('refuses the other office re-encrypting its file to this office (an insider at C forwarding it)', async () => {
    const e = envelopeOf(w.fileForC);
    const inner = await decryptInner(e, keysOf(w.c).ageIdentity);
    const bFp = keysOf(w.b).fingerprint;
    const forwarded = await reseal(e, inner, { ageRecipients: [keysOf(w.b).ageRecipient], editHeader: (h) => (h.recipients = [bFp]) });
    expect(await attempt(forwarded, receiverFor(w.b))).toEqual(BAD_SIGNATURE);
    // Even were the header signed for this office, the manifest inside still names the other one.
    const headerSigned = await reseal(e, inner, { ageRecipients: [keysOf(w.b).ageRecipient], headerSigner: keysOf(w.a).signingPrivate, editHeader: (h) => (h.recipients = [bFp]) });
    expect(await attempt(headerSigned, receiverFor(w.b))).toEqual(BAD_SIGNATURE);
  });

  it('cannot decrypt a file whose signed header names this office but whose content was encrypted to another', async () => {
    const e = envelopeOf(w.fileForC);
    const bytes = withHeader(e, (h) => (h.recipients = [keysOf(w.b).fingerprint]), keysOf(w.a).signingPrivate);
    expect(await attempt(bytes, receiverFor(w.b))).toEqual(refusal('exchange_undecryptable', REFUSED.undecryptable));
  });
});

describe('a signature moved to another file is refused', () => {
  it('refuses the header signature of one file on another', async () => {
    const one = envelopeOf(w.file1);
    const two = envelopeOf(w.file2);
    const me = receiverFor(w.b);
    expect(await attempt(bytesOf({ ...two, headerSignature: one.headerSignature }), me)).toEqual(BAD_SIGNATURE);
    expect(await attempt(bytesOf({ ...one, headerSignature: two.headerSignature }), me)).toEqual(BAD_SIGNATURE);
    // The whole signed header of one file over the other's content: the ciphertext is not the one signed.
    expect(await attempt(bytesOf({ ...one, encrypted: two.encrypted }), me)).toEqual(BAD_SIGNATURE);
    expect(await openThroughChannel(w.b, bytesOf({ ...two, headerSignature: one.headerSignature }))).toEqual({ ok: false, error: { code: 'exchange_bad_signature', message: REFUSED.badSignature } });
  });

  it('refuses the manifest signature of one file inside another, and the header’s signature passed off as the manifest’s', async () => {
    const one = envelopeOf(w.file1);
    const two = envelopeOf(w.file2);
    const identity = keysOf(w.b).ageIdentity;
    const [i1, i2] = [await decryptInner(one, identity), await decryptInner(two, identity)];
    const me = receiverFor(w.b);
    const opts = { ageRecipients: [keysOf(w.b).ageRecipient] };
    const aKey = keysOf(w.a).signingPrivate;
    expect(await attempt(await reseal(two, { ...i2, manifestSignature: i1.manifestSignature }, opts), me)).toEqual(BAD_SIGNATURE);
    expect(await attempt(await reseal(two, { ...i2, manifestSignature: i1.manifestSignature }, { ...opts, headerSigner: aKey }), me)).toEqual(BAD_SIGNATURE);
    // The whole inner part (manifest, its signature, payload) of file 1 inside file 2's envelope, the header re-signed:
    // the manifest is genuine but names another exchange.
    expect(await attempt(await reseal(two, i1, { ...opts, headerSigner: aKey }), me)).toEqual(BAD_SIGNATURE);
    // The payload of one file with the manifest of the other.
    expect(await attempt(await reseal(two, { ...i2, payload: i1.payload }, { ...opts, headerSigner: aKey }), me)).toEqual(BAD_SIGNATURE);
    // Signed by the sender's key, but under the header's label: one signature cannot pass as the other.
    expect(await attempt(await reseal(two, { ...i2, manifestSignature: signWith(aKey, HEADER_LABEL, i2.manifest) }, { ...opts, headerSigner: aKey }), me)).toEqual(BAD_SIGNATURE);
    expect(await attempt(withHeader(two, () => undefined, undefined), me)).toEqual({ refused: false }); // (the control: unchanged, it opens)
    const headerAsManifest = bytesOf({ ...two, headerSignature: signWith(aKey, MANIFEST_LABEL, two.header) });
    expect(await attempt(headerAsManifest, me)).toEqual(BAD_SIGNATURE);
  });
});

describe('an unsigned file is refused', () => {
  it('refuses a header signature emptied, shortened or taken away', async () => {
    const e = envelopeOf(w.file1);
    const me = receiverFor(w.b);
    expect(await attempt(bytesOf({ ...e, headerSignature: '' }), me)).toEqual(BAD_SIGNATURE);
    expect(await attempt(bytesOf({ ...e, headerSignature: e.headerSignature.slice(0, 44) }), me)).toEqual(BAD_SIGNATURE);
    expect(await attempt(bytesOf({ ...e, headerSignature: 'A'.repeat(86) + '==' }), me)).toEqual(BAD_SIGNATURE);
    const { headerSignature: _gone, ...unsigned } = e;
    expect(await attempt(Buffer.from(`${JSON.stringify(unsigned)}\n`), me)).toEqual(MALFORMED);
    expect(await openThroughChannel(w.b, bytesOf({ ...e, headerSignature: '' }))).toEqual({ ok: false, error: { code: 'exchange_bad_signature', message: REFUSED.badSignature } });
  });

  it('refuses a manifest signature emptied, even under a header the sender signed', async () => {
    const e = envelopeOf(w.file1);
    const inner = await decryptInner(e, keysOf(w.b).ageIdentity);
    const opts = { ageRecipients: [keysOf(w.b).ageRecipient], headerSigner: keysOf(w.a).signingPrivate };
    expect(await attempt(await reseal(e, { ...inner, manifestSignature: '' }, opts), receiverFor(w.b))).toEqual(BAD_SIGNATURE);
    const { manifestSignature: _gone, ...unsigned } = inner;
    expect(await attempt(await reseal(e, unsigned as Inner, opts), receiverFor(w.b))).toEqual(MALFORMED);
  });
});

describe('an expired or not yet valid file is refused', () => {
  it('refuses the file from the moment it expires, saying when (and opens it a moment before)', async () => {
    const header = JSON.parse(envelopeOf(w.file1).header) as { createdAt: string; expiresAt: string };
    const expires = Date.parse(header.expiresAt);
    expect(await attempt(w.file1, receiverFor(w.b, new Date(expires - 1)))).toEqual({ refused: false });
    const expected = refusal('exchange_expired', REFUSED.expired(formatLondonDateTime(header.expiresAt)));
    expect(await attempt(w.file1, receiverFor(w.b, new Date(expires)))).toEqual(expected);
    expect(await attempt(w.file1, receiverFor(w.b, new Date(expires + 365 * 86_400_000)))).toEqual(expected);
    expect(expected.message).toMatch(/^This file expired on .+ and can no longer be imported: nothing was imported\. Ask the sender for a new one\.$/);
  });

  it('refuses a file made more than ten minutes in this computer’s future', async () => {
    const header = JSON.parse(envelopeOf(w.file1).header) as { createdAt: string };
    const made = Date.parse(header.createdAt);
    expect(await attempt(w.file1, receiverFor(w.b, new Date(made - 9 * 60_000)))).toEqual({ refused: false });
    expect(await attempt(w.file1, receiverFor(w.b, new Date(made - 11 * 60_000)))).toEqual(refusal('exchange_not_yet_valid', REFUSED.notYetValid));
  });

  it('refuses the expiry moved later in a header, whoever signs it but the sender', async () => {
    const e = envelopeOf(w.file1);
    const later = (h: Record<string, unknown>) => (h.expiresAt = new Date(Date.parse(h.expiresAt as string) + 365 * 86_400_000).toISOString());
    const header = JSON.parse(e.header) as { expiresAt: string };
    const afterExpiry = receiverFor(w.b, new Date(Date.parse(header.expiresAt) + 86_400_000));
    expect(await attempt(withHeader(e, later), afterExpiry)).toEqual(BAD_SIGNATURE);
    expect(await attempt(withHeader(e, later, keysOf(w.c).signingPrivate), afterExpiry)).toEqual(BAD_SIGNATURE);
    // With the sender's key on the header alone, the manifest inside still carries the first expiry.
    expect(await attempt(withHeader(e, later, keysOf(w.a).signingPrivate), afterExpiry)).toEqual(BAD_SIGNATURE);
  });
});

describe('a replayed file is refused', () => {
  it('imports a file once; opened again it is refused as already imported, saying when, and nothing changes', async () => {
    const file = await aShareFile(w.a, w.subjectId, [w.bInA], [field('references'), item(w.risk)]);
    const first = await openThroughChannel(w.b, file);
    expect(first).toMatchObject({ ok: true });
    const token = (first as { ok: true; value: { token: string } }).value.token;
    expect(await dispatch(w.b.api.service, 'exchange.import', { token })).toMatchObject({ ok: true, value: { added: 1 } });
    const exchangeId = (JSON.parse(envelopeOf(file).header) as { exchangeId: string }).exchangeId;
    const at = receivedOn(w.b.api.session.vault().reader, exchangeId)!;
    const before = footprint(w.b);
    const again = await openThroughChannel(w.b, file);
    expect(again).toEqual({ ok: false, error: { code: 'exchange_replayed', message: REFUSED.replayed(formatLondonDateTime(at)) } });
    expect(footprint(w.b)).toEqual(before);
    // The same token cannot be used twice either.
    expect(await dispatch(w.b.api.service, 'exchange.import', { token })).toMatchObject({ ok: false, error: { code: 'not_open' } });
    expect(footprint(w.b)).toEqual(before);
  });

  it('refuses the second of two previews of one file opened before either was imported', async () => {
    const file = await aShareFile(w.a, w.subjectId, [w.bInA], [field('references'), item(w.rmp)]);
    const first = (await openThroughChannel(w.b, file)) as { ok: true; value: { token: string } };
    const second = (await openThroughChannel(w.b, file)) as { ok: true; value: { token: string } };
    expect([first.ok, second.ok]).toEqual([true, true]);
    expect(await dispatch(w.b.api.service, 'exchange.import', { token: first.value.token })).toMatchObject({ ok: true });
    const before = footprint(w.b);
    expect(await dispatch(w.b.api.service, 'exchange.import', { token: second.value.token })).toMatchObject({ ok: false, error: { code: 'exchange_replayed' } });
    expect(footprint(w.b)).toEqual(before);
  });
});

describe('a malformed file is refused', () => {
  it('refuses what is not an exchange file at all', async () => {
    const me = receiverFor(w.b);
    const e = envelopeOf(w.file1);
    const cases: [string, Buffer][] = [
      ['an empty file', Buffer.alloc(0)],
      ['text', Buffer.from('Darren Hollis, 14 Larch Road\n')],
      ['JSON null', Buffer.from('null\n')],
      ['an empty object', Buffer.from('{}\n')],
      ['a key file', Buffer.from(ownKeyFile(keysOf(w.a)))],
      ['another format', bytesOf({ ...e, format: 'mappa-exchangf' })],
      ['another version', bytesOf({ ...e, version: 2 })],
      ['an extra field', Buffer.from(`${JSON.stringify({ ...e, note: 'hi' })}\n`)],
      ['the same JSON, pretty-printed', Buffer.from(`${JSON.stringify(e, null, 2)}\n`)],
      ['the same JSON, keys reordered', Buffer.from(`${JSON.stringify({ version: e.version, format: e.format, header: e.header, headerSignature: e.headerSignature, encrypted: e.encrypted })}\n`)],
      ['the same JSON, with a string escaped differently', Buffer.from(`${JSON.stringify(e).replace('"mappa-exchange"', '"mappa\\u002dexchange"')}\n`)],
      ['the header not canonical', bytesOf({ ...e, header: JSON.stringify(JSON.parse(e.header), null, 1) })],
      ['the header not JSON', bytesOf({ ...e, header: e.header.slice(0, -1) })],
      ['a header field added', withHeader(e, (h) => (h.note = 'hi'))],
      ['the ciphertext not base64', bytesOf({ ...e, encrypted: `${e.encrypted.slice(0, -4)}!!!!` })],
    ];
    for (const [what, bytes] of cases) {
      const outcome = await attempt(bytes, me);
      expect(outcome.refused, what).toBe(true);
      if (outcome.refused) expect([REFUSED.malformed, REFUSED.badSignature], what).toContain(outcome.message);
    }
    for (const [what, bytes] of cases.slice(0, 10)) expect(await attempt(bytes, me), what).toEqual(MALFORMED);
  });

  it('refuses, as malformed, content the sender’s key signed but the manifest’s rules do not allow', async () => {
    const e = envelopeOf(w.file1);
    const me = receiverFor(w.b);
    const aKey = keysOf(w.a).signingPrivate;
    const opts = { ageRecipients: [keysOf(w.b).ageRecipient], headerSigner: aKey };
    const inner = await decryptInner(e, keysOf(w.b).ageIdentity);
    const m = JSON.parse(inner.manifest) as ExchangeManifest;
    const signed = (manifest: unknown, payload = inner.payload) => {
      const text = typeof manifest === 'string' ? manifest : canonicalJson(manifest as CanonicalValue);
      return { manifest: text, manifestSignature: signWith(aKey, MANIFEST_LABEL, text), payload };
    };
    const payload = JSON.parse(inner.payload) as { values: Record<string, string> };
    const firstLine = m.share!.items[0]!.line;
    const { [firstLine]: _dropped, ...fewer } = payload.values;
    const fewerText = canonicalJson({ values: fewer });
    const cases: [string, Inner][] = [
      ['the inner part not JSON', { manifest: '', manifestSignature: '', payload: '' }],
      ['a manifest field added', signed({ ...m, extra: true })],
      ['an item’s value missing from the payload', signed({ ...m, payloadSha256: sha(fewerText) }, fewerText)],
      ['a share with no share part', signed({ ...m, share: null })],
      ['a manifest not in canonical form', signed(JSON.stringify(m, null, 1))],
    ];
    for (const [what, i] of cases) {
      const bytes = what === 'the inner part not JSON' ? await resealRaw(e, 'not json', opts) : await reseal(e, i, opts);
      expect(await attempt(bytes, me), what).toEqual(MALFORMED);
    }
  });

  it('refuses through exchange.open a damaged file and one far too large, importing nothing', async () => {
    const before = footprint(w.b);
    expect(await openThroughChannel(w.b, Buffer.from('not an exchange file'))).toEqual({ ok: false, error: { code: 'exchange_malformed', message: REFUSED.malformed } });
    expect(await openThroughChannel(w.b, Buffer.alloc(0))).toEqual({ ok: false, error: { code: 'exchange_malformed', message: REFUSED.malformed } });
    const huge = w.b.file('huge.mappa');
    writeFileSync(huge, w.file1);
    truncateSync(huge, MAX_EXCHANGE_BYTES + 1); // sparse: the size is checked before anything is read
    w.b.api.host.picksFile(huge);
    expect(await dispatch(w.b.api.service, 'exchange.open', {})).toEqual({ ok: false, error: { code: 'exchange_malformed', message: REFUSED.malformed } });
    expect(footprint(w.b)).toEqual(before);
  });
});

async function resealRaw(e: Envelope, plaintext: string, options: { ageRecipients: readonly string[]; headerSigner: string }): Promise<Buffer> {
  const encrypted = await encryptTo(options.ageRecipients, plaintext);
  const header = { ...(JSON.parse(e.header) as Record<string, unknown>), encryptedSha256: sha(encrypted) };
  const headerText = canonicalJson(header as CanonicalValue);
  return bytesOf({ ...e, header: headerText, headerSignature: signWith(options.headerSigner, HEADER_LABEL, headerText), encrypted: Buffer.from(encrypted).toString('base64') });
}

describe('a file from an office this register has not confirmed is refused', () => {
  it('refuses a genuine file from a sender whose key this register never confirmed, naming the office', async () => {
    const before = footprint(w.c);
    // A made the file for C, but C never imported A's key.
    expect(await openThroughChannel(w.c, w.fileForC)).toEqual({ ok: false, error: { code: 'exchange_unknown_sender', message: REFUSED.unknownSender(SENDER) } });
    expect(footprint(w.c)).toEqual(before);
  });
});

describe('a partner cannot rewrite what another office sent or owns', () => {
  /** C, a confirmed partner of B, signs (genuinely, with its own key) a file that claims a newer version of an item B holds. */
  async function cClaimsNewerVersion(origin: string, originVersion: number, owner: { name: string; agency: 'probation' | 'police'; area: string }, value: string): Promise<Buffer> {
    const inner = await decryptInner(envelopeOf(w.file1), keysOf(w.b).ageIdentity);
    const m = JSON.parse(inner.manifest) as ExchangeManifest;
    const cKeys = keysOf(w.c);
    const bKeys = keysOf(w.b);
    const template = m.share!.items.find((i) => i.fieldKind === 'risk_factor')!;
    const draft: ManifestDraft = {
      exchangeId: randomUUID(),
      kind: 'share',
      sender: { officeId: cKeys.office.id, name: cKeys.office.name, agency: cKeys.office.agency, area: cKeys.office.area, fingerprint: cKeys.fingerprint },
      recipients: [bKeys.fingerprint],
      createdAt: new Date().toISOString(),
      expiresAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
      sentBy: 'Chris Caseworker',
      share: { ...m.share!, items: [{ ...template, line: 'forged', origin, originVersion, owner }] },
      withdrawal: null,
    };
    return sealExchange(draft, { values: { forged: value } }, { signingPrivate: cKeys.signingPrivate }, [bKeys.ageRecipient]);
  }

  const FORGED = 'No risk concerns; the victim has withdrawn her statement.';

  it('does not let C overwrite an item B received from A by claiming a newer version of it', async () => {
    const file = await aShareFile(w.a, w.subjectId, [w.bInA], [field('references'), item(w.risk)]);
    const preview = await openFile(w.b, writeScratch(w.b, file));
    await w.b.api.service['exchange.import']({ token: preview.token, subjectId: null });
    const r = w.b.api.session.vault().reader;
    const origin = `${w.a.home}/${w.risk}`;
    const held = r.get<{ item_id: string; origin_version: number }>('SELECT item_id, origin_version FROM item_origins WHERE origin = ?', [origin])!;
    const before = r.get<{ value: string; version: number; owner_office_id: string }>('SELECT value, version, owner_office_id FROM items WHERE id = ?', [held.item_id]);
    expect(before?.value).toBe('Drinks heavily after contact with his former partner; violence has followed twice.');

    const forged = await cClaimsNewerVersion(origin, held.origin_version + 1, { name: SENDER, agency: 'probation', area: AREA }, FORGED);
    const opened = await openThroughChannel(w.b, forged);
    if (opened.ok) await dispatch(w.b.api.service, 'exchange.import', { token: (opened.value as { token: string }).token });
    const after = w.b.api.session.vault().reader.get<{ value: string; version: number; owner_office_id: string }>('SELECT value, version, owner_office_id FROM items WHERE id = ?', [held.item_id]);
    // A's information, still shown as A's, must still be what A sent.
    expect(after).toEqual(before);
  });

  it('does not let C overwrite B’s own item by claiming a newer version of it', async () => {
    const bs = w.b.api.service;
    const hollis = w.b.api.session.vault().reader.get<{ id: string }>("SELECT id FROM subjects WHERE family_name = 'Hollis'")!;
    const own = await bs['items.add'](anItem(hollis.id, w.b.home, { value: 'Arrested 3 November for breach of a non-molestation order.', providerName: 'Sam Sergeant' }));
    const before = w.b.api.session.vault().reader.get<{ value: string; version: number }>('SELECT value, version FROM items WHERE id = ?', [own.id]);
    const forged = await cClaimsNewerVersion(`${w.b.home}/${own.id}`, 2, { name: 'Wigan Public Protection Unit', agency: 'police', area: AREA }, FORGED);
    const opened = await openThroughChannel(w.b, forged);
    if (opened.ok) await dispatch(w.b.api.service, 'exchange.import', { token: (opened.value as { token: string }).token });
    const after = w.b.api.session.vault().reader.get<{ value: string; version: number }>('SELECT value, version FROM items WHERE id = ?', [own.id]);
    expect(after).toEqual(before);
  });
});

describe('a partner cannot withdraw what another office sent', () => {
  it('ignores a withdrawal notice, genuinely signed by C, naming items B received from A', async () => {
    const origin = `${w.a.home}/${w.risk}`;
    const file = await aShareFile(w.a, w.subjectId, [w.bInA], [field('references'), item(w.risk)]);
    const preview = await openFile(w.b, writeScratch(w.b, file));
    await w.b.api.service['exchange.import']({ token: preview.token, subjectId: null });
    const held = () => w.b.api.session.vault().reader.get<{ withdrawn_at: string | null }>('SELECT withdrawn_at FROM item_origins WHERE origin = ?', [origin]);
    expect(held()).toEqual({ withdrawn_at: null });
    const cKeys = keysOf(w.c);
    const bKeys = keysOf(w.b);
    const draft: ManifestDraft = {
      exchangeId: randomUUID(),
      kind: 'withdrawal',
      sender: { officeId: cKeys.office.id, name: cKeys.office.name, agency: cKeys.office.agency, area: cKeys.office.area, fingerprint: cKeys.fingerprint },
      recipients: [bKeys.fingerprint],
      createdAt: new Date().toISOString(),
      expiresAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
      sentBy: 'Chris Caseworker',
      share: null,
      withdrawal: { withdraws: randomUUID(), origins: [origin], reason: 'Withdrawn.' },
    };
    const notice = await sealExchange(draft, { values: {} }, { signingPrivate: cKeys.signingPrivate }, [bKeys.ageRecipient]);
    const opened = await openThroughChannel(w.b, notice);
    expect(opened).toMatchObject({ ok: true, value: { kind: 'withdrawal', items: [] } });
    const imported = await dispatch(w.b.api.service, 'exchange.import', { token: (opened as { ok: true; value: { token: string } }).value.token });
    if (imported.ok) expect(imported.value).toMatchObject({ withdrawn: 0 });
    expect(held()).toEqual({ withdrawn_at: null });
  });
});

describe('a withdrawal notice that matches nothing held', () => {
  it('imports a genuine notice for a share this register never imported, saying so truthfully (withdrawn: 0), not “something went wrong”', async () => {
    // An item shared for the first time, so B holds nothing the notice names.
    const fresh = (await w.a.api.service['items.add'](anItem(w.subjectId, w.a.home, { value: 'Seen near the school gates on 2 November.', providerName: 'Pat Probation' }))).id;
    const share = await aDraftShare(w.a, w.subjectId, [w.bInA], [field('references'), item(fresh)]);
    await confirmShare(w.a, share.id); // made for B, never imported there
    const notice = w.a.file(`withdrawal-${scratchCount++}.mappa`);
    w.a.api.host.picksFile(notice);
    await w.a.api.service['shares.withdraw']({ id: share.id, reason: 'Sent before the meeting agreed it.' });
    const preview = await openFile(w.b, notice);
    expect(preview).toMatchObject({ kind: 'withdrawal', items: [], subject: { matchedSubjectId: null } });
    const before = footprint(w.b);
    const reply = await dispatch(w.b.api.service, 'exchange.import', { token: preview.token });
    const after = footprint(w.b);
    // Whatever the reply, it must be true to what happened in the register.
    if (!reply.ok) expect(after, `refused (${reply.error.code}: ${reply.error.message}) but recorded`).toEqual(before);
    expect(reply).toMatchObject({ ok: true, value: { withdrawn: 0, added: 0 } });
  });
});

function writeScratch(reg: PartnerRegister, bytes: Buffer): string {
  const file = reg.file(`genuine-${scratchCount++}.mappa`);
  writeFileSync(file, bytes);
  return file;
}

describe('a changed key for a known office is refused until confirmed again', () => {
  let t: Awaited<ReturnType<typeof twoPartners>>;
  let subjectId: string;
  let risk: string;
  beforeAll(async () => {
    t = await twoPartners();
    opened.push(t.probation, t.police);
    const s = t.probation.api.service;
    subjectId = (await s['subjects.create'](aSubject(HOLLIS))).id;
    risk = (await s['items.add'](anItem(subjectId, t.probation.home, { value: 'Drinks heavily after contact with his former partner.', providerName: 'Pat Probation' }))).id;
  });

  /** A file claiming to be from probation, signed with `signingPrivate` under `fingerprint`, made from a genuine one. */
  async function resignedAs(genuine: Buffer, signingPrivate: string, fingerprint: string): Promise<Buffer> {
    const police = keysOf(t.police);
    const inner = await decryptInner(envelopeOf(genuine), police.ageIdentity);
    const m = JSON.parse(inner.manifest) as ExchangeManifest;
    const { format: _f, version: _v, payloadSha256: _p, ...rest } = m;
    const draft: ManifestDraft = { ...rest, exchangeId: randomUUID(), sender: { ...m.sender, fingerprint } };
    return sealExchange(draft, JSON.parse(inner.payload) as { values: Record<string, string> }, { signingPrivate }, [police.ageRecipient]);
  }

  it('shows the new key as changed, with the fingerprint it replaces; refuses files signed with it until it is confirmed; then accepts them and keeps the old key as earlier', async () => {
    const probationKeys = keysOf(t.probation);
    const oldFingerprint = probationKeys.fingerprint;
    const office = homeOffice(t.probation.api.session.vault().reader)!;
    const fresh = await newOfficeKeys();
    const freshFingerprint = fingerprintOf(fresh);
    // A key file for probation's own office id, self-signed by the new key (as a real re-keying, or an impostor, would make it).
    const keyFile = t.police.file('new-probation-key.mappa-key');
    writeFileSync(keyFile, ownKeyFile({ ...fresh, office, fingerprint: freshFingerprint, createdAt: new Date().toISOString() }));
    t.police.api.host.picksFile(keyFile);
    const preview = await t.police.api.service['keys.openPartnerKey']({});
    expect(preview).toMatchObject({ status: 'changed', fingerprint: freshFingerprint, previousFingerprint: oldFingerprint, office: { name: SENDER } });
    const token = (preview as { token: string }).token;

    // Until it is confirmed: a file signed with the new key is refused, and nothing lands.
    const genuine = await aShareFile(t.probation, subjectId, [t.policeInProbation], [field('references'), item(risk)]);
    const withNewKey = await resignedAs(genuine, fresh.signingPrivate, freshFingerprint);
    const before = footprint(t.police);
    expect(await openThroughChannel(t.police, withNewKey)).toEqual({ ok: false, error: { code: 'exchange_changed_key', message: REFUSED.changedKey(SENDER) } });
    expect(footprint(t.police)).toEqual(before);
    // The new key signing under the old fingerprint is no better.
    expect(await attempt(await resignedAs(genuine, fresh.signingPrivate, oldFingerprint), receiverFor(t.police))).toEqual(BAD_SIGNATURE);
    // The key the police confirmed is still the one they confirmed, and its files still open.
    expect((await t.police.api.service['keys.partners']({})).map((k) => [k.office.name, k.fingerprint])).toEqual([[SENDER, oldFingerprint]]);
    expect(await attempt(genuine, receiverFor(t.police))).toEqual({ refused: false });

    // Confirmed again (the fingerprint read over the telephone): the new key is the one trusted.
    const partners = await t.police.api.service['keys.confirmPartnerKey']({ token, fingerprintMatches: true, confirmedWith: 'Casey Coordinator', confirmedHow: 'by telephone' });
    expect(partners).toEqual([expect.objectContaining({ office: expect.objectContaining({ name: SENDER }), fingerprint: freshFingerprint, earlier: [{ fingerprint: oldFingerprint, replacedAt: expect.any(String) }] })]);
    const audit = t.police.entries().filter((e) => e.action === 'partner_key').at(-1)!;
    expect(audit.details).toMatchObject({ fingerprint: freshFingerprint, status: 'changed' });

    const accepted = await openThroughChannel(t.police, withNewKey);
    expect(accepted).toMatchObject({ ok: true, value: { sender: { name: SENDER, fingerprint: freshFingerprint } } });
    expect(await dispatch(t.police.api.service, 'exchange.import', { token: (accepted as { ok: true; value: { token: string } }).value.token })).toMatchObject({ ok: true, value: { added: 1 } });
    // And a file still signed with the old key is now the changed one.
    expect(await attempt(genuine, receiverFor(t.police))).toEqual(CHANGED_KEY);
  });

  it('refuses to confirm a key file naming a known office from a different register (same name, agency and area; another office id)', async () => {
    const office = homeOffice(t.probation.api.session.vault().reader)!;
    const impostor = await newOfficeKeys();
    const keyFile = t.police.file('impostor.mappa-key');
    writeFileSync(keyFile, ownKeyFile({ ...impostor, office: { ...office, id: randomUUID() }, fingerprint: fingerprintOf(impostor), createdAt: new Date().toISOString() }));
    const before = await t.police.api.service['keys.partners']({});
    t.police.api.host.picksFile(keyFile);
    const preview = await t.police.api.service['keys.openPartnerKey']({});
    const token = (preview as { token: string }).token;
    const reply = await dispatch(t.police.api.service, 'keys.confirmPartnerKey', { token, fingerprintMatches: true, confirmedWith: 'Someone', confirmedHow: 'by email' });
    expect(reply).toMatchObject({ ok: false, error: { code: 'office_has_key' } });
    expect(await t.police.api.service['keys.partners']({})).toEqual(before);
  });

  it('refuses a key file altered after it was saved (the office’s age key swapped for an attacker’s)', async () => {
    const attacker = await newOfficeKeys();
    const genuine = JSON.parse(ownKeyFile(keysOf(t.probation))) as { key: string; signature: string };
    const body = JSON.parse(genuine.key) as Record<string, unknown>;
    const swapped = JSON.stringify({ key: canonicalJson({ ...body, ageRecipient: attacker.ageRecipient } as CanonicalValue), signature: genuine.signature });
    const keyFile = t.police.file('swapped.mappa-key');
    writeFileSync(keyFile, swapped);
    t.police.api.host.picksFile(keyFile);
    expect(await dispatch(t.police.api.service, 'keys.openPartnerKey', {})).toEqual({
      ok: false,
      error: { code: 'bad_key_file', message: 'This key file has been altered since the office saved it (its signature does not match): do not use it, and ask the office for a new one.' },
    });
  });
});

describe('expiry through the channel, on the register’s own clock', () => {
  it('refuses a file opened after it expired and imports nothing', async () => {
    let offset = 0;
    const clock = () => new Date(Date.now() + offset);
    const t = await twoPartners(clock);
    opened.push(t.probation, t.police);
    const subjectId = (await t.probation.api.service['subjects.create'](aSubject(HOLLIS))).id;
    const risk = (await t.probation.api.service['items.add'](anItem(subjectId, t.probation.home, { providerName: 'Pat Probation' }))).id;
    const file = await aShareFile(t.probation, subjectId, [t.policeInProbation], [field('references'), item(risk)]);
    const header = JSON.parse(envelopeOf(file).header) as { expiresAt: string };
    const before = footprint(t.police);
    offset = Date.parse(header.expiresAt) - Date.now() + 60_000; // a minute after it expired
    expect(await openThroughChannel(t.police, file)).toEqual({ ok: false, error: { code: 'exchange_expired', message: REFUSED.expired(formatLondonDateTime(header.expiresAt)) } });
    expect(footprint(t.police)).toEqual(before);
  });
});
