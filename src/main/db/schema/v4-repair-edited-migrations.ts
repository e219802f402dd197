import type { Migration } from '../migrations';

// Migrations 2 and 3 were edited after they had shipped, so a register at version 3 may
// have been made by any of these texts (the commit that wrote each one in brackets):
//
//   2a (5d2705a) one search_index (subject_id, item_id, body); items without change_reason;
//                item_versions holds every version, the current one included
//   2b (85dc526) subject_search + item_search (docid = the item's rowid); item layout as 2a
//   2c (d77caae) 2b + subject_text_search (one document per subject with all its item text)
//   2d (e1f7b59) subject_search + subject_text_search; item layout as 2a
//   2e (06a848f) as 2d, but items.change_reason holds the current version's change reason
//                and item_versions holds earlier versions only
//   2f (12fefc9) as 2e, with item_text_search (one document per item) instead of
//                subject_text_search: the text of migration 2 today
//   3a (3489d1d) migration 3 without the two triggers that guard association rows
//   3b (99892b0) migration 3 today
//
// SQLite cannot branch on what a table looks like, so this migration does the same thing
// to every register, whichever text made it: it rebuilds items, both search indexes and
// the two guard triggers from the definitions below. Afterwards every register has exactly
// the schema a new one has (tests/unit/db/fixtureRegisters.test.ts compares them), and a
// later migration can rely on it. Like every migration it is frozen once shipped
// (tests/unit/db/frozenMigrations.test.ts): fix it with migration 5, never by editing it.
//
// Everything here is plain SQL over the rows already in the register, so replaying it from
// the journal gives the same result: rowids are carried over explicitly and no statement
// depends on the order SQLite happens to return rows in.

/** Item columns every text of migration 2 has (2e added change_reason). */
const ITEM_COLUMNS = `id, subject_id, field_kind, rmp_heading, value, owner_office_id, provider_name, provider_office_id, received_on,
      classification, no_onward_disclosure, not_to_subject, not_to_subject_reason, version, created_at, created_by, updated_at,
      updated_by, deleted_at, deleted_by, deleted_reason`;

const VERSION_COLUMNS = `item_id, version, field_kind, rmp_heading, value, classification, no_onward_disclosure, not_to_subject,
      not_to_subject_reason, changed_at, changed_by, change_reason`;

const FTS = 'fts4(body, tokenize=unicode61 "remove_diacritics=2")';

export const repairMigration: Migration = {
  version: 4,
  description: 'repair: rebuild items, the search indexes and the association guards as migrations 2 and 3 define them today',
  statements: [
    // --- Items: today's table, with each item's current change reason in the items row.
    // Dropping items deletes its versions (ON DELETE CASCADE; foreign keys cannot be turned
    // off inside a commit), so both are copied aside first and put back.
    `CREATE TABLE v4_items_before AS SELECT rowid AS v4_rowid, * FROM items`,
    `CREATE TABLE v4_item_versions_before AS SELECT rowid AS v4_rowid, * FROM item_versions`,
    `DROP TABLE items`,
    `CREATE TABLE items (
      id TEXT PRIMARY KEY NOT NULL,
      subject_id TEXT NOT NULL REFERENCES subjects (id) ON DELETE CASCADE,
      field_kind TEXT NOT NULL,
      rmp_heading TEXT,
      value TEXT NOT NULL,
      owner_office_id TEXT NOT NULL REFERENCES offices (id),
      provider_name TEXT NOT NULL,
      provider_office_id TEXT NOT NULL REFERENCES offices (id),
      received_on TEXT NOT NULL,
      classification TEXT NOT NULL CHECK (classification IN ('OFFICIAL', 'OFFICIAL-SENSITIVE')),
      no_onward_disclosure INTEGER NOT NULL CHECK (no_onward_disclosure IN (0, 1)),
      not_to_subject INTEGER NOT NULL CHECK (not_to_subject IN (0, 1)),
      not_to_subject_reason TEXT,
      version INTEGER NOT NULL,
      change_reason TEXT,
      created_at TEXT NOT NULL,
      created_by TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      updated_by TEXT NOT NULL,
      deleted_at TEXT,
      deleted_by TEXT,
      deleted_reason TEXT
    ) STRICT`,
    `INSERT INTO items (rowid, ${ITEM_COLUMNS})
     SELECT v4_rowid, ${ITEM_COLUMNS} FROM v4_items_before ORDER BY v4_rowid`,
    // 2a-2d: the current version's change reason is in its item_versions row. (2e and 2f
    // keep no row for the current version, so this sets NULL, put right by the next one.)
    `UPDATE items SET change_reason =
       (SELECT h.change_reason FROM v4_item_versions_before h WHERE h.item_id = items.id AND h.version = items.version)`,
    // 2e-2f: the change reason was already in the items row. An unqualified name resolves
    // in the innermost query first: where the copied table has change_reason (2e, 2f) this
    // reads it; where it has none (2a-2d) the name falls through to the outer query, items,
    // and the row keeps the value the statement above gave it.
    `UPDATE items SET change_reason = (SELECT change_reason FROM v4_items_before AS kept WHERE kept.id = items.id)`,
    `CREATE INDEX items_subject ON items (subject_id, owner_office_id)`,
    `CREATE INDEX items_owner ON items (owner_office_id)`,
    // Earlier versions only: 2a-2d also kept the current version here.
    `INSERT INTO item_versions (rowid, ${VERSION_COLUMNS})
     SELECT v4_rowid, ${VERSION_COLUMNS} FROM v4_item_versions_before h
     WHERE NOT EXISTS (SELECT 1 FROM items i WHERE i.id = h.item_id AND i.version = h.version)
     ORDER BY v4_rowid`,
    `DROP TABLE v4_items_before`,
    `DROP TABLE v4_item_versions_before`,

    // --- Search: drop every index any text of migration 2 made, then rebuild today's two
    // from the rows, as src/main/register/searchIndex.ts keeps them: one document per live
    // subject (docid = its rowid) and one per live item of a live subject (docid = subject
    // rowid × 2^32 + item rowid).
    `DROP TABLE IF EXISTS search_index`,
    `DROP TABLE IF EXISTS item_search`,
    `DROP TABLE IF EXISTS subject_text_search`,
    `DROP TABLE IF EXISTS item_text_search`,
    `DROP TABLE IF EXISTS subject_search`,
    `CREATE VIRTUAL TABLE subject_search USING ${FTS}`,
    `CREATE VIRTUAL TABLE item_text_search USING ${FTS}`,
    `INSERT INTO subject_search (docid, body)
     SELECT s.rowid, s.given_name || ' ' || s.family_name || ' ' ||
       coalesce((SELECT group_concat(alias, ' ') FROM subject_aliases WHERE subject_id = s.id), '') || ' ' ||
       coalesce(s.pnc, '') || ' ' || coalesce(s.ndelius, '') || ' ' || coalesce(s.visor, '')
     FROM subjects s WHERE s.deleted_at IS NULL ORDER BY s.rowid`,
    `INSERT INTO item_text_search (docid, body)
     SELECT s.rowid * 4294967296 + i.rowid, i.value FROM items i JOIN subjects s ON s.id = i.subject_id
     WHERE i.deleted_at IS NULL AND s.deleted_at IS NULL ORDER BY 1`,

    // --- Association guards (3a lacks them).
    `DROP TRIGGER IF EXISTS declared_associations_withdraw_only`,
    `CREATE TRIGGER declared_associations_withdraw_only BEFORE UPDATE ON declared_associations
      WHEN OLD.withdrawn_at IS NOT NULL OR NEW.withdrawn_at IS NULL
        OR NEW.id IS NOT OLD.id OR NEW.user_id IS NOT OLD.user_id OR NEW.names IS NOT OLD.names
        OR NEW.date_of_birth IS NOT OLD.date_of_birth OR NEW.relationship IS NOT OLD.relationship
        OR NEW.declared_at IS NOT OLD.declared_at
      BEGIN SELECT RAISE(ABORT, 'A declared association cannot be changed: withdraw it and declare it again.'); END`,
    `DROP TRIGGER IF EXISTS association_alerts_close_only`,
    `CREATE TRIGGER association_alerts_close_only BEFORE UPDATE ON association_alerts
      WHEN OLD.status = 'closed' OR NEW.status IS NOT 'closed' OR NEW.closed_by IS NULL OR NEW.closed_at IS NULL
        OR NEW.id IS NOT OLD.id OR NEW.user_id IS NOT OLD.user_id OR NEW.subject_id IS NOT OLD.subject_id
        OR NEW.association_id IS NOT OLD.association_id OR NEW.at IS NOT OLD.at
      BEGIN SELECT RAISE(ABORT, 'An association alert can only be closed, once, with its outcome.'); END`,
  ],
};
