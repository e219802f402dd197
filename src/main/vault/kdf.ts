// Passphrase -> key with Node's asynchronous scrypt (runs on the libuv pool, so the
// Electron main process keeps responding while it works).
import { scrypt } from 'node:crypto';
import { VaultError } from './errors';
import { KEY_BYTES } from './format';
import { checkPassphraseStrength, MIN_PASSPHRASE_LENGTH, type PassphraseContext } from './passphraseStrength';

export { MIN_PASSPHRASE_LENGTH, type PassphraseContext };

export interface KdfParams {
  N: number;
  r: number;
  p: number;
}

/**
 * OWASP Password Storage Cheat Sheet: scrypt at least N=2^17, r=8, p=1 (128 MiB).
 *
 * Measured with crypto.scrypt on the reference machine (a shared 2-core AMD EPYC server,
 * Node 20, five runs each): N=2^16 took 178-187 ms when quiet (281-523 ms with seven other
 * jobs queued); N=2^17 took 416-528 ms (482-809 ms loaded); N=2^18 took 1.2-1.3 s loaded.
 * A modest laptop core is about as fast as one of these cores, so 2^17 is both the minimum
 * and "about half a second": one unlock, once per session. 2^18 would double every unlock
 * and every slot made for a new member for little gain. Stored per slot, so it can be raised
 * later; slots below it are re-wrapped at their next unlock (kdfBelowDefault).
 */
export const DEFAULT_KDF: KdfParams = { N: 2 ** 17, r: 8, p: 1 };

/**
 * Bytes scrypt may use, the figure passed as `maxmem`. The real need is 128·r·(N + p + 1)
 * (V holds N blocks of 128·r bytes; B holds p; OpenSSL and BoringSSL both refuse when that
 * exceeds maxmem); 128·N·r·(p+1) is never below it, so it is a safe bound to pass and to cap.
 */
export function kdfMemoryBytes(k: KdfParams): number {
  return 128 * k.N * k.r * (k.p + 1);
}

/** Work in block mixes: scrypt runs 2·N BlockMix rounds of r blocks for each of p lanes. */
export function kdfWork(k: KdfParams): number {
  return k.N * k.r * k.p;
}

/**
 * How many times the default's cost a header may ask for before it is authenticated. The
 * header is read (and a slot's key derived) before anything vouches for it, so whoever can
 * edit the file picks these numbers: the cap keeps that to about 2 s and 1 GiB of maxmem
 * (512 MiB really allocated) instead of the 16 GiB the old bounds allowed.
 */
export const KDF_COST_CAP = 4;

/** Limits on parameters read from a header, so a damaged or crafted header cannot ask for absurd work. */
export function kdfParamsAcceptable(k: KdfParams): boolean {
  const { N, r, p } = k;
  if (![N, r, p].every((v) => Number.isSafeInteger(v) && v >= 1)) return false;
  const log2 = Math.log2(N);
  if (!Number.isInteger(log2) || log2 < 10) return false; // 2^10: the cheapest the tests use
  // RFC 7914 requires N < 2^(16·r); OpenSSL and BoringSSL refuse otherwise.
  if (16 * r <= 53 && N >= 2 ** (16 * r)) return false;
  return kdfMemoryBytes(k) <= KDF_COST_CAP * kdfMemoryBytes(DEFAULT_KDF) && kdfWork(k) <= KDF_COST_CAP * kdfWork(DEFAULT_KDF);
}

/**
 * True when a slot's parameters cost less than `standard` (by default DEFAULT_KDF) in
 * memory (N·r) or in work (N·r·p): such a slot should be re-wrapped at its next unlock.
 * Pass the register's own default as `standard` where a register was made with cheaper
 * settings on purpose (tests, benches), so it is not upgraded behind their back.
 */
export function kdfBelowDefault(k: KdfParams, standard: KdfParams = DEFAULT_KDF): boolean {
  return k.N * k.r < standard.N * standard.r || kdfWork(k) < kdfWork(standard);
}

/**
 * Refuses a passphrase that is short or easy to guess ('weak_passphrase', with a message
 * saying what to do). Pass the user's name so a passphrase made from it is refused too.
 */
export function checkPassphrasePolicy(passphrase: string, context: PassphraseContext = {}): Promise<void> {
  return checkPassphraseStrength(passphrase, context);
}

export function deriveSlotKey(passphrase: string, salt: Buffer, k: KdfParams): Promise<Buffer> {
  const secret = Buffer.from(passphrase.normalize('NFC'), 'utf8');
  // An explicit maxmem: Node's default (32 MiB) refuses N=2^15 and above at r=8. Electron's
  // BoringSSL checks the same 128·r·(N+p+1) <= maxmem and has no cap of its own when maxmem
  // is given (its 32 MiB default applies only to maxmem = 0).
  const maxmem = kdfMemoryBytes(k) + 1024 * 1024;
  const damagedSettings = () => new VaultError('damaged', 'This register cannot be opened because its key settings are damaged.');
  return new Promise<Buffer>((resolve, reject) => {
    try {
      scrypt(secret, salt, KEY_BYTES, { N: k.N, r: k.r, p: k.p, maxmem }, (err, key) => {
        secret.fill(0);
        if (err) reject(damagedSettings());
        else resolve(key);
      });
    } catch {
      // Node checks the parameters before queueing the work and throws a RangeError.
      secret.fill(0);
      reject(damagedSettings());
    }
  });
}
