import type { Migration } from '../migrations';

// The register: agency offices, users, subjects (MAPPA nominals and PDPs), information
// items with their owning agency and handling conditions, item history, retention.
// Times are ISO-8601 UTC strings and ids are random, both made by the service (replay
// of the journal must be deterministic). Rows are never silently removed: deletion is
// recorded (deleted_at/by/reason); only a recorded retention disposal removes data.
export const registerMigration: Migration = {
  version: 2,
  description: 'register: offices, users, subjects, items, item history, retention, search indexes',
  statements: [
    `CREATE TABLE offices (
      id TEXT PRIMARY KEY NOT NULL,
      name TEXT NOT NULL,
      agency TEXT NOT NULL,
      area TEXT NOT NULL,
      is_home INTEGER NOT NULL DEFAULT 0 CHECK (is_home IN (0, 1)),
      created_at TEXT NOT NULL,
      created_by TEXT
    ) STRICT`,
    `CREATE UNIQUE INDEX offices_unique ON offices (agency, name COLLATE NOCASE, area COLLATE NOCASE)`,
    `CREATE UNIQUE INDEX offices_one_home ON offices (is_home) WHERE is_home = 1`,
    `CREATE TABLE users (
      id TEXT PRIMARY KEY NOT NULL,
      user_name TEXT NOT NULL,
      office_id TEXT NOT NULL REFERENCES offices (id),
      role TEXT NOT NULL,
      active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
      created_at TEXT NOT NULL,
      created_by TEXT
    ) STRICT`,
    `CREATE UNIQUE INDEX users_name ON users (user_name COLLATE NOCASE)`,
    `CREATE TABLE subjects (
      id TEXT PRIMARY KEY NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('nominal', 'pdp')),
      given_name TEXT NOT NULL,
      family_name TEXT NOT NULL,
      date_of_birth TEXT,
      ethnicity TEXT,
      pnc TEXT,
      ndelius TEXT,
      visor TEXT,
      address TEXT,
      no_fixed_abode INTEGER NOT NULL DEFAULT 0 CHECK (no_fixed_abode IN (0, 1)),
      area_of_closest_links TEXT,
      index_offence TEXT,
      sentence TEXT,
      category INTEGER CHECK (category BETWEEN 1 AND 4),
      level INTEGER CHECK (level BETWEEN 1 AND 3),
      risk TEXT CHECK (risk IN ('low', 'medium', 'high', 'very_high')),
      exceptional_reason TEXT,
      lead_office_id TEXT REFERENCES offices (id),
      next_review TEXT,
      created_at TEXT NOT NULL,
      created_by TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      updated_by TEXT NOT NULL,
      deleted_at TEXT,
      deleted_by TEXT,
      deleted_reason TEXT
    ) STRICT`,
    `CREATE UNIQUE INDEX subjects_pnc ON subjects (pnc COLLATE NOCASE) WHERE pnc IS NOT NULL AND deleted_at IS NULL`,
    `CREATE UNIQUE INDEX subjects_ndelius ON subjects (ndelius COLLATE NOCASE) WHERE ndelius IS NOT NULL AND deleted_at IS NULL`,
    `CREATE UNIQUE INDEX subjects_visor ON subjects (visor COLLATE NOCASE) WHERE visor IS NOT NULL AND deleted_at IS NULL`,
    `CREATE INDEX subjects_family_name ON subjects (family_name COLLATE NOCASE, given_name COLLATE NOCASE)`,
    `CREATE INDEX subjects_review ON subjects (next_review) WHERE next_review IS NOT NULL AND deleted_at IS NULL`,
    `CREATE INDEX subjects_dob ON subjects (date_of_birth)`,
    `CREATE TABLE subject_aliases (
      subject_id TEXT NOT NULL REFERENCES subjects (id) ON DELETE CASCADE,
      alias TEXT NOT NULL,
      PRIMARY KEY (subject_id, alias)
    ) STRICT`,
    `CREATE INDEX subject_aliases_alias ON subject_aliases (alias COLLATE NOCASE)`,
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
    `CREATE INDEX items_subject ON items (subject_id, owner_office_id)`,
    `CREATE INDEX items_owner ON items (owner_office_id)`,
    // Earlier versions only: the current one is the items row itself, so an item's text is
    // stored once until it is edited.
    `CREATE TABLE item_versions (
      item_id TEXT NOT NULL REFERENCES items (id) ON DELETE CASCADE,
      version INTEGER NOT NULL,
      field_kind TEXT NOT NULL,
      rmp_heading TEXT,
      value TEXT NOT NULL,
      classification TEXT NOT NULL,
      no_onward_disclosure INTEGER NOT NULL,
      not_to_subject INTEGER NOT NULL,
      not_to_subject_reason TEXT,
      changed_at TEXT NOT NULL,
      changed_by TEXT NOT NULL,
      change_reason TEXT,
      PRIMARY KEY (item_id, version)
    ) STRICT`,
    `CREATE TABLE retention_rules (
      agency TEXT PRIMARY KEY NOT NULL,
      retain_months INTEGER NOT NULL CHECK (retain_months > 0),
      review_months INTEGER NOT NULL CHECK (review_months > 0),
      updated_at TEXT NOT NULL,
      updated_by TEXT NOT NULL
    ) STRICT`,
    `CREATE TABLE retention_decisions (
      id TEXT PRIMARY KEY NOT NULL,
      item_id TEXT NOT NULL,
      subject_id TEXT NOT NULL,
      owner_office_id TEXT NOT NULL,
      decision TEXT NOT NULL CHECK (decision IN ('retain', 'dispose')),
      reason TEXT NOT NULL,
      next_review TEXT,
      decided_at TEXT NOT NULL,
      decided_by TEXT NOT NULL
    ) STRICT`,
    `CREATE INDEX retention_decisions_item ON retention_decisions (item_id, decided_at)`,
    `CREATE TABLE settings (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL) STRICT`,
    // Full-text search (sql.js has FTS4, not FTS5); how the docids are made is explained in
    // src/main/register/searchIndex.ts.
    `CREATE VIRTUAL TABLE subject_search USING fts4(body, tokenize=unicode61 "remove_diacritics=2")`,
    `CREATE VIRTUAL TABLE item_text_search USING fts4(body, tokenize=unicode61 "remove_diacritics=2")`,
  ],
};
