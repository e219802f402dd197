import { z } from 'zod';
import { accessReasonSchema } from './accessReasons';
import { fieldRef, leavingField, testsAnswered } from './channels/sharing';
import {
  ALTERNATIVE_CODES,
  CRITERION_CODES,
  DECISION_BASIS_CODES,
  DISCLOSURE_METHOD_CODES,
  DISCLOSURE_STATUS_CODES,
  MAX_DISCLOSURE_FIELDS,
  MAX_LIST,
  MAX_RECIPIENTS_PER_DISCLOSURE,
  OFFENDER_KNOWS_CODES,
  RECIPIENT_KIND_CODES,
  UNDERTAKING_ANSWER_CODES,
} from './disclosureVocabulary';
import { id, isoDate, optionalText, REASON_MAX, reasonText, text } from './fields';
import { office } from './registerSchemas';
import { LAWFUL_GATEWAY_CODES } from './sharingVocabulary';

// The shapes of a disclosure to a third party as they cross IPC (issue 12): the record, its
// recipients, the fields disclosed with the three tests, the nine criteria of the decision
// record, its states, addenda and briefings. The channels are src/shared/channels/disclosure.ts.

export const disclosureStatus = z.enum(DISCLOSURE_STATUS_CODES);
export const recipientKind = z.enum(RECIPIENT_KIND_CODES, { error: 'Choose who the recipient is from the list' });
export const alternativeKind = z.enum(ALTERNATIVE_CODES, { error: 'Choose the alternative from the list' });
export const decisionBasis = z.enum(DECISION_BASIS_CODES, { error: 'Choose whose decision the disclosure is' });
export const offenderKnows = z.enum(OFFENDER_KNOWS_CODES, { error: 'Say whether the offender knows about the disclosure' });
export const authority = z.enum(LAWFUL_GATEWAY_CODES, { error: 'Choose the authority for the disclosure from the list' });
export const criterion = z.enum(CRITERION_CODES);

const answer = (label: string) => reasonText(`Enter ${label}`);

// ---- inputs -----------------------------------------------------------------

export const startInput = z.object({ subjectId: id, reason: accessReasonSchema.nullable().default(null) }).strict();
export const openInput = z.object({ id, reason: accessReasonSchema.nullable().default(null) }).strict();

/** A recipient, added (recipientId null) or changed. Identification and preparation may be saved before they are complete. */
export const recipientInput = z
  .object({
    id,
    recipientId: id.nullable().default(null),
    kind: recipientKind,
    kindOther: optionalText('who the recipient is', 200),
    fullName: text('the recipient’s full name', 120),
    organisation: optionalText('the recipient’s role or organisation', 200),
    identifiedHow: optionalText('how the recipient’s identity was checked', REASON_MAX),
    alreadyKnows: optionalText('what the recipient already knows', REASON_MAX),
    understandsConfidential: z.boolean().default(false),
    howToUse: optionalText('how the recipient is to use the information', REASON_MAX),
    ifSomethingHappens: optionalText('what the recipient does if something happens', REASON_MAX),
    contactAndSupport: optionalText('whom the recipient contacts and where they get support', REASON_MAX),
  })
  .strict()
  .superRefine((r, ctx) => {
    if (r.kind === 'other' && r.kindOther === null) ctx.addIssue({ code: 'custom', path: ['kindOther'], message: 'Say who the recipient is' });
  });
export type RecipientInput = z.output<typeof recipientInput>;

export const fieldsInput = z.object({ id, fields: z.array(fieldRef).min(1, 'Choose at least one field to disclose').max(MAX_DISCLOSURE_FIELDS, `Disclose ${MAX_DISCLOSURE_FIELDS} fields or fewer`) }).strict();

export const lineAnswerInput = z
  .object({
    id,
    lineId: id,
    necessary: answer('why disclosing this field is necessary to protect someone'),
    proportionate: answer('why this much and no more is disclosed (proportionate)'),
    relevant: answer('how this field is relevant to the risk the recipient must manage'),
    specialJustification: optionalText('the justification', REASON_MAX),
    /** The words the recipient is given, when not the field's own text. */
    wording: optionalText('the words the recipient is given', REASON_MAX),
    /** For another agency's item: who at the owning agency agreed to its disclosure, and when. */
    ownerAgreement: optionalText('who at the owning agency agreed, and when', 300),
  })
  .strict();
export type LineAnswerInput = z.output<typeof lineAnswerInput>;

export const arrangementsInput = z
  .object({
    id,
    /** The agencies making the disclosure: one, or two or more jointly (national guidance ch.10: consider police and probation together). */
    discloserOfficeIds: z.array(id).min(1, 'Choose the agency making the disclosure').max(5, 'Choose 5 agencies or fewer'),
    disclosers: text('the names of the people making the disclosure', 300),
    place: text('where the disclosure is made', 300),
    plannedOn: isoDate('the date of the disclosure'),
    method: z.enum(DISCLOSURE_METHOD_CODES, { error: 'Choose how the disclosure is made' }),
    methodDetails: optionalText('the details of how it is made', REASON_MAX),
    authority,
    authorityOther: optionalText('the authority', 300),
  })
  .strict()
  .superRefine((a, ctx) => {
    if (a.authority === 'other' && a.authorityOther === null) ctx.addIssue({ code: 'custom', path: ['authorityOther'], message: 'Say which authority the disclosure relies on' });
    if (new Set(a.discloserOfficeIds).size !== a.discloserOfficeIds.length) ctx.addIssue({ code: 'custom', path: ['discloserOfficeIds'], message: 'Choose each agency once' });
  });
export type ArrangementsInput = z.output<typeof arrangementsInput>;

export const riskInput = z
  .object({
    id,
    riskToOffender: answer('the potential risk to the offender'),
    weighed: z.literal(true, { error: 'Confirm that the risk to the offender does not outweigh the real risk to others' }),
  })
  .strict();

export const alternativesInput = z
  .object({
    id,
    alternatives: z
      .array(z.object({ kind: alternativeKind, other: optionalText('the alternative', 300), whyRejected: answer('why this alternative was rejected') }).strict())
      .min(1, 'Record at least one alternative to disclosure and why it was rejected')
      .max(MAX_LIST),
  })
  .strict()
  .superRefine((a, ctx) => {
    a.alternatives.forEach((alt, i) => {
      if (alt.kind === 'other' && alt.other === null) ctx.addIssue({ code: 'custom', path: ['alternatives', i, 'other'], message: 'Say which alternative was considered' });
    });
  });

export const decisionInput = z.discriminatedUnion(
  'basis',
  [
    z.object({ id, basis: z.literal('meeting'), minutesId: id }).strict(),
    z
      .object({
        id,
        basis: z.literal('emergency'),
        emergencyReason: answer('why the decision could not wait for a meeting'),
        consulted: z
          .array(z.object({ officeId: id, personName: text('the name of the person consulted', 120), consultedOn: isoDate('the date they were consulted') }).strict())
          .min(1, 'Record the agencies consulted')
          .max(MAX_LIST),
      })
      .strict(),
    z.object({ id, basis: z.literal('single_agency'), singleAgencyReason: answer('why the decision is made by one agency alone') }).strict(),
  ],
  { error: 'Choose whose decision the disclosure is' },
);
export type DecisionInput = z.output<typeof decisionInput>;

export const triggersInput = z
  .object({
    id,
    triggers: z
      .array(z.object({ ifYouSee: answer('what the recipient may see (if you see …)'), youNeedTo: answer('what the recipient needs to do (you need to …)') }).strict())
      .min(1, 'Record at least one trigger: if you see this, you need to do that')
      .max(MAX_LIST),
  })
  .strict();

export const breakdownInput = z
  .object({ id, victimSupport: answer('the support for victims if the process breaks down'), offenderSupport: answer('the support for the offender if the process breaks down') })
  .strict();

export const youthInput = z
  .object({
    id,
    consultedName: text('the name of the person consulted', 120),
    consultedRole: text('their role', 200),
    consultedOfficeId: id,
    consultedOn: isoDate('the date they were consulted'),
    advice: answer('the advice they gave'),
  })
  .strict();

export const offenderKnowsInput = z
  .object({ id, offenderKnows, notToldReason: optionalText('the reason', REASON_MAX) })
  .strict()
  .superRefine((o, ctx) => {
    if (o.offenderKnows === 'not_told' && o.notToldReason === null) ctx.addIssue({ code: 'custom', path: ['notToldReason'], message: 'Say why the offender is not told' });
  });

export const madeInput = z
  .object({
    id,
    madeOn: isoDate('the date the disclosure was made'),
    madeBy: text('who made the disclosure', 300),
    outcome: answer('how the disclosure went (the outcome)'),
    undertakings: z
      .array(z.object({ recipientId: id, answer: z.enum(UNDERTAKING_ANSWER_CODES, { error: 'Say whether the recipient signed the undertaking' }), note: optionalText('the note', REASON_MAX) }).strict())
      .min(1, 'Say for each recipient whether they signed the undertaking')
      .max(MAX_RECIPIENTS_PER_DISCLOSURE),
  })
  .strict();
export type MadeInput = z.output<typeof madeInput>;

// ---- what the screens read --------------------------------------------------

export const disclosureRecipient = z.object({
  id,
  kind: recipientKind,
  kindLabel: z.string(),
  kindOther: z.string().nullable(),
  fullName: z.string(),
  organisation: z.string().nullable(),
  identifiedHow: z.string().nullable(),
  alreadyKnows: z.string().nullable(),
  understandsConfidential: z.boolean(),
  howToUse: z.string().nullable(),
  ifSomethingHappens: z.string().nullable(),
  contactAndSupport: z.string().nullable(),
  undertaking: z.enum(UNDERTAKING_ANSWER_CODES).nullable(),
  undertakingNote: z.string().nullable(),
});
export type DisclosureRecipient = z.infer<typeof disclosureRecipient>;

/** A field that can be disclosed: one of the person's details or one item. */
export const disclosableField = leavingField;
export type DisclosableField = z.infer<typeof disclosableField>;

export const disclosureLine = disclosableField.extend({
  lineId: id,
  /** Another agency's item, or one not to be shared on: its owner's agreement must be recorded. */
  needsOwnerAgreement: z.boolean(),
  answers: testsAnswered.extend({ wording: z.string().nullable(), ownerAgreement: z.string().nullable() }),
  /** Once approved: the exact words the briefing gives (the wording, or the field's text when approved). */
  approvedText: z.string().nullable(),
  problems: z.array(z.string()),
});
export type DisclosureLine = z.infer<typeof disclosureLine>;

export const criterionState = z.object({ criterion, number: z.number(), title: z.string(), answered: z.boolean(), problems: z.array(z.string()) });
export type CriterionState = z.infer<typeof criterionState>;

export const linkedMinutes = z.object({
  minutesId: id,
  meetingId: id,
  meetingKind: z.enum(['level2', 'level3', 'arm']),
  meetingCancelled: z.boolean(),
  startsAt: z.string(),
  minutesStatus: z.string(),
  /** The meeting discussed this disclosure's subject. */
  sameSubject: z.boolean(),
});
export type LinkedMinutes = z.infer<typeof linkedMinutes>;

export const disclosureSummary = z.object({
  id,
  subjectId: id,
  subjectName: z.string(),
  status: disclosureStatus,
  recipients: z.array(z.object({ kind: recipientKind, fullName: z.string() })),
  /** A single-agency decision: shown as such everywhere (leaflet: strongly discouraged). */
  singleAgency: z.boolean(),
  plannedOn: z.string().nullable(),
  createdAt: z.string(),
  createdBy: z.string(),
  approvedAt: z.string().nullable(),
  approvedBy: z.string().nullable(),
  madeOn: z.string().nullable(),
  withdrawnAt: z.string().nullable(),
  addenda: z.number(),
});
export type DisclosureSummary = z.infer<typeof disclosureSummary>;

export const disclosureView = disclosureSummary.extend({
  subjectDateOfBirth: z.string().nullable(),
  /** The day the decision is taken for: today while a draft, the day of approval once approved. */
  decisionDay: z.string(),
  /** Under 18 on the decision day; null when the date of birth is not recorded. */
  under18: z.boolean().nullable(),
  updatedAt: z.string(),
  updatedBy: z.string(),
  authority,
  authorityOther: z.string().nullable(),
  authorityLabel: z.string(),
  arrangements: z.object({
    disclosingOffices: z.array(office),
    joint: z.boolean(),
    disclosers: z.string().nullable(),
    place: z.string().nullable(),
    plannedOn: z.string().nullable(),
    method: z.enum(DISCLOSURE_METHOD_CODES).nullable(),
    methodDetails: z.string().nullable(),
  }),
  recipientList: z.array(disclosureRecipient),
  lines: z.array(disclosureLine),
  available: z.array(disclosableField),
  riskToOffender: z.object({ text: z.string().nullable(), weighed: z.boolean() }),
  alternatives: z.array(z.object({ kind: alternativeKind, label: z.string(), other: z.string().nullable(), whyRejected: z.string() })),
  decision: z.object({
    basis: decisionBasis.nullable(),
    minutes: linkedMinutes.nullable(),
    emergencyReason: z.string().nullable(),
    consulted: z.array(z.object({ office, personName: z.string(), consultedOn: z.string() })),
    singleAgencyReason: z.string().nullable(),
  }),
  /** The minutes of Level 2 and Level 3 meetings about this person that criterion 5 can link, newest first. */
  minutesChoices: z.array(linkedMinutes),
  triggers: z.array(z.object({ ifYouSee: z.string(), youNeedTo: z.string() })),
  breakdown: z.object({ victimSupport: z.string().nullable(), offenderSupport: z.string().nullable() }),
  youth: z.object({
    consultedName: z.string().nullable(),
    consultedRole: z.string().nullable(),
    consultedOffice: office.nullable(),
    consultedOn: z.string().nullable(),
    advice: z.string().nullable(),
  }),
  offenderKnows: z.object({ answer: offenderKnows.nullable(), notToldReason: z.string().nullable() }),
  /** The nine criteria as a task list, each with what is still to answer (the same sentences the service refuses approval with). */
  criteria: z.array(criterionState),
  /** What else stops approval: the recipients, the fields and the arrangements. */
  problems: z.array(z.string()),
  ready: z.boolean(),
  made: z.object({ madeOn: z.string().nullable(), madeBy: z.string().nullable(), outcome: z.string().nullable(), recordedAt: z.string().nullable(), recordedBy: z.string().nullable() }),
  withdrawnBy: z.string().nullable(),
  withdrawnReason: z.string().nullable(),
  addendumList: z.array(z.object({ seq: z.number(), text: z.string(), reason: z.string(), addedAt: z.string(), addedBy: z.string() })),
  briefings: z.array(z.object({ recipientId: id, recipientName: z.string(), pages: z.number(), fileSha256: z.string(), madeAt: z.string(), madeBy: z.string() })),
});
export type DisclosureView = z.infer<typeof disclosureView>;
