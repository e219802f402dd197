import { z } from 'zod';
import { MEETING_KIND_CODES } from '../../shared/meetingsVocabulary';
import { CLASSIFICATIONS } from '../../shared/vocabulary';

// What an exchange file says about a MAPPA meeting (issue 11), in its signed manifest:
//
//   meeting_pack             the invitation and papers for one attendee, or a numbered copy
//                            of the minutes for one recipient. It requires the undertaking:
//                            the receiving register shows the statement (carried here, with
//                            its version and SHA-256) and opens the documents only for the
//                            person who signed it there. The documents' words are in the
//                            payload, one value per document, as the document maker's blocks.
//   meeting_acknowledgement  the signature given on the attendee's own register, signed by
//                            that person's own key and carried in a file signed by their
//                            office, answering one pack.

const instant = z.iso.datetime();
const sha256 = z.string().regex(/^[0-9a-f]{64}$/);
const words = (max: number) => z.string().max(max);
const uuid = z.uuid();

const placeOf = z.object({ name: words(120), agency: words(60), area: words(120) }).strict();

export const packDocument = z
  .object({
    /** The payload value holding the document's blocks. */
    line: z.string().min(1).max(100),
    kind: z.enum(['paper', 'minutes']),
    hostSubjectId: uuid,
    title: words(300),
    author: words(200),
    owner: placeOf,
    classification: z.enum(CLASSIFICATIONS),
    /** The minutes' version, or the paper's. */
    version: z.number().int().min(1),
    copyNumber: z.number().int().min(1).nullable(),
  })
  .strict();
export type PackDocument = z.infer<typeof packDocument>;

export const meetingPackManifest = z
  .object({
    purpose: z.enum(['invitation', 'copy']),
    meeting: z
      .object({
        hostMeetingId: uuid,
        kind: z.enum(MEETING_KIND_CODES),
        title: words(300),
        startsAt: instant,
        place: words(200).nullable(),
        remote: z.boolean(),
        chair: words(400),
        hostOffice: placeOf,
      })
      .strict(),
    recipient: z
      .object({
        /** The attendee on the hosting register (an invitation), or null for a copy's recipient. */
        hostAttendeeId: uuid.nullable(),
        fullName: words(120).min(1),
        role: words(200),
      })
      .strict(),
    undertaking: z.object({ version: z.number().int().min(1), title: words(200), body: words(20_000), sha256 }).strict(),
    subjects: z.array(z.object({ hostSubjectId: uuid, name: words(250), dateOfBirth: z.iso.date().nullable() }).strict()).min(1).max(30),
    documents: z.array(packDocument).max(500),
  })
  .strict();
export type MeetingPackManifest = z.infer<typeof meetingPackManifest>;

/** What the attendee's own key signs: the pack it answers and the signature given. */
export const acknowledgementStatement = z
  .object({
    format: z.literal('mappa-undertaking-acknowledgement'),
    version: z.literal(1),
    packExchangeId: uuid,
    hostMeetingId: uuid,
    hostAttendeeId: uuid.nullable(),
    typedName: words(120).min(1),
    agreed: z.literal(true),
    signedAt: instant,
    undertaking: z.object({ version: z.number().int().min(1), sha256 }).strict(),
    signer: z.object({ userName: words(200), signingKey: z.string().regex(/^[A-Za-z0-9+/]{43}=$/) }).strict(),
  })
  .strict();
export type AcknowledgementStatement = z.infer<typeof acknowledgementStatement>;

export const acknowledgementManifest = z
  .object({
    /** The statement as canonical JSON, exactly the bytes the attendee's key signed. */
    statement: words(5_000),
    signature: z.string().regex(/^[A-Za-z0-9+/]{86}==$/),
  })
  .strict();
export type AcknowledgementManifest = z.infer<typeof acknowledgementManifest>;

export const ACKNOWLEDGEMENT_LABEL = 'mappa undertaking acknowledgement v1';
