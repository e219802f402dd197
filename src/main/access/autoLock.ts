import type { Reader, Writer } from '../db/types';

// Auto-lock after inactivity (DESIGN.md: locking drops the key and the database). The
// period is a register-wide setting an IG lead or administrator may change.

export const AUTO_LOCK_SETTING = 'auto_lock_minutes';
export const DEFAULT_AUTO_LOCK_MINUTES = 5;
export const MAX_AUTO_LOCK_MINUTES = 60;

export function autoLockMinutes(r: Reader): number {
  const row = r.get<{ value: string }>('SELECT value FROM settings WHERE key = ?', [AUTO_LOCK_SETTING]);
  const value = row ? Number(row.value) : NaN;
  return Number.isInteger(value) && value >= 1 && value <= MAX_AUTO_LOCK_MINUTES ? value : DEFAULT_AUTO_LOCK_MINUTES;
}

export function setAutoLockMinutes(w: Writer, minutes: number): void {
  w.run('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value', [AUTO_LOCK_SETTING, String(minutes)]);
}

/** Tracks the last moment the person did something; says when the register should lock. */
export class IdleTimer {
  private last: number;
  constructor(
    private readonly clock: () => Date,
    private minutes: number,
  ) {
    this.last = clock().getTime();
  }
  touch(): void {
    this.last = this.clock().getTime();
  }
  setMinutes(minutes: number): void {
    this.minutes = minutes;
  }
  /** Milliseconds until the register locks itself (0 = now). */
  remainingMs(): number {
    return Math.max(0, this.last + this.minutes * 60_000 - this.clock().getTime());
  }
}
