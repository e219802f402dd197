import type { Migration } from '../migrations';

// Sharing with MAPPA partners (issue 10). This office's keys and its partners' confirmed
// keys; shares (drafts, confirmed, withdrawn, and decisions not to share) with a line per
// field holding the three tests' answers; the owner's permission to share another
// agency's item on; where a received item came from; and the exchange files received
// (so a file is imported once). Lists of ids are JSON arrays. Records of what was shared
// and why outlive the items and subjects they name (an agency must be able to account for
// every share), so they refer to them by id without a foreign key, as retention_decisions do.
export const sharingMigration: Migration = {
  version: 6,
  description: 'sharing: office keys, partner keys, shares and their fields, owner permissions, item origins, exchanges received',
  statements: [
    `CREATE TABLE office_keys (
      office_id TEXT PRIMARY KEY NOT NULL REFERENCES offices (id),
      sign_public TEXT NOT NULL,
      sign_private TEXT NOT NULL,
      age_recipient TEXT NOT NULL,
      age_identity TEXT NOT NULL,
      fingerprint TEXT NOT NULL,
      created_at TEXT NOT NULL,
      created_by TEXT NOT NULL
    ) STRICT`,
    `CREATE TABLE partner_keys (
      id TEXT PRIMARY KEY NOT NULL,
      office_id TEXT NOT NULL REFERENCES offices (id),
      remote_office_id TEXT NOT NULL,
      sign_public TEXT NOT NULL,
      age_recipient TEXT NOT NULL,
      fingerprint TEXT NOT NULL,
      confirmed_with TEXT NOT NULL,
      confirmed_how TEXT NOT NULL,
      confirmed_at TEXT NOT NULL,
      confirmed_by TEXT NOT NULL,
      replaced_at TEXT
    ) STRICT`,
    `CREATE UNIQUE INDEX partner_keys_current_remote ON partner_keys (remote_office_id) WHERE replaced_at IS NULL`,
    `CREATE UNIQUE INDEX partner_keys_current_office ON partner_keys (office_id) WHERE replaced_at IS NULL`,
    `CREATE TABLE shares (
      id TEXT PRIMARY KEY NOT NULL,
      subject_id TEXT NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('draft', 'confirmed', 'withdrawn', 'declined', 'discarded')),
      purpose TEXT,
      purpose_other TEXT,
      gateway TEXT,
      gateway_other TEXT,
      regime TEXT,
      recipient_office_ids TEXT NOT NULL DEFAULT '[]',
      requested_by TEXT,
      expiry_days INTEGER NOT NULL,
      no_onward_disclosure INTEGER NOT NULL CHECK (no_onward_disclosure IN (0, 1)),
      not_to_subject INTEGER NOT NULL CHECK (not_to_subject IN (0, 1)),
      decline_item_ids TEXT NOT NULL DEFAULT '[]',
      decline_reason TEXT,
      revision INTEGER NOT NULL DEFAULT 0,
      exchange_id TEXT,
      file_sha256 TEXT,
      expires_at TEXT,
      created_at TEXT NOT NULL,
      created_by TEXT NOT NULL,
      sharing_agency TEXT NOT NULL,
      confirmed_at TEXT,
      confirmed_by TEXT,
      withdrawn_at TEXT,
      withdrawn_by TEXT,
      withdrawn_reason TEXT
    ) STRICT`,
    `CREATE INDEX shares_subject ON shares (subject_id, created_at)`,
    `CREATE UNIQUE INDEX shares_exchange ON shares (exchange_id) WHERE exchange_id IS NOT NULL`,
    `CREATE TABLE share_lines (
      share_id TEXT NOT NULL REFERENCES shares (id),
      line_id TEXT NOT NULL,
      position INTEGER NOT NULL,
      subject_field TEXT,
      item_id TEXT,
      item_version INTEGER,
      field_kind TEXT NOT NULL,
      necessary TEXT,
      proportionate TEXT,
      relevant TEXT,
      outside_purpose_reason TEXT,
      special_justification TEXT,
      answered_at TEXT,
      answered_by TEXT,
      PRIMARY KEY (share_id, line_id),
      CHECK ((subject_field IS NULL) <> (item_id IS NULL))
    ) STRICT`,
    `CREATE INDEX share_lines_item ON share_lines (item_id) WHERE item_id IS NOT NULL`,
    `CREATE TABLE owner_permissions (
      id TEXT PRIMARY KEY NOT NULL,
      item_id TEXT NOT NULL,
      subject_id TEXT NOT NULL,
      owner_office_id TEXT NOT NULL REFERENCES offices (id),
      recipient_office_ids TEXT NOT NULL,
      purpose TEXT NOT NULL,
      asked_of TEXT NOT NULL,
      request_note TEXT,
      requested_at TEXT NOT NULL,
      requested_by TEXT NOT NULL,
      answer TEXT CHECK (answer IN ('granted', 'refused')),
      answered_by TEXT,
      answered_on TEXT,
      answer_note TEXT,
      recorded_at TEXT,
      recorded_by TEXT
    ) STRICT`,
    `CREATE INDEX owner_permissions_item ON owner_permissions (item_id, requested_at)`,
    `CREATE TABLE item_origins (
      item_id TEXT PRIMARY KEY NOT NULL REFERENCES items (id),
      origin TEXT NOT NULL,
      origin_version INTEGER NOT NULL,
      received_from_office_id TEXT NOT NULL REFERENCES offices (id),
      exchange_id TEXT NOT NULL,
      withdrawn_at TEXT,
      withdrawn_reason TEXT,
      withdrawal_exchange_id TEXT
    ) STRICT`,
    `CREATE UNIQUE INDEX item_origins_origin ON item_origins (origin)`,
    `CREATE TABLE exchanges_received (
      exchange_id TEXT PRIMARY KEY NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('share', 'withdrawal')),
      sender_office_id TEXT NOT NULL REFERENCES offices (id),
      subject_id TEXT,
      file_sha256 TEXT NOT NULL,
      received_at TEXT NOT NULL,
      received_by TEXT NOT NULL,
      added INTEGER NOT NULL,
      matched INTEGER NOT NULL,
      updated INTEGER NOT NULL,
      withdrawn INTEGER NOT NULL
    ) STRICT`,
  ],
};
