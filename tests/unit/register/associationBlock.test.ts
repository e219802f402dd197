// Issue 9, attack 5 (second half): a user blocked from a subject by a declared association
// could still reach them through search (by name and by item text), items.history and
// items.update; could edit the subject's date of birth so that it no longer matched, then
// open the record with no alert; or could withdraw the declaration and open it, unflagged,
// while the alert was still open. Each attempt here is made as the attacker would make it:
// with their own passphrase, calling the channel directly.
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../src/main/dispatch';
import { readAuditRecords, verifyAuditChain } from '../../../src/main/audit';
import { BLOCKED_CHANGE, BLOCKED_OPEN } from '../../../src/main/register/associationBlock';
import { anItem, aTeam, OTHER, PARTNER, type Team } from '../access/insiders';

let team: Team | undefined;
afterEach(() => team?.api.session.lock());

const RELATIONSHIP = 'My partner; we have lived together since 2019.';

/** The officer (Jordan, police) has declared their partner, who is in the register with police and probation items. */
async function anOfficerWithADeclaredPartner() {
  team = await aTeam();
  const { api, offices, as } = team;
  const partner = (await api.service['subjects.create'](PARTNER)).id;
  const other = (await api.service['subjects.create'](OTHER)).id;
  await as('jordan');
  const policeItem = await api.service['items.add'](anItem(partner, offices.police, { value: 'Seen at the Crown public house with known associates.' }));
  const probationItem = (await dispatch(api.service, 'items.add', anItem(partner, offices.probation))) as { ok: true; value: { id: string } };
  await api.service['associations.declare']({ names: ['Leigh Marsh'], dateOfBirth: '1986-09-14', relationship: RELATIONSHIP });
  return { ...team, partner, other, policeItem: policeItem.id, probationItem: probationItem.value.id };
}

const alerts = (t: Team) => t.entries().filter((e) => e.action === 'association_alert');
const snapshot = (t: Team) => {
  const r = t.api.session.vault().reader;
  return {
    subjects: r.all('SELECT * FROM subjects ORDER BY id'),
    items: r.all('SELECT * FROM items ORDER BY id'),
    versions: r.all('SELECT * FROM item_versions ORDER BY item_id, version'),
  };
};

describe('a declared person never reaches the user who declared them', () => {
  it('leaves them out of a search by name, alias, date of birth and item text, the total included, and alerts the IG lead once', async () => {
    const t = await anOfficerWithADeclaredPartner();
    const { api } = t;
    for (const query of ['Marsh', 'Leigh Marsh', '14/09/1986', 'Crown public house']) {
      const reply = await dispatch(api.service, 'subjects.search', { query });
      expect(reply).toEqual({ ok: true, value: { subjects: [], total: 0, matchedBy: expect.any(String) } });
    }
    // The whole list: the partner is not in it, and not counted.
    const everyone = await dispatch(api.service, 'subjects.search', {});
    expect(everyone).toMatchObject({ ok: true, value: { total: 1, subjects: [{ givenName: 'Daniel' }] } });
    // One alert while it is open (the first typed search), each search recording what it withheld.
    expect(alerts(t).map((a) => [a.subjectId, a.actor.userName])).toEqual([[t.partner, 'PC Jordan Reid']]);
    const searches = t.entries().filter((e) => e.action === 'subject_search');
    expect(searches.slice(0, 4).map((e) => e.details.withheld)).toEqual([[t.partner], [t.partner], [t.partner], [t.partner]]);
    expect(searches.every((e) => !(e.details.subjectIds as string[]).includes(t.partner))).toBe(true);
    // Nothing in the reply tells the officer: the screen shows "no subjects found", as for anyone else.
  });

  it('leaves them out of the reviews due', async () => {
    const t = await anOfficerWithADeclaredPartner();
    const due = await t.api.service['subjects.reviewsDue']({});
    expect(due.map((s) => s.id)).toEqual([t.other]);
    expect(t.entries().at(-1)!.details.subjectIds).toEqual([t.other]);
  });

  it('refuses the history, an edit, a deletion and a new item with the block sentence, alerts each time, and changes nothing', async () => {
    const t = await anOfficerWithADeclaredPartner();
    const { api } = t;
    const before = snapshot(t);
    const attempts: [string, unknown, string][] = [
      ['items.history', { id: t.policeItem }, BLOCKED_OPEN],
      ['items.update', { itemId: t.policeItem, fieldKind: 'risk_factor', rmpHeading: null, value: 'Nothing to see here.', classification: 'OFFICIAL', noOnwardDisclosure: false, notToSubject: false, notToSubjectReason: null, changeReason: null }, BLOCKED_CHANGE],
      ['items.delete', { id: t.policeItem, reason: 'Duplicate' }, BLOCKED_CHANGE],
      ['items.add', anItem(t.partner, t.offices.police, { value: 'Alibi: was with me all night.' }), BLOCKED_CHANGE],
      ['subjects.update', { id: t.partner, subject: { ...PARTNER, address: '1 Somewhere Else' } }, BLOCKED_CHANGE],
    ];
    for (const [channel, input, message] of attempts) {
      const mark = alerts(t).length;
      expect(await dispatch(api.service, channel, input), channel).toEqual({ ok: false, error: { code: 'association_block', message } });
      expect(alerts(t).length, channel).toBe(mark + 1);
      expect(t.entries().at(-1), channel).toMatchObject({ action: 'association_alert', subjectId: t.partner });
    }
    expect(snapshot(t)).toEqual(before);
    expect(t.entries().filter((e) => ['item_history', 'item_edit', 'item_delete', 'item_create', 'subject_edit'].includes(e.action) && e.subjectId === t.partner && e.actor.userName === 'PC Jordan Reid').map((e) => e.action)).toEqual(['item_create', 'item_create']);
  });

  it('refuses a chair’s deletion of a declared person the same way', async () => {
    const t = await anOfficerWithADeclaredPartner();
    await t.as('casey');
    await t.api.service['associations.declare']({ names: ['Lee Marsh'], dateOfBirth: null, relationship: 'My neighbour’s son' });
    expect(await dispatch(t.api.service, 'subjects.delete', { id: t.partner, reason: 'Duplicate record' })).toEqual({ ok: false, error: { code: 'association_block', message: BLOCKED_CHANGE } });
    expect(await dispatch(t.api.service, 'subjects.get', { id: t.partner, reason: { code: 'case_management' } })).toMatchObject({ ok: false, error: { code: 'association_block' } });
  });

  it('refuses to change the declared person’s date of birth so that it no longer matches; the record stays closed', async () => {
    const t = await anOfficerWithADeclaredPartner();
    const reply = await dispatch(t.api.service, 'subjects.update', { id: t.partner, subject: { ...PARTNER, dateOfBirth: '1986-09-15' } });
    expect(reply).toEqual({ ok: false, error: { code: 'association_block', message: BLOCKED_CHANGE } });
    expect(t.api.session.vault().reader.get('SELECT date_of_birth FROM subjects WHERE id = ?', [t.partner])).toEqual({ date_of_birth: '1986-09-14' });
    expect(await dispatch(t.api.service, 'subjects.get', { id: t.partner, reason: { code: 'case_management' } })).toEqual({ ok: false, error: { code: 'association_block', message: BLOCKED_OPEN } });
  });

  it('flags a declaration withdrawn while its alert is open, in the IG lead’s alerts and in the log', async () => {
    const t = await anOfficerWithADeclaredPartner();
    const { api } = t;
    expect(await dispatch(api.service, 'subjects.get', { id: t.partner, reason: { code: 'case_management' } })).toMatchObject({ ok: false });
    const [declaration] = await api.service['associations.list']({});
    // Withdrawing is allowed: a declaration can be mistaken...
    await api.service['associations.withdraw']({ id: declaration!.id, reason: 'Not the same person after all' });
    const withdrawal = t.entries().at(-1)!;
    expect(withdrawal).toMatchObject({ action: 'association_withdraw', details: { associationId: declaration!.id, openAlerts: [expect.any(String)] } });
    // ...and the record opens now, but the IG lead sees what happened, on the alert itself.
    expect(await dispatch(api.service, 'subjects.get', { id: t.partner, reason: { code: 'case_management' } })).toMatchObject({ ok: true });
    await t.as('indra');
    const [alert] = await api.service['audit.alerts']({ status: 'open' });
    expect(alert).toMatchObject({ kind: 'association', userName: 'PC Jordan Reid', subjectName: 'Lee Marsh', relationship: RELATIONSHIP, declarationWithdrawnAt: withdrawal.at });
    expect(alert!.summary).toMatch(/^PC Jordan Reid tried to reach the record of Lee Marsh, who matches a person they declared an association with\. They withdrew that declaration on .+, while this alert was open\.$/);
  });

  it('does not flag a withdrawal made with no alert open', async () => {
    const t = await anOfficerWithADeclaredPartner();
    const [declaration] = await t.api.service['associations.list']({});
    await t.api.service['associations.withdraw']({ id: declaration!.id, reason: 'We separated in 2025' });
    expect(t.entries().at(-1)!.details.openAlerts).toBeUndefined();
  });
});

describe('nothing is lost for honest users', () => {
  it('a colleague with no declaration finds, lists, reads and edits the same person', async () => {
    const t = await anOfficerWithADeclaredPartner();
    await t.as('olu');
    expect(await dispatch(t.api.service, 'subjects.search', { query: 'Marsh' })).toMatchObject({ ok: true, value: { total: 1 } });
    await t.as('pat');
    expect((await t.api.service['subjects.reviewsDue']({})).map((s) => s.id).sort()).toEqual([t.partner, t.other].sort());
    expect(await dispatch(t.api.service, 'items.history', { id: t.probationItem })).toMatchObject({ ok: true });
    expect(await dispatch(t.api.service, 'subjects.update', { id: t.partner, subject: { ...PARTNER, address: '2 New Road, Wigan' } })).toMatchObject({ ok: true });
    expect(t.entries().filter((e) => e.action === 'association_alert')).toEqual([]);
  });

  it('the officer finds and opens the person once the IG lead grants an exception', async () => {
    const t = await anOfficerWithADeclaredPartner();
    await dispatch(t.api.service, 'subjects.search', { query: 'Marsh' });
    await t.as('indra');
    const [alert] = await t.api.service['audit.alerts']({ status: 'open' });
    await t.api.service['audit.grantException']({ alertId: alert!.id, reason: 'Allocated officer for the MAPPA meeting' });
    await t.as('jordan');
    expect(await dispatch(t.api.service, 'subjects.search', { query: 'Marsh' })).toMatchObject({ ok: true, value: { total: 1 } });
    expect(await dispatch(t.api.service, 'items.history', { id: t.policeItem })).toMatchObject({ ok: true });
    expect(verifyAuditChain(t.api.session.vault().reader)).toMatchObject({ ok: true });
    expect(readAuditRecords(t.api.session.vault().reader).some((e) => e.action === 'item_history')).toBe(true);
  });
});
