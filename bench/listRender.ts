// Usage: node --import tsx bench/listRender.ts <register folder> <user> <passphrase>
// Times the subject list of the whole register (10k subjects at the 100k scale) rendering
// in Debian's Chromium: the built renderer, window.mappa bridged to the real service.
// Prints one JSON line: { subject_list_render_p50_ms, subject_list_subjects }.
import { existsSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { createApi } from '../src/main/api';
import { aFakeHost } from '../tests/support/fakeHost';
import { bridgePage, CHROMIUM_LAUNCH, RENDERER_DIR, serveRenderer } from '../tests/support/rendererServer';

async function main(): Promise<void> {
  const [folder, userName, passphrase] = process.argv.slice(2);
  if (!folder || !userName || !passphrase) throw new Error('Usage: listRender.ts <folder> <user> <passphrase>');
  if (!existsSync(CHROMIUM_LAUNCH.executablePath) || !existsSync(path.join(RENDERER_DIR, 'index.html'))) {
    process.stdout.write(`${JSON.stringify({ subject_list_render_p50_ms: -1, subject_list_subjects: 0, skipped: 'needs /usr/bin/chromium and npm run build' })}\n`);
    return;
  }
  const host = aFakeHost(mkdtempSync(path.join(os.tmpdir(), 'mappa-bench-settings-')));
  const { service, session } = createApi({ version: 'bench', host, idleCheckMs: 0 });
  host.picksFolder(folder);
  await service['register.chooseFolder']({ purpose: 'open' });
  await service['register.unlock']({ folder, userName, passphrase });
  const total = (await service['subjects.search']({ query: '', ownerAgency: null, category: null, level: null, reviewDue: false, kind: null, includeItemText: true, limit: 1, offset: 0 })).total;

  const { server, url } = await serveRenderer();
  const browser = await chromium.launch(CHROMIUM_LAUNCH);
  const times: number[] = [];
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await bridgePage(page, service, url);
    await page.goto(`${url}/index.html`);
    const nav = page.getByRole('navigation', { name: 'Register sections' });
    await nav.getByRole('link', { name: 'Home' }).waitFor();
    const expected = `${total.toLocaleString('en-GB')} subjects`;
    for (let run = 0; run < 7; run += 1) {
      await nav.getByRole('link', { name: 'Home' }).click();
      await page.getByRole('button', { name: 'Find a subject' }).waitFor();
      const started = performance.now();
      await nav.getByRole('link', { name: 'Subjects' }).click();
      await page.getByRole('status').filter({ hasText: expected }).waitFor();
      await page.getByRole('list', { name: 'Subjects found' }).getByRole('listitem').first().waitFor();
      times.push(performance.now() - started);
    }
  } finally {
    await browser.close();
    server.close();
    session.lock();
  }
  // The first run warms caches; the median of the rest is the figure.
  const sorted = times.slice(1).sort((a, b) => a - b);
  const p50 = sorted[Math.floor(sorted.length / 2)] ?? -1;
  process.stdout.write(`${JSON.stringify({ subject_list_render_p50_ms: Math.round(p50), subject_list_subjects: total })}\n`);
}

void main();
