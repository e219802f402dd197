import { z } from 'zod';
import { CLASSIFICATION } from './classification';
import type { Result } from './errors';
import { PERMISSIONS, type Action } from './permissions';
import * as rs from './registerSchemas';
import { accessReasonSchema } from './accessReasons';
import { AUDIT_ACTIONS } from './auditActions';

// The whole IPC surface as data. Each channel is "<area>.<action>" with a zod schema
// for its input and its output. The preload builds `window.mappa` from this table, the
// shell binds `api.ts` to it, and the UI test bridge does the same: adding a channel is
// one entry here and one function in `src/main/api.ts`.

const none = z.object({}).strict();
const ok = z.object({ done: z.literal(true) });

// A passphrase is checked for length by the vault (one policy, one message); here only
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

const reviewIntervals = z.object({
  level2Weeks: z.number({ error: 'Enter the number of weeks for Level 2' }).int('Enter a whole number of weeks').min(1, 'Review Level 2 cases at least 1 week ahead').max(26, 'Review Level 2 cases at least every 26 weeks'),
  level3Weeks: z.number({ error: 'Enter the number of weeks for Level 3' }).int('Enter a whole number of weeks').min(1, 'Review Level 3 cases at least 1 week ahead').max(6, 'Level 3 cases are reviewed at least every 6 weeks (procedures §8)'),
});

const accessSettings = z.object({
  accessReasonsRequired: z.boolean(),
  autoLockMinutes: z.number({ error: 'Enter the number of minutes' }).int('Enter a whole number of minutes').min(1, 'Lock after at least 1 minute').max(60, 'Lock after 60 minutes or fewer'),
});

const association = z.object({
  id: z.string(),
  names: z.array(z.string()),
  dateOfBirth: z.string().nullable(),
  relationship: z.string(),
  declaredAt: z.string(),
  withdrawnAt: z.string().nullable(),
});

const isoDay = z
  .union([z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Enter a date like 2026-11-24'), z.literal(''), z.null()])
  .optional()
  .transform((v) => (v === '' || v === undefined ? null : v));

export const auditFilter = z
  .object({
    userId: z.string().max(100).nullable().default(null),
    subjectId: z.string().max(100).nullable().default(null),
    actions: z.array(z.enum(AUDIT_ACTIONS)).max(AUDIT_ACTIONS.length).default([]),
    from: isoDay,
    to: isoDay,
    limit: z.number().int().min(1).max(500).default(50),
    offset: z.number().int().min(0).default(0),
  })
  .strict();
export type AuditFilterInput = z.output<typeof auditFilter>;

const auditEntry = z.object({
  seq: z.number(),
  at: z.string(),
  userName: z.string(),
  role: z.string().nullable(),
  agency: z.string().nullable(),
  action: z.string(),
  subjectId: z.string().nullable(),
  subjectName: z.string().nullable(),
  itemIds: z.array(z.string()),
  reason: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});
export type AuditEntryView = z.infer<typeof auditEntry>;

const viewPattern = z.object({ userId: z.string(), userName: z.string(), subjectId: z.string(), subjectName: z.string(), views: z.number(), firstAt: z.string(), lastAt: z.string() });

const alertView = z.object({
  id: z.string(),
  userId: z.string(),
  userName: z.string(),
  subjectId: z.string(),
  subjectName: z.string(),
  relationship: z.string(),
  at: z.string(),
  status: z.enum(['open', 'closed']),
  closedBy: z.string().nullable(),
  closedAt: z.string().nullable(),
  outcome: z.string().nullable(),
  exceptionGranted: z.boolean(),
});
export type AlertView = z.infer<typeof alertView>;

export const userRow = z.object({
  userName: z.string(),
  administrator: z.boolean(),
  role: rs.role.nullable(),
  officeId: z.string().nullable(),
  officeName: z.string().nullable(),
});
export type UserRow = z.infer<typeof userRow>;

export const contract = {
  'app.info': {
    input: none,
    output: z.object({
      name: z.string(),
      version: z.string(),
      classification: z.literal(CLASSIFICATION),
    }),
  },
  'register.status': { input: none, output: registerStatus },
  'register.recent': {
    input: none,
    output: z.array(z.object({ folder: z.string(), userName: z.string() })),
  },
  'register.chooseFolder': {
    input: z.object({ purpose: z.enum(['create', 'open', 'restore']) }).strict(),
    output: z.object({ folder: z.string().nullable(), isRegister: z.boolean() }),
  },
  'register.create': {
    input: z.object({ folder: path, userName, passphrase, confirmPassphrase: passphrase }).strict(),
    output: registerStatus,
  },
  'register.unlock': {
    input: z.object({ folder: path, userName, passphrase }).strict(),
    output: registerStatus,
  },
  'register.lock': { input: none, output: registerStatus },
  'register.changePassphrase': {
    input: z.object({ currentPassphrase: passphrase, newPassphrase: passphrase, confirmPassphrase: passphrase }).strict(),
    output: ok,
  },
  'register.setup': { input: z.object({ office: rs.officeInput, role: rs.role }).strict(), output: registerStatus },
  'register.chooseBackupFile': {
    input: z.object({ mode: z.enum(['save', 'open']) }).strict(),
    output: z.object({ file: z.string().nullable() }),
  },
  'register.backup': { input: z.object({ file: path }).strict(), output: z.object({ file: z.string(), bytes: z.number() }) },
  'register.restore': {
    input: z.object({ file: path, folder: path, userName, passphrase }).strict(),
    output: registerStatus,
  },
  'register.progress': {
    input: none,
    output: z.object({ task: z.enum(['backup', 'restore']).nullable(), fraction: z.number().min(0).max(1) }),
  },

  'users.list': { input: none, output: z.array(userRow) },
  'users.add': {
    input: z
      .object({ userName, passphrase, confirmPassphrase: passphrase, administrator: z.boolean(), role: rs.role, officeId: rs.id })
      .strict(),
    output: z.array(userRow),
  },
  'users.update': { input: z.object({ userName, role: rs.role, officeId: rs.id }).strict(), output: z.array(userRow) },
  'users.remove': { input: z.object({ userName }).strict(), output: z.array(userRow) },

  'offices.list': { input: none, output: z.array(rs.office) },
  'offices.add': { input: rs.officeInput, output: z.array(rs.office) },

  'subjects.search': {
    input: rs.searchInput,
    output: z.object({ subjects: z.array(rs.subjectSummary), total: z.number(), matchedBy: z.enum(['everything', 'date_of_birth', 'reference', 'words']) }),
  },
  /** Opening a record: asks why (when the register requires it) and checks declared associations. */
  'subjects.get': { input: z.object({ id: rs.id, reason: accessReasonSchema.nullable().default(null) }).strict(), output: rs.subjectDetail },
  'subjects.create': { input: rs.subjectInput, output: z.object({ id: rs.id }) },
  'subjects.update': { input: z.object({ id: rs.id, subject: rs.subjectInput }).strict(), output: z.object({ id: rs.id }) },
  'subjects.delete': { input: rs.deletion, output: ok },
  'subjects.reviewsDue': { input: none, output: z.array(rs.subjectSummary) },
  /** Weeks to a Level 2/3 case's next review when none is given (procedures §8: Level 3 every 4–6 weeks). */
  'subjects.reviewIntervals': { input: none, output: reviewIntervals },
  'subjects.setReviewIntervals': { input: reviewIntervals.strict(), output: reviewIntervals },

  'items.add': { input: rs.itemInput, output: rs.itemView },
  'items.update': { input: rs.itemUpdate, output: rs.itemView },
  'items.delete': { input: rs.deletion, output: ok },
  'items.history': { input: z.object({ id: rs.id }).strict(), output: z.array(rs.itemVersion) },

  'retention.rules': { input: none, output: z.array(rs.retentionRule) },
  'retention.setRule': { input: rs.retentionRule, output: z.array(rs.retentionRule) },
  'retention.due': { input: none, output: z.array(rs.retentionDue) },
  'retention.decide': { input: rs.retentionDecisionInput, output: z.array(rs.retentionDue) },

  'access.settings': { input: none, output: accessSettings },
  'access.setSettings': { input: accessSettings.strict(), output: accessSettings },
  /** The person is active (typing, clicking): the auto-lock clock starts again. */
  'access.activity': { input: none, output: z.object({ lockInSeconds: z.number().nullable() }) },

  'associations.list': { input: none, output: z.array(association) },
  'associations.declare': {
    input: z
      .object({
        names: z.array(z.string().trim().min(1, 'Enter a name').max(200, 'A name must be 200 characters or fewer')).min(1, 'Enter the person’s name').max(20, 'Enter at most 20 names'),
        dateOfBirth: z
          .union([z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Date of birth must be a date like 1980-05-17'), z.literal(''), z.null()])
          .optional()
          .transform((v) => (v === '' || v === undefined ? null : v)),
        relationship: z.string().trim().min(1, 'Say how you know this person').max(500, 'Describe the relationship in 500 characters or fewer'),
      })
      .strict(),
    output: z.array(association),
  },
  'associations.withdraw': { input: z.object({ id: rs.id, reason: z.string().trim().min(1, 'Say why you are withdrawing this declaration').max(500) }).strict(), output: z.array(association) },

  'audit.users': { input: none, output: z.array(z.object({ userId: z.string(), userName: z.string() })) },
  'audit.query': { input: auditFilter, output: z.object({ total: z.number(), entries: z.array(auditEntry) }) },
  'audit.patterns': { input: none, output: z.array(viewPattern) },
  'audit.alerts': { input: z.object({ status: z.enum(['open', 'closed']).nullable().default('open') }).strict(), output: z.array(alertView) },
  'audit.closeAlert': { input: z.object({ alertId: rs.id, outcome: z.string().trim().min(1, 'Record what you found and did').max(1000) }).strict(), output: z.array(alertView) },
  'audit.grantException': { input: z.object({ alertId: rs.id, reason: z.string().trim().min(1, 'Give the reason for the exception').max(1000) }).strict(), output: z.array(alertView) },
  'audit.verify': {
    input: none,
    output: z.object({ ok: z.boolean(), entries: z.number(), lastHash: z.string().nullable(), firstBroken: z.object({ seq: z.number(), reason: z.string() }).nullable() }),
  },
  'audit.export': {
    input: z.object({ format: z.enum(['csv', 'pdf']), filter: auditFilter }).strict(),
    output: z.object({ file: z.string().nullable(), entries: z.number() }),
  },
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
export type ParsedInput<C extends Channel> = z.output<Contract[C]['input']>;
export type ChannelOutput<C extends Channel> = z.output<Contract[C]['output']>;

export const channels = Object.keys(contract) as Channel[];

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}

/** The prefix every IPC channel name carries on the wire. */
export const IPC_PREFIX = 'mappa:';

type AreaOf<C> = C extends `${infer A}.${string}` ? A : never;
type ActionOf<C, A extends string> = C extends `${A}.${infer M}` ? M : never;

/**
 * `window.mappa`: one async function per channel, grouped by area (`mappa.app.info({})`).
 * Each resolves with a result envelope, never rejects with a domain error: Electron's
 * contextBridge drops an Error's own properties (its code and field), so the renderer
 * turns an error envelope into a MappaError on its own side of the bridge.
 */
export type MappaClient = {
  [A in AreaOf<Channel>]: {
    [M in ActionOf<Channel, A>]: `${A}.${M}` extends infer C extends Channel
      ? (input: ChannelInput<C>) => Promise<Result<ChannelOutput<C>>>
      : never;
  };
};

/** The service: one function per channel, receiving the parsed input. */
export type Service = {
  [C in Channel]: (input: ParsedInput<C>) => Promise<ChannelOutput<C>> | ChannelOutput<C>;
};
