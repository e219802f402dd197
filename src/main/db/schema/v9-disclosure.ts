import type { Migration } from '../migrations';

// Disclosure to a third party (issue 12; leaflet "Disclosure"; procedures §18): the decision
// record about one subject, its recipients, exactly which fields are disclosed with the
// three tests, the nine criteria, and its states draft -> approved -> made or withdrawn.
// Once made or withdrawn a record and its parts are immutable: the triggers below refuse
// any change, and corrections are addenda (which are never changed either). Each briefing
// given to a recipient is logged with the hash of its file, before the file exists.
//
// Every table names its subject (subject_id) so the map of personal data reaches it. Lists
// of office ids are JSON text. Times are ISO-8601 UTC, days 'YYYY-MM-DD' (London days).

const DONE = `('made', 'withdrawn')`;

/** A disclosure made or withdrawn is a record of what a third party was told: never changed. */
const FROZEN_PARENT = [
  `CREATE TRIGGER disclosures_frozen BEFORE UPDATE ON disclosures WHEN OLD.status IN ${DONE}
    BEGIN SELECT RAISE(ABORT, 'A disclosure that has been made or withdrawn cannot be changed: add an addendum instead.'); END`,
  `CREATE TRIGGER disclosures_kept BEFORE DELETE ON disclosures WHEN OLD.status IN ${DONE}
    BEGIN SELECT RAISE(ABORT, 'A disclosure that has been made or withdrawn cannot be removed.'); END`,
];

/** The parts of a disclosure change only while it is a draft or approved. */
const FROZEN_PART = (table: string): string[] => [
  `CREATE TRIGGER ${table}_frozen_insert BEFORE INSERT ON ${table}
    WHEN (SELECT status FROM disclosures WHERE id = NEW.disclosure_id) IN ${DONE}
    BEGIN SELECT RAISE(ABORT, 'A disclosure that has been made or withdrawn cannot be changed: add an addendum instead.'); END`,
  `CREATE TRIGGER ${table}_frozen_update BEFORE UPDATE ON ${table}
    WHEN (SELECT status FROM disclosures WHERE id = OLD.disclosure_id) IN ${DONE}
    BEGIN SELECT RAISE(ABORT, 'A disclosure that has been made or withdrawn cannot be changed: add an addendum instead.'); END`,
  `CREATE TRIGGER ${table}_frozen_delete BEFORE DELETE ON ${table}
    WHEN (SELECT status FROM disclosures WHERE id = OLD.disclosure_id) IN ${DONE}
    BEGIN SELECT RAISE(ABORT, 'A disclosure that has been made or withdrawn cannot be changed: add an addendum instead.'); END`,
];

const NO_CHANGE = (table: string, what: string): string[] => [
  `CREATE TRIGGER ${table}_no_update BEFORE UPDATE ON ${table}
    BEGIN SELECT RAISE(ABORT, '${what} cannot be changed once recorded.'); END`,
  `CREATE TRIGGER ${table}_no_delete BEFORE DELETE ON ${table}
    BEGIN SELECT RAISE(ABORT, '${what} cannot be removed once recorded.'); END`,
];

export const disclosureMigration: Migration = {
  version: 9,
  description: 'disclosure: third-party disclosures, recipients, fields with the three tests, the decision record, addenda and briefings',
  statements: [
    `CREATE TABLE disclosures (
      id TEXT PRIMARY KEY NOT NULL,
      subject_id TEXT NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('draft', 'approved', 'made', 'withdrawn')),
      authority TEXT NOT NULL DEFAULT 'cda1998_s115',
      authority_other TEXT,
      discloser_office_ids TEXT NOT NULL DEFAULT '[]',
      disclosers TEXT,
      place TEXT,
      planned_on TEXT,
      method TEXT CHECK (method IN ('in_person', 'telephone', 'video', 'letter')),
      method_details TEXT,
      risk_to_offender TEXT,
      risk_weighed INTEGER NOT NULL DEFAULT 0 CHECK (risk_weighed IN (0, 1)),
      decision_basis TEXT CHECK (decision_basis IN ('meeting', 'emergency', 'single_agency')),
      minutes_id TEXT,
      emergency_reason TEXT,
      single_agency_reason TEXT,
      breakdown_victim_support TEXT,
      breakdown_offender_support TEXT,
      youth_consulted_name TEXT,
      youth_consulted_role TEXT,
      youth_consulted_office_id TEXT REFERENCES offices (id),
      youth_consulted_on TEXT,
      youth_advice TEXT,
      offender_knows TEXT CHECK (offender_knows IN ('knows', 'will_be_told', 'discloses_themself', 'not_told')),
      not_told_reason TEXT,
      decision_day TEXT,
      approved_at TEXT,
      approved_by TEXT,
      made_on TEXT,
      made_by TEXT,
      outcome TEXT,
      made_recorded_at TEXT,
      made_recorded_by TEXT,
      withdrawn_at TEXT,
      withdrawn_by TEXT,
      withdrawn_reason TEXT,
      created_at TEXT NOT NULL,
      created_by TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      updated_by TEXT NOT NULL,
      CHECK (status NOT IN ('approved', 'made') OR approved_at IS NOT NULL),
      CHECK (status <> 'draft' OR approved_at IS NULL),
      CHECK ((status = 'made') = (made_on IS NOT NULL)),
      CHECK ((status = 'withdrawn') = (withdrawn_at IS NOT NULL))
    ) STRICT`,
    `CREATE INDEX disclosures_subject ON disclosures (subject_id, created_at)`,
    `CREATE INDEX disclosures_status ON disclosures (status, created_at)`,
    ...FROZEN_PARENT,
    `CREATE TABLE disclosure_recipients (
      id TEXT PRIMARY KEY NOT NULL,
      disclosure_id TEXT NOT NULL REFERENCES disclosures (id),
      subject_id TEXT NOT NULL,
      position INTEGER NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('victim', 'employer', 'new_partner', 'school_college', 'accommodation_staff', 'professional', 'other')),
      kind_other TEXT,
      full_name TEXT NOT NULL,
      organisation TEXT,
      identified_how TEXT,
      already_knows TEXT,
      understands_confidential INTEGER NOT NULL DEFAULT 0 CHECK (understands_confidential IN (0, 1)),
      how_to_use TEXT,
      if_something_happens TEXT,
      contact_and_support TEXT,
      undertaking TEXT CHECK (undertaking IN ('signed', 'declined')),
      undertaking_note TEXT,
      added_at TEXT NOT NULL,
      added_by TEXT NOT NULL
    ) STRICT`,
    `CREATE INDEX disclosure_recipients_disclosure ON disclosure_recipients (disclosure_id, position)`,
    ...FROZEN_PART('disclosure_recipients'),
    // One field disclosed: one of the subject's details (subject_field) or an item at the
    // version the tests were answered for. approved_text: the exact words, fixed at approval.
    `CREATE TABLE disclosure_lines (
      id TEXT PRIMARY KEY NOT NULL,
      disclosure_id TEXT NOT NULL REFERENCES disclosures (id),
      subject_id TEXT NOT NULL,
      position INTEGER NOT NULL,
      subject_field TEXT,
      item_id TEXT,
      item_version INTEGER,
      necessary TEXT,
      proportionate TEXT,
      relevant TEXT,
      special_justification TEXT,
      wording TEXT,
      owner_agreement TEXT,
      answered_by TEXT,
      answered_at TEXT,
      approved_text TEXT,
      CHECK ((subject_field IS NULL) <> (item_id IS NULL))
    ) STRICT`,
    `CREATE INDEX disclosure_lines_disclosure ON disclosure_lines (disclosure_id, position)`,
    `CREATE INDEX disclosure_lines_item ON disclosure_lines (item_id) WHERE item_id IS NOT NULL`,
    ...FROZEN_PART('disclosure_lines'),
    `CREATE TABLE disclosure_alternatives (
      disclosure_id TEXT NOT NULL REFERENCES disclosures (id),
      subject_id TEXT NOT NULL,
      position INTEGER NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('offender_tells', 'conditions', 'supervision', 'general_advice', 'no_disclosure', 'other')),
      other TEXT,
      why_rejected TEXT NOT NULL,
      PRIMARY KEY (disclosure_id, position)
    ) STRICT`,
    ...FROZEN_PART('disclosure_alternatives'),
    `CREATE TABLE disclosure_triggers (
      disclosure_id TEXT NOT NULL REFERENCES disclosures (id),
      subject_id TEXT NOT NULL,
      position INTEGER NOT NULL,
      if_you_see TEXT NOT NULL,
      you_need_to TEXT NOT NULL,
      PRIMARY KEY (disclosure_id, position)
    ) STRICT`,
    ...FROZEN_PART('disclosure_triggers'),
    // In an emergency: the agencies consulted, with the person and the day.
    `CREATE TABLE disclosure_consulted (
      disclosure_id TEXT NOT NULL REFERENCES disclosures (id),
      subject_id TEXT NOT NULL,
      position INTEGER NOT NULL,
      office_id TEXT NOT NULL REFERENCES offices (id),
      person_name TEXT NOT NULL,
      consulted_on TEXT NOT NULL,
      PRIMARY KEY (disclosure_id, position)
    ) STRICT`,
    ...FROZEN_PART('disclosure_consulted'),
    `CREATE TABLE disclosure_addenda (
      disclosure_id TEXT NOT NULL REFERENCES disclosures (id),
      subject_id TEXT NOT NULL,
      seq INTEGER NOT NULL CHECK (seq > 0),
      text TEXT NOT NULL,
      reason TEXT NOT NULL,
      added_at TEXT NOT NULL,
      added_by TEXT NOT NULL,
      PRIMARY KEY (disclosure_id, seq)
    ) STRICT`,
    ...NO_CHANGE('disclosure_addenda', 'An addendum to a disclosure'),
    `CREATE TABLE disclosure_briefings (
      id TEXT PRIMARY KEY NOT NULL,
      disclosure_id TEXT NOT NULL REFERENCES disclosures (id),
      subject_id TEXT NOT NULL,
      recipient_id TEXT NOT NULL REFERENCES disclosure_recipients (id),
      recipient_name TEXT NOT NULL,
      disclosure_status TEXT NOT NULL CHECK (disclosure_status IN ('approved', 'made')),
      pages INTEGER NOT NULL,
      file_sha256 TEXT NOT NULL CHECK (length(file_sha256) = 64),
      made_at TEXT NOT NULL,
      made_by TEXT NOT NULL
    ) STRICT`,
    `CREATE INDEX disclosure_briefings_disclosure ON disclosure_briefings (disclosure_id, made_at)`,
    ...NO_CHANGE('disclosure_briefings', 'A briefing given to a recipient'),
  ],
};
