import { z } from 'zod';
import { REGIME_CODES } from '../../shared/sharingVocabulary';

// What an exchange file says when a subject access request's items are referred to the
// agency that owns them (issue 13; the leaflet: the owning agency answers): the request as
// the referring office took it (who asked, on whose behalf, where to answer, what for, when
// received and its deadline there) and the items referred, by their origin (the owner's own
// office and item id) with their kind and date. Never the items' words: the owner holds them.

const day = z.iso.date();
const words = (max: number) => z.string().max(max);

export const sarReferralManifest = z
  .object({
    reference: words(40).min(1),
    regime: z.enum(REGIME_CODES),
    receivedOn: day,
    dueOn: day.nullable(),
    requester: z
      .object({
        name: words(120).min(1),
        representativeName: words(120).nullable(),
        authority: words(500).nullable(),
        contact: words(500),
        names: z.array(words(120)).max(11),
        dateOfBirth: day.nullable(),
        identifiers: words(300).nullable(),
      })
      .strict(),
    askedFor: words(5_000),
    toWhom: words(200),
    items: z.array(z.object({ origin: z.string().min(1).max(400), kind: words(100), receivedOn: day }).strict()).min(1).max(5_000),
  })
  .strict();
export type SarReferralManifest = z.infer<typeof sarReferralManifest>;
