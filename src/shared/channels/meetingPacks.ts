import { z } from 'zod';
import { documentBlocks } from '../documentBlocks';
import { id } from '../fields';
import { MEETING_KIND_CODES } from '../meetingsVocabulary';
import { office } from '../registerSchemas';
import { CLASSIFICATIONS } from '../vocabulary';
import { none, type ContractSlice } from './slice';

// Meeting packs (issue 11): the invitation and papers for an attendee who is not a user of
// the hosting register, or a numbered copy of the minutes, sent to their office as an
// exchange file; on their own register the statement shows first and the documents open
// only for the person who signed it there; the signed acknowledgement comes back and is
// recorded on the hosting register beside the signatures made in the room.

const typedName = z
  .string({ error: 'Type your full name' })
  .trim()
  .min(1, 'Type your full name')
  .max(120, 'A name is 120 characters or fewer');

export const packSentView = z.object({
  exchangeId: id,
  purpose: z.enum(['invitation', 'copy']),
  recipientName: z.string(),
  office,
  attendeeId: id.nullable(),
  copyNumber: z.number().nullable(),
  documents: z.number(),
  undertakingVersion: z.number(),
  sentAt: z.string(),
  sentBy: z.string(),
  /** The last moment the pack can be opened at the attendee's office. */
  expiresAt: z.string(),
  acknowledged: z.object({ typedName: z.string(), signedAt: z.string(), signerFingerprint: z.string(), importedAt: z.string(), importedBy: z.string() }).nullable(),
});
export type PackSentView = z.infer<typeof packSentView>;

const fromOffice = z.object({ name: z.string(), agencyLabel: z.string(), area: z.string() });

export const receivedPackSummary = z.object({
  exchangeId: id,
  purpose: z.enum(['invitation', 'copy']),
  from: fromOffice,
  meetingTitle: z.string(),
  startsAt: z.string(),
  recipientName: z.string(),
  importedAt: z.string(),
  /** When the file stopped (or stops) being openable; what was imported stays in the register. */
  expiresAt: z.string(),
  documents: z.number(),
  signed: z.object({ userName: z.string(), typedName: z.string(), signedAt: z.string() }).nullable(),
  acknowledgementExportedAt: z.string().nullable(),
});
export type ReceivedPackSummary = z.infer<typeof receivedPackSummary>;

export const receivedDocument = z.object({
  line: z.string(),
  kind: z.enum(['paper', 'minutes']),
  title: z.string(),
  author: z.string(),
  owner: z.string(),
  classification: z.enum(CLASSIFICATIONS),
  copyNumber: z.number().nullable(),
  subjectName: z.string(),
  /** Null until the person reading has signed the undertaking for this pack. */
  blocks: documentBlocks.nullable(),
});
export type ReceivedDocument = z.infer<typeof receivedDocument>;

export const receivedPackView = receivedPackSummary.extend({
  meeting: z.object({ kind: z.enum(MEETING_KIND_CODES), kindLabel: z.string(), place: z.string().nullable(), remote: z.boolean(), chair: z.string(), hostOffice: fromOffice }),
  recipientRole: z.string(),
  statement: z.object({ version: z.number(), title: z.string(), body: z.string(), sha256: z.string() }),
  subjects: z.array(z.object({ name: z.string(), dateOfBirth: z.string().nullable() })),
  documentList: z.array(receivedDocument),
  /** Why the documents are locked for the person reading, or null when they are open. */
  locked: z.string().nullable(),
});
export type ReceivedPackView = z.infer<typeof receivedPackView>;

export const meetingPacksContract = {
  // On the hosting register.
  'packs.sendInvitation': {
    input: z.object({ meetingId: id, attendeeId: id }).strict(),
    output: z.object({ file: z.string().nullable(), exchangeId: id.nullable() }),
  },
  'packs.sendCopy': {
    input: z.object({ meetingId: id, permissionId: id }).strict(),
    output: z.object({ file: z.string().nullable(), copyNumber: z.number().nullable() }),
  },
  'packs.sent': { input: z.object({ meetingId: id }).strict(), output: z.array(packSentView) },
  'packs.importAcknowledgement': {
    input: none,
    output: z.union([z.object({ cancelled: z.literal(true) }), z.object({ cancelled: z.literal(false), meetingId: id, pack: packSentView })]),
  },
  // On the attendee's own register.
  'packs.open': { input: none, output: z.union([z.object({ cancelled: z.literal(true) }), z.object({ cancelled: z.literal(false), pack: receivedPackView })]) },
  'packs.received': { input: none, output: z.array(receivedPackSummary) },
  'packs.get': { input: z.object({ exchangeId: id }).strict(), output: receivedPackView },
  'packs.sign': {
    input: z
      .object({
        exchangeId: id,
        typedName,
        agreed: z.literal(true, { error: 'Confirm that you agree to the undertaking' }),
        /** The version shown: a pack carries one version, so a different one is refused. */
        version: z.number().int().min(1),
      })
      .strict(),
    output: receivedPackView,
  },
  'packs.exportAcknowledgement': { input: z.object({ exchangeId: id }).strict(), output: z.object({ file: z.string().nullable() }) },
} as const satisfies ContractSlice;
