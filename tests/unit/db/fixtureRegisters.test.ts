// Registers made by earlier schemas (tests/fixtures/registers, made once by
// tests/fixtures/make-fixtures.ts and committed) open with today's code, are upgraded to
// the latest schema, keep every subject and item, and are found by search.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createRegister, openRegister, type Vault } from '../../../src/main/vault';
import { latestVersion } from '../../../src/main/db/migrations';
import type { Reader } from '../../../src/main/db/types';
import { itemHistory, updateItem } from '../../../src/main/register/items';
import { searchSubjects } from '../../../src/main/register/search';
import { itemUpdate, searchInput } from '../../../src/shared/registerSchemas';
import type { Ctx } from '../../../src/main/access/context';
import { FIXTURE_KDF, FIXTURE_NOW, FIXTURE_PASSPHRASE, FIXTURE_SEARCHES, FIXTURE_SUBJECTS, FIXTURE_USER } from '../../fixtures/registerData';

const FIXTURES = path.resolve(__dirname, '../../fixtures/registers');
const NAMES = fs.readdirSync(FIXTURES).sort();

const temps: string[] = [];
afterAll(() => {
  for (const t of temps) fs.rmSync(t, { recursive: true, force: true });
});

function tempDir(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'mappa-fixture-test-'));
  temps.push(d);
  return d;
}

/** A copy of the committed fixture, so opening it (which upgrades it) leaves the original as it was. */
function copyOf(name: string): string {
  const folder = path.join(tempDir(), 'register');
  fs.cpSync(path.join(FIXTURES, name), folder, { recursive: true });
  return folder;
}

async function open(folder: string): Promise<Vault> {
  return (await openRegister({ folder, userName: FIXTURE_USER, passphrase: FIXTURE_PASSPHRASE })).vault;
}

type SchemaRow = { type: string; name: string; tbl_name: string; sql: string | null };

function schemaOf(r: Reader): SchemaRow[] {
  return r.all<SchemaRow>('SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name');
}

let freshSchema: SchemaRow[] | undefined;
async function schemaOfANewRegister(): Promise<SchemaRow[]> {
  if (freshSchema === undefined) {
    const v = await createRegister({ folder: path.join(tempDir(), 'register'), userName: FIXTURE_USER, passphrase: FIXTURE_PASSPHRASE, kdf: FIXTURE_KDF });
    freshSchema = schemaOf(v.reader);
    v.lock();
  }
  return freshSchema;
}

function familyNamesFound(r: Reader, query: string, includeItemText: boolean): string[] {
  return searchSubjects(r, searchInput.parse({ query, includeItemText }), FIXTURE_NOW)
    .subjects.map((s) => s.familyName)
    .sort();
}

/** Every subject and item the fixture was made with, as stored now. */
function contents(r: Reader) {
  return {
    subjects: r.all('SELECT given_name, family_name, deleted_at IS NOT NULL AS deleted FROM subjects ORDER BY family_name'),
    aliases: r.all('SELECT s.family_name, a.alias FROM subject_aliases a JOIN subjects s ON s.id = a.subject_id ORDER BY a.alias'),
    items: r.all(
      `SELECT s.family_name, i.value, i.version, i.change_reason, i.deleted_at IS NOT NULL AS deleted
       FROM items i JOIN subjects s ON s.id = i.subject_id ORDER BY i.value`,
    ),
    earlierVersions: r.all('SELECT v.value, v.version, v.change_reason FROM item_versions v ORDER BY v.value'),
  };
}

function expectedContents() {
  const items = FIXTURE_SUBJECTS.flatMap((s) =>
    s.items.map((i) => ({
      family_name: s.familyName,
      value: i.value,
      version: i.earlier ? 2 : 1,
      change_reason: i.earlier?.changeReason ?? null,
      deleted: i.deletedReason === undefined ? 0 : 1,
    })),
  );
  return {
    subjects: FIXTURE_SUBJECTS.map((s) => ({ given_name: s.givenName, family_name: s.familyName, deleted: s.deletedReason === undefined ? 0 : 1 })),
    aliases: FIXTURE_SUBJECTS.flatMap((s) => s.aliases.map((alias) => ({ family_name: s.familyName, alias }))),
    items,
    earlierVersions: FIXTURE_SUBJECTS.flatMap((s) => s.items.flatMap((i) => (i.earlier ? [{ value: i.earlier.value, version: 1, change_reason: null }] : []))),
  };
}

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
function sorted<T extends Record<string, unknown>>(rows: T[], key: keyof T): T[] {
  return [...rows].sort((a, b) => byText(String(a[key]), String(b[key])));
}

describe('fixture registers made by earlier schemas', () => {
  it('there is a fixture for the first text of migration 2 and for the latest schema', () => {
    expect(NAMES).toContain('v2a-search-index');
    expect(NAMES).toContain(`v${latestVersion()}`);
  });

  describe.each(NAMES)('%s', (name) => {
    it('opens, is upgraded to the latest schema, and has exactly the schema a new register has', async () => {
      const v = await open(copyOf(name));
      try {
        expect(v.reader.get('SELECT user_version FROM pragma_user_version')).toEqual({ user_version: latestVersion() });
        expect(schemaOf(v.reader)).toEqual(await schemaOfANewRegister());
        expect(v.reader.all('SELECT * FROM pragma_foreign_key_check')).toEqual([]);
      } finally {
        v.lock();
      }
    });

    it('keeps every subject, alias, item and earlier version, each item’s current version once', async () => {
      const v = await open(copyOf(name));
      try {
        const got = contents(v.reader);
        const want = expectedContents();
        expect(got.subjects).toEqual(sorted(want.subjects, 'family_name'));
        expect(got.aliases).toEqual(sorted(want.aliases, 'alias'));
        expect(got.items).toEqual(sorted(want.items, 'value'));
        expect(got.earlierVersions).toEqual(sorted(want.earlierVersions, 'value'));
      } finally {
        v.lock();
      }
    });

    it('finds its people by name and by the text of their items, and not deleted ones', async () => {
      const v = await open(copyOf(name));
      try {
        for (const s of FIXTURE_SEARCHES) {
          expect({ query: s.query, includeItemText: s.includeItemText, found: familyNamesFound(v.reader, s.query, s.includeItemText) }).toEqual({
            query: s.query,
            includeItemText: s.includeItemText,
            found: [...s.finds].sort(),
          });
        }
      } finally {
        v.lock();
      }
    });

    it('shows an edited item’s history and takes a new edit', async () => {
      const folder = copyOf(name);
      const v = await open(folder);
      try {
        const edited = v.reader.get<{ id: string }>('SELECT id FROM items WHERE version = 2');
        if (!edited) throw new Error('the fixture has no edited item');
        const pontypwl = FIXTURE_SUBJECTS[0]?.items[1];
        expect(itemHistory(v.reader, edited.id).map((h) => [h.version, h.value, h.changeReason])).toEqual([
          [2, pontypwl?.value, pontypwl?.earlier?.changeReason],
          [1, pontypwl?.earlier?.value, null],
        ]);
        const user = v.reader.get<{ id: string; office_id: string }>('SELECT id, office_id FROM users WHERE user_name = ?', [FIXTURE_USER]);
        if (!user) throw new Error('the fixture has no profile');
        const ctx: Ctx = {
          actor: { userId: user.id, userName: FIXTURE_USER, role: 'coordinator', officeId: user.office_id, agency: 'probation', registerAdministrator: true },
          now: new Date('2026-12-01T09:00:00Z'),
        };
        const update = itemUpdate.parse({
          itemId: edited.id,
          fieldKind: 'risk_factor',
          value: 'Attends the Pontypŵl recovery café on Tuesdays and Thursdays.',
          classification: 'OFFICIAL-SENSITIVE',
          noOnwardDisclosure: false,
          notToSubject: false,
          notToSubjectReason: null,
          changeReason: 'A second day was added.',
        });
        v.commit((w) => updateItem(w, ctx, update));
        expect(itemHistory(v.reader, edited.id).map((h) => [h.version, h.changeReason])).toEqual([
          [3, 'A second day was added.'],
          [2, pontypwl?.earlier?.changeReason],
          [1, null],
        ]);
        expect(familyNamesFound(v.reader, 'Thursdays', true)).toEqual(['Ŵyn']);
      } finally {
        v.lock();
      }
    });

    it('replays its upgrade from the journal to the same register', async () => {
      const folder = copyOf(name);
      const first = await open(folder);
      // Not locked: the upgrade exists only in the journal, and this open replays it.
      const again = await open(folder);
      try {
        expect(schemaOf(again.reader)).toEqual(schemaOf(first.reader));
        expect(contents(again.reader)).toEqual(contents(first.reader));
        for (const index of ['subject_search', 'item_text_search']) {
          const sql = `SELECT docid, body FROM ${index} ORDER BY docid`;
          expect(again.reader.all(sql)).toEqual(first.reader.all(sql));
        }
      } finally {
        again.lock();
        first.lock();
      }
    });
  });
});
