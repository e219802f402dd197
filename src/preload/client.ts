import { z } from 'zod';
import { contract, channels, type Channel, type MappaClient } from '../shared/contract';
import { resultSchema, type Result } from '../shared/errors';

// The page's CSP forbids eval: zod must not even probe for it (the probe alone is
// reported as a violation), so it parses without its compiled fast path here.
z.config({ jitless: true });

/** Sends one call to the main process and resolves with its raw reply. */
export type Invoke = (channel: Channel, input: unknown) => Promise<unknown>;

// The client the preload exposes as `window.mappa`, and the UI tests install through
// their bridge: one function per contract channel. A reply is an envelope
// `{ ok, value | error }`, checked against the contract; it is passed on as data (plain
// objects survive contextBridge intact, an Error's code and field would not).

const BAD_REPLY: Result<never> = {
  ok: false,
  error: { code: 'bad_reply', message: 'The register sent a reply this screen did not expect. Nothing was changed by this screen.' },
};
export function createClient(invoke: Invoke): MappaClient {
  const client: Record<string, Record<string, (input: unknown) => Promise<unknown>>> = {};
  for (const channel of channels) {
    const [area, action] = channel.split('.') as [string, string];
    const envelope = resultSchema(contract[channel].output);
    const call = async (input: unknown): Promise<unknown> => {
      const reply = envelope.safeParse(await invoke(channel, input ?? {}));
      return reply.success ? reply.data : BAD_REPLY;
    };
    (client[area] ??= {})[action] = call;
  }
  return Object.freeze(
    Object.fromEntries(Object.entries(client).map(([area, fns]) => [area, Object.freeze(fns)])),
  ) as unknown as MappaClient;
}
