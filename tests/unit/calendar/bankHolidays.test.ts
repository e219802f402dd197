import { addDays as addDaysTo, getDay, lastDayOfMonth, nextMonday, previousMonday, startOfMonth } from 'date-fns';
import { describe, expect, it } from 'vitest';
import { addDays, bankHolidayListSchema, dayOfWeek, ENGLAND_AND_WALES_BANK_HOLIDAYS as LIST } from '../../../src/shared/calendar';
import { noonToPlainDate, plainDateToNoon } from '../../../src/shared/calendar/plainDate';

// The shipped list was written from the rules; here every year is worked out again by a
// different method (Gauss's Easter, date-fns for the Mondays) and the two must agree.

/** Easter Sunday by Gauss's algorithm, with its two April exceptions. */
function gaussEaster(year: number): string {
  const a = year % 19;
  const b = year % 4;
  const c = year % 7;
  const k = Math.floor(year / 100);
  const p = Math.floor((13 + 8 * k) / 25);
  const q = Math.floor(k / 4);
  const M = (15 - p + k - q) % 30;
  const N = (4 + k - q) % 7;
  const d = (19 * a + M) % 30;
  const e = (2 * b + 4 * c + 6 * d + N) % 7;
  let march = 22 + d + e;
  if (d === 29 && e === 6) march = 19 + 31;
  else if (d === 28 && e === 6 && (11 * M + 11) % 30 < 19) march = 18 + 31;
  return march <= 31 ? `${year}-03-${String(march).padStart(2, '0')}` : `${year}-04-${String(march - 31).padStart(2, '0')}`;
}

/** Easter Sundays as published (Church of England), a third check on the computus. */
const EASTER_SUNDAYS = ['2018-04-01', '2019-04-21', '2020-04-12', '2021-04-04', '2022-04-17', '2023-04-09', '2024-03-31', '2025-04-20', '2026-04-05', '2027-03-28'];

const firstMondayOf = (year: number, month: number) => {
  const first = startOfMonth(plainDateToNoon(`${year}-${String(month).padStart(2, '0')}-01`));
  return noonToPlainDate(getDay(first) === 1 ? first : nextMonday(first));
};
const lastMondayOf = (year: number, month: number) => {
  const last = lastDayOfMonth(plainDateToNoon(`${year}-${String(month).padStart(2, '0')}-01`));
  return noonToPlainDate(getDay(last) === 1 ? last : previousMonday(last));
};
/** The fixed-date holiday, or the first weekday not already taken when it falls at a weekend. */
function withSubstitutes(fixed: Array<{ date: string; title: string }>): Array<{ date: string; title: string; notes?: string }> {
  const taken = new Set<string>();
  const out: Array<{ date: string; title: string; notes?: string }> = [];
  for (const h of fixed) if (dayOfWeek(h.date) % 6 !== 0) taken.add(h.date);
  for (const h of fixed) {
    if (dayOfWeek(h.date) % 6 !== 0) {
      out.push(h);
      continue;
    }
    let d = plainDateToNoon(h.date);
    while (getDay(d) % 6 === 0 || taken.has(noonToPlainDate(d))) d = addDaysTo(d, 1);
    taken.add(noonToPlainDate(d));
    out.push({ date: noonToPlainDate(d), title: h.title, notes: 'Substitute day' });
  }
  return out;
}

/** One-off changes announced by royal proclamation. */
const ONE_OFFS: Record<number, { remove: string[]; add: Array<{ date: string; title: string }> }> = {
  2020: { remove: ['2020-05-04'], add: [{ date: '2020-05-08', title: 'Early May bank holiday (VE day)' }] },
  2022: {
    remove: ['2022-05-30'],
    add: [
      { date: '2022-06-02', title: 'Spring bank holiday' },
      { date: '2022-06-03', title: 'Platinum Jubilee bank holiday' },
      { date: '2022-09-19', title: 'Bank Holiday for the State Funeral of Queen Elizabeth II' },
    ],
  },
  2023: { remove: [], add: [{ date: '2023-05-08', title: 'Bank holiday for the coronation of King Charles III' }] },
};

function expectedYear(year: number) {
  const easter = gaussEaster(year);
  const list = [
    ...withSubstitutes([{ date: `${year}-01-01`, title: 'New Year’s Day' }]),
    { date: addDays(easter, -2), title: 'Good Friday' },
    { date: addDays(easter, 1), title: 'Easter Monday' },
    { date: firstMondayOf(year, 5), title: 'Early May bank holiday' },
    { date: lastMondayOf(year, 5), title: 'Spring bank holiday' },
    { date: lastMondayOf(year, 8), title: 'Summer bank holiday' },
    ...withSubstitutes([
      { date: `${year}-12-25`, title: 'Christmas Day' },
      { date: `${year}-12-26`, title: 'Boxing Day' },
    ]),
  ];
  const change = ONE_OFFS[year] ?? { remove: [], add: [] };
  return [...list.filter((h) => !change.remove.includes(h.date)), ...change.add].sort((a, b) => a.date.localeCompare(b.date));
}

describe('the shipped England and Wales bank holiday list', () => {
  it('says where it came from, when it was taken and which years it covers (2018 to 2027)', () => {
    expect(LIST.source).toMatch(/GOV\.UK/);
    expect(LIST.source).toMatch(/England and Wales/);
    expect(LIST.division).toBe('england-and-wales');
    expect(LIST.takenOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect([LIST.firstYear, LIST.lastYear]).toEqual([2018, 2027]);
  });

  it('has well-known dates', () => {
    const on = (date: string) => LIST.holidays.find((h) => h.date === date);
    expect(on('2025-04-18')).toMatchObject({ title: 'Good Friday' });
    expect(on('2026-12-28')).toMatchObject({ title: 'Boxing Day', notes: 'Substitute day' });
    expect(on('2027-03-26')).toMatchObject({ title: 'Good Friday' });
    expect(on('2022-09-19')).toMatchObject({ title: 'Bank Holiday for the State Funeral of Queen Elizabeth II' });
    expect(on('2023-05-08')).toMatchObject({ title: 'Bank holiday for the coronation of King Charles III' });
    expect(on('2020-05-08')).toMatchObject({ title: 'Early May bank holiday (VE day)' });
    expect(on('2020-05-04')).toBeUndefined();
    expect(on('2022-05-30')).toBeUndefined();
    expect(on('2021-12-27')).toMatchObject({ title: 'Christmas Day', notes: 'Substitute day' });
    expect(on('2022-12-27')).toMatchObject({ title: 'Christmas Day', notes: 'Substitute day' });
  });

  it('Gauss’s Easter agrees with the published Easter Sundays', () => {
    expect(EASTER_SUNDAYS.map((d) => gaussEaster(Number(d.slice(0, 4))))).toEqual(EASTER_SUNDAYS);
  });

  for (let year = 2018; year <= 2027; year++) {
    it(`${year} matches the rules worked out a second way`, () => {
      const shipped = LIST.holidays.filter((h) => h.date.startsWith(`${year}-`)).map((h) => ({ ...h }));
      expect(shipped).toEqual(expectedYear(year));
    });
  }

  it('every holiday falls on a weekday (substitutes included), and only the 2022 Jubilee pair are not Mondays or Fridays apart from fixed dates', () => {
    const weekdays = LIST.holidays.map((h) => ({ ...h, weekday: dayOfWeek(h.date) }));
    expect(weekdays.filter((h) => h.weekday === 0 || h.weekday === 6)).toEqual([]);
    const fixedDate = /New Year|Christmas|Boxing/;
    expect(weekdays.filter((h) => !fixedDate.test(h.title) && h.weekday !== 1 && h.weekday !== 5).map((h) => h.date)).toEqual(['2022-06-02']);
  });

  it('counts 8 holidays a year, 10 in 2022 and 9 in 2023', () => {
    const perYear = new Map<number, number>();
    for (const h of LIST.holidays) perYear.set(Number(h.date.slice(0, 4)), (perYear.get(Number(h.date.slice(0, 4))) ?? 0) + 1);
    expect(Object.fromEntries(perYear)).toEqual({ 2018: 8, 2019: 8, 2020: 8, 2021: 8, 2022: 10, 2023: 9, 2024: 8, 2025: 8, 2026: 8, 2027: 8 });
  });

  it('a list out of order, outside its years, or with a date that is not real is refused', () => {
    const base = { source: 's', division: 'england-and-wales', takenOn: '2026-11-25', firstYear: 2026, lastYear: 2026 };
    expect(bankHolidayListSchema.safeParse({ ...base, holidays: [{ date: '2026-12-25', title: 'A' }, { date: '2026-01-01', title: 'B' }] }).success).toBe(false);
    expect(bankHolidayListSchema.safeParse({ ...base, holidays: [{ date: '2027-01-01', title: 'A' }] }).success).toBe(false);
    expect(bankHolidayListSchema.safeParse({ ...base, holidays: [{ date: '2026-02-30', title: 'A' }] }).success).toBe(false);
    expect(bankHolidayListSchema.safeParse({ ...base, holidays: [{ date: '2026-12-25', title: 'A' }] }).success).toBe(true);
  });
});
