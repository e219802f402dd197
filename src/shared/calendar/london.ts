import { format, isValid, parseISO } from 'date-fns';
import { tz } from '@date-fns/tz';
import { MappaError } from '../errors';
import { addDays, isValidDate, type PlainDate } from './plainDate';

// Days in England and Wales. The register stores instants as UTC ISO timestamps; a
// person means the London calendar day (GMT in winter, BST in summer), so "5 June" is
// 23:00 UTC on 4 June to 23:00 UTC on 5 June.

export const LONDON_TIME_ZONE = 'Europe/London';
const LONDON = tz(LONDON_TIME_ZONE);

function instantOf(value: Date | string): Date {
  const d = typeof value === 'string' ? parseISO(value) : value;
  if (!isValid(d)) throw new MappaError('invalid_date', `"${String(value)}" is not a date and time.`);
  return d;
}

/** The London calendar day of an instant or an ISO timestamp ('2026-06-05T23:30:00Z' -> '2026-06-06'). */
export function londonDayOf(instant: Date | string): PlainDate {
  return format(instantOf(instant), 'yyyy-MM-dd', { in: LONDON });
}

/** Today in England and Wales. */
export function today(now: Date): PlainDate {
  return londonDayOf(now);
}

/** The first instant of a London day, as a UTC ISO timestamp ('2026-06-05' -> '2026-06-04T23:00:00.000Z'). */
export function londonDayStart(day: PlainDate): string {
  if (!isValidDate(day)) throw new MappaError('invalid_date', `"${day}" is not a real date written YYYY-MM-DD.`);
  return new Date(parseISO(day, { in: LONDON }).getTime()).toISOString();
}

/**
 * The instant a London day ends, as a UTC ISO timestamp. Exclusive: it is the first
 * instant of the next day, so "on 5 June" is `start <= at < end` (the day is 23 or 25
 * hours long when the clocks change).
 */
export function londonDayEnd(day: PlainDate): string {
  return londonDayStart(addDays(day, 1));
}
