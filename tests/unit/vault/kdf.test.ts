// Issue 9, item 8: key derivation at current guidance, bounds a crafted header cannot
// abuse, and a passphrase check that judges how guessable a passphrase is, not only its length.
import { describe, expect, it } from 'vitest';
import {
  checkPassphrasePolicy,
  DEFAULT_KDF,
  deriveSlotKey,
  kdfBelowDefault,
  kdfMemoryBytes,
  kdfParamsAcceptable,
  type KdfParams,
} from '../../../src/main/vault/kdf';
import { WEAK_PASSPHRASE_MESSAGE } from '../../../src/main/vault/errors';
import { ADMIN } from '../../support/vaultFixture';
import { TEST_KDF } from '../../support/kdf';

const GiB = 2 ** 30;

async function refusal(passphrase: string, userName?: string): Promise<{ code?: string; message?: string } | undefined> {
  try {
    await checkPassphrasePolicy(passphrase, userName === undefined ? {} : { userName });
    return undefined;
  } catch (e) {
    return e as { code?: string; message?: string };
  }
}

describe('key derivation', () => {
  it('defaults to at least OWASP’s minimum for scrypt (N=2^17, r=8, p=1)', () => {
    expect(DEFAULT_KDF.N).toBeGreaterThanOrEqual(2 ** 17);
    expect(DEFAULT_KDF.r).toBeGreaterThanOrEqual(8);
    expect(DEFAULT_KDF.p).toBeGreaterThanOrEqual(1);
    expect(kdfParamsAcceptable(DEFAULT_KDF)).toBe(true);
  });

  it('refuses, before the header is authenticated, parameters that cost more than a few times the default', () => {
    // The old bounds accepted N=2^22, r=32, p=16: 16 GiB and hours of work.
    expect(kdfParamsAcceptable({ N: 2 ** 22, r: 32, p: 16 })).toBe(false);
    expect(kdfParamsAcceptable({ N: 2 ** 22, r: 8, p: 1 })).toBe(false);
    expect(kdfParamsAcceptable({ N: 2 ** 17, r: 8, p: 8 })).toBe(false); // 8x the work
    expect(kdfParamsAcceptable({ N: 2 ** 10, r: 8192, p: 1 })).toBe(false); // memory through r
    expect(kdfParamsAcceptable({ N: 2 ** 10, r: 1, p: 2 ** 20 })).toBe(false); // work through p
    // Up to four times the default is allowed, so the default can be raised later.
    expect(kdfParamsAcceptable({ N: 2 ** 19, r: 8, p: 1 })).toBe(true);
    expect(kdfParamsAcceptable({ N: 2 ** 18, r: 8, p: 2 })).toBe(true);
  });

  it('never lets a header ask for more than 1 GiB of scrypt memory', () => {
    for (let log2 = 1; log2 <= 30; log2++) {
      for (const r of [1, 2, 4, 8, 16, 32, 64, 1024]) {
        for (const p of [1, 2, 3, 4, 8, 16, 1024]) {
          const k = { N: 2 ** log2, r, p };
          if (kdfParamsAcceptable(k)) expect(kdfMemoryBytes(k)).toBeLessThanOrEqual(GiB);
        }
      }
    }
  });

  it('refuses malformed parameters', () => {
    const bad: KdfParams[] = [
      { N: 1000, r: 8, p: 1 }, // not a power of two
      { N: 2 ** 9, r: 8, p: 1 }, // below the cheapest setting
      { N: 2 ** 17, r: 0, p: 1 },
      { N: 2 ** 17, r: 8, p: 0 },
      { N: 2 ** 17, r: 8.5, p: 1 },
      { N: 2 ** 16, r: 1, p: 1 }, // N must be below 2^(16r)
      { N: Number.NaN, r: 8, p: 1 },
      { N: 2 ** 17, r: -8, p: 1 },
    ];
    for (const k of bad) expect(kdfParamsAcceptable(k), JSON.stringify(k)).toBe(false);
  });

  it('still accepts the cheap settings tests and fixtures use', () => {
    expect(kdfParamsAcceptable(TEST_KDF)).toBe(true);
    expect(kdfParamsAcceptable({ N: 2 ** 16, r: 8, p: 1 })).toBe(true); // registers made before this change
  });

  it('says which slots are below the default, so they are re-wrapped at their next unlock', () => {
    expect(kdfBelowDefault({ N: 2 ** 16, r: 8, p: 1 })).toBe(true); // the old default
    expect(kdfBelowDefault(TEST_KDF)).toBe(true);
    expect(kdfBelowDefault({ N: 2 ** 16, r: 8, p: 2 })).toBe(true); // same work, half the memory
    expect(kdfBelowDefault(DEFAULT_KDF)).toBe(false);
    expect(kdfBelowDefault({ N: 2 ** 18, r: 8, p: 1 })).toBe(false);
    // Against a register's own (cheap) default, a cheap slot is not below it.
    expect(kdfBelowDefault(TEST_KDF, TEST_KDF)).toBe(false);
  });

  it('derives a key with the default parameters (maxmem is set explicitly)', async () => {
    const key = await deriveSlotKey('correct horse battery staple', Buffer.alloc(16, 7), DEFAULT_KDF);
    expect(key).toHaveLength(32);
  });

  it('refuses parameters the scrypt implementation itself refuses as damaged key settings', async () => {
    await expect(deriveSlotKey('correct horse battery staple', Buffer.alloc(16), { N: 2 ** 16, r: 1, p: 1 })).rejects.toMatchObject({
      code: 'damaged',
    });
  });
});

describe('passphrase strength', () => {
  it('accepts every passphrase the other tests and the demo use', async () => {
    const accepted = [
      'correct horse battery staple',
      'another long passphrase',
      'another long passphrase 1',
      'a brand new passphrase',
      'pat has a long passphrase',
      'pat reads the case files',
      'indra keeps the records straight',
      'jordan works out of wigan',
      'second admin passphrase',
      'bobs own passphrase',
      'eve passphrase long',
      'pat passphrase long',
      'Fixture register 2026: not a secret',
      'bench passphrase not secret',
      'demo passphrase 2026',
    ];
    for (const p of accepted) expect(await refusal(p), p).toBeUndefined();
    expect(await refusal('pat reads the case files', 'Pat Probation')).toBeUndefined();
    expect(await refusal('jordan works out of wigan', 'PC Jordan Reid')).toBeUndefined();
    expect(await refusal('indra keeps the records straight', 'Indra Governance')).toBeUndefined();
  });

  it('refuses a short passphrase with the length rule', async () => {
    expect(await refusal('too short')).toMatchObject({ code: 'weak_passphrase', message: WEAK_PASSPHRASE_MESSAGE });
  });

  it('refuses long but guessable passphrases, saying why and what to do instead', async () => {
    const cases: Array<[string, RegExp]> = [
      ['passwordpassword', /repeated/i],
      ['aaaaaaaaaaaaaaaa', /repeated characters/i],
      ['123456789012', /commonly used password/i],
      ['qwertyuiopasdf', /commonly used password/i],
    ];
    for (const [p, why] of cases) {
      const e = await refusal(p);
      expect(e, p).toMatchObject({ code: 'weak_passphrase' });
      expect(e?.message, p).toMatch(/^This passphrase is too easy to guess\./);
      expect(e?.message, p).toMatch(why);
      expect(e?.message, p).toMatch(/Use at least 12 characters: try three or four unrelated words\.$/);
      expect(e?.message, p).not.toContain(p); // never echo the passphrase
    }
  });

  it('refuses a passphrase made from the user’s own name', async () => {
    for (const p of [`${ADMIN}${ADMIN}`, `${ADMIN} ${ADMIN}`, 'ada administrator 2026!', 'Administrator Ada 1']) {
      const e = await refusal(p, ADMIN);
      expect(e, p).toMatchObject({ code: 'weak_passphrase' });
      expect(e?.message, p).toMatch(/your name/);
    }
    // A name inside a long, otherwise strong passphrase is fine.
    expect(await refusal('ada keeps seven herons by the canal', ADMIN)).toBeUndefined();
  });
});
