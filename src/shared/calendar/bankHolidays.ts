import { z } from 'zod';
import shipped from './bankHolidays.englandAndWales';
import { isValidDate, type PlainDate } from './plainDate';

// The England and Wales bank holidays shipped with the app, from a dated data file
// (bankHolidays.englandAndWales.ts: its source, the day the list was taken and the
// years it covers). Holidays announced after that come from an administrator's list.

export interface BankHoliday {
  date: PlainDate;
  title: string;
  /** "Substitute day" when the holiday moved off a weekend. */
  notes?: string;
}

export interface BankHolidayList {
  source: string;
  division: string;
  /** The day the list was taken from its source. */
  takenOn: PlainDate;
  firstYear: number;
  lastYear: number;
  holidays: readonly BankHoliday[];
}

const day = z.string().refine(isValidDate, 'a real date written YYYY-MM-DD');
const holiday = z.object({ date: day, title: z.string().min(1), notes: z.string().min(1).optional() });

export const bankHolidayListSchema = z
  .object({
    source: z.string().min(1),
    division: z.string().min(1),
    takenOn: day,
    method: z.string().optional(),
    firstYear: z.number().int(),
    lastYear: z.number().int(),
    holidays: z.array(holiday),
  })
  .refine((l) => l.firstYear <= l.lastYear, 'the first year covered comes after the last')
  .refine((l) => l.holidays.every((h) => Number(h.date.slice(0, 4)) >= l.firstYear && Number(h.date.slice(0, 4)) <= l.lastYear), 'a holiday lies outside the years covered')
  .refine((l) => l.holidays.every((h, i) => i === 0 || (l.holidays[i - 1]?.date ?? '') < h.date), 'holidays are not in date order, or one is listed twice');

/** Checked when the app starts: a damaged data file stops the app rather than miscounting deadlines. */
export const ENGLAND_AND_WALES_BANK_HOLIDAYS: BankHolidayList = bankHolidayListSchema.parse(shipped);
