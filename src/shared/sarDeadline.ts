import { MappaError } from './errors';
import { addDays, addMonths, compareDates, daysBetween, formatLondonDate, isAfter, isBefore, type Calendar, type PlainDate } from './calendar';

// The deadline of a subject access request (issue 13), in one module on the calendar, from
// the rules in DOMAIN.md "Subject access requests" (ICO guidance; UK GDPR Art. 12(3) and
// Art. 12A; DPA 2018 s54(3A)–(3C), as amended by the Data (Use and Access) Act 2025):
//
//   - The clock starts on the latest of: the day the request was received, the day the
//     requester's identity was verified, and (only where a fee is allowed and asked for)
//     the day the fee was received. Until then it has not started.
//   - One calendar month: the same date in the next month, or the last day of that month
//     where it has no such date (31 January -> 28 or 29 February).
//   - Asking for clarification stops the clock from the day it is asked to the day the
//     answer is received; those days are added to the deadline. While a question is
//     unanswered the clock stands still and there is no due date.
//   - An extension for a complex or numerous request runs to three months from the start
//     (as the ICO counts it, not the first due date plus two months), plus any stopped
//     days. The requester must be told, with reasons, within the first month: an extension
//     told after the first month's due day is refused.
//   - A due day on a weekend or an England and Wales bank holiday moves to the next
//     working day.
//
// Every result carries the sentences that say exactly how its days were counted, so the
// screen states the count and never works it out again.

export interface Pause {
  /** The day clarification (or other information needed) was asked for. */
  askedOn: PlainDate;
  /** The day the answer was received; null while it is awaited. */
  answeredOn: PlainDate | null;
}

export interface DeadlineFacts {
  receivedOn: PlainDate;
  /** Null while the requester's identity is not yet verified. */
  identityVerifiedOn: PlainDate | null;
  /** Whether a fee was asked for (manifestly unfounded or excessive, or further copies). */
  feeRequired: boolean;
  feeReceivedOn: PlainDate | null;
  pauses: readonly Pause[];
  /** The extension, when one was recorded: the day the requester was told, with reasons. */
  extension: { toldOn: PlainDate } | null;
}

export type DeadlineBand = 'red' | 'amber' | 'green';

/** The bands on the dashboard: red when overdue or due within this many days, amber within the next. */
export const RED_WITHIN_DAYS = 5;
export const AMBER_WITHIN_DAYS = 10;

export type Deadline =
  | { state: 'not_started'; waitingFor: 'identity' | 'fee'; explanation: string[] }
  | { state: 'stopped'; start: PlainDate; stoppedSince: PlainDate; daysStopped: number; explanation: string[] }
  | {
      state: 'running';
      start: PlainDate;
      /** The first month's due day (after stopped days and the move to a working day). */
      firstDueOn: PlainDate;
      /** The day the response is due: firstDueOn, or the extended day. */
      dueOn: PlainDate;
      extended: boolean;
      daysStopped: number;
      explanation: string[];
      /** Set when the count reached past the bank holidays the register knows. */
      notice: string | null;
    };

const say = (d: PlainDate) => formatLondonDate(d);
const maxDate = (...days: PlainDate[]) => days.reduce((a, b) => (compareDates(a, b) >= 0 ? a : b));

function checkPauses(pauses: readonly Pause[], start: PlainDate): void {
  let previousEnd: PlainDate | null = null;
  pauses.forEach((p, i) => {
    if (isBefore(p.askedOn, start)) throw new MappaError('invalid_pause', `Clarification ${i + 1} was asked for on ${say(p.askedOn)}, before the clock started on ${say(start)}: before then the clock was not running to stop.`, 'askedOn');
    if (p.answeredOn !== null && isBefore(p.answeredOn, p.askedOn)) throw new MappaError('invalid_pause', `Clarification ${i + 1} says it was answered on ${say(p.answeredOn)}, before it was asked for on ${say(p.askedOn)}.`, 'answeredOn');
    if (previousEnd !== null && isBefore(p.askedOn, previousEnd)) throw new MappaError('invalid_pause', `Clarification ${i + 1} was asked for before the answer to the one before it arrived: record one question at a time.`, 'askedOn');
    if (p.answeredOn === null && i !== pauses.length - 1) throw new MappaError('invalid_pause', 'Only the latest request for clarification can still be waiting for its answer.', 'answeredOn');
    previousEnd = p.answeredOn;
  });
}

/** The deadline as the rules count it; throws a MappaError naming the fact that cannot be. */
export function sarDeadline(facts: DeadlineFacts, calendar: Calendar): Deadline {
  const { receivedOn, identityVerifiedOn, feeRequired, feeReceivedOn } = facts;
  if (identityVerifiedOn !== null && isBefore(identityVerifiedOn, receivedOn)) {
    throw new MappaError('invalid_date', `Identity cannot be verified (${say(identityVerifiedOn)}) before the request was received (${say(receivedOn)}).`, 'identityVerifiedOn');
  }
  if (identityVerifiedOn === null) {
    return { state: 'not_started', waitingFor: 'identity', explanation: [`Received on ${say(receivedOn)}. The clock starts when the requester’s identity is verified.`] };
  }
  if (feeRequired && feeReceivedOn === null) {
    return { state: 'not_started', waitingFor: 'fee', explanation: [`Received on ${say(receivedOn)}; identity verified on ${say(identityVerifiedOn)}. A fee was asked for: the clock starts when it is received.`] };
  }
  const start = maxDate(receivedOn, identityVerifiedOn, ...(feeRequired && feeReceivedOn !== null ? [feeReceivedOn] : []));
  const explanation = [
    `The clock started on ${say(start)}, the latest of: received ${say(receivedOn)}; identity verified ${say(identityVerifiedOn)}${feeRequired && feeReceivedOn !== null ? `; fee received ${say(feeReceivedOn)}` : ''}.`,
  ];
  checkPauses(facts.pauses, start);
  let daysStopped = 0;
  for (const p of facts.pauses) {
    if (p.answeredOn === null) {
      return {
        state: 'stopped',
        start,
        stoppedSince: p.askedOn,
        daysStopped,
        explanation: [...explanation, `The clock stopped on ${say(p.askedOn)}, when clarification was asked for, and starts again on the day the answer is received.`],
      };
    }
    const days = daysBetween(p.askedOn, p.answeredOn);
    daysStopped += days;
    explanation.push(`Stopped from ${say(p.askedOn)} (clarification asked for) to ${say(p.answeredOn)} (answer received): ${days} ${days === 1 ? 'day' : 'days'} added.`);
  }
  const month = addMonths(start, 1);
  const rawFirst = addDays(month, daysStopped);
  explanation.push(
    daysStopped === 0
      ? `One calendar month from ${say(start)} is ${say(month)}${month.slice(8) !== start.slice(8) ? ' (that month has no such date, so its last day)' : ''}.`
      : `One calendar month from ${say(start)} is ${say(month)}${month.slice(8) !== start.slice(8) ? ' (that month has no such date, so its last day)' : ''}; with ${daysStopped} stopped ${daysStopped === 1 ? 'day' : 'days'}, ${say(rawFirst)}.`,
  );
  const first = calendar.nextWorkingDay(rawFirst);
  if (first.date !== rawFirst) explanation.push(`${say(rawFirst)} is not a working day, so the response is due on the next one, ${say(first.date)}.`);
  let notice = first.beyondKnownHolidays ? first.notice : null;
  if (facts.extension === null) {
    return { state: 'running', start, firstDueOn: first.date, dueOn: first.date, extended: false, daysStopped, explanation, notice };
  }
  if (isAfter(facts.extension.toldOn, first.date)) {
    throw new MappaError(
      'extension_too_late',
      `The requester was told of the extension on ${say(facts.extension.toldOn)}, after the first month ended on ${say(first.date)}: an extension must be told, with its reasons, within the first month, so it cannot be recorded.`,
      'toldOn',
    );
  }
  if (isBefore(facts.extension.toldOn, receivedOn)) throw new MappaError('invalid_date', 'The requester cannot be told of an extension before the request was received.', 'toldOn');
  const threeMonths = addMonths(start, 3);
  const rawExtended = addDays(threeMonths, daysStopped);
  const extended = calendar.nextWorkingDay(rawExtended);
  explanation.push(
    `Extended for a complex or numerous request (the requester was told on ${say(facts.extension.toldOn)}): three months from ${say(start)}${daysStopped > 0 ? `, with the stopped days` : ''}, ${say(rawExtended)}${extended.date !== rawExtended ? `, which is not a working day, so ${say(extended.date)}` : ''}.`,
  );
  if (extended.beyondKnownHolidays) notice = extended.notice;
  return { state: 'running', start, firstDueOn: first.date, dueOn: extended.date, extended: true, daysStopped, explanation, notice };
}

/** Days left until the due day (negative when overdue) and the dashboard's band. */
export function sarBand(deadline: Deadline, today: PlainDate): { daysLeft: number | null; band: DeadlineBand; label: string } {
  if (deadline.state !== 'running') {
    return { daysLeft: null, band: 'green', label: deadline.state === 'stopped' ? 'Clock stopped' : deadline.waitingFor === 'identity' ? 'Waiting for identity' : 'Waiting for the fee' };
  }
  const daysLeft = daysBetween(today, deadline.dueOn);
  if (daysLeft < 0) return { daysLeft, band: 'red', label: `Overdue by ${-daysLeft} ${daysLeft === -1 ? 'day' : 'days'}` };
  const label = daysLeft === 0 ? 'Due today' : `${daysLeft} ${daysLeft === 1 ? 'day' : 'days'} left`;
  if (daysLeft <= RED_WITHIN_DAYS) return { daysLeft, band: 'red', label };
  if (daysLeft <= AMBER_WITHIN_DAYS) return { daysLeft, band: 'amber', label };
  return { daysLeft, band: 'green', label };
}
