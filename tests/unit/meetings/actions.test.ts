// Issue 11, actions: one list across meetings by owning agency and due date, overdue
// flagged, each status change recorded (MAPPA C: every action with its owning agency,
// person, due date, status and reasons).
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../src/main/dispatch';
import { aLevel2Meeting, aMeetingTeam, aNominal, attendeeOf, completeMinutes, signInRoom, type MeetingTeam } from '../../support/meetings';

let team: MeetingTeam | undefined;
afterEach(() => {
  if (team?.api.session.status().state === 'unlocked') team.api.session.lock();
  team = undefined;
});

async function twoMeetingsWithActions() {
  team = await aMeetingTeam();
  const t = team;
  const s = t.api.service;
  const hollis = await aNominal(t);
  const marsh = await aNominal(t, { givenName: 'Lee', familyName: 'Marsh', dateOfBirth: '1986-09-14' });
  const meetings = [];
  for (const [subjectId, startsAt] of [[hollis, '2026-11-30T10:00:00Z'], [marsh, '2026-12-07T10:00:00Z']] as const) {
    let meeting = await aLevel2Meeting(t, [subjectId], { startsAt });
    for (const name of ['Casey Coordinator', 'Dina Shah', 'Pat Probation']) meeting = await signInRoom(t, meeting, attendeeOf(meeting, name).id);
    meetings.push(meeting);
  }
  await t.as('pat');
  await s['minutes.save']({ meetingId: meetings[0]!.id, subjectId: hollis, ...completeMinutes(t) });
  await s['minutes.save']({
    meetingId: meetings[1]!.id,
    subjectId: marsh,
    ...completeMinutes(t, {
      actions: [
        { id: null, description: 'Visit the new address with the housing officer.', rationale: 'He moved without telling probation.', ownerOfficeId: t.offices.probation, ownerPerson: 'Pat Probation', dueOn: '2026-12-09' },
        { id: null, description: 'Check the children’s school knows the contact arrangements.', rationale: 'The children live two streets away.', ownerOfficeId: t.offices.childrens, ownerPerson: 'Siân Llŷr', dueOn: '2026-12-14' },
      ],
    }),
  });
  return { t, s, hollis, marsh, meetings };
}

describe('the actions list', () => {
  it('lists every open action across meetings by owning agency and due date, flagging the overdue', async () => {
    const { t, s } = await twoMeetingsWithActions();
    t.clock.set('2026-12-10T12:00:00Z');
    const list = await s['actions.list']({ ownerOfficeId: null, openOnly: true });
    expect(list.map((a) => [a.owner.agency, a.dueOn, a.ownerPerson, a.overdue])).toEqual([
      ['childrens_services', '2026-12-14', 'Siân Llŷr', false],
      ['police', '2026-12-04', 'PC Jordan Reid', true],
      ['probation', '2026-12-09', 'Pat Probation', true],
      ['probation', '2026-12-11', 'Pat Probation', false],
    ]);
    expect(list[1]?.meetingTitle).toBe('Level 2 MAPPA meeting, initial meeting, 30 November 2026');
    const police = await s['actions.list']({ ownerOfficeId: t.offices.police, openOnly: true });
    expect(police.map((a) => a.ownerPerson)).toEqual(['PC Jordan Reid']);
    // The list is a read of the people it names: recorded.
    expect(t.entries().at(-1)).toMatchObject({ action: 'subject_list', details: { list: 'meeting_actions', returned: 1 } });
  });

  it('records each status change with who made it and why, and leaves done actions out of the open list', async () => {
    const { t, s, hollis } = await twoMeetingsWithActions();
    const [curfew] = (await s['actions.list']({ ownerOfficeId: t.offices.probation, openOnly: true })).filter((a) => a.subjectId === hollis);
    await s['actions.setStatus']({ actionId: curfew!.id, status: 'in_progress', note: 'Application drafted.' });
    const done = await s['actions.setStatus']({ actionId: curfew!.id, status: 'done', note: 'Variation granted on 8 December.' });
    expect(done.history.map((h) => [h.status, h.note, h.by])).toEqual([
      ['open', 'Agreed at the meeting.', 'Pat Probation'],
      ['in_progress', 'Application drafted.', 'Pat Probation'],
      ['done', 'Variation granted on 8 December.', 'Pat Probation'],
    ]);
    expect(t.entries().at(-1)).toMatchObject({ action: 'action_status', subjectId: hollis, reason: 'Variation granted on 8 December.', details: { actionId: curfew!.id, from: 'in_progress', to: 'done' } });
    const open = await s['actions.list']({ ownerOfficeId: null, openOnly: true });
    expect(open.map((a) => a.id)).not.toContain(curfew!.id);
    expect((await s['actions.list']({ ownerOfficeId: null, openOnly: false })).map((a) => a.id)).toContain(curfew!.id);
    const same = await dispatch(s, 'actions.setStatus', { actionId: curfew!.id, status: 'done', note: null });
    expect(same).toMatchObject({ ok: false, error: { code: 'unchanged' } });
  });

  it('refuses a status change by someone who has not signed for the meeting, changing nothing', async () => {
    const { t, s } = await twoMeetingsWithActions();
    const [first] = await s['actions.list']({ ownerOfficeId: null, openOnly: true });
    await t.as('jordan');
    const before = t.entries().length;
    const reply = await dispatch(s, 'actions.setStatus', { actionId: first!.id, status: 'done', note: 'Flag added.' });
    expect(reply).toMatchObject({ ok: false, error: { code: 'not_an_attendee' } });
    expect(t.entries().length).toBe(before);
  });
});
