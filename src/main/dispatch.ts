import type { z } from 'zod';
import { contract, isChannel, type Channel, type Service } from '../shared/contract';
import { MappaError, type Result } from '../shared/errors';

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
    return fail(inputError(channel, parsed.error));
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

/** The first problem in the input, as a sentence naming the field. */
export function inputError(channel: Channel, error: z.ZodError): MappaError {
  const issue = error.issues[0];
  if (!issue) return new MappaError('invalid_input', `The request to ${channel} was not understood.`);
  const path = issue.path.map(String);
  const field = path.length > 0 ? path.join('.') : undefined;
  const reason = issue.message.replace(/\.$/, '');
  const sentence = field
    ? `The field “${field}” is not valid: ${reason}.`
    : `The request to ${channel} is not valid: ${reason}.`;
  return new MappaError('invalid_input', sentence, field);
}
