// Issue 11, meetings: who may chair which meeting (procedures §7, §9, §21), who a meeting
// may discuss, clear refusals that change nothing, attendees who are not users of the
// register, and the association block around a meeting's people.
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../src/main/dispatch';
import type { MeetingView } from '../../../src/shared/channels/meetings';
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

const arrangementOf = (t: MeetingTeam) => ({
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
});
const base = (t: MeetingTeam, subjectIds: string[]) => ({ ...arrangementOf(t), subjectIds });

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

/** What a refused change must leave as it was: the meeting, its people, the audit log. */
const snapshot = async (t: MeetingTeam, id: string) => {
  const entries = t.entries().length;
  return { meeting: await t.api.service['meetings.get']({ id }), entries };
};
/** The refusal wrote nothing: the entries since are the snapshot's own reading of the meeting (one per person discussed). */
const expectUnchanged = async (t: MeetingTeam, before: Awaited<ReturnType<typeof snapshot>>) => {
  expect(await snapshot(t, before.meeting.id)).toEqual({ ...before, entries: before.entries + Math.max(1, before.meeting.subjectList.length) });
};

describe('changing a meeting once arranged', () => {
  const editOf = (t: MeetingTeam, meeting: MeetingView) => ({
    id: meeting.id,
    ...arrangementOf(t),
    startsAt: meeting.startsAt,
    place: meeting.place,
    remote: meeting.remote,
    remoteDetails: meeting.remoteDetails,
  });

  it('reschedules a meeting and moves it online, naming in the audit the fields changed and not their values', async () => {
    const { t, s, hollis, cat3 } = await aTeamWithPeople();
    const meeting = await aLevel2Meeting(t, [hollis, cat3]);
    const mark = t.entries().length;
    const edited = await s['meetings.edit']({ ...editOf(t, meeting), startsAt: '2026-12-02T14:30:00.000Z', place: null, remote: true, remoteDetails: 'Teams link sent by secure email' } as Parameters<typeof s['meetings.edit']>[0]);
    expect(edited).toMatchObject({ startsAt: '2026-12-02T14:30:00.000Z', place: null, remote: true, remoteDetails: 'Teams link sent by secure email', title: 'Level 2 MAPPA meeting, initial meeting, 2 December 2026' });
    const entries = t.since(mark);
    expect(entries.map((e) => [e.action, e.subjectId, e.details.step])).toEqual([
      ['meeting_edit', hollis, 'edit'],
      ['meeting_edit', cat3, 'edit'],
    ]);
    expect(entries[0]?.details.changed).toEqual(['startsAt', 'place', 'remote', 'remoteDetails']);
    expect(JSON.stringify(entries)).not.toContain('Teams');
  });

  it('puts someone else in a part nothing rests on yet, and refuses to replace a minute-taker who has signed', async () => {
    const { t, s, hollis } = await aTeamWithPeople();
    let meeting = await aLevel2Meeting(t, [hollis]);
    const replaced = await s['meetings.edit']({ ...editOf(t, meeting), minuteTaker: person(t, 'hana') } as Parameters<typeof s['meetings.edit']>[0]);
    expect(replaced.attendees.find((a) => a.part === 'minute_taker')).toMatchObject({ fullName: 'Hana Health', userName: 'Hana Health', signedForMeeting: false });
    expect(t.entries().at(-1)?.details.changed).toEqual(['minuteTaker']);
    meeting = await signInRoom(t, replaced, attendeeOf(replaced, 'Hana Health').id);
    const before = await snapshot(t, meeting.id);
    const reply = await dispatch(s, 'meetings.edit', { ...editOf(t, meeting), minuteTaker: person(t, 'pat') });
    expect(reply).toMatchObject({ ok: false, error: { code: 'on_record', field: 'minuteTaker.fullName', message: 'Hana Health has signed the confidentiality undertaking for this meeting, so they stay the meeting’s minute-taker.' } });
    await expectUnchanged(t, before);
  });

  it.each([
    ['a chair the rules do not allow', () => ({ chairRole: 'detective_chief_inspector' }), 'wrong_chair', 'A Level 2 MAPPA meeting is chaired by a Detective Inspector, Senior Probation Officer or MAPPA coordinator, not a Detective Chief Inspector.'],
    ['no change at all', () => ({}), 'unchanged', 'Nothing was changed: change the arrangements before saving them.'],
    ['a time that is not one', () => ({ startsAt: 'Tuesday afternoon' }), 'invalid_input', 'Enter when the meeting starts as a date and time, for example 2026-12-01T10:00:00Z.'],
  ])('refuses %s, and changes nothing', async (_what, over, code, message) => {
    const { t, s, hollis } = await aTeamWithPeople();
    const meeting = await aLevel2Meeting(t, [hollis]);
    const before = await snapshot(t, meeting.id);
    const reply = await dispatch(s, 'meetings.edit', { ...editOf(t, meeting), ...over() });
    expect(reply).toMatchObject({ ok: false, error: { code, message } });
    await expectUnchanged(t, before);
  });

  it('refuses to change a cancelled meeting, the kind of one with minutes started, and one whose minutes are final', async () => {
    const { t, s, hollis } = await aTeamWithPeople();
    const cancelled = await aLevel2Meeting(t, [hollis]);
    await s['meetings.cancel']({ id: cancelled.id, reason: 'The chair is ill.' });
    expect(await dispatch(s, 'meetings.edit', { ...editOf(t, cancelled), place: 'Elsewhere' })).toMatchObject({ ok: false, error: { code: 'cancelled', message: 'This meeting was cancelled: its arrangements no longer change.' } });

    let meeting = await aLevel2Meeting(t, [hollis]);
    for (const name of ['Casey Coordinator', 'Dina Shah', 'Pat Probation']) meeting = await signInRoom(t, meeting, attendeeOf(meeting, name).id);
    await s['minutes.save']({ meetingId: meeting.id, subjectId: hollis, ...completeMinutes(t) });
    const level3 = { ...editOf(t, meeting), kind: 'level3', chairRole: 'mappa_coordinator', chair: { ...person(t, 'dina'), officeId: t.offices.probation } };
    expect(await dispatch(s, 'meetings.edit', level3)).toMatchObject({ ok: false, error: { code: 'minutes_started', field: 'kind', message: 'Minutes have been started for this meeting: its kind no longer changes.' } });
    await s['minutes.send']({ meetingId: meeting.id, subjectId: hollis });
    await t.as('dina');
    await s['minutes.confirm']({ meetingId: meeting.id, subjectId: hollis });
    await t.as('casey');
    const before = await snapshot(t, meeting.id);
    expect(await dispatch(s, 'meetings.edit', { ...editOf(t, meeting), startsAt: '2026-12-01T10:00:00Z' })).toMatchObject({ ok: false, error: { code: 'final', message: 'Minutes of this meeting are final: its arrangements no longer change.' } });
    await expectUnchanged(t, before);
  });

  it('lets only those who arrange meetings change them', async () => {
    const { t, s, hollis } = await aTeamWithPeople();
    const meeting = await aLevel2Meeting(t, [hollis]);
    await t.as('pat');
    expect(await dispatch(s, 'meetings.edit', { ...editOf(t, meeting), place: 'Elsewhere' })).toMatchObject({ ok: false, error: { code: 'not_allowed' } });
    expect(await dispatch(s, 'meetings.removeSubject', { meetingId: meeting.id, subjectId: hollis, reason: 'Not needed.' })).toMatchObject({ ok: false, error: { code: 'not_allowed' } });
  });
});

describe('taking someone off a meeting', () => {
  async function aMeetingWithGuests() {
    const { t, s, hollis, cat3 } = await aTeamWithPeople();
    let meeting = await aLevel2Meeting(t, [hollis, cat3]);
    meeting = await s['meetings.addAttendee']({ meetingId: meeting.id, ...person(t, 'hana'), subjectIds: null });
    meeting = await s['meetings.addAttendee']({ meetingId: meeting.id, fullName: 'Şükrü Yılmaz', officeId: t.offices.health, jobTitle: 'Consultant forensic psychiatrist', userName: null, subjectIds: [cat3] });
    return { t, s, hollis, cat3, meeting };
  }
  const refusesAndKeeps = async (t: MeetingTeam, channel: string, input: { meetingId: string } & Record<string, unknown>, error: Record<string, unknown>) => {
    const before = await snapshot(t, input.meetingId);
    expect(await dispatch(t.api.service, channel, input)).toMatchObject({ ok: false, error });
    await expectUnchanged(t, before);
  };

  it('removes an invited attendee nothing rests on, with the reason in the audit entry', async () => {
    const { t, s, meeting } = await aMeetingWithGuests();
    const hana = attendeeOf(meeting, 'Hana Health');
    const after = await s['meetings.removeAttendee']({ meetingId: meeting.id, attendeeId: hana.id, reason: 'Invited by mistake: the trust sends someone else.' });
    expect(after.attendees.map((a) => a.fullName)).not.toContain('Hana Health');
    expect(t.entries().at(-1)).toMatchObject({ action: 'meeting_edit', reason: 'Invited by mistake: the trust sends someone else.', details: { step: 'remove_attendee', attendeeId: hana.id, officeId: t.offices.health } });
    // No longer an attendee: the meeting is not hers to open.
    await t.as('hana');
    expect(await dispatch(s, 'meetings.get', { id: meeting.id })).toMatchObject({ ok: false, error: { code: 'not_an_attendee' } });
  });

  it('keeps an attendee who signed, wrote a paper, or is named present in minutes, and says to mark apologies instead', async () => {
    const { t, s, hollis, meeting } = await aMeetingWithGuests();
    const hana = attendeeOf(meeting, 'Hana Health');
    const pat = attendeeOf(meeting, 'Pat Probation');
    await signInRoom(t, meeting, hana.id);
    await refusesAndKeeps(t, 'meetings.removeAttendee', { meetingId: meeting.id, attendeeId: hana.id, reason: 'Not needed.' }, {
      code: 'on_record',
      message: 'Hana Health has signed the confidentiality undertaking for this meeting, so they stay on it: mark their apologies instead.',
    });
    // The part holders are replaced through the arrangements, not removed.
    await refusesAndKeeps(t, 'meetings.removeAttendee', { meetingId: meeting.id, attendeeId: pat.id, reason: 'Not needed.' }, {
      code: 'part_holder',
      message: 'Pat Probation is the meeting’s minute-taker: put someone else in their place under “Edit the arrangements” instead.',
    });
    // Şükrü attends for Lee Marsh; minutes of Hollis name Jordan, added and present, as present.
    let view = await s['meetings.addAttendee']({ meetingId: meeting.id, ...person(t, 'jordan'), subjectIds: null });
    const jordan = attendeeOf(view, 'Jordan Reid');
    view = await s['meetings.setAttendance']({ meetingId: meeting.id, attendeeId: jordan.id, status: 'attended', subjectStatuses: [] });
    for (const name of ['Casey Coordinator', 'Pat Probation']) view = await signInRoom(t, view, attendeeOf(view, name).id);
    await t.as('pat');
    await s['minutes.save']({ meetingId: meeting.id, subjectId: hollis, ...completeMinutes(t) });
    await t.as('casey');
    await refusesAndKeeps(t, 'meetings.removeAttendee', { meetingId: meeting.id, attendeeId: jordan.id, reason: 'Not needed.' }, {
      code: 'on_record',
      message: 'Jordan Reid is named as present in the minutes of this meeting, so they stay on it: mark their apologies instead.',
    });
    expect(await dispatch(s, 'meetings.removeAttendee', { meetingId: meeting.id, attendeeId: jordan.id, reason: '' })).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'reason' } });
  });

  it('keeps an attendee who wrote a paper', async () => {
    const { t, s, hollis, meeting } = await aMeetingWithGuests();
    for (const name of ['Casey Coordinator', 'Pat Probation']) await signInRoom(t, meeting, attendeeOf(meeting, name).id);
    const hana = attendeeOf(meeting, 'Hana Health');
    await s['papers.add']({ meetingId: meeting.id, subjectId: hollis, attendeeId: hana.id, title: 'Report to panel: health', report: { involvement: 'Seen monthly.', currentSituation: null, riskFactors: null, protectiveFactors: null, victims: null, recommendations: null }, itemIds: [], classification: 'OFFICIAL-SENSITIVE' });
    await refusesAndKeeps(t, 'meetings.removeAttendee', { meetingId: meeting.id, attendeeId: hana.id, reason: 'Not needed.' }, { code: 'on_record', message: 'Hana Health wrote a paper for this meeting, so they stay on it: mark their apologies instead.' });
  });

  it('takes a person off the agenda when nothing is written about them, and refuses once minutes or papers exist', async () => {
    const { t, s, hollis, cat3, meeting } = await aMeetingWithGuests();
    // Şükrü came only for Lee Marsh.
    await refusesAndKeeps(t, 'meetings.removeSubject', { meetingId: meeting.id, subjectId: cat3, reason: 'Discussed next month.' }, { code: 'only_for_subject', message: 'Şükrü Yılmaz joins the meeting only for this person: take them off the attendees first.' });
    await s['meetings.removeAttendee']({ meetingId: meeting.id, attendeeId: attendeeOf(meeting, 'Şükrü Yılmaz').id, reason: 'Lee Marsh moves to next month.' });
    const after = await s['meetings.removeSubject']({ meetingId: meeting.id, subjectId: cat3, reason: 'Discussed next month.' });
    expect(after.subjectList.map((x) => x.name)).toEqual(['Darren Hollis']);
    expect(attendeeOf(after, 'Hana Health').subjects).toEqual([{ subjectId: hollis, status: 'invited' }]);
    expect(t.entries().at(-1)).toMatchObject({ action: 'meeting_edit', subjectId: cat3, reason: 'Discussed next month.', details: { step: 'remove_subject' } });
    await refusesAndKeeps(t, 'meetings.removeSubject', { meetingId: meeting.id, subjectId: hollis, reason: 'No.' }, { code: 'last_subject', message: 'A meeting discusses at least one person: cancel the meeting instead.' });

    const second = await aLevel2Meeting(t, [hollis, cat3]);
    for (const name of ['Casey Coordinator', 'Pat Probation']) await signInRoom(t, second, attendeeOf(second, name).id);
    await s['minutes.save']({ meetingId: second.id, subjectId: hollis, ...completeMinutes(t) });
    await s['papers.add']({ meetingId: second.id, subjectId: cat3, attendeeId: attendeeOf(second, 'Pat Probation').id, title: 'Report', report: { involvement: 'Seen.', currentSituation: null, riskFactors: null, protectiveFactors: null, victims: null, recommendations: null }, itemIds: [], classification: 'OFFICIAL-SENSITIVE' });
    await refusesAndKeeps(t, 'meetings.removeSubject', { meetingId: second.id, subjectId: hollis, reason: 'No.' }, { code: 'on_record', message: 'Minutes have been started about this person at this meeting, so they stay on its agenda.' });
    await refusesAndKeeps(t, 'meetings.removeSubject', { meetingId: second.id, subjectId: cat3, reason: 'No.' }, { code: 'on_record', message: 'Papers have been written about this person for this meeting, so they stay on its agenda.' });
  });
});
