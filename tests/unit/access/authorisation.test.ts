// Issue 9, attack 6: authorisation gaps reachable by a direct call. Any role could make a
// backup (a full copy of every agency's data) and its entry was written after the file; an
// administrator could change their own role and then open case records; a police IG lead
// disposed of a probation item that was not due; a police representative edited and
// deleted a health-owned item. Each is tried here as the attacker would, through dispatch.
import { existsSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../src/main/dispatch';
import { readAuditRecords } from '../../../src/main/audit';
import { openRegister } from '../../../src/main/vault';
import { allows, PERMISSIONS, REFUSALS, ROLE_CODES, type Action } from '../../../src/shared/permissions';
import { anItem, aTeam, OTHER, PEOPLE, type Team } from './insiders';

let team: Team | undefined;
afterEach(() => team?.api.session.lock());

const scratch = () => mkdtempSync(path.join(os.tmpdir(), 'mappa-authz-'));

async function aBackupFile(t: Team): Promise<string> {
  const file = path.join(scratch(), 'copy.mappa-backup');
  t.api.host.picksFile(file);
  const { file: chosen } = await t.api.service['register.chooseBackupFile']({ mode: 'save' });
  return chosen!;
}

describe('backups', () => {
  it('refuses a backup to representatives and coordinators with the permission’s sentence, writing no file and no entry', async () => {
    team = await aTeam();
    for (const who of ['jordan', 'casey'] as const) {
      await team.as(who);
      const file = await aBackupFile(team);
      const mark = team.entries().length;
      expect(await dispatch(team.api.service, 'register.backup', { file })).toEqual({ ok: false, error: { code: 'not_allowed', message: REFUSALS['register.backup'] } });
      expect(existsSync(file)).toBe(false);
      expect(team.entries().length).toBe(mark);
    }
  });

  it('lets an IG lead make one, its entry committed before the file is written (the backup holds its own entry)', async () => {
    team = await aTeam();
    await team.as('indra');
    const file = await aBackupFile(team);
    const made = await team.api.service['register.backup']({ file });
    expect(made.bytes).toBeGreaterThan(0);
    expect(team.entries().at(-1)).toMatchObject({ action: 'backup', actor: { userName: 'Indra Governance', role: 'ig_lead' } });
    // Restore the copy: the last thing in it is the entry recording that copy.
    team.api.session.lock();
    const restored = path.join(scratch(), 'restored');
    const { restoreBackup } = await import('../../../src/main/vault');
    await restoreBackup({ file, folder: restored, userName: PEOPLE.indra.userName, passphrase: PEOPLE.indra.passphrase });
    const { vault } = await openRegister({ folder: restored, userName: PEOPLE.indra.userName, passphrase: PEOPLE.indra.passphrase });
    try {
      expect(readAuditRecords(vault.reader).at(-1)).toMatchObject({ action: 'backup', actorUserName: 'Indra Governance' });
    } finally {
      vault.lock();
    }
  });
});

describe('roles and administrator rights', () => {
  it('refuses an administrator changing their own role (or office), and changes nothing', async () => {
    team = await aTeam();
    const mark = team.entries().length;
    for (const role of ['ig_lead', 'chair', 'administrator'] as const) {
      const reply = await dispatch(team.api.service, 'users.update', { userName: PEOPLE.casey.userName, role, officeId: team.offices.police });
      expect(reply).toEqual({ ok: false, error: { code: 'cannot_change_self', message: 'You cannot change your own role or office. Ask another administrator.', field: 'userName' } });
    }
    expect(team.entries().length).toBe(mark);
    expect(await team.api.service['register.status']({})).toMatchObject({ profile: { role: 'coordinator', agency: 'probation' } });
  });

  it('means the same in every channel: user management is the key slot’s administrator flag, and the Administrator role needs it', async () => {
    team = await aTeam();
    // The status the screens read lists exactly what the service allows, for every role, with and without the flag.
    for (const role of ROLE_CODES) {
      for (const administrator of [false, true]) {
        const listed = (Object.keys(PERMISSIONS) as Action[]).filter((a) => allows({ role, administrator }, a));
        expect(listed.includes('user.manage')).toBe(administrator);
        if (role === 'administrator' && !administrator) expect(listed).toEqual([]);
      }
    }
    // Casey (a coordinator with administrator rights) manages users; the status says so.
    expect(await team.api.service['register.status']({})).toMatchObject({ administrator: true, profile: { permissions: expect.arrayContaining(['user.manage']) } });
    // The Administrator role without the rights is refused, when adding and when changing a user.
    const pass = 'a long enough passphrase here';
    const add = await dispatch(team.api.service, 'users.add', { userName: 'Ade', passphrase: pass, confirmPassphrase: pass, administrator: false, role: 'administrator', officeId: team.offices.probation });
    expect(add).toMatchObject({ ok: false, error: { code: 'administrator_rights_needed', field: 'role' } });
    expect(team.api.session.vault().listUsers().some((u) => u.userName === 'Ade')).toBe(false);
    const update = await dispatch(team.api.service, 'users.update', { userName: PEOPLE.pat.userName, role: 'administrator', officeId: team.offices.probation });
    expect(update).toMatchObject({ ok: false, error: { code: 'administrator_rights_needed', field: 'role' } });
  });

  it('raises an alert the IG lead sees when someone is given the IG lead or administrator role or administrator rights', async () => {
    team = await aTeam();
    const pass = 'a long enough passphrase here';
    await team.api.service['users.add']({ userName: 'Ade Admin', passphrase: pass, confirmPassphrase: pass, administrator: true, role: 'administrator', officeId: team.offices.probation });
    await team.api.service['users.update']({ userName: PEOPLE.pat.userName, role: 'ig_lead', officeId: team.offices.probation });
    await team.api.service['users.update']({ userName: PEOPLE.hana.userName, role: 'chair', officeId: team.offices.health }); // not an escalation
    await team.as('olu');
    const alerts = await team.api.service['audit.alerts']({ status: 'open' });
    // Olu sees every escalation but the one about Olu (Indra reviews that one).
    expect(alerts.map((a) => [a.kind, a.userName, a.summary]).sort((a, b) => a[1]!.localeCompare(b[1]!))).toEqual([
      ['role_escalation', 'Ade Admin', 'Casey Coordinator gave Ade Admin the Administrator role and administrator rights (can manage users) as a new user.'],
      ['role_escalation', PEOPLE.indra.userName, 'Casey Coordinator gave Indra Governance the Information governance lead role as a new user.'],
      ['role_escalation', 'Pat Probation', 'Casey Coordinator gave Pat Probation the Information governance lead role (was Agency representative).'],
    ]);
    // Neither the person given the rights nor the one who gave them may close it.
    await team.as('pat');
    const patsOwn = (await team.api.service['audit.alerts']({ status: 'open' })).find((a) => a.userName === 'Pat Probation');
    expect(patsOwn).toBeUndefined();
    const aboutPat = alerts.find((a) => a.userName === 'Pat Probation')!;
    expect(await dispatch(team.api.service, 'audit.closeAlert', { alertId: aboutPat.id, outcome: 'Fine by me' })).toEqual({
      ok: false,
      error: { code: 'conflict_of_interest', message: 'An alert about you must be closed by someone else.' },
    });
    await team.as('olu');
    expect(await dispatch(team.api.service, 'audit.grantException', { alertId: aboutPat.id, reason: 'No' })).toMatchObject({ ok: false, error: { code: 'not_an_association_alert' } });
    const after = await team.api.service['audit.closeAlert']({ alertId: aboutPat.id, outcome: 'Confirmed with the head of service: Pat is the new IG lead.' });
    expect(after.find((a) => a.id === aboutPat.id)).toMatchObject({ status: 'closed', closedBy: 'Olu Police IG', outcome: 'Confirmed with the head of service: Pat is the new IG lead.' });
    expect(await dispatch(team.api.service, 'audit.closeAlert', { alertId: aboutPat.id, outcome: 'Again' })).toMatchObject({ ok: false, error: { code: 'already_closed' } });
    // The existing association alerts are untouched by this: none was raised.
    expect(team.entries().filter((e) => e.action === 'association_alert')).toEqual([]);
  });
});

describe('the owning agency', () => {
  async function aHealthItem() {
    team = await aTeam();
    const subject = (await team.api.service['subjects.create'](OTHER)).id;
    await team.as('hana');
    const item = await team.api.service['items.add'](anItem(subject, team.offices.health, { fieldKind: 'health', value: 'Under the community mental health team; depot injection monthly.' }));
    return { t: team, subject, item: item.id };
  }
  const edit = (itemId: string, value: string) => ({ itemId, fieldKind: 'health', rmpHeading: null, value, classification: 'OFFICIAL-SENSITIVE', noOnwardDisclosure: true, notToSubject: false, notToSubjectReason: null, changeReason: 'Correction' });

  it('refuses a police representative editing or deleting a health-owned item, and changes nothing', async () => {
    const { t, item } = await aHealthItem();
    await t.as('jordan');
    const mark = t.entries().length;
    const before = t.api.session.vault().reader.all('SELECT * FROM items');
    expect(await dispatch(t.api.service, 'items.update', edit(item, 'No longer engaging.'))).toEqual({
      ok: false,
      error: {
        code: 'not_owner',
        message: 'Only Health or mental health trust users can change this information: it belongs to North West Mental Health Trust, and information stays the responsibility of the agency that owns it. Ask them to correct it.',
      },
    });
    expect(await dispatch(t.api.service, 'items.delete', { id: item, reason: 'Out of date' })).toMatchObject({ ok: false, error: { code: 'not_owner', message: expect.stringMatching(/^Only Health or mental health trust users can delete this information/) } });
    expect(t.api.session.vault().reader.all('SELECT * FROM items')).toEqual(before);
    expect(t.entries().length).toBe(mark);
  });

  it('lets the owning agency’s user edit and delete it', async () => {
    const { t, item } = await aHealthItem();
    expect(await dispatch(t.api.service, 'items.update', edit(item, 'Depot injection fortnightly from March.'))).toMatchObject({ ok: true, value: { version: 2 } });
    expect(await dispatch(t.api.service, 'items.delete', { id: item, reason: 'Recorded against the wrong person' })).toEqual({ ok: true, value: { done: true } });
  });
});

describe('retention decisions', () => {
  async function dueItems() {
    team = await aTeam();
    const subject = (await team.api.service['subjects.create'](OTHER)).id;
    const old = await team.api.service['items.add'](anItem(subject, team.offices.probation, { receivedOn: '2012-05-01', value: 'Old probation assessment.' }));
    const recent = await team.api.service['items.add'](anItem(subject, team.offices.probation, { receivedOn: '2026-10-01', value: 'Current assessment.' }));
    await team.as('indra');
    await team.api.service['retention.setRule']({ agency: 'probation', retainMonths: 72, reviewMonths: 12 });
    await team.api.service['retention.setRule']({ agency: 'police', retainMonths: 72, reviewMonths: 12 });
    return { t: team, old: old.id, recent: recent.id };
  }

  it('refuses a police IG lead’s decision on a probation item, and any decision on an item not yet due; nothing is disposed of', async () => {
    const { t, old, recent } = await dueItems();
    await t.as('olu');
    const mark = t.entries().length;
    expect(await dispatch(t.api.service, 'retention.decide', { itemId: old, decision: 'dispose', reason: 'Past our period' })).toEqual({
      ok: false,
      error: { code: 'not_owner', message: 'Only an information governance lead of Probation Service can decide whether to keep this information: it belongs to Wigan Probation Delivery Unit, and retention is decided by the agency that owns it.' },
    });
    await t.as('indra');
    const before = t.entries().length;
    expect(await dispatch(t.api.service, 'retention.decide', { itemId: recent, decision: 'dispose', reason: 'Tidying up' })).toEqual({
      ok: false,
      error: { code: 'not_due', message: 'This item is not due for a retention review yet: decide on it when it appears in the list of items due.' },
    });
    expect(t.entries().length - before).toBe(0);
    expect(t.entries().slice(mark).map((e) => e.action)).toEqual(['lock', 'unlock']);
    expect(t.api.session.vault().reader.all('SELECT id FROM items ORDER BY id')).toHaveLength(2);
  });

  it('lets the owning agency’s IG lead decide on a due item', async () => {
    const { t, old } = await dueItems();
    expect(await dispatch(t.api.service, 'retention.decide', { itemId: old, decision: 'dispose', reason: 'Past the retention period; not relevant to current risk.' })).toEqual({ ok: true, value: [] });
    expect(t.entries().map((e) => e.action)).toContain('retention_decision');
  });
});
