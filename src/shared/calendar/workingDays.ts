import { MappaError } from '../errors';
import { type BankHoliday, type BankHolidayList, ENGLAND_AND_WALES_BANK_HOLIDAYS } from './bankHolidays';
import { formatLondonDate } from './format';
import { addDays, dayOfWeek, isValidDate, type PlainDate } from './plainDate';

// Working days in England and Wales: Monday to Friday except bank holidays. Used for
// deadlines such as "5 working days after receipt" and "a due day at a weekend moves
// to the next working day".
//
// Beyond the data: the bank holiday list covers stated years only. A calculation whose
// days reach outside them is not refused and is not silently guessed either: its result
// carries `beyondKnownHolidays: true` and a `notice` sentence to show beside the date
// ("Bank holidays are known only up to 31 December 2027; this date assumes none after
// that."). A yes/no question (isWorkingDay, bankHolidayOn) cannot carry that caveat, so
// for a day outside the data it throws a MappaError with code 'beyond_known_holidays'
// and the same kind of sentence.

export interface CalendarOptions {
  /** Holidays announced after the shipped list was taken (the administrator's list). */
  extraHolidays?: readonly BankHoliday[];
  /** For tests: a different shipped list. */
  holidays?: BankHolidayList;
}

export type WorkingDayResult =
  | { date: PlainDate; beyondKnownHolidays: false }
  | { date: PlainDate; beyondKnownHolidays: true; notice: string };

export interface Calendar {
  /** The first and last days whose bank holidays are known. */
  readonly knownFrom: PlainDate;
  readonly knownUntil: PlainDate;
  /** The bank holiday on a day, if any. Throws 'beyond_known_holidays' outside the data. */
  bankHolidayOn(day: PlainDate): BankHoliday | undefined;
  /** Monday to Friday and not a bank holiday. Throws 'beyond_known_holidays' outside the data. */
  isWorkingDay(day: PlainDate): boolean;
  /** The day itself if it is a working day, else the next one (a due day on a weekend or bank holiday). */
  nextWorkingDay(day: PlainDate): WorkingDayResult;
  /** Counts `count` working days after `from` (before it, if negative); `from` itself is not counted. */
  addWorkingDays(from: PlainDate, count: number): WorkingDayResult;
}

/** The longest count accepted: about 40 years of working days. */
const MAX_WORKING_DAYS = 10_000;

export function createCalendar(options: CalendarOptions = {}): Calendar {
  const list = options.holidays ?? ENGLAND_AND_WALES_BANK_HOLIDAYS;
  const knownFrom = `${String(list.firstYear).padStart(4, '0')}-01-01`;
  const knownUntil = `${String(list.lastYear).padStart(4, '0')}-12-31`;
  const byDate = new Map<PlainDate, BankHoliday>();
  for (const h of list.holidays) byDate.set(h.date, h);
  for (const h of options.extraHolidays ?? []) {
    if (!isValidDate(h.date)) throw new MappaError('invalid_date', `An extra bank holiday, "${h.title}", has a date that is not real: ${h.date}.`);
    byDate.set(h.date, h);
  }

  const requireValid = (day: PlainDate) => {
    if (!isValidDate(day)) throw new MappaError('invalid_date', `"${day}" is not a real date written YYYY-MM-DD.`);
    return day;
  };
  const outside = (day: PlainDate) => day < knownFrom || day > knownUntil;
  const notice = (earliest: PlainDate, latest: PlainDate): string | undefined => {
    if (latest > knownUntil) return `Bank holidays are known only up to ${formatLondonDate(knownUntil)}; this date assumes none after that.`;
    if (earliest < knownFrom) return `Bank holidays are known only from ${formatLondonDate(knownFrom)}; this date assumes none before that.`;
    return undefined;
  };
  const result = (date: PlainDate, earliest: PlainDate, latest: PlainDate): WorkingDayResult => {
    const sentence = notice(earliest, latest);
    return sentence === undefined ? { date, beyondKnownHolidays: false } : { date, beyondKnownHolidays: true, notice: sentence };
  };
  // Counting uses the list as it stands and assumes no holidays outside it; the result says so.
  const working = (day: PlainDate) => {
    const weekday = dayOfWeek(day);
    return weekday !== 0 && weekday !== 6 && !byDate.has(day);
  };
  const refuseOutside = (day: PlainDate, question: string) => {
    if (!outside(requireValid(day))) return;
    const known = day > knownUntil ? `only up to ${formatLondonDate(knownUntil)}` : `only from ${formatLondonDate(knownFrom)}`;
    throw new MappaError('beyond_known_holidays', `Bank holidays are known ${known}, so the register cannot say whether ${formatLondonDate(day)} is ${question}.`);
  };

  return {
    knownFrom,
    knownUntil,
    bankHolidayOn(day) {
      refuseOutside(day, 'a bank holiday');
      return byDate.get(day);
    },
    isWorkingDay(day) {
      refuseOutside(day, 'a working day');
      return working(day);
    },
    nextWorkingDay(day) {
      let d = day;
      while (!working(d)) d = addDays(d, 1);
      return result(d, day, d);
    },
    addWorkingDays(from, count) {
      if (!Number.isInteger(count) || Math.abs(count) > MAX_WORKING_DAYS) {
        throw new MappaError('invalid_input', `A number of working days must be a whole number no larger than ${MAX_WORKING_DAYS}.`);
      }
      if (count === 0) return { date: requireValid(from), beyondKnownHolidays: false };
      const step = count < 0 ? -1 : 1;
      let d = from;
      for (let left = Math.abs(count); left > 0; ) {
        d = addDays(d, step);
        if (working(d)) left--;
      }
      return step > 0 ? result(d, addDays(from, 1), d) : result(d, d, addDays(from, -1));
    },
  };
}
