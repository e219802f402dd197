import { z } from 'zod';
import { id, isoDate, optionalText, reasonText, text } from './fields';
import { office, subjectSummary } from './registerSchemas';
import { REGIME_CODES } from './sharingVocabulary';
import { CLASSIFICATIONS, FIELD_KIND_CODES } from './vocabulary';

// The shapes of a subject access request (issue 13): the intake, the deadline as the engine
// counts it (src/shared/sarDeadline.ts), the people confirmed, what the register holds about
// them grouped by owning agency, the decisions on this office's items, and the referrals of
// other agencies' items to their owners.

const optionalDay = (label: string) =>
  z
    .union([isoDate(label), z.literal(''), z.null()])
    .optional()
    .transform((v) => (v === undefined || v === '' ? null : v));

export const sarIntake = z
  .object({
    requesterName: text('the requester’s full name', 120),
    /** Made by a representative (a solicitor, a parent, an advocate) with the person's authority. */
    representativeName: optionalText('the representative’s name', 120),
    authority: optionalText('the authority the representative holds', 500),
    contact: text('where to send the response (address or secure email)', 500),
    names: z.array(z.string().trim().min(1, 'Enter a name').max(120, 'A name must be 120 characters or fewer')).max(10, 'Enter 10 names or fewer').default([]),
    dateOfBirth: optionalDay('the date of birth'),
    identifiers: optionalText('the references they gave', 300),
    askedFor: text('what the requester asked for', 5_000),
    receivedOn: isoDate('the day the request was received'),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.representativeName !== null && v.authority === null) ctx.addIssue({ code: 'custom', path: ['authority'], message: 'Say what authority the representative holds (for example, a signed form of authority)' });
    if (v.representativeName === null && v.authority !== null) ctx.addIssue({ code: 'custom', path: ['representativeName'], message: 'Enter the representative’s name, or leave the authority empty' });
  });
export type SarIntake = z.output<typeof sarIntake>;

const band = z.enum(['red', 'amber', 'green']);

export const deadlineView = z.object({
  state: z.enum(['not_started', 'stopped', 'running']),
  start: z.string().nullable(),
  firstDueOn: z.string().nullable(),
  dueOn: z.string().nullable(),
  extended: z.boolean(),
  daysStopped: z.number(),
  daysLeft: z.number().nullable(),
  band,
  label: z.string(),
  /** How the days were counted, sentence by sentence: shown on screen as it is. */
  explanation: z.array(z.string()),
  notice: z.string().nullable(),
});
export type DeadlineView = z.infer<typeof deadlineView>;

export const sarSummary = z.object({
  id,
  reference: z.string(),
  requesterName: z.string(),
  receivedOn: z.string(),
  regime: z.enum(REGIME_CODES),
  status: z.enum(['open', 'closed']),
  deadline: deadlineView,
  subjects: z.number(),
  decided: z.number(),
  toDecide: z.number(),
  /** Other agencies' items about the requester not yet referred to their owner. */
  toRefer: z.number(),
});
export type SarSummary = z.infer<typeof sarSummary>;

/** A subject who may be the requester: as the subjects list shows them, with the references the IG lead checks. */
export const sarCandidate = subjectSummary.extend({ pnc: z.string().nullable(), ndelius: z.string().nullable(), visor: z.string().nullable() });
export type SarCandidate = z.infer<typeof sarCandidate>;

export const pauseView = z.object({ seq: z.number(), askedOn: z.string(), what: z.string(), answeredOn: z.string().nullable() });

export const referralView = z.object({
  id,
  owner: office,
  itemIds: z.array(id),
  referredOn: z.string(),
  toWhom: z.string(),
  how: z.string(),
  answer: z.string().nullable(),
  answeredOn: z.string().nullable(),
  /** When it went as an exchange file to the owner's register, if it did. */
  exchangeSentAt: z.string().nullable(),
});
export type ReferralView = z.infer<typeof referralView>;

const line = (label: string) => text(label, 120);

/** What the response letter says besides the released items (UK GDPR Art. 15(1); DPA 2018 s45(2)), as the IG lead writes it. */
export const responseDetails = z
  .object({
    officeAddress: z.array(line('a line of the office’s address')).min(1, 'Enter the office’s address').max(6, 'Use 6 lines or fewer'),
    signatory: z.object({ name: text('the name of the person signing', 120), role: text('their role', 120), contact: text('how to reach them', 300) }).strict(),
    addresseeAddress: z.array(line('a line of the address')).min(1, 'Enter the address the response goes to').max(6, 'Use 6 lines or fewer'),
    purposes: text('the purposes the information is held for', 2000),
    legalBasis: text('the legal basis', 2000),
    categories: z.array(text('a category of information', 300)).min(1, 'Enter at least one category of information').max(20),
    recipients: z.array(text('a recipient', 300)).max(20).default([]),
    retention: text('how long the information is kept', 1000),
    source: text('where the information came from', 1000),
    automatedDecisions: text('whether decisions are made by automated means', 1000).default('No decisions about you are made by automated means.'),
    /** Whether the requester is told of what is withheld or redacted (false: telling would undermine it, s45(5)–(7)). */
    tellWithholding: z.boolean().default(true),
    withholdingReasons: optionalText('the reasons for what is withheld or redacted', 2000),
  })
  .strict();
export type ResponseDetails = z.output<typeof responseDetails>;

export const outputView = z.object({ kind: z.enum(['response', 'redaction_log_pdf', 'redaction_log_csv', 'internal_schedule']), fileSha256: z.string(), pages: z.number().nullable(), itemsReleased: z.number(), madeAt: z.string(), madeBy: z.string() });

export const sarView = sarSummary.extend({
  office,
  representativeName: z.string().nullable(),
  authority: z.string().nullable(),
  contact: z.string(),
  names: z.array(z.string()),
  dateOfBirth: z.string().nullable(),
  identifiers: z.string().nullable(),
  askedFor: z.string(),
  identityVerifiedOn: z.string().nullable(),
  identityHow: z.string().nullable(),
  feeRequired: z.boolean(),
  feeReason: z.string().nullable(),
  feeReceivedOn: z.string().nullable(),
  extension: z.object({ toldOn: z.string(), reason: z.string() }).nullable(),
  pauses: z.array(pauseView),
  confirmed: z.array(z.object({ subject: subjectSummary.nullable(), subjectId: id, how: z.string(), confirmedBy: z.string(), confirmedAt: z.string() })),
  referrals: z.array(referralView),
  closedOn: z.string().nullable(),
  closedNote: z.string().nullable(),
  responseDetails: responseDetails.nullable(),
  /** What still stops the response being made, one sentence each. */
  responseProblems: z.array(z.string()),
  outputs: z.array(outputView),
});
export type SarView = z.infer<typeof sarView>;

export const redactionSpan = z
  .object({
    start: z.number().int().min(0),
    end: z.number().int().min(1),
    code: z.string().min(1, 'Choose the exemption for this redaction').max(60),
    reason: reasonText('Say why this part is redacted'),
  })
  .strict();

export const decisionView = z.object({
  decision: z.enum(['release', 'redact', 'withhold']),
  code: z.string().nullable(),
  reason: z.string().nullable(),
  healthOpinion: z.string().nullable(),
  redactions: z.array(z.object({ start: z.number(), end: z.number(), code: z.string(), reason: z.string() })),
  decidedBy: z.string(),
  decidedAt: z.string(),
  /** The item changed after the decision: decide again. */
  stale: z.boolean(),
});
export type DecisionView = z.infer<typeof decisionView>;

export const holdingItem = z.object({
  id,
  /** An item of the register, or the minutes of a MAPPA meeting about the person (handled as an extract of what is about them). */
  source: z.enum(['item', 'minutes']),
  subjectId: id,
  fieldKind: z.enum(FIELD_KIND_CODES),
  fieldLabel: z.string(),
  value: z.string(),
  classification: z.enum(CLASSIFICATIONS),
  receivedOn: z.string(),
  version: z.number(),
  notToSubject: z.boolean(),
  notToSubjectReason: z.string().nullable(),
  decision: decisionView.nullable(),
  /** What the register proposes before the IG lead decides: an item marked "not to be disclosed to the subject" is proposed as withheld with its recorded reason. */
  proposal: z.object({ decision: z.enum(['release', 'withhold']), reason: z.string().nullable() }),
  /** Other people's names found in the text, proposed for redaction (offsets into the text). */
  proposedRedactions: z.array(z.object({ start: z.number(), end: z.number(), name: z.string() })),
  referralId: id.nullable(),
});
export type HoldingItem = z.infer<typeof holdingItem>;

export const holdingsView = z.object({
  requestId: id,
  regime: z.enum(REGIME_CODES),
  /** Items grouped by owning agency: this office's are decided here, others' are referred to their owner. */
  groups: z.array(z.object({ owner: office, ours: z.boolean(), items: z.array(holdingItem) })),
  /** Other records that hold the requester's personal data (from the map of where personal data lives), by table, with counts. */
  otherRecords: z.array(z.object({ table: z.string(), label: z.string(), rows: z.number() })),
});
export type HoldingsView = z.infer<typeof holdingsView>;

export const decisionInput = z
  .object({
    id,
    itemId: id,
    decision: z.enum(['release', 'redact', 'withhold'], { error: 'Choose release, release with redactions, or withhold' }),
    code: z.string().max(60).nullable().default(null),
    reason: optionalText('the reason', 1000),
    healthOpinion: optionalText('the health professional’s opinion', 2000),
    redactions: z.array(redactionSpan).max(200).default([]),
  })
  .strict();
export type DecisionInput = z.output<typeof decisionInput>;

/** A referral received from another office, on the owner's register. */
export const receivedReferralView = z.object({
  exchangeId: id,
  from: office,
  theirReference: z.string(),
  theirReceivedOn: z.string(),
  theirDueOn: z.string().nullable(),
  requester: z.object({
    name: z.string(),
    representativeName: z.string().nullable(),
    authority: z.string().nullable(),
    contact: z.string(),
    names: z.array(z.string()),
    dateOfBirth: z.string().nullable(),
    identifiers: z.string().nullable(),
  }),
  askedFor: z.string(),
  toWhom: z.string(),
  /** The items referred, matched to this register's own items by their origin where it holds them. */
  items: z.array(z.object({ kind: z.string(), receivedOn: z.string(), localItemId: id.nullable(), localSubjectId: id.nullable() })),
  importedAt: z.string(),
  importedBy: z.string(),
  /** The request this office started from it. */
  requestId: id.nullable(),
  requestReference: z.string().nullable(),
});
export type ReceivedReferralView = z.infer<typeof receivedReferralView>;

export { optionalDay };
