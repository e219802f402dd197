// Issue 12: a disclosure cannot be approved with any criterion of its decision record
// unanswered, whichever channel asks (leaflet, "Disclosure - Proportionality"). The service
// refuses with one sentence per thing still to do: the same sentences the task list shows.
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../src/main/dispatch';
import { CRITERION_CODES, type Criterion } from '../../../src/shared/disclosureVocabulary';
import { REFUSALS } from '../../../src/shared/permissions';
import { ANSWERS, aPreparedRecipient, REASON, aReadyDisclosure, level2Minutes } from '../../support/disclosures';
import { aLevel2Meeting, aMeetingTeam, aNominal, attendeeOf, completeMinutes, signInRoom, type MeetingTeam } from '../../support/meetings';

let team: MeetingTeam | undefined;
afterEach(() => {
  if (team?.api.session.status().state === 'unlocked') team.api.session.lock();
  team = undefined;
});

/** Casey's team on Wednesday 25 November 2026, with a 16-year-old at Level 2. */
async function setUp() {
  team = await aMeetingTeam('2026-11-25T09:00:00Z');
  const subjectId = await aNominal(team, { givenName: 'Kai', familyName: 'Bryant', dateOfBirth: '2010-05-01' });
  return { t: team, s: team.api.service, subjectId };
}

const criterionOf = (view: { criteria: { criterion: Criterion; answered: boolean; problems: string[] }[] }, c: Criterion) => view.criteria.find((x) => x.criterion === c)!;

describe('approving a disclosure', () => {
  it.each(CRITERION_CODES)('refuses approval while criterion “%s” is unanswered, then approves once it is', async (criterion) => {
    const { t, s, subjectId } = await setUp();
    const draft = await aReadyDisclosure(t, subjectId, { skip: [criterion] });
    const missing = criterionOf(draft, criterion);
    expect(missing.answered).toBe(false);
    expect(missing.problems.length).toBeGreaterThan(0);
    expect(draft.criteria.filter((c) => !c.answered).map((c) => c.criterion)).toEqual([criterion]);
    expect(draft.ready).toBe(false);

    await t.as('dina');
    const before = t.entries().length;
    const refused = await dispatch(s, 'disclosures.approve', { id: draft.id });
    expect(refused).toMatchObject({ ok: false, error: { code: 'not_ready' } });
    const message = refused.ok ? '' : refused.error.message;
    for (const sentence of missing.problems) expect(message).toContain(sentence);
    expect(t.entries().length, 'a refused approval writes nothing').toBe(before);
    expect((await s['disclosures.get']({ id: draft.id, reason: REASON })).status).toBe('draft');

    await t.as('casey');
    if (criterion === 'identification' || criterion === 'preparation') await aPreparedRecipient(t, draft.id, { recipientId: draft.recipientList[0]!.id });
    else await ANSWERS[criterion](t, draft.id);
    await t.as('dina');
    const approved = await s['disclosures.approve']({ id: draft.id });
    expect(approved).toMatchObject({ status: 'approved', approvedBy: 'DI Dina Shah', ready: false });
    expect(t.entries().at(-1)).toMatchObject({ action: 'disclosure_approve', subjectId, details: { disclosureId: draft.id, status: 'approved' } });
  });

  it('says which recipient still needs preparing, and what for', async () => {
    const { t, subjectId } = await setUp();
    const view = await aReadyDisclosure(t, subjectId, { skip: ['preparation'] });
    expect(criterionOf(view, 'preparation').problems).toEqual(['Record the preparation with Siân Llŷr: that they understand the information is confidential and sensitive.']);
  });

  it('needs a recipient, at least one field, and who makes it where, when and how', async () => {
    const { t, s, subjectId } = await setUp();
    const view = await s['disclosures.start']({ subjectId, reason: REASON });
    expect(view.problems).toEqual([
      'Choose exactly what is disclosed: at least one field.',
      'Say who makes the disclosure: the agency, or the agencies jointly, and the people.',
      'Say where, when and how the disclosure is made.',
    ]);
    expect(view.criteria.every((c) => !c.answered)).toBe(true);
    expect(view.authority).toBe('cda1998_s115');
    await t.as('dina');
    expect(await dispatch(s, 'disclosures.approve', { id: view.id })).toMatchObject({ ok: false, error: { code: 'not_ready', message: expect.stringMatching(/^This disclosure cannot be approved yet: 13 things are still to do\. /) } });
  });

  it('refuses approval to a role without the permission, and preparing to one without that', async () => {
    const { t, s, subjectId } = await setUp();
    const view = await aReadyDisclosure(t, subjectId);
    await t.as('pat');
    let before = t.entries().length;
    expect(await dispatch(s, 'disclosures.approve', { id: view.id })).toMatchObject({ ok: false, error: { code: 'not_allowed', message: REFUSALS['disclosure.approve'] } });
    expect(t.entries().length).toBe(before);
    await t.as('ada');
    before = t.entries().length;
    expect(await dispatch(s, 'disclosures.start', { subjectId, reason: REASON })).toMatchObject({ ok: false, error: { code: 'not_allowed', message: REFUSALS['disclosure.prepare'] } });
    expect(await dispatch(s, 'disclosures.setTriggers', { id: view.id, triggers: [{ ifYouSee: 'x', youNeedTo: 'y' }] })).toMatchObject({ ok: false, error: { code: 'not_allowed' } });
    expect(t.entries().length).toBe(before);
    await t.as('casey');
    expect((await s['disclosures.get']({ id: view.id, reason: REASON })).status).toBe('draft');
  });
});

describe('criterion 8: a person under 18', () => {
  it('needs the senior YOS or Children’s Services consultation for a person under 18 on the decision day, and not from their 18th birthday', async () => {
    team = await aMeetingTeam('2026-11-25T09:00:00Z');
    const t = team;
    const s = t.api.service;
    const subjectId = await aNominal(t, { givenName: 'Ștefan', familyName: 'Ionescu', dateOfBirth: '2008-11-26' });
    const view = await aReadyDisclosure(t, subjectId, { skip: ['youth_consultation'] });
    expect(view.under18).toBe(true);
    expect(view.decisionDay).toBe('2026-11-25');
    expect(criterionOf(view, 'youth_consultation').problems).toEqual(['The person is under 18: record the senior Youth Offending Service or Children’s Services person consulted, and their advice.']);
    await t.as('dina');
    expect(await dispatch(s, 'disclosures.approve', { id: view.id })).toMatchObject({ ok: false, error: { code: 'not_ready' } });
    // The next day (his 18th birthday, in London) the rule no longer applies.
    t.clock.set('2026-11-26T00:30:00Z');
    const tomorrow = await s['disclosures.get']({ id: view.id, reason: REASON });
    expect(tomorrow).toMatchObject({ under18: false, decisionDay: '2026-11-26' });
    expect(criterionOf(tomorrow, 'youth_consultation').answered).toBe(true);
    const approved = await s['disclosures.approve']({ id: view.id });
    expect(approved).toMatchObject({ status: 'approved', decisionDay: '2026-11-26', under18: false });
  });

  it('asks for the consultation when the date of birth is not recorded', async () => {
    team = await aMeetingTeam('2026-11-25T09:00:00Z');
    const subjectId = await aNominal(team, { dateOfBirth: null });
    const view = await aReadyDisclosure(team, subjectId, { skip: ['youth_consultation'] });
    expect(view.under18).toBeNull();
    expect(criterionOf(view, 'youth_consultation').problems[0]).toMatch(/^The person’s date of birth is not recorded, so the register cannot tell whether they are under 18/);
  });
});

describe('criterion 5: whose decision it is', () => {
  it('links the minutes of a Level 2 meeting about this person', async () => {
    const { t, s, subjectId } = await setUp();
    const view = await aReadyDisclosure(t, subjectId);
    const minutesId = await level2Minutes(t, subjectId);
    const linked = await s['disclosures.setDecision']({ id: view.id, basis: 'meeting', minutesId });
    expect(linked.decision).toMatchObject({ basis: 'meeting', minutes: { minutesId, meetingKind: 'level2', sameSubject: true }, consulted: [] });
    expect(linked.minutesChoices.map((m) => m.minutesId)).toEqual([minutesId]);
    expect(linked.singleAgency).toBe(false);
    expect(criterionOf(linked, 'decision').answered).toBe(true);
  });

  it('refuses minutes about someone else, changing nothing', async () => {
    const { t, s, subjectId } = await setUp();
    const other = await aNominal(t, { givenName: 'Şükrü', familyName: 'Yılmaz' });
    const view = await aReadyDisclosure(t, subjectId);
    const minutesId = await level2Minutes(t, other);
    const before = t.entries().length;
    expect(await dispatch(s, 'disclosures.setDecision', { id: view.id, basis: 'meeting', minutesId })).toMatchObject({
      ok: false,
      error: { code: 'other_subject', message: 'Those minutes are about someone else: choose the minutes about this person.', field: 'minutesId' },
    });
    expect(t.entries().length).toBe(before);
    expect((await s['disclosures.get']({ id: view.id, reason: REASON })).decision.basis).toBe('emergency');
  });

  it('refuses the minutes of a meeting not yet held: they cannot record its decision', async () => {
    const { t, s, subjectId } = await setUp();
    const view = await aReadyDisclosure(t, subjectId);
    // The next Level 2 meeting, on 30 November; the register's clock is days before it.
    let meeting = await aLevel2Meeting(t, [subjectId]);
    meeting = await signInRoom(t, meeting, attendeeOf(meeting, 'Casey Coordinator').id);
    const minutes = await s['minutes.save']({ meetingId: meeting.id, subjectId, ...completeMinutes(t) });
    const before = t.entries().length;
    expect(await dispatch(s, 'disclosures.setDecision', { id: view.id, basis: 'meeting', minutesId: minutes.id })).toMatchObject({
      ok: false,
      error: { code: 'not_held', field: 'minutesId', message: 'That meeting has not been held yet: its minutes cannot record its decision. Link them once it has met.' },
    });
    expect(t.entries().length).toBe(before);
  });

  it('shows a single-agency decision as such, with its own reason, in the record, the lists and the audit entry', async () => {
    const { t, s, subjectId } = await setUp();
    const view = await aReadyDisclosure(t, subjectId);
    const single = await s['disclosures.setDecision']({ id: view.id, basis: 'single_agency', singleAgencyReason: 'No other agency could be reached on a Sunday night.' });
    expect(single).toMatchObject({ singleAgency: true, decision: { basis: 'single_agency', singleAgencyReason: 'No other agency could be reached on a Sunday night.' } });
    expect(criterionOf(single, 'decision').answered).toBe(true);
    expect((await s['disclosures.list']({ subjectId, status: null }))[0]).toMatchObject({ id: view.id, singleAgency: true });
    expect((await s['disclosures.list']({ subjectId: null, status: 'draft' })).map((d) => [d.id, d.singleAgency])).toEqual([[view.id, true]]);
    await t.as('dina');
    await s['disclosures.approve']({ id: view.id });
    expect(t.entries().at(-1)).toMatchObject({ action: 'disclosure_approve', details: { basis: 'single_agency', singleAgency: true } });
  });

  it('counts an emergency that consulted only the agencies making the disclosure as a single-agency decision', async () => {
    const { t, s, subjectId } = await setUp();
    const view = await aReadyDisclosure(t, subjectId);
    const emergency = await s['disclosures.setDecision']({ id: view.id, basis: 'emergency', emergencyReason: 'He starts on Monday.', consulted: [{ officeId: t.offices.police, personName: 'DI Dina Shah', consultedOn: '2026-11-24' }] });
    expect(criterionOf(emergency, 'decision').problems).toEqual([
      'Every agency consulted is an agency making the disclosure: that is a single-agency decision. Consult another agency, or record it as a single-agency decision with its reason.',
    ]);
  });
});
