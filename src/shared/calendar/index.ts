// One calendar for main and renderer (pure: no Node, no DOM):
// - plainDate.ts    'YYYY-MM-DD' dates: validity, adding days and months, age, order
// - london.ts       Europe/London days: today, the day of a timestamp, a day's first and last instants
// - format.ts       dates in words, en-GB, by London time ("6 June 2026, 00:30")
// - bankHolidays.ts the shipped England and Wales list (bankHolidays.englandAndWales.ts)
// - workingDays.ts  working days, with an administrator's extra holidays; says when it reaches past the list
// - clock.ts        the injectable clock
export { type Clock, manualClock, type ManualClock, systemClock } from './clock';
export { addDays, addMonths, ageOn, compareDates, dayOfWeek, daysBetween, isAfter, isBefore, isValidDate, type PlainDate, requireDate } from './plainDate';
export { LONDON_TIME_ZONE, londonDayEnd, londonDayOf, londonDayStart, today } from './london';
export { formatLondonDate, formatLondonDateTime, formatLondonTime, formatLondonTimestamp } from './format';
export { type BankHoliday, type BankHolidayList, bankHolidayListSchema, ENGLAND_AND_WALES_BANK_HOLIDAYS } from './bankHolidays';
export { type Calendar, type CalendarOptions, createCalendar, type WorkingDayResult } from './workingDays';
