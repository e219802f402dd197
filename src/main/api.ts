import type { Service } from '../shared/contract';
import { accessService } from './access/service';
import { createRegisterSession, type RegisterSession, type SessionOptions } from './access/registerSession';
import { auditService } from './audit/service';
import { registerService } from './register/service';
import { sharingService } from './sharing/service';
import { meetingsService } from './meetings/service';
import { meetingPacksService } from './meetings/packService';
import { disclosureService } from './disclosure/service';
import { sarService } from './sar/service';

// The service: one function per contract channel, composed from one slice per
// capability and nothing else. Electron's IPC binding and the UI test bridge both call
// exactly this object, after the dispatcher has parsed the input. Adding a capability is
// its folder, its contract slice, and one line here.

export interface ApiOptions extends SessionOptions {
  /** The app's version, as the shell reads it from Electron (or the tests from package.json). */
  version: string;
}

export interface Api {
  service: Service;
  /** For the shell's lifecycle (lock on quit, suspend, screen lock). */
  session: RegisterSession;
}

/** Calls that are not the person doing something: they do not hold off the auto-lock. */
const NOT_ACTIVITY = new Set<string>(['register.status', 'register.progress', 'app.info']);

export function createApi(options: ApiOptions): Api {
  const session = createRegisterSession(options);
  const deps = { session, host: options.host, version: options.version };
  const service: Service = {
    ...accessService(deps),
    ...registerService(deps),
    ...auditService(deps),
    ...sharingService(deps),
    ...meetingsService(deps),
    ...meetingPacksService(deps),
    ...disclosureService(deps),
    ...sarService(deps),
  };

  // Every call the person makes counts as activity for the auto-lock.
  for (const name of Object.keys(service) as (keyof Service)[]) {
    if (NOT_ACTIVITY.has(name)) continue;
    const inner = service[name] as (input: unknown) => unknown;
    (service as Record<string, (input: unknown) => unknown>)[name] = (input: unknown) => {
      session.touch();
      return inner(input);
    };
  }
  return { service, session };
}
