// Issue 11: every act on a meeting has its audit entry, written in the same commit by the
// one audit path, reads of papers and minutes included; details hold identifiers and
// codes, never the minutes' or papers' words.
import { afterEach, describe, expect, it } from 'vitest';
import { aLevel2Meeting, aMeetingTeam, aNominal, attendeeOf, completeMinutes, person, signInRoom, WHY, type MeetingTeam } from '../../support/meetings';

let team: MeetingTeam | undefined;
afterEach(() => {
  if (team?.api.session.status().state === 'unlocked') team.api.session.lock();
  team = undefined;
});

describe('the audit trail of a meeting', () => {
  it('has an entry for every act, from arranging the meeting to the copy, and none of the minutes’ words', async () => {
    team = await aMeetingTeam();
    const t = team;
    const s = t.api.service;
    const hollis = await aNominal(t);
    const mark = t.entries().length;
    let meeting = await aLevel2Meeting(t, [hollis]);
    meeting = await s['meetings.addAttendee']({ meetingId: meeting.id, ...person(t, 'hana'), subjectIds: null });
    meeting = await s['meetings.setAttendance']({ meetingId: meeting.id, attendeeId: attendeeOf(meeting, 'Hana Health').id, status: 'attended', subjectStatuses: [] });
    for (const name of ['Casey Coordinator', 'Dina Shah', 'Pat Probation', 'Hana Health']) meeting = await signInRoom(t, meeting, attendeeOf(meeting, name).id);
    await s['meetings.get']({ id: meeting.id });
    const where = { meetingId: meeting.id, subjectId: hollis };
    const paper = await s['papers.add']({ ...where, attendeeId: attendeeOf(meeting, 'Hana Health').id, title: 'Report to panel: health', report: { involvement: 'Zephyrquill clinic.', currentSituation: null, riskFactors: null, protectiveFactors: null, victims: null, recommendations: null }, itemIds: [], classification: 'OFFICIAL-SENSITIVE' });
    await s['papers.list']({ ...where, reason: WHY });
    await s['papers.open']({ meetingId: meeting.id, paperId: paper.id, reason: WHY });
    const draft = await s['minutes.save']({ ...where, ...completeMinutes(t, { riskAssessment: 'Quorvantine pattern.' }) });
    await s['minutes.get']({ ...where, reason: WHY });
    await s['minutes.send'](where);
    await t.as('dina');
    await s['minutes.confirm'](where);
    await t.as('casey');
    await s['copies.permit']({ ...where, recipientName: 'Siân Llŷr', recipientOfficeId: null, recipientRole: null, reason: 'Child protection plan.', grantedOn: '2026-12-01', grantedHow: 'In the meeting' });
    const log = await s['copies.list'](where);
    t.api.host.picksFile(t.file('copy.pdf'));
    await s['copies.make']({ meetingId: meeting.id, permissionId: log.permissions[0]!.id });
    t.api.host.picksFile(t.file('sheet.pdf'));
    await s['meetings.attendanceSheet']({ meetingId: meeting.id });
    await s['actions.setStatus']({ actionId: draft.actions[0]!.id, status: 'in_progress', note: null });
    await s['actions.list']({ ownerOfficeId: null, openOnly: true });

    const entries = t.since(mark).filter((e) => !['lock', 'unlock'].includes(e.action));
    expect(entries.map((e) => e.action)).toEqual([
      'meeting_create',
      'meeting_edit', // attendee added
      'meeting_edit', // attendance
      'meeting_signature',
      'meeting_signature',
      'meeting_signature',
      'meeting_signature',
      'meeting_view',
      'paper_add',
      'subject_list', // the papers listed
      'paper_view',
      'minutes_edit',
      'minutes_view',
      'minutes_edit', // sent to the chair
      'minutes_approval',
      'copy_permission',
      'subject_list', // the distribution log read
      'minutes_copy',
      'export', // the attendance sheet
      'action_status',
      'subject_list', // the actions list
    ]);
    // Every act on the person's case names them (signatures and attendance are about the meeting).
    const about = entries.filter((e) => !['meeting_edit', 'meeting_signature'].includes(e.action));
    expect(about.filter((e) => e.subjectId !== hollis && !(e.details.subjectIds as string[] | undefined)?.includes(hollis)).map((e) => e.action)).toEqual([]);
    const words = JSON.stringify(entries);
    for (const word of ['Zephyrquill', 'Quorvantine', 'Orchard Close', 'curfew']) expect(words.includes(word), word).toBe(false);
  });
});
