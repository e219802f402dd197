import { afterEach, describe, expect, it } from 'vitest';
import { createRegister, openRegister } from '../../../src/main/vault';
import { latestVersion, MIGRATIONS, type Migration, pendingMigrations } from '../../../src/main/db/migrations';
import { SqlDb } from '../../../src/main/db/sqlite';
import { ADMIN, ADMIN_PASS, cleanupTempDirs, freshFolder, insertNote, metaRows } from '../../support/vaultFixture';
import { TEST_KDF } from '../../support/kdf';

afterEach(cleanupTempDirs);

const LATEST = latestVersion();
/** A migration from "the next version" of the app. */
const NEXT: Migration = {
  version: LATEST + 1,
  description: 'test: notes table',
  statements: ['CREATE TABLE test_notes (id TEXT PRIMARY KEY, body TEXT NOT NULL) STRICT'],
};

describe('migrations', () => {
  it('a register made by an older version opens and migrates, durably', async () => {
    const folder = freshFolder();
    const old = await createRegister({ folder, userName: ADMIN, passphrase: ADMIN_PASS, kdf: TEST_KDF, migrations: MIGRATIONS });
    insertNote(old, 'a', '1');
    old.lock();
    const { vault } = await openRegister({ folder, userName: ADMIN, passphrase: ADMIN_PASS, migrations: [...MIGRATIONS, NEXT] });
    expect(vault.reader.get('SELECT COUNT(*) AS n FROM test_notes')).toEqual({ n: 0 });
    expect(metaRows(vault)).toEqual([{ key: 'a', value: '1' }]);
    // not locked: the migration must already be in the journal
    const again = await openRegister({ folder, userName: ADMIN, passphrase: ADMIN_PASS, migrations: [...MIGRATIONS, NEXT] });
    expect(again.vault.reader.all("SELECT name FROM sqlite_master WHERE name = 'test_notes'")).toHaveLength(1);
    again.vault.lock();
    vault.lock();
  });

  it('a register made by a newer version is refused with a clear message', async () => {
    const folder = freshFolder();
    const v = await createRegister({ folder, userName: ADMIN, passphrase: ADMIN_PASS, kdf: TEST_KDF, migrations: [...MIGRATIONS, NEXT] });
    v.lock();
    await expect(openRegister({ folder, userName: ADMIN, passphrase: ADMIN_PASS, migrations: MIGRATIONS })).rejects.toMatchObject({
      code: 'too_new',
      message:
        `This register was made by a newer version of MAPPA Register (schema ${LATEST + 1}); this version understands up to ${LATEST}. Install the newer version to open it.`,
    });
  });

  it('a newer schema reached only through the journal is refused too', async () => {
    const folder = freshFolder();
    const v = await createRegister({ folder, userName: ADMIN, passphrase: ADMIN_PASS, kdf: TEST_KDF, migrations: [...MIGRATIONS, NEXT] });
    // no lock: the migrations live only in the journal
    await expect(openRegister({ folder, userName: ADMIN, passphrase: ADMIN_PASS, migrations: MIGRATIONS })).rejects.toMatchObject({
      code: 'too_new',
    });
    v.lock();
  });

  it('migrations must be numbered 1, 2, 3 ... so adding one is a one-entry change', () => {
    expect(pendingMigrations(0).map((m) => m.version)).toEqual(MIGRATIONS.map((m) => m.version));
    expect(() => pendingMigrations(0, [...MIGRATIONS, { ...NEXT, version: LATEST + 2 }])).toThrow();
  });
});

describe('sql.js wrapper', () => {
  it('pragmas (foreign keys, query_only) are re-applied after export', async () => {
    const db = await SqlDb.open();
    const fk = () => db.reader.get<{ foreign_keys: number }>('SELECT foreign_keys FROM pragma_foreign_keys')?.foreign_keys;
    expect(fk()).toBe(1);
    db.export();
    expect(fk()).toBe(1);
    expect(db.reader.get<{ query_only: number }>('SELECT query_only FROM pragma_query_only')?.query_only).toBe(1);
    db.close();
  });
});
