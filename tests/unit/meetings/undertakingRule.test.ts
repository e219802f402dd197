// Issue 11, THE RULE (leaflet; MAPPA D): an attendee without a signed confidentiality
// undertaking for the meeting, or for that subject if they joined for one, cannot open its
// papers or minutes by any channel or export. The service refuses, the refusal changes
// nothing (no entry, no row, no dialog, no file), and every read that is allowed is an act
// with its audit entry.
import { existsSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../src/main/dispatch';
import { NOT_ATTENDEE, UNSIGNED } from '../../../src/main/meetings/readers';
import { anItem } from '../../support/registerBuilders';
import { aLevel2Meeting, aMeetingTeam, aNominal, attendeeOf, completeMinutes, person, signInRoom, WHY, type MeetingTeam } from '../../support/meetings';

let team: MeetingTeam | undefined;
afterEach(() => {
  if (team?.api.session.status().state === 'unlocked') team.api.session.lock();
  team = undefined;
});

const REPORT = { involvement: 'Supervised on licence since June.', currentSituation: 'Two missed appointments.', riskFactors: 'Alcohol; contact with his former partner.', protectiveFactors: null, victims: 'His former partner.', recommendations: 'Keep the curfew.' };

/** A meeting about two people; Casey, Dina and Pat have signed for the whole meeting, Hana is invited and has not, Jordan joins for the second person only. */
async function aMeetingWithPapers() {
  team = await aMeetingTeam();
  const t = team;
  const s = t.api.service;
  const hollis = await aNominal(t);
  const marsh = await aNominal(t, { givenName: 'Lee', familyName: 'Marsh', dateOfBirth: '1986-09-14' });
  let meeting = await aLevel2Meeting(t, [hollis, marsh]);
  meeting = await s['meetings.addAttendee']({ meetingId: meeting.id, ...person(t, 'hana'), subjectIds: null });
  meeting = await s['meetings.addAttendee']({ meetingId: meeting.id, ...person(t, 'jordan'), subjectIds: [marsh] });
  for (const name of ['Casey Coordinator', 'Dina Shah', 'Pat Probation']) meeting = await signInRoom(t, meeting, attendeeOf(meeting, name).id);
  const paper = await s['papers.add']({ meetingId: meeting.id, subjectId: hollis, attendeeId: attendeeOf(meeting, 'Pat Probation').id, title: 'Report to panel: probation', report: REPORT, itemIds: [], classification: 'OFFICIAL-SENSITIVE' });
  await s['minutes.save']({ meetingId: meeting.id, subjectId: hollis, ...completeMinutes(t) });
  await s['minutes.send']({ meetingId: meeting.id, subjectId: hollis });
  return { t, s, meeting, hollis, marsh, paper };
}

function snapshot(t: MeetingTeam) {
  const r = t.api.session.vault().reader;
  const count = (table: string) => r.get<{ n: number }>(`SELECT count(*) AS n FROM ${table}`)?.n;
  return { entries: t.entries().length, signatures: count('undertaking_signatures'), minutes: count('minutes_history'), copies: count('minutes_copies'), dialogs: t.api.host.opened.length };
}

describe('no signed undertaking, no access to papers or minutes', () => {
  it('refuses an unsigned attendee the papers, the minutes and every export, through the channels, and changes nothing', async () => {
    const { t, s, meeting, hollis, paper } = await aMeetingWithPapers();
    await s['copies.permit']({ meetingId: meeting.id, subjectId: hollis, recipientName: 'Hana Health', recipientOfficeId: t.offices.health, recipientRole: null, reason: 'She manages his care plan.', grantedOn: '2026-12-01', grantedHow: 'In the meeting' });
    const permission = (await s['copies.list']({ meetingId: meeting.id, subjectId: hollis })).permissions[0]!;

    await t.as('hana');
    const before = snapshot(t);
    t.api.host.picksFile(t.file('should-not-exist.pdf'));
    const calls: [string, unknown][] = [
      ['papers.open', { meetingId: meeting.id, paperId: paper.id }],
      ['papers.list', { meetingId: meeting.id, subjectId: hollis }],
      ['minutes.get', { meetingId: meeting.id, subjectId: hollis }],
      ['actions.list', {}],
    ];
    for (const [channel, input] of calls.slice(0, 3)) {
      const reply = await dispatch(t.api.service, channel, input);
      expect(reply, channel).toEqual({ ok: false, error: { code: 'undertaking_unsigned', message: UNSIGNED } });
    }
    // The actions are part of the minutes: the list leaves out what she may not read.
    const actions = await dispatch(t.api.service, 'actions.list', {});
    expect(actions).toMatchObject({ ok: true, value: [] });
    expect(snapshot(t)).toEqual({ ...before, entries: before.entries + 1 }); // the one list entry, naming no one

    // Hana is a representative: exports are refused by role before anything else; so is Jordan.
    const copy = await dispatch(t.api.service, 'copies.make', { meetingId: meeting.id, permissionId: permission.id });
    expect(copy).toMatchObject({ ok: false, error: { code: 'not_allowed' } });
    expect(existsSync(t.file('should-not-exist.pdf'))).toBe(false);
    expect(t.api.host.opened.length).toBe(before.dialogs);
  });

  it('refuses the exports to a coordinator or chair who has not signed, before any dialog opens', async () => {
    team = await aMeetingTeam();
    const t = team;
    const s = t.api.service;
    const hollis = await aNominal(t);
    let meeting = await aLevel2Meeting(t, [hollis]);
    // Only Pat (minute-taker) and Dina (chair) sign; Casey (coordinator) does not.
    meeting = await signInRoom(t, meeting, attendeeOf(meeting, 'Pat Probation').id);
    meeting = await signInRoom(t, meeting, attendeeOf(meeting, 'Dina Shah').id);
    await t.as('pat');
    await s['minutes.save']({ meetingId: meeting.id, subjectId: hollis, ...completeMinutes(t) });
    await s['minutes.send']({ meetingId: meeting.id, subjectId: hollis });
    await t.as('casey');
    await s['copies.permit']({ meetingId: meeting.id, subjectId: hollis, recipientName: 'Siân Llŷr', recipientOfficeId: t.offices.childrens, recipientRole: 'Team manager', reason: 'Child protection plan for the children in the household.', grantedOn: '2026-12-01', grantedHow: 'By secure email' });
    const permission = (await s['copies.list']({ meetingId: meeting.id, subjectId: hollis })).permissions[0]!;

    const before = snapshot(t);
    t.api.host.picksFile(t.file('copy.pdf'));
    t.api.host.picksFile(t.file('sheet.pdf'));
    const copy = await dispatch(t.api.service, 'copies.make', { meetingId: meeting.id, permissionId: permission.id });
    expect(copy).toEqual({ ok: false, error: { code: 'undertaking_unsigned', message: UNSIGNED } });
    const sheet = await dispatch(t.api.service, 'meetings.attendanceSheet', { meetingId: meeting.id });
    expect(sheet).toEqual({ ok: false, error: { code: 'undertaking_unsigned', message: UNSIGNED } });
    const minutes = await dispatch(t.api.service, 'minutes.get', { meetingId: meeting.id, subjectId: hollis });
    expect(minutes).toEqual({ ok: false, error: { code: 'undertaking_unsigned', message: UNSIGNED } });
    expect(snapshot(t)).toEqual(before);
    expect(existsSync(t.file('copy.pdf'))).toBe(false);
    expect(existsSync(t.file('sheet.pdf'))).toBe(false);
  });

  it('opens the papers and minutes once the attendee has signed, each read an audited act', async () => {
    const { t, s, meeting, hollis, paper } = await aMeetingWithPapers();
    await signInRoom(t, meeting, attendeeOf(meeting, 'Hana Health').id);
    await t.as('hana');
    const mark = t.entries().length;
    const opened = await s['papers.open']({ meetingId: meeting.id, paperId: paper.id, reason: WHY });
    expect(opened).toMatchObject({ title: 'Report to panel: probation', owner: { id: t.offices.probation }, report: { riskFactors: 'Alcohol; contact with his former partner.' } });
    const minutes = await s['minutes.get']({ meetingId: meeting.id, subjectId: hollis, reason: WHY });
    expect(minutes.status).toBe('sent');
    const entries = t.since(mark);
    expect(entries.map((e) => e.action)).toEqual(['paper_view', 'minutes_view']);
    expect(entries.every((e) => e.subjectId === hollis && e.actor.userName === 'Hana Health')).toBe(true);
    expect(entries[0]?.details).toMatchObject({ meetingId: meeting.id, paperId: paper.id, ownerOfficeId: t.offices.probation });
  });

  it('holds an attendee who joined for one person to that person, and to a signature before them', async () => {
    const { t, meeting, hollis, marsh, paper } = await aMeetingWithPapers();
    const jordan = attendeeOf(meeting, 'Jordan Reid');
    // Signing for the whole meeting is refused: he signs before the person he came for.
    const whole = await dispatch(t.api.service, 'undertaking.sign', { meetingId: meeting.id, attendeeId: jordan.id, subjectId: null, version: 1, typedName: 'Jordan Reid', agreed: true });
    expect(whole).toMatchObject({ ok: false, error: { code: 'sign_per_subject' } });
    await signInRoom(t, meeting, jordan.id, marsh);
    await t.as('jordan');
    const other = await dispatch(t.api.service, 'papers.open', { meetingId: meeting.id, paperId: paper.id });
    expect(other).toMatchObject({ ok: false, error: { code: 'not_an_attendee' } });
    const otherMinutes = await dispatch(t.api.service, 'minutes.get', { meetingId: meeting.id, subjectId: hollis });
    expect(otherMinutes).toMatchObject({ ok: false, error: { code: 'not_an_attendee' } });
    const view = await t.api.service['meetings.get']({ id: meeting.id });
    expect(view.youMayRead).toBe(false);
    expect(view.attendees.find((a) => a.fullName === 'Jordan Reid')?.signatures).toMatchObject([{ subjectId: marsh, version: 1, how: 'in_room' }]);
  });

  it('refuses a register user who is not an attendee: the meeting page, its papers and its minutes', async () => {
    team = await aMeetingTeam();
    const t = team;
    const hollis = await aNominal(t);
    const meeting = await aLevel2Meeting(t, [hollis]);
    await t.as('hana');
    const before = snapshot(t);
    for (const [channel, input] of [
      ['meetings.get', { id: meeting.id }],
      ['minutes.get', { meetingId: meeting.id, subjectId: hollis }],
      ['papers.list', { meetingId: meeting.id, subjectId: hollis }],
    ] as const) {
      expect(await dispatch(t.api.service, channel, input), channel).toEqual({ ok: false, error: { code: 'not_an_attendee', message: NOT_ATTENDEE } });
    }
    expect(await t.api.service['meetings.list']({ from: null, to: null })).toEqual([]);
    expect(snapshot(t)).toEqual(before);
  });

  it('records a signature with the name typed, the agreement, the time and the hash of the version shown; and refuses a wrong name or an older version', async () => {
    const { t, s, meeting } = await aMeetingWithPapers();
    const hana = attendeeOf(meeting, 'Hana Health');
    const current = await s['undertaking.current']({});
    expect(current.version).toBe(1);
    const before = snapshot(t);
    const wrongName = await dispatch(s, 'undertaking.sign', { meetingId: meeting.id, attendeeId: hana.id, subjectId: null, version: 1, typedName: 'H. Health', agreed: true });
    expect(wrongName).toMatchObject({ ok: false, error: { code: 'name_mismatch', field: 'typedName', message: 'Type your full name as the meeting has it: Hana Health.' } });
    const notAgreed = await dispatch(s, 'undertaking.sign', { meetingId: meeting.id, attendeeId: hana.id, subjectId: null, version: 1, typedName: 'Hana Health', agreed: false });
    expect(notAgreed).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'agreed', message: 'Tick to confirm that you agree to keep to the statement.' } });

    // An administrator changes the statement: version 1 is kept, and a signature of the old text shown is refused.
    await t.as('ada');
    const v2 = await s['undertaking.edit']({ title: current.title, body: `${current.body}\n\nThe Wigan MAPPA panel adds: mobile telephones stay outside the room.`, changeNote: 'Local addition agreed by the Strategic Management Board.' });
    expect(v2.version).toBe(2);
    expect((await s['undertaking.versions']({})).map((v) => v.version)).toEqual([2, 1]);
    await t.as('casey');
    const old = await dispatch(s, 'undertaking.sign', { meetingId: meeting.id, attendeeId: hana.id, subjectId: null, version: 1, typedName: 'Hana Health', agreed: true });
    expect(old).toMatchObject({ ok: false, error: { code: 'undertaking_changed' } });
    expect(snapshot(t)).toEqual({ ...before, entries: before.entries + 5 }); // locks, unlocks and the edit: the refusal wrote nothing

    t.clock.set('2026-11-30T10:02:00Z');
    const signed = await s['undertaking.sign']({ meetingId: meeting.id, attendeeId: hana.id, subjectId: null, version: 2, typedName: 'hana  health', agreed: true });
    const signature = signed.attendees.find((a) => a.id === hana.id)?.signatures[0];
    expect(signature).toMatchObject({ version: 2, versionSha256: v2.sha256, typedName: 'hana  health', signedAt: '2026-11-30T10:02:00.000Z', how: 'in_room', recordedBy: 'Casey Coordinator' });
    const entry = t.entries().at(-1)!;
    expect(entry).toMatchObject({ action: 'meeting_signature', details: { meetingId: meeting.id, attendeeId: hana.id, version: 2, sha256: v2.sha256, how: 'in_room' } });
    const again = await dispatch(s, 'undertaking.sign', { meetingId: meeting.id, attendeeId: hana.id, subjectId: null, version: 2, typedName: 'Hana Health', agreed: true });
    expect(again).toMatchObject({ ok: false, error: { code: 'already_signed' } });
  });

  it('gives the signing screen the statement and the attendee’s name, and nothing about the people discussed', async () => {
    const { t, s, meeting } = await aMeetingWithPapers();
    const hana = attendeeOf(meeting, 'Hana Health');
    const form = await s['undertaking.signingForm']({ meetingId: meeting.id, attendeeId: hana.id, subjectId: null });
    expect(form).toMatchObject({
      meetingTitle: 'Level 2 MAPPA meeting, initial meeting, 30 November 2026',
      attendee: { id: hana.id, fullName: 'Hana Health', agency: 'North West Mental Health Trust (Health or mental health trust)' },
      forOnePerson: false,
      statement: { version: 1, title: 'Confidentiality and Diversity Statement (MAPPA D)' },
      alreadySigned: false,
    });
    expect(JSON.stringify(form)).not.toContain('Hollis');
    // Another representative cannot open someone else's signing form.
    await t.as('jordan');
    expect(await dispatch(s, 'undertaking.signingForm', { meetingId: meeting.id, attendeeId: hana.id })).toMatchObject({ ok: false, error: { code: 'not_allowed' } });
  });

  it('lets only an administrator change the undertaking', async () => {
    const { t } = await aMeetingWithPapers();
    await t.as('dina');
    const reply = await dispatch(t.api.service, 'undertaking.edit', { title: 'X', body: 'Y', changeNote: 'Z' });
    expect(reply).toMatchObject({ ok: false, error: { code: 'not_allowed', message: 'Only an administrator can change the confidentiality undertaking.' } });
  });
});

describe('reads ask the reason, as opening the person’s record does', () => {
  it('refuses the papers, a paper, the minutes and the items to link without a reason, and records the reason given', async () => {
    const { t, s, meeting, hollis, paper } = await aMeetingWithPapers();
    const before = snapshot(t);
    for (const [channel, input] of [
      ['papers.list', { meetingId: meeting.id, subjectId: hollis }],
      ['papers.open', { meetingId: meeting.id, paperId: paper.id }],
      ['minutes.get', { meetingId: meeting.id, subjectId: hollis }],
      ['minutes.linkableItems', { meetingId: meeting.id, subjectId: hollis }],
    ] as const) {
      expect(await dispatch(s, channel, input), channel).toEqual({ ok: false, error: { code: 'reason_needed', field: 'reason.code', message: 'Choose why you are opening this record.' } });
    }
    expect(await dispatch(s, 'papers.list', { meetingId: meeting.id, subjectId: hollis, reason: { code: 'other' } })).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'reason.text', message: 'Say why you are opening this record.' } });
    expect(snapshot(t)).toEqual(before);
    const mark = t.entries().length;
    await s['papers.list']({ meetingId: meeting.id, subjectId: hollis, reason: WHY });
    await s['minutes.get']({ meetingId: meeting.id, subjectId: hollis, reason: { code: 'other', text: 'Chair’s query' } });
    expect(t.since(mark).map((e) => [e.action, e.reason])).toEqual([
      ['subject_list', 'Meeting preparation'],
      ['minutes_view', 'Other: Chair’s query'],
    ]);
  });
});

describe('the items the minutes can link', () => {
  it('lists the person’s items for a signed attendee, each with its kind, owner, date and first words; an audited read', async () => {
    const { t, s, meeting, hollis, marsh } = await aMeetingWithPapers();
    const item = await s['items.add'](anItem(hollis, t.offices.police, { value: 'Seen at the Brumwhistle Arms on 20 November with two men the police know well from before.', receivedOn: '2026-11-21' }));
    await s['items.add'](anItem(marsh, t.offices.police, { value: 'Someone else’s item.' }));
    const mark = t.entries().length;
    const list = await s['minutes.linkableItems']({ meetingId: meeting.id, subjectId: hollis, reason: WHY });
    expect(list).toEqual([expect.objectContaining({ itemId: item.id, fieldKind: item.fieldKind, owner: expect.objectContaining({ id: t.offices.police }), receivedOn: '2026-11-21', firstWords: 'Seen at the Brumwhistle Arms on 20 November…' })]);
    expect(t.since(mark)).toMatchObject([{ action: 'subject_list', reason: 'Meeting preparation', itemIds: [item.id], details: { list: 'minutes_linkable_items', subjectIds: [hollis] } }]);
    expect(JSON.stringify(t.since(mark))).not.toContain('Brumwhistle');
    // Hana has not signed: refused, and nothing written.
    await t.as('hana');
    const before = snapshot(t);
    expect(await dispatch(s, 'minutes.linkableItems', { meetingId: meeting.id, subjectId: hollis, reason: WHY })).toEqual({ ok: false, error: { code: 'undertaking_unsigned', message: UNSIGNED } });
    expect(snapshot(t)).toEqual(before);
  });
});

describe('changing and withdrawing a paper', () => {
  const REVISED = { ...REPORT, currentSituation: 'Three missed appointments.' };

  it('saves a new version by its writer, naming what changed and not its words; refuses another attendee and an unchanged paper', async () => {
    const { t, s, meeting, paper } = await aMeetingWithPapers();
    await t.as('pat');
    const mark = t.entries().length;
    const edited = await s['papers.edit']({ meetingId: meeting.id, paperId: paper.id, title: paper.title, report: REVISED, itemIds: [], classification: 'OFFICIAL-SENSITIVE' });
    expect(edited).toMatchObject({ version: 2, updatedBy: 'Pat Probation', withdrawn: null });
    expect(t.since(mark)).toMatchObject([{ action: 'paper_edit', details: { paperId: paper.id, version: 2, changed: ['report'] } }]);
    expect(JSON.stringify(t.since(mark))).not.toContain('Three missed');
    const opened = await s['papers.open']({ meetingId: meeting.id, paperId: paper.id, reason: WHY });
    expect(opened.report.currentSituation).toBe('Three missed appointments.');
    // What the panel read before the change is kept, with who wrote it and who replaced it.
    expect(opened.earlier).toMatchObject([{ version: 1, title: paper.title, report: { currentSituation: REPORT.currentSituation }, replacedBy: 'Pat Probation' }]);
    const before = snapshot(t);
    expect(await dispatch(s, 'papers.edit', { meetingId: meeting.id, paperId: paper.id, title: paper.title, report: REVISED })).toMatchObject({ ok: false, error: { code: 'unchanged' } });
    expect(await dispatch(s, 'papers.edit', { meetingId: meeting.id, paperId: paper.id, title: '', report: REVISED })).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'title' } });
    // Dina signed, but did not write it and is neither coordinator nor minute-taker.
    await t.as('dina');
    const reply = await dispatch(s, 'papers.withdraw', { meetingId: meeting.id, paperId: paper.id, reason: 'Wrong person.' });
    expect(reply).toEqual({ ok: false, error: { code: 'not_allowed', message: 'Only the paper’s writer, or the meeting’s coordinator or minute-taker, can change or withdraw it.' } });
    expect({ ...snapshot(t), entries: before.entries }).toEqual(before); // only the change of user at the desk since
  });

  it('withdraws a paper with its reason: it is listed as withdrawn, its text no longer opens, and it no longer changes', async () => {
    const { t, s, meeting, hollis, paper } = await aMeetingWithPapers();
    t.clock.set('2026-12-01T09:00:00Z');
    const withdrawn = await s['papers.withdraw']({ meetingId: meeting.id, paperId: paper.id, reason: 'Written about the wrong man.' });
    expect(withdrawn.withdrawn).toEqual({ at: '2026-12-01T09:00:00.000Z', by: 'Casey Coordinator', reason: 'Written about the wrong man.' });
    expect(t.entries().at(-1)).toMatchObject({ action: 'paper_withdraw', subjectId: hollis, reason: 'Written about the wrong man.' });
    expect((await s['papers.list']({ meetingId: meeting.id, subjectId: hollis, reason: WHY })).map((p) => [p.title, p.withdrawn?.reason])).toEqual([['Report to panel: probation', 'Written about the wrong man.']]);
    const before = snapshot(t);
    expect(await dispatch(s, 'papers.open', { meetingId: meeting.id, paperId: paper.id, reason: WHY })).toEqual({
      ok: false,
      error: { code: 'withdrawn', message: 'This paper was withdrawn on 1 December 2026 by Casey Coordinator (Written about the wrong man.): its text no longer opens.' },
    });
    expect(await dispatch(s, 'papers.edit', { meetingId: meeting.id, paperId: paper.id, title: 'New', report: REVISED })).toMatchObject({ ok: false, error: { code: 'withdrawn' } });
    expect(await dispatch(s, 'papers.withdraw', { meetingId: meeting.id, paperId: paper.id, reason: '' })).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'reason' } });
    expect(snapshot(t)).toEqual(before);
    expect((await s['meetings.get']({ id: meeting.id })).subjectList[0]?.papers).toBe(0);
  });

  it('keeps the papers as they are once the person’s minutes are final', async () => {
    const { t, s, meeting, hollis, paper } = await aMeetingWithPapers();
    await t.as('dina');
    await s['minutes.confirm']({ meetingId: meeting.id, subjectId: hollis });
    await t.as('pat');
    expect(await dispatch(s, 'papers.withdraw', { meetingId: meeting.id, paperId: paper.id, reason: 'Late.' })).toEqual({ ok: false, error: { code: 'final', message: 'The minutes about this person are final: the papers they rest on no longer change.' } });
  });
});
