import { contract, channels, type Channel, type MappaClient } from '../shared/contract';
import { MappaError, resultSchema } from '../shared/errors';

/** Sends one call to the main process and resolves with its raw reply. */
export type Invoke = (channel: Channel, input: unknown) => Promise<unknown>;

// The client the preload exposes as `window.mappa`, and the UI tests install through
// their bridge: one function per contract channel. A reply is an envelope
// `{ ok, value | error }`; an error envelope becomes a thrown MappaError carrying the
// service's code, sentence and field, so screens can show it next to the field.
export function createClient(invoke: Invoke): MappaClient {
  const client: Record<string, Record<string, (input: unknown) => Promise<unknown>>> = {};
  for (const channel of channels) {
    const [area, action] = channel.split('.') as [string, string];
    const envelope = resultSchema(contract[channel].output);
    const call = async (input: unknown): Promise<unknown> => {
      const reply = envelope.safeParse(await invoke(channel, input ?? {}));
      if (!reply.success) {
        throw new MappaError('bad_reply', 'The register sent a reply this screen did not expect. Nothing was changed by this screen.');
      }
      if (!reply.data.ok) {
        const { code, message, field } = reply.data.error;
        throw new MappaError(code, message, field);
      }
      return reply.data.value;
    };
    (client[area] ??= {})[action] = call;
  }
  return Object.freeze(
    Object.fromEntries(Object.entries(client).map(([area, fns]) => [area, Object.freeze(fns)])),
  ) as unknown as MappaClient;
}
