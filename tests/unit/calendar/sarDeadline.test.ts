// Issue 13, the deadline engine: each case written from the rules (DOMAIN.md "Subject
// access requests"; ICO guidance on time limits; DPA 2018 s54(3A)–(3C); UK GDPR Art. 12A),
// with the day of the week and the bank holidays checked against the England and Wales list.
import { describe, expect, it } from 'vitest';
import { createCalendar } from '../../../src/shared/calendar';
import { sarBand, sarDeadline, type DeadlineFacts } from '../../../src/shared/sarDeadline';

const calendar = createCalendar();
const facts = (over: Partial<DeadlineFacts> & { receivedOn: string }): DeadlineFacts => ({
  identityVerifiedOn: over.receivedOn,
  feeRequired: false,
  feeReceivedOn: null,
  pauses: [],
  extension: null,
  ...over,
});
const dueOf = (over: Partial<DeadlineFacts> & { receivedOn: string }) => {
  const d = sarDeadline(facts(over), calendar);
  if (d.state !== 'running') throw new Error(`not running: ${d.state}`);
  return d;
};

describe('one calendar month from the start', () => {
  it('is the same date next month when it is a working day', () => {
    // Monday 12 October 2026 -> Thursday 12 November 2026.
    expect(dueOf({ receivedOn: '2026-10-12' })).toMatchObject({ start: '2026-10-12', dueOn: '2026-11-12', extended: false });
  });

  it('is the last day of the next month when it has no such date, then the next working day', () => {
    // 31 January 2027 -> 28 February 2027, a Sunday -> Monday 1 March 2027.
    const d = dueOf({ receivedOn: '2027-01-31' });
    expect(d.dueOn).toBe('2027-03-01');
    expect(d.explanation).toContain('One calendar month from 31 January 2027 is 28 February 2027 (that month has no such date, so its last day).');
    expect(d.explanation).toContain('28 February 2027 is not a working day, so the response is due on the next one, 1 March 2027.');
  });

  it('counts a leap year’s 29 February', () => {
    // 31 January 2028 -> Tuesday 29 February 2028 (beyond the known bank holidays: said so).
    const d = dueOf({ receivedOn: '2028-01-31' });
    expect(d.dueOn).toBe('2028-02-29');
    expect(d.notice).toBe('Bank holidays are known only up to 31 December 2027; this date assumes none after that.');
  });

  it('moves a due day on a bank holiday to the next working day: Good Friday and Easter Monday 2026', () => {
    // 3 March 2026 -> 3 April 2026 (Good Friday); 4-5 April a weekend; 6 April Easter Monday -> Tuesday 7 April.
    expect(dueOf({ receivedOn: '2026-03-03' }).dueOn).toBe('2026-04-07');
  });

  it('moves a due day at Christmas past the substitute Boxing Day', () => {
    // 25 November 2026 -> Friday 25 December; Boxing Day is a Saturday, so its substitute is Monday 28 December -> Tuesday 29 December.
    expect(dueOf({ receivedOn: '2026-11-25' }).dueOn).toBe('2026-12-29');
  });

  it('runs across a year end', () => {
    // 15 December 2026 -> Friday 15 January 2027.
    expect(dueOf({ receivedOn: '2026-12-15' }).dueOn).toBe('2027-01-15');
  });
});

describe('when the clock starts', () => {
  it('waits for the requester’s identity, then starts on the day it was verified', () => {
    expect(sarDeadline(facts({ receivedOn: '2026-05-01', identityVerifiedOn: null }), calendar)).toMatchObject({ state: 'not_started', waitingFor: 'identity' });
    // Verified Tuesday 12 May 2026 -> Friday 12 June 2026.
    expect(dueOf({ receivedOn: '2026-05-01', identityVerifiedOn: '2026-05-12' })).toMatchObject({ start: '2026-05-12', dueOn: '2026-06-12' });
  });

  it('waits for a fee only where one was asked for, then runs from its payment', () => {
    expect(sarDeadline(facts({ receivedOn: '2026-05-01', feeRequired: true }), calendar)).toMatchObject({ state: 'not_started', waitingFor: 'fee' });
    // Paid Wednesday 20 May -> 20 June 2026 is a Saturday -> Monday 22 June.
    const d = dueOf({ receivedOn: '2026-05-01', identityVerifiedOn: '2026-05-12', feeRequired: true, feeReceivedOn: '2026-05-20' });
    expect(d).toMatchObject({ start: '2026-05-20', dueOn: '2026-06-22' });
    expect(d.explanation[0]).toBe('The clock started on 20 May 2026, the latest of: received 1 May 2026; identity verified 12 May 2026; fee received 20 May 2026.');
    // A fee received when none was asked for does not move the start.
    expect(dueOf({ receivedOn: '2026-05-01', feeReceivedOn: '2026-05-20' }).start).toBe('2026-05-01');
  });

  it('refuses an identity verified before the request arrived', () => {
    expect(() => sarDeadline(facts({ receivedOn: '2026-05-12', identityVerifiedOn: '2026-05-01' }), calendar)).toThrow('Identity cannot be verified (1 May 2026) before the request was received (12 May 2026).');
  });
});

describe('a stopped clock', () => {
  it('adds the days from asking for clarification to receiving it', () => {
    // Start Monday 1 June 2026; stopped 10 to 17 June (7 days): 1 July + 7 = Wednesday 8 July.
    const d = dueOf({ receivedOn: '2026-06-01', pauses: [{ askedOn: '2026-06-10', answeredOn: '2026-06-17' }] });
    expect(d).toMatchObject({ dueOn: '2026-07-08', daysStopped: 7 });
    expect(d.explanation).toContain('Stopped from 10 June 2026 (clarification asked for) to 17 June 2026 (answer received): 7 days added.');
  });

  it('has no due day while the answer is awaited', () => {
    expect(sarDeadline(facts({ receivedOn: '2026-06-01', pauses: [{ askedOn: '2026-06-10', answeredOn: null }] }), calendar)).toMatchObject({ state: 'stopped', stoppedSince: '2026-06-10' });
  });

  it('adds several stops, one after another', () => {
    // 3 + 4 days: 1 July + 7 = 8 July 2026.
    const d = dueOf({ receivedOn: '2026-06-01', pauses: [{ askedOn: '2026-06-02', answeredOn: '2026-06-05' }, { askedOn: '2026-06-08', answeredOn: '2026-06-12' }] });
    expect(d).toMatchObject({ dueOn: '2026-07-08', daysStopped: 7 });
  });

  it('refuses stops that cannot be: before the start, answered before asked, overlapping', () => {
    expect(() => sarDeadline(facts({ receivedOn: '2026-06-10', pauses: [{ askedOn: '2026-06-01', answeredOn: '2026-06-12' }] }), calendar)).toThrow(/before the clock started on 10 June 2026/);
    expect(() => sarDeadline(facts({ receivedOn: '2026-06-01', pauses: [{ askedOn: '2026-06-10', answeredOn: '2026-06-05' }] }), calendar)).toThrow(/answered on 5 June 2026, before it was asked for on 10 June 2026/);
    expect(() => sarDeadline(facts({ receivedOn: '2026-06-01', pauses: [{ askedOn: '2026-06-10', answeredOn: '2026-06-15' }, { askedOn: '2026-06-12', answeredOn: '2026-06-20' }] }), calendar)).toThrow(/one question at a time/);
  });
});

describe('an extension for a complex or numerous request', () => {
  it('runs to three months from the start, not the first due day plus two months', () => {
    // Start Saturday 31 January 2026: the first month ends 28 February, a Saturday, so the first due day is Monday 2 March.
    // Three months from the start is Thursday 30 April 2026; the first due day plus two months would be 28 April or 2 May.
    const d = dueOf({ receivedOn: '2026-01-31', extension: { toldOn: '2026-02-20' } });
    expect(d).toMatchObject({ firstDueOn: '2026-03-02', dueOn: '2026-04-30', extended: true });
    expect(d.explanation.at(-1)).toBe('Extended for a complex or numerous request (the requester was told on 20 February 2026): three months from 31 January 2026, 30 April 2026.');
  });

  it('adds the stopped days to the extended deadline too', () => {
    expect(dueOf({ receivedOn: '2026-06-01', pauses: [{ askedOn: '2026-06-10', answeredOn: '2026-06-17' }], extension: { toldOn: '2026-06-30' } }).dueOn).toBe('2026-09-08');
  });

  it('refuses an extension the requester was told of after the first month', () => {
    // First due Wednesday 1 July 2026; told 2 July: refused.
    expect(() => dueOf({ receivedOn: '2026-06-01', extension: { toldOn: '2026-07-02' } })).toThrow(
      'The requester was told of the extension on 2 July 2026, after the first month ended on 1 July 2026: an extension must be told, with its reasons, within the first month, so it cannot be recorded.',
    );
    // Told on the last day of the first month: allowed.
    expect(dueOf({ receivedOn: '2026-06-01', extension: { toldOn: '2026-07-01' } }).dueOn).toBe('2026-09-01');
  });
});

describe('the dashboard’s bands', () => {
  const running = dueOf({ receivedOn: '2026-10-12' }); // due 12 November 2026
  it.each([
    ['2026-10-20', 'green', '23 days left'],
    ['2026-11-02', 'amber', '10 days left'],
    ['2026-11-07', 'red', '5 days left'],
    ['2026-11-12', 'red', 'Due today'],
    ['2026-11-13', 'red', 'Overdue by 1 day'],
  ] as const)('on %s it is %s: %s', (today, band, label) => {
    expect(sarBand(running, today)).toMatchObject({ band, label });
  });
  it('shows a request whose clock has not started or is stopped by what it waits for', () => {
    expect(sarBand(sarDeadline(facts({ receivedOn: '2026-05-01', identityVerifiedOn: null }), calendar), '2026-05-02')).toEqual({ daysLeft: null, band: 'green', label: 'Waiting for identity' });
  });
});
