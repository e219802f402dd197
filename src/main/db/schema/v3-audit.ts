import type { Migration } from '../migrations';

// The audit trail and the integrity safeguards around it (DOMAIN.md "Integrity and
// misuse"; APP counter-corruption case study: audits of who looked at what found an
// officer reading logs about their partner).
//
// audit_log is append-only and hash-chained: each entry's hash covers its fields and the
// previous entry's hash, computed in TypeScript (journal replay must be deterministic).
// Triggers refuse UPDATE and DELETE and any INSERT that is not the next link of the
// chain, so the rule holds at the SQL level too. No foreign keys: the trail outlives the
// users, subjects and items it names (retention disposal never touches it).
const APPEND_ONLY = (table: string, what: string): string[] => [
  `CREATE TRIGGER ${table}_no_update BEFORE UPDATE ON ${table}
    BEGIN SELECT RAISE(ABORT, '${what} cannot be changed: the audit trail is append-only.'); END`,
  `CREATE TRIGGER ${table}_no_delete BEFORE DELETE ON ${table}
    BEGIN SELECT RAISE(ABORT, '${what} cannot be removed: the audit trail is append-only.'); END`,
];

export const auditMigration: Migration = {
  version: 3,
  description: 'audit: hash-chained audit log, declared associations, alerts and exceptions',
  statements: [
    `CREATE TABLE audit_log (
      seq INTEGER PRIMARY KEY NOT NULL CHECK (seq > 0),
      at TEXT NOT NULL,
      actor_user_id TEXT,
      actor_user_name TEXT NOT NULL,
      actor_role TEXT,
      actor_office_id TEXT,
      actor_agency TEXT,
      action TEXT NOT NULL,
      subject_id TEXT,
      item_ids TEXT NOT NULL,
      reason TEXT,
      details TEXT NOT NULL,
      prev_hash TEXT NOT NULL CHECK (length(prev_hash) = 64),
      hash TEXT NOT NULL UNIQUE CHECK (length(hash) = 64)
    ) STRICT`,
    `CREATE INDEX audit_log_actor ON audit_log (actor_user_id, at)`,
    `CREATE INDEX audit_log_subject ON audit_log (subject_id, at) WHERE subject_id IS NOT NULL`,
    `CREATE INDEX audit_log_action ON audit_log (action, at)`,
    `CREATE INDEX audit_log_at ON audit_log (at)`,
    ...APPEND_ONLY('audit_log', 'An audit entry'),
    // Only the next link of the chain may be added: seq follows the last one and
    // prev_hash is the last entry's hash (genesis: 64 zeros).
    `CREATE TRIGGER audit_log_next_link BEFORE INSERT ON audit_log
      WHEN NEW.seq IS NOT (SELECT COALESCE(MAX(seq), 0) + 1 FROM audit_log)
        OR NEW.prev_hash IS NOT COALESCE((SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1), '${'0'.repeat(64)}')
      BEGIN SELECT RAISE(ABORT, 'An audit entry can only be added at the end of the audit trail.'); END`,

    // Notifiable associations declared by users (APP counter-corruption). Names is a JSON
    // array of full names and aliases. Withdrawal is recorded, never a deletion.
    `CREATE TABLE declared_associations (
      id TEXT PRIMARY KEY NOT NULL,
      user_id TEXT NOT NULL,
      names TEXT NOT NULL,
      date_of_birth TEXT,
      relationship TEXT NOT NULL,
      declared_at TEXT NOT NULL,
      withdrawn_at TEXT,
      withdrawn_reason TEXT
    ) STRICT`,
    `CREATE INDEX declared_associations_user ON declared_associations (user_id) WHERE withdrawn_at IS NULL`,
    `CREATE TRIGGER declared_associations_no_delete BEFORE DELETE ON declared_associations
      BEGIN SELECT RAISE(ABORT, 'A declared association cannot be removed: withdraw it instead.'); END`,
    `CREATE TRIGGER declared_associations_withdraw_only BEFORE UPDATE ON declared_associations
      WHEN OLD.withdrawn_at IS NOT NULL OR NEW.withdrawn_at IS NULL
        OR NEW.id IS NOT OLD.id OR NEW.user_id IS NOT OLD.user_id OR NEW.names IS NOT OLD.names
        OR NEW.date_of_birth IS NOT OLD.date_of_birth OR NEW.relationship IS NOT OLD.relationship
        OR NEW.declared_at IS NOT OLD.declared_at
      BEGIN SELECT RAISE(ABORT, 'A declared association cannot be changed: withdraw it and declare it again.'); END`,
    `CREATE TABLE association_alerts (
      id TEXT PRIMARY KEY NOT NULL,
      user_id TEXT NOT NULL,
      subject_id TEXT NOT NULL,
      association_id TEXT NOT NULL REFERENCES declared_associations (id),
      at TEXT NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('open', 'closed')),
      closed_by TEXT,
      closed_at TEXT,
      outcome TEXT
    ) STRICT`,
    `CREATE INDEX association_alerts_status ON association_alerts (status, at)`,
    `CREATE TRIGGER association_alerts_no_delete BEFORE DELETE ON association_alerts
      BEGIN SELECT RAISE(ABORT, 'An association alert cannot be removed: close it with an outcome instead.'); END`,
    `CREATE TRIGGER association_alerts_close_only BEFORE UPDATE ON association_alerts
      WHEN OLD.status = 'closed' OR NEW.status IS NOT 'closed' OR NEW.closed_by IS NULL OR NEW.closed_at IS NULL
        OR NEW.id IS NOT OLD.id OR NEW.user_id IS NOT OLD.user_id OR NEW.subject_id IS NOT OLD.subject_id
        OR NEW.association_id IS NOT OLD.association_id OR NEW.at IS NOT OLD.at
      BEGIN SELECT RAISE(ABORT, 'An association alert can only be closed, once, with its outcome.'); END`,
    `CREATE TABLE association_exceptions (
      id TEXT PRIMARY KEY NOT NULL,
      user_id TEXT NOT NULL,
      subject_id TEXT NOT NULL,
      granted_by TEXT NOT NULL,
      reason TEXT NOT NULL,
      granted_at TEXT NOT NULL
    ) STRICT`,
    `CREATE INDEX association_exceptions_user ON association_exceptions (user_id, subject_id)`,
    ...APPEND_ONLY('association_exceptions', 'An association exception'),
  ],
};
