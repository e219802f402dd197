import { describe, expect, it } from 'vitest';
import { createApi } from '../../../src/main/api';
import { dispatch } from '../../../src/main/dispatch';
import { createClient } from '../../../src/preload/client';
import { channels } from '../../../src/shared/contract';
import { MappaError } from '../../../src/shared/errors';

describe('the client the preload exposes', () => {
  it('has one function per contract channel, grouped by area, and nothing else', () => {
    const client = createClient(async () => ({ ok: true, value: null }));
    const names = Object.entries(client).flatMap(([area, fns]) => Object.keys(fns as object).map((fn) => `${area}.${fn}`));
    expect(names.sort()).toEqual([...channels].sort());
    expect(Object.isFrozen(client)).toBe(true);
  });

  it('round-trips a call through dispatch to the real service', async () => {
    const api = createApi({ version: '3.1.4' });
    const client = createClient((channel, input) => dispatch(api, channel, input));
    await expect(client.app.info({})).resolves.toEqual({ name: 'MAPPA Register', version: '3.1.4', classification: 'OFFICIAL-SENSITIVE' });
  });

  it('turns an error reply into a MappaError with the code, sentence and field', async () => {
    const client = createClient(async () => ({ ok: false, error: { code: 'too_short', message: 'Choose a passphrase of at least 12 characters.', field: 'passphrase' } }));
    const error = await client.app.info({}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MappaError);
    expect(error).toMatchObject({ code: 'too_short', message: 'Choose a passphrase of at least 12 characters.', field: 'passphrase' });
  });

  it('refuses a reply that does not match the contract', async () => {
    const client = createClient(async () => ({ ok: true, value: { name: 3 } }));
    await expect(client.app.info({})).rejects.toMatchObject({ code: 'bad_reply' });
  });
});
