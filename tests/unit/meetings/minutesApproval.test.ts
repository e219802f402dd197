// Issue 11: minutes in the MAPPA C structure, which cannot be final while a required part is
// empty (the disclosure consideration at every Level 2 and 3 meeting, procedures §18; the
// next review date, Level 3 in the community every 4–6 weeks, §8); the approval draft ->
// sent to the chair -> confirmed or amended -> final, with the chair's deadline counted in
// working days (procedures §7) by the register's calendar; amendments keep the earlier text.
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../src/main/dispatch';
import type { MinutesView } from '../../../src/shared/channels/meetings';
import { aLevel2Meeting, aMeetingTeam, aNominal, attendeeOf, completeMinutes, signInRoom, WHY, type MeetingTeam } from '../../support/meetings';

let team: MeetingTeam | undefined;
afterEach(() => {
  if (team?.api.session.status().state === 'unlocked') team.api.session.lock();
  team = undefined;
});

/** A Level 2 meeting about Darren Hollis where the chair, coordinator and minute-taker have signed; Pat (the minute-taker) is signed in. */
async function aSignedMeeting(start?: string, overrides: Record<string, unknown> = {}) {
  team = await aMeetingTeam(start);
  const t = team;
  const hollis = await aNominal(t);
  let meeting = await aLevel2Meeting(t, [hollis], overrides);
  for (const name of ['Casey Coordinator', 'Dina Shah', 'Pat Probation']) meeting = await signInRoom(t, meeting, attendeeOf(meeting, name).id);
  await t.as('pat');
  const where = { meetingId: meeting.id, subjectId: hollis };
  return { t, s: t.api.service, meeting, hollis, where };
}

function state(t: MeetingTeam) {
  const r = t.api.session.vault().reader;
  return {
    entries: t.entries().length,
    minutes: r.all('SELECT * FROM minutes'),
    history: r.get<{ n: number }>('SELECT count(*) AS n FROM minutes_history')?.n,
  };
}

describe('minutes cannot be final while a required part is empty', () => {
  it('refuses to confirm minutes without the disclosure consideration, and changes nothing', async () => {
    const { t, s, where } = await aSignedMeeting();
    await s['minutes.save']({ ...where, ...completeMinutes(t, { disclosureKind: null, disclosureReason: null }) });
    const sent = await s['minutes.send'](where);
    expect(sent.missing).toEqual(['Record the disclosure consideration: every Level 2 and 3 meeting considers disclosure (procedures §18). If none is needed, say why.']);
    await t.as('dina');
    const before = state(t);
    const reply = await dispatch(s, 'minutes.confirm', where);
    expect(reply).toEqual({
      ok: false,
      error: { code: 'not_ready', message: 'These minutes cannot be final yet: one part is still missing. Record the disclosure consideration: every Level 2 and 3 meeting considers disclosure (procedures §18). If none is needed, say why.' },
    });
    expect(state(t)).toEqual(before);
  });

  it('refuses “no disclosure needed” without the reason why', async () => {
    const { t, s, where } = await aSignedMeeting();
    await s['minutes.save']({ ...where, ...completeMinutes(t, { disclosureReason: null }) });
    await s['minutes.send'](where);
    await t.as('dina');
    const reply = await dispatch(s, 'minutes.confirm', where);
    expect(reply).toMatchObject({ ok: false, error: { code: 'not_ready', message: expect.stringContaining('Say why no disclosure is needed.') } });
  });

  it('refuses to confirm minutes without the next review date, and changes nothing', async () => {
    const { t, s, where } = await aSignedMeeting();
    await s['minutes.save']({ ...where, ...completeMinutes(t, { nextReview: null }) });
    await s['minutes.send'](where);
    await t.as('dina');
    const before = state(t);
    const reply = await dispatch(s, 'minutes.confirm', where);
    expect(reply).toMatchObject({ ok: false, error: { code: 'not_ready', message: 'These minutes cannot be final yet: one part is still missing. Set the next review date.' } });
    expect(state(t)).toEqual(before);
  });

  it('lists every missing part of empty minutes, and asks a Level 3 case in the community to be reviewed in 4 to 6 weeks', async () => {
    const { t, s, where } = await aSignedMeeting();
    const empty = await s['minutes.save']({ ...where, ...completeMinutes(t, {}), statementRead: null, riskAssessment: null, decisions: [], disclosureKind: null, disclosureReason: null, rmpVictimSafety: null, levelDecision: null, nextReview: null });
    expect(empty.missing).toEqual([
      'Record that the confidentiality statement was read to the meeting or drawn to its attention.',
      'Write the risk assessment.',
      'Record at least one decision with its reasons.',
      'Record the disclosure consideration: every Level 2 and 3 meeting considers disclosure (procedures §18). If none is needed, say why.',
      'Record the level decision: continue, move up or down a level, or exit.',
      'Write the risk management plan under “victim safety planning”.',
      'Set the next review date.',
    ]);
    // Moved up to Level 3, in the community: the review is 4 to 6 weeks after 30 November 2026.
    const up = await s['minutes.save']({ ...where, ...completeMinutes(t, { levelDecision: 'move_up', nextReview: '2027-02-22' }) });
    expect(up.missing).toEqual([
      'A Level 3 case in the community is reviewed every 4 to 6 weeks (procedures §8): set the next review between 28 December 2026 and 11 January 2027, or record that the person is in custody.',
    ]);
    expect((await s['minutes.save']({ ...where, ...completeMinutes(t, { levelDecision: 'move_up', nextReview: '2027-01-04' }) })).missing).toEqual([]);
    expect((await s['minutes.save']({ ...where, ...completeMinutes(t, { levelDecision: 'move_up', nextReview: '2027-02-22', inCustody: true }) })).missing).toEqual([]);
    // An exit needs no next review and no plan.
    expect((await s['minutes.save']({ ...where, ...completeMinutes(t, { levelDecision: 'exit', nextReview: null, rmpSupervision: null }) })).missing).toEqual([]);
  });
});

describe('the chair’s approval', () => {
  it('goes draft -> sent -> amended -> final, keeping every earlier text with who changed it, and audits each step', async () => {
    const { t, s, where, meeting } = await aSignedMeeting();
    const mark = t.entries().length;
    const first = await s['minutes.save']({ ...where, ...completeMinutes(t) });
    expect(first).toMatchObject({ status: 'draft', version: 2 });
    expect(first.actions.map((a) => a.ownerPerson)).toEqual(['Pat Probation', 'PC Jordan Reid']);
    const sent = await s['minutes.send'](where);
    expect(sent.status).toBe('sent');
    // The minute-taker cannot change minutes that are with the chair.
    const late = await dispatch(s, 'minutes.save', { ...where, ...completeMinutes(t, { riskAssessment: 'Changed after sending.' }) });
    expect(late).toMatchObject({ ok: false, error: { code: 'not_draft', message: 'These minutes are with the chair: only the chair can amend them now.' } });
    // Nor confirm them: only the chair can.
    const notChair = await dispatch(s, 'minutes.confirm', where);
    expect(notChair).toMatchObject({ ok: false, error: { code: 'not_allowed', message: 'Only the chair of this meeting can amend or confirm its minutes.' } });

    await t.as('dina');
    const original = completeMinutes(t);
    const amended = await s['minutes.amend']({
      ...where,
      ...original,
      actions: sent.actions.map((a) => ({ id: a.id, description: a.description, rationale: a.rationale, ownerOfficeId: a.owner.id, ownerPerson: a.ownerPerson, dueOn: a.dueOn })),
      riskAssessment: 'High risk of serious harm to his former partner and to her new partner; imminent when drinking.',
      note: 'Health’s report named the new partner as at risk too.',
    });
    expect(amended.status).toBe('amended');
    const amendment = amended.history.at(-1)!;
    expect(amendment).toMatchObject({ event: 'amended', by: 'DI Dina Shah', note: 'Health’s report named the new partner as at risk too.', changedParts: ['riskAssessment'], earlier: { riskAssessment: original.riskAssessment } });
    const final = await s['minutes.confirm'](where);
    expect(final).toMatchObject({ status: 'final', approvedBy: 'DI Dina Shah', missing: [] });
    expect(final.history.map((h) => [h.event, h.by])).toEqual([
      ['started', 'Pat Probation'],
      ['edited', 'Pat Probation'],
      ['sent', 'Pat Probation'],
      ['amended', 'DI Dina Shah'],
      ['confirmed', 'DI Dina Shah'],
    ]);
    // Final is final.
    const after = await dispatch(s, 'minutes.amend', { ...where, ...original, note: 'One more change.' });
    expect(after).toMatchObject({ ok: false, error: { code: 'final' } });

    const acts = t.since(mark).filter((e) => !['lock', 'unlock'].includes(e.action));
    expect(acts.map((e) => [e.action, e.details.step ?? null, e.subjectId])).toEqual([
      ['minutes_edit', 'edit', where.subjectId],
      ['minutes_edit', 'send_to_chair', where.subjectId],
      ['minutes_edit', 'amend', where.subjectId],
      ['minutes_approval', null, where.subjectId],
    ]);
    expect(acts[2]?.reason).toBe('Health’s report named the new partner as at risk too.');
    expect(acts.every((e) => e.details.meetingId === meeting.id)).toBe(true);
  });
});

describe('a chair who is not a user of this register', () => {
  it('has their answer recorded by the coordinator, said so in the history; a coordinator cannot answer for a chair who is a user', async () => {
    const { t, s, where } = await aSignedMeeting();
    await s['minutes.save']({ ...where, ...completeMinutes(t) });
    await s['minutes.send'](where);
    await t.as('casey');
    const refused = await dispatch(s, 'minutes.confirm', where);
    expect(refused).toMatchObject({ ok: false, error: { code: 'not_allowed', message: 'Only the chair of this meeting can amend or confirm its minutes.' } });

    let meeting = await aLevel2Meeting(t, [where.subjectId], { chair: { fullName: 'Gwyn Prydderch', officeId: t.offices.police, jobTitle: 'Detective Inspector', userName: null } });
    for (const name of ['Casey Coordinator', 'Pat Probation']) meeting = await signInRoom(t, meeting, attendeeOf(meeting, name).id);
    const other = { meetingId: meeting.id, subjectId: where.subjectId };
    await t.as('pat');
    await s['minutes.save']({ ...other, ...completeMinutes(t) });
    await s['minutes.send'](other);
    await t.as('casey');
    const final = await s['minutes.confirm'](other);
    expect(final.status).toBe('final');
    expect(final.history.at(-1)).toMatchObject({ event: 'confirmed', by: 'Casey Coordinator', note: 'Confirmed, recorded for the chair, Gwyn Prydderch, who is not a user of this register.' });
    expect(t.entries().at(-1)).toMatchObject({ action: 'minutes_approval', details: { recordedForChair: true } });
  });
});

describe('the chair’s deadline: 5 working days from receipt, England and Wales bank holidays', () => {
  async function sentOn(instant: string, days?: number): Promise<{ t: MeetingTeam; sent: MinutesView }> {
    const { t, s, where } = await aSignedMeeting('2026-03-20T09:00:00Z', { startsAt: '2026-03-23T10:00:00Z' });
    if (days !== undefined) {
      await t.as('casey');
      await s['meetings.setSettings']({ chairWorkingDays: days });
      await t.as('pat');
    }
    await s['minutes.save']({ ...where, ...completeMinutes(t) });
    t.clock.set(instant);
    return { t, sent: await s['minutes.send'](where) };
  }

  it.each([
    ['across Christmas, its substitute Boxing Day and the year end', '2026-12-23T15:00:00Z', '2026-12-23', '2027-01-04'],
    ['across Good Friday and Easter Monday', '2026-04-01T09:30:00Z', '2026-04-01', '2026-04-10'],
    ['across the two substitute days of Christmas 2027 (both fall at the weekend)', '2027-12-22T11:00:00Z', '2027-12-22', '2027-12-31'],
    ['across VE Day, which moved the early May bank holiday in 2020', '2020-05-06T09:00:00Z', '2020-05-06', '2020-05-14'],
    ['from the London day of receipt (00:30 on 1 April in London is 31 March in UTC)', '2026-03-31T23:30:00Z', '2026-04-01', '2026-04-10'],
  ])('counts %s', async (_what, instant, receivedOn, dueOn) => {
    const { sent } = await sentOn(instant);
    expect(sent.chairDue).toEqual({ receivedOn, dueOn, overdue: false, notice: null });
  });

  it('says when the count reaches past the bank holidays the register knows', async () => {
    const { sent } = await sentOn('2027-12-23T10:00:00Z');
    expect(sent.chairDue).toEqual({ receivedOn: '2027-12-23', dueOn: '2028-01-03', overdue: false, notice: 'Bank holidays are known only up to 31 December 2027; this date assumes none after that.' });
  });

  it('takes the number of days from the register’s setting', async () => {
    const { sent } = await sentOn('2026-12-23T15:00:00Z', 3);
    expect(sent.chairDue.dueOn).toBe('2026-12-30');
  });

  it('flags the minutes overdue the day after the due day, in the minutes, the meeting and the list, until the chair answers', async () => {
    const { t, sent } = await sentOn('2026-04-01T09:30:00Z');
    const s = t.api.service;
    const where = { meetingId: sent.meetingId, subjectId: sent.subjectId };
    t.clock.set('2026-04-10T22:59:00Z'); // 23:59 in London on the due day (BST)
    expect((await s['minutes.get']({ ...where, reason: WHY })).chairDue.overdue).toBe(false);
    t.clock.set('2026-04-10T23:01:00Z'); // 00:01 on 11 April in London
    expect((await s['minutes.get']({ ...where, reason: WHY })).chairDue.overdue).toBe(true);
    expect((await s['meetings.get']({ id: where.meetingId })).subjectList[0]?.chairDue.overdue).toBe(true);
    expect((await s['meetings.list']({ from: null, to: null }))[0]?.overdueMinutes).toBe(1);
    await t.as('dina');
    const final = await s['minutes.confirm'](where);
    expect(final.chairDue).toMatchObject({ dueOn: '2026-04-10', overdue: false });
    expect(t.entries().at(-1)).toMatchObject({ action: 'minutes_approval', details: { overdue: false } });
  });

  it('lets only a coordinator or administrator change the number of days, and records it', async () => {
    const { t, s } = await aSignedMeeting();
    const refused = await dispatch(s, 'meetings.setSettings', { chairWorkingDays: 10 });
    expect(refused).toMatchObject({ ok: false, error: { code: 'not_allowed' } });
    const tooMany = await dispatch(s, 'meetings.setSettings', { chairWorkingDays: 31 });
    expect(tooMany).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'chairWorkingDays', message: 'Enter 30 working days or fewer.' } });
    await t.as('casey');
    expect(await s['meetings.setSettings']({ chairWorkingDays: 7 })).toEqual({ chairWorkingDays: 7 });
    expect(t.entries().at(-1)).toMatchObject({ action: 'settings_change', details: { key: 'minutes_chair_working_days', from: 5, to: 7 } });
  });
});
