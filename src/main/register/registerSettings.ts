import type { Reader, Writer } from '../db/types';

// Register-wide settings an IG lead or administrator may change, with their defaults.
// Procedures §8: Level 3 cases in the community are reviewed every 4–6 weeks; national
// guidance: Level 2 at least every 16 weeks.
export const DEFAULT_REVIEW_WEEKS = { 2: 16, 3: 4 } as const;

export function reviewWeeks(r: Reader, level: 2 | 3): number {
  const row = r.get<{ value: string }>('SELECT value FROM settings WHERE key = ?', [`review_weeks_level${level}`]);
  const value = row ? Number(row.value) : NaN;
  return Number.isInteger(value) && value > 0 ? value : DEFAULT_REVIEW_WEEKS[level];
}

export function setReviewWeeks(w: Writer, level: 2 | 3, weeks: number): void {
  w.run('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value', [`review_weeks_level${level}`, String(weeks)]);
}
