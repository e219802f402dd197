// A shipped migration is history: a register on someone's disk was made by its text and
// will never run it again, so editing it changes nothing there and splits the registers in
// two (migration 2 was edited twice before this test existed; migration 4 repairs that).
// Each migration's number, description and statements are hashed here once it is committed.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS, type Migration } from '../../../src/main/db/migrations';

/** SHA-256 of each committed migration. Add a line for a new one; never change a line. */
const SHIPPED: Readonly<Record<number, string>> = {
  1: '0cf1f13520c1b74478b18bc30ea5c5a8f108e95e3f7950f904032670b0580ae2',
  2: '0f57fb27bc0b1bc2e72375ebd45600554863cfe10810a7b00de48371cf247170',
  3: '03d590fd0dd8ee80fc01cad1300fb5512639099a0e3c7222ea33c46cb0413cbb',
  4: '11bde0b36b766aa6b0938515da944401fbfe3be3e3833329733fcbd1f155e6bb',
  5: 'adb5131a6c240a6fe534bbcfbef90247fc8937a046dbcf66ae35c5582c920386',
  6: '2319665137e175919cb9704c61241e3efc78cb49cffce77af0bdc5a7151f316d',
  7: '8d9deff4d2c5834ea0fcf2c44b0db7524195b132f9ebd04e5c1788445ced405d',
  8: 'c6481d0e431d86bb8ffc2a5959edf96b7ebf2741a985c6bbfe29b67732599b6f',
  9: '502c3a7d6971fcbac08f5ea52990d74bb3a90ef161c63dddbf5a18b2b70d2a9f',
  10: '12b0fc6c6fc5cb3a96d41ec8521cf03d0cb01b46c17a83d5cff5a6a1a8924011',
  11: '176140cbcb343ec747d8dbcc5cd083e89b7c98c0ad4b261f80f874f385172b26',
  12: '555007ca9c1fd0c6b262805ae98adc32aa0b6d24e35f6c1c6ad0e33557bfd5ab',
};

function hashOf(m: Migration): string {
  return createHash('sha256')
    .update(JSON.stringify({ version: m.version, description: m.description, statements: m.statements }))
    .digest('hex');
}

describe('frozen migrations', () => {
  it.each(MIGRATIONS.map((m) => [m.version, m] as const))('migration %i is exactly as it shipped', (version, m) => {
    const shipped = SHIPPED[version];
    if (shipped === undefined) {
      throw new Error(`Migration ${version} has no recorded hash. When you commit it, add  ${version}: '${hashOf(m)}',  to SHIPPED in this file.`);
    }
    if (hashOf(m) !== shipped) {
      throw new Error(
        `Migration ${version} ("${m.description}") has changed since it shipped. Registers made by its old text will never run the new one: ` +
          'put it back as it was and add a new migration instead (see src/main/db/schema/v4-repair-edited-migrations.ts for one that repairs an earlier one).',
      );
    }
  });

  it('no shipped migration has been removed', () => {
    const present = new Set(MIGRATIONS.map((m) => m.version));
    expect(Object.keys(SHIPPED).map(Number).filter((v) => !present.has(v))).toEqual([]);
  });
});
