import { z } from 'zod';
import { type Calendar, createCalendar, ENGLAND_AND_WALES_BANK_HOLIDAYS } from '../../shared/calendar';
import { MappaError } from '../../shared/errors';
import type { CalendarHolidays, ExtraHoliday } from '../../shared/extraHolidays';
import { acted, type Acted } from '../audit';
import type { Reader, Writer } from '../db/types';

// The register's calendar: the England and Wales bank holidays shipped with the app, and
// the extra ones an administrator adds when a holiday is announced after the data file
// was taken. Capabilities that count working days (meetings, subject access requests)
// take their calendar from registerCalendar, never createCalendar() on its own.

export const EXTRA_HOLIDAYS_SETTING = 'extra_bank_holidays';

const stored = z.array(z.object({ date: z.string(), title: z.string() }));

/** The administrator's extra bank holidays, in date order. */
export function extraHolidays(r: Reader): ExtraHoliday[] {
  const row = r.get<{ value: string }>('SELECT value FROM settings WHERE key = ?', [EXTRA_HOLIDAYS_SETTING]);
  if (!row) return [];
  const parsed = stored.safeParse(jsonOrNothing(row.value));
  // Counting deadlines with a list it cannot read would be silently wrong: say so instead.
  if (!parsed.success) throw new MappaError('damaged_setting', 'The register’s list of extra bank holidays cannot be read. An administrator can enter it again under Bank holidays.');
  return parsed.data;
}

/** The calendar working days are counted with in this register. */
export function registerCalendar(r: Reader): Calendar {
  return createCalendar({ extraHolidays: extraHolidays(r) });
}

/** What the screens show: the years the shipped list covers, where it came from, and the extra holidays. */
export function calendarHolidays(r: Reader): CalendarHolidays {
  const calendar = registerCalendar(r);
  const list = ENGLAND_AND_WALES_BANK_HOLIDAYS;
  return { knownFrom: calendar.knownFrom, knownUntil: calendar.knownUntil, source: list.source, takenOn: list.takenOn, extra: extraHolidays(r) };
}

/**
 * Replaces the list (already checked by the contract: real dates, each once, none in the
 * shipped list). Audited as a settings change naming the dates added, removed and
 * renamed; saving the list unchanged changes nothing and records nothing.
 */
export function setExtraHolidays(w: Writer, holidays: readonly ExtraHoliday[]): Acted<void> {
  const before = new Map(extraHolidaysOrNone(w).map((h) => [h.date, h.title]));
  const after = new Map(holidays.map((h) => [h.date, h.title]));
  const added = [...after.keys()].filter((d) => !before.has(d)).sort();
  const removed = [...before.keys()].filter((d) => !after.has(d)).sort();
  const renamed = [...after.keys()].filter((d) => before.has(d) && before.get(d) !== after.get(d)).sort();
  if (added.length + removed.length + renamed.length === 0) return acted(undefined);
  const sorted = [...holidays].sort((a, b) => a.date.localeCompare(b.date)).map((h) => ({ date: h.date, title: h.title }));
  w.run('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value', [EXTRA_HOLIDAYS_SETTING, JSON.stringify(sorted)]);
  return acted(undefined, { action: 'settings_change', details: { key: EXTRA_HOLIDAYS_SETTING, added, removed, renamed } });
}

/** The list before a change: one that cannot be read is replaced whole. */
function extraHolidaysOrNone(r: Reader): ExtraHoliday[] {
  try {
    return extraHolidays(r);
  } catch {
    return [];
  }
}

function jsonOrNothing(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
