import { z } from 'zod';

// A capability's part of the IPC contract: channel name -> zod input and output. Each
// capability writes one slice here; src/shared/contract.ts composes them.

export type ChannelSpec = { input: z.ZodType; output: z.ZodType };
export type ContractSlice = Record<string, ChannelSpec>;

/** The functions a capability's service slice must provide, one per channel, receiving the parsed input. */
export type SliceService<S extends ContractSlice> = {
  [C in keyof S]: (input: z.output<S[C]['input']>) => Promise<z.output<S[C]['output']>> | z.output<S[C]['output']>;
};

export const none = z.object({}).strict();
export const done = z.object({ done: z.literal(true) });
