import { z } from 'zod';
import { CLASSIFICATION } from './classification';

// The whole IPC surface as data. Each channel is "<area>.<action>" with a zod schema
// for its input and its output. The preload builds `window.mappa` from this table, the
// shell binds `api.ts` to it, and the UI test bridge does the same: adding a channel is
// one entry here and one function in `src/main/api.ts`.

const none = z.object({}).strict();

export const contract = {
  'app.info': {
    input: none,
    output: z.object({
      name: z.string(),
      version: z.string(),
      classification: z.literal(CLASSIFICATION),
    }),
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

/** `window.mappa`: one async function per channel, grouped by area (`mappa.app.info({})`). */
export type MappaClient = {
  [A in AreaOf<Channel>]: {
    [M in ActionOf<Channel, A>]: `${A}.${M}` extends infer C extends Channel
      ? (input: ChannelInput<C>) => Promise<ChannelOutput<C>>
      : never;
  };
};

/** The service: one function per channel, receiving the parsed input. */
export type Service = {
  [C in Channel]: (input: ParsedInput<C>) => Promise<ChannelOutput<C>> | ChannelOutput<C>;
};
