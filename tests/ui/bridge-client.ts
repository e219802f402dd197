// Runs in the page, in place of the preload: the same client factory, with each call
// routed through Playwright's binding to the real api.ts in the test process.
import { createClient } from '../../src/preload/client';
import type { Channel } from '../../src/shared/contract';

declare global {
  interface Window {
    __mappaInvoke: (channel: Channel, input: unknown) => Promise<unknown>;
  }
}

const mappa = createClient((channel, input) => window.__mappaInvoke(channel, input));
Object.defineProperty(window, 'mappa', { value: mappa, writable: false, configurable: false, enumerable: false });

// Every CSP violation is recorded so a test can fail on it.
const violations: string[] = [];
Object.defineProperty(window, '__cspViolations', { value: violations });
document.addEventListener('securitypolicyviolation', (event) => {
  violations.push(`${event.violatedDirective}: ${event.blockedURI}`);
});
