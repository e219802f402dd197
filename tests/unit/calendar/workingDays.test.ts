import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, createCalendar, dayOfWeek } from '../../../src/shared/calendar';

const calendar = createCalendar();

describe('working days in England and Wales: Monday to Friday, not a bank holiday', () => {
  it('knows weekends and bank holidays', () => {
    expect(calendar.isWorkingDay('2026-11-24')).toBe(true); // Tuesday
    expect(calendar.isWorkingDay('2026-11-28')).toBe(false); // Saturday
    expect(calendar.isWorkingDay('2026-04-03')).toBe(false); // Good Friday
    expect(calendar.isWorkingDay('2026-12-28')).toBe(false); // Boxing Day (substitute)
    expect(calendar.bankHolidayOn('2026-12-28')).toMatchObject({ title: 'Boxing Day', notes: 'Substitute day' });
    expect(calendar.bankHolidayOn('2026-11-24')).toBeUndefined();
  });

  it('5 working days after Wednesday 1 April 2026 skips Good Friday, the weekend and Easter Monday', () => {
    // Thu 2, (Fri 3 Good Friday), (Sat, Sun), (Mon 6 Easter Monday), Tue 7, Wed 8, Thu 9, Fri 10
    expect(calendar.addWorkingDays('2026-04-01', 5)).toEqual({ date: '2026-04-10', beyondKnownHolidays: false });
  });

  it('5 working days after Wednesday 23 December 2026 skips Christmas, the weekend, the Boxing Day substitute and New Year', () => {
    // Thu 24, (Fri 25), (Sat, Sun), (Mon 28), Tue 29, Wed 30, Thu 31, (Fri 1 Jan), (Sat, Sun), Mon 4 Jan
    expect(calendar.addWorkingDays('2026-12-23', 5)).toEqual({ date: '2027-01-04', beyondKnownHolidays: false });
  });

  it('counts back too, and the day counted from is not counted', () => {
    expect(calendar.addWorkingDays('2026-04-10', -5)).toEqual({ date: '2026-04-01', beyondKnownHolidays: false });
    expect(calendar.addWorkingDays('2026-11-27', 1).date).toBe('2026-11-30'); // Friday + 1 = Monday
    expect(calendar.addWorkingDays('2026-11-28', 1).date).toBe('2026-11-30'); // from a Saturday, Monday is the first
    expect(calendar.addWorkingDays('2026-11-28', 0).date).toBe('2026-11-28');
  });

  it('a due day on a weekend or bank holiday moves to the next working day', () => {
    expect(calendar.nextWorkingDay('2026-11-24').date).toBe('2026-11-24');
    expect(calendar.nextWorkingDay('2026-11-28').date).toBe('2026-11-30');
    expect(calendar.nextWorkingDay('2026-12-25').date).toBe('2026-12-29');
    expect(calendar.nextWorkingDay('2026-04-03').date).toBe('2026-04-07');
    expect(calendar.nextWorkingDay('2022-09-17').date).toBe('2022-09-20'); // the State Funeral Monday
  });

  it('refuses a count that is not a whole number, and a date that is not real', () => {
    expect(() => calendar.addWorkingDays('2026-11-24', 1.5)).toThrow(/whole number/);
    expect(() => calendar.addWorkingDays('2026-02-30', 1)).toThrow(/not a real date/);
    expect(() => calendar.isWorkingDay('2026-02-30')).toThrow(/not a real date/);
  });

  it('n working days later is always a working day, with exactly n working days after the start up to it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2900 }), fc.integer({ min: 1, max: 60 }), (offset, n) => {
        const from = addDays('2018-01-01', offset);
        const { date, beyondKnownHolidays } = calendar.addWorkingDays(from, n);
        if (beyondKnownHolidays) return;
        expect(calendar.isWorkingDay(date)).toBe(true);
        let count = 0;
        for (let d = addDays(from, 1); d <= date; d = addDays(d, 1)) if (calendar.isWorkingDay(d)) count++;
        expect(count).toBe(n);
      }),
    );
  });
});

describe('beyond the years the bank holiday list covers', () => {
  const NOTICE = 'Bank holidays are known only up to 31 December 2027; this date assumes none after that.';

  it('says so with the result instead of guessing silently', () => {
    expect(calendar.knownUntil).toBe('2027-12-31');
    expect(calendar.addWorkingDays('2027-12-24', 5)).toEqual({ date: '2028-01-04', beyondKnownHolidays: true, notice: NOTICE });
    expect(calendar.nextWorkingDay('2028-01-01')).toEqual({ date: '2028-01-03', beyondKnownHolidays: true, notice: NOTICE });
  });

  it('a count that stays inside the list says nothing', () => {
    expect(calendar.addWorkingDays('2027-12-20', 5)).toEqual({ date: '2027-12-29', beyondKnownHolidays: false });
  });

  it('before the first year covered, it says so too', () => {
    expect(calendar.addWorkingDays('2018-01-02', -3)).toEqual({
      date: '2017-12-27',
      beyondKnownHolidays: true,
      notice: 'Bank holidays are known only from 1 January 2018; this date assumes none before that.',
    });
  });

  it('a yes-or-no question about a day outside the list is refused with a sentence to show', () => {
    expect(() => calendar.isWorkingDay('2028-05-01')).toThrow(
      expect.objectContaining({
        code: 'beyond_known_holidays',
        message: 'Bank holidays are known only up to 31 December 2027, so the register cannot say whether 1 May 2028 is a working day.',
      }),
    );
    expect(() => calendar.bankHolidayOn('2017-12-25')).toThrow(expect.objectContaining({ code: 'beyond_known_holidays' }));
  });
});

describe('the administrator’s extra holidays (announced after the list was taken)', () => {
  it('an extra holiday is not a working day and moves deadlines', () => {
    const withExtra = createCalendar({ extraHolidays: [{ date: '2026-11-26', title: 'A one-off bank holiday' }] });
    expect(calendar.isWorkingDay('2026-11-26')).toBe(true);
    expect(withExtra.isWorkingDay('2026-11-26')).toBe(false);
    expect(withExtra.bankHolidayOn('2026-11-26')).toEqual({ date: '2026-11-26', title: 'A one-off bank holiday' });
    expect(calendar.addWorkingDays('2026-11-24', 2).date).toBe('2026-11-26');
    expect(withExtra.addWorkingDays('2026-11-24', 2).date).toBe('2026-11-27');
    expect(withExtra.nextWorkingDay('2026-11-26').date).toBe('2026-11-27');
  });

  it('does not change the years the list is known for: a 2028 extra holiday is counted, and the result still says it assumes none other', () => {
    const withExtra = createCalendar({ extraHolidays: [{ date: '2028-01-03', title: 'New Year’s Day (substitute day)' }] });
    expect(withExtra.addWorkingDays('2027-12-31', 1)).toMatchObject({ date: '2028-01-04', beyondKnownHolidays: true });
  });

  it('refuses an extra holiday whose date is not real', () => {
    expect(() => createCalendar({ extraHolidays: [{ date: '2026-02-30', title: 'Nonsense' }] })).toThrow(/not real/);
  });

  it('never makes a weekend a working day', () => {
    const withExtra = createCalendar({ extraHolidays: [{ date: '2026-11-28', title: 'A Saturday' }] });
    expect(dayOfWeek('2026-11-28')).toBe(6);
    expect(withExtra.isWorkingDay('2026-11-28')).toBe(false);
  });
});
