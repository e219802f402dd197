import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign as edSign, verify as edVerify, type KeyObject } from 'node:crypto';
import { z } from 'zod';
import { MappaError } from '../../shared/errors';
import type { OfficeView, } from '../../shared/registerSchemas';
import { AGENCY_KIND_CODES, AGENCY_KINDS, type AgencyKindCode } from '../../shared/vocabulary';
import type { KeyPreview, OwnKey, PartnerKey } from '../../shared/channels/sharing';
import { iso, newId, type Ctx } from '../access/context';
import { addOffice, findOffice, homeOffice, listOffices, type Office } from '../access/offices';
import { canonicalJson, type CanonicalValue } from '../audit';
import type { Reader, Writer } from '../db/types';

// Office keys (issue 10). The register's own office has an Ed25519 key that signs what it
// sends and an age X25519 identity that what it receives is encrypted to; both live inside
// the encrypted register, so only its members can use them, and making them is a signed,
// audited commit like any other. A partner office's public keys arrive in a key file and
// are trusted only once a person has compared the fingerprint with one read out to them
// over another channel; a different key for a known office is not trusted until confirmed
// again. Ed25519 goes through Node's crypto (Electron's BoringSSL has it); age's X25519
// uses WebCrypto where present and @noble/curves otherwise.

const age = () => import('age-encryption');

/** The public halves of an office's keys: what its fingerprint is made from. */
export interface PublicOfficeKeys {
  signingKey: string; // raw Ed25519 public key, base64
  ageRecipient: string; // age1...
}

// Crockford's base32: no I, L, O or U, so what is read aloud is not misheard.
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * The fingerprint a person reads aloud: SHA-256 over both public keys (canonical JSON),
 * its first 160 bits as 32 Crockford base32 characters, in eight groups of four.
 */
export function fingerprintOf(keys: PublicOfficeKeys): string {
  const digest = createHash('sha256').update(canonicalJson({ ageRecipient: keys.ageRecipient, signingKey: keys.signingKey }), 'utf8').digest();
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of digest.subarray(0, 20)) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += CROCKFORD[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  return out.match(/.{4}/g)?.join(' ') ?? out;
}

const ED25519_SPKI = Buffer.from('302a300506032b6570032100', 'hex');

export function signingPublicKey(raw: string): KeyObject {
  const bytes = Buffer.from(raw, 'base64');
  if (bytes.length !== 32) throw new MappaError('bad_key', 'The signing key is not a 32-byte Ed25519 key.');
  return createPublicKey({ key: Buffer.concat([ED25519_SPKI, bytes]), format: 'der', type: 'spki' });
}

export function signWith(privatePkcs8: string, label: string, bytes: string): string {
  const key = createPrivateKey({ key: Buffer.from(privatePkcs8, 'base64'), format: 'der', type: 'pkcs8' });
  return edSign(null, Buffer.concat([Buffer.from(`${label}\u0000`, 'utf8'), Buffer.from(bytes, 'utf8')]), key).toString('base64');
}

export function verifyWith(signingKey: string, label: string, bytes: string, signature: string): boolean {
  try {
    const sig = Buffer.from(signature, 'base64');
    // Node's base64 reading is lenient (it skips stray characters and takes URL-safe ones):
    // only the exact encoding of 64 bytes is a signature, so no character of it can change.
    if (sig.length !== 64 || sig.toString('base64') !== signature) return false;
    return edVerify(null, Buffer.concat([Buffer.from(`${label}\u0000`, 'utf8'), Buffer.from(bytes, 'utf8')]), signingPublicKey(signingKey), sig);
  } catch {
    return false;
  }
}

// ---- this office's keys ----------------------------------------------------------------

export interface OwnKeyMaterial extends PublicOfficeKeys {
  signingPrivate: string; // PKCS#8 DER, base64
  ageIdentity: string; // AGE-SECRET-KEY-1...
}

/** New keys for this office (async: age makes its identity with WebCrypto or noble). */
export async function newOfficeKeys(): Promise<OwnKeyMaterial> {
  const { generateX25519Identity, identityToRecipient } = await age();
  const pair = generateKeyPairSync('ed25519');
  const der = pair.publicKey.export({ type: 'spki', format: 'der' });
  const ageIdentity = await generateX25519Identity();
  return {
    signingKey: Buffer.from(der.subarray(der.length - 32)).toString('base64'),
    signingPrivate: pair.privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64'),
    ageIdentity,
    ageRecipient: await identityToRecipient(ageIdentity),
  };
}

export interface OwnKeys extends OwnKeyMaterial {
  office: Office;
  fingerprint: string;
  createdAt: string;
}

export function ownKeys(r: Reader): OwnKeys | undefined {
  const office = homeOffice(r);
  if (!office) return undefined;
  const row = r.get<{ sign_public: string; sign_private: string; age_recipient: string; age_identity: string; fingerprint: string; created_at: string }>(
    'SELECT sign_public, sign_private, age_recipient, age_identity, fingerprint, created_at FROM office_keys WHERE office_id = ?',
    [office.id],
  );
  if (!row) return undefined;
  return {
    office,
    signingKey: row.sign_public,
    signingPrivate: row.sign_private,
    ageRecipient: row.age_recipient,
    ageIdentity: row.age_identity,
    fingerprint: row.fingerprint,
    createdAt: row.created_at,
  };
}

export const NO_OWN_KEYS = 'This office has no keys for sharing yet: a MAPPA coordinator or an administrator makes them on the Partner keys page.';

export function requireOwnKeys(r: Reader): OwnKeys {
  const keys = ownKeys(r);
  if (!keys) throw new MappaError('no_office_keys', NO_OWN_KEYS);
  return keys;
}

export function ownKeyView(r: Reader): OwnKey {
  const keys = ownKeys(r);
  return { office: keys?.office ?? homeOffice(r) ?? null, fingerprint: keys?.fingerprint ?? null, createdAt: keys?.createdAt ?? null };
}

export function saveOwnKeys(w: Writer, ctx: Ctx, material: OwnKeyMaterial): OwnKeys {
  const office = homeOffice(w);
  if (!office) throw new MappaError('no_home_office', 'Set up the office this register belongs to first.');
  if (ownKeys(w)) throw new MappaError('keys_exist', 'This office already has its keys: partners have confirmed them by their fingerprint, so they are not replaced here.');
  const fingerprint = fingerprintOf(material);
  w.run(
    'INSERT INTO office_keys (office_id, sign_public, sign_private, age_recipient, age_identity, fingerprint, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    [office.id, material.signingKey, material.signingPrivate, material.ageRecipient, material.ageIdentity, fingerprint, iso(ctx.now), ctx.actor.userName],
  );
  return { ...material, office, fingerprint, createdAt: iso(ctx.now) };
}

// ---- key files -------------------------------------------------------------------------

const KEY_FILE_LABEL = 'mappa office key v1';

const officeDescriptor = z
  .object({
    officeId: z.string().min(1).max(100),
    name: z.string().min(1).max(120),
    agency: z.enum(AGENCY_KIND_CODES),
    area: z.string().min(1).max(120),
  })
  .strict();
export type OfficeDescriptor = z.infer<typeof officeDescriptor>;
export { officeDescriptor };

const keyFileBody = z
  .object({
    format: z.literal('mappa-office-key'),
    version: z.literal(1),
    office: officeDescriptor,
    signingKey: z.string().regex(/^[A-Za-z0-9+/]{43}=$/, 'not an Ed25519 public key'),
    ageRecipient: z.string().regex(/^age1[02-9ac-hj-np-z]{58}$/, 'not an age X25519 recipient'),
    createdAt: z.string().max(40),
  })
  .strict();
const keyFile = z.object({ key: z.string().max(10_000), signature: z.string().max(200) }).strict();

export function describeOffice(office: Office): OfficeDescriptor {
  return { officeId: office.id, name: office.name, agency: office.agency, area: office.area };
}

/** This office's public key file: its office and public keys, signed by its own signing key (proof it holds the private half). */
export function ownKeyFile(keys: OwnKeys): string {
  const body = canonicalJson({
    format: 'mappa-office-key',
    version: 1,
    office: describeOffice(keys.office),
    signingKey: keys.signingKey,
    ageRecipient: keys.ageRecipient,
    createdAt: keys.createdAt,
  } satisfies CanonicalValue);
  return `${JSON.stringify({ key: body, signature: signWith(keys.signingPrivate, KEY_FILE_LABEL, body) }, null, 2)}\n`;
}

export type PartnerKeyFile = z.infer<typeof keyFileBody> & { fingerprint: string };

const NOT_A_KEY_FILE = 'This is not a MAPPA Register office key file: ask the office to save theirs again from its Partner keys page.';

/** A partner's key file, parsed and its self-signature checked; anything else is refused. */
export function parseKeyFile(text: string): PartnerKeyFile {
  let outer: unknown;
  try {
    outer = JSON.parse(text);
  } catch {
    throw new MappaError('bad_key_file', NOT_A_KEY_FILE);
  }
  const wrapped = keyFile.safeParse(outer);
  if (!wrapped.success) throw new MappaError('bad_key_file', NOT_A_KEY_FILE);
  let inner: unknown;
  try {
    inner = JSON.parse(wrapped.data.key);
  } catch {
    throw new MappaError('bad_key_file', NOT_A_KEY_FILE);
  }
  const body = keyFileBody.safeParse(inner);
  if (!body.success) throw new MappaError('bad_key_file', NOT_A_KEY_FILE);
  if (canonicalJson(body.data) !== wrapped.data.key || !verifyWith(body.data.signingKey, KEY_FILE_LABEL, wrapped.data.key, wrapped.data.signature)) {
    throw new MappaError('bad_key_file', 'This key file has been altered since the office saved it (its signature does not match): do not use it, and ask the office for a new one.');
  }
  return { ...body.data, fingerprint: fingerprintOf(body.data) };
}

// ---- partners' keys --------------------------------------------------------------------

interface PartnerRow extends Record<string, string | null> {
  id: string;
  office_id: string;
  remote_office_id: string;
  sign_public: string;
  age_recipient: string;
  fingerprint: string;
  confirmed_with: string;
  confirmed_how: string;
  confirmed_at: string;
  confirmed_by: string;
  replaced_at: string | null;
}

export interface PartnerKeyRecord {
  office: Office;
  remoteOfficeId: string;
  signingKey: string;
  ageRecipient: string;
  fingerprint: string;
}

const toRecord = (r: Reader, row: PartnerRow): PartnerKeyRecord => {
  const office = findOffice(r, row.office_id);
  if (!office) throw new Error('partner key refers to a missing office');
  return { office, remoteOfficeId: row.remote_office_id, signingKey: row.sign_public, ageRecipient: row.age_recipient, fingerprint: row.fingerprint };
};

/** The confirmed, current key of a partner office (by this register's office id). */
export function partnerKeyOf(r: Reader, officeId: string): PartnerKeyRecord | undefined {
  const row = r.get<PartnerRow>('SELECT * FROM partner_keys WHERE office_id = ? AND replaced_at IS NULL', [officeId]);
  return row ? toRecord(r, row) : undefined;
}

/** The confirmed, current key of the partner office that calls itself `remoteOfficeId`. */
export function partnerKeyByRemote(r: Reader, remoteOfficeId: string): PartnerKeyRecord | undefined {
  const row = r.get<PartnerRow>('SELECT * FROM partner_keys WHERE remote_office_id = ? AND replaced_at IS NULL', [remoteOfficeId]);
  return row ? toRecord(r, row) : undefined;
}

export function listPartnerKeys(r: Reader): PartnerKey[] {
  const rows = r.all<PartnerRow>('SELECT * FROM partner_keys ORDER BY confirmed_at DESC');
  const offices = new Map(listOffices(r).map((o) => [o.id, o]));
  return rows
    .filter((row) => row.replaced_at === null)
    .map((row) => {
      const office = offices.get(row.office_id);
      if (!office) throw new Error('partner key refers to a missing office');
      return {
        office,
        fingerprint: row.fingerprint,
        confirmedWith: row.confirmed_with,
        confirmedHow: row.confirmed_how,
        confirmedAt: row.confirmed_at,
        confirmedBy: row.confirmed_by,
        earlier: rows
          .filter((e) => e.remote_office_id === row.remote_office_id && e.replaced_at !== null)
          .map((e) => ({ fingerprint: e.fingerprint, replacedAt: e.replaced_at ?? '' }))
          .sort((a, b) => b.replacedAt.localeCompare(a.replacedAt)),
      } satisfies PartnerKey;
    })
    .sort((a, b) => a.office.name.localeCompare(b.office.name));
}

/** Offices with a confirmed key: those a share can go to. */
export function officesWithKeys(r: Reader): OfficeView[] {
  return listPartnerKeys(r).map((k) => k.office);
}

/** This register's office for a partner's descriptor: matched by agency, name and area (offices are unique by those), or none. */
export function localOfficeFor(r: Reader, d: { name: string; agency: AgencyKindCode; area: string }): Office | undefined {
  const row = r.get<{ id: string }>('SELECT id FROM offices WHERE agency = ? AND name = ? COLLATE NOCASE AND area = ? COLLATE NOCASE', [d.agency, d.name, d.area]);
  return row ? findOffice(r, row.id) : undefined;
}

/** The office for a descriptor, added to this register if it has none (an owner named in a file it received). */
export function ensureOffice(w: Writer, ctx: Ctx, d: { name: string; agency: AgencyKindCode; area: string }): { office: Office; added: boolean } {
  const found = localOfficeFor(w, d);
  if (found) return { office: found, added: false };
  return { office: addOffice(w, ctx.now, ctx.actor.userId, { name: d.name, agency: d.agency, area: d.area }), added: true };
}

export function previewPartnerKey(r: Reader, file: PartnerKeyFile, token: string): KeyPreview {
  const own = ownKeys(r);
  if (own && own.fingerprint === file.fingerprint) {
    throw new MappaError('own_key', 'This is this office’s own key file: import the key file of the partner office you want to share with.');
  }
  const current = partnerKeyByRemote(r, file.office.officeId);
  const status = current === undefined ? 'new' : current.fingerprint === file.fingerprint ? 'same' : 'changed';
  return {
    token,
    office: { name: file.office.name, agency: file.office.agency, agencyLabel: AGENCY_KINDS[file.office.agency].label, area: file.office.area },
    fingerprint: file.fingerprint,
    status,
    previousFingerprint: status === 'changed' ? (current?.fingerprint ?? null) : null,
  };
}

/** Records a partner's key as confirmed; an earlier key of the same office is kept, marked replaced. */
export function confirmPartnerKey(
  w: Writer,
  ctx: Ctx,
  file: PartnerKeyFile,
  confirmation: { confirmedWith: string; confirmedHow: string },
): { office: Office; status: 'new' | 'same' | 'changed'; officeAdded: boolean } {
  const current = partnerKeyByRemote(w, file.office.officeId);
  if (current && current.fingerprint === file.fingerprint) return { office: current.office, status: 'same', officeAdded: false };
  const { office, added } = current ? { office: current.office, added: false } : ensureOffice(w, ctx, file.office);
  if (office.isHome) throw new MappaError('own_key', 'This key file names this register’s own office: import the key file of the partner office you want to share with.');
  const clash = partnerKeyOf(w, office.id);
  if (clash && clash.remoteOfficeId !== file.office.officeId) {
    throw new MappaError('office_has_key', `${office.name} already has a confirmed key from a different register: if the office has moved to a new register, ask them to confirm it with you by telephone, and record the change with your administrator.`);
  }
  if (current) w.run('UPDATE partner_keys SET replaced_at = ? WHERE remote_office_id = ? AND replaced_at IS NULL', [iso(ctx.now), file.office.officeId]);
  w.run(
    `INSERT INTO partner_keys (id, office_id, remote_office_id, sign_public, age_recipient, fingerprint, confirmed_with, confirmed_how, confirmed_at, confirmed_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [newId(), office.id, file.office.officeId, file.signingKey, file.ageRecipient, file.fingerprint, confirmation.confirmedWith, confirmation.confirmedHow, iso(ctx.now), ctx.actor.userName],
  );
  return { office, status: current ? 'changed' : 'new', officeAdded: added };
}
