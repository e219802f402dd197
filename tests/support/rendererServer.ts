import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { buildSync } from 'esbuild';
import type { Page } from 'playwright-core';
import { dispatch } from '../../src/main/dispatch';
import { createRendererHandler } from '../../src/main/shell/protocol';
import type { Service } from '../../src/shared/contract';

// The built renderer served over loopback exactly as the app's protocol handler serves
// it (CSP included), and window.mappa installed in the page by the preload's own client
// factory, each call bridged to the real service in this process. Used by the UI tests
// and the list-rendering benchmark.

const root = path.resolve(__dirname, '../..');
export const RENDERER_DIR = path.join(root, 'out/renderer');

let bridgeScript: string | undefined;
export function bridgeScriptSource(): string {
  bridgeScript ??= buildSync({
    entryPoints: [path.join(root, 'tests/ui/bridge-client.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    write: false,
  }).outputFiles[0]!.text;
  return bridgeScript;
}

export async function serveRenderer(): Promise<{ server: Server; url: string }> {
  const handle = createRendererHandler(RENDERER_DIR);
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

/** Installs window.mappa in the page, bridged to `service`; only the app's own top frame may call it. */
export async function bridgePage(page: Page, service: Service, appUrl: string): Promise<void> {
  await page.exposeBinding('__mappaInvoke', async (source, channel: unknown, input: unknown) => {
    if (source.frame !== source.page.mainFrame() || !source.frame.url().startsWith(appUrl)) {
      return { ok: false, error: { code: 'untrusted_sender', message: 'Refused.' } };
    }
    return dispatch(service, channel, input);
  });
  await page.addInitScript({ content: bridgeScriptSource() });
}

/** Debian's Chromium, never a Playwright download. */
export const CHROMIUM_LAUNCH = {
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
};
