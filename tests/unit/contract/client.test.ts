import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../src/main/dispatch';
import { createClient } from '../../../src/preload/client';
import { channels } from '../../../src/shared/contract';
import { MappaError, unwrap } from '../../../src/shared/errors';
import { anApi } from '../../support/fakeHost';

describe('the client the preload exposes', () => {
  it('has one function per contract channel, grouped by area, and nothing else', () => {
    const client = createClient(async () => ({ ok: true, value: null }));
    const names = Object.entries(client).flatMap(([area, fns]) => Object.keys(fns as object).map((fn) => `${area}.${fn}`));
    expect(names.sort()).toEqual([...channels].sort());
    expect(Object.isFrozen(client)).toBe(true);
  });

  it('round-trips a call through dispatch to the real service', async () => {
    const api = anApi().service;
    const client = createClient((channel, input) => dispatch(api, channel, input));
    await expect(client.app.info({})).resolves.toEqual({
      ok: true,
      value: { name: 'MAPPA Register', version: '0.0.0-test', classification: 'OFFICIAL-SENSITIVE' },
    });
  });

  it('passes an error reply on as data, which unwrap turns into a MappaError with the code, sentence and field', async () => {
    const client = createClient(async () => ({ ok: false, error: { code: 'too_short', message: 'Choose a passphrase of at least 12 characters.', field: 'passphrase' } }));
    const reply = await client.app.info({});
    // Plain data: survives contextBridge's structured clone with every property.
    expect(structuredClone(reply)).toEqual(reply);
    const error = (() => {
      try {
        return unwrap(reply);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(MappaError);
    expect(error).toMatchObject({ code: 'too_short', message: 'Choose a passphrase of at least 12 characters.', field: 'passphrase' });
  });

  it('refuses a reply that does not match the contract', async () => {
    const client = createClient(async () => ({ ok: true, value: { name: 3 } }));
    await expect(client.app.info({})).resolves.toMatchObject({ ok: false, error: { code: 'bad_reply' } });
  });
});
