import type { meetingsContract, MinutesView } from '../../shared/channels/meetings';
import type { SliceService } from '../../shared/channels/slice';
import { MappaError } from '../../shared/errors';
import { allows } from '../../shared/permissions';
import { AGENCY_KINDS } from '../../shared/vocabulary';
import type { Ctx } from '../access/context';
import { requireOffice } from '../access/offices';
import type { ServiceDeps } from '../access/registerSession';
import { accessReasonFor, acted, readEntries, type ActEntry } from '../audit';
import type { Reader, Writer } from '../db/types';
import { blockedSubjects, BLOCKED_CHANGE, BLOCKED_OPEN } from '../register/associationBlock';
import { actOnSubject, liveSubject } from '../register/guard';
import { actionMeeting, actionSubject, getAction, listActions, setActionStatus } from './actions';
import { chairWorkingDays, setChairWorkingDays } from './approval';
import { onAgenda, perSubject, viewFor } from './channelParts';
import { copyChannels } from './copyService';
import { actOnSubjects } from '../register/guard';
import { addAttendee, addMeetingSubject, attendeeByPart, attendeesOf, cancelMeeting, getAttendee, meetingTitle, type AttendeeRow, createMeeting, getMeetingRow, listMeetings, meetingSubjectIds, requireMeetingSubject, setAttendance } from './meetings';
import { amendAsChair, confirmAsChair, linkableItems, minutesView, saveDraft, sendToChair } from './minutes';
import { addPaper, editPaper, getPaper, listPapers, paperAuthor, paperSubject, paperSummary, withdrawPaper } from './papers';
import { editMeeting, removeAttendee, removeSubject } from './arrangements';
import { NOT_ATTENDEE, requireSignedReader, signedReader } from './readers';
import { addUndertakingVersion, currentUndertaking, signUndertaking, undertakingVersions } from './undertaking';

// The meetings capability's channels (issue 11). Reads of papers and minutes are acts:
// each is behind the association guard, asks readers.ts that the user is an attendee who
// signed the undertaking, and writes its audit entry in the same commit; a refusal thrown
// inside the act rolls it back, so it changes nothing. The copies and the attendance sheet
// are in copyService.ts.

const NOT_MINUTE_TAKER = 'Only the meeting’s minute-taker or coordinator writes the draft minutes and sends them to the chair.';
const NOT_CHAIR = 'Only the chair of this meeting can amend or confirm its minutes.';
const NOT_PAPER_WRITER = 'Only the paper’s writer, or the meeting’s coordinator or minute-taker, can change or withdraw it.';
const ALL_PARTS = ['chair', 'coordinator', 'minute_taker', 'member'] as const;

/** Read entries that carry the reason given for reading (none when the register asks for none). */
const withReason = (entries: ActEntry[], why: string | null): ActEntry[] => (why === null ? entries : entries.map((e) => ({ ...e, reason: why })));

/**
 * Who answers for the chair: the chair, or, when the chair is not a user of this register
 * (procedures §7: they confirm or amend by secure email), the coordinator recording their
 * answer. Null when the chair acts; else the words the history keeps.
 */
function forTheChair(r: Reader, meetingId: string, attendee: AttendeeRow): string | null {
  if (attendee.part === 'chair') return null;
  const chair = attendeeByPart(r, meetingId, 'chair');
  if (attendee.part !== 'coordinator' || !chair || chair.user_id !== null) throw new MappaError('not_allowed', NOT_CHAIR);
  return `recorded for the chair, ${chair.full_name}, who is not a user of this register`;
}

export function meetingsService({ session, host }: ServiceDeps): SliceService<typeof meetingsContract> {
  const read = () => session.vault().reader;
  const manages = (ctx: Ctx) => allows({ role: ctx.actor.role, administrator: ctx.actor.registerAdministrator }, 'meeting.manage');

  /** The meeting page is for those who arrange meetings and for its attendees (signed or not: they sign from it). */
  const requireMeetingPage = (r: Reader, meetingId: string, ctx: Ctx) => {
    getMeetingRow(r, meetingId);
    if (manages(ctx)) return;
    if (!attendeesOf(r, meetingId).some((a) => a.user_id === ctx.actor.userId)) throw new MappaError('not_an_attendee', NOT_ATTENDEE);
  };
  /** A change to a paper by its writer, or by the coordinator or minute-taker, once signed. */
  const paperAct = <T>(meetingId: string, paperId: string, work: (w: Writer, ctx: Ctx, subjectId: string) => { value: T; audit: readonly ActEntry[] }): T =>
    actOnSubject(session, 'meeting.attend', (w) => paperSubject(w, meetingId, paperId), BLOCKED_CHANGE, (w, ctx) => {
      const subjectId = paperSubject(w, meetingId, paperId);
      const reader = requireSignedReader(w, meetingId, ctx.actor.userId, subjectId);
      if (reader.id !== paperAuthor(w, meetingId, paperId) && reader.part !== 'coordinator' && reader.part !== 'minute_taker') throw new MappaError('not_allowed', NOT_PAPER_WRITER);
      return work(w, ctx, subjectId);
    });
  /** A minutes act by the attendee in a given part, once signed. */
  const minutesAct = <T>(
    meetingId: string,
    subjectId: string,
    refusal: string,
    parts: readonly string[],
    partRefusal: string,
    work: (w: Writer, ctx: Ctx, attendee: AttendeeRow) => { value: T; audit: readonly ActEntry[] },
  ): T =>
    actOnSubject(
      session,
      'meeting.attend',
      onAgenda(meetingId, subjectId),
      refusal,
      (w, ctx) => {
        const attendee = requireSignedReader(w, meetingId, ctx.actor.userId, subjectId);
        if (!parts.includes(attendee.part)) throw new MappaError('not_allowed', partRefusal);
        return work(w, ctx, attendee);
      },
    );
  const minutesEntry = (view: MinutesView, details: Record<string, string | number | readonly string[]>, reason?: string): ActEntry => ({
    action: 'minutes_edit',
    subjectId: view.subjectId,
    itemIds: view.parts.informationItemIds,
    ...(reason === undefined ? {} : { reason }),
    details: { meetingId: view.meetingId, minutesId: view.id, version: view.version, status: view.status, ...details },
  });

  return {
    ...copyChannels({ session, host }),
    'meetings.list': ({ from, to }) => {
      const ctx = session.context('meeting.attend');
      const all = listMeetings(read(), ctx.now, { from, to });
      if (manages(ctx)) return all;
      const mine = new Set(read().all<{ meeting_id: string }>('SELECT meeting_id FROM meeting_attendees WHERE user_id = ?', [ctx.actor.userId]).map((m) => m.meeting_id));
      return all.filter((m) => mine.has(m.id));
    },
    'meetings.create': (input) =>
      actOnSubjects(session, 'meeting.manage', () => input.subjectIds, BLOCKED_CHANGE, (w, ctx) => {
        const id = createMeeting(w, ctx, input);
        const view = viewFor(w, id, ctx);
        return acted(view, ...perSubject(view, { action: 'meeting_create', details: { meetingId: id, kind: input.kind, reviewNumber: input.reviewNumber, chairRole: input.chairRole } }));
      }),
    'meetings.get': ({ id }) =>
      session.act('meeting.attend', (w, ctx) => {
        requireMeetingPage(w, id, ctx);
        const view = viewFor(w, id, ctx);
        return acted(view, ...perSubject(view, { action: 'meeting_view', details: { meetingId: id } }));
      }),
    'meetings.edit': (input) =>
      actOnSubjects(session, 'meeting.manage', (w) => meetingSubjectIds(w, input.id), BLOCKED_CHANGE, (w, ctx) => {
        const changed = editMeeting(w, ctx, input);
        const view = viewFor(w, input.id, ctx);
        return acted(view, ...perSubject(view, { action: 'meeting_edit', details: { meetingId: input.id, step: 'edit', changed } }));
      }),
    'meetings.removeAttendee': ({ meetingId, attendeeId, reason }) =>
      session.act('meeting.manage', (w, ctx) => {
        const gone = removeAttendee(w, ctx, meetingId, attendeeId);
        return acted(viewFor(w, meetingId, ctx), { action: 'meeting_edit', reason, details: { meetingId, step: 'remove_attendee', attendeeId, officeId: gone.office_id, scope: gone.scope } });
      }),
    'meetings.removeSubject': ({ meetingId, subjectId, reason }) =>
      actOnSubject(session, 'meeting.manage', onAgenda(meetingId, subjectId), BLOCKED_CHANGE, (w, ctx) => {
        removeSubject(w, ctx, meetingId, subjectId);
        return acted(viewFor(w, meetingId, ctx), { action: 'meeting_edit', subjectId, reason, details: { meetingId, step: 'remove_subject' } });
      }),
    'meetings.addSubject': ({ meetingId, subjectId }) =>
      actOnSubject(session, 'meeting.manage', liveSubject(subjectId), BLOCKED_CHANGE, (w, ctx) => {
        addMeetingSubject(w, ctx, meetingId, subjectId);
        return acted(viewFor(w, meetingId, ctx), { action: 'meeting_edit', subjectId, details: { meetingId, step: 'add_subject' } });
      }),
    'meetings.addAttendee': (input) =>
      session.act('meeting.manage', (w, ctx) => {
        const attendeeId = addAttendee(w, ctx, input);
        return acted(viewFor(w, input.meetingId, ctx), {
          action: 'meeting_edit',
          details: { meetingId: input.meetingId, step: 'add_attendee', attendeeId, officeId: input.officeId, scope: input.subjectIds === null ? 'meeting' : 'subjects' },
        });
      }),
    'meetings.setAttendance': (input) =>
      session.act('meeting.manage', (w, ctx) => {
        setAttendance(w, ctx, input);
        return acted(viewFor(w, input.meetingId, ctx), { action: 'meeting_edit', details: { meetingId: input.meetingId, step: 'attendance', attendeeId: input.attendeeId, status: input.status } });
      }),
    'meetings.cancel': ({ id, reason }) =>
      session.act('meeting.manage', (w, ctx) => {
        cancelMeeting(w, ctx, id, reason);
        const view = viewFor(w, id, ctx);
        return acted(view, ...perSubject(view, { action: 'meeting_edit', reason, details: { meetingId: id, step: 'cancel' } }));
      }),
    'meetings.settings': () => {
      session.context('self');
      return { chairWorkingDays: chairWorkingDays(read()) };
    },
    'meetings.setSettings': ({ chairWorkingDays: days }) =>
      session.act('meetings.configure', (w) => {
        const before = chairWorkingDays(w);
        if (before === days) return acted({ chairWorkingDays: days });
        setChairWorkingDays(w, days);
        return acted({ chairWorkingDays: days }, { action: 'settings_change', details: { key: 'minutes_chair_working_days', from: before, to: days } });
      }),

    'undertaking.current': () => {
      session.context('self');
      return currentUndertaking(read());
    },
    'undertaking.versions': () => {
      session.context('self');
      return undertakingVersions(read());
    },
    'undertaking.edit': (input) =>
      session.act('undertaking.edit', (w, ctx) => {
        const v = addUndertakingVersion(w, ctx, input);
        return acted(v, { action: 'undertaking_version', reason: input.changeNote, details: { version: v.version, sha256: v.sha256 } });
      }),
    'undertaking.signingForm': ({ meetingId, attendeeId, subjectId }) => {
      const ctx = session.context('meeting.attend');
      const r = read();
      const meeting = getMeetingRow(r, meetingId);
      const attendee = getAttendee(r, meetingId, attendeeId);
      if (!manages(ctx) && attendee.user_id !== ctx.actor.userId) throw new MappaError('not_allowed', 'You can sign the undertaking only for yourself.');
      if (subjectId !== null) requireMeetingSubject(r, meetingId, subjectId);
      const office = requireOffice(r, attendee.office_id, 'officeId');
      const signed = r.get('SELECT 1 AS x FROM undertaking_signatures WHERE attendee_id = ? AND ifnull(subject_id, \'\') = ?', [attendee.id, subjectId ?? '']);
      return {
        meetingTitle: meetingTitle(meeting),
        attendee: { id: attendee.id, fullName: attendee.full_name, agency: `${office.name} (${AGENCY_KINDS[office.agency].label})`, jobTitle: attendee.job_title },
        forOnePerson: subjectId !== null,
        statement: currentUndertaking(r),
        alreadySigned: signed !== undefined,
      };
    },
    'undertaking.sign': (input) =>
      session.act('meeting.attend', (w, ctx) => {
        const attendee = attendeesOf(w, input.meetingId).find((a) => a.id === input.attendeeId);
        // In the room: the attendee at the hosting register's signing screen, which the coordinator or chair opened, or a user signing for themselves.
        if (!manages(ctx) && attendee?.user_id !== ctx.actor.userId) throw new MappaError('not_allowed', 'You can sign the undertaking only for yourself.');
        const signed = signUndertaking(w, ctx, input);
        return acted(viewFor(w, input.meetingId, ctx), {
          action: 'meeting_signature',
          subjectId: input.subjectId,
          details: { meetingId: input.meetingId, attendeeId: input.attendeeId, signatureId: signed.signatureId, version: signed.version, sha256: signed.sha256, how: 'in_room' },
        });
      }),
    'papers.add': (input) =>
      actOnSubject(
        session,
        'meeting.attend',
        onAgenda(input.meetingId, input.subjectId),
        BLOCKED_CHANGE,
        (w, ctx) => {
          const reader = requireSignedReader(w, input.meetingId, ctx.actor.userId, input.subjectId);
          // An attendee adds their own report; the coordinator or minute-taker records those handed in on the day.
          if (reader.id !== input.attendeeId && reader.part !== 'coordinator' && reader.part !== 'minute_taker') {
            throw new MappaError('not_allowed', 'You can add only your own report, unless you are the meeting’s coordinator or minute-taker.');
          }
          const id = addPaper(w, ctx, input);
          const paper = paperSummary(w, input.meetingId, id);
          return acted(paper, { action: 'paper_add', subjectId: input.subjectId, itemIds: input.itemIds, details: { meetingId: input.meetingId, paperId: id, ownerOfficeId: paper.owner.id } });
        },
      ),
    'papers.list': ({ meetingId, subjectId, reason }) =>
      minutesAct(meetingId, subjectId, BLOCKED_OPEN, ALL_PARTS, '', (w) => {
        const why = accessReasonFor(w, reason);
        const list = listPapers(w, meetingId, subjectId);
        return acted(list, ...withReason(readEntries('subject_list', { list: 'meeting_papers', meetingId, returned: list.length }, [subjectId]), why));
      }),
    'papers.open': ({ meetingId, paperId, reason }) =>
      actOnSubject(session, 'meeting.attend', (w) => paperSubject(w, meetingId, paperId), BLOCKED_OPEN, (w, ctx) => {
        requireSignedReader(w, meetingId, ctx.actor.userId, paperSubject(w, meetingId, paperId));
        const why = accessReasonFor(w, reason);
        const paper = getPaper(w, meetingId, paperId);
        return acted(paper, { action: 'paper_view', subjectId: paper.subjectId, itemIds: paper.itemIds, reason: why, details: { meetingId, paperId, ownerOfficeId: paper.owner.id, version: paper.version } });
      }),
    'papers.edit': (input) =>
      paperAct(input.meetingId, input.paperId, (w, ctx, subjectId) => {
        const done = editPaper(w, ctx, input);
        const paper = paperSummary(w, input.meetingId, input.paperId);
        return acted(paper, { action: 'paper_edit', subjectId, itemIds: input.itemIds, details: { meetingId: input.meetingId, paperId: input.paperId, version: done.version, changed: done.changed, ownerOfficeId: paper.owner.id } });
      }),
    'papers.withdraw': ({ meetingId, paperId, reason }) =>
      paperAct(meetingId, paperId, (w, ctx, subjectId) => {
        withdrawPaper(w, ctx, meetingId, paperId, reason);
        const paper = paperSummary(w, meetingId, paperId);
        return acted(paper, { action: 'paper_withdraw', subjectId, reason, details: { meetingId, paperId, version: paper.version, ownerOfficeId: paper.owner.id } });
      }),

    'minutes.get': ({ meetingId, subjectId, reason }) =>
      minutesAct(meetingId, subjectId, BLOCKED_OPEN, ALL_PARTS, '', (w, ctx) => {
        const why = accessReasonFor(w, reason);
        const view = minutesView(w, meetingId, subjectId, ctx.now);
        return acted(view, { action: 'minutes_view', subjectId, itemIds: view.parts.informationItemIds, reason: why, details: { meetingId, minutesId: view.id, version: view.version, status: view.status } });
      }),
    'minutes.linkableItems': ({ meetingId, subjectId, reason }) =>
      minutesAct(meetingId, subjectId, BLOCKED_OPEN, ALL_PARTS, '', (w) => {
        const why = accessReasonFor(w, reason);
        const list = linkableItems(w, subjectId);
        const entries = readEntries('subject_list', { list: 'minutes_linkable_items', meetingId, returned: list.length }, [subjectId]).map((e) => ({ ...e, itemIds: list.map((i) => i.itemId) }));
        return acted(list, ...withReason(entries, why));
      }),
    'minutes.save': ({ meetingId, subjectId, ...parts }) =>
      minutesAct(meetingId, subjectId, BLOCKED_CHANGE, ['minute_taker', 'coordinator'], NOT_MINUTE_TAKER, (w, ctx) => {
        const changed = saveDraft(w, ctx, meetingId, subjectId, parts);
        const view = minutesView(w, meetingId, subjectId, ctx.now);
        return acted(view, minutesEntry(view, { step: 'edit', changedParts: changed }));
      }),
    'minutes.send': ({ meetingId, subjectId }) =>
      minutesAct(meetingId, subjectId, BLOCKED_CHANGE, ['minute_taker', 'coordinator'], NOT_MINUTE_TAKER, (w, ctx) => {
        const due = sendToChair(w, ctx, meetingId, subjectId);
        const view = minutesView(w, meetingId, subjectId, ctx.now);
        return acted(view, minutesEntry(view, { step: 'send_to_chair', receivedOn: due.receivedOn, dueOn: due.dueOn }));
      }),
    'minutes.amend': ({ meetingId, subjectId, note, ...parts }) =>
      minutesAct(meetingId, subjectId, BLOCKED_CHANGE, ['chair', 'coordinator'], NOT_CHAIR, (w, ctx, attendee) => {
        const forChair = forTheChair(w, meetingId, attendee);
        const changed = amendAsChair(w, ctx, meetingId, subjectId, parts, forChair === null ? note : `${note} (${forChair})`);
        const view = minutesView(w, meetingId, subjectId, ctx.now);
        return acted(view, minutesEntry(view, { step: 'amend', changedParts: changed, recordedForChair: forChair === null ? 'no' : 'yes' }, note));
      }),
    'minutes.confirm': ({ meetingId, subjectId }) =>
      minutesAct(meetingId, subjectId, BLOCKED_CHANGE, ['chair', 'coordinator'], NOT_CHAIR, (w, ctx, attendee) => {
        const forChair = forTheChair(w, meetingId, attendee);
        confirmAsChair(w, ctx, meetingId, subjectId, forChair);
        const view = minutesView(w, meetingId, subjectId, ctx.now);
        return acted(view, {
          action: 'minutes_approval',
          subjectId,
          details: { meetingId, minutesId: view.id, version: view.version, overdue: view.chairDue.overdue, recordedForChair: forChair !== null },
        });
      }),

    'actions.list': (filter) =>
      session.act('meeting.attend', (w, ctx) => {
        const hidden = new Set(blockedSubjects(w, ctx.actor.userId).keys());
        // The actions are part of the minutes: only those of meetings the user signed for.
        const list = listActions(w, filter, hidden, ctx.now).filter((a) => !('refusal' in signedReader(w, a.meetingId, ctx.actor.userId, a.subjectId)));
        return acted(list, ...readEntries('subject_list', { list: 'meeting_actions', returned: list.length }, [...new Set(list.map((a) => a.subjectId))]));
      }),
    'actions.setStatus': ({ actionId, status, note }) =>
      actOnSubject(session, 'meeting.attend', (w) => actionSubject(w, actionId), BLOCKED_CHANGE, (w, ctx) => {
        const subjectId = actionSubject(w, actionId);
        requireSignedReader(w, actionMeeting(w, actionId), ctx.actor.userId, subjectId);
        const change = setActionStatus(w, ctx, actionId, status, note);
        return acted(getAction(w, actionId, ctx.now), { action: 'action_status', subjectId, ...(note === null ? {} : { reason: note }), details: { actionId, from: change.from, to: change.to } });
      }),
  };
}
