// Where a subject's personal data lives, table by table: how each row belongs to a subject
// (or an item, or by name), which columns hold the data, and what disposing of a subject
// does with the rows; and the tables that hold none, each with why. personalData.ts walks
// this map for disposal; subject access requests walk it to list what is held. A test fails
// when a table is in neither list (tests/unit/db/personalDataMap.test.ts).

export interface PersonalDataTable {
  readonly table: string;
  /** The column holding the id of the subject a row is about. */
  readonly subjectColumn?: string;
  /** The column holding the id of the item a row is about (items.subject_id names its subject). */
  readonly itemColumn?: string;
  /** The column holding a JSON array of the ids of the items a row is about. */
  readonly itemListColumn?: string;
  /**
   * When one item of the list is disposed of: remove the row (the default), or take the
   * item's id out of the list and keep the row, whose own text is not the item's (minutes
   * and papers that refer to an item).
   */
  readonly itemListDisposal?: 'remove' | 'unlink';
  /** Not linked by id: rows name people, found by matching these columns with a subject's names. */
  readonly nameColumns?: readonly string[];
  /** The columns that hold, or may hold in free text, the subject's personal data. */
  readonly personalColumns: readonly string[];
  /** What disposing of a subject's (or an item's) data does with the rows: remove, or keep and why. */
  readonly disposal: 'remove' | { keep: string };
}

/**
 * Listed children first: the order in which disposal removes rows (an item's versions
 * before the item, a subject's items and aliases before the subject).
 */
export const PERSONAL_DATA: readonly PersonalDataTable[] = [
  {
    table: 'action_history',
    subjectColumn: 'subject_id',
    personalColumns: ['note'],
    disposal: 'remove',
  },
  {
    table: 'meeting_actions',
    subjectColumn: 'subject_id',
    personalColumns: ['description', 'rationale', 'owner_person'],
    disposal: 'remove',
  },
  {
    table: 'minutes_history',
    subjectColumn: 'subject_id',
    personalColumns: ['earlier', 'note'],
    disposal: 'remove',
  },
  {
    table: 'minutes',
    subjectColumn: 'subject_id',
    itemListColumn: 'information_item_ids',
    itemListDisposal: 'unlink',
    personalColumns: [
      'information_shared',
      'risk_assessment',
      'decisions',
      'dissenting_views',
      'disclosure_reason',
      'rmp_supervision',
      'rmp_monitoring_control',
      'rmp_interventions_treatment',
      'rmp_victim_safety',
      'contingencies',
      'licence_conditions',
      'in_custody',
      'level_decision',
      'level_decision_reason',
      'next_review',
    ],
    disposal: 'remove',
  },
  {
    table: 'meeting_paper_versions',
    subjectColumn: 'subject_id',
    itemListColumn: 'item_ids',
    itemListDisposal: 'unlink',
    personalColumns: ['title', 'report'],
    disposal: 'remove',
  },
  {
    table: 'meeting_papers',
    subjectColumn: 'subject_id',
    itemListColumn: 'item_ids',
    itemListDisposal: 'unlink',
    personalColumns: ['title', 'report', 'withdrawn_reason'],
    disposal: 'remove',
  },
  {
    table: 'item_origins',
    itemColumn: 'item_id',
    personalColumns: ['withdrawn_reason'],
    disposal: 'remove',
  },
  {
    table: 'item_versions',
    itemColumn: 'item_id',
    personalColumns: ['value', 'not_to_subject_reason', 'change_reason'],
    disposal: 'remove',
  },
  {
    table: 'items',
    subjectColumn: 'subject_id',
    itemColumn: 'id',
    personalColumns: ['value', 'not_to_subject_reason', 'change_reason', 'deleted_reason'],
    disposal: 'remove',
  },
  { table: 'subject_aliases', subjectColumn: 'subject_id', personalColumns: ['alias'], disposal: 'remove' },
  {
    table: 'subjects',
    subjectColumn: 'id',
    personalColumns: [
      'given_name',
      'family_name',
      'date_of_birth',
      'ethnicity',
      'pnc',
      'ndelius',
      'visor',
      'address',
      'no_fixed_abode',
      'area_of_closest_links',
      'index_offence',
      'sentence',
      'category',
      'level',
      'risk',
      'exceptional_reason',
      'next_review',
      'deleted_reason',
    ],
    disposal: 'remove',
  },
  {
    table: 'retention_decisions',
    subjectColumn: 'subject_id',
    itemColumn: 'item_id',
    personalColumns: ['reason'],
    disposal: { keep: 'The record that an item was retained or disposed of, by whom and why; it holds no item content.' },
  },
  {
    table: 'audit_log',
    subjectColumn: 'subject_id',
    itemListColumn: 'item_ids',
    personalColumns: ['reason'],
    disposal: { keep: 'The audit trail is append-only and hash-chained (migration 3); details hold identifiers, never content.' },
  },
  {
    table: 'association_alerts',
    subjectColumn: 'subject_id',
    personalColumns: ['outcome'],
    disposal: { keep: 'An integrity record (APP counter-corruption): closed with its outcome, never removed.' },
  },
  {
    table: 'association_exceptions',
    subjectColumn: 'subject_id',
    personalColumns: ['reason'],
    disposal: { keep: 'An integrity record: append-only, like the audit trail.' },
  },
  {
    table: 'shares',
    subjectColumn: 'subject_id',
    itemListColumn: 'decline_item_ids',
    personalColumns: ['purpose_other', 'gateway_other', 'requested_by', 'decline_reason', 'withdrawn_reason'],
    disposal: { keep: 'The record of what was shared or declined, with whom, under which gateway and why: the agency must be able to account for every share (ICO data sharing code). It holds no item content.' },
  },
  {
    table: 'share_lines',
    itemColumn: 'item_id',
    personalColumns: ['necessary', 'proportionate', 'relevant', 'outside_purpose_reason', 'special_justification'],
    disposal: { keep: 'The three tests answered for each field shared: part of the record of the share. It holds no item content.' },
  },
  {
    table: 'owner_permissions',
    subjectColumn: 'subject_id',
    itemColumn: 'item_id',
    personalColumns: ['request_note', 'answer_note'],
    disposal: { keep: 'The owner’s permission to share an item on, asked for and answered: part of the record of the share.' },
  },
  {
    table: 'exchanges_received',
    subjectColumn: 'subject_id',
    personalColumns: [],
    disposal: { keep: 'The receipt of an exchange file (who sent it, when, what it added): it stops a file being imported twice and holds no content.' },
  },
  {
    table: 'meeting_subjects',
    subjectColumn: 'subject_id',
    personalColumns: ['category', 'level'],
    disposal: { keep: 'That a meeting discussed the person, at which category and level: the record of the meeting, who attended it and what was copied refers to it.' },
  },
  {
    table: 'attendee_subjects',
    subjectColumn: 'subject_id',
    personalColumns: [],
    disposal: { keep: 'Who attended, sent apologies or left before the person was discussed: the attendance record. It holds no case content.' },
  },
  {
    table: 'undertaking_signatures',
    subjectColumn: 'subject_id',
    personalColumns: [],
    disposal: { keep: 'A signed confidentiality undertaking (MAPPA D): who signed which version, when and how. It holds no case content.' },
  },
  {
    table: 'copy_permissions',
    subjectColumn: 'subject_id',
    personalColumns: ['reason', 'revoked_reason'],
    disposal: { keep: 'The Chair’s permission for a copy of the minutes: the agency must account for every copy. It holds no minutes content.' },
  },
  {
    table: 'minutes_copies',
    subjectColumn: 'subject_id',
    personalColumns: [],
    disposal: { keep: 'The distribution log of numbered copies of the minutes: who received which copy, when, and its hash. It holds no minutes content.' },
  },
  {
    table: 'received_meeting_packs',
    nameColumns: ['names'],
    personalColumns: ['names', 'manifest', 'payload', 'recipient_name', 'typed_name', 'acknowledgement'],
    disposal: { keep: 'Papers or minutes another office’s MAPPA meeting sent to this office’s attendee: that meeting’s record, held under the attendee agency’s own policy, not a subject of this register.' },
  },
  {
    table: 'disclosures',
    subjectColumn: 'subject_id',
    personalColumns: [
      'authority_other',
      'disclosers',
      'place',
      'method_details',
      'risk_to_offender',
      'emergency_reason',
      'single_agency_reason',
      'breakdown_victim_support',
      'breakdown_offender_support',
      'youth_consulted_name',
      'youth_advice',
      'not_told_reason',
      'made_by',
      'outcome',
      'withdrawn_reason',
    ],
    disposal: { keep: "A disclosure to a third party (issue 12): what a person outside MAPPA was told about the subject, why, and on whose decision. Made or withdrawn, it is immutable (migration 9); the agency must account for every disclosure, so disposing of the subject's other data keeps it. Its own retention is still to be decided." },
  },
  {
    table: 'disclosure_recipients',
    subjectColumn: 'subject_id',
    personalColumns: ['kind_other', 'full_name', 'organisation', 'identified_how', 'already_knows', 'how_to_use', 'if_something_happens', 'contact_and_support', 'undertaking_note'],
    disposal: { keep: 'Who received a disclosure and how they were prepared: part of the disclosure record.' },
  },
  {
    table: 'disclosure_lines',
    subjectColumn: 'subject_id',
    itemColumn: 'item_id',
    personalColumns: ['necessary', 'proportionate', 'relevant', 'special_justification', 'wording', 'owner_agreement', 'approved_text'],
    disposal: { keep: 'Exactly what a third party was told, with the three tests: part of the disclosure record (it holds the words disclosed, so disposing of the item keeps them).' },
  },
  { table: 'disclosure_alternatives', subjectColumn: 'subject_id', personalColumns: ['other', 'why_rejected'], disposal: { keep: 'The alternatives to a disclosure and why each was rejected: part of the disclosure record.' } },
  { table: 'disclosure_triggers', subjectColumn: 'subject_id', personalColumns: ['if_you_see', 'you_need_to'], disposal: { keep: 'The key triggers a recipient was given: part of the disclosure record.' } },
  { table: 'disclosure_consulted', subjectColumn: 'subject_id', personalColumns: ['person_name'], disposal: { keep: 'The agencies consulted in an emergency: part of the disclosure record.' } },
  { table: 'disclosure_addenda', subjectColumn: 'subject_id', personalColumns: ['text', 'reason'], disposal: { keep: 'A correction to a disclosure once made: part of the disclosure record, never changed.' } },
  {
    table: 'disclosure_briefings',
    subjectColumn: 'subject_id',
    personalColumns: ['recipient_name'],
    disposal: { keep: 'The log of briefings given to recipients: who, when, and the hash of the file. It holds no briefing content.' },
  },
  {
    table: 'sar_requests',
    nameColumns: ['names', 'requester_name', 'date_of_birth'],
    personalColumns: ['requester_name', 'representative_name', 'authority', 'contact', 'names', 'date_of_birth', 'identifiers', 'asked_for', 'identity_how', 'fee_reason', 'extension_reason', 'closed_note', 'response_details'],
    disposal: { keep: 'A subject access request and how it was answered: the office must be able to show the Information Commissioner how it handled the request. It holds no item content.' },
  },
  {
    table: 'sar_subjects',
    subjectColumn: 'subject_id',
    personalColumns: ['how'],
    disposal: { keep: 'Which subjects the information governance lead confirmed were the requester: part of the request’s record.' },
  },
  {
    table: 'sar_decisions',
    subjectColumn: 'subject_id',
    itemColumn: 'item_id',
    personalColumns: ['reason', 'health_opinion', 'redactions'],
    disposal: { keep: 'How each item was decided for a subject access request (release, redact or withhold, the exemption and the reason): part of the request’s record. Redactions are offsets, never the words.' },
  },
  {
    table: 'sar_referrals',
    itemListColumn: 'item_ids',
    itemListDisposal: 'unlink',
    personalColumns: ['answer'],
    disposal: { keep: 'Another agency’s items referred to their owner for a subject access request: the internal schedule. It holds no item content.' },
  },
  {
    table: 'sar_referrals_received',
    nameColumns: ['names', 'requester_name', 'date_of_birth'],
    personalColumns: ['requester_name', 'names', 'date_of_birth', 'manifest'],
    disposal: { keep: 'Another office’s referral of a subject access request to this office, as it arrived: part of the request’s record (the office must show how it answered).' },
  },
  {
    table: 'declared_associations',
    nameColumns: ['names', 'date_of_birth'],
    personalColumns: ['names', 'date_of_birth', 'relationship'],
    disposal: { keep: "A user's own declaration of people they know; it may name a subject but is the user's record, not the subject's." },
  },
];

/** Tables that hold no subject's personal data, and why. */
export const HOLDS_NO_SUBJECT_DATA: Readonly<Record<string, string>> = {
  meta: 'Register-wide keys and values.',
  settings: 'Register settings (review intervals, reasons on or off).',
  offices: 'Agency offices.',
  users: "Staff profiles (staff names are personal data, but not a subject's).",
  retention_rules: 'Retention periods per agency.',
  office_keys: 'This office’s keys for sharing.',
  sar_pauses: 'When a subject access request’s clock stopped for clarification and what was asked: part of the request’s record (sar_requests), which names the requester.',
  sar_outputs: 'The files made for a subject access request: their kind, hash, pages and when; no content.',
  meeting_packs_sent: 'Which meeting pack (invitation and papers, or a numbered copy of the minutes) went to which office, and its acknowledgement: ids, names of attendees and hashes, no case content.',
  partner_keys: 'Partner offices’ public keys and who confirmed them.',
  undertaking_versions: 'The text of the confidentiality undertaking (MAPPA D), in versions.',
  meetings: 'When and where a MAPPA meeting is held, its kind and its chair’s role; the subjects it discusses are in meeting_subjects.',
  meeting_attendees: "The people at a meeting: staff of the agencies (names are personal data, but not a subject's).",
};
