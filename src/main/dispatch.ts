import { contract, isChannel, type Service } from '../shared/contract';
import { inputError, MappaError, type Result } from '../shared/errors';

// One call from the page, whichever way it arrived (Electron IPC in the app, the
// Playwright bridge in UI tests): the channel must exist, the input must parse against
// the contract (rejected input reaches no handler), the handler's domain errors become
// readable error envelopes, and the output is parsed too so no field the contract does
// not name can leave the main process.

export async function dispatch(service: Service, channel: unknown, rawInput: unknown): Promise<Result<unknown>> {
  if (!isChannel(channel)) {
    return fail(new MappaError('unknown_channel', 'The screen asked for something the register does not offer.'));
  }
  const parsed = contract[channel].input.safeParse(rawInput);
  if (!parsed.success) {
    return fail(inputError(`the request to ${channel}`, parsed.error));
  }
  try {
    const handler = service[channel] as (input: unknown) => unknown;
    const value = await handler(parsed.data);
    const output = contract[channel].output.safeParse(value);
    if (!output.success) {
      return fail(new MappaError('internal', 'Something went wrong inside the register. Nothing more was changed.'));
    }
    return { ok: true, value: output.data };
  } catch (error) {
    if (error instanceof MappaError) return fail(error);
    // Deliberately no message or stack from an unexpected error: it may hold record data.
    return fail(new MappaError('internal', 'Something went wrong inside the register. Nothing more was changed.'));
  }
}

function fail(error: MappaError): Result<unknown> {
  return { ok: false, error: error.toData() };
}
