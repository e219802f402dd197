import { z } from 'zod';
import { isValidDate } from './calendar';

// Field rules every contract slice uses, each written once with the sentence a person
// sees next to the field. A limit or a date rule changes here and nowhere else.

/** Free-text reasons and outcomes (why an act was done, what a review found). */
export const REASON_MAX = 1000;

export function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export const id = z.string().min(1).max(100);

export const text = (label: string, max = 200) =>
  z.string().trim().min(1, `Enter ${label}`).max(max, `${capital(label)} must be ${max} characters or fewer`);

/** A reason in the person's own words: `missing` is the sentence shown when it is left empty. */
export const reasonText = (missing: string) =>
  z.string().trim().min(1, missing).max(REASON_MAX, `Use ${REASON_MAX} characters or fewer`);

export const optionalText = (label: string, max = 200) =>
  z
    .string()
    .trim()
    .max(max, `${capital(label)} must be ${max} characters or fewer`)
    .nullish()
    .transform((v) => (v === null || v === undefined || v === '' ? null : v));

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar day written YYYY-MM-DD (2026-02-30 is refused), by the one calendar's rule. */
export const isoDate = (label: string) =>
  z
    .string()
    .regex(DAY, `${capital(label)} must be a date like 2026-11-24`)
    .refine(isValidDate, `${capital(label)} must be a real date`);

/** An optional day: '', null or absent all mean "not given". */
export const optionalDate = (label: string) =>
  z
    .union([isoDate(label), z.literal(''), z.null()])
    .optional()
    .transform((v) => (v === '' || v === null || v === undefined ? null : v));
