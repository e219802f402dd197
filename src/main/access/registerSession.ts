import type { RegisterStatus } from '../../shared/contract';
import type { Acted } from '../audit';
import type { Writer } from '../db/types';
import type { FolderPurpose, Host } from '../host';
import { readSettings } from '../settings';
import type { KdfParams, Vault } from '../vault';
import { createActing, type Who } from './acting';
import { createChosenPaths } from './chosenPaths';
import type { Ctx } from './context';
import { createLifecycle } from './lifecycle';
import { createLongTasks, type Task } from './longTasks';
import type { OfficeInput } from './offices';
import { createOpenRegister } from './openRegister';
import type { Role } from '../../shared/permissions';

// Who has which register open, composed from its parts: the paths the person chose
// (chosenPaths), the open register and its auto-lock (openRegister), acting with
// permissions and the one audit path (acting), the register's lifecycle (lifecycle) and
// long-running tasks (longTasks).

export interface SessionOptions {
  host: Host;
  /** scrypt parameters for new registers; tests pass cheap ones. */
  kdf?: KdfParams;
  /** The one clock: acts are recorded at its time; tests pass a fixed or stepping clock. */
  clock?: () => Date;
  /** How often to check for inactivity (ms); 0 turns the timer off (tests call checkIdle). */
  idleCheckMs?: number;
}

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
  /** The open vault, for reads; throws 'locked' when there is none. */
  vault(): Vault;
  /** Who is acting, now; throws 'not_allowed' with the permission's sentence if they may not. */
  context(who: Who): Ctx;
  /**
   * Runs `work` as one durable commit done by the signed-in user, if allowed, with the
   * audit entries it returns in the same commit: no act without its entry. The only way
   * the service writes to the register.
   */
  act<T>(who: Who, work: (w: Writer, ctx: Ctx) => Acted<T>): T;
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

export function createRegisterSession(options: SessionOptions): RegisterSession {
  const clock = options.clock ?? (() => new Date());
  const open = createOpenRegister({ clock, idleCheckMs: options.idleCheckMs ?? 15_000, onIdleCheck: () => session.checkIdle() });
  const acting = createActing({ vault: open.vault, signedIn: open.signedIn });
  const tasks = createLongTasks();
  const lifecycle = createLifecycle({ host: options.host, clock, kdf: options.kdf, paths: createChosenPaths(options.host.settingsDir), tasks, open, acting });

  const session: RegisterSession = {
    ...lifecycle,
    status: open.status,
    recent: () => readSettings(options.host.settingsDir).recent,
    progress: tasks.progress,
    vault: open.vault,
    context: acting.context,
    act: acting.act,
    now: clock,
    touch: open.touch,
    checkIdle() {
      const remaining = open.remainingMs();
      if (remaining === null || remaining > 0) return false;
      open.close('auto_lock');
      return true;
    },
    autoLock: () => open.close('auto_lock'),
    lockInSeconds() {
      const remaining = open.remainingMs();
      return remaining === null ? null : Math.ceil(remaining / 1000);
    },
    refreshAutoLock: open.refreshAutoLock,
  };
  return session;
}

/** What every capability's service slice is built from. */
export interface ServiceDeps {
  session: RegisterSession;
  host: Host;
  /** The app's version, as the shell reads it from Electron (or the tests from package.json). */
  version: string;
}
