import { z } from 'zod';
import { accessReasonSchema } from '../accessReasons';
import { id, isoDate, optionalText, REASON_MAX, reasonText, text } from '../fields';
import {
  actionStatus,
  actionView,
  amendInput,
  attendance,
  attendeeInput,
  distribution,
  linkableItem,
  meetingEditInput,
  meetingInput,
  meetingSummary,
  meetingView,
  minutesInput,
  minutesView,
  paperEditInput,
  paperInput,
  paperSummary,
  paperView,
  signInput,
  subjectAttendance,
  readWhere,
  undertakingView,
  where,
} from '../meetingsSchemas';
import { MAX_CHAIR_WORKING_DAYS } from '../meetingsVocabulary';
import { none, type ContractSlice } from './slice';

// MAPPA meetings (issue 11): meetings and their attendees, the confidentiality undertaking
// and its signatures, papers, minutes in the MAPPA C structure with the chair's approval,
// the chair's permission per copy and the numbered copies, and the actions list. The
// records' shapes are in src/shared/meetingsSchemas.ts.

export * from '../meetingsSchemas';

export const meetingsContract = {
  'meetings.list': { input: z.object({ from: isoDate('the first day').nullable().default(null), to: isoDate('the last day').nullable().default(null) }).strict(), output: z.array(meetingSummary) },
  'meetings.create': { input: meetingInput, output: meetingView },
  'meetings.get': { input: z.object({ id }).strict(), output: meetingView },
  /** Reschedule or rearrange: refused for a cancelled meeting or one with final minutes; its kind only until minutes exist. */
  'meetings.edit': { input: meetingEditInput, output: meetingView },
  'meetings.addSubject': { input: z.object({ meetingId: id, subjectId: id }).strict(), output: meetingView },
  'meetings.addAttendee': { input: attendeeInput, output: meetingView },
  /** Only someone the meeting's record does not rest on: not signed, no paper, not present in minutes. */
  'meetings.removeAttendee': { input: z.object({ meetingId: id, attendeeId: id, reason: reasonText('Say why this person is taken off the meeting') }).strict(), output: meetingView },
  /** Only a person with no minutes, papers or signatures before them at this meeting. */
  'meetings.removeSubject': { input: z.object({ meetingId: id, subjectId: id, reason: reasonText('Say why this person is taken off the agenda') }).strict(), output: meetingView },
  'meetings.setAttendance': {
    input: z.object({ meetingId: id, attendeeId: id, status: attendance, subjectStatuses: z.array(z.object({ subjectId: id, status: subjectAttendance }).strict()).max(30).default([]) }).strict(),
    output: meetingView,
  },
  'meetings.cancel': { input: z.object({ id, reason: reasonText('Say why the meeting is cancelled') }).strict(), output: meetingView },
  'meetings.settings': { input: none, output: z.object({ chairWorkingDays: z.number() }) },
  'meetings.setSettings': {
    input: z
      .object({
        chairWorkingDays: z.number({ error: 'Enter the number of working days the chair has' }).int('Enter a whole number of working days').min(1, 'The chair needs at least 1 working day').max(MAX_CHAIR_WORKING_DAYS, `Enter ${MAX_CHAIR_WORKING_DAYS} working days or fewer`),
      })
      .strict(),
    output: z.object({ chairWorkingDays: z.number() }),
  },

  'undertaking.current': { input: none, output: undertakingView },
  'undertaking.versions': { input: none, output: z.array(undertakingView) },
  'undertaking.edit': {
    input: z.object({ title: text('the title', 200), body: text('the statement', 20_000), changeNote: reasonText('Say what changed in this version and why') }).strict(),
    output: undertakingView,
  },
  /** What the signing screen shows an attendee in the room: the meeting, their name, and the statement; nothing about the people discussed. */
  'undertaking.signingForm': {
    input: z.object({ meetingId: id, attendeeId: id, subjectId: id.nullable().default(null) }).strict(),
    output: z.object({
      meetingTitle: z.string(),
      attendee: z.object({ id, fullName: z.string(), agency: z.string(), jobTitle: z.string() }),
      forOnePerson: z.boolean(),
      statement: undertakingView,
      alreadySigned: z.boolean(),
    }),
  },
  /** An attendee signs in the room, on this register. */
  'undertaking.sign': { input: signInput, output: meetingView },
  'meetings.attendanceSheet': { input: z.object({ meetingId: id }).strict(), output: z.object({ file: z.string().nullable() }) },

  'papers.add': { input: paperInput, output: paperSummary },
  'papers.list': { input: readWhere, output: z.array(paperSummary) },
  'papers.open': { input: z.object({ meetingId: id, paperId: id, reason: accessReasonSchema.nullable().default(null) }).strict(), output: paperView },
  /** A new version by its author, or by the coordinator or minute-taker. */
  'papers.edit': { input: paperEditInput, output: paperSummary },
  'papers.withdraw': { input: z.object({ meetingId: id, paperId: id, reason: reasonText('Say why the paper is withdrawn') }).strict(), output: paperSummary },

  'minutes.get': { input: readWhere, output: minutesView },
  /** The person's register items the minutes' information shared can refer to, for a signed attendee. */
  'minutes.linkableItems': { input: readWhere, output: z.array(linkableItem) },
  'minutes.save': { input: minutesInput, output: minutesView },
  'minutes.send': { input: where, output: minutesView },
  'minutes.amend': { input: amendInput, output: minutesView },
  'minutes.confirm': { input: where, output: minutesView },

  'copies.permit': {
    input: z
      .object({
        meetingId: id,
        subjectId: id,
        recipientName: text('the recipient’s name', 120),
        recipientOfficeId: id.nullable().default(null),
        recipientRole: optionalText('the recipient’s role', 120),
        reason: reasonText('Say why the recipient needs a copy (necessary and proportionate)'),
        grantedOn: isoDate('the date the chair gave permission'),
        grantedHow: text('how the chair gave permission (for example, in the meeting, by secure email)', 200),
      })
      .strict(),
    output: distribution,
  },
  'copies.list': { input: where, output: distribution },
  /** The chair withdraws a permission not yet used. */
  'copies.revoke': { input: z.object({ meetingId: id, permissionId: id, reason: reasonText('Say why the chair withdrew the permission') }).strict(), output: distribution },
  'copies.make': { input: z.object({ meetingId: id, permissionId: id }).strict(), output: z.object({ file: z.string().nullable(), copyNumber: z.number().nullable() }) },

  'actions.list': { input: z.object({ ownerOfficeId: id.nullable().default(null), openOnly: z.boolean().default(true) }).strict(), output: z.array(actionView) },
  'actions.setStatus': { input: z.object({ actionId: id, status: actionStatus, note: optionalText('the note', REASON_MAX) }).strict(), output: actionView },
} as const satisfies ContractSlice;
