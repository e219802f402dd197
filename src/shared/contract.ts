import { z } from 'zod';
import { CLASSIFICATION } from './classification';
import type { Result } from './errors';

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

export const registerStatus = z.discriminatedUnion('state', [
  z.object({ state: z.literal('closed') }),
  z.object({
    state: z.literal('unlocked'),
    folder: z.string(),
    userName: z.string(),
    administrator: z.boolean(),
    failedAttemptsSinceLastUnlock: z.number().int().nonnegative(),
  }),
]);
export type RegisterStatus = z.infer<typeof registerStatus>;

export const userSummary = z.object({ userName: z.string(), administrator: z.boolean() });
export type UserSummary = z.infer<typeof userSummary>;

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
  'register.users': { input: none, output: z.array(userSummary) },
  'register.addUser': {
    input: z.object({ userName, passphrase, confirmPassphrase: passphrase, administrator: z.boolean() }).strict(),
    output: z.array(userSummary),
  },
  'register.removeUser': { input: z.object({ userName }).strict(), output: z.array(userSummary) },
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
