// Key slots: the data key wrapped once per user by a key derived from that user's
// passphrase, plus the encrypted list of user names.
import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { damaged, VaultError } from './errors';
import type { Slot } from './header';
import { DEFAULT_KDF, deriveSlotKey, type KdfParams } from './kdf';
import { open, seal } from './keys';
import { NONCE_BYTES, TAG_BYTES } from './format';

export interface UserEntry {
  id: string;
  userName: string;
}

const usersSchema = z.array(z.strictObject({ id: z.string(), userName: z.string() }));

export function normalizeUserName(userName: string): string {
  return userName.normalize('NFC').trim();
}

export function validateUserName(userName: string): string {
  const name = normalizeUserName(userName);
  // eslint-disable-next-line no-control-regex
  if (name.length < 1 || name.length > 100 || /[\u0000-\u001f\u007f]/.test(name)) {
    throw new VaultError('invalid_user_name', 'Enter a user name of 1 to 100 characters, without control characters.');
  }
  return name;
}

/** The slot id: user names are not stored in clear in the header. Case-insensitive. */
export function slotIdFor(registerId: Buffer, userName: string): string {
  return createHash('sha256')
    .update('mappa v1 user\u0000')
    .update(registerId)
    .update(normalizeUserName(userName).toLowerCase(), 'utf8')
    .digest('hex');
}

function slotAad(registerId: Buffer, id: string, administrator: boolean, kdf: KdfParams, salt: Buffer): Buffer {
  return Buffer.concat([
    Buffer.from(`mappa v1 slot\u0000${id}\u0000${administrator ? 1 : 0}\u0000${kdf.N}:${kdf.r}:${kdf.p}\u0000`, 'utf8'),
    registerId,
    salt,
  ]);
}

export async function makeSlot(
  dataKey: Buffer,
  registerId: Buffer,
  userName: string,
  administrator: boolean,
  passphrase: string,
  kdf: KdfParams,
): Promise<Slot> {
  const id = slotIdFor(registerId, userName);
  const salt = randomBytes(16);
  const slotKey = await deriveSlotKey(passphrase, salt, kdf);
  try {
    const s = seal(slotKey, dataKey, slotAad(registerId, id, administrator, kdf, salt));
    return {
      id,
      administrator,
      kdf: { ...kdf },
      salt: salt.toString('base64'),
      nonce: s.nonce.toString('base64'),
      wrapped: Buffer.concat([s.ciphertext, s.tag]).toString('base64'),
    };
  } finally {
    slotKey.fill(0);
  }
}

/**
 * Unwraps the data key from the slot of `userName`. Returns undefined for a wrong
 * passphrase or an unknown user name (after doing the same KDF work, so the two cannot
 * be told apart by timing).
 */
export async function unwrapSlot(
  slots: readonly Slot[],
  registerId: Buffer,
  userName: string,
  passphrase: string,
): Promise<{ dataKey: Buffer; slot: Slot } | undefined> {
  const id = slotIdFor(registerId, userName);
  const slot = slots.find((s) => s.id === id);
  if (slot === undefined) {
    const k = await deriveSlotKey(passphrase, randomBytes(16), slots[0]?.kdf ?? DEFAULT_KDF);
    k.fill(0);
    return undefined;
  }
  const salt = Buffer.from(slot.salt, 'base64');
  const nonce = Buffer.from(slot.nonce, 'base64');
  const wrapped = Buffer.from(slot.wrapped, 'base64');
  const slotKey = await deriveSlotKey(passphrase, salt, slot.kdf);
  try {
    if (nonce.length !== NONCE_BYTES || wrapped.length !== 32 + TAG_BYTES) return undefined;
    const dataKey = open(
      slotKey,
      nonce,
      wrapped.subarray(0, 32),
      wrapped.subarray(32),
      slotAad(registerId, slot.id, slot.administrator, slot.kdf, salt),
    );
    return dataKey === undefined ? undefined : { dataKey, slot };
  } finally {
    slotKey.fill(0);
  }
}

const USERS_AAD = Buffer.from('mappa v1 users', 'utf8');

export function encryptUsers(usersKey: Buffer, registerId: Buffer, users: readonly UserEntry[]): string {
  const s = seal(usersKey, Buffer.from(JSON.stringify(users), 'utf8'), Buffer.concat([USERS_AAD, registerId]));
  return Buffer.concat([s.nonce, s.ciphertext, s.tag]).toString('base64');
}

export function decryptUsers(usersKey: Buffer, registerId: Buffer, blob: string, what: string): UserEntry[] {
  const b = Buffer.from(blob, 'base64');
  if (b.length < NONCE_BYTES + TAG_BYTES) throw damaged(what);
  const plain = open(
    usersKey,
    b.subarray(0, NONCE_BYTES),
    b.subarray(NONCE_BYTES, b.length - TAG_BYTES),
    b.subarray(b.length - TAG_BYTES),
    Buffer.concat([USERS_AAD, registerId]),
  );
  if (plain === undefined) throw damaged(what);
  try {
    const parsed = usersSchema.safeParse(JSON.parse(plain.toString('utf8')));
    if (!parsed.success) throw damaged(what);
    return parsed.data;
  } catch {
    throw damaged(what);
  }
}
