import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';
import type { Service } from '../../src/shared/contract';
import { anApiWith, type FakeHost } from '../support/fakeHost';
import { bridgePage, serveRenderer } from '../support/rendererServer';

export interface AppFixture {
  /** Loads the app's page with window.mappa bridged to a fresh service. */
  open(): Promise<void>;
  /** A scratch folder for this test's registers and backups. */
  dataDir: string;
  service: Service;
  /** The operating system's dialogs: say what the person picks next. */
  host: FakeHost;
  /** The service's clock: the real time, moved on by `advance` instead of sleeping. */
  clock: SteppingClock;
}

export interface SteppingClock {
  (): Date;
  advance(ms: number): void;
}

/** Real time (the screens' own timers still run), plus however far the test has moved it on. */
function steppingClock(): SteppingClock {
  let ahead = 0;
  const clock = (() => new Date(Date.now() + ahead)) as SteppingClock;
  clock.advance = (ms) => {
    ahead += ms;
  };
  return clock;
}

export const test = base.extend<{ app: AppFixture }>({
  app: async ({ page }, use) => {
    const { server, url } = await serveRenderer();
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'mappa-ui-'));
    const clock = steppingClock();
    const { service, host, session } = anApiWith({ clock });
    // The same rule as the shell: only the app's own top frame may call the service.
    await bridgePage(page, service, url);
    await use({
      open: async () => {
        await page.goto(`${url}/index.html`);
      },
      dataDir,
      service,
      host,
      clock,
    });
    session.lock();
    const violations = await page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? []).catch(() => []);
    expect(violations, 'Content-Security-Policy violations').toEqual([]);
    server.close();
    rmSync(dataDir, { recursive: true, force: true });
  },
});

/** Fails on any accessibility violation axe-core finds on the current screen. */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  expect(summary, 'axe-core violations').toEqual([]);
}

export { expect };

/** The pictures in docs/screenshots (`<name>.png`), taken again when MAPPA_SCREENSHOTS=1: an ordinary run leaves them alone. */
export async function screenshot(page: Page, name: string): Promise<void> {
  if (process.env.MAPPA_SCREENSHOTS !== '1') return;
  const shots = path.resolve(__dirname, '../../docs/screenshots');
  mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: true });
}
