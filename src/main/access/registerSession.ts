import { mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { RegisterStatus } from '../../shared/contract';
import { MappaError } from '../../shared/errors';
import { can, permissionsOf, type Action, type Role } from '../../shared/permissions';
import type { OfficeInput } from '../register/offices';
import { addOffice, homeOffice } from '../register/offices';
import { createProfile, findProfile } from '../register/people';
import type { Actor, Ctx } from '../register/context';
import type { Writer } from '../db/types';
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
}

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
  /** Runs `work` as one durable commit done by the signed-in user, if their role allows `action`. */
  act<T>(action: Action, work: (w: Writer, ctx: Ctx) => T): T;
  now(): Date;
}

const ACTION_SENTENCES: Partial<Record<Action, string>> = {
  'user.manage': 'Only an administrator of this register can manage users.',
  'office.manage': 'Only a MAPPA coordinator or an administrator can add agency offices.',
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
  let open: { vault: Vault; failedAttemptsSinceLastUnlock: number } | null = null;
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
  const context = (action: Action): Ctx => {
    const v = vault();
    const actor = actorOf(v);
    if (!actor) throw new MappaError('setup_needed', 'Your office and role in this register are not set yet. Ask an administrator of this register to set them.');
    const allowed = can(actor.role, action) || (action === 'user.manage' && actor.registerAdministrator);
    if (!allowed) throw new MappaError('not_allowed', ACTION_SENTENCES[action] ?? 'Your role in this register does not allow this.');
    return { actor, now: clock() };
  };
  const closeCurrent = () => {
    if (open && !open.vault.locked) open.vault.lock();
    open = null;
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
    now: clock,
    act(action, work) {
      const ctx = context(action);
      return vault().commit((w) => work(w, ctx));
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
      open = { vault: created, failedAttemptsSinceLastUnlock: 0 };
      rememberRegister(host.settingsDir, folder, created.userName);
      return status();
    },

    async unlock(input) {
      const folder = requireApproved(input.folder, 'folder', 'register folder');
      const opened = await translate(() => openRegister({ folder, userName: input.userName, passphrase: input.passphrase }), {
        wrong_passphrase: 'passphrase',
        unlock_delay: 'passphrase',
        invalid_user_name: 'userName',
        not_a_register: 'folder',
      });
      closeCurrent();
      open = { vault: opened.vault, failedAttemptsSinceLastUnlock: opened.failedAttemptsSinceLastUnlock };
      rememberRegister(host.settingsDir, folder, opened.vault.userName);
      return status();
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
    },

    setup(input) {
      const v = vault();
      if (homeOffice(v.reader)) throw new MappaError('already_set_up', 'This register already belongs to an office.');
      const at = clock();
      v.commit((w) => {
        const office = addOffice(w, at, v.userName, input.office, { home: true });
        createProfile(w, at, null, { userName: v.userName, role: input.role, officeId: office.id });
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
      return { file: target, bytes: statSync(target).size };
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
      return session.unlock({ folder, userName: input.userName, passphrase: input.passphrase });
    },
  };
  return session;
}
