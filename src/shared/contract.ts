import type { z } from 'zod';
import type { Result } from './errors';
import type { SliceService } from './channels/slice';
import { accessContract } from './channels/access';
import { auditContract } from './channels/audit';
import { registerContract } from './channels/register';
import { sharingContract } from './channels/sharing';
import { meetingsContract } from './channels/meetings';
import { meetingPacksContract } from './channels/meetingPacks';
import { disclosureContract } from './channels/disclosure';
import { sarContract } from './channels/sar';

// The whole IPC surface as data, composed from one slice per capability
// (src/shared/channels/<capability>.ts: channel "<area>.<action>" -> zod input and
// output). The preload builds `window.mappa` from it, the shell binds the service to it,
// and the UI test bridge does the same. Adding a capability is its slice, one line here
// and one line in src/main/api.ts.

export const contract = {
  ...accessContract,
  ...registerContract,
  ...auditContract,
  ...sharingContract,
  ...meetingsContract,
  ...meetingPacksContract,
  ...disclosureContract,
  ...sarContract,
} as const;

export type { RegisterStatus, UserRow, AccessSettings } from './channels/access';
export { registerStatus, userRow } from './channels/access';
export type { AuditFilterInput, AuditEntryView, AlertView, AssociationDeclarationInput } from './channels/audit';
export { auditFilter } from './channels/audit';
export type { ReviewIntervals } from './channels/register';

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
export type Service = SliceService<Contract>;
