import type { KdfParams } from '../../src/main/vault';

/**
 * The one cheap scrypt setting for tests, the bench and the committed fixture registers
 * (tests/fixtures/registerData.ts), so a test does not spend half a second per unlock.
 * The fixtures were made with it: change it and they still open (a header names its own
 * KDF), but new fixtures would differ from the committed ones.
 */
export const TEST_KDF = { N: 2 ** 10, r: 8, p: 1 } as const satisfies KdfParams;
