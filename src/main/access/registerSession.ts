import { mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { RegisterStatus } from '../../shared/contract';
import { MappaError } from '../../shared/errors';
import { can, permissionsOf, type Action, type Role } from '../../shared/permissions';
import type { OfficeInput } from './offices';
import { addOffice, homeOffice } from './offices';
import { createProfile, findProfile } from './people';
import type { Actor, Ctx } from './context';
import type { Writer } from '../db/types';
import { actorFor, appendAudit, recordLock, recordUnlock, type AuditActor, type AuditInput } from '../audit';
import { autoLockMinutes, IdleTimer } from './autoLock';
import type { FolderPurpose, Host } from '../host';
import { readSettings, rememberRegister } from '../settings';
import {
  createRegister,
  isRegisterFolder,
  openRegister,
  restoreBackup,
  VaultError,
  type KdfParams,
  type Vault,
} from '../vault';

// Who has which register open. One register at a time; locking drops the vault's keys
// and database. Paths come only from the host's dialogs (or the recent list those
// dialogs filled), so a compromised page cannot point the service at any file it likes.

export interface SessionOptions {
  host: Host;
  /** scrypt parameters for new registers; tests pass cheap ones. */
  kdf?: KdfParams;
  /** The time acts are recorded at; tests pass a fixed clock. */
  clock?: () => Date;
  /** How often to check for inactivity (ms); 0 turns the timer off (tests call checkIdle). */
  idleCheckMs?: number;
}

/** An audit entry for an act, without its actor (the session fills that in). */
export type ActEntry = Omit<AuditInput, 'actor'>;

type Task = 'backup' | 'restore';

export interface RegisterSession {
  status(): RegisterStatus;
  recent(): { folder: string; userName: string }[];
  chooseFolder(purpose: FolderPurpose): Promise<{ folder: string | null; isRegister: boolean }>;
  chooseBackupFile(mode: 'save' | 'open'): Promise<{ file: string | null }>;
  create(input: { folder: string; userName: string; passphrase: string; confirmPassphrase: string }): Promise<RegisterStatus>;
  unlock(input: { folder: string; userName: string; passphrase: string }): Promise<RegisterStatus>;
  lock(): RegisterStatus;
  changePassphrase(input: { currentPassphrase: string; newPassphrase: string; confirmPassphrase: string }): Promise<void>;
  /** First use of a new register: the office it belongs to and the creator's role. */
  setup(input: { office: OfficeInput; role: Role }): RegisterStatus;
  backup(file: string): Promise<{ file: string; bytes: number }>;
  restore(input: { file: string; folder: string; userName: string; passphrase: string }): Promise<RegisterStatus>;
  progress(): { task: Task | null; fraction: number };
  /** The open vault, for the capability functions; throws 'locked' when there is none. */
  vault(): Vault;
  /** Who is acting, now; throws 'not_allowed' with a sentence if their role may not do `action`. */
  context(action: Action): Ctx;
  /** Who is acting, for acts every signed-in user may do about themselves. */
  signedIn(): Ctx;
  /**
   * Runs `work` as one durable commit done by the signed-in user, if their role allows
   * `action`, with its audit entries in the same commit: no act without its entry.
   */
  act<T>(action: Action, work: (w: Writer, ctx: Ctx) => T, audit: (result: T, ctx: Ctx) => ActEntry | ActEntry[]): T;
  /** Appends audit entries in their own commit, for acts outside the database (key slots, backups). */
  record(entries: ActEntry | ActEntry[]): void;
  now(): Date;
  /** The person did something: the inactivity clock starts again. */
  touch(): void;
  /** Locks (and records an auto_lock) if the register has been idle for its auto-lock period. */
  checkIdle(): boolean;
  /** Locks now, recorded as automatic: the computer is going to sleep or its screen locked. */
  autoLock(): void;
  /** Seconds until the register locks itself, or null when none is open. */
  lockInSeconds(): number | null;
  /** Re-reads the register's auto-lock setting. */
  refreshAutoLock(): void;
}

const ACTION_SENTENCES: Partial<Record<Action, string>> = {
  'user.manage': 'Only an administrator of this register can manage users.',
  'office.manage': 'Only a MAPPA coordinator or an administrator can add agency offices.',
  'reviews.configure': 'Only a MAPPA coordinator or chair can change the review intervals.',
  'retention.decide': 'Only an information governance lead can make retention decisions.',
  'retention.configure': 'Only an information governance lead or an administrator can set retention rules.',
  'audit.review': 'Only an information governance lead or an administrator can review the audit log.',
};

/** Which form field each vault refusal belongs to, per form. */
type FieldMap = Partial<Record<string, string>>;

function asMappaError(error: unknown, fields: FieldMap): unknown {
  if (error instanceof VaultError) return new MappaError(error.code, error.message, fields[error.code]);
  return error;
}

async function translate<T>(work: () => Promise<T> | T, fields: FieldMap): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw asMappaError(error, fields);
  }
}

function confirmMatches(passphrase: string, confirmation: string, field: string): void {
  if (passphrase !== confirmation) {
    throw new MappaError('passphrases_differ', 'The two passphrases you entered are different. Enter the same passphrase twice.', field);
  }
}

export function createRegisterSession(options: SessionOptions): RegisterSession {
  const { host } = options;
  const approved = new Set<string>(readSettings(host.settingsDir).recent.map((r) => path.resolve(r.folder)));
  let open: { vault: Vault; failedAttemptsSinceLastUnlock: number; idle: IdleTimer } | null = null;
  let unlocking = false;
  let idleInterval: ReturnType<typeof setInterval> | undefined;
  let running: { task: Task; fraction: number } | null = null;

  const clock = options.clock ?? (() => new Date());
  const approve = (p: string) => approved.add(path.resolve(p));
  const requireApproved = (p: string, field: string, what: string): string => {
    const resolved = path.resolve(p);
    if (!path.isAbsolute(p) || !approved.has(resolved)) {
      throw new MappaError('path_not_chosen', `Choose the ${what} with the Choose button; it cannot be typed in.`, field);
    }
    return resolved;
  };
  const actorOf = (v: Vault): Actor | null => {
    const profile = findProfile(v.reader, v.userName);
    if (!profile) return null;
    return { userId: profile.userId, userName: profile.userName, role: profile.role, officeId: profile.officeId, agency: profile.agency, registerAdministrator: v.isAdministrator };
  };
  const status = (): RegisterStatus => {
    if (!open) return { state: 'closed' };
    const v = open.vault;
    const profile = findProfile(v.reader, v.userName);
    const home = homeOffice(v.reader);
    return {
      state: 'unlocked',
      folder: v.folder,
      userName: v.userName,
      administrator: v.isAdministrator,
      failedAttemptsSinceLastUnlock: open.failedAttemptsSinceLastUnlock,
      setupNeeded: !home ? 'office' : !profile ? 'profile' : null,
      homeOffice: home ?? null,
      profile: profile
        ? {
            userId: profile.userId,
            role: profile.role,
            officeId: profile.officeId,
            officeName: profile.officeName,
            agency: profile.agency,
            // Managing users is the key slot's administrator flag as well as the role.
            permissions: [...new Set([...permissionsOf(profile.role), ...(v.isAdministrator ? (['user.manage'] as const) : [])])],
          }
        : null,
    };
  };
  const vault = (): Vault => {
    if (!open || open.vault.locked) {
      open = null;
      throw new MappaError('locked', 'The register is locked. Unlock it to continue.');
    }
    return open.vault;
  };
  const signedIn = (): Ctx => {
    const actor = actorOf(vault());
    if (!actor) throw new MappaError('setup_needed', 'Your office and role in this register are not set yet. Ask an administrator of this register to set them.');
    return { actor, now: clock() };
  };
  const context = (action: Action): Ctx => {
    const { actor } = signedIn();
    const allowed = can(actor.role, action) || (action === 'user.manage' && actor.registerAdministrator);
    if (!allowed) throw new MappaError('not_allowed', ACTION_SENTENCES[action] ?? 'Your role in this register does not allow this.');
    return { actor, now: clock() };
  };
  const auditActorOf = (v: Vault): AuditActor => actorFor(v.reader, { userName: v.userName });
  const append = (w: Writer, actor: AuditActor, at: Date, entries: ActEntry | ActEntry[]) => {
    for (const entry of Array.isArray(entries) ? entries : [entries]) appendAudit(w, { ...entry, actor }, at.toISOString());
  };
  const closeCurrent = (how: 'lock' | 'auto_lock' | 'silent' = 'lock') => {
    if (idleInterval) clearInterval(idleInterval);
    idleInterval = undefined;
    if (open && !open.vault.locked) {
      const v = open.vault;
      try {
        // The lock is recorded while the key is still here to write it.
        if (how !== 'silent') v.commit((w) => recordLock(w, { actor: auditActorOf(v), automatic: how === 'auto_lock', at: clock().toISOString() }));
      } finally {
        v.lock();
      }
    }
    open = null;
  };
  const becomeOpen = (v: Vault, failedAttemptsSinceLastUnlock: number) => {
    const idle = new IdleTimer(clock, autoLockMinutes(v.reader));
    open = { vault: v, failedAttemptsSinceLastUnlock, idle };
    const every = options.idleCheckMs ?? 15_000;
    if (every > 0) {
      idleInterval = setInterval(() => session.checkIdle(), every);
      idleInterval.unref?.();
    }
  };
  const longTask = async <T>(task: Task, work: (onProgress: (f: number) => void) => Promise<T>): Promise<T> => {
    if (running) throw new MappaError('busy', `Wait for the ${running.task} that is running to finish.`);
    running = { task, fraction: 0 };
    try {
      return await work((fraction) => {
        if (running) running.fraction = Math.max(0, Math.min(1, fraction));
      });
    } finally {
      running = null;
    }
  };

  const session: RegisterSession = {
    status,
    vault,
    context,
    signedIn,
    now: clock,
    act(action, work, audit) {
      const ctx = context(action);
      const actor: AuditActor = { userId: ctx.actor.userId, userName: ctx.actor.userName, role: ctx.actor.role, officeId: ctx.actor.officeId, agency: ctx.actor.agency };
      return vault().commit((w) => {
        const result = work(w, ctx);
        append(w, actor, ctx.now, audit(result, ctx));
        return result;
      });
    },
    record(entries) {
      const v = vault();
      const at = clock();
      v.commit((w) => append(w, auditActorOf(v), at, entries));
    },
    touch() {
      open?.idle.touch();
    },
    checkIdle() {
      if (!open || open.idle.remainingMs() > 0) return false;
      closeCurrent('auto_lock');
      return true;
    },
    autoLock() {
      closeCurrent('auto_lock');
    },
    lockInSeconds: () => (open ? Math.ceil(open.idle.remainingMs() / 1000) : null),
    refreshAutoLock() {
      if (open) open.idle.setMinutes(autoLockMinutes(open.vault.reader));
    },
    recent: () => readSettings(host.settingsDir).recent,
    progress: () => (running ? { task: running.task, fraction: running.fraction } : { task: null, fraction: 0 }),

    async chooseFolder(purpose) {
      const folder = await host.dialogs.chooseFolder(purpose);
      if (folder === null) return { folder: null, isRegister: false };
      approve(folder);
      return { folder: path.resolve(folder), isRegister: isRegisterFolder(folder) };
    },

    async chooseBackupFile(mode) {
      const day = new Date().toISOString().slice(0, 10);
      const file = await host.dialogs.chooseBackupFile(mode, `mappa-register-backup-${day}.mappa-backup`);
      if (file === null) return { file: null };
      approve(file);
      return { file: path.resolve(file) };
    },

    async create(input) {
      const folder = requireApproved(input.folder, 'folder', 'folder for the new register');
      confirmMatches(input.passphrase, input.confirmPassphrase, 'confirmPassphrase');
      const created = await translate(
        () => createRegister({ folder, userName: input.userName, passphrase: input.passphrase, ...(options.kdf ? { kdf: options.kdf } : {}) }),
        { weak_passphrase: 'passphrase', invalid_user_name: 'userName', folder_not_empty: 'folder' },
      );
      closeCurrent();
      created.commit((w) =>
        append(w, auditActorOf(created), clock(), [
          { action: 'key_change', details: { change: 'register_created', administrator: true } },
          { action: 'unlock' },
        ]),
      );
      becomeOpen(created, 0);
      rememberRegister(host.settingsDir, folder, created.userName);
      return status();
    },

    async unlock(input) {
      const folder = requireApproved(input.folder, 'folder', 'register folder');
      // One attempt at a time, so the growing delay between failures cannot be raced.
      if (unlocking) throw new MappaError('busy', 'The register is already being unlocked. Wait a moment.');
      unlocking = true;
      try {
        const opened = await translate(() => openRegister({ folder, userName: input.userName, passphrase: input.passphrase }), {
          wrong_passphrase: 'passphrase',
          unlock_delay: 'passphrase',
          invalid_user_name: 'userName',
          not_a_register: 'folder',
          in_use: 'folder',
        });
        closeCurrent();
        const v = opened.vault;
        // Failed attempts could not be written while locked: they are recorded now, with the unlock.
        v.commit((w) => recordUnlock(w, { actor: auditActorOf(v), failedAttemptsSinceLastUnlock: opened.failedAttemptsSinceLastUnlock, at: clock().toISOString() }));
        becomeOpen(v, opened.failedAttemptsSinceLastUnlock);
        rememberRegister(host.settingsDir, folder, v.userName);
        return status();
      } finally {
        unlocking = false;
      }
    },

    lock() {
      closeCurrent();
      return status();
    },

    async changePassphrase(input) {
      const v = vault();
      confirmMatches(input.newPassphrase, input.confirmPassphrase, 'confirmPassphrase');
      await translate(() => v.changePassphrase(input.currentPassphrase, input.newPassphrase), {
        wrong_passphrase: 'currentPassphrase',
        weak_passphrase: 'newPassphrase',
      });
      session.record({ action: 'key_change', details: { change: 'passphrase_changed' } });
    },

    setup(input) {
      const v = vault();
      if (homeOffice(v.reader)) throw new MappaError('already_set_up', 'This register already belongs to an office.');
      const at = clock();
      v.commit((w) => {
        const office = addOffice(w, at, v.userName, input.office, { home: true });
        const profile = createProfile(w, at, null, { userName: v.userName, role: input.role, officeId: office.id });
        const actor = auditActorOf(v);
        append(w, actor, at, [
          { action: 'office_create', details: { officeId: office.id, agency: office.agency, home: true } },
          { action: 'user_create', details: { userId: profile.userId, role: profile.role, officeId: office.id } },
        ]);
      });
      return status();
    },

    async backup(file) {
      const target = requireApproved(file, 'file', 'backup file');
      const v = vault();
      if (path.dirname(target) === path.resolve(v.folder)) {
        throw new MappaError('backup_inside_register', 'Save the backup somewhere other than the register folder, ideally on another drive.', 'file');
      }
      await longTask('backup', (onProgress) =>
        translate(() => {
          mkdirSync(path.dirname(target), { recursive: true });
          return v.backup(target, onProgress);
        }, {}),
      );
      const bytes = statSync(target).size;
      session.record({ action: 'backup', details: { bytes } });
      return { file: target, bytes };
    },

    async restore(input) {
      const file = requireApproved(input.file, 'file', 'backup file');
      const folder = requireApproved(input.folder, 'folder', 'folder to restore into');
      await longTask('restore', (onProgress) =>
        translate(() => restoreBackup({ file, folder, userName: input.userName, passphrase: input.passphrase }, onProgress), {
          wrong_passphrase: 'passphrase',
          folder_not_empty: 'folder',
          damaged: 'file',
          invalid_user_name: 'userName',
        }),
      );
      const restored = await session.unlock({ folder, userName: input.userName, passphrase: input.passphrase });
      session.record({ action: 'restore', details: { from: 'backup' } });
      return restored;
    },
  };
  return session;
}
