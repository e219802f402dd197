// Passphrase -> key with Node's asynchronous scrypt (runs on the libuv pool, so the
// Electron main process keeps responding while it works).
import { scrypt } from 'node:crypto';
import { VaultError, WEAK_PASSPHRASE_MESSAGE } from './errors';
import { KEY_BYTES } from './format';

export interface KdfParams {
  N: number;
  r: number;
  p: number;
}

/** About 0.18 s on the reference machine (2^17 is about 0.35 s). Stored per slot, so it can be raised later. */
export const DEFAULT_KDF: KdfParams = { N: 2 ** 16, r: 8, p: 1 };

export const MIN_PASSPHRASE_LENGTH = 12;

/** Limits on parameters read from a header, so a damaged header cannot ask for absurd work. */
export function kdfParamsAcceptable(k: KdfParams): boolean {
  const log2 = Math.log2(k.N);
  return Number.isInteger(log2) && log2 >= 10 && log2 <= 22 && k.r >= 1 && k.r <= 32 && k.p >= 1 && k.p <= 16;
}

export function checkPassphrasePolicy(passphrase: string): void {
  if ([...passphrase.normalize('NFC')].length < MIN_PASSPHRASE_LENGTH) {
    throw new VaultError('weak_passphrase', WEAK_PASSPHRASE_MESSAGE);
  }
}

export function deriveSlotKey(passphrase: string, salt: Buffer, k: KdfParams): Promise<Buffer> {
  const secret = Buffer.from(passphrase.normalize('NFC'), 'utf8');
  const maxmem = 128 * k.N * k.r * (k.p + 1) + 1024 * 1024;
  return new Promise<Buffer>((resolve, reject) => {
    scrypt(secret, salt, KEY_BYTES, { N: k.N, r: k.r, p: k.p, maxmem }, (err, key) => {
      secret.fill(0);
      if (err) reject(new VaultError('damaged', 'This register cannot be opened because its key settings are damaged.'));
      else resolve(key);
    });
  });
}
