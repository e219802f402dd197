import type { Migration } from '../migrations';

// MAPPA meetings (issue 11): Level 2 and Level 3 panels and Assessment of Risk Meetings for
// a Potentially Dangerous Person (procedures §5–§9, §21); the subjects each discusses; the
// attendees (most are not users of this register) with their part and their status for
// each subject; the confidentiality undertaking (MAPPA D) in versions, and who signed which
// version, when and how; each attendee's papers, owned by their agency; the minutes of each
// subject in the MAPPA C structure, with every earlier text kept; actions with their status
// history; the chair's permission for each copy of the minutes, and the numbered copies.
//
// What is kept when a subject's data is disposed of, and so refers to subjects by id with
// no foreign key: that a meeting discussed them, who attended and signed, the chair's
// permissions and the distribution log (an agency must account for every copy). The case
// content (minutes, papers, actions) goes with the subject (src/main/db/personalData.ts).
// Lists of ids and the structured parts of minutes are JSON text. Times are ISO-8601 UTC,
// days 'YYYY-MM-DD' (London days), made by the service.

/** The statement this register ships as version 1 of the undertaking (DOMAIN.md; the MAPPA D form). */
export const SHIPPED_UNDERTAKING_TITLE = 'Confidentiality and Diversity Statement (MAPPA D)';
export const SHIPPED_UNDERTAKING_BODY = `This meeting is held under the Multi-Agency Public Protection Arrangements (MAPPA). It is held because the need to protect the public outweighs the duty of confidentiality owed to the people discussed. Information is shared here only to assess and manage the risk of serious harm they pose.

Confidentiality
1. What is said at this meeting, its papers and its minutes are confidential. They are marked OFFICIAL-SENSITIVE and must be handled as such.
2. Information shared here remains the responsibility of the agency that provided it. It must not be used for any other purpose.
3. The minutes and papers must not be photocopied, copied or shared on, and their contents must not be shared outside this meeting, without the Chair’s agreement. Passing them to a linked agency needs the Chair’s permission and must be necessary and proportionate.
4. The minutes and papers must be kept in a restricted part of your agency’s files and must not be taken outside a secure location. Each attendee keeps them secure under their own agency’s retention policy.
5. The minutes are exempt from disclosure under the Freedom of Information Act 2000, sections 30(1)(b), 38, 40 and 41.
6. The decisions of this meeting respect the right to respect for private and family life: any interference with it must be in accordance with the law and necessary to protect the public (Article 8(2), European Convention on Human Rights).
7. Any disclosure to a third party is decided by the meeting and recorded in the minutes.

Diversity
This meeting is committed to equality and diversity. Its decisions rest on evidence of risk. No one is treated less favourably because of age, disability, gender reassignment, marriage or civil partnership, pregnancy or maternity, race, religion or belief, sex or sexual orientation (Equality Act 2010). Anyone who believes a decision or a remark is discriminatory should say so, and it will be recorded.

By signing I confirm that this statement has been read to me or that I have read it, and that I will keep to it.`;
/** SHA-256 of the body's UTF-8 bytes (a test checks it): the hash each signature records. */
export const SHIPPED_UNDERTAKING_SHA256 = '715a9c7aa1d6b9e44f00a227b2091e64501ad461ab1439942659c784c37a36bb';

const sql = (text: string) => text.replace(/'/g, "''");

const NO_CHANGE = (table: string, what: string): string[] => [
  `CREATE TRIGGER ${table}_no_update BEFORE UPDATE ON ${table}
    BEGIN SELECT RAISE(ABORT, '${what} cannot be changed once recorded.'); END`,
  `CREATE TRIGGER ${table}_no_delete BEFORE DELETE ON ${table}
    BEGIN SELECT RAISE(ABORT, '${what} cannot be removed once recorded.'); END`,
];

export const meetingsMigration: Migration = {
  version: 7,
  description: 'meetings: meetings, subjects, attendees, undertaking versions and signatures, papers, minutes and their history, actions, copy permissions and copies',
  statements: [
    // The undertaking's text, in versions; an administrator's edit adds the next one.
    `CREATE TABLE undertaking_versions (
      version INTEGER PRIMARY KEY NOT NULL CHECK (version > 0),
      title TEXT NOT NULL,
      body TEXT NOT NULL,
      sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
      change_note TEXT,
      created_at TEXT NOT NULL,
      created_by TEXT NOT NULL
    ) STRICT`,
    ...NO_CHANGE('undertaking_versions', 'A version of the confidentiality undertaking'),
    `INSERT INTO undertaking_versions (version, title, body, sha256, change_note, created_at, created_by)
      VALUES (1, '${sql(SHIPPED_UNDERTAKING_TITLE)}', '${sql(SHIPPED_UNDERTAKING_BODY)}', '${SHIPPED_UNDERTAKING_SHA256}',
        'The statement shipped with the MAPPA Register.', '2026-11-25T00:00:00.000Z', 'MAPPA Register')`,

    `CREATE TABLE meetings (
      id TEXT PRIMARY KEY NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('level2', 'level3', 'arm')),
      review_number INTEGER NOT NULL CHECK (review_number >= 0),
      starts_at TEXT NOT NULL,
      place TEXT,
      remote INTEGER NOT NULL CHECK (remote IN (0, 1)),
      remote_details TEXT,
      chair_role TEXT NOT NULL,
      requesting_office_id TEXT REFERENCES offices (id),
      status TEXT NOT NULL CHECK (status IN ('scheduled', 'held', 'cancelled')),
      cancelled_reason TEXT,
      created_at TEXT NOT NULL,
      created_by TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      updated_by TEXT NOT NULL,
      CHECK (place IS NOT NULL OR remote = 1),
      CHECK ((kind = 'arm') = (requesting_office_id IS NOT NULL))
    ) STRICT`,
    `CREATE INDEX meetings_starts ON meetings (starts_at)`,
    `CREATE TABLE meeting_subjects (
      meeting_id TEXT NOT NULL REFERENCES meetings (id),
      subject_id TEXT NOT NULL,
      position INTEGER NOT NULL,
      category INTEGER,
      level INTEGER,
      added_at TEXT NOT NULL,
      added_by TEXT NOT NULL,
      PRIMARY KEY (meeting_id, subject_id)
    ) STRICT`,
    `CREATE INDEX meeting_subjects_subject ON meeting_subjects (subject_id)`,
    // An attendee is a person at the meeting, a user of this register or not (user_id).
    // The chair, coordinator and minute-taker are attendees too, and sign like everyone.
    `CREATE TABLE meeting_attendees (
      id TEXT PRIMARY KEY NOT NULL,
      meeting_id TEXT NOT NULL REFERENCES meetings (id),
      full_name TEXT NOT NULL,
      office_id TEXT NOT NULL REFERENCES offices (id),
      job_title TEXT NOT NULL,
      part TEXT NOT NULL CHECK (part IN ('chair', 'coordinator', 'minute_taker', 'member')),
      user_id TEXT,
      scope TEXT NOT NULL CHECK (scope IN ('meeting', 'subjects')),
      status TEXT NOT NULL CHECK (status IN ('invited', 'attended', 'apologies')),
      added_at TEXT NOT NULL,
      added_by TEXT NOT NULL
    ) STRICT`,
    `CREATE UNIQUE INDEX meeting_attendees_one_each ON meeting_attendees (meeting_id, part) WHERE part <> 'member'`,
    `CREATE UNIQUE INDEX meeting_attendees_user ON meeting_attendees (meeting_id, user_id) WHERE user_id IS NOT NULL`,
    `CREATE INDEX meeting_attendees_user_any ON meeting_attendees (user_id) WHERE user_id IS NOT NULL`,
    `CREATE TABLE attendee_subjects (
      attendee_id TEXT NOT NULL REFERENCES meeting_attendees (id),
      meeting_id TEXT NOT NULL REFERENCES meetings (id),
      subject_id TEXT NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('invited', 'attended', 'apologies', 'left_before')),
      updated_at TEXT NOT NULL,
      updated_by TEXT NOT NULL,
      PRIMARY KEY (attendee_id, subject_id)
    ) STRICT`,
    `CREATE INDEX attendee_subjects_meeting ON attendee_subjects (meeting_id, subject_id)`,
    // A signature: for the whole meeting (subject_id NULL) or before one subject. How:
    // in the room on the hosting register, or with the attendee's own register (then the
    // signed acknowledgement it returned, and the key that signed it).
    `CREATE TABLE undertaking_signatures (
      id TEXT PRIMARY KEY NOT NULL,
      meeting_id TEXT NOT NULL REFERENCES meetings (id),
      attendee_id TEXT NOT NULL REFERENCES meeting_attendees (id),
      subject_id TEXT,
      version INTEGER NOT NULL REFERENCES undertaking_versions (version),
      version_sha256 TEXT NOT NULL CHECK (length(version_sha256) = 64),
      typed_name TEXT NOT NULL,
      agreed INTEGER NOT NULL CHECK (agreed = 1),
      signed_at TEXT NOT NULL,
      how TEXT NOT NULL CHECK (how IN ('in_room', 'own_register')),
      exchange_id TEXT,
      signer_fingerprint TEXT,
      acknowledgement TEXT,
      recorded_at TEXT NOT NULL,
      recorded_by TEXT NOT NULL,
      CHECK ((how = 'own_register') = (acknowledgement IS NOT NULL))
    ) STRICT`,
    `CREATE UNIQUE INDEX undertaking_signatures_once ON undertaking_signatures (attendee_id, ifnull(subject_id, ''))`,
    ...NO_CHANGE('undertaking_signatures', 'A signed undertaking'),
    // An attendee's written summary for the panel (the report to panel), owned by their agency.
    `CREATE TABLE meeting_papers (
      id TEXT PRIMARY KEY NOT NULL,
      meeting_id TEXT NOT NULL REFERENCES meetings (id),
      subject_id TEXT NOT NULL,
      attendee_id TEXT NOT NULL REFERENCES meeting_attendees (id),
      owner_office_id TEXT NOT NULL REFERENCES offices (id),
      title TEXT NOT NULL,
      report TEXT NOT NULL,
      item_ids TEXT NOT NULL DEFAULT '[]',
      classification TEXT NOT NULL CHECK (classification IN ('OFFICIAL', 'OFFICIAL-SENSITIVE')),
      version INTEGER NOT NULL,
      created_at TEXT NOT NULL,
      created_by TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      updated_by TEXT NOT NULL,
      withdrawn_at TEXT,
      withdrawn_by TEXT,
      withdrawn_reason TEXT
    ) STRICT`,
    `CREATE INDEX meeting_papers_meeting ON meeting_papers (meeting_id, subject_id)`,
    // The minutes of one subject at one meeting (MAPPA C). decisions: JSON [{decision, rationale}];
    // information_item_ids: JSON ids of the register items the information shared refers to.
    `CREATE TABLE minutes (
      id TEXT PRIMARY KEY NOT NULL,
      meeting_id TEXT NOT NULL REFERENCES meetings (id),
      subject_id TEXT NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('draft', 'sent', 'amended', 'final')),
      version INTEGER NOT NULL CHECK (version > 0),
      statement_read INTEGER CHECK (statement_read IN (0, 1)),
      information_shared TEXT,
      information_item_ids TEXT NOT NULL DEFAULT '[]',
      risk_assessment TEXT,
      decisions TEXT NOT NULL DEFAULT '[]',
      dissenting_views TEXT,
      disclosure_kind TEXT CHECK (disclosure_kind IN ('none_needed', 'disclosure_record')),
      disclosure_reason TEXT,
      disclosure_record_id TEXT,
      rmp_supervision TEXT,
      rmp_monitoring_control TEXT,
      rmp_interventions_treatment TEXT,
      rmp_victim_safety TEXT,
      contingencies TEXT,
      licence_conditions TEXT,
      in_custody INTEGER CHECK (in_custody IN (0, 1)),
      level_decision TEXT CHECK (level_decision IN ('continue', 'move_up', 'move_down', 'exit')),
      level_decision_reason TEXT,
      next_review TEXT,
      sent_at TEXT,
      sent_by TEXT,
      received_on TEXT,
      chair_due_on TEXT,
      chair_due_notice TEXT,
      approved_at TEXT,
      approved_by TEXT,
      created_at TEXT NOT NULL,
      created_by TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      updated_by TEXT NOT NULL,
      UNIQUE (meeting_id, subject_id)
    ) STRICT`,
    `CREATE INDEX minutes_due ON minutes (chair_due_on) WHERE status IN ('sent', 'amended')`,
    // Every change to minutes, in order: what happened, who did it, which parts changed and
    // their earlier text (JSON {part: earlier value}), so an amendment never loses a word.
    `CREATE TABLE minutes_history (
      minutes_id TEXT NOT NULL REFERENCES minutes (id),
      seq INTEGER NOT NULL CHECK (seq > 0),
      meeting_id TEXT NOT NULL REFERENCES meetings (id),
      subject_id TEXT NOT NULL,
      event TEXT NOT NULL CHECK (event IN ('started', 'edited', 'sent', 'amended', 'confirmed')),
      version INTEGER NOT NULL,
      changed_parts TEXT NOT NULL DEFAULT '[]',
      earlier TEXT NOT NULL DEFAULT '{}',
      note TEXT,
      at TEXT NOT NULL,
      by_user TEXT NOT NULL,
      PRIMARY KEY (minutes_id, seq)
    ) STRICT`,
    `CREATE TABLE meeting_actions (
      id TEXT PRIMARY KEY NOT NULL,
      minutes_id TEXT NOT NULL REFERENCES minutes (id),
      meeting_id TEXT NOT NULL REFERENCES meetings (id),
      subject_id TEXT NOT NULL,
      position INTEGER NOT NULL,
      description TEXT NOT NULL,
      rationale TEXT NOT NULL,
      owner_office_id TEXT NOT NULL REFERENCES offices (id),
      owner_person TEXT NOT NULL,
      due_on TEXT NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('open', 'in_progress', 'done', 'cancelled')),
      created_at TEXT NOT NULL,
      created_by TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      updated_by TEXT NOT NULL,
      removed_at TEXT,
      removed_by TEXT
    ) STRICT`,
    `CREATE INDEX meeting_actions_owner ON meeting_actions (owner_office_id, due_on)`,
    `CREATE INDEX meeting_actions_minutes ON meeting_actions (minutes_id, position)`,
    `CREATE TABLE action_history (
      action_id TEXT NOT NULL REFERENCES meeting_actions (id),
      seq INTEGER NOT NULL CHECK (seq > 0),
      subject_id TEXT NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('open', 'in_progress', 'done', 'cancelled')),
      note TEXT,
      at TEXT NOT NULL,
      by_user TEXT NOT NULL,
      PRIMARY KEY (action_id, seq)
    ) STRICT`,
    // The chair's permission for one copy of a subject's minutes to one recipient (leaflet:
    // minutes are not copied or disclosed without the Chair's permission). A copy uses it up.
    `CREATE TABLE copy_permissions (
      id TEXT PRIMARY KEY NOT NULL,
      meeting_id TEXT NOT NULL REFERENCES meetings (id),
      subject_id TEXT NOT NULL,
      minutes_id TEXT NOT NULL,
      recipient_name TEXT NOT NULL,
      recipient_office_id TEXT REFERENCES offices (id),
      recipient_role TEXT,
      reason TEXT NOT NULL,
      chair_attendee_id TEXT NOT NULL REFERENCES meeting_attendees (id),
      granted_on TEXT NOT NULL,
      granted_how TEXT NOT NULL,
      recorded_at TEXT NOT NULL,
      recorded_by TEXT NOT NULL,
      revoked_at TEXT,
      revoked_by TEXT,
      revoked_reason TEXT
    ) STRICT`,
    `CREATE INDEX copy_permissions_minutes ON copy_permissions (minutes_id, recorded_at)`,
    // The distribution log: every copy, numbered per subject's minutes, recorded (with its
    // audit entry) before the file exists.
    `CREATE TABLE minutes_copies (
      id TEXT PRIMARY KEY NOT NULL,
      minutes_id TEXT NOT NULL,
      meeting_id TEXT NOT NULL REFERENCES meetings (id),
      subject_id TEXT NOT NULL,
      copy_number INTEGER NOT NULL CHECK (copy_number > 0),
      permission_id TEXT NOT NULL UNIQUE REFERENCES copy_permissions (id),
      recipient_name TEXT NOT NULL,
      recipient_office_id TEXT REFERENCES offices (id),
      minutes_version INTEGER NOT NULL,
      form TEXT NOT NULL CHECK (form IN ('pdf', 'exchange')),
      pages INTEGER,
      file_sha256 TEXT NOT NULL CHECK (length(file_sha256) = 64),
      made_at TEXT NOT NULL,
      made_by TEXT NOT NULL,
      UNIQUE (minutes_id, copy_number)
    ) STRICT`,
    ...NO_CHANGE('minutes_copies', 'A copy in the distribution log'),
  ],
};
