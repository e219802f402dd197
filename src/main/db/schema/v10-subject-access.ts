import type { Migration } from '../migrations';

// Subject access requests (issue 13), answered by the office this register belongs to for
// the information it owns (the leaflet: the owning agency answers; MAPPA owns nothing).
//
//   sar_requests   the request: who asked (the data subject, or a representative with their
//                  authority), what for, the names and identifiers they gave, the regime
//                  (the office's agency decides it), and the dates the deadline is counted
//                  from: received, identity verified, fee asked for and received, the
//                  extension and when the requester was told.
//   sar_pauses     each request for clarification: asked on, answered on (the stopped clock).
//   sar_subjects   the register's subjects the IG lead confirmed are the requester.
//   sar_decisions  per item of this office's: release, release with redactions (spans with
//                  an exemption code and a reason each, JSON) or withhold (code and reason;
//                  a health professional's opinion where the code needs one), for the
//                  item's version decided on.
//   sar_referrals  another agency's items, referred to their owner: what, when, to whom,
//                  how, and their answer. Listed in the internal schedule only.
//   sar_outputs    each file made (the response, the redaction log, the internal schedule),
//                  recorded with its hash before it exists.
//
// Times are ISO-8601 UTC; days are 'YYYY-MM-DD' London days, made by the service.
export const subjectAccessMigration: Migration = {
  version: 10,
  description: 'subject access requests: requests, stopped clocks, confirmed subjects, item decisions with redactions, referrals to owners, and the files made',
  statements: [
    `CREATE TABLE sar_requests (
      id TEXT PRIMARY KEY NOT NULL,
      reference TEXT NOT NULL UNIQUE,
      office_id TEXT NOT NULL REFERENCES offices (id),
      regime TEXT NOT NULL CHECK (regime IN ('uk_gdpr', 'dpa2018_part3')),
      requester_name TEXT NOT NULL,
      on_behalf INTEGER NOT NULL CHECK (on_behalf IN (0, 1)),
      representative_name TEXT,
      authority TEXT,
      contact TEXT NOT NULL,
      names TEXT NOT NULL,
      date_of_birth TEXT,
      identifiers TEXT,
      asked_for TEXT NOT NULL,
      received_on TEXT NOT NULL,
      identity_verified_on TEXT,
      identity_how TEXT,
      fee_required INTEGER NOT NULL DEFAULT 0 CHECK (fee_required IN (0, 1)),
      fee_reason TEXT,
      fee_received_on TEXT,
      extension_told_on TEXT,
      extension_reason TEXT,
      status TEXT NOT NULL CHECK (status IN ('open', 'closed')),
      closed_on TEXT,
      closed_note TEXT,
      created_at TEXT NOT NULL,
      created_by TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      updated_by TEXT NOT NULL,
      CHECK ((on_behalf = 1) = (representative_name IS NOT NULL)),
      CHECK ((extension_told_on IS NULL) = (extension_reason IS NULL))
    ) STRICT`,
    `CREATE INDEX sar_requests_open ON sar_requests (status, received_on)`,
    `CREATE TABLE sar_pauses (
      request_id TEXT NOT NULL REFERENCES sar_requests (id),
      seq INTEGER NOT NULL CHECK (seq > 0),
      asked_on TEXT NOT NULL,
      what TEXT NOT NULL,
      answered_on TEXT,
      recorded_by TEXT NOT NULL,
      PRIMARY KEY (request_id, seq)
    ) STRICT`,
    `CREATE TABLE sar_subjects (
      request_id TEXT NOT NULL REFERENCES sar_requests (id),
      subject_id TEXT NOT NULL,
      how TEXT NOT NULL,
      confirmed_at TEXT NOT NULL,
      confirmed_by TEXT NOT NULL,
      PRIMARY KEY (request_id, subject_id)
    ) STRICT`,
    `CREATE TABLE sar_decisions (
      request_id TEXT NOT NULL REFERENCES sar_requests (id),
      item_id TEXT NOT NULL,
      subject_id TEXT NOT NULL,
      item_version INTEGER NOT NULL,
      decision TEXT NOT NULL CHECK (decision IN ('release', 'redact', 'withhold')),
      code TEXT,
      reason TEXT,
      health_opinion TEXT,
      redactions TEXT NOT NULL DEFAULT '[]',
      decided_at TEXT NOT NULL,
      decided_by TEXT NOT NULL,
      PRIMARY KEY (request_id, item_id),
      CHECK ((decision = 'withhold') = (code IS NOT NULL)),
      CHECK ((decision = 'release') = (reason IS NULL AND redactions = '[]'))
    ) STRICT`,
    `CREATE TABLE sar_referrals (
      id TEXT PRIMARY KEY NOT NULL,
      request_id TEXT NOT NULL REFERENCES sar_requests (id),
      owner_office_id TEXT NOT NULL REFERENCES offices (id),
      item_ids TEXT NOT NULL,
      referred_on TEXT NOT NULL,
      to_whom TEXT NOT NULL,
      how TEXT NOT NULL,
      answer TEXT,
      answered_on TEXT,
      recorded_at TEXT NOT NULL,
      recorded_by TEXT NOT NULL
    ) STRICT`,
    `CREATE TABLE sar_outputs (
      id TEXT PRIMARY KEY NOT NULL,
      request_id TEXT NOT NULL REFERENCES sar_requests (id),
      kind TEXT NOT NULL CHECK (kind IN ('response', 'redaction_log_pdf', 'redaction_log_csv', 'internal_schedule')),
      file_sha256 TEXT NOT NULL CHECK (length(file_sha256) = 64),
      pages INTEGER,
      items_released INTEGER NOT NULL,
      made_at TEXT NOT NULL,
      made_by TEXT NOT NULL
    ) STRICT`,
    `CREATE TRIGGER sar_outputs_no_update BEFORE UPDATE ON sar_outputs
      BEGIN SELECT RAISE(ABORT, 'A file made for a subject access request cannot be changed once recorded.'); END`,
    `CREATE TRIGGER sar_outputs_no_delete BEFORE DELETE ON sar_outputs
      BEGIN SELECT RAISE(ABORT, 'A file made for a subject access request cannot be removed from the record.'); END`,
  ],
};
