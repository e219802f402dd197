import { z } from 'zod';
import { accessReasonSchema } from '../accessReasons';
import { id, isoDate, optionalText, REASON_MAX, reasonText, text } from '../fields';
import { office } from '../registerSchemas';
import { DEFAULT_EXPIRY_DAYS, LAWFUL_GATEWAY_CODES, MAX_EXPIRY_DAYS, MAX_RECIPIENTS, REGIME_CODES, SHARE_PURPOSE_CODES, SUBJECT_FIELD_CODES } from '../sharingVocabulary';
import { CLASSIFICATIONS, FIELD_KIND_CODES } from '../vocabulary';
import { done, none, type ContractSlice } from './slice';

// Sharing with MAPPA partners (issue 10): a share's draft, its fields and the three tests
// for each, the owner's permission for another agency's item, decisions not to share,
// office keys, and the signed, encrypted exchange files between registers.

export const purpose = z.enum(SHARE_PURPOSE_CODES, { error: 'Choose the purpose of the share from the list' });
export const gateway = z.enum(LAWFUL_GATEWAY_CODES, { error: 'Choose the lawful gateway from the list' });
export const regime = z.enum(REGIME_CODES, { error: 'Choose the data protection regime from the list' });

/** A field of a share: one of the subject's own details, or one item. */
export const fieldRef = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('subject'), field: z.enum(SUBJECT_FIELD_CODES, { error: 'Choose one of the person’s details from the list' }) }).strict(),
    z.object({ kind: z.literal('item'), itemId: id }).strict(),
  ],
  { error: 'Choose a field from the list' },
);
export type FieldRef = z.infer<typeof fieldRef>;

export const permissionState = z.enum(['not_needed', 'none', 'requested', 'granted', 'refused']);
export type PermissionState = z.infer<typeof permissionState>;

/** The three tests as answered for a field that leaves the register (a share, a disclosure), and who answered when. */
export const testsAnswered = z.object({
  necessary: z.string().nullable(),
  proportionate: z.string().nullable(),
  relevant: z.string().nullable(),
  specialJustification: z.string().nullable(),
  answeredBy: z.string().nullable(),
  answeredAt: z.string().nullable(),
});

const answers = testsAnswered.extend({ outsidePurposeReason: z.string().nullable() });

/** A field that can leave the register: what it is, whose it is, and whether its sender has withdrawn it. */
export const leavingField = z.object({
  ref: fieldRef,
  label: z.string(),
  fieldKind: z.enum(FIELD_KIND_CODES),
  value: z.string(),
  owner: office,
  specialCategory: z.string().nullable(),
  noOnwardDisclosure: z.boolean(),
  /** Withdrawn by the agency that sent it: it cannot be shared on or disclosed. */
  withdrawn: z.boolean(),
});

/** A field as the wizard shows it: what it is, whose it is, what still blocks it. */
export const shareField = leavingField.extend({
  classification: z.enum(CLASSIFICATIONS),
  notToSubject: z.boolean(),
  /** The owner's permission to share it on (not_needed for the sharer's own agency's fields). */
  permission: permissionState,
  /** The owner-permission request that decides `permission` (its grant, refusal, or the request still waiting), if any. */
  permissionRequestId: id.nullable(),
  /** Received through an exchange file (then the owner's permission is always needed if the owner is another agency). */
  received: z.boolean(),
});
export type ShareField = z.infer<typeof shareField>;

export const shareLine = shareField.extend({
  lineId: id,
  /** The field kind is not one the purpose normally needs: it needs an explicit reason. */
  outsidePurpose: z.boolean(),
  answers,
  /** What still stops this field being shared, one sentence each. */
  problems: z.array(z.string()),
});
export type ShareLine = z.infer<typeof shareLine>;

export const shareStatus = z.enum(['draft', 'confirmed', 'withdrawn', 'declined', 'discarded']);
export type ShareStatus = z.infer<typeof shareStatus>;

export const shareSummary = z.object({
  id,
  subjectId: id,
  subjectName: z.string(),
  status: shareStatus,
  purpose: purpose.nullable(),
  purposeOther: z.string().nullable(),
  recipients: z.array(office),
  /** For a decision not to share: who asked, in words. */
  requestedBy: z.string().nullable(),
  fields: z.number(),
  createdAt: z.string(),
  createdBy: z.string(),
  confirmedAt: z.string().nullable(),
  confirmedBy: z.string().nullable(),
  withdrawnAt: z.string().nullable(),
  declineReason: z.string().nullable(),
});
export type ShareSummary = z.infer<typeof shareSummary>;

export const shareView = shareSummary.extend({
  gateway: gateway.nullable(),
  gatewayOther: z.string().nullable(),
  regime: regime.nullable(),
  expiryDays: z.number(),
  noOnwardDisclosure: z.boolean(),
  notToSubject: z.boolean(),
  exchangeId: z.string().nullable(),
  withdrawnBy: z.string().nullable(),
  withdrawnReason: z.string().nullable(),
  lines: z.array(shareLine),
  /** Every field the share could carry (the first step's choices), with what blocks each. */
  available: z.array(shareField),
  /** Partner offices whose key this register has confirmed: the recipients a file can be made for. */
  recipientsAvailable: z.array(office),
  /** What still stops confirmation, share-wide (each line has its own). */
  problems: z.array(z.string()),
  ready: z.boolean(),
});
export type ShareView = z.infer<typeof shareView>;

export const shareDetailsInput = z
  .object({
    id,
    purpose,
    purposeOther: optionalText('the purpose', 300),
    recipientOfficeIds: z.array(id).min(1, 'Choose at least one partner office to share with').max(MAX_RECIPIENTS, `Share with ${MAX_RECIPIENTS} offices or fewer in one file`),
    gateway,
    gatewayOther: optionalText('the lawful gateway', 300),
    regime,
    expiryDays: z.number({ error: 'Enter the number of days the file can wait to be imported' }).int('Enter a whole number of days').min(1, 'The file must be importable for at least 1 day').max(MAX_EXPIRY_DAYS, `A file can wait at most ${MAX_EXPIRY_DAYS} days to be imported`).default(DEFAULT_EXPIRY_DAYS),
    noOnwardDisclosure: z.boolean().default(true),
    notToSubject: z.boolean().default(false),
  })
  .strict();

const answerText = (what: string) => reasonText(`Enter ${what}`);
export const answerInput = z
  .object({
    id,
    lineId: id,
    necessary: answerText('the MAPPA purpose this field serves (necessary)'),
    proportionate: answerText('why this much and no less is shared (proportionate)'),
    relevant: answerText('how this field links to this person’s risk (relevant)'),
    outsidePurposeReason: optionalText('the reason', REASON_MAX),
    specialJustification: optionalText('the justification', REASON_MAX),
  })
  .strict();

export const declineInput = z
  .object({
    subjectId: id,
    requestedBy: text('who asked for the information', 200),
    requestedByOfficeId: id.nullable().default(null),
    purpose,
    purposeOther: optionalText('the purpose', 300),
    itemIds: z.array(id).max(1000).default([]),
    reason: reasonText('Enter why the information is not being shared'),
  })
  .strict();

export const permissionView = z.object({
  id,
  itemId: id,
  subjectId: id,
  fieldKind: z.enum(FIELD_KIND_CODES),
  owner: office,
  recipients: z.array(office),
  purpose,
  askedOf: z.string(),
  requestNote: z.string().nullable(),
  requestedAt: z.string(),
  requestedBy: z.string(),
  answer: z.enum(['granted', 'refused']).nullable(),
  answeredBy: z.string().nullable(),
  answeredOn: z.string().nullable(),
  answerNote: z.string().nullable(),
  recordedBy: z.string().nullable(),
});
export type PermissionView = z.infer<typeof permissionView>;

export const ownKey = z.object({ office: office.nullable(), fingerprint: z.string().nullable(), createdAt: z.string().nullable() });
export type OwnKey = z.infer<typeof ownKey>;

export const partnerKey = z.object({
  office,
  fingerprint: z.string(),
  confirmedWith: z.string(),
  confirmedHow: z.string(),
  confirmedAt: z.string(),
  confirmedBy: z.string(),
  /** Keys this office used before, newest first. */
  earlier: z.array(z.object({ fingerprint: z.string(), replacedAt: z.string() })),
});
export type PartnerKey = z.infer<typeof partnerKey>;

export const keyPreview = z.object({
  token: id,
  office: z.object({ name: z.string(), agency: z.string(), agencyLabel: z.string(), area: z.string() }),
  fingerprint: z.string(),
  /** new: an office this register has no key for; same: already confirmed; changed: a different key for a known office. */
  status: z.enum(['new', 'same', 'changed']),
  previousFingerprint: z.string().nullable(),
});
export type KeyPreview = z.infer<typeof keyPreview>;

export const importItemPreview = z.object({
  fieldKind: z.enum(FIELD_KIND_CODES),
  label: z.string(),
  value: z.string(),
  owner: z.object({ name: z.string(), agency: z.string(), area: z.string() }),
  noOnwardDisclosure: z.boolean(),
  notToSubject: z.boolean(),
  /** new: not held; same: held at this version; newer: a newer version of an item held; older: this register holds a newer one. */
  status: z.enum(['new', 'same', 'newer', 'older']),
});

export const importPreview = z.object({
  token: id,
  kind: z.enum(['share', 'withdrawal']),
  sender: z.object({ name: z.string(), agency: z.string(), agencyLabel: z.string(), area: z.string(), fingerprint: z.string() }),
  createdAt: z.string(),
  expiresAt: z.string(),
  purpose: z.string().nullable(),
  gateway: z.string().nullable(),
  regime: z.string().nullable(),
  subject: z.object({
    names: z.string(),
    dateOfBirth: z.string().nullable(),
    matchedSubjectId: id.nullable(),
    matchedBy: z.string().nullable(),
    /** When nothing matched firmly: people here with the same name, one of whom the person importing may choose. */
    candidates: z.array(z.object({ id, names: z.string(), dateOfBirth: z.string().nullable() })),
  }),
  items: z.array(importItemPreview),
  withdrawalReason: z.string().nullable(),
});
export type ImportPreview = z.infer<typeof importPreview>;

export const importResult = z.object({ subjectId: id.nullable(), added: z.number(), matched: z.number(), updated: z.number(), withdrawn: z.number() });

/** The record a share is imported into, when it matched no one firmly: one of the preview's candidates, or null for a new record. */
const importChoice = z.object({ token: id, subjectId: id.nullable().default(null) }).strict();
const fileResult = z.object({ file: z.string().nullable() });

export const sharingContract = {
  'keys.own': { input: none, output: ownKey },
  /** Makes this office's signing and encryption keys (once). */
  'keys.create': { input: none, output: ownKey },
  /** Saves this office's public key file for partners to import. */
  'keys.exportOwn': { input: none, output: fileResult },
  'keys.partners': { input: none, output: z.array(partnerKey) },
  /** Opens a partner's key file and shows its office and fingerprint, to compare before confirming. */
  'keys.openPartnerKey': { input: none, output: z.union([keyPreview, z.object({ cancelled: z.literal(true) })]) },
  'keys.confirmPartnerKey': {
    input: z
      .object({
        token: id,
        fingerprintMatches: z.literal(true, { error: 'Confirm that the fingerprint matches the one the office read to you' }),
        confirmedWith: text('the name of the person who read you the fingerprint', 200),
        confirmedHow: text('how they read it to you (for example, by telephone)', 200),
      })
      .strict(),
    output: z.array(partnerKey),
  },

  /** Starting a share and opening one show the record's contents: like opening it, they take the reason (when the register asks). */
  'shares.start': { input: z.object({ subjectId: id, reason: accessReasonSchema.nullable().default(null) }).strict(), output: shareView },
  'shares.get': { input: z.object({ id, reason: accessReasonSchema.nullable().default(null) }).strict(), output: shareView },
  'shares.setFields': { input: z.object({ id, fields: z.array(fieldRef).min(1, 'Choose at least one field to share').max(5_000) }).strict(), output: shareView },
  'shares.setDetails': { input: shareDetailsInput, output: shareView },
  'shares.answer': { input: answerInput, output: shareView },
  'shares.removeField': { input: z.object({ id, lineId: id }).strict(), output: shareView },
  /** Confirms the share and saves its exchange file where the person chooses. */
  'shares.confirm': { input: z.object({ id }).strict(), output: z.object({ share: shareView, file: z.string().nullable() }) },
  'shares.discard': { input: z.object({ id }).strict(), output: done },
  'shares.decline': { input: declineInput, output: shareSummary },
  'shares.list': { input: z.object({ subjectId: id.nullable().default(null) }).strict(), output: z.array(shareSummary) },
  /** Withdraws a confirmed share and saves the signed withdrawal notice for its recipients. */
  'shares.withdraw': { input: z.object({ id, reason: reasonText('Enter why the share is being withdrawn') }).strict(), output: z.object({ share: shareView, file: z.string().nullable() }) },

  'permissions.request': {
    input: z
      .object({
        itemId: id,
        recipientOfficeIds: z.array(id).min(1, 'Choose who the information would go to').max(MAX_RECIPIENTS),
        purpose,
        askedOf: text('the name of the person you asked at the owning agency', 200),
        note: optionalText('the note', REASON_MAX),
      })
      .strict(),
    output: permissionView,
  },
  'permissions.answer': {
    input: z
      .object({
        id,
        answer: z.enum(['granted', 'refused'], { error: 'Say whether the owner gave or refused permission' }),
        answeredBy: text('the name of the person who answered for the owner', 200),
        answeredOn: isoDate('the date they answered'),
        note: optionalText('the note', REASON_MAX),
      })
      .strict(),
    output: permissionView,
  },
  'permissions.list': { input: z.object({ subjectId: id }).strict(), output: z.array(permissionView) },

  /** Opens an exchange file: verified before anything is shown; nothing is imported yet. */
  'exchange.open': { input: none, output: z.union([importPreview, z.object({ cancelled: z.literal(true) })]) },
  'exchange.import': { input: importChoice, output: importResult },
} as const satisfies ContractSlice;
