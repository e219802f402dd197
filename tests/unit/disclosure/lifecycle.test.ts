// Issue 12, states: draft -> approved -> made or withdrawn, each change audited; once made the
// record is immutable (the service refuses, and so does the database) and corrections are
// addenda. Reads are acts behind the association block; rejected input changes nothing.
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../src/main/dispatch';
import { aReadyDisclosure, REASON } from '../../support/disclosures';
import { aMeetingTeam, aNominal, type MeetingTeam } from '../../support/meetings';

let team: MeetingTeam | undefined;
afterEach(() => {
  if (team?.api.session.status().state === 'unlocked') team.api.session.lock();
  team = undefined;
});

async function approved() {
  team = await aMeetingTeam('2026-11-25T09:00:00Z');
  const t = team;
  const s = t.api.service;
  const subjectId = await aNominal(t, { givenName: 'Lee', familyName: 'Marsh', dateOfBirth: '1986-09-14' });
  const view = await aReadyDisclosure(t, subjectId);
  await t.as('dina');
  await s['disclosures.approve']({ id: view.id });
  await t.as('casey');
  return { t, s, id: view.id, subjectId, recipientId: view.recipientList[0]!.id };
}

describe('a disclosure made', () => {
  it('records the outcome and the undertaking, then refuses every change, in the service and in the database; an addendum is added', async () => {
    const { t, s, id, recipientId } = await approved();
    t.clock.set('2026-11-30T16:00:00Z');
    const made = await s['disclosures.recordMade']({ id, madeOn: '2026-11-30', madeBy: 'PC Jordan Reid and Pat Probation', outcome: 'Told the manager in her office; she agreed to the checks.', undertakings: [{ recipientId, answer: 'signed', note: null }] });
    expect(made).toMatchObject({ status: 'made', madeOn: '2026-11-30', made: { madeBy: 'PC Jordan Reid and Pat Probation', recordedBy: 'Casey Coordinator' }, recipientList: [{ undertaking: 'signed' }] });
    expect(t.entries().at(-1)).toMatchObject({ action: 'disclosure_made', details: { disclosureId: id, status: 'made', madeOn: '2026-11-30', signed: [recipientId], declined: [] } });

    const before = t.entries().length;
    expect(await dispatch(s, 'disclosures.setTriggers', { id, triggers: [{ ifYouSee: 'a', youNeedTo: 'b' }] })).toMatchObject({ ok: false, error: { code: 'not_draft', message: 'This disclosure has been made and cannot be changed: add an addendum instead.' } });
    expect(await dispatch(s, 'disclosures.withdraw', { id, reason: 'Changed our minds.' })).toMatchObject({ ok: false, error: { code: 'already_made' } });
    expect(await dispatch(s, 'disclosures.returnToDraft', { id, reason: 'x' })).toMatchObject({ ok: false, error: { code: 'not_allowed' } });
    expect(t.entries().length).toBe(before);
    // The database refuses too, whatever code asks.
    const vault = t.api.session.vault();
    expect(() => vault.commit((w) => w.run("UPDATE disclosures SET outcome = 'rewritten' WHERE id = ?", [id]))).toThrow(/cannot be changed/);
    expect(() => vault.commit((w) => w.run("UPDATE disclosure_lines SET approved_text = 'rewritten' WHERE disclosure_id = ?", [id]))).toThrow(/cannot be changed/);
    expect(() => vault.commit((w) => w.run('DELETE FROM disclosure_triggers WHERE disclosure_id = ?', [id]))).toThrow(/cannot be changed/);

    const corrected = await s['disclosures.addAddendum']({ id, text: 'The manager’s name is spelt Llŷr, not Llyr, in the notes.', reason: 'A spelling correction.' });
    expect(corrected.addendumList).toEqual([expect.objectContaining({ seq: 1, text: 'The manager’s name is spelt Llŷr, not Llyr, in the notes.', addedBy: 'Casey Coordinator' })]);
    expect(corrected.made.outcome).toBe('Told the manager in her office; she agreed to the checks.');
    expect(t.entries().at(-1)).toMatchObject({ action: 'disclosure_addendum', reason: 'A spelling correction.', details: { disclosureId: id, seq: 1 } });
    expect(() => vault.commit((w) => w.run("UPDATE disclosure_addenda SET text = 'x' WHERE disclosure_id = ?", [id]))).toThrow(/cannot be changed/);
  });

  it('needs each recipient’s undertaking answered, and a date neither in the future nor before approval', async () => {
    const { s, id, recipientId } = await approved();
    expect(await dispatch(s, 'disclosures.recordMade', { id, madeOn: '2026-11-25', madeBy: 'PC Reid', outcome: 'Done.', undertakings: [] })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringContaining('Say for each recipient whether they signed the undertaking') },
    });
    expect(await dispatch(s, 'disclosures.recordMade', { id, madeOn: '2026-12-25', madeBy: 'PC Reid', outcome: 'Done.', undertakings: [{ recipientId, answer: 'declined' }] })).toMatchObject({ ok: false, error: { code: 'future', field: 'madeOn' } });
    expect(await dispatch(s, 'disclosures.recordMade', { id, madeOn: '2026-11-24', madeBy: 'PC Reid', outcome: 'Done.', undertakings: [{ recipientId, answer: 'declined' }] })).toMatchObject({ ok: false, error: { code: 'before_approval' } });
    expect((await s['disclosures.get']({ id, reason: REASON })).status).toBe('approved');
  });

  it('withdraws an approved disclosure with its reason, and then refuses a briefing', async () => {
    const { t, s, id, recipientId } = await approved();
    const withdrawn = await s['disclosures.withdraw']({ id, reason: 'He left the job before the date.' });
    expect(withdrawn).toMatchObject({ status: 'withdrawn', withdrawnBy: 'Casey Coordinator', withdrawnReason: 'He left the job before the date.' });
    expect(t.entries().at(-1)).toMatchObject({ action: 'disclosure_withdraw', reason: 'He left the job before the date.', details: { from: 'approved' } });
    expect(await dispatch(s, 'disclosures.briefing', { id, recipientId })).toMatchObject({ ok: false, error: { code: 'not_approved', message: 'This disclosure was withdrawn: there is no briefing to give.' } });
  });
});

describe('reading and changing a disclosure', () => {
  it('records each read with its reason, and each list as an audited read', async () => {
    const { t, s, id, subjectId } = await approved();
    await s['disclosures.get']({ id, reason: REASON });
    expect(t.entries().at(-1)).toMatchObject({ action: 'disclosure_view', subjectId, reason: 'Disclosure', details: { disclosureId: id, status: 'approved' } });
    expect(await dispatch(s, 'disclosures.get', { id, reason: null })).toMatchObject({ ok: false, error: { code: 'reason_needed' } });
    const list = await s['disclosures.list']({ subjectId: null, status: 'approved' });
    expect(list.map((d) => d.id)).toEqual([id]);
    expect(t.entries().at(-1)).toMatchObject({ action: 'subject_list', details: { list: 'disclosures', status: 'approved', returned: 1, subjectIds: [subjectId] } });
  });

  it('refuses a user who declared an association with the person, and alerts the IG lead', async () => {
    const { t, s, id } = await approved();
    await t.as('pat');
    await s['associations.declare']({ names: ['Lee Marsh'], dateOfBirth: '1986-09-14', relationship: 'My cousin' });
    const before = t.entries().length;
    expect(await dispatch(s, 'disclosures.get', { id, reason: REASON })).toMatchObject({ ok: false, error: { code: 'association_block' } });
    expect(await dispatch(s, 'disclosures.addAddendum', { id, text: 'x', reason: 'y' })).toMatchObject({ ok: false, error: { code: 'association_block' } });
    expect(t.since(before).map((e) => e.action)).toEqual(['association_alert', 'association_alert']);
    expect((await s['disclosures.list']({ subjectId: null, status: null })).map((d) => d.id)).toEqual([]);
  });

  it('gives a clear, specific message for each rejected input, and changes nothing', async () => {
    team = await aMeetingTeam('2026-11-25T09:00:00Z');
    const t = team;
    const s = t.api.service;
    const subjectId = await aNominal(t);
    const draft = await s['disclosures.start']({ subjectId, reason: REASON });
    const before = await s['disclosures.get']({ id: draft.id, reason: REASON });
    const mark = t.entries().length;
    const cases: [string, unknown, string][] = [
      ['disclosures.setTriggers', { id: draft.id, triggers: [] }, 'Record at least one trigger: if you see this, you need to do that'],
      ['disclosures.setAlternatives', { id: draft.id, alternatives: [{ kind: 'other', other: null, whyRejected: 'No.' }] }, 'Say which alternative was considered'],
      ['disclosures.setRiskToOffender', { id: draft.id, riskToOffender: 'Low.', weighed: false }, 'Confirm that the risk to the offender does not outweigh the real risk to others'],
      ['disclosures.setOffenderKnows', { id: draft.id, offenderKnows: 'not_told', notToldReason: '' }, 'Say why the offender is not told'],
      ['disclosures.setDecision', { id: draft.id, basis: 'single_agency', singleAgencyReason: '  ' }, 'Enter why the decision is made by one agency alone'],
      ['disclosures.setRecipient', { id: draft.id, kind: 'neighbour', fullName: 'Ann' }, 'Choose who the recipient is from the list'],
      ['disclosures.setArrangements', { id: draft.id, discloserOfficeIds: [], disclosers: 'x', place: 'y', plannedOn: '2026-02-30', method: 'in_person', authority: 'cda1998_s115' }, 'Choose the agency making the disclosure'],
      ['disclosures.setYouthConsultation', { id: draft.id, consultedName: 'A', consultedRole: 'B', consultedOfficeId: t.offices.childrens, consultedOn: '2026-13-01', advice: 'C' }, 'The date they were consulted must be a real date'],
    ];
    for (const [channel, input, message] of cases) {
      const reply = await dispatch(s, channel, input);
      expect(reply, channel).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
      expect(reply.ok ? '' : reply.error.message, channel).toContain(message);
    }
    expect(await dispatch(s, 'disclosures.setYouthConsultation', { id: draft.id, consultedName: 'A', consultedRole: 'B', consultedOfficeId: 'no-such-office', consultedOn: '2026-11-01', advice: 'C' })).toMatchObject({
      ok: false,
      error: { code: 'unknown_office', field: 'consultedOfficeId' },
    });
    expect(t.entries().length).toBe(mark);
    const after = await s['disclosures.get']({ id: draft.id, reason: REASON });
    expect(after).toEqual(before);
  });
});
