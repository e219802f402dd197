import type { Migration } from '../migrations';

// Meeting packs (issue 11): the invitation and papers, or a copy of the minutes, sent to an
// attendee's office as an exchange file that opens only after the attendee has signed the
// confidentiality undertaking on their own register, and the signed acknowledgement that
// comes back.
//
//   meeting_packs_sent      on the hosting register: each pack made, for which attendee (an
//                           invitation) or which numbered copy, to which office, with the
//                           version of the undertaking it requires; and the acknowledgement
//                           once imported. Ids and hashes only: the words are in the papers
//                           and minutes it was made from.
//   received_meeting_packs  on the attendee's register: the pack as it arrived (its signed
//                           manifest and payload, kept in the encrypted register), the
//                           people it names, and the signature given there before it opened.
//
// A signature made on the attendee's own register is recorded on the host in
// undertaking_signatures (migration 7: how = 'own_register', with the acknowledgement and
// the key that signed it), exactly as one made in the room.
export const meetingPacksMigration: Migration = {
  version: 8,
  description: 'meeting packs: invitations, papers and minutes copies sent as exchange files, and the signed acknowledgements',
  statements: [
    `CREATE TABLE meeting_packs_sent (
      exchange_id TEXT PRIMARY KEY NOT NULL,
      meeting_id TEXT NOT NULL REFERENCES meetings (id),
      purpose TEXT NOT NULL CHECK (purpose IN ('invitation', 'copy')),
      attendee_id TEXT REFERENCES meeting_attendees (id),
      copy_id TEXT REFERENCES minutes_copies (id),
      recipient_name TEXT NOT NULL,
      office_id TEXT NOT NULL REFERENCES offices (id),
      paper_ids TEXT NOT NULL DEFAULT '[]',
      undertaking_version INTEGER NOT NULL REFERENCES undertaking_versions (version),
      undertaking_sha256 TEXT NOT NULL CHECK (length(undertaking_sha256) = 64),
      file_sha256 TEXT NOT NULL CHECK (length(file_sha256) = 64),
      expires_at TEXT NOT NULL,
      sent_at TEXT NOT NULL,
      sent_by TEXT NOT NULL,
      ack_exchange_id TEXT UNIQUE,
      ack_typed_name TEXT,
      ack_signed_at TEXT,
      ack_signer_fingerprint TEXT,
      ack_imported_at TEXT,
      ack_imported_by TEXT,
      CHECK ((purpose = 'invitation') = (attendee_id IS NOT NULL)),
      CHECK ((purpose = 'copy') = (copy_id IS NOT NULL)),
      CHECK ((ack_exchange_id IS NULL) = (ack_imported_at IS NULL))
    ) STRICT`,
    `CREATE INDEX meeting_packs_sent_meeting ON meeting_packs_sent (meeting_id, sent_at)`,
    // An acknowledgement, once imported, is history.
    `CREATE TRIGGER meeting_packs_sent_ack_once BEFORE UPDATE ON meeting_packs_sent
      WHEN OLD.ack_exchange_id IS NOT NULL
      BEGIN SELECT RAISE(ABORT, 'An acknowledgement cannot be changed once recorded.'); END`,
    `CREATE TRIGGER meeting_packs_sent_no_delete BEFORE DELETE ON meeting_packs_sent
      BEGIN SELECT RAISE(ABORT, 'A meeting pack sent cannot be removed from the record.'); END`,
    `CREATE TABLE received_meeting_packs (
      exchange_id TEXT PRIMARY KEY NOT NULL,
      from_office_id TEXT NOT NULL REFERENCES offices (id),
      purpose TEXT NOT NULL CHECK (purpose IN ('invitation', 'copy')),
      recipient_name TEXT NOT NULL,
      names TEXT NOT NULL,
      manifest TEXT NOT NULL,
      payload TEXT NOT NULL,
      file_sha256 TEXT NOT NULL CHECK (length(file_sha256) = 64),
      expires_at TEXT NOT NULL,
      imported_at TEXT NOT NULL,
      imported_by TEXT NOT NULL,
      signed_by_user_id TEXT,
      typed_name TEXT,
      signed_at TEXT,
      acknowledgement TEXT,
      ack_exported_at TEXT,
      CHECK ((signed_at IS NULL) = (acknowledgement IS NULL))
    ) STRICT`,
  ],
};
