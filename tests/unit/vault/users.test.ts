// Passphrases, unlock delay and key slots.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openRegister, unlockWait, WRONG_PASSPHRASE_MESSAGE } from '../../../src/main/vault';
import { manualClock, type ManualClock } from '../../../src/shared/calendar';
import { ADMIN, ADMIN_PASS, cleanupTempDirs, insertNote, metaRows, newRegister } from '../../support/vaultFixture';

afterEach(cleanupTempDirs);

// The unlock delay is timed by the clock openRegister is given: these tests move it on
// instead of sleeping or rewriting the attempts file.
let clock: ManualClock;
beforeEach(() => {
  clock = manualClock('2026-11-24T09:00:00Z');
});

/** Waits out the unlock delay, as the person at the keyboard would. */
function waitOutDelay(folder: string): void {
  clock.advance(unlockWait(folder, clock).waitMs);
}

describe('unlock', () => {
  it('a wrong passphrase is refused with the exact message, and an unknown user gets the same one', async () => {
    const v = await newRegister();
    v.lock();
    await expect(openRegister({ folder: v.folder, userName: ADMIN, passphrase: 'not the passphrase!', clock })).rejects.toMatchObject({
      code: 'wrong_passphrase',
      message: WRONG_PASSPHRASE_MESSAGE,
    });
    expect(WRONG_PASSPHRASE_MESSAGE).toBe('That passphrase does not open this register.');
    waitOutDelay(v.folder);
    await expect(openRegister({ folder: v.folder, userName: 'Nobody At All', passphrase: ADMIN_PASS, clock })).rejects.toMatchObject({
      code: 'wrong_passphrase',
      message: WRONG_PASSPHRASE_MESSAGE,
    });
  });

  it('failed attempts impose a growing delay, refused without running the KDF, and a success reports and resets them', async () => {
    const v = await newRegister();
    v.lock();
    const bad = { folder: v.folder, userName: ADMIN, passphrase: 'wrong wrong wrong', clock };
    const waits: number[] = [];
    for (let i = 0; i < 3; i++) {
      await expect(openRegister(bad)).rejects.toMatchObject({ code: 'wrong_passphrase' });
      waits.push(unlockWait(v.folder, clock).waitMs);
      // an immediate retry, even with the right passphrase, is refused and says how long to wait
      await expect(openRegister({ ...bad, passphrase: ADMIN_PASS })).rejects.toMatchObject({
        code: 'unlock_delay',
        message: expect.stringMatching(/Wait \d+ seconds? before trying again/),
      });
      waitOutDelay(v.folder);
    }
    expect(waits[0]).toBeGreaterThan(0);
    expect(waits[1]).toBeGreaterThan(waits[0] ?? 0);
    expect(waits[2]).toBeGreaterThan(waits[1] ?? 0);
    expect(unlockWait(v.folder, clock).failedAttempts).toBe(3);
    const ok = await openRegister({ folder: v.folder, userName: ADMIN, passphrase: ADMIN_PASS, clock });
    expect(ok.failedAttemptsSinceLastUnlock).toBe(3);
    expect(unlockWait(v.folder, clock)).toEqual({ failedAttempts: 0, waitMs: 0 });
    ok.vault.lock();
  });

  it('the delay lasts until the clock has moved on by it: a millisecond short is still refused', async () => {
    const v = await newRegister();
    v.lock();
    await expect(openRegister({ folder: v.folder, userName: ADMIN, passphrase: 'wrong wrong wrong', clock })).rejects.toMatchObject({ code: 'wrong_passphrase' });
    await expect(openRegister({ folder: v.folder, userName: ADMIN, passphrase: 'wrong wrong wrong', clock })).rejects.toMatchObject({ code: 'unlock_delay' });
    await expect(openRegister({ folder: v.folder, userName: ADMIN, passphrase: 'wrong wrong wrong', clock })).rejects.toMatchObject({ code: 'unlock_delay' });
    const { waitMs } = unlockWait(v.folder, clock);
    expect(waitMs).toBe(1000); // one failure: 1 second (refusals during the delay do not add to it)
    clock.advance(waitMs - 1);
    await expect(openRegister({ folder: v.folder, userName: ADMIN, passphrase: ADMIN_PASS, clock })).rejects.toMatchObject({
      code: 'unlock_delay',
      message: 'Too many attempts. Wait 1 second before trying again.',
    });
    clock.advance(1);
    const ok = await openRegister({ folder: v.folder, userName: ADMIN, passphrase: ADMIN_PASS, clock });
    expect(ok.failedAttemptsSinceLastUnlock).toBe(1);
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
    await expect(openRegister({ folder: v.folder, userName: ADMIN, passphrase: ADMIN_PASS, clock })).rejects.toMatchObject({
      code: 'wrong_passphrase',
    });
    waitOutDelay(v.folder);
    const { vault } = await openRegister({ folder: v.folder, userName: ADMIN, passphrase: 'a brand new passphrase', clock });
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
    expect(v.listUsers().map(({ userName, administrator }) => ({ userName, administrator }))).toEqual([
      { userName: ADMIN, administrator: true },
      { userName: 'Bob Officer', administrator: false },
    ]);
    v.lock();
    const bob = await openRegister({ folder: v.folder, userName: 'Bob Officer', passphrase: 'bobs own passphrase', clock });
    expect(bob.vault.isAdministrator).toBe(false);
    expect(metaRows(bob.vault)).toEqual([{ key: 'a', value: '1' }]);
    await expect(bob.vault.removeUser(ADMIN)).rejects.toMatchObject({ code: 'not_allowed' });
    bob.vault.lock();
    const admin = await openRegister({ folder: v.folder, userName: ADMIN, passphrase: ADMIN_PASS, clock });
    await admin.vault.removeUser('Bob Officer');
    expect(admin.vault.listUsers().map((u) => u.userName)).toEqual([ADMIN]);
    admin.vault.lock();
    await expect(openRegister({ folder: v.folder, userName: 'Bob Officer', passphrase: 'bobs own passphrase', clock })).rejects.toMatchObject({
      code: 'wrong_passphrase',
    });
  });

  it('the last administrator cannot be removed', async () => {
    const v = await newRegister();
    await expect(v.removeUser(ADMIN)).rejects.toMatchObject({ code: 'last_administrator', message: expect.stringMatching(/last administrator/) });
    await v.addUser({ userName: 'Second Admin', passphrase: 'second admin passphrase', administrator: true });
    await v.removeUser(ADMIN);
    expect(v.listUsers().map(({ userName, administrator }) => ({ userName, administrator }))).toEqual([{ userName: 'Second Admin', administrator: true }]);
    v.lock();
    const second = await openRegister({ folder: v.folder, userName: 'Second Admin', passphrase: 'second admin passphrase', clock });
    await expect(second.vault.removeUser('Second Admin')).rejects.toMatchObject({ code: 'last_administrator' });
    second.vault.lock();
  });
});
