import type { Service } from '../shared/contract';
import { CLASSIFICATION, PRODUCT_NAME } from '../shared/classification';
import { createRegisterSession, type RegisterSession, type SessionOptions } from './access/registerSession';

export interface ApiOptions extends SessionOptions {
  /** The app's version, as the shell reads it from Electron (or the tests from package.json). */
  version: string;
}

export interface Api {
  service: Service;
  /** For the shell's lifecycle (lock on quit, suspend, screen lock). */
  session: RegisterSession;
}

// The service: one function per contract channel. Electron's IPC binding and the UI
// test bridge both call exactly this object, after the dispatcher has parsed the input.
export function createApi(options: ApiOptions): Api {
  const session = createRegisterSession(options);
  const service: Service = {
    'app.info': () => ({ name: PRODUCT_NAME, version: options.version, classification: CLASSIFICATION }),
    'register.status': () => session.status(),
    'register.recent': () => session.recent(),
    'register.chooseFolder': ({ purpose }) => session.chooseFolder(purpose),
    'register.create': (input) => session.create(input),
    'register.unlock': (input) => session.unlock(input),
    'register.lock': () => session.lock(),
    'register.changePassphrase': async (input) => {
      await session.changePassphrase(input);
      return { done: true as const };
    },
    'register.users': () => session.users(),
    'register.addUser': (input) => session.addUser(input),
    'register.removeUser': ({ userName }) => session.removeUser(userName),
    'register.chooseBackupFile': ({ mode }) => session.chooseBackupFile(mode),
    'register.backup': ({ file }) => session.backup(file),
    'register.restore': (input) => session.restore(input),
    'register.progress': () => session.progress(),
  };
  return { service, session };
}
