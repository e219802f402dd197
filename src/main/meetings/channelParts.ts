import type { MeetingView } from '../../shared/channels/meetings';
import type { Ctx } from '../access/context';
import type { ActEntry } from '../audit';
import type { Reader, Writer } from '../db/types';
import { meetingView, requireMeetingSubject } from './meetings';
import { mayReadMeeting } from './readers';

// Small pieces every meetings channel uses: the meeting as the person reading may see it,
// one audit entry per person it names, and the subject of an act on a person at a meeting.

export const viewFor = (r: Reader, meetingId: string, ctx: Ctx): MeetingView =>
  meetingView(r, meetingId, { userId: ctx.actor.userId, mayRead: mayReadMeeting(r, meetingId, ctx.actor.userId) }, ctx.now);

/** One entry per subject the view names (so each subject's audit trail shows the meeting). */
export const perSubject = (view: MeetingView, entry: Omit<ActEntry, 'subjectId'>): ActEntry[] => {
  const named = view.subjectList.filter((s) => s.name !== null);
  return named.length === 0 ? [entry] : named.map((s) => ({ ...entry, subjectId: s.subjectId }));
};

/** The subject of an act on a person at a meeting, once known to be on its agenda. */
export const onAgenda = (meetingId: string, subjectId: string) => (w: Writer) => {
  requireMeetingSubject(w, meetingId, subjectId);
  return subjectId;
};
