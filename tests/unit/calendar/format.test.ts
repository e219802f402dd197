import { describe, expect, it } from 'vitest';
import { formatLondonDate, formatLondonDateTime, formatLondonTime } from '../../../src/shared/calendar';

describe('dates in words, as people in England and Wales read them', () => {
  it('a timestamp shows its London date: 23:30 UTC on 5 June is already 6 June', () => {
    expect(formatLondonDate('2026-06-05T23:30:00Z')).toBe('6 June 2026');
    expect(formatLondonDateTime('2026-06-05T23:30:00Z')).toBe('6 June 2026, 00:30');
    expect(formatLondonTime('2026-06-05T23:30:00Z')).toBe('00:30');
  });

  it('a winter timestamp is shown in GMT', () => {
    expect(formatLondonDateTime('2026-03-05T14:03:22Z')).toBe('5 March 2026, 14:03');
    expect(formatLondonDateTime('2026-12-31T23:59:00.000Z')).toBe('31 December 2026, 23:59');
  });

  it('around the clock changes', () => {
    expect(formatLondonDateTime('2026-03-29T00:59:00Z')).toBe('29 March 2026, 00:59');
    expect(formatLondonDateTime('2026-03-29T01:00:00Z')).toBe('29 March 2026, 02:00');
    expect(formatLondonDateTime('2026-10-25T00:30:00Z')).toBe('25 October 2026, 01:30');
    expect(formatLondonDateTime('2026-10-25T01:30:00Z')).toBe('25 October 2026, 01:30');
  });

  it('a plain date is the day it names, with no time zone shift', () => {
    expect(formatLondonDate('2026-11-24')).toBe('24 November 2026');
    expect(formatLondonDate('2026-06-06')).toBe('6 June 2026');
    expect(formatLondonDate('2026-03-29')).toBe('29 March 2026');
    expect(formatLondonDateTime('2026-06-06')).toBe('6 June 2026');
  });

  it('nothing shows as empty, and what cannot be read is shown as it is', () => {
    expect(formatLondonDate(null)).toBe('');
    expect(formatLondonDate('')).toBe('');
    expect(formatLondonDateTime(undefined)).toBe('');
    expect(formatLondonDate('not a date')).toBe('not a date');
    expect(formatLondonDateTime('2026-02-30T10:00:00Z')).toBe('2026-02-30T10:00:00Z');
  });
});
