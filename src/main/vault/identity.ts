// Each member's own key pairs (format v2): X25519 to receive the register's data key,
// Ed25519 to sign what they write (commits, audit entries, membership changes). Only
// algorithms Electron's BoringSSL also provides (X25519, Ed25519, HKDF-SHA256, AES-GCM).
import {
  createPrivateKey,
  createPublicKey,
  diffieHellman,
  generateKeyPairSync,
  hkdfSync,
  sign as edSign,
  verify as edVerify,
  createHash,
  type KeyObject,
} from 'node:crypto';
import { KEY_BYTES } from './format';
import { open, seal } from './keys';

/** Public halves, raw 32 bytes each, base64 in the header. */
export interface PublicKeys {
  sign: string;
  box: string;
}

export interface Identity {
  publicKeys: PublicKeys;
  signKey: KeyObject;
  boxKey: KeyObject;
}

const SPKI_PREFIX = {
  ed25519: Buffer.from('302a300506032b6570032100', 'hex'),
  x25519: Buffer.from('302a300506032b656e032100', 'hex'),
};

function rawPublic(key: KeyObject): string {
  const der = key.export({ type: 'spki', format: 'der' });
  return Buffer.from(der.subarray(der.length - 32)).toString('base64');
}

export function publicKeyObject(kind: 'ed25519' | 'x25519', raw: string): KeyObject {
  const bytes = Buffer.from(raw, 'base64');
  if (bytes.length !== 32) throw new Error('A public key must be 32 bytes.');
  return createPublicKey({ key: Buffer.concat([SPKI_PREFIX[kind], bytes]), format: 'der', type: 'spki' });
}

export function newIdentity(): Identity {
  const s = generateKeyPairSync('ed25519');
  const b = generateKeyPairSync('x25519');
  return { publicKeys: { sign: rawPublic(s.publicKey), box: rawPublic(b.publicKey) }, signKey: s.privateKey, boxKey: b.privateKey };
}

/** The private halves as bytes, for wrapping under the passphrase (caller wipes). */
export function exportPrivate(id: Identity): Buffer {
  const s = id.signKey.export({ type: 'pkcs8', format: 'der' });
  const b = id.boxKey.export({ type: 'pkcs8', format: 'der' });
  return Buffer.from(JSON.stringify({ sign: s.toString('base64'), box: b.toString('base64'), pub: id.publicKeys }), 'utf8');
}

export function importPrivate(bytes: Buffer): Identity | undefined {
  try {
    const parsed = JSON.parse(bytes.toString('utf8')) as { sign?: unknown; box?: unknown; pub?: { sign?: unknown; box?: unknown } };
    if (typeof parsed.sign !== 'string' || typeof parsed.box !== 'string' || typeof parsed.pub?.sign !== 'string' || typeof parsed.pub.box !== 'string') return undefined;
    const signKey = createPrivateKey({ key: Buffer.from(parsed.sign, 'base64'), format: 'der', type: 'pkcs8' });
    const boxKey = createPrivateKey({ key: Buffer.from(parsed.box, 'base64'), format: 'der', type: 'pkcs8' });
    const publicKeys = { sign: rawPublic(createPublicKey(signKey)), box: rawPublic(createPublicKey(boxKey)) };
    if (publicKeys.sign !== parsed.pub.sign || publicKeys.box !== parsed.pub.box) return undefined;
    return { publicKeys, signKey, boxKey };
  } catch {
    return undefined;
  }
}

/** A short, stable name for a signing key (hex SHA-256 of its raw bytes, first 16 bytes). */
export function fingerprint(rawSignPublic: string): string {
  return createHash('sha256').update(Buffer.from(rawSignPublic, 'base64')).digest('hex').slice(0, 32);
}

export function signBytes(id: Identity, label: string, bytes: Uint8Array): string {
  const message = Buffer.concat([Buffer.from(`${label}\u0000`, 'utf8'), bytes]);
  try {
    return edSign(null, message, id.signKey).toString('base64');
  } finally {
    message.fill(0); // may hold a commit's statements: no plaintext left behind after lock
  }
}

export function verifyBytes(rawSignPublic: string, label: string, bytes: Uint8Array, signature: string): boolean {
  try {
    const sig = Buffer.from(signature, 'base64');
    if (sig.length !== 64) return false;
    return edVerify(null, Buffer.concat([Buffer.from(`${label}\u0000`, 'utf8'), bytes]), publicKeyObject('ed25519', rawSignPublic), sig);
  } catch {
    return false;
  }
}

/** A secret sealed to one member's X25519 key: ephemeral key agreement, HKDF, AES-256-GCM. */
export interface SealedKey {
  epk: string;
  nonce: string;
  ct: string;
}

function sealKey(shared: Buffer, epk: string, recipient: string, context: Buffer): Buffer {
  const info = Buffer.concat([Buffer.from(`mappa v2 seal\u0000${epk}\u0000${recipient}\u0000`, 'utf8'), context]);
  const k = Buffer.from(new Uint8Array(hkdfSync('sha256', shared, Buffer.alloc(0), info, KEY_BYTES)));
  shared.fill(0);
  return k;
}

export function sealTo(recipientBox: string, secret: Buffer, context: Buffer): SealedKey {
  const eph = generateKeyPairSync('x25519');
  const epk = rawPublic(eph.publicKey);
  const shared = diffieHellman({ privateKey: eph.privateKey, publicKey: publicKeyObject('x25519', recipientBox) });
  const key = sealKey(shared, epk, recipientBox, context);
  try {
    const s = seal(key, secret, context);
    return { epk, nonce: s.nonce.toString('base64'), ct: Buffer.concat([s.ciphertext, s.tag]).toString('base64') };
  } finally {
    key.fill(0);
  }
}

export function unsealWith(id: Identity, sealed: SealedKey, context: Buffer): Buffer | undefined {
  try {
    const shared = diffieHellman({ privateKey: id.boxKey, publicKey: publicKeyObject('x25519', sealed.epk) });
    const key = sealKey(shared, sealed.epk, id.publicKeys.box, context);
    try {
      const ct = Buffer.from(sealed.ct, 'base64');
      if (ct.length < 16) return undefined;
      return open(key, Buffer.from(sealed.nonce, 'base64'), ct.subarray(0, ct.length - 16), ct.subarray(ct.length - 16), context);
    } finally {
      key.fill(0);
    }
  } catch {
    return undefined;
  }
}
