import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { buildSync } from 'esbuild';
import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';
import { dispatch } from '../../src/main/dispatch';
import { createRendererHandler } from '../../src/main/shell/protocol';
import type { Service } from '../../src/shared/contract';
import { anApi, type FakeHost } from '../support/fakeHost';

const root = path.resolve(__dirname, '../..');
const rendererDir = path.join(root, 'out/renderer');

let bridgeScript: string | undefined;
function bridge(): string {
  bridgeScript ??= buildSync({
    entryPoints: [path.join(__dirname, 'bridge-client.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    write: false,
  }).outputFiles[0]!.text;
  return bridgeScript;
}

/** Serves the built renderer exactly as the app's protocol handler does, CSP included. */
async function serveRenderer(): Promise<{ server: Server; url: string }> {
  const handle = createRendererHandler(rendererDir);
  const server = createServer((req, res) => {
    void (async () => {
      const response = await handle(new Request(`app://mappa${req.url ?? '/'}`, { method: req.method ?? 'GET' }));
      res.writeHead(response.status, Object.fromEntries(response.headers.entries()));
      res.end(Buffer.from(await response.arrayBuffer()));
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { server, url: `http://127.0.0.1:${port}` };
}

export interface AppFixture {
  /** Loads the app's page with window.mappa bridged to a fresh service. */
  open(): Promise<void>;
  /** A scratch folder for this test's registers and backups. */
  dataDir: string;
  service: Service;
  /** The operating system's dialogs: say what the person picks next. */
  host: FakeHost;
}

export const test = base.extend<{ app: AppFixture }>({
  app: async ({ page }, use) => {
    const { server, url } = await serveRenderer();
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'mappa-ui-'));
    const { service, host, session } = anApi();
    await page.exposeBinding('__mappaInvoke', async (source, channel: unknown, input: unknown) => {
      // The same rule as the shell: only the app's own top frame may call the service.
      if (source.frame !== source.page.mainFrame() || !source.frame.url().startsWith(url)) {
        return { ok: false, error: { code: 'untrusted_sender', message: 'Refused.' } };
      }
      return dispatch(service, channel, input);
    });
    await page.addInitScript({ content: bridge() });
    await use({
      open: async () => {
        await page.goto(`${url}/index.html`);
      },
      dataDir,
      service,
      host,
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
