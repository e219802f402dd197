import { z } from 'zod';
import { ENGLAND_AND_WALES_BANK_HOLIDAYS, formatLondonDate } from './calendar';
import { isoDate, text } from './fields';

// The administrator's list of England and Wales bank holidays announced after the app's
// data file was taken (a one-off holiday, or the years after the file's last). The
// calendar counts them as bank holidays; the shipped list stays as it was.

export const MAX_EXTRA_HOLIDAYS = 50;

export const extraHoliday = z
  .object({
    date: z.string().min(1, 'Enter the date of the bank holiday').pipe(isoDate('the date')),
    title: text('the name of the bank holiday', 100),
  })
  .strict();
export type ExtraHoliday = z.infer<typeof extraHoliday>;

const shipped = new Map(ENGLAND_AND_WALES_BANK_HOLIDAYS.holidays.map((h) => [h.date, h.title]));

/** The whole list as the administrator saves it: each date once, none already in the app's list. */
export const extraHolidayList = z
  .array(extraHoliday)
  .max(MAX_EXTRA_HOLIDAYS, `Keep at most ${MAX_EXTRA_HOLIDAYS} extra bank holidays: remove ones that have passed`)
  .superRefine((list, ctx) => {
    const seen = new Set<string>();
    list.forEach((holiday, index) => {
      const already = shipped.get(holiday.date);
      if (already !== undefined) {
        ctx.addIssue({ code: 'custom', path: [index, 'date'], message: `${formatLondonDate(holiday.date)} is already a bank holiday (${already}) in the app’s list` });
      } else if (seen.has(holiday.date)) {
        ctx.addIssue({ code: 'custom', path: [index, 'date'], message: `${formatLondonDate(holiday.date)} is already in the list of extra bank holidays` });
      }
      seen.add(holiday.date);
    });
  });

export const calendarHolidays = z.object({
  /** The first and last days whose bank holidays the app's data file lists. */
  knownFrom: z.string(),
  knownUntil: z.string(),
  /** Where the data file's list came from, and the day it was taken. */
  source: z.string(),
  takenOn: z.string(),
  /** The administrator's extra holidays, in date order. */
  extra: z.array(z.object({ date: z.string(), title: z.string() })),
});
export type CalendarHolidays = z.infer<typeof calendarHolidays>;
