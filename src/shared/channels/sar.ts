import { z } from 'zod';
import { accessReasonSchema } from '../accessReasons';
import { id, isoDate, reasonText, text } from '../fields';
import { decisionInput, holdingsView, optionalDay, receivedReferralView, responseDetails, sarCandidate, sarIntake, sarSummary, sarView } from '../sarSchemas';
import { none, type ContractSlice } from './slice';

// Subject access requests (issue 13), for information governance leads: intake, the
// deadline, finding and confirming the requester in the register, what it holds about them
// by owning agency, decisions on this office's items, referrals of other agencies' items.
// The records' shapes are in src/shared/sarSchemas.ts.

export * from '../sarSchemas';

const where = z.object({ id }).strict();

export const sarContract = {
  'sar.list': { input: z.object({ status: z.enum(['open', 'closed']).nullable().default('open') }).strict(), output: z.array(sarSummary) },
  'sar.create': { input: sarIntake, output: sarView },
  'sar.get': { input: where, output: sarView },
  'sar.setIdentity': {
    input: z.object({ id, verifiedOn: isoDate('the day identity was verified'), how: text('how identity was verified', 300) }).strict(),
    output: sarView,
  },
  'sar.setFee': {
    input: z
      .object({ id, required: z.boolean(), reason: reasonText('Say why a fee is allowed (manifestly unfounded or excessive, or further copies)').nullable().default(null), receivedOn: optionalDay('the day the fee was received') })
      .strict()
      .superRefine((v, ctx) => {
        if (v.required && v.reason === null) ctx.addIssue({ code: 'custom', path: ['reason'], message: 'Say why a fee is allowed (manifestly unfounded or excessive, or further copies)' });
        if (!v.required && v.receivedOn !== null) ctx.addIssue({ code: 'custom', path: ['receivedOn'], message: 'No fee was asked for, so none can be received' });
      }),
    output: sarView,
  },
  'sar.askClarification': { input: z.object({ id, askedOn: isoDate('the day clarification was asked for'), what: text('what was asked', 1000) }).strict(), output: sarView },
  'sar.clarificationAnswered': { input: z.object({ id, answeredOn: isoDate('the day the answer was received') }).strict(), output: sarView },
  'sar.extend': { input: z.object({ id, toldOn: isoDate('the day the requester was told'), reason: reasonText('Say why the request is complex or numerous') }).strict(), output: sarView },
  'sar.close': { input: z.object({ id, closedOn: isoDate('the day the request was closed'), note: reasonText('Say how the request was answered') }).strict(), output: sarView },

  'sar.search': { input: where, output: z.array(sarCandidate) },
  'sar.confirmSubject': { input: z.object({ id, subjectId: id, how: text('how you know this person is the requester', 500) }).strict(), output: sarView },
  'sar.removeSubject': { input: z.object({ id, subjectId: id }).strict(), output: sarView },
  'sar.holdings': { input: z.object({ id, reason: accessReasonSchema.nullable().default(null) }).strict(), output: holdingsView },
  'sar.decide': { input: decisionInput, output: holdingsView },
  'sar.refer': {
    input: z
      .object({
        id,
        ownerOfficeId: id,
        itemIds: z.array(id).min(1, 'Choose the items to refer').max(5_000),
        referredOn: isoDate('the day of the referral'),
        toWhom: text('whom the referral went to', 200),
        how: text('how it was sent (for example, secure email)', 200),
      })
      .strict(),
    output: sarView,
  },
  'sar.referralAnswer': { input: z.object({ id, referralId: id, answer: text('the owner’s answer', 2000), answeredOn: isoDate('the day they answered') }).strict(), output: sarView },
  'sar.setResponseDetails': { input: responseDetails.extend({ id }).strict(), output: sarView },
  /** The response (a PDF for the requester), the redaction log (CSV or PDF) and the internal schedule: each recorded before its file exists. */
  'sar.makeResponse': { input: where, output: z.object({ file: z.string().nullable(), pages: z.number().nullable() }) },
  'sar.makeRedactionLog': { input: z.object({ id, format: z.enum(['csv', 'pdf']) }).strict(), output: z.object({ file: z.string().nullable() }) },
  'sar.makeSchedule': { input: where, output: z.object({ file: z.string().nullable() }) },
  /** A recorded referral sent as an exchange file to the owner's register (an office with a confirmed key). */
  'sar.sendReferral': { input: z.object({ id, referralId: id }).strict(), output: z.object({ file: z.string().nullable() }) },
  // On the owner's register.
  'sar.openReferral': { input: none, output: z.union([z.object({ cancelled: z.literal(true) }), z.object({ cancelled: z.literal(false), referral: receivedReferralView })]) },
  'sar.referralsReceived': { input: none, output: z.array(receivedReferralView) },
  'sar.startFromReferral': { input: z.object({ exchangeId: id }).strict(), output: sarView },
} as const satisfies ContractSlice;
