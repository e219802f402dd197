import { describe, expect, it } from 'vitest';
import { londonDayEnd, londonDayOf, londonDayStart, manualClock, systemClock, today } from '../../../src/shared/calendar';

// The register stores UTC instants; a person in England and Wales means the London day.

describe('the London day of an instant', () => {
  it('23:30 UTC on 5 June is 00:30 BST on 6 June, so it is 6 June', () => {
    expect(londonDayOf('2026-06-05T23:30:00Z')).toBe('2026-06-06');
    expect(today(new Date('2026-06-05T23:30:00Z'))).toBe('2026-06-06');
  });

  it('23:30 UTC in winter is 23:30 GMT, the same day', () => {
    expect(londonDayOf('2026-12-05T23:30:00Z')).toBe('2026-12-05');
    expect(londonDayOf(new Date('2026-12-05T23:59:59.999Z'))).toBe('2026-12-05');
  });

  it('reads timestamps with an offset', () => {
    expect(londonDayOf('2026-06-06T00:30:00+02:00')).toBe('2026-06-05');
  });

  it('refuses what is not a timestamp', () => {
    expect(() => londonDayOf('not a time')).toThrow(/not a date and time/);
  });
});

describe('the first and last instants of a London day', () => {
  it('a summer day runs from 23:00 UTC the day before', () => {
    expect(londonDayStart('2026-06-05')).toBe('2026-06-04T23:00:00.000Z');
    expect(londonDayEnd('2026-06-05')).toBe('2026-06-05T23:00:00.000Z');
  });

  it('a winter day is the UTC day', () => {
    expect(londonDayStart('2026-11-24')).toBe('2026-11-24T00:00:00.000Z');
    expect(londonDayEnd('2026-11-24')).toBe('2026-11-25T00:00:00.000Z');
  });

  it('the day the clocks go forward (29 March 2026) starts in GMT and is 23 hours long', () => {
    const start = londonDayStart('2026-03-29');
    const end = londonDayEnd('2026-03-29');
    expect(start).toBe('2026-03-29T00:00:00.000Z');
    expect(end).toBe('2026-03-29T23:00:00.000Z');
    expect(Date.parse(end) - Date.parse(start)).toBe(23 * 3_600_000);
  });

  it('the day the clocks go back (25 October 2026) starts in BST and is 25 hours long', () => {
    const start = londonDayStart('2026-10-25');
    const end = londonDayEnd('2026-10-25');
    expect(start).toBe('2026-10-24T23:00:00.000Z');
    expect(end).toBe('2026-10-26T00:00:00.000Z');
    expect(Date.parse(end) - Date.parse(start)).toBe(25 * 3_600_000);
  });

  it('every instant of the day falls between its start (inclusive) and end (exclusive)', () => {
    for (const day of ['2026-03-29', '2026-10-25', '2026-06-05', '2026-01-01']) {
      const start = Date.parse(londonDayStart(day));
      const end = Date.parse(londonDayEnd(day));
      expect(londonDayOf(new Date(start))).toBe(day);
      expect(londonDayOf(new Date(end - 1))).toBe(day);
      expect(londonDayOf(new Date(start - 1))).not.toBe(day);
      expect(londonDayOf(new Date(end))).not.toBe(day);
    }
  });

  it('refuses a day that is not real', () => {
    expect(() => londonDayStart('2026-02-30')).toThrow(/not a real date/);
  });
});

describe('the clock', () => {
  it('the system clock reads the computer’s time', () => {
    const before = Date.now();
    const now = systemClock().getTime();
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThanOrEqual(Date.now());
  });

  it('a manual clock stands still until it is set or advanced, so a test never sleeps', () => {
    const clock = manualClock('2026-06-05T23:30:00Z');
    expect(clock().toISOString()).toBe('2026-06-05T23:30:00.000Z');
    clock.advance(60 * 60_000);
    expect(today(clock())).toBe('2026-06-06');
    clock.set('2026-12-25T10:00:00Z');
    expect(clock().toISOString()).toBe('2026-12-25T10:00:00.000Z');
    const read = clock();
    read.setFullYear(1999); // a caller changing the Date it was given does not move the clock
    expect(clock().getFullYear()).toBe(2026);
  });
});
