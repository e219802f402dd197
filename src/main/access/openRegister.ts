import type { RegisterStatus } from '../../shared/contract';
import { MappaError } from '../../shared/errors';
import { isRole, permissionsOf } from '../../shared/permissions';
import { actorFor, lockEntry, type AuditActor } from '../audit';
import type { Vault } from '../vault';
import { commitActed } from './acting';
import { autoLockMinutes, IdleTimer } from './autoLock';
import type { Actor, Ctx } from './context';
import { homeOffice } from './offices';
import { findProfile } from './people';

// The register that is open now (one at a time), who opened it, and when it locks itself.
// Locking records the lock while the key is still here to write it, then drops the
// vault's keys and database.

export type CloseHow = 'lock' | 'auto_lock' | 'silent';

export interface OpenRegister {
  /** The open vault; throws 'locked' when there is none. */
  vault(): Vault;
  isOpen(): boolean;
  status(): RegisterStatus;
  /** Who is signed in, with their profile; throws when they have none yet. */
  signedIn(): Ctx;
  /** The person who holds the key, with or without a profile yet (for unlock, lock, setup). */
  member(): AuditActor;
  becomeOpen(vault: Vault, failedAttemptsSinceLastUnlock: number): void;
  close(how: CloseHow): void;
  touch(): void;
  remainingMs(): number | null;
  refreshAutoLock(): void;
}

export function createOpenRegister(options: { clock: () => Date; idleCheckMs: number; onIdleCheck: () => void }): OpenRegister {
  const { clock } = options;
  let open: { vault: Vault; failedAttemptsSinceLastUnlock: number; idle: IdleTimer } | null = null;
  let idleInterval: ReturnType<typeof setInterval> | undefined;

  const vault = (): Vault => {
    if (!open || open.vault.locked) {
      open = null;
      throw new MappaError('locked', 'The register is locked. Unlock it to continue.');
    }
    return open.vault;
  };
  // The role and office the app acts on come from the signed membership; the profile row
  // gives the user's id and the office's agency, and must agree with the membership.
  const actorOf = (v: Vault): Actor | null => {
    const profile = findProfile(v.reader, v.userName);
    const signed = v.memberRole;
    if (!profile || !signed || !isRole(signed.role) || signed.officeId !== profile.officeId) return null;
    return { userId: profile.userId, userName: profile.userName, role: signed.role, officeId: signed.officeId, agency: profile.agency, registerAdministrator: v.isAdministrator };
  };
  const member = (): AuditActor => {
    const v = vault();
    return actorFor(v.reader, { userName: v.userName });
  };

  return {
    vault,
    member,
    isOpen: () => open !== null && !open.vault.locked,
    signedIn() {
      const actor = actorOf(vault());
      if (!actor) throw new MappaError('setup_needed', 'Your office and role in this register are not set yet. Ask an administrator of this register to set them.');
      return { actor, now: clock() };
    },
    status(): RegisterStatus {
      if (!open) return { state: 'closed' };
      const v = open.vault;
      const profile = findProfile(v.reader, v.userName);
      const actor = actorOf(v);
      const home = homeOffice(v.reader);
      return {
        state: 'unlocked',
        folder: v.folder,
        userName: v.userName,
        administrator: v.isAdministrator,
        failedAttemptsSinceLastUnlock: open.failedAttemptsSinceLastUnlock,
        setupNeeded: !home ? 'office' : !actor ? 'profile' : null,
        homeOffice: home ?? null,
        profile:
          actor && profile
            ? {
                userId: actor.userId,
                role: actor.role,
                officeId: actor.officeId,
                officeName: profile.officeName,
                agency: actor.agency,
                permissions: permissionsOf({ role: actor.role, administrator: v.isAdministrator }),
              }
            : null,
      };
    },
    becomeOpen(v, failedAttemptsSinceLastUnlock) {
      open = { vault: v, failedAttemptsSinceLastUnlock, idle: new IdleTimer(clock, autoLockMinutes(v.reader)) };
      if (options.idleCheckMs > 0) {
        idleInterval = setInterval(options.onIdleCheck, options.idleCheckMs);
        idleInterval.unref?.();
      }
    },
    close(how) {
      if (idleInterval) clearInterval(idleInterval);
      idleInterval = undefined;
      if (open && !open.vault.locked) {
        const v = open.vault;
        try {
          if (how !== 'silent') commitActed(v, member(), clock(), () => ({ value: undefined, audit: [lockEntry(how === 'auto_lock')] }));
        } finally {
          v.lock();
        }
      }
      open = null;
    },
    touch() {
      open?.idle.touch();
    },
    remainingMs: () => (open ? open.idle.remainingMs() : null),
    refreshAutoLock() {
      if (open) open.idle.setMinutes(autoLockMinutes(open.vault.reader));
    },
  };
}
