import type { AttendeeView, MeetingSummary, MeetingView, MinutesView } from '../../../../shared/channels/meetings';
import { formatLondonDate, formatLondonDateTime, formatLondonTime, londonDayStart } from '../../../../shared/calendar';
import { ACTION_STATUSES, MINUTES_STATUSES, type ActionStatus, type MinutesStatus } from '../../../../shared/meetingsVocabulary';
import { Tag } from '../../components/tags';

// Small pieces the meetings screens share (issue 11): status tags, the chair's deadline,
// where and when a meeting is, and which attendee the person at the screen is.

export { ActionLink, BackLink, PageHeading, WarningText } from '../sharing/parts';

type Colour = 'grey' | 'green' | 'red' | 'orange' | 'blue' | 'yellow' | 'purple';

const MEETING_STATUS: Record<MeetingSummary['status'], { label: string; colour: Colour }> = {
  scheduled: { label: 'Scheduled', colour: 'blue' },
  held: { label: 'Held', colour: 'green' },
  cancelled: { label: 'Cancelled', colour: 'red' },
};

export function MeetingStatusTag({ status }: { status: MeetingSummary['status'] }) {
  return <Tag colour={MEETING_STATUS[status].colour}>{MEETING_STATUS[status].label}</Tag>;
}

const MINUTES_COLOURS: Record<MinutesStatus, Colour> = { draft: 'blue', sent: 'yellow', amended: 'purple', final: 'green' };

export function MinutesStatusTag({ status }: { status: MinutesStatus | null }) {
  if (status === null) return <Tag colour="grey">Not started</Tag>;
  return <Tag colour={MINUTES_COLOURS[status]}>{MINUTES_STATUSES[status]}</Tag>;
}

const ACTION_COLOURS: Record<ActionStatus, Colour> = { open: 'blue', in_progress: 'yellow', done: 'green', cancelled: 'grey' };

export function ActionStatusTag({ status }: { status: ActionStatus }) {
  return <Tag colour={ACTION_COLOURS[status]}>{ACTION_STATUSES[status]}</Tag>;
}

export function OverdueTag() {
  return <Tag colour="red">Overdue</Tag>;
}

/** The chair's deadline in words: "Due 7 December 2026 (received 30 November 2026)", with the overdue tag. */
export function ChairDue({ due }: { due: MinutesView['chairDue'] }) {
  if (due.dueOn === null) return <>Not sent to the chair yet</>;
  return (
    <>
      {due.overdue ? <OverdueTag /> : null}
      Due {formatLondonDate(due.dueOn)}
      {due.receivedOn ? ` (received ${formatLondonDate(due.receivedOn)})` : ''}
      {due.notice ? <span className="govuk-hint govuk-!-margin-bottom-0"> {due.notice}</span> : null}
    </>
  );
}

export function whereText(m: { place: string | null; remote: boolean; remoteDetails?: string | null }): string {
  const parts = [m.place, m.remote ? `remote${m.remoteDetails ? ` (${m.remoteDetails})` : ''}` : null].filter((p): p is string => p !== null && p !== '');
  return parts.join('; also ');
}

export const whenText = (startsAt: string) => formatLondonDateTime(startsAt);
export const timeText = (startsAt: string) => formatLondonTime(startsAt);

/** The attendee this register user is in the meeting, if any. */
export function myAttendee(meeting: MeetingView, userName: string): AttendeeView | undefined {
  return meeting.attendees.find((a) => a.userName === userName);
}

/**
 * The instant a London wall-clock time names ('2026-11-30', '10:00' -> '2026-11-30T10:00:00.000Z'),
 * right across the clock changes: the day's first instant plus the hours, moved by an hour
 * when the clocks changed earlier that day. Null for anything unreadable.
 */
export function londonInstant(day: string, time: string): string | null {
  const t = /^(\d{1,2}):(\d{2})$/.exec(time.trim());
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || !t) return null;
  const wanted = `${t[1]!.padStart(2, '0')}:${t[2]!}`;
  let start: string;
  try {
    start = londonDayStart(day);
  } catch {
    return null;
  }
  const base = new Date(start).getTime() + (Number(t[1]) * 60 + Number(t[2])) * 60_000;
  for (const shift of [0, -3_600_000, 3_600_000]) {
    const at = new Date(base + shift).toISOString();
    if (formatLondonTime(at) === wanted) return at;
  }
  return null;
}

/** How a signature was made, in words. */
export function signatureText(s: AttendeeView['signatures'][number], subjectName: (id: string) => string): string {
  const how = s.how === 'in_room' ? 'in the room' : 'with their own register';
  const scope = s.subjectId === null ? 'for the whole meeting' : `before ${subjectName(s.subjectId)}`;
  return `Version ${s.version}, ${scope}, ${formatLondonDateTime(s.signedAt)}, ${how} (recorded by ${s.recordedBy})`;
}
