import { z } from 'zod';
import { id, isoDate, optionalDate, optionalText, REASON_MAX, text } from './fields';
import { ROLE_CODES } from './permissions';
import { AGENCY_KIND_CODES, CLASSIFICATIONS, FIELD_KIND_CODES, RISK_CODES, RMP_HEADING_CODES } from './vocabulary';

// The shapes of the register's records as they cross IPC. Shape only (types, lengths,
// vocabularies, with sentences a person can act on); the rules that need the database
// (duplicates, Level 1 for Category 3, review dates) live in src/main/register.

export { id };

export const agencyKind = z.enum(AGENCY_KIND_CODES, { error: 'Choose the kind of agency from the list' });
export const role = z.enum(ROLE_CODES, { error: 'Choose a role from the list' });

export const officeInput = z
  .object({ name: text('the office name', 120), agency: agencyKind, area: text('the area', 120) })
  .strict();
export const office = z.object({ id, name: z.string(), agency: agencyKind, area: z.string(), isHome: z.boolean() });
export type OfficeView = z.infer<typeof office>;

export const subjectInput = z
  .object({
    kind: z.enum(['nominal', 'pdp'], { error: 'Say whether this is a MAPPA nominal or a Potentially Dangerous Person' }),
    givenName: text('the given name', 100),
    familyName: text('the family name', 100),
    aliases: z.array(z.string().trim().min(1).max(100, 'An alias must be 100 characters or fewer')).max(30, 'A subject can have at most 30 aliases').default([]),
    dateOfBirth: optionalDate('date of birth'),
    ethnicity: optionalText('ethnicity', 100),
    pnc: optionalText('PNC number', 20),
    ndelius: optionalText('nDelius CRN', 20),
    visor: optionalText('ViSOR reference', 30),
    address: optionalText('address', 400),
    noFixedAbode: z.boolean().default(false),
    areaOfClosestLinks: optionalText('area of closest links', 200),
    indexOffence: optionalText('index offence', 400),
    sentence: optionalText('sentence', 400),
    category: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.null()], { error: 'Choose a MAPPA category from 1 to 4' }).default(null),
    level: z.union([z.literal(1), z.literal(2), z.literal(3), z.null()], { error: 'Choose a MAPPA level from 1 to 3' }).default(null),
    risk: z.enum(RISK_CODES, { error: 'Choose a risk of serious harm from the list' }).nullable().default(null),
    exceptionalReason: optionalText('exceptional reason', 1000),
    leadOfficeId: z.string().min(1, 'Choose the lead agency from the list').max(100).nullable().default(null),
    nextReview: optionalDate('next review date'),
  })
  .strict();
export type SubjectInput = z.output<typeof subjectInput>;

export const subjectSummary = z.object({
  id,
  kind: z.enum(['nominal', 'pdp']),
  givenName: z.string(),
  familyName: z.string(),
  aliases: z.array(z.string()),
  dateOfBirth: z.string().nullable(),
  under18: z.boolean(),
  category: z.number().nullable(),
  level: z.number().nullable(),
  risk: z.enum(RISK_CODES).nullable(),
  nextReview: z.string().nullable(),
  reviewDue: z.boolean(),
  leadOfficeName: z.string().nullable(),
});
export type SubjectSummary = z.infer<typeof subjectSummary>;

export const itemView = z.object({
  id,
  subjectId: id,
  fieldKind: z.enum(FIELD_KIND_CODES),
  rmpHeading: z.enum(RMP_HEADING_CODES).nullable(),
  value: z.string(),
  owner: office,
  providerName: z.string(),
  providerOffice: office,
  receivedOn: z.string(),
  classification: z.enum(CLASSIFICATIONS),
  noOnwardDisclosure: z.boolean(),
  notToSubject: z.boolean(),
  notToSubjectReason: z.string().nullable(),
  specialCategory: z.string().nullable(),
  /** Received in a partner's exchange file: from which office, and whether the sender has since withdrawn it. */
  received: z.object({ fromOfficeName: z.string(), withdrawnAt: z.string().nullable(), withdrawnReason: z.string().nullable() }).nullable(),
  version: z.number(),
  createdAt: z.string(),
  createdBy: z.string(),
  updatedAt: z.string(),
  updatedBy: z.string(),
});
export type ItemView = z.infer<typeof itemView>;

export const subjectDetail = subjectSummary.extend({
  ethnicity: z.string().nullable(),
  pnc: z.string().nullable(),
  ndelius: z.string().nullable(),
  visor: z.string().nullable(),
  address: z.string().nullable(),
  noFixedAbode: z.boolean(),
  areaOfClosestLinks: z.string().nullable(),
  indexOffence: z.string().nullable(),
  sentence: z.string().nullable(),
  exceptionalReason: z.string().nullable(),
  leadOfficeId: z.string().nullable(),
  createdAt: z.string(),
  createdBy: z.string(),
  updatedAt: z.string(),
  updatedBy: z.string(),
  /** Items grouped by the agency office that owns them (leaflet: MAPPA owns nothing). */
  itemGroups: z.array(z.object({ owner: office, items: z.array(itemView) })),
});
export type SubjectDetail = z.infer<typeof subjectDetail>;

export const itemInput = z
  .object({
    subjectId: id,
    fieldKind: z.enum(FIELD_KIND_CODES, { error: 'Choose what kind of information this is' }),
    rmpHeading: z.enum(RMP_HEADING_CODES, { error: 'Choose a risk management plan heading' }).nullable().default(null),
    value: text('the information', 20_000),
    ownerOfficeId: z.string().min(1, 'Choose the agency office that owns this information').max(100),
    providerName: text('the name of the person who provided it', 120),
    providerOfficeId: z.string().min(1, 'Choose the office of the person who provided it').max(100),
    receivedOn: isoDate('date received'),
    classification: z.enum(CLASSIFICATIONS, { error: 'Choose OFFICIAL or OFFICIAL-SENSITIVE' }),
    noOnwardDisclosure: z.boolean().nullable().default(null),
    notToSubject: z.boolean().default(false),
    notToSubjectReason: optionalText('reason', REASON_MAX),
  })
  .strict();
export type ItemInput = z.output<typeof itemInput>;

export const itemUpdate = z
  .object({
    itemId: id,
    fieldKind: z.enum(FIELD_KIND_CODES, { error: 'Choose what kind of information this is' }),
    rmpHeading: z.enum(RMP_HEADING_CODES, { error: 'Choose a risk management plan heading' }).nullable().default(null),
    value: text('the information', 20_000),
    classification: z.enum(CLASSIFICATIONS, { error: 'Choose OFFICIAL or OFFICIAL-SENSITIVE' }),
    noOnwardDisclosure: z.boolean(),
    notToSubject: z.boolean(),
    notToSubjectReason: optionalText('reason', REASON_MAX),
    changeReason: optionalText('reason for the change', REASON_MAX),
  })
  .strict();
export type ItemUpdate = z.output<typeof itemUpdate>;

export const itemVersion = z.object({
  version: z.number(),
  fieldKind: z.enum(FIELD_KIND_CODES),
  rmpHeading: z.enum(RMP_HEADING_CODES).nullable(),
  value: z.string(),
  classification: z.enum(CLASSIFICATIONS),
  noOnwardDisclosure: z.boolean(),
  notToSubject: z.boolean(),
  notToSubjectReason: z.string().nullable(),
  changedAt: z.string(),
  changedBy: z.string(),
  changeReason: z.string().nullable(),
});
export type ItemVersion = z.infer<typeof itemVersion>;

export const searchInput = z
  .object({
    query: z.string().max(200, 'Search for 200 characters or fewer').default(''),
    ownerAgency: agencyKind.nullable().default(null),
    category: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.null()]).default(null),
    level: z.union([z.literal(1), z.literal(2), z.literal(3), z.null()]).default(null),
    reviewDue: z.boolean().default(false),
    kind: z.enum(['nominal', 'pdp']).nullable().default(null),
    includeItemText: z.boolean().default(true),
    /** A page of results: the list asks for more as the person scrolls. */
    limit: z.number().int().min(1).max(5_000).default(200),
    offset: z.number().int().min(0).default(0),
  })
  .strict();
export type SearchInput = z.output<typeof searchInput>;

export const deletion = z.object({ id, reason: text('the reason', REASON_MAX) }).strict();

export const retentionRule = z
  .object({
    agency: agencyKind,
    retainMonths: z.number({ error: 'Enter the retention period in months' }).int('Enter a whole number of months').min(1, 'The retention period must be at least 1 month').max(1200, 'The retention period must be 1200 months or fewer'),
    reviewMonths: z.number({ error: 'Enter the review period in months' }).int('Enter a whole number of months').min(1, 'The review period must be at least 1 month').max(1200, 'The review period must be 1200 months or fewer'),
  })
  .strict();
export type RetentionRule = z.infer<typeof retentionRule>;

export const retentionDue = z.object({
  itemId: id,
  subjectId: id,
  subjectName: z.string(),
  fieldKind: z.enum(FIELD_KIND_CODES),
  owner: office,
  receivedOn: z.string(),
  dueOn: z.string(),
  lastDecision: z.enum(['retain', 'dispose']).nullable(),
});
export type RetentionDue = z.infer<typeof retentionDue>;

export const retentionDecisionInput = z
  .object({ itemId: id, decision: z.enum(['retain', 'dispose'], { error: 'Choose retain or dispose' }), reason: text('the reason for the decision', REASON_MAX) })
  .strict();

export const profile = z.object({
  userId: id,
  userName: z.string(),
  role,
  officeId: id,
  officeName: z.string(),
  agency: agencyKind,
});
