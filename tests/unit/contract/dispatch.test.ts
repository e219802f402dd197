import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../src/main/dispatch';
import type { Service } from '../../../src/shared/contract';
import { MappaError } from '../../../src/shared/errors';
import { anApi } from '../../support/fakeHost';

const api = anApi().service;

function withHandler(handler: () => unknown): Service {
  return { ...api, 'app.info': handler as Service['app.info'] };
}

describe('dispatching a call', () => {
  it('returns the handler output for valid input', async () => {
    expect(await dispatch(api, 'app.info', {})).toEqual({
      ok: true,
      value: { name: 'MAPPA Register', version: '0.0.0-test', classification: 'OFFICIAL-SENSITIVE' },
    });
  });

  it('refuses a channel the contract does not name', async () => {
    expect(await dispatch(api, 'vault.exportEverything', {})).toEqual({
      ok: false,
      error: { code: 'unknown_channel', message: 'The screen asked for something the register does not offer.' },
    });
    expect(await dispatch(api, 'constructor', {})).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
    expect(await dispatch(api, 42, {})).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
  });

  it('refuses input that does not match the schema, naming the field, and never calls the handler', async () => {
    let called = false;
    const service = withHandler(() => {
      called = true;
      return {};
    });
    const reply = await dispatch(service, 'app.info', { extra: 'x' });
    expect(reply.ok).toBe(false);
    if (!reply.ok) {
      expect(reply.error.code).toBe('invalid_input');
      expect(reply.error.message).toMatch(/^The request to app\.info is not valid: .*extra/);
    }
    expect(await dispatch(service, 'app.info', 'not an object')).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await dispatch(service, 'app.info', undefined)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(called).toBe(false);
  });

  it('passes a domain error through with its code, sentence and field', async () => {
    const service = withHandler(() => {
      throw new MappaError('wrong_passphrase', 'That passphrase does not open this register.', 'passphrase');
    });
    expect(await dispatch(service, 'app.info', {})).toEqual({
      ok: false,
      error: { code: 'wrong_passphrase', message: 'That passphrase does not open this register.', field: 'passphrase' },
    });
  });

  it('never lets an unexpected error message (which may hold record data) reach the page', async () => {
    const service = withHandler(() => {
      throw new Error('SQLITE: constraint failed on subject "John Marker Smith"');
    });
    const reply = await dispatch(service, 'app.info', {});
    expect(reply).toEqual({ ok: false, error: { code: 'internal', message: 'Something went wrong inside the register. Nothing more was changed.' } });
    expect(JSON.stringify(reply)).not.toContain('Marker');
  });

  it('drops any field the contract does not name from the output', async () => {
    const service = withHandler(() => ({ name: 'MAPPA Register', version: '1', classification: 'OFFICIAL-SENSITIVE', dataKey: 'secret' }));
    const reply = await dispatch(service, 'app.info', {});
    expect(reply).toEqual({ ok: true, value: { name: 'MAPPA Register', version: '1', classification: 'OFFICIAL-SENSITIVE' } });
  });

  it('refuses to send an output that breaks the contract', async () => {
    const service = withHandler(() => ({ name: 'MAPPA Register', version: 1, classification: 'OFFICIAL' }));
    expect(await dispatch(service, 'app.info', {})).toMatchObject({ ok: false, error: { code: 'internal' } });
  });
});
