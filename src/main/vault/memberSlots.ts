// Format-2 slots: a member's own key pairs wrapped under a key from their passphrase, and
// the register's data key sealed to their X25519 key. Sealing needs only the public key,
// so an administrator can re-key the register for every remaining member without knowing
// anyone's passphrase.
import { randomBytes } from 'node:crypto';
import type { MemberSlot } from './headerV2';
import { exportPrivate, type Identity, importPrivate, sealTo, unsealWith } from './identity';
import { deriveSlotKey, type KdfParams } from './kdf';
import { open, seal } from './keys';
import { NONCE_BYTES, TAG_BYTES } from './format';

function wrapAad(registerId: Buffer, id: string, kdf: KdfParams, salt: Buffer): Buffer {
  return Buffer.concat([Buffer.from(`mappa v2 slot\u0000${id}\u0000${kdf.N}:${kdf.r}:${kdf.p}\u0000`, 'utf8'), registerId, salt]);
}

function sealContext(registerId: Buffer, id: string, keyGeneration: number): Buffer {
  return Buffer.concat([Buffer.from(`mappa v2 data key\u0000${id}\u0000${keyGeneration}\u0000`, 'utf8'), registerId]);
}

export function sealDataKey(boxPublic: string, dataKey: Buffer, registerId: Buffer, id: string, keyGeneration: number): MemberSlot['sealed'] {
  return sealTo(boxPublic, dataKey, sealContext(registerId, id, keyGeneration));
}

export async function makeMemberSlot(input: {
  identity: Identity;
  dataKey: Buffer;
  registerId: Buffer;
  id: string;
  keyGeneration: number;
  passphrase: string;
  kdf: KdfParams;
}): Promise<MemberSlot> {
  const salt = randomBytes(16);
  const slotKey = await deriveSlotKey(input.passphrase, salt, input.kdf);
  const secret = exportPrivate(input.identity);
  try {
    const s = seal(slotKey, secret, wrapAad(input.registerId, input.id, input.kdf, salt));
    return {
      id: input.id,
      kdf: { ...input.kdf },
      salt: salt.toString('base64'),
      nonce: s.nonce.toString('base64'),
      wrapped: Buffer.concat([s.ciphertext, s.tag]).toString('base64'),
      sealed: sealDataKey(input.identity.publicKeys.box, input.dataKey, input.registerId, input.id, input.keyGeneration),
    };
  } finally {
    slotKey.fill(0);
    secret.fill(0);
  }
}

/** The member's keys, or undefined for a wrong passphrase. */
export async function openMemberSlot(slot: MemberSlot, registerId: Buffer, passphrase: string): Promise<Identity | undefined> {
  const salt = Buffer.from(slot.salt, 'base64');
  const nonce = Buffer.from(slot.nonce, 'base64');
  const wrapped = Buffer.from(slot.wrapped, 'base64');
  const slotKey = await deriveSlotKey(passphrase, salt, slot.kdf);
  try {
    if (nonce.length !== NONCE_BYTES || wrapped.length <= TAG_BYTES) return undefined;
    const plain = open(slotKey, nonce, wrapped.subarray(0, wrapped.length - TAG_BYTES), wrapped.subarray(wrapped.length - TAG_BYTES), wrapAad(registerId, slot.id, slot.kdf, salt));
    if (plain === undefined) return undefined;
    try {
      return importPrivate(plain);
    } finally {
      plain.fill(0);
    }
  } finally {
    slotKey.fill(0);
  }
}

export function unsealDataKey(identity: Identity, slot: MemberSlot, registerId: Buffer, keyGeneration: number): Buffer | undefined {
  return unsealWith(identity, slot.sealed, sealContext(registerId, slot.id, keyGeneration));
}
