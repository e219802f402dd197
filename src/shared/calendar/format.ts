import { format, isValid, parseISO } from 'date-fns';
import { enGB } from 'date-fns/locale/en-GB';
import { tz } from '@date-fns/tz';
import { LONDON_TIME_ZONE } from './london';
import { isValidDate, plainDateToNoon } from './plainDate';

// Dates in words for people in England and Wales, the same on screen, in PDFs and in
// CSV files: a timestamp by its London date and time, a plain date as the day it names.

const LONDON = tz(LONDON_TIME_ZONE);
const DAY = 'd MMMM yyyy';
const TIME = 'HH:mm';

/** A timestamp, or undefined for a value that is neither a plain date nor a timestamp. */
function timestamp(value: string): Date | undefined {
  const d = parseISO(value);
  return isValid(d) ? d : undefined;
}

/**
 * '2026-11-24' -> '24 November 2026' (no time zone at all);
 * '2026-06-05T23:30:00Z' -> '6 June 2026' (00:30 in London).
 * Empty for null or ''; anything unreadable is returned as it is.
 */
export function formatLondonDate(value: string | null | undefined): string {
  if (!value) return '';
  if (isValidDate(value)) return format(plainDateToNoon(value), DAY, { locale: enGB });
  const at = timestamp(value);
  return at === undefined ? value : format(at, DAY, { in: LONDON, locale: enGB });
}

/**
 * '2026-03-05T14:03:22Z' -> '5 March 2026, 14:03'; '2026-06-05T23:30:00Z' -> '6 June 2026, 00:30'.
 * A plain date has no time, so it is shown as its day. Anything unreadable is returned as it is.
 */
export function formatLondonDateTime(value: string | null | undefined): string {
  if (!value) return '';
  if (isValidDate(value)) return formatLondonDate(value);
  const at = timestamp(value);
  return at === undefined ? value : format(at, `${DAY}, ${TIME}`, { in: LONDON, locale: enGB });
}

/** '2026-06-05T23:30:00Z' -> '00:30', the London clock time. */
export function formatLondonTime(value: string): string {
  const at = timestamp(value);
  return at === undefined ? value : format(at, TIME, { in: LONDON, locale: enGB });
}

/**
 * '2026-06-05T23:30:05Z' -> '6 June 2026, 00:30:05': London's date and time to the second,
 * for records where the order of events matters (the audit log's exports).
 */
export function formatLondonTimestamp(value: string): string {
  const at = timestamp(value);
  return at === undefined ? value : format(at, `${DAY}, HH:mm:ss`, { in: LONDON, locale: enGB });
}
