import { z } from 'zod';
import { accessReasonSchema } from './accessReasons';
import { id, isoDate, optionalText, REASON_MAX, reasonText, text } from './fields';
import {
  ACTION_STATUS_CODES,
  ATTENDANCE_CODES,
  CHAIR_ROLE_CODES,
  LEVEL_DECISION_CODES,
  MEETING_KIND_CODES,
  MINUTES_STATUS_CODES,
  SUBJECT_ATTENDANCE_CODES,
} from './meetingsVocabulary';
import { office } from './registerSchemas';
import { CLASSIFICATIONS } from './vocabulary';

// The shapes of MAPPA meetings' records as they cross IPC (issue 11): meetings and their
// attendees, the undertaking and its signatures, papers, minutes, copies and actions. The
// channels that use them are src/shared/channels/meetings.ts.

export const LONG_TEXT = 20_000;
export const longText = (label: string) => optionalText(label, LONG_TEXT);

export const meetingKind = z.enum(MEETING_KIND_CODES, { error: 'Choose the kind of meeting: Level 2, Level 3 or an Assessment of Risk Meeting' });
export const chairRole = z.enum(CHAIR_ROLE_CODES, { error: 'Choose the role in which the chair chairs the meeting' });
export const attendance = z.enum(ATTENDANCE_CODES, { error: 'Choose invited, attended or apologies' });
export const subjectAttendance = z.enum(SUBJECT_ATTENDANCE_CODES, { error: 'Choose invited, attended, apologies or left before this subject' });
export const minutesStatus = z.enum(MINUTES_STATUS_CODES);
export const actionStatus = z.enum(ACTION_STATUS_CODES, { error: 'Choose the action’s status from the list' });

/** A moment written as an ISO-8601 instant with its offset (e.g. 2026-12-01T10:00:00Z). */
export const instant = (label: string) =>
  z.iso.datetime({ offset: true, error: `Enter ${label} as a date and time, for example 2026-12-01T10:00:00Z` }).transform((v) => new Date(v).toISOString());

/** A person taking part: their name as they write it, their agency office, their job title, and their user name in this register if they have one. */
export const personInput = z
  .object({
    fullName: text('the person’s full name', 120),
    officeId: z.string().min(1, 'Choose the person’s agency office').max(100),
    jobTitle: text('the person’s job title', 120),
    userName: z.string().trim().min(1, 'Choose the register user, or none').max(200).nullable().default(null),
  })
  .strict();

/** What a meeting is and how it is arranged: what `meetings.create` takes besides its people discussed, and what `meetings.edit` changes. */
const arrangement = z.object({
  kind: meetingKind,
  reviewNumber: z.number({ error: 'Enter 0 for an initial meeting, or the number of the review' }).int('Enter a whole number').min(0, 'Enter 0 for an initial meeting, or the number of the review').max(999, 'A review number is 999 or less'),
  startsAt: instant('when the meeting starts'),
  place: optionalText('the place', 200),
  remote: z.boolean().default(false),
  remoteDetails: optionalText('how to join remotely', 300),
  chairRole,
  requestingOfficeId: id.nullable().default(null),
  chair: personInput,
  coordinator: personInput,
  minuteTaker: personInput,
});

function checkArrangement(m: z.output<typeof arrangement>, ctx: z.RefinementCtx): void {
  if (m.place === null && !m.remote) ctx.addIssue({ code: 'custom', path: ['place'], message: 'Enter where the meeting is held, or say it is held remotely' });
  if (m.kind === 'arm' && m.requestingOfficeId === null) ctx.addIssue({ code: 'custom', path: ['requestingOfficeId'], message: 'Choose the agency that asked for the Assessment of Risk Meeting' });
  if (m.kind !== 'arm' && m.requestingOfficeId !== null) ctx.addIssue({ code: 'custom', path: ['requestingOfficeId'], message: 'Only an Assessment of Risk Meeting has a requesting agency' });
}

export const meetingInput = arrangement
  .extend({ subjectIds: z.array(id).min(1, 'Choose at least one person to discuss').max(30, 'A meeting discusses 30 people or fewer') })
  .strict()
  .superRefine(checkArrangement);
/** The whole arrangement as it should now be; the service works out what changed. */
export const meetingEditInput = arrangement.extend({ id }).strict().superRefine(checkArrangement);
export type MeetingEditInput = z.output<typeof meetingEditInput>;
/** The arrangement's fields, as the audit entry of an edit names those that changed. */
export const ARRANGEMENT_FIELDS = Object.keys(arrangement.shape) as (keyof z.output<typeof arrangement>)[];
export type ArrangementField = (typeof ARRANGEMENT_FIELDS)[number];
export type MeetingInput = z.output<typeof meetingInput>;

export const attendeeInput = personInput
  .extend({
    meetingId: id,
    /** Joined for the whole meeting, or only for some subjects (then they sign before each). */
    subjectIds: z.array(id).max(30).nullable().default(null),
  })
  .strict();
export type AttendeeInput = z.output<typeof attendeeInput>;

export const signatureView = z.object({
  id,
  subjectId: id.nullable(),
  version: z.number(),
  versionSha256: z.string(),
  typedName: z.string(),
  signedAt: z.string(),
  how: z.enum(['in_room', 'own_register']),
  recordedBy: z.string(),
});
export type SignatureView = z.infer<typeof signatureView>;

export const attendeeView = z.object({
  id,
  fullName: z.string(),
  office,
  jobTitle: z.string(),
  part: z.enum(['chair', 'coordinator', 'minute_taker', 'member']),
  /** The register user this attendee is, if they are one: only through this link can a user read the papers and minutes. */
  userName: z.string().nullable(),
  scope: z.enum(['meeting', 'subjects']),
  status: attendance,
  subjects: z.array(z.object({ subjectId: id, status: subjectAttendance })),
  signatures: z.array(signatureView),
  /** Signed for the whole meeting. */
  signedForMeeting: z.boolean(),
});
export type AttendeeView = z.infer<typeof attendeeView>;

export const due = z.object({
  receivedOn: z.string().nullable(),
  dueOn: z.string().nullable(),
  overdue: z.boolean(),
  /** Set when the count reached past the bank holidays the register knows. */
  notice: z.string().nullable(),
});

export const meetingSubjectView = z.object({
  subjectId: id,
  /** Null when the person reading has declared an association with this subject. */
  name: z.string().nullable(),
  kind: z.enum(['nominal', 'pdp']).nullable(),
  category: z.number().nullable(),
  level: z.number().nullable(),
  minutesStatus: minutesStatus.nullable(),
  chairDue: due,
  papers: z.number(),
});

export const meetingSummary = z.object({
  id,
  kind: meetingKind,
  title: z.string(),
  reviewNumber: z.number(),
  startsAt: z.string(),
  place: z.string().nullable(),
  remote: z.boolean(),
  status: z.enum(['scheduled', 'held', 'cancelled']),
  chairName: z.string(),
  subjects: z.number(),
  /** Minutes with the chair past their deadline. */
  overdueMinutes: z.number(),
});
export type MeetingSummary = z.infer<typeof meetingSummary>;

export const meetingView = meetingSummary.extend({
  remoteDetails: z.string().nullable(),
  chairRole,
  chairRoleLabel: z.string(),
  requestingOffice: office.nullable(),
  subjectList: z.array(meetingSubjectView),
  attendees: z.array(attendeeView),
  /** The undertaking version a signature made now would be of. */
  undertakingVersion: z.number(),
  /** Whether the person reading may open the papers and minutes (signed, for the whole meeting). */
  youMayRead: z.boolean(),
});
export type MeetingView = z.infer<typeof meetingView>;

export const undertakingView = z.object({
  version: z.number(),
  title: z.string(),
  body: z.string(),
  sha256: z.string(),
  changeNote: z.string().nullable(),
  createdAt: z.string(),
  createdBy: z.string(),
});
export type UndertakingView = z.infer<typeof undertakingView>;

export const signInput = z
  .object({
    meetingId: id,
    attendeeId: id,
    /** Null: for the whole meeting; else before this subject only. */
    subjectId: id.nullable().default(null),
    /** The version shown to the attendee: a newer one since is refused, so they sign what they read. */
    version: z.number().int().positive(),
    typedName: text('your full name', 120),
    agreed: z.literal(true, { error: 'Tick to confirm that you agree to keep to the statement' }),
  })
  .strict();

export const reportInput = z
  .object({
    involvement: longText('the agency’s involvement'),
    currentSituation: longText('the current situation'),
    riskFactors: longText('the risk factors'),
    protectiveFactors: longText('the protective factors'),
    victims: longText('victims and potential victims'),
    recommendations: longText('the recommendations'),
  })
  .strict();

const paperText = z.object({
  title: text('the title of the report', 200),
  report: reportInput,
  itemIds: z.array(id).max(200).default([]),
  classification: z.enum(CLASSIFICATIONS).default('OFFICIAL-SENSITIVE'),
});
const someReport = (p: { report: Record<string, string | null> }) => Object.values(p.report).some((v) => v !== null);
const NO_REPORT = { path: ['report'], message: 'Write at least one part of the report' };

export const paperInput = paperText
  .extend({ meetingId: id, subjectId: id, attendeeId: id })
  .strict()
  .refine(someReport, NO_REPORT);
export type PaperInput = z.output<typeof paperInput>;
/** A paper's next version: its whole text as it should now read. */
export const paperEditInput = paperText
  .extend({ meetingId: id, paperId: id })
  .strict()
  .refine(someReport, NO_REPORT);
export type PaperEditInput = z.output<typeof paperEditInput>;

export const paperSummary = z.object({
  id,
  subjectId: id,
  title: z.string(),
  author: z.string(),
  /** The attendee who wrote it (their agency owns it). */
  attendeeId: id,
  owner: office,
  createdAt: z.string(),
  version: z.number(),
  updatedAt: z.string(),
  updatedBy: z.string(),
  /** Set once withdrawn: the paper stays listed, with the reason, and its text no longer opens. */
  withdrawn: z.object({ at: z.string(), by: z.string(), reason: z.string() }).nullable(),
});
export const paperView = paperSummary.extend({
  report: z.record(z.string(), z.string().nullable()),
  itemIds: z.array(id),
  classification: z.enum(CLASSIFICATIONS),
  /** Each earlier text, newest first, kept when the paper was changed: what the panel read is never lost. */
  earlier: z.array(z.object({ version: z.number(), title: z.string(), report: z.record(z.string(), z.string().nullable()), writtenAt: z.string(), writtenBy: z.string(), replacedAt: z.string(), replacedBy: z.string() })),
});
export type PaperView = z.infer<typeof paperView>;

export const decision = z
  .object({
    decision: text('the decision', 2000),
    rationale: text('the reasons for the decision', 4000),
  })
  .strict();

export const actionInput = z
  .object({
    /** An action already in these minutes keeps its id (and its status history). */
    id: id.nullable().default(null),
    description: text('what is to be done', 2000),
    rationale: text('why it is to be done', 4000),
    ownerOfficeId: z.string().min(1, 'Choose the agency that owns the action').max(100),
    ownerPerson: text('the person who will do it', 120),
    dueOn: isoDate('the date it is due'),
  })
  .strict();

/** The MAPPA C parts of one subject's minutes, as the minute-taker (or the chair, amending) writes them. */
export const minutesParts = z
  .object({
    statementRead: z.boolean().nullable().default(null),
    informationShared: longText('the information shared'),
    informationItemIds: z.array(id).max(500).default([]),
    riskAssessment: longText('the risk assessment'),
    decisions: z.array(decision).max(100).default([]),
    actions: z.array(actionInput).max(100).default([]),
    dissentingViews: longText('the dissenting views'),
    disclosureKind: z.enum(['none_needed', 'disclosure_record'], { error: 'Choose how disclosure was considered' }).nullable().default(null),
    disclosureReason: optionalText('why no disclosure is needed', REASON_MAX),
    /** The disclosure record the meeting decided on (issue 12), when the consideration is one. */
    disclosureRecordId: id.nullable().default(null),
    rmpSupervision: longText('the supervision plan'),
    rmpMonitoringControl: longText('the monitoring and control plan'),
    rmpInterventionsTreatment: longText('the interventions and treatment plan'),
    rmpVictimSafety: longText('the victim safety plan'),
    contingencies: longText('the contingencies'),
    licenceConditions: longText('the licence conditions'),
    inCustody: z.boolean().nullable().default(null),
    levelDecision: z.enum(LEVEL_DECISION_CODES, { error: 'Choose the level decision from the list' }).nullable().default(null),
    levelDecisionReason: longText('the reasons for the level decision'),
    nextReview: z.union([isoDate('the next review date'), z.null()]).default(null),
  })
  .strict();
export type MinutesParts = z.output<typeof minutesParts>;

export const minutesInput = minutesParts.extend({ meetingId: id, subjectId: id }).strict();
export const amendInput = minutesParts.extend({ meetingId: id, subjectId: id, note: reasonText('Say what you changed and why') }).strict();

export const actionView = z.object({
  id,
  meetingId: id,
  subjectId: id,
  meetingTitle: z.string(),
  meetingDate: z.string(),
  description: z.string(),
  rationale: z.string(),
  owner: office,
  ownerPerson: z.string(),
  dueOn: z.string(),
  status: actionStatus,
  overdue: z.boolean(),
  history: z.array(z.object({ status: actionStatus, note: z.string().nullable(), at: z.string(), by: z.string() })),
});
export type ActionView = z.infer<typeof actionView>;

export const historyEntry = z.object({
  seq: z.number(),
  event: z.enum(['started', 'edited', 'sent', 'amended', 'confirmed']),
  version: z.number(),
  changedParts: z.array(z.string()),
  /** The earlier text of each changed part, as it was before this change. */
  earlier: z.record(z.string(), z.unknown()),
  note: z.string().nullable(),
  at: z.string(),
  by: z.string(),
});

export const minutesView = z.object({
  id,
  meetingId: id,
  subjectId: id,
  subjectName: z.string(),
  status: minutesStatus,
  version: z.number(),
  parts: minutesParts.omit({ actions: true }).extend({ decisions: z.array(z.object({ decision: z.string(), rationale: z.string() })) }),
  actions: z.array(actionView),
  /** The register items the information shared refers to, each with the agency that owns it (never their values). */
  linkedItems: z.array(z.object({ itemId: id, fieldKind: z.string(), fieldLabel: z.string(), owner: office, noOnwardDisclosure: z.boolean() })),
  /** The disclosure record the consideration links to: what it is, never what it discloses. */
  linkedDisclosure: z.object({ id, status: z.string(), statusLabel: z.string(), recipients: z.string(), createdOn: z.string() }).nullable(),
  subjectDateOfBirth: z.string().nullable(),
  attendees: z.array(z.object({ fullName: z.string(), agency: z.string(), jobTitle: z.string(), status: subjectAttendance })),
  chairDue: due,
  approvedAt: z.string().nullable(),
  approvedBy: z.string().nullable(),
  /** What still stops the minutes being made final, one sentence each. */
  missing: z.array(z.string()),
  history: z.array(historyEntry),
});
export type MinutesView = z.infer<typeof minutesView>;

export const where = z.object({ meetingId: id, subjectId: id }).strict();
/** A read of a person's papers or minutes: like opening their record, it takes the reason (when the register asks). */
export const readWhere = where.extend({ reason: accessReasonSchema.nullable().default(null) }).strict();

/** A register item of the person the minutes can refer to: what it is, whose, when, and its first words. */
export const linkableItem = z.object({ itemId: id, fieldKind: z.string(), fieldLabel: z.string(), owner: office, receivedOn: z.string(), firstWords: z.string(), noOnwardDisclosure: z.boolean() });
export type LinkableItem = z.infer<typeof linkableItem>;

export const copyPermissionView = z.object({
  id,
  recipientName: z.string(),
  recipientOffice: office.nullable(),
  recipientRole: z.string().nullable(),
  reason: z.string(),
  chairName: z.string(),
  grantedOn: z.string(),
  grantedHow: z.string(),
  recordedBy: z.string(),
  recordedAt: z.string(),
  /** The copy made with this permission, if it has been used. */
  copyNumber: z.number().nullable(),
  revoked: z.boolean(),
});
export const copyView = z.object({
  copyNumber: z.number(),
  recipientName: z.string(),
  recipientOffice: office.nullable(),
  minutesVersion: z.number(),
  form: z.enum(['pdf', 'exchange']),
  pages: z.number().nullable(),
  fileSha256: z.string(),
  madeAt: z.string(),
  madeBy: z.string(),
});
export const distribution = z.object({ permissions: z.array(copyPermissionView), copies: z.array(copyView) });

