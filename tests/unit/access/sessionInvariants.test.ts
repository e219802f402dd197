// Issue 9, attack 7: session states reachable only by a direct call. register.unlock
// while a register was open, with a wrong passphrase, deleted the session's own folder
// lock (another process could then open and write, and one side's commits were lost);
// unlocking as another user without locking sent that user's saved commits to a journal a
// crash then lost. Opening anything while a register is open is now refused first.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../src/main/dispatch';
import { LOCK_FILE } from '../../../src/main/vault/format';
import { aTeam, OTHER, PEOPLE, type Team } from './insiders';

let team: Team | undefined;
afterEach(() => team?.api.session.lock());

const LOCK_FIRST = { ok: false, error: { code: 'register_open', message: 'Lock the register that is open first.' } };
const lockOf = (folder: string) => readFileSync(path.join(folder, LOCK_FILE), 'utf8');

describe('one register open at a time', () => {
  it('refuses an unlock while a register is open, with the wrong passphrase or the right one, and keeps the session’s folder lock', async () => {
    team = await aTeam();
    const { api, folder } = team;
    const held = lockOf(folder);
    const mark = team.entries().length;
    for (const passphrase of ['not the passphrase at all', PEOPLE.casey.passphrase]) {
      expect(await dispatch(api.service, 'register.unlock', { folder, userName: PEOPLE.casey.userName, passphrase })).toEqual(LOCK_FIRST);
      expect(lockOf(folder)).toBe(held);
    }
    // Another process still cannot open it: the lock is the session's, and live.
    const child = path.resolve(__dirname, '../vault/folderLockChild.ts');
    const other = spawnSync(process.execPath, ['--import', 'tsx', child, folder], { cwd: path.resolve(__dirname, '../../..'), encoding: 'utf8' });
    expect(other.stdout.trim()).toBe('in_use');
    // Nothing was recorded (no failed attempt, no unlock), and the session goes on working.
    expect(team.entries().length).toBe(mark);
    await api.service['subjects.create'](OTHER);
    expect(team.entries().at(-1)).toMatchObject({ action: 'subject_create', actor: { userName: PEOPLE.casey.userName } });
  });

  it('refuses unlocking as another user without locking first: the first user stays signed in and their commits stay', async () => {
    team = await aTeam();
    const { api, folder } = team;
    const { id } = await api.service['subjects.create'](OTHER);
    expect(await dispatch(api.service, 'register.unlock', { folder, userName: PEOPLE.pat.userName, passphrase: PEOPLE.pat.passphrase })).toEqual(LOCK_FIRST);
    expect(await api.service['register.status']({})).toMatchObject({ state: 'unlocked', userName: PEOPLE.casey.userName });
    // Locking and opening again (as a person would) finds everything that was saved.
    await team.as('pat');
    expect(await dispatch(api.service, 'subjects.get', { id, reason: { code: 'case_management' } })).toMatchObject({ ok: true, value: { familyName: 'Hartley' } });
  });

  it('refuses create and restore while a register is open, before touching the folder they name', async () => {
    team = await aTeam();
    const { api, folder } = team;
    const elsewhere = path.join(mkdtempSync(path.join(os.tmpdir(), 'mappa-open-')), 'new');
    api.host.picksFolder(elsewhere);
    await api.service['register.chooseFolder']({ purpose: 'create' });
    expect(await dispatch(api.service, 'register.create', { folder: elsewhere, userName: 'Mallory', passphrase: 'mallory wants her own copy', confirmPassphrase: 'mallory wants her own copy' })).toEqual(LOCK_FIRST);
    expect(existsSync(elsewhere)).toBe(false);
    api.host.picksFile(path.join(os.tmpdir(), 'any.mappa-backup'));
    const { file } = await api.service['register.chooseBackupFile']({ mode: 'open' });
    api.host.picksFolder(elsewhere);
    await api.service['register.chooseFolder']({ purpose: 'restore' });
    expect(await dispatch(api.service, 'register.restore', { file, folder: elsewhere, userName: 'Mallory', passphrase: 'mallory wants her own copy' })).toEqual(LOCK_FIRST);
    expect(existsSync(elsewhere)).toBe(false);
    expect(await api.service['register.status']({})).toMatchObject({ state: 'unlocked', folder });
  });

  it('opens normally once the register is locked', async () => {
    team = await aTeam();
    await team.api.service['register.lock']({});
    expect(existsSync(path.join(team.folder, LOCK_FILE))).toBe(false);
    expect(await dispatch(team.api.service, 'register.unlock', { folder: team.folder, userName: PEOPLE.pat.userName, passphrase: PEOPLE.pat.passphrase })).toMatchObject({ ok: true });
  });
});
