import { z } from 'zod';
import { CLASSIFICATION } from '../classification';
import { calendarHolidays, extraHolidayList } from '../extraHolidays';
import { id } from '../fields';
import { PERMISSIONS, type Action } from '../permissions';
import * as rs from '../registerSchemas';
import { done, none, type ContractSlice } from './slice';

// The register itself and who may open it: the app, the session (create, unlock, lock,
// passphrases, backup and restore), users, offices, the access settings and the
// register's calendar settings (extra bank holidays).

// A passphrase is checked for strength by the vault (one policy, one message); here only
// that it is text of a sane size.
const passphrase = z.string().max(1024, 'A passphrase can be at most 1024 characters');
const userName = z.string().trim().min(1, 'Enter your name').max(100, 'A name can be at most 100 characters');
const path = z.string().min(1, 'Choose a folder').max(4096);

const action = z.enum(Object.keys(PERMISSIONS) as [Action, ...Action[]]);

export const registerStatus = z.discriminatedUnion('state', [
  z.object({ state: z.literal('closed') }),
  z.object({
    state: z.literal('unlocked'),
    folder: z.string(),
    userName: z.string(),
    administrator: z.boolean(),
    failedAttemptsSinceLastUnlock: z.number().int().nonnegative(),
    /** 'office': the register has no home office yet; 'profile': this user has no role yet. */
    setupNeeded: z.enum(['office', 'profile']).nullable(),
    homeOffice: rs.office.nullable(),
    profile: z
      .object({ userId: z.string(), role: rs.role, officeId: z.string(), officeName: z.string(), agency: rs.agencyKind, permissions: z.array(action) })
      .nullable(),
  }),
]);
export type RegisterStatus = z.infer<typeof registerStatus>;

export const accessSettings = z.object({
  accessReasonsRequired: z.boolean(),
  autoLockMinutes: z.number({ error: 'Enter the number of minutes' }).int('Enter a whole number of minutes').min(1, 'Lock after at least 1 minute').max(60, 'Lock after 60 minutes or fewer'),
});
export type AccessSettings = z.infer<typeof accessSettings>;

export const userRow = z.object({
  userName: z.string(),
  administrator: z.boolean(),
  role: rs.role.nullable(),
  officeId: z.string().nullable(),
  officeName: z.string().nullable(),
});
export type UserRow = z.infer<typeof userRow>;

export const accessContract = {
  'app.info': {
    input: none,
    output: z.object({ name: z.string(), version: z.string(), classification: z.literal(CLASSIFICATION) }),
  },
  'register.status': { input: none, output: registerStatus },
  'register.recent': { input: none, output: z.array(z.object({ folder: z.string(), userName: z.string() })) },
  'register.chooseFolder': {
    input: z.object({ purpose: z.enum(['create', 'open', 'restore']) }).strict(),
    output: z.object({ folder: z.string().nullable(), isRegister: z.boolean() }),
  },
  'register.create': { input: z.object({ folder: path, userName, passphrase, confirmPassphrase: passphrase }).strict(), output: registerStatus },
  'register.unlock': {
    // acceptOlderCopy: an administrator's decision to open a copy older than one this computer has seen (audited).
    input: z.object({ folder: path, userName, passphrase, acceptOlderCopy: z.boolean().optional() }).strict(),
    output: registerStatus,
  },
  'register.lock': { input: none, output: registerStatus },
  'register.changePassphrase': {
    input: z.object({ currentPassphrase: passphrase, newPassphrase: passphrase, confirmPassphrase: passphrase }).strict(),
    output: done,
  },
  'register.setup': { input: z.object({ office: rs.officeInput, role: rs.role }).strict(), output: registerStatus },
  'register.chooseBackupFile': { input: z.object({ mode: z.enum(['save', 'open']) }).strict(), output: z.object({ file: z.string().nullable() }) },
  'register.backup': { input: z.object({ file: path }).strict(), output: z.object({ file: z.string(), bytes: z.number() }) },
  'register.restore': { input: z.object({ file: path, folder: path, userName, passphrase }).strict(), output: registerStatus },
  'register.progress': { input: none, output: z.object({ task: z.enum(['backup', 'restore']).nullable(), fraction: z.number().min(0).max(1) }) },

  'users.list': { input: none, output: z.array(userRow) },
  'users.add': {
    input: z.object({ userName, passphrase, confirmPassphrase: passphrase, administrator: z.boolean(), role: rs.role, officeId: id }).strict(),
    output: z.array(userRow),
  },
  'users.update': { input: z.object({ userName, role: rs.role, officeId: id }).strict(), output: z.array(userRow) },
  'users.remove': { input: z.object({ userName }).strict(), output: z.array(userRow) },

  'offices.list': { input: none, output: z.array(rs.office) },
  'offices.add': { input: rs.officeInput, output: z.array(rs.office) },

  'access.settings': { input: none, output: accessSettings },
  'access.setSettings': { input: accessSettings.strict(), output: accessSettings },
  /** The person is active (typing, clicking): the auto-lock clock starts again. */
  'access.activity': { input: none, output: z.object({ lockInSeconds: z.number().nullable() }) },

  /** The bank holidays working days are counted with: the data file's years and the extra ones. */
  'calendar.holidays': { input: none, output: calendarHolidays },
  /** The administrator's whole list of extra bank holidays, replacing the one before. */
  'calendar.setExtraHolidays': { input: z.object({ holidays: extraHolidayList }).strict(), output: calendarHolidays },
} as const satisfies ContractSlice;
