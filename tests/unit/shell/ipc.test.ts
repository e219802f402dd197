import { describe, expect, it, vi } from 'vitest';
import { bindService, handleCall } from '../../../src/main/shell/ipc';
import { APP_ORIGIN } from '../../../src/main/shell/security';
import { channels, IPC_PREFIX, type Service } from '../../../src/shared/contract';
import { anApi } from '../../support/fakeHost';

const trusted = [APP_ORIGIN];
const topFrame = (url: string) => ({ senderFrame: { url, parent: null } }) as never;

function spyService(): { service: Service; calls: unknown[] } {
  const calls: unknown[] = [];
  const real = anApi().service;
  const service = Object.fromEntries(
    Object.entries(real).map(([name, fn]) => [
      name,
      (input: unknown) => {
        calls.push([name, input]);
        return (fn as (i: unknown) => unknown)(input);
      },
    ]),
  ) as Service;
  return { service, calls };
}

describe('binding the service to IPC', () => {
  it('binds exactly one handler per contract channel, under the app prefix', () => {
    const handle = vi.fn();
    bindService({ handle }, anApi().service, trusted);
    expect(handle.mock.calls.map((c) => c[0]).sort()).toEqual(channels.map((c) => IPC_PREFIX + c).sort());
  });

  it('answers a call from the app window', async () => {
    const { service, calls } = spyService();
    const reply = await handleCall(service, trusted, topFrame('app://mappa/index.html'), 'app.info', {});
    expect(reply).toEqual({ ok: true, value: { name: 'MAPPA Register', version: '0.0.0-test', classification: 'OFFICIAL-SENSITIVE' } });
    expect(calls).toHaveLength(1);
  });

  it.each([
    ['another origin', { senderFrame: { url: 'https://attacker.example/', parent: null } }],
    ['a file:// page', { senderFrame: { url: 'file:///tmp/x.html', parent: null } }],
    ['a subframe of the app', { senderFrame: { url: 'app://mappa/index.html', parent: {} } }],
    ['a destroyed frame', { senderFrame: null }],
  ])('refuses a call from %s before any handler runs', async (_name, event) => {
    const { service, calls } = spyService();
    const reply = await handleCall(service, trusted, event as never, 'app.info', {});
    expect(reply).toEqual({
      ok: false,
      error: { code: 'untrusted_sender', message: 'This request did not come from the MAPPA Register window and was refused.' },
    });
    expect(calls).toHaveLength(0);
  });
});
