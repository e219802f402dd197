import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { channels, IPC_PREFIX, type Service } from '../../shared/contract';
import { MappaError, type Result } from '../../shared/errors';
import { dispatch } from '../dispatch';
import { isTrustedUrl } from './security';

type Handle = Pick<IpcMain, 'handle'>;
type SenderEvent = Pick<IpcMainInvokeEvent, 'senderFrame'>;

// Binds every contract channel to the service. The sender's frame URL is checked
// against the app's own origin before anything else: a call from any other frame or
// origin (an injected iframe, a navigated page) reaches no handler.
export function bindService(ipcMain: Handle, service: Service, trustedOrigins: readonly string[]): void {
  for (const channel of channels) {
    ipcMain.handle(IPC_PREFIX + channel, (event: SenderEvent, input: unknown) =>
      handleCall(service, trustedOrigins, event, channel, input),
    );
  }
}

export async function handleCall(
  service: Service,
  trustedOrigins: readonly string[],
  event: SenderEvent,
  channel: string,
  input: unknown,
): Promise<Result<unknown>> {
  if (!isTrustedSender(event, trustedOrigins)) {
    return {
      ok: false,
      error: new MappaError('untrusted_sender', 'This request did not come from the MAPPA Register window and was refused.').toData(),
    };
  }
  return dispatch(service, channel, input);
}

export function isTrustedSender(event: SenderEvent, trustedOrigins: readonly string[]): boolean {
  const frame = event.senderFrame;
  if (!frame) return false;
  // Only the top frame of the app's page: never a subframe, even of our own origin.
  if (frame.parent !== null) return false;
  return isTrustedUrl(frame.url, trustedOrigins);
}
