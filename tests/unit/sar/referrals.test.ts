// Issue 13, owner routing through the owner's own register: another agency's items are
// referred to their owner, and where the owner's office has a register the referral goes as
// an exchange file. It carries the request and the items by their origin, never their words;
// the owner's register matches them to its own items and starts its own request from it.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../src/main/dispatch';
import { aMeetingTeam, type MeetingTeam } from '../../support/meetings';
import { anAttendeeRegister } from '../../support/meetingPacks';
import { aDraftShare, confirmShare, HOLLIS, openFile, type PartnerRegister } from '../../support/partners';
import { anItem, aSubject } from '../../support/registerBuilders';
import { aRequest, IRIS, withIris } from '../../support/sar';

let team: MeetingTeam | undefined;
let police: PartnerRegister | undefined;
afterEach(() => {
  for (const api of [team?.api, police?.api]) if (api?.session.status().state === 'unlocked') api.session.lock();
  team = undefined;
  police = undefined;
});

const INTELLIGENCE = 'Pellucidor intelligence: seen outside Orchard Close twice in October.';

/** Probation's register holds a police item about Darren Hollis, shared by the police's own register; Iris has a request from him with him confirmed. */
async function aPoliceItemToRefer() {
  team = await aMeetingTeam('2026-11-10T09:00:00Z');
  const t = team;
  const p = await anAttendeeRegister(t, { name: 'Wigan Public Protection Unit', agency: 'police' }, 'Ana Lopes');
  police = p;
  const subjectId = (await p.api.service['subjects.create'](aSubject(HOLLIS))).id;
  const item = await p.api.service['items.add'](anItem(subjectId, p.home, { value: INTELLIGENCE, providerName: 'DS Ana Lopes', receivedOn: '2026-10-20' }));
  const share = await aDraftShare(p, subjectId, [p.hostOfficeId], [{ kind: 'subject', field: 'names' }, { kind: 'item', itemId: item.id }]);
  const preview = await openFile({ ...p, api: t.api } as PartnerRegister, await confirmShare(p, share.id));
  const imported = await t.api.service['exchange.import']({ token: preview.token, subjectId: null });
  const hollis = imported.subjectId ?? '';
  const healthItem = await t.api.service['items.add'](anItem(hollis, t.offices.health, { value: 'Seen at the Leigh clinic.' }));
  await withIris(t);
  const id = (await aRequest(t)).id;
  await t.api.service['sar.setIdentity']({ id, verifiedOn: '2026-11-02', how: 'Passport seen' });
  await t.api.service['sar.confirmSubject']({ id, subjectId: hollis, how: 'Name and date of birth match.' });
  const holdings = await t.api.service['sar.holdings']({ id, reason: { code: 'sar' } });
  const policeItem = holdings.groups.find((g) => g.owner.id === t.offices.police)!.items[0]!;
  return { t, s: t.api.service, p, id, hollis, policeItem, policeItemId: item.id, healthItemId: healthItem.id };
}

describe('a referral sent to the owner’s register', () => {
  it('goes as an exchange file without the item’s words; the owner matches its own item and starts its own request', async () => {
    const { t, s, p, id, policeItem, policeItemId } = await aPoliceItemToRefer();
    const recorded = await s['sar.refer']({ id, ownerOfficeId: t.offices.police, itemIds: [policeItem.id], referredOn: '2026-11-05', toWhom: 'DS Ana Lopes, data protection officer', how: 'MAPPA exchange file' });
    const referralId = recorded.referrals[0]!.id;
    t.api.host.picksFile(t.file('referral.mappa'));
    expect(await s['sar.sendReferral']({ id, referralId })).toEqual({ file: t.file('referral.mappa') });
    expect((await s['sar.get']({ id })).referrals[0]?.exchangeSentAt).not.toBeNull();
    expect(t.entries().filter((e) => e.action === 'export').at(-1)).toMatchObject({ details: { what: 'sar_referral', referralId, items: 1 } });
    expect(await dispatch(s, 'sar.sendReferral', { id, referralId })).toMatchObject({ ok: false, error: { code: 'already_sent' } });
    expect(readFileSync(t.file('referral.mappa'), 'utf8')).not.toContain('Pellucidor');

    // On the police register, its information governance lead opens it.
    await p.api.service['users.add']({ userName: IRIS.userName, passphrase: IRIS.passphrase, confirmPassphrase: IRIS.passphrase, administrator: false, role: 'ig_lead', officeId: p.home });
    await p.api.service['register.lock']({});
    await p.api.service['register.unlock']({ folder: p.folder, userName: IRIS.userName, passphrase: IRIS.passphrase });
    p.api.host.picksFile(t.file('referral.mappa'));
    const opened = await p.api.service['sar.openReferral']({});
    if (opened.cancelled) throw new Error('cancelled');
    expect(opened.referral).toMatchObject({
      theirReference: 'SAR-2026-0001',
      theirDueOn: '2026-12-02',
      requester: { name: 'Darren Hollis', dateOfBirth: '1984-03-12' },
      // Dated as probation holds it (the day it was received there).
      items: [{ kind: 'Risk factor', receivedOn: '2026-11-10', localItemId: policeItemId }],
      requestId: null,
    });
    const started = await p.api.service['sar.startFromReferral']({ exchangeId: opened.referral.exchangeId });
    expect(started).toMatchObject({ requesterName: 'Darren Hollis', regime: 'dpa2018_part3', contact: '14 Orchard Close, Wigan WN1 2AB' });
    expect(started.askedFor).toContain('Referred by Wigan Probation Delivery Unit (their reference SAR-2026-0001');
    expect((await p.api.service['sar.referralsReceived']({}))[0]).toMatchObject({ requestId: started.id, requestReference: started.reference });
    expect(await dispatch(p.api.service, 'sar.startFromReferral', { exchangeId: opened.referral.exchangeId })).toMatchObject({ ok: false, error: { code: 'already_started' } });
    // The same file again is refused.
    p.api.host.picksFile(t.file('referral.mappa'));
    expect(await dispatch(p.api.service, 'sar.openReferral', {})).toMatchObject({ ok: false, error: { code: 'exchange_replayed' } });
  });

  it('is refused, before any dialog, to an office without a confirmed key; a referral file brought to the wrong place says where it goes', async () => {
    const { t, s, p, id, policeItem, healthItemId } = await aPoliceItemToRefer();
    const toHealth = await s['sar.refer']({ id, ownerOfficeId: t.offices.health, itemIds: [healthItemId], referredOn: '2026-11-05', toWhom: 'Trust IG lead', how: 'Secure email' });
    const before = { entries: t.entries().length, dialogs: t.api.host.opened.length };
    expect(await dispatch(s, 'sar.sendReferral', { id, referralId: toHealth.referrals[0]!.id })).toMatchObject({
      ok: false,
      error: { code: 'no_partner_key', message: expect.stringContaining('North West Mental Health Trust has no confirmed key on this register') },
    });
    expect({ entries: t.entries().length, dialogs: t.api.host.opened.length }).toEqual(before);
    const toPolice = await s['sar.refer']({ id, ownerOfficeId: t.offices.police, itemIds: [policeItem.id], referredOn: '2026-11-05', toWhom: 'DS Ana Lopes', how: 'Secure email' });
    t.api.host.picksFile(t.file('referral.mappa'));
    await s['sar.sendReferral']({ id, referralId: toPolice.referrals.find((f) => f.owner.id === t.offices.police)!.id });
    p.api.host.picksFile(t.file('referral.mappa'));
    expect(await dispatch(p.api.service, 'exchange.open', {})).toMatchObject({
      ok: false,
      error: { code: 'exchange_wrong_place', message: 'This file is a subject access request referred to this office: open it from Subject access requests, with “Open a referral”. Nothing was opened here.' },
    });
  });
});
