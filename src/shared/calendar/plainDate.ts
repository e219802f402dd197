import { addDays as addDaysTo, addMonths as addMonthsTo, differenceInCalendarDays, differenceInYears, getDay, isValid, lightFormat } from 'date-fns';
import { MappaError } from '../errors';

// Plain calendar dates written 'YYYY-MM-DD': a date of birth, a review date, the day an
// item was received. They have no time and no time zone.
//
// For date-fns a plain date is held as noon, local time, on that day. Clocks change by
// an hour or two near midnight, never across noon, so the computer's own time zone
// cannot move the day. (Holding it as a TZDate in UTC costs ~75 µs a call instead of
// ~2 µs, and retention and subject lists do this for every row.)

/** A calendar day written 'YYYY-MM-DD'. */
export type PlainDate = string;

const SHAPE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Noon local time on the date, or an invalid Date when it is not one. */
export function plainDateToNoon(date: PlainDate): Date {
  const m = SHAPE.exec(date);
  if (!m) return new Date(Number.NaN);
  const noon = new Date(2000, Number(m[2]) - 1, Number(m[3]), 12);
  noon.setFullYear(Number(m[1])); // the constructor reads years 0-99 as 1900-1999
  return noon;
}

/** The local calendar day of a Date made by `plainDateToNoon` and date-fns arithmetic. */
export function noonToPlainDate(noon: Date): PlainDate {
  return lightFormat(noon, 'yyyy-MM-dd');
}

/** True for a real calendar day written 'YYYY-MM-DD' (2026-02-30 and 2026-2-3 are not). */
export function isValidDate(value: string): boolean {
  const d = plainDateToNoon(value);
  return isValid(d) && noonToPlainDate(d) === value;
}

/** The date itself, or a refusal naming the field: "Date of birth must be a real date." */
export function requireDate(value: string, field: string, label: string): PlainDate {
  if (!isValidDate(value)) throw new MappaError('invalid_date', `${label} must be a real date.`, field);
  return value;
}

function checked(date: PlainDate): Date {
  if (!isValidDate(date)) throw new MappaError('invalid_date', `"${date}" is not a real date written YYYY-MM-DD.`);
  return plainDateToNoon(date);
}

export function addDays(date: PlainDate, days: number): PlainDate {
  return noonToPlainDate(addDaysTo(checked(date), days));
}

/** The same date `months` later, else the last day of that month (31 January + 1 month = 28 or 29 February). */
export function addMonths(date: PlainDate, months: number): PlainDate {
  return noonToPlainDate(addMonthsTo(checked(date), months));
}

/** Whole years between a date of birth and a day; someone born on 29 February turns a year older on 1 March. */
export function ageOn(dateOfBirth: PlainDate, day: PlainDate): number {
  return differenceInYears(checked(day), checked(dateOfBirth));
}

/** Days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: PlainDate, to: PlainDate): number {
  return differenceInCalendarDays(checked(to), checked(from));
}

/** -1, 0 or 1, for sorting. 'YYYY-MM-DD' strings order like the days they name. */
export function compareDates(a: PlainDate, b: PlainDate): -1 | 0 | 1 {
  return a < b ? -1 : a > b ? 1 : 0;
}

export const isBefore = (a: PlainDate, b: PlainDate): boolean => compareDates(a, b) < 0;
export const isAfter = (a: PlainDate, b: PlainDate): boolean => compareDates(a, b) > 0;

/** 0 Sunday to 6 Saturday. */
export function dayOfWeek(date: PlainDate): number {
  return getDay(checked(date));
}
