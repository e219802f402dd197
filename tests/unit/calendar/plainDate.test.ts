import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, addMonths, ageOn, compareDates, dayOfWeek, daysBetween, isAfter, isBefore, isValidDate, requireDate } from '../../../src/shared/calendar';
import { MappaError } from '../../../src/shared/errors';

/** Any real date from 1900 to 2100, written YYYY-MM-DD. */
const aDate = fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

describe('a plain date is a real calendar day written YYYY-MM-DD', () => {
  it('accepts real days, leap days in leap years only, and refuses other shapes', () => {
    expect(isValidDate('2026-11-24')).toBe(true);
    expect(isValidDate('2024-02-29')).toBe(true);
    expect(isValidDate('2026-02-29')).toBe(false);
    expect(isValidDate('2100-02-29')).toBe(false); // a century not divisible by 400 is not a leap year
    expect(isValidDate('2000-02-29')).toBe(true);
    for (const bad of ['2026-02-30', '2026-13-01', '2026-00-10', '2026-04-31', '2026-2-3', '26-02-03', '2026-02-03T10:00:00Z', '', 'tomorrow', '0000-01-01']) {
      expect(isValidDate(bad), bad).toBe(false);
    }
  });

  it('requireDate refuses with the field and a sentence naming it', () => {
    expect(requireDate('2026-11-24', 'dob', 'Date of birth')).toBe('2026-11-24');
    expect(() => requireDate('2026-02-30', 'dob', 'Date of birth')).toThrow(new MappaError('invalid_date', 'Date of birth must be a real date.', 'dob'));
    try {
      requireDate('nope', 'dob', 'Date of birth');
    } catch (e) {
      expect(e).toMatchObject({ code: 'invalid_date', field: 'dob' });
    }
  });

  it('arithmetic refuses a date that is not real rather than rolling it over', () => {
    expect(() => addDays('2026-02-30', 1)).toThrow(MappaError);
    expect(() => addMonths('2026-13-01', 1)).toThrow(/not a real date/);
  });
});

describe('adding months: the same date next month, else the last day of that month', () => {
  it('31 January + 1 month is the last day of February (28, or 29 in a leap year)', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
  });

  it('31 March + 1 month is 30 April; the 15th stays the 15th', () => {
    expect(addMonths('2026-03-31', 1)).toBe('2026-04-30');
    expect(addMonths('2026-03-15', 1)).toBe('2026-04-15');
  });

  it('crosses years both ways, and does not drift when stepping month by month is not the same as adding at once', () => {
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonths('2026-01-31', 2)).toBe('2026-03-31'); // not 28 March
  });

  it('never produces an invalid date, and lands in the month asked for', () => {
    fc.assert(
      fc.property(aDate, fc.integer({ min: -600, max: 600 }), (date, months) => {
        const result = addMonths(date, months);
        expect(isValidDate(result)).toBe(true);
        const [y, m, d] = date.split('-').map(Number) as [number, number, number];
        const [ry, rm, rd] = result.split('-').map(Number) as [number, number, number];
        expect(ry * 12 + (rm - 1)).toBe(y * 12 + (m - 1) + months);
        // the same day of the month, unless that month is shorter: then its last day
        if (rd !== d) {
          expect(rd).toBeLessThan(d);
          expect(addDays(result, 1).slice(8)).toBe('01');
        }
      }),
    );
  });
});

describe('adding days', () => {
  it('crosses months, leap days and the clock changes without losing or gaining a day', () => {
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-03-28', 1)).toBe('2026-03-29');
    expect(addDays('2026-03-29', 1)).toBe('2026-03-30');
    expect(addDays('2026-10-25', 1)).toBe('2026-10-26');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(addDays('2026-11-24', 0)).toBe('2026-11-24');
  });

  it('adding n days then taking n away returns the same date, and daysBetween counts them', () => {
    fc.assert(
      fc.property(aDate, fc.integer({ min: -20_000, max: 20_000 }), (date, n) => {
        const later = addDays(date, n);
        expect(isValidDate(later)).toBe(true);
        expect(addDays(later, -n)).toBe(date);
        expect(daysBetween(date, later)).toBe(n);
        expect(compareDates(later, date)).toBe(Math.sign(n) || 0);
      }),
    );
  });
});

describe('age on a day', () => {
  it('is whole years: a birthday counts from the day itself', () => {
    expect(ageOn('2008-11-24', '2026-11-23')).toBe(17);
    expect(ageOn('2008-11-24', '2026-11-24')).toBe(18);
    expect(ageOn('1980-05-17', '2026-11-25')).toBe(46);
  });

  it('someone born on 29 February is a year older on 1 March in other years', () => {
    expect(ageOn('2008-02-29', '2026-02-28')).toBe(17);
    expect(ageOn('2008-02-29', '2026-03-01')).toBe(18);
    expect(ageOn('2008-02-29', '2028-02-29')).toBe(20);
  });

  it('agrees with counting birthdays by hand', () => {
    fc.assert(
      fc.property(aDate, aDate, (a, b) => {
        const [born, on] = a <= b ? [a, b] : [b, a];
        const [by, bm, bd] = born.split('-').map(Number) as [number, number, number];
        const [ty, tm, td] = on.split('-').map(Number) as [number, number, number];
        expect(ageOn(born, on)).toBe(ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0));
      }),
    );
  });
});

describe('comparing and weekdays', () => {
  it('orders dates and names the weekday', () => {
    expect(isBefore('2026-06-05', '2026-06-06')).toBe(true);
    expect(isAfter('2026-06-05', '2026-06-06')).toBe(false);
    expect(compareDates('2026-06-05', '2026-06-05')).toBe(0);
    expect(['2027-01-01', '2026-12-31', '2026-06-05'].sort(compareDates)).toEqual(['2026-06-05', '2026-12-31', '2027-01-01']);
    expect(dayOfWeek('2026-11-24')).toBe(2); // a Tuesday
    expect(dayOfWeek('2026-12-27')).toBe(0); // a Sunday
  });
});
