// Failed-unlock bookkeeping in a small non-secret file, so the delay survives restarts.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { z } from 'zod';
import { type Clock, systemClock } from '../../shared/calendar';
import { ATTEMPTS_FILE } from './format';
import { writeFileAtomicSync } from './atomicWrite';

const schema = z.object({
  failedAttempts: z.number().int().nonnegative(),
  lastFailureAt: z.number().nonnegative(),
});

export interface Attempts {
  failedAttempts: number;
  lastFailureAt: number;
}

const MAX_DELAY_MS = 15 * 60 * 1000;

/** 0 before any failure, then 1 s, 2 s, 4 s ... up to 15 minutes. */
export function delayAfter(failedAttempts: number): number {
  if (failedAttempts <= 0) return 0;
  return Math.min(1000 * 2 ** Math.min(failedAttempts - 1, 30), MAX_DELAY_MS);
}

export function readAttempts(folder: string): Attempts {
  try {
    const r = schema.safeParse(JSON.parse(fs.readFileSync(path.join(folder, ATTEMPTS_FILE), 'utf8')));
    if (r.success) return r.data;
  } catch {
    // missing or unreadable: no recorded failures
  }
  return { failedAttempts: 0, lastFailureAt: 0 };
}

/** How long until the next attempt is allowed, by `clock` (tests pass one they can move on instead of sleeping). */
export function unlockWait(folder: string, clock: Clock = systemClock): { failedAttempts: number; waitMs: number } {
  const now = clock().getTime();
  const a = readAttempts(folder);
  const delay = delayAfter(a.failedAttempts);
  const waitMs = Math.max(0, Math.min(delay, a.lastFailureAt + delay - now));
  return { failedAttempts: a.failedAttempts, waitMs };
}

function write(folder: string, a: Attempts): void {
  try {
    writeFileAtomicSync(path.join(folder, ATTEMPTS_FILE), Buffer.from(`${JSON.stringify(a)}\n`, 'utf8'));
  } catch {
    // The delay is a courtesy brake; scrypt is the real cost. Never block an unlock on it.
  }
}

export function recordFailure(folder: string, clock: Clock = systemClock): void {
  const a = readAttempts(folder);
  write(folder, { failedAttempts: a.failedAttempts + 1, lastFailureAt: clock().getTime() });
}

/** Clears the count after a successful unlock; returns the failures since the last success. */
export function resetAttempts(folder: string): number {
  const a = readAttempts(folder);
  if (a.failedAttempts > 0) write(folder, { failedAttempts: 0, lastFailureAt: 0 });
  return a.failedAttempts;
}
