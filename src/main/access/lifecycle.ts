import { mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { RegisterStatus } from '../../shared/contract';
import { today } from '../../shared/calendar';
import { MappaError } from '../../shared/errors';
import type { Role } from '../../shared/permissions';
import { acted, unlockEntries, type ActEntry } from '../audit';
import type { FolderPurpose, Host } from '../host';
import { rememberRegister } from '../settings';
import { createRegister, isRegisterFolder, openRegister, restoreBackup, VaultError, type KdfParams } from '../vault';
import { commitActed, type Acting } from './acting';
import type { ChosenPaths } from './chosenPaths';
import type { LongTasks } from './longTasks';
import { addOffice, homeOffice, type OfficeInput } from './offices';
import type { OpenRegister } from './openRegister';
import { createProfile } from './people';

// The register's life in this window: choosing a folder, creating, unlocking, first
// setup, changing a passphrase, backup and restore. Each writes its audit entries
// through commitActed, like every other act.

/** Which form field each vault refusal belongs to, per form. */
type FieldMap = Partial<Record<string, string>>;

async function translate<T>(work: () => Promise<T> | T, fields: FieldMap): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof VaultError) throw new MappaError(error.code, error.message, fields[error.code]);
    throw error;
  }
}

function translateSync<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof VaultError) throw new MappaError(error.code, error.message);
    throw error;
  }
}

function confirmMatches(passphrase: string, confirmation: string, field: string): void {
  if (passphrase !== confirmation) {
    throw new MappaError('passphrases_differ', 'The two passphrases you entered are different. Enter the same passphrase twice.', field);
  }
}

export interface LifecycleDeps {
  host: Host;
  clock: () => Date;
  kdf: KdfParams | undefined;
  paths: ChosenPaths;
  tasks: LongTasks;
  open: OpenRegister;
  acting: Acting;
}

/**
 * One register at a time (issue 9): opening another, or the same one again, while one is
 * open would replace the session's vault under its folder lock, and a failed attempt would
 * release that lock. So it is refused before anything is read or written.
 */
function requireNoneOpen(open: OpenRegister): void {
  if (open.isOpen()) throw new MappaError('register_open', 'Lock the register that is open first.');
}

export function createLifecycle(deps: LifecycleDeps) {
  const { host, clock, paths, tasks, open } = deps;
  /** An act by whoever holds the key, profile or not yet (register-level events). */
  const recordAsMember = (entries: ActEntry[]) => commitActed(open.vault(), open.member(), clock(), () => acted(undefined, ...entries));
  let unlocking = false;

  const unlock = async (input: { folder: string; userName: string; passphrase: string; acceptOlderCopy?: boolean }, restoring = false): Promise<RegisterStatus> => {
    requireNoneOpen(open);
    const folder = paths.require(input.folder, 'folder', 'register folder');
    // One attempt at a time, so the growing delay between failures cannot be raced.
    if (unlocking) throw new MappaError('busy', 'The register is already being unlocked. Wait a moment.');
    unlocking = true;
    try {
      const opened = await translate(() => openRegister({ folder, userName: input.userName, passphrase: input.passphrase, clock, seenDir: host.settingsDir, acceptOlderCopy: input.acceptOlderCopy === true }), {
        wrong_passphrase: 'passphrase',
        unlock_delay: 'passphrase',
        invalid_user_name: 'userName',
        not_a_register: 'folder',
        in_use: 'folder',
        rolled_back: 'folder',
        needs_upgrade: 'userName',
      });
      open.close('lock');
      open.becomeOpen(opened.vault, opened.failedAttemptsSinceLastUnlock);
      // Failed attempts could not be written while locked: they are recorded now, with the unlock.
      const older = opened.olderCopyAccepted;
      recordAsMember([
        ...unlockEntries(opened.failedAttemptsSinceLastUnlock),
        ...(older ? [{ action: 'rollback_accepted' as const, reason: older.message, details: { finding: older.code, from: restoring ? 'restore' : 'unlock' } }] : []),
      ]);
      rememberRegister(host.settingsDir, folder, opened.vault.userName);
      return open.status();
    } finally {
      unlocking = false;
    }
  };

  return {
    async chooseFolder(purpose: FolderPurpose): Promise<{ folder: string | null; isRegister: boolean }> {
      const folder = await host.dialogs.chooseFolder(purpose);
      if (folder === null) return { folder: null, isRegister: false };
      const resolved = paths.approve(folder);
      return { folder: resolved, isRegister: isRegisterFolder(resolved) };
    },

    async chooseBackupFile(mode: 'save' | 'open'): Promise<{ file: string | null }> {
      const day = today(clock());
      const file = await host.dialogs.chooseBackupFile(mode, `mappa-register-backup-${day}.mappa-backup`);
      if (file === null) return { file: null };
      return { file: paths.approve(file) };
    },

    async create(input: { folder: string; userName: string; passphrase: string; confirmPassphrase: string }): Promise<RegisterStatus> {
      requireNoneOpen(open);
      const folder = paths.require(input.folder, 'folder', 'folder for the new register');
      confirmMatches(input.passphrase, input.confirmPassphrase, 'confirmPassphrase');
      const created = await translate(
        () => createRegister({ folder, userName: input.userName, passphrase: input.passphrase, clock, ...(deps.kdf ? { kdf: deps.kdf } : {}) }),
        { weak_passphrase: 'passphrase', invalid_user_name: 'userName', folder_not_empty: 'folder' },
      );
      open.close('lock');
      open.becomeOpen(created, 0);
      recordAsMember([{ action: 'key_change', details: { change: 'register_created', administrator: true } }, { action: 'unlock' }]);
      rememberRegister(host.settingsDir, folder, created.userName);
      return open.status();
    },

    unlock,

    lock(): RegisterStatus {
      open.close('lock');
      return open.status();
    },

    async changePassphrase(input: { currentPassphrase: string; newPassphrase: string; confirmPassphrase: string }): Promise<void> {
      const v = open.vault();
      confirmMatches(input.newPassphrase, input.confirmPassphrase, 'confirmPassphrase');
      await translate(() => v.changePassphrase(input.currentPassphrase, input.newPassphrase), {
        wrong_passphrase: 'currentPassphrase',
        weak_passphrase: 'newPassphrase',
      });
      recordAsMember([{ action: 'key_change', details: { change: 'passphrase_changed' } }]);
    },

    /** First use of a new register: the office it belongs to and the creator's role. */
    setup(input: { office: OfficeInput; role: Role }): RegisterStatus {
      const v = open.vault();
      if (homeOffice(v.reader)) throw new MappaError('already_set_up', 'This register already belongs to an office.');
      const at = clock();
      const officeId = commitActed(v, open.member(), at, (w) => {
        const office = addOffice(w, at, v.userName, input.office, { home: true });
        const profile = createProfile(w, at, null, { userName: v.userName, role: input.role, officeId: office.id });
        return acted(
          office.id,
          { action: 'office_create', details: { officeId: office.id, agency: office.agency, home: true } },
          { action: 'user_create', details: { userId: profile.userId, role: profile.role, officeId: office.id } },
        );
      });
      // The founder is the register's first administrator: they sign their own role into the membership.
      translateSync(() => v.setRole(v.userName, input.role, officeId));
      return open.status();
    },

    async backup(file: string): Promise<{ file: string; bytes: number }> {
      // A backup is a copy of every agency's information: a permission, checked first.
      deps.acting.context('register.backup');
      const target = paths.require(file, 'file', 'backup file');
      const v = open.vault();
      if (path.dirname(target) === path.resolve(v.folder)) {
        throw new MappaError('backup_inside_register', 'Save the backup somewhere other than the register folder, ideally on another drive.', 'file');
      }
      // Promise 3: nothing leaves the register without its audit entry, so the entry is
      // committed before the file is written (and is in the backup itself).
      deps.acting.act('register.backup', () => acted(undefined, { action: 'backup' }));
      await tasks.run('backup', (onProgress) =>
        translate(() => {
          mkdirSync(path.dirname(target), { recursive: true });
          return v.backup(target, onProgress);
        }, {}),
      );
      return { file: target, bytes: statSync(target).size };
    },

    async restore(input: { file: string; folder: string; userName: string; passphrase: string }): Promise<RegisterStatus> {
      requireNoneOpen(open);
      const file = paths.require(input.file, 'file', 'backup file');
      const folder = paths.require(input.folder, 'folder', 'folder to restore into');
      await tasks.run('restore', (onProgress) =>
        translate(() => restoreBackup({ file, folder, userName: input.userName, passphrase: input.passphrase }, onProgress), {
          wrong_passphrase: 'passphrase',
          folder_not_empty: 'folder',
          damaged: 'file',
          invalid_user_name: 'userName',
        }),
      );
      // Restoring is itself the decision to go back to an older copy: an administrator's restore opens it (and is recorded as such)
      const restored = await unlock({ folder, userName: input.userName, passphrase: input.passphrase, acceptOlderCopy: true }, true);
      recordAsMember([{ action: 'restore', details: { from: 'backup' } }]);
      return restored;
    },
  };
}

export type Lifecycle = ReturnType<typeof createLifecycle>;
