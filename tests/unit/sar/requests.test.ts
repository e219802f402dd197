// Issue 13: a subject access request through the channels, as the IG lead's screens call
// them: the intake and its regime, the deadline as the engine counts it on the register's
// calendar, the dashboard, finding and confirming the requester, what the register holds
// about them by owning agency, and referrals of other agencies' items to their owners.
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../src/main/dispatch';
import { aMeetingTeam, aNominal, type MeetingTeam } from '../../support/meetings';
import { anItem } from '../../support/registerBuilders';
import { aRequest, anIntake, IRIS, SAR_REASON, signInAsIris, withIris } from '../../support/sar';

let team: MeetingTeam | undefined;
afterEach(() => {
  if (team?.api.session.status().state === 'unlocked') team.api.session.lock();
  team = undefined;
});

/** Casey's register with Darren Hollis, his probation and police items, and Iris signed in. */
async function aRegisterWithHollis(start = '2026-11-10T09:00:00Z') {
  team = await aMeetingTeam(start);
  const t = team;
  const s = t.api.service;
  const hollis = await aNominal(t, { givenName: 'Darren', familyName: 'Hollis', aliases: ['Daz Hollis'], dateOfBirth: '1984-03-12', pnc: '84/123456A' });
  const other = await aNominal(t, { givenName: 'Dariusz', familyName: 'Wiśniewski', dateOfBirth: '1979-06-01' });
  const ours = await s['items.add'](anItem(hollis, t.offices.probation, { value: 'Reports weekly to his offender manager, Pat Probation; his sister Siân Llŷr drives him.' }));
  const marked = await s['items.add'](anItem(hollis, t.offices.probation, { value: 'Victim’s new address is known to probation.', notToSubject: true, notToSubjectReason: 'It would reveal where his former partner lives.' }));
  const police = await s['items.add'](anItem(hollis, t.offices.police, { value: 'Intelligence: seen outside Orchard Close on 21 November.', providerName: 'DS Ana Lopes' }));
  await s['items.add'](anItem(other, t.offices.probation, { value: 'Someone else’s supervision note.' }));
  await withIris(t);
  return { t, s, hollis, other, ours, marked, police };
}

describe('intake and the deadline', () => {
  it('takes a request under the office’s regime, starts the clock when identity is verified, and says how the days are counted', async () => {
    const { t, s } = await aRegisterWithHollis();
    const made = await aRequest(t);
    expect(made).toMatchObject({ reference: 'SAR-2026-0001', regime: 'dpa2018_part3', requesterName: 'Darren Hollis', names: ['Darren Hollis', 'Daz Hollis'], deadline: { state: 'not_started', label: 'Waiting for identity' } });
    expect(t.entries().at(-1)).toMatchObject({ action: 'sar_step', details: { step: 'intake', reference: 'SAR-2026-0001', regime: 'dpa2018_part3' } });

    const verified = await s['sar.setIdentity']({ id: made.id, verifiedOn: '2026-11-04', how: 'Passport seen at the Wigan office' });
    // Wednesday 4 November 2026 -> Friday 4 December 2026; on 10 November that is 24 days away.
    expect(verified.deadline).toMatchObject({ state: 'running', start: '2026-11-04', dueOn: '2026-12-04', daysLeft: 24, band: 'green', label: '24 days left' });
    expect(verified.deadline.explanation[0]).toBe('The clock started on 4 November 2026, the latest of: received 2 November 2026; identity verified 4 November 2026.');
  });

  it('stops the clock while clarification is awaited and adds the days', async () => {
    const { s, t } = await aRegisterWithHollis();
    const id = (await aRequest(t)).id;
    await s['sar.setIdentity']({ id, verifiedOn: '2026-11-02', how: 'Known to the office' });
    const stopped = await s['sar.askClarification']({ id, askedOn: '2026-11-05', what: 'Which MAPPA meetings do you mean?' });
    expect(stopped.deadline).toMatchObject({ state: 'stopped', dueOn: null, label: 'Clock stopped' });
    expect(await dispatch(s, 'sar.askClarification', { id, askedOn: '2026-11-06', what: 'Another question' })).toMatchObject({ ok: false, error: { code: 'already_stopped' } });
    const restarted = await s['sar.clarificationAnswered']({ id, answeredOn: '2026-11-09' });
    // 2 December + 4 stopped days = Sunday 6 December -> Monday 7 December 2026.
    expect(restarted.deadline).toMatchObject({ state: 'running', daysStopped: 4, dueOn: '2026-12-07' });
  });

  it('refuses an extension told after the first month, changing nothing; accepts one told in time', async () => {
    const { s, t } = await aRegisterWithHollis('2026-12-10T09:00:00Z');
    const id = (await aRequest(t)).id;
    await s['sar.setIdentity']({ id, verifiedOn: '2026-11-02', how: 'Known to the office' });
    const before = { entries: t.entries().length, view: await s['sar.get']({ id }) };
    const late = await dispatch(s, 'sar.extend', { id, toldOn: '2026-12-03', reason: 'Hundreds of items across five agencies.' });
    expect(late).toMatchObject({
      ok: false,
      error: { code: 'extension_too_late', message: 'The requester was told of the extension on 3 December 2026, after the first month ended on 2 December 2026: an extension must be told, with its reasons, within the first month, so it cannot be recorded.' },
    });
    expect((await s['sar.get']({ id })).extension).toBeNull();
    expect(t.entries().filter((e) => e.details.step === 'extension')).toEqual([]);
    expect(before.view.extension).toBeNull();
    // Nor can the requester have been told on a day still to come (the clock reads 10 December).
    expect(await dispatch(s, 'sar.extend', { id, toldOn: '2026-12-11', reason: 'Hundreds of items.' })).toMatchObject({
      ok: false,
      error: { code: 'future_date', field: 'toldOn', message: 'The day the requester was told of the extension cannot be a day still to come.' },
    });
    const extended = await s['sar.extend']({ id, toldOn: '2026-12-01', reason: 'Hundreds of items across five agencies.' });
    // Three months from 2 November 2026: Tuesday 2 February 2027.
    expect(extended.deadline).toMatchObject({ extended: true, firstDueOn: '2026-12-02', dueOn: '2027-02-02' });
    expect(t.entries().at(-1)).toMatchObject({ action: 'sar_step', reason: 'Hundreds of items across five agencies.', details: { step: 'extension', toldOn: '2026-12-01' } });
  });

  it('runs the clock from the fee only where one was asked for, with its reason', async () => {
    const { s, t } = await aRegisterWithHollis();
    const id = (await aRequest(t)).id;
    await s['sar.setIdentity']({ id, verifiedOn: '2026-11-02', how: 'Known to the office' });
    expect(await dispatch(s, 'sar.setFee', { id, required: true })).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'reason' } });
    const waiting = await s['sar.setFee']({ id, required: true, reason: 'A further copy of the response sent in August.', receivedOn: null });
    expect(waiting.deadline).toMatchObject({ state: 'not_started', label: 'Waiting for the fee' });
    const paid = await s['sar.setFee']({ id, required: true, reason: 'A further copy of the response sent in August.', receivedOn: '2026-11-09' });
    expect(paid.deadline).toMatchObject({ start: '2026-11-09', dueOn: '2026-12-09' });
  });

  it('refuses a representative without their authority, and a day received in the future, each changing nothing', async () => {
    const { s, t } = await aRegisterWithHollis();
    const count = t.entries().length;
    expect(await dispatch(s, 'sar.create', anIntake({ representativeName: 'Łukasz Wiśniewski, solicitor' }))).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', field: 'authority', message: 'Say what authority the representative holds (for example, a signed form of authority).' },
    });
    expect(await dispatch(s, 'sar.create', anIntake({ receivedOn: '2026-11-30' }))).toMatchObject({ ok: false, error: { code: 'future_date', field: 'receivedOn' } });
    expect(t.entries().length).toBe(count);
    expect(await s['sar.list']({ status: null })).toEqual([]);
  });

  it('is for the information governance lead only', async () => {
    const { t } = await aRegisterWithHollis();
    await t.as('casey');
    expect(await dispatch(t.api.service, 'sar.list', {})).toMatchObject({ ok: false, error: { code: 'not_allowed', message: 'Only an information governance lead can handle subject access requests.' } });
    expect(await dispatch(t.api.service, 'sar.create', anIntake())).toMatchObject({ ok: false, error: { code: 'not_allowed' } });
  });

  it('lists open requests on the dashboard, the soonest due first, in bands', async () => {
    const { s, t } = await aRegisterWithHollis('2026-11-25T09:00:00Z');
    const a = (await aRequest(t, { requesterName: 'Ștefan Ionescu', names: [], receivedOn: '2026-11-20' })).id;
    const b = (await aRequest(t, { requesterName: 'Şükrü Yılmaz', names: [], receivedOn: '2026-10-30' })).id;
    await aRequest(t, { requesterName: 'Siân Llŷr', names: [], receivedOn: '2026-11-24' });
    await s['sar.setIdentity']({ id: a, verifiedOn: '2026-11-20', how: 'Driving licence' });
    await s['sar.setIdentity']({ id: b, verifiedOn: '2026-10-30', how: 'Passport' });
    const list = await s['sar.list']({ status: 'open' });
    expect(list.map((r) => [r.requesterName, r.deadline.dueOn, r.deadline.band, r.deadline.label])).toEqual([
      ['Şükrü Yılmaz', '2026-11-30', 'red', '5 days left'],
      ['Ștefan Ionescu', '2026-12-21', 'green', '26 days left'],
      ['Siân Llŷr', null, 'green', 'Waiting for identity'],
    ]);
  });
});

describe('finding the requester and what the register holds', () => {
  it('finds candidates by the names, date of birth and references given; the IG lead confirms; items are grouped by owning agency', async () => {
    const { s, t, hollis, other, ours, marked, police } = await aRegisterWithHollis();
    const id = (await aRequest(t)).id;
    const found = await s['sar.search']({ id });
    expect(found.find((c) => c.id === hollis)).toMatchObject({ givenName: 'Darren', pnc: '84/123456A' });
    expect(found.map((c) => c.id)).not.toContain(other);
    expect(t.entries().at(-1)).toMatchObject({ action: 'subject_search', details: { list: 'sar_candidates', requestId: id } });

    // Found by the reference alone, too.
    const byReference = await s['sar.create'](anIntake({ requesterName: 'D. Hollis', names: [], dateOfBirth: null, identifiers: 'PNC 84/123456A' }));
    expect((await s['sar.search']({ id: byReference.id })).map((c) => c.id)).toEqual([hollis]);
    const confirmed = await s['sar.confirmSubject']({ id, subjectId: hollis, how: 'Name, alias and date of birth match; address matches his supervision record.' });
    expect(confirmed.confirmed).toMatchObject([{ subjectId: hollis, subject: { givenName: 'Darren', familyName: 'Hollis' }, confirmedBy: IRIS.userName }]);

    expect(await dispatch(s, 'sar.holdings', { id })).toMatchObject({ ok: false, error: { code: 'reason_needed' } });
    const holdings = await s['sar.holdings']({ id, reason: SAR_REASON });
    expect(holdings.groups.map((g) => [g.owner.name, g.ours, g.items.map((i) => i.id)])).toEqual([
      ['Wigan Probation Delivery Unit', true, [ours.id, marked.id]],
      ['Wigan Public Protection Unit', false, [police.id]],
    ]);
    // An item marked not to be disclosed to the subject arrives proposed as withheld, with its reason.
    const markedItem = holdings.groups[0]?.items.find((i) => i.id === marked.id);
    expect(markedItem?.proposal).toEqual({ decision: 'withhold', reason: 'It would reveal where his former partner lives.' });
    expect(t.entries().at(-1)).toMatchObject({ action: 'subject_view', subjectId: hollis, reason: 'Subject access request', details: { via: 'subject_access_request', requestId: id } });
  });

  it('refers another agency’s items to their owner, and never lets this office refer its own or mix owners', async () => {
    const { s, t, hollis, ours, police } = await aRegisterWithHollis();
    const id = (await aRequest(t)).id;
    await s['sar.confirmSubject']({ id, subjectId: hollis, how: 'Matches.' });
    expect(await dispatch(s, 'sar.refer', { id, ownerOfficeId: t.offices.probation, itemIds: [ours.id], referredOn: '2026-11-10', toWhom: 'Us', how: 'Email' })).toMatchObject({ ok: false, error: { code: 'ours' } });
    expect(await dispatch(s, 'sar.refer', { id, ownerOfficeId: t.offices.police, itemIds: [ours.id, police.id], referredOn: '2026-11-10', toWhom: 'DS Ana Lopes', how: 'Secure email' })).toMatchObject({
      ok: false,
      error: { code: 'wrong_owner', message: 'An item to refer is owned by Wigan Probation Delivery Unit, not Wigan Public Protection Unit: refer each agency’s items to that agency.' },
    });
    expect((await s['sar.get']({ id })).toRefer).toBe(1);
    const view = await s['sar.refer']({ id, ownerOfficeId: t.offices.police, itemIds: [police.id], referredOn: '2026-11-10', toWhom: 'DS Ana Lopes, data protection officer', how: 'Secure email' });
    expect(view.toRefer).toBe(0);
    expect(view.referrals).toMatchObject([{ owner: { name: 'Wigan Public Protection Unit' }, itemIds: [police.id], answer: null }]);
    const answered = await s['sar.referralAnswer']({ id, referralId: view.referrals[0]!.id, answer: 'Police will answer for their item directly.', answeredOn: '2026-11-12' });
    expect(answered.referrals[0]).toMatchObject({ answer: 'Police will answer for their item directly.', answeredOn: '2026-11-12' });
    expect((await s['sar.holdings']({ id, reason: SAR_REASON })).groups[1]?.items[0]?.referralId).toBe(view.referrals[0]!.id);
  });

  it('keeps a requester from an IG lead who declared an association with them, recording the attempt', async () => {
    const { s, t, hollis } = await aRegisterWithHollis();
    const id = (await aRequest(t)).id;
    await s['sar.confirmSubject']({ id, subjectId: hollis, how: 'Matches.' });
    await s['associations.declare']({ names: ['Darren Hollis'], dateOfBirth: '1984-03-12', relationship: 'My neighbour' });
    await signInAsIris(t);
    expect(await dispatch(s, 'sar.holdings', { id, reason: SAR_REASON })).toMatchObject({ ok: false, error: { code: 'association_block' } });
    expect(await dispatch(s, 'sar.get', { id })).toMatchObject({ ok: false, error: { code: 'association_block' } });
    expect(t.entries().at(-1)).toMatchObject({ action: 'association_alert', subjectId: hollis });
    expect((await s['sar.search']({ id })).map((c) => c.id)).not.toContain(hollis);
  });
});
