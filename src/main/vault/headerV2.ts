// register.json, format 2: per-member slots (their own key pairs wrapped by their
// passphrase, the data key sealed to their X25519 key) and the signed membership chain.
// There is no MAC from the data key any more: every member holds that key, so it could
// not tell an administrator's change from anyone else's. Roles, administrator rights and
// public keys are trusted because the membership chain is signed; a slot is trusted
// because it only opens with its owner's passphrase and its keys must match the chain.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { damaged } from './errors';
import { HEADER_FILE, HEADER_MAGIC } from './format';
import { kdfParamsAcceptable } from './kdf';
import { membershipRecordSchema } from './membership';

export const FORMAT_VERSION_2 = 2;

const hex = (bytes: number) => z.string().regex(new RegExp(`^[0-9a-f]{${bytes * 2}}$`));
const b64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/);
const int = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);
const kdfSchema = z.strictObject({ N: int, r: int, p: int });

export const memberSlotSchema = z.strictObject({
  id: hex(32),
  kdf: kdfSchema,
  salt: b64,
  nonce: b64,
  /** The member's private keys, AES-256-GCM under their passphrase key. */
  wrapped: b64,
  /** The data key of `keyGeneration`, sealed to the member's X25519 key. */
  sealed: z.strictObject({ epk: b64, nonce: b64, ct: b64 }),
});
export type MemberSlot = z.infer<typeof memberSlotSchema>;

/** A format-1 slot kept for a user who has not unlocked since the upgrade (the data key under their passphrase). */
export const legacySlotSchema = z.strictObject({ id: hex(32), administrator: z.boolean(), kdf: kdfSchema, salt: b64, nonce: b64, wrapped: b64 });
export type LegacySlot = z.infer<typeof legacySlotSchema>;

const bodySchema = z.strictObject({
  registerId: hex(16),
  keyGeneration: z.number().int().min(1),
  kdf: kdfSchema,
  slots: z.array(memberSlotSchema).max(1000),
  legacy: z.array(legacySlotSchema).max(1000),
  membership: z.array(membershipRecordSchema).min(1).max(100_000),
  users: b64,
});
export type HeaderBodyV2 = z.infer<typeof bodySchema>;

const fileSchema = z.strictObject({ magic: z.literal(HEADER_MAGIC), formatVersion: z.literal(FORMAT_VERSION_2), body: z.string(), checksum: hex(32) });

export interface ParsedHeaderV2 {
  version: 2;
  body: HeaderBodyV2;
  registerId: Buffer;
}

const sha256hex = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** Everything that can be checked without a key; the membership's signatures are checked by the caller. */
export function parseHeaderV2(raw: unknown, what = `the register header (${HEADER_FILE})`): ParsedHeaderV2 {
  const file = fileSchema.safeParse(raw);
  if (!file.success || sha256hex(file.data.body) !== file.data.checksum) throw damaged(what);
  let bodyRaw: unknown;
  try {
    bodyRaw = JSON.parse(file.data.body);
  } catch {
    throw damaged(what);
  }
  const body = bodySchema.safeParse(bodyRaw);
  if (!body.success) throw damaged(what);
  const b = body.data;
  if (!kdfParamsAcceptable(b.kdf) || !b.slots.every((s) => kdfParamsAcceptable(s.kdf)) || !b.legacy.every((s) => kdfParamsAcceptable(s.kdf))) throw damaged(what);
  const ids = [...b.slots, ...b.legacy].map((s) => s.id);
  if (new Set(ids).size !== ids.length) throw damaged(what);
  return { version: 2, body: b, registerId: Buffer.from(b.registerId, 'hex') };
}

export function serializeHeaderV2(body: HeaderBodyV2): Buffer {
  const bodyText = JSON.stringify(body);
  const file = { magic: HEADER_MAGIC, formatVersion: FORMAT_VERSION_2, body: bodyText, checksum: sha256hex(bodyText) };
  return Buffer.from(`${JSON.stringify(file, null, 1)}\n`, 'utf8');
}
