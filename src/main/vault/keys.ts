// Small, plain wrappers over Node's crypto: AES-256-GCM seal/open and HKDF sub-keys.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { KEY_BYTES, NONCE_BYTES, TAG_BYTES } from './format';

export type KeyPurpose = 'header-mac' | 'users' | 'journal' | 'snapshot';

export interface DataKeys {
  data: Buffer;
  headerMac: Buffer;
  users: Buffer;
  journal: Buffer;
  snapshot: Buffer;
}

export function deriveKey(dataKey: Buffer, registerId: Buffer, purpose: KeyPurpose): Buffer {
  const ab = hkdfSync('sha256', dataKey, registerId, `mappa v1 ${purpose}`, KEY_BYTES);
  const out = Buffer.from(new Uint8Array(ab));
  new Uint8Array(ab).fill(0);
  return out;
}

export function deriveKeys(dataKey: Buffer, registerId: Buffer): DataKeys {
  return {
    data: Buffer.from(dataKey),
    headerMac: deriveKey(dataKey, registerId, 'header-mac'),
    users: deriveKey(dataKey, registerId, 'users'),
    journal: deriveKey(dataKey, registerId, 'journal'),
    snapshot: deriveKey(dataKey, registerId, 'snapshot'),
  };
}

export function wipeKeys(keys: DataKeys): void {
  keys.data.fill(0);
  keys.headerMac.fill(0);
  keys.users.fill(0);
  keys.journal.fill(0);
  keys.snapshot.fill(0);
}

export interface Sealed {
  nonce: Buffer;
  ciphertext: Buffer;
  tag: Buffer;
}

export function seal(key: Buffer, plaintext: Uint8Array, aad: Buffer, nonce: Buffer = randomBytes(NONCE_BYTES)): Sealed {
  const c = createCipheriv('aes-256-gcm', key, nonce, { authTagLength: TAG_BYTES });
  c.setAAD(aad);
  const ciphertext = Buffer.concat([c.update(plaintext), c.final()]);
  return { nonce, ciphertext, tag: c.getAuthTag() };
}

/** Returns the plaintext, or undefined when authentication fails. */
export function open(key: Buffer, nonce: Buffer, ciphertext: Uint8Array, tag: Buffer, aad: Buffer): Buffer | undefined {
  if (nonce.length !== NONCE_BYTES || tag.length !== TAG_BYTES) return undefined;
  try {
    const d = createDecipheriv('aes-256-gcm', key, nonce, { authTagLength: TAG_BYTES });
    d.setAAD(aad);
    d.setAuthTag(tag);
    return Buffer.concat([d.update(ciphertext), d.final()]);
  } catch {
    return undefined;
  }
}

/** Decrypts into `out` at `offset` (no intermediate plaintext copy); false when authentication fails. */
export function openInto(
  key: Buffer,
  nonce: Buffer,
  ciphertext: Uint8Array,
  tag: Buffer,
  aad: Buffer,
  out: Uint8Array,
  offset: number,
): boolean {
  try {
    const d = createDecipheriv('aes-256-gcm', key, nonce, { authTagLength: TAG_BYTES });
    d.setAAD(aad);
    d.setAuthTag(tag);
    const part = d.update(ciphertext);
    out.set(part, offset);
    part.fill(0);
    const fin = d.final();
    if (fin.length > 0) out.set(fin, offset + part.length);
    return true;
  } catch {
    return false;
  }
}
