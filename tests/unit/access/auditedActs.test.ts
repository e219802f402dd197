import path from 'node:path';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../src/main/dispatch';
import { readAuditRecords, verifyAuditChain } from '../../../src/main/audit';
import { manualClock } from '../../../src/shared/calendar';
import { itemInput, subjectInput } from '../../../src/shared/registerSchemas';
import { anApi, anApiWith, aFakeHost } from '../../support/fakeHost';
import type { Api } from '../../../src/main/api';

const PASSPHRASE = 'correct horse battery staple';
let current: Api | undefined;
afterEach(() => current?.session.lock());

/** A set-up register (probation home office, police partner) with a coordinator signed in. */
async function aRegister(api: Api & { host: ReturnType<typeof aFakeHost> } = anApi()) {
  current = api;
  const folder = path.join(mkdtempSync(path.join(os.tmpdir(), 'mappa-acts-')), 'register');
  api.host.picksFolder(folder);
  await api.service['register.chooseFolder']({ purpose: 'create' });
  await api.service['register.create']({ folder, userName: 'Casey', passphrase: PASSPHRASE, confirmPassphrase: PASSPHRASE });
  const status = await api.service['register.setup']({ office: { name: 'Wigan PDU', agency: 'probation', area: 'GM' }, role: 'coordinator' });
  const home = status.state === 'unlocked' ? status.homeOffice!.id : '';
  const offices = await api.service['offices.add']({ name: 'Wigan PPU', agency: 'police', area: 'GM' });
  const police = offices.find((o) => o.agency === 'police')!.id;
  return { api, folder, home, police };
}

const entries = (api: Api) => readAuditRecords(api.session.vault().reader);
const subject = (n: number) => subjectInput.parse({ kind: 'nominal', givenName: `Given${n}`, familyName: `Family${n}`, address: `${n} High Street`, category: 2, level: 1, risk: 'medium' });

describe('every act writes exactly one audit entry, in the same commit', () => {
  it('holds over random sequences of acts, refused ones writing nothing, and the chain verifies', async () => {
    const { api, home, police } = await aRegister();
    const subjects: string[] = [];
    const items: string[] = [];
    type Act = { kind: 'createSubject' | 'editSubject' | 'viewSubject' | 'addItem' | 'editItem' | 'deleteItem' | 'refusedSubject' | 'setRule'; pick: number };
    const act = fc.record({
      kind: fc.constantFrom<Act['kind']>('createSubject', 'editSubject', 'viewSubject', 'addItem', 'editItem', 'deleteItem', 'refusedSubject', 'setRule'),
      pick: fc.nat(),
    });
    let counter = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(act, { minLength: 1, maxLength: 12 }), async (acts) => {
        for (const a of acts) {
          const before = entries(api).length;
          let expected: { action: string; n: number };
          const s = subjects[a.pick % Math.max(1, subjects.length)];
          const i = items[a.pick % Math.max(1, items.length)];
          switch (a.kind) {
            case 'createSubject': {
              const { id } = await api.service['subjects.create'](subject(++counter));
              subjects.push(id);
              expected = { action: 'subject_create', n: 1 };
              break;
            }
            case 'editSubject':
              if (!s) continue;
              await api.service['subjects.update']({ id: s, subject: subject(++counter) });
              expected = { action: 'subject_edit', n: 1 };
              break;
            case 'viewSubject':
              if (!s) continue;
              await api.service['subjects.get']({ id: s, reason: { code: 'case_management' } });
              expected = { action: 'subject_view', n: 1 };
              break;
            case 'addItem': {
              if (!s) continue;
              // Owned by the coordinator's own agency, so they may edit and delete it later.
              const item = await api.service['items.add'](itemInput.parse({ subjectId: s, fieldKind: 'vehicle', value: `Van ${++counter}`, ownerOfficeId: home, providerName: 'PC Lee', providerOfficeId: police, receivedOn: '2026-01-01', classification: 'OFFICIAL' }));
              items.push(item.id);
              expected = { action: 'item_create', n: 1 };
              break;
            }
            case 'editItem':
              if (!i) continue;
              await api.service['items.update']({ itemId: i, fieldKind: 'vehicle', rmpHeading: null, value: `Van ${++counter}`, classification: 'OFFICIAL', noOnwardDisclosure: true, notToSubject: false, notToSubjectReason: null, changeReason: null });
              expected = { action: 'item_edit', n: 1 };
              break;
            case 'deleteItem':
              if (!i) continue;
              await api.service['items.delete']({ id: i, reason: 'Wrong subject' });
              items.splice(items.indexOf(i), 1);
              expected = { action: 'item_delete', n: 1 };
              break;
            case 'setRule': {
              // A coordinator may not set retention rules: refused, nothing written.
              const reply = await dispatch(api.service, 'retention.setRule', { agency: 'police', retainMonths: 12 + (a.pick % 100), reviewMonths: 6 });
              expect(reply).toMatchObject({ ok: false, error: { code: 'not_allowed' } });
              expected = { action: 'none', n: 0 };
              break;
            }
            case 'refusedSubject': {
              const reply = await dispatch(api.service, 'subjects.create', { ...subject(++counter), category: 3, level: 1 });
              expect(reply.ok).toBe(false);
              expected = { action: 'none', n: 0 };
              break;
            }
          }
          const after = entries(api);
          expect(after.length - before).toBe(expected.n);
          if (expected.n === 1) expect(after.at(-1)?.action).toBe(expected.action);
        }
      }),
      { numRuns: 15 },
    );
    expect(verifyAuditChain(api.session.vault().reader)).toMatchObject({ ok: true });
  });
});

describe('unlocking, locking and auto-lock are recorded', () => {
  it('records the unlock with the failed attempts before it, and the lock', async () => {
    // The delay after a failed attempt is timed by the session's clock: the test moves it on.
    const clock = manualClock('2026-11-24T09:00:00Z');
    const { api, folder } = await aRegister(anApiWith({ clock }));
    await api.service['register.lock']({});
    expect(await dispatch(api.service, 'register.unlock', { folder, userName: 'Casey', passphrase: 'wrong passphrase here' })).toMatchObject({ ok: false });
    expect(await dispatch(api.service, 'register.unlock', { folder, userName: 'Casey', passphrase: PASSPHRASE })).toMatchObject({
      ok: false,
      error: { code: 'unlock_delay', field: 'passphrase' },
    });
    clock.advance(1_100);
    await api.service['register.unlock']({ folder, userName: 'Casey', passphrase: PASSPHRASE });
    const actions = entries(api).map((e) => e.action);
    expect(actions.slice(-4)).toEqual(['office_create', 'lock', 'failed_unlock', 'unlock']);
    expect(JSON.parse(entries(api).at(-2)!.details)).toEqual({ count: 1 });
  });

  it('locks itself after the register’s inactivity period, records it, and activity holds it off', async () => {
    let now = new Date('2026-11-24T09:00:00Z');
    const fixed = anApiWith({ clock: () => now });
    const { folder } = await aRegister(fixed);
    now = new Date(now.getTime() + 4 * 60_000);
    expect(fixed.session.checkIdle()).toBe(false);
    await fixed.service['access.activity']({});
    now = new Date(now.getTime() + 4 * 60_000);
    expect(fixed.session.checkIdle()).toBe(false);
    expect(fixed.session.lockInSeconds()).toBe(60);
    now = new Date(now.getTime() + 61_000);
    expect(fixed.session.checkIdle()).toBe(true);
    expect(await fixed.service['register.status']({})).toEqual({ state: 'closed' });
    await fixed.service['register.unlock']({ folder, userName: 'Casey', passphrase: PASSPHRASE });
    expect(entries(fixed).map((e) => e.action).slice(-2)).toEqual(['auto_lock', 'unlock']);
  });

  it('uses the inactivity period an IG lead or administrator sets, and records the change', async () => {
    const { api } = await aRegister();
    expect(await dispatch(api.service, 'access.setSettings', { accessReasonsRequired: true, autoLockMinutes: 10 })).toMatchObject({ ok: false, error: { code: 'not_allowed' } });
    expect(await api.service['access.settings']({})).toEqual({ accessReasonsRequired: true, autoLockMinutes: 5 });
    const refused = await dispatch(api.service, 'access.setSettings', { accessReasonsRequired: true, autoLockMinutes: 0 });
    expect(refused).toMatchObject({ ok: false, error: { field: 'autoLockMinutes', message: 'Lock after at least 1 minute.' } });
  });
});

describe('opening a subject', () => {
  it('asks why, records the reason with the view, and refuses an "Other" without words', async () => {
    const { api } = await aRegister();
    const { id } = await api.service['subjects.create'](subject(1));
    expect(await dispatch(api.service, 'subjects.get', { id })).toMatchObject({ ok: false, error: { code: 'reason_needed', field: 'reason.code' } });
    expect(await dispatch(api.service, 'subjects.get', { id, reason: { code: 'other' } })).toMatchObject({ ok: false, error: { field: 'reason.text', message: 'Say why you are opening this record.' } });
    const views = () => entries(api).filter((e) => e.action === 'subject_view');
    expect(views()).toHaveLength(0);
    await api.service['subjects.get']({ id, reason: { code: 'other', text: 'Checking a court date' } });
    expect(views().map((v) => [v.subjectId, v.reason])).toEqual([[id, 'Other: Checking a court date']]);
  });

  it('stops a user who declared an association with the subject, and leaves an alert for the IG lead', async () => {
    const { api } = await aRegister();
    const { id } = await api.service['subjects.create'](subjectInput.parse({ ...subject(1), givenName: 'Lee', familyName: 'Marsh', aliases: ['Leigh Marsh'], dateOfBirth: '1988-04-02' }));
    await api.service['associations.declare']({ names: ['Leigh Marsh'], dateOfBirth: '1988-04-02', relationship: 'My partner' });
    const reply = await dispatch(api.service, 'subjects.get', { id, reason: { code: 'case_management' } });
    expect(reply).toMatchObject({ ok: false, error: { code: 'association_block' } });
    const last = entries(api).at(-1)!;
    expect([last.action, last.subjectId]).toEqual(['association_alert', id]);
    expect(entries(api).some((e) => e.action === 'subject_view')).toBe(false);
  });
});

describe('review intervals', () => {
  it('are changed by a coordinator, recorded, and refused to an IG lead', async () => {
    const { api, folder, home } = await aRegister();
    expect(await api.service['subjects.setReviewIntervals']({ level2Weeks: 12, level3Weeks: 5 })).toEqual({ level2Weeks: 12, level3Weeks: 5 });
    expect(JSON.parse(entries(api).at(-1)!.details)).toMatchObject({ key: 'review_weeks', toLevel2: 12, toLevel3: 5 });
    const indra = 'indra keeps the records straight';
    await api.service['users.add']({ userName: 'Indra', passphrase: indra, confirmPassphrase: indra, administrator: false, role: 'ig_lead', officeId: home });
    await api.service['register.lock']({});
    await api.service['register.unlock']({ folder, userName: 'Indra', passphrase: indra });
    expect(await dispatch(api.service, 'subjects.setReviewIntervals', { level2Weeks: 10, level3Weeks: 4 })).toEqual({
      ok: false,
      error: { code: 'not_allowed', message: 'Only a MAPPA coordinator or chair can change the review intervals.' },
    });
  });
});
