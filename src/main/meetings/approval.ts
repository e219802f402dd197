import { londonDayOf, type WorkingDayResult } from '../../shared/calendar';
import { DEFAULT_CHAIR_WORKING_DAYS } from '../../shared/meetingsVocabulary';
import { registerCalendar } from '../access/calendarSettings';
import type { Reader, Writer } from '../db/types';

// The chair's deadline for the draft minutes. Procedures §7: the chair confirms that the
// minute is a correct record, or amends it, within 5 working days of receipt. The number
// is local practice, so it is a register setting (5 by default); the days are counted by
// the register's one calendar (England and Wales bank holidays, and any an administrator
// added). Receipt is the London day the minutes were sent to the chair.

export const CHAIR_DAYS_SETTING = 'minutes_chair_working_days';

export function chairWorkingDays(r: Reader): number {
  const row = r.get<{ value: string }>('SELECT value FROM settings WHERE key = ?', [CHAIR_DAYS_SETTING]);
  const value = row ? Number(row.value) : NaN;
  return Number.isInteger(value) && value > 0 ? value : DEFAULT_CHAIR_WORKING_DAYS;
}

export function setChairWorkingDays(w: Writer, days: number): void {
  w.run('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value', [CHAIR_DAYS_SETTING, String(days)]);
}

/** The day the chair must answer by, for minutes received on `receivedOn`. */
export function chairDeadline(r: Reader, receivedOn: string): WorkingDayResult {
  return registerCalendar(r).addWorkingDays(receivedOn, chairWorkingDays(r));
}

/** The deadline as the views show it: overdue once the London day is past the due day and the chair has not answered. */
export function chairDue(m: { status: string; received_on: string | null; chair_due_on: string | null; chair_due_notice: string | null }, now: Date) {
  const waiting = m.status === 'sent' || m.status === 'amended';
  const today = londonDayOf(now.toISOString());
  return {
    receivedOn: m.received_on,
    dueOn: m.chair_due_on,
    overdue: waiting && m.chair_due_on !== null && today > m.chair_due_on,
    notice: m.chair_due_notice,
  };
}
