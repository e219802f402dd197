// Passphrases, unlock delay and key slots.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openRegister, unlockWait, WRONG_PASSPHRASE_MESSAGE } from '../../../src/main/vault';
import { ADMIN, ADMIN_PASS, cleanupTempDirs, insertNote, metaRows, newRegister } from '../builders/registerFixture';

afterEach(cleanupTempDirs);

/** Pretends the last failure happened long ago, so the next attempt is allowed. */
function expireDelay(folder: string): void {
  const f = path.join(folder, 'unlock-attempts.json');
  const a = JSON.parse(fs.readFileSync(f, 'utf8')) as { failedAttempts: number; lastFailureAt: number };
  fs.writeFileSync(f, JSON.stringify({ ...a, lastFailureAt: 0 }));
}

describe('unlock', () => {
  it('a wrong passphrase is refused with the exact message, and an unknown user gets the same one', async () => {
    const v = await newRegister();
    v.lock();
    await expect(openRegister({ folder: v.folder, userName: ADMIN, passphrase: 'not the passphrase!' })).rejects.toMatchObject({
      code: 'wrong_passphrase',
      message: WRONG_PASSPHRASE_MESSAGE,
    });
    expect(WRONG_PASSPHRASE_MESSAGE).toBe('That passphrase does not open this register.');
    expireDelay(v.folder);
    await expect(openRegister({ folder: v.folder, userName: 'Nobody At All', passphrase: ADMIN_PASS })).rejects.toMatchObject({
      code: 'wrong_passphrase',
      message: WRONG_PASSPHRASE_MESSAGE,
    });
  });

  it('failed attempts impose a growing delay, refused without running the KDF, and a success reports and resets them', async () => {
    const v = await newRegister();
    v.lock();
    const bad = { folder: v.folder, userName: ADMIN, passphrase: 'wrong wrong wrong' };
    const waits: number[] = [];
    for (let i = 0; i < 3; i++) {
      await expect(openRegister(bad)).rejects.toMatchObject({ code: 'wrong_passphrase' });
      waits.push(unlockWait(v.folder).waitMs);
      // an immediate retry, even with the right passphrase, is refused and says how long to wait
      await expect(openRegister({ ...bad, passphrase: ADMIN_PASS })).rejects.toMatchObject({
        code: 'unlock_delay',
        message: expect.stringMatching(/Wait \d+ seconds? before trying again/),
      });
      expireDelay(v.folder);
    }
    expect(waits[0]).toBeGreaterThan(0);
    expect(waits[1]).toBeGreaterThan(waits[0] ?? 0);
    expect(waits[2]).toBeGreaterThan(waits[1] ?? 0);
    expect(unlockWait(v.folder).failedAttempts).toBe(3);
    const ok = await openRegister({ folder: v.folder, userName: ADMIN, passphrase: ADMIN_PASS });
    expect(ok.failedAttemptsSinceLastUnlock).toBe(3);
    expect(unlockWait(v.folder)).toEqual({ failedAttempts: 0, waitMs: 0 });
    ok.vault.lock();
  });
});

describe('key slots', () => {
  it('after a passphrase change the old passphrase no longer opens and the new one does', async () => {
    const v = await newRegister();
    insertNote(v, 'a', '1');
    await expect(v.changePassphrase('not my passphrase', 'a brand new passphrase')).rejects.toMatchObject({ code: 'wrong_passphrase' });
    await expect(v.changePassphrase(ADMIN_PASS, 'too short')).rejects.toMatchObject({ code: 'weak_passphrase' });
    await v.changePassphrase(ADMIN_PASS, 'a brand new passphrase');
    v.lock();
    await expect(openRegister({ folder: v.folder, userName: ADMIN, passphrase: ADMIN_PASS })).rejects.toMatchObject({
      code: 'wrong_passphrase',
    });
    expireDelay(v.folder);
    const { vault } = await openRegister({ folder: v.folder, userName: ADMIN, passphrase: 'a brand new passphrase' });
    expect(metaRows(vault)).toEqual([{ key: 'a', value: '1' }]);
    vault.lock();
  });

  it('an added user opens with their own passphrase; a removed user cannot', async () => {
    const v = await newRegister();
    insertNote(v, 'a', '1');
    await v.addUser({ userName: 'Bob Officer', passphrase: 'bobs own passphrase', administrator: false });
    await expect(v.addUser({ userName: 'bob officer', passphrase: 'another passphrase', administrator: false })).rejects.toMatchObject({
      code: 'user_exists',
    });
    expect(v.listUsers()).toEqual([
      { userName: ADMIN, administrator: true },
      { userName: 'Bob Officer', administrator: false },
    ]);
    v.lock();
    const bob = await openRegister({ folder: v.folder, userName: 'Bob Officer', passphrase: 'bobs own passphrase' });
    expect(bob.vault.isAdministrator).toBe(false);
    expect(metaRows(bob.vault)).toEqual([{ key: 'a', value: '1' }]);
    expect(() => bob.vault.removeUser(ADMIN)).toThrow(expect.objectContaining({ code: 'not_allowed' }));
    bob.vault.lock();
    const admin = await openRegister({ folder: v.folder, userName: ADMIN, passphrase: ADMIN_PASS });
    admin.vault.removeUser('Bob Officer');
    expect(admin.vault.listUsers()).toEqual([{ userName: ADMIN, administrator: true }]);
    admin.vault.lock();
    await expect(openRegister({ folder: v.folder, userName: 'Bob Officer', passphrase: 'bobs own passphrase' })).rejects.toMatchObject({
      code: 'wrong_passphrase',
    });
  });

  it('the last administrator cannot be removed', async () => {
    const v = await newRegister();
    expect(() => v.removeUser(ADMIN)).toThrow(
      expect.objectContaining({ code: 'last_administrator', message: expect.stringMatching(/last administrator/) }),
    );
    await v.addUser({ userName: 'Second Admin', passphrase: 'second admin passphrase', administrator: true });
    v.removeUser(ADMIN);
    expect(v.listUsers()).toEqual([{ userName: 'Second Admin', administrator: true }]);
    v.lock();
    const second = await openRegister({ folder: v.folder, userName: 'Second Admin', passphrase: 'second admin passphrase' });
    expect(() => second.vault.removeUser('Second Admin')).toThrow(expect.objectContaining({ code: 'last_administrator' }));
    second.vault.lock();
  });
});
