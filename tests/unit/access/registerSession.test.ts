import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../src/main/dispatch';
import { anApi } from '../../support/fakeHost';

const PASSPHRASE = 'correct horse battery staple';
const scratch = () => mkdtempSync(path.join(os.tmpdir(), 'mappa-session-'));

async function aCreatedRegister(userName = 'Sam') {
  const api = anApi();
  const folder = path.join(scratch(), 'reg');
  api.host.picksFolder(folder);
  await api.service['register.chooseFolder']({ purpose: 'create' });
  const status = await api.service['register.create']({ folder, userName, passphrase: PASSPHRASE, confirmPassphrase: PASSPHRASE });
  return { api, folder, status };
}

async function aSetUpRegister(userName = 'Alex', role: 'coordinator' | 'ig_lead' = 'coordinator') {
  const made = await aCreatedRegister(userName);
  const status = await made.api.service['register.setup']({ office: { name: 'Wigan PDU', agency: 'probation', area: 'Greater Manchester' }, role });
  const homeId = status.state === 'unlocked' ? status.homeOffice!.id : '';
  return { ...made, status, homeId };
}

describe('opening and locking a register', () => {
  it('creates a register in the folder the person chose and opens it for them', async () => {
    const { status, folder } = await aCreatedRegister();
    expect(status).toEqual({
      state: 'unlocked',
      folder,
      userName: 'Sam',
      administrator: true,
      failedAttemptsSinceLastUnlock: 0,
      setupNeeded: 'office',
      homeOffice: null,
      profile: null,
    });
  });

  it('refuses a folder that did not come from the dialog, and writes nothing there', async () => {
    const api = anApi();
    const folder = path.join(scratch(), 'typed-in');
    const reply = await dispatch(api.service, 'register.create', { folder, userName: 'Sam', passphrase: PASSPHRASE, confirmPassphrase: PASSPHRASE });
    expect(reply).toEqual({
      ok: false,
      error: { code: 'path_not_chosen', message: 'Choose the folder for the new register with the Choose button; it cannot be typed in.', field: 'folder' },
    });
    expect(existsSync(folder)).toBe(false);
  });

  it('refuses two different passphrases, naming the confirmation field, and creates nothing', async () => {
    const api = anApi();
    const folder = path.join(scratch(), 'reg');
    api.host.picksFolder(folder);
    await api.service['register.chooseFolder']({ purpose: 'create' });
    const reply = await dispatch(api.service, 'register.create', { folder, userName: 'Sam', passphrase: PASSPHRASE, confirmPassphrase: 'something else entirely' });
    expect(reply).toMatchObject({ ok: false, error: { code: 'passphrases_differ', field: 'confirmPassphrase' } });
    expect(existsSync(folder)).toBe(false);
  });

  it('refuses a short passphrase with the policy sentence next to the passphrase field', async () => {
    const api = anApi();
    const folder = path.join(scratch(), 'reg');
    api.host.picksFolder(folder);
    await api.service['register.chooseFolder']({ purpose: 'create' });
    const reply = await dispatch(api.service, 'register.create', { folder, userName: 'Sam', passphrase: 'short', confirmPassphrase: 'short' });
    expect(reply).toEqual({ ok: false, error: { code: 'weak_passphrase', message: 'Choose a passphrase of at least 12 characters.', field: 'passphrase' } });
    expect(existsSync(folder) ? readdirSync(folder) : []).toEqual([]);
  });

  it('locks: the status is closed and every register call is refused until unlocked', async () => {
    const { api, folder } = await aCreatedRegister();
    expect(await api.service['register.lock']({})).toEqual({ state: 'closed' });
    expect(await dispatch(api.service, 'users.list', {})).toEqual({
      ok: false,
      error: { code: 'locked', message: 'The register is locked. Unlock it to continue.' },
    });
    const wrong = await dispatch(api.service, 'register.unlock', { folder, userName: 'Sam', passphrase: 'not the right passphrase' });
    expect(wrong).toEqual({ ok: false, error: { code: 'wrong_passphrase', message: 'That passphrase does not open this register.', field: 'passphrase' } });
  });

  it('remembers the register so the start screen can offer it, and trusts that folder next time', async () => {
    const { api, folder } = await aCreatedRegister();
    await api.service['register.lock']({});
    expect(await api.service['register.recent']({})).toEqual([{ folder, userName: 'Sam' }]);
    const again = anApi(api.host);
    expect(await again.service['register.unlock']({ folder, userName: 'Sam', passphrase: PASSPHRASE })).toMatchObject({ state: 'unlocked' });
    again.session.lock();
  });
});

describe('setting up and managing users', () => {
  it('asks the creator for the office the register belongs to and their role, once', async () => {
    const { api, status } = await aSetUpRegister();
    expect(status).toMatchObject({ setupNeeded: null, homeOffice: { name: 'Wigan PDU', agency: 'probation', isHome: true }, profile: { role: 'coordinator' } });
    expect(status.state === 'unlocked' && status.profile?.permissions).toContain('user.manage');
    const again = await dispatch(api.service, 'register.setup', { office: { name: 'Other', agency: 'police', area: 'X' }, role: 'chair' });
    expect(again).toMatchObject({ ok: false, error: { code: 'already_set_up' } });
    api.session.lock();
  });

  it('refuses every register act until the register is set up', async () => {
    const { api } = await aCreatedRegister();
    expect(await dispatch(api.service, 'subjects.search', {})).toMatchObject({ ok: false, error: { code: 'setup_needed' } });
    api.session.lock();
  });

  it('gives a colleague a passphrase, an office and a role; a representative cannot manage users', async () => {
    const { api, folder, homeId } = await aSetUpRegister('Alex');
    const users = await api.service['users.add']({ userName: 'Pat', passphrase: 'pat passphrase long', confirmPassphrase: 'pat passphrase long', administrator: false, role: 'representative', officeId: homeId });
    expect(users.map((u) => [u.userName, u.role, u.officeName, u.administrator])).toEqual([
      ['Alex', 'coordinator', 'Wigan PDU', true],
      ['Pat', 'representative', 'Wigan PDU', false],
    ]);
    await api.service['register.lock']({});
    const pat = await api.service['register.unlock']({ folder, userName: 'Pat', passphrase: 'pat passphrase long' });
    expect(pat.state === 'unlocked' && pat.profile?.permissions).not.toContain('user.manage');
    const reply = await dispatch(api.service, 'users.add', { userName: 'Eve', passphrase: 'eve passphrase long', confirmPassphrase: 'eve passphrase long', administrator: true, role: 'chair', officeId: homeId });
    expect(reply).toEqual({ ok: false, error: { code: 'not_allowed', message: 'Only an administrator of this register can manage users.' } });
    expect((await api.service['users.list']({})).map((u) => u.userName)).toEqual(['Alex', 'Pat']);
    api.session.lock();
  });

  it('refuses a new user with an unknown office before making their key slot', async () => {
    const { api } = await aSetUpRegister();
    const reply = await dispatch(api.service, 'users.add', { userName: 'Pat', passphrase: 'pat passphrase long', confirmPassphrase: 'pat passphrase long', administrator: false, role: 'representative', officeId: 'nowhere' });
    expect(reply).toMatchObject({ ok: false, error: { code: 'unknown_office', field: 'officeId' } });
    expect(api.session.vault().listUsers().map((u) => u.userName)).toEqual(['Alex']);
    api.session.lock();
  });

  it('does not let an administrator remove themselves (so a register always keeps one)', async () => {
    const { api } = await aSetUpRegister('Alex');
    expect(await dispatch(api.service, 'users.remove', { userName: 'Alex' })).toMatchObject({ ok: false, error: { code: 'cannot_remove_self' } });
    expect((await api.service['users.list']({})).map((u) => u.userName)).toEqual(['Alex']);
    api.session.lock();
  });
});

describe('backup', () => {
  it('refuses to put the backup inside the register folder', async () => {
    const { api, folder } = await aSetUpRegister('Indra', 'ig_lead');
    api.host.picksFile(path.join(folder, 'backup.mappa-backup'));
    const { file } = await api.service['register.chooseBackupFile']({ mode: 'save' });
    const reply = await dispatch(api.service, 'register.backup', { file });
    expect(reply).toMatchObject({ ok: false, error: { code: 'backup_inside_register', field: 'file' } });
    api.session.lock();
  });

  it('reports progress while a backup runs, and nothing once it is done', async () => {
    const { api } = await aSetUpRegister('Indra', 'ig_lead');
    api.host.picksFile(path.join(scratch(), 'b.mappa-backup'));
    const { file } = await api.service['register.chooseBackupFile']({ mode: 'save' });
    const running = api.service['register.backup']({ file: file! });
    expect((await api.service['register.progress']({})).task).toBe('backup');
    const made = await running;
    expect(made.bytes).toBeGreaterThan(0);
    expect(await api.service['register.progress']({})).toEqual({ task: null, fraction: 0 });
    api.session.lock();
  });
});
