import type { Service } from '../shared/contract';
import { CLASSIFICATION, PRODUCT_NAME } from '../shared/classification';

export interface ApiOptions {
  /** The app's version, as the shell reads it from Electron (or the tests from package.json). */
  version: string;
}

// The service: one function per contract channel. Electron's IPC binding and the UI
// test bridge both call exactly this object, after the dispatcher has parsed the input.
export function createApi(options: ApiOptions): Service {
  return {
    'app.info': () => ({ name: PRODUCT_NAME, version: options.version, classification: CLASSIFICATION }),
  };
}
