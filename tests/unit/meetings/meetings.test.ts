// Issue 11, meetings: who may chair which meeting (procedures §7, §9, §21), who a meeting
// may discuss, clear refusals that change nothing, attendees who are not users of the
// register, and the association block around a meeting's people.
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../src/main/dispatch';
import { aLevel2Meeting, aMeetingTeam, aNominal, attendeeOf, completeMinutes, MEETING_DAY, person, signInRoom, type MeetingTeam } from '../../support/meetings';

let team: MeetingTeam | undefined;
afterEach(() => {
  if (team?.api.session.status().state === 'unlocked') team.api.session.lock();
  team = undefined;
});

async function aTeamWithPeople() {
  team = await aMeetingTeam();
  const t = team;
  const hollis = await aNominal(t);
  const pdp = await aNominal(t, { kind: 'pdp', givenName: 'Ștefan', familyName: 'Ionescu', dateOfBirth: '1990-01-02', category: null, level: null, risk: 'high' });
  const cat3 = await aNominal(t, { givenName: 'Lee', familyName: 'Marsh', dateOfBirth: '1986-09-14', category: 3, level: 2, leadOfficeId: t.offices.police });
  return { t, s: t.api.service, hollis, pdp, cat3 };
}

const base = (t: MeetingTeam, subjectIds: string[]) => ({
  kind: 'level2',
  reviewNumber: 0,
  startsAt: MEETING_DAY,
  place: 'Wigan Police Station',
  remote: false,
  remoteDetails: null,
  chairRole: 'detective_inspector',
  requestingOfficeId: null,
  chair: person(t, 'dina'),
  coordinator: person(t, 'casey'),
  minuteTaker: person(t, 'pat'),
  subjectIds,
});

describe('arranging a meeting', () => {
  it('records the meeting, its people and its attendees, one audit entry for each person discussed', async () => {
    const { t, hollis, cat3 } = await aTeamWithPeople();
    const mark = t.entries().length;
    const meeting = await aLevel2Meeting(t, [hollis, cat3]);
    expect(meeting).toMatchObject({ kind: 'level2', title: 'Level 2 MAPPA meeting, initial meeting, 30 November 2026', chairName: 'Dina Shah', chairRoleLabel: 'Detective Inspector', status: 'scheduled', youMayRead: false, undertakingVersion: 1 });
    expect(meeting.subjectList.map((s) => s.name)).toEqual(['Darren Hollis', 'Lee Marsh']);
    expect(meeting.attendees.map((a) => [a.fullName, a.part, a.userName, a.signedForMeeting])).toEqual([
      ['Dina Shah', 'chair', 'DI Dina Shah', false],
      ['Casey Coordinator', 'coordinator', 'Casey Coordinator', false],
      ['Pat Probation', 'minute_taker', 'Pat Probation', false],
    ]);
    expect(t.since(mark).map((e) => [e.action, e.subjectId])).toEqual([
      ['meeting_create', hollis],
      ['meeting_create', cat3],
    ]);
  });

  it.each([
    ['a Level 2 chaired by a Detective Chief Inspector', { chairRole: 'detective_chief_inspector' }, 'A Level 2 MAPPA meeting is chaired by a Detective Inspector, Senior Probation Officer or MAPPA coordinator, not a Detective Chief Inspector.'],
    ['a Level 3 chaired by a Detective Inspector', { kind: 'level3' }, 'A Level 3 MAPPA meeting is chaired by a MAPPA coordinator, Detective Chief Inspector or Assistant Chief Officer (Probation), not a Detective Inspector.'],
    ['a Detective Inspector from a probation office', { chair: { fullName: 'Dina Shah', officeId: 'probation', jobTitle: 'DI', userName: null } }, 'A Detective Inspector chairs from the police: choose an office of that agency for the chair.'],
  ])('refuses %s, and changes nothing', async (_what, over, message) => {
    const { t, s, hollis } = await aTeamWithPeople();
    const input: Record<string, unknown> = { ...base(t, [hollis]), ...over };
    if ('chair' in over) input.chair = { ...(over.chair as object), officeId: t.offices.probation };
    const before = t.entries().length;
    const reply = await dispatch(s, 'meetings.create', input);
    expect(reply).toMatchObject({ ok: false, error: { code: 'wrong_chair', message } });
    expect(t.entries().length).toBe(before);
    expect(await s['meetings.list']({ from: null, to: null })).toEqual([]);
  });

  it('refuses a Senior Probation Officer as chair for a Category 3 case not current to probation (procedures §7)', async () => {
    const { t, s, cat3 } = await aTeamWithPeople();
    const reply = await dispatch(s, 'meetings.create', { ...base(t, [cat3]), chairRole: 'senior_probation_officer', chair: { fullName: 'Sam Senior', officeId: t.offices.probation, jobTitle: 'Senior Probation Officer', userName: null } });
    expect(reply).toMatchObject({ ok: false, error: { code: 'wrong_chair', message: 'Lee Marsh is a Category 3 case not current to the Probation Service: the panel is chaired by a Detective Inspector or the MAPPA coordinator.' } });
  });

  it('holds an Assessment of Risk Meeting for a Potentially Dangerous Person, chaired by the agency that asked for it (procedures §21)', async () => {
    const { t, s, hollis, pdp } = await aTeamWithPeople();
    const arm = { ...base(t, [pdp]), kind: 'arm', chairRole: 'requesting_agency_manager', requestingOfficeId: t.offices.health, chair: { fullName: 'Dr Aled Pryce', officeId: t.offices.health, jobTitle: 'Clinical director', userName: null } };
    const nominal = await dispatch(s, 'meetings.create', { ...arm, subjectIds: [hollis] });
    expect(nominal).toMatchObject({ ok: false, error: { code: 'wrong_meeting', message: 'Darren Hollis is a MAPPA nominal: an Assessment of Risk Meeting is for a Potentially Dangerous Person. Arrange a Level 2 or Level 3 meeting instead.' } });
    const otherChair = await dispatch(s, 'meetings.create', { ...arm, chair: { ...arm.chair, officeId: t.offices.police } });
    expect(otherChair).toMatchObject({ ok: false, error: { code: 'wrong_chair', message: 'An Assessment of Risk Meeting is chaired by the agency that asked for it: choose a chair from that agency.' } });
    const pdpAtPanel = await dispatch(s, 'meetings.create', base(t, [pdp]));
    expect(pdpAtPanel).toMatchObject({ ok: false, error: { code: 'wrong_meeting' } });
    const made = await s['meetings.create'](arm as Parameters<typeof s['meetings.create']>[0]);
    expect(made).toMatchObject({ kind: 'arm', requestingOffice: { id: t.offices.health }, chairRoleLabel: 'Manager of the agency that asked for the meeting' });
  });

  it('lists meetings by London day, newest first', async () => {
    const { t, s, hollis } = await aTeamWithPeople();
    await aLevel2Meeting(t, [hollis], { startsAt: '2026-11-30T23:30:00Z' }); // 23:30 on 30 November in London (GMT)
    await aLevel2Meeting(t, [hollis], { startsAt: '2026-06-01T23:30:00Z', reviewNumber: 2 }); // 00:30 on 2 June in London (BST)
    const june = await s['meetings.list']({ from: '2026-06-02', to: '2026-06-02' });
    expect(june.map((m) => m.title)).toEqual(['Level 2 MAPPA meeting, review 2, 2 June 2026']);
    expect((await s['meetings.list']({ from: '2026-11-30', to: '2026-11-30' })).map((m) => m.reviewNumber)).toEqual([0]);
    expect((await s['meetings.list']({ from: null, to: null })).map((m) => m.reviewNumber)).toEqual([0, 2]);
  });

  it('cancels a scheduled meeting with its reason; there is then nothing to sign', async () => {
    const { t, s, hollis } = await aTeamWithPeople();
    const meeting = await aLevel2Meeting(t, [hollis]);
    const cancelled = await s['meetings.cancel']({ id: meeting.id, reason: 'The chair is ill; the case moves to next week’s panel.' });
    expect(cancelled.status).toBe('cancelled');
    expect(t.entries().at(-1)).toMatchObject({ action: 'meeting_edit', subjectId: hollis, reason: 'The chair is ill; the case moves to next week’s panel.', details: { step: 'cancel' } });
    const sign = await dispatch(s, 'undertaking.sign', { meetingId: meeting.id, attendeeId: attendeeOf(meeting, 'Pat Probation').id, subjectId: null, version: 1, typedName: 'Pat Probation', agreed: true });
    expect(sign).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    expect(await dispatch(s, 'meetings.cancel', { id: meeting.id, reason: 'Again.' })).toMatchObject({ ok: false, error: { code: 'not_scheduled', message: 'This meeting is already cancelled.' } });
  });

  it('names each problem with the input next to its field', async () => {
    const { t, s, hollis } = await aTeamWithPeople();
    const reply = await dispatch(s, 'meetings.create', { ...base(t, [hollis]), place: null, remote: false, startsAt: 'next Tuesday', subjectIds: [] });
    expect(reply).toMatchObject({
      ok: false,
      error: {
        code: 'invalid_input',
        fields: expect.arrayContaining([
          { field: 'startsAt', message: 'Enter when the meeting starts as a date and time, for example 2026-12-01T10:00:00Z.' },
          { field: 'subjectIds', message: 'Choose at least one person to discuss.' },
        ]),
      },
    });
    const noPlace = await dispatch(s, 'meetings.create', { ...base(t, [hollis]), place: null, remote: false });
    expect(noPlace).toMatchObject({ ok: false, error: { field: 'place', message: 'Enter where the meeting is held, or say it is held remotely.' } });
  });

  it('records attendance per person discussed, and an attendee who joined for one of them', async () => {
    const { t, s, hollis, cat3 } = await aTeamWithPeople();
    let meeting = await aLevel2Meeting(t, [hollis, cat3]);
    meeting = await s['meetings.addAttendee']({ meetingId: meeting.id, fullName: 'Şükrü Yılmaz', officeId: t.offices.health, jobTitle: 'Consultant forensic psychiatrist', userName: null, subjectIds: [cat3] });
    const dina = attendeeOf(meeting, 'Dina Shah');
    meeting = await s['meetings.setAttendance']({ meetingId: meeting.id, attendeeId: dina.id, status: 'attended', subjectStatuses: [{ subjectId: cat3, status: 'left_before' }] });
    expect(attendeeOf(meeting, 'Dina Shah').subjects).toEqual([{ subjectId: hollis, status: 'attended' }, { subjectId: cat3, status: 'left_before' }]);
    expect(attendeeOf(meeting, 'Şükrü Yılmaz')).toMatchObject({ scope: 'subjects', userName: null, subjects: [{ subjectId: cat3, status: 'invited' }] });
    expect(meeting.status).toBe('held');
    const wrong = await dispatch(s, 'meetings.setAttendance', { meetingId: meeting.id, attendeeId: attendeeOf(meeting, 'Şükrü Yılmaz').id, status: 'attended', subjectStatuses: [{ subjectId: hollis, status: 'attended' }] });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'not_on_agenda' } });
  });
});

describe('the association block around a meeting', () => {
  it('hides a declared person from the meeting page and refuses their minutes, with an alert for the IG lead', async () => {
    const { t, s, hollis, cat3 } = await aTeamWithPeople();
    let meeting = await aLevel2Meeting(t, [hollis, cat3]);
    for (const name of ['Casey Coordinator', 'Dina Shah', 'Pat Probation']) meeting = await signInRoom(t, meeting, attendeeOf(meeting, name).id);
    await t.as('pat');
    await s['minutes.save']({ meetingId: meeting.id, subjectId: cat3, ...completeMinutes(t) });
    await s['associations.declare']({ names: ['Lee Marsh'], dateOfBirth: '1986-09-14', relationship: 'My cousin' });
    const view = await s['meetings.get']({ id: meeting.id });
    expect(view.subjectList.map((x) => x.name)).toEqual(['Darren Hollis', null]);
    const reply = await dispatch(s, 'minutes.get', { meetingId: meeting.id, subjectId: cat3 });
    expect(reply).toMatchObject({ ok: false, error: { code: 'association_block' } });
    expect(t.entries().at(-1)).toMatchObject({ action: 'association_alert', subjectId: cat3 });
  });
});
