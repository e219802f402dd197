import path from 'node:path';
import { channels } from '../../src/shared/contract';
import { test, expect, expectNoAxeViolations } from './harness';

test('every screen carries the OFFICIAL-SENSITIVE marking and the app version from the real service', async ({ page, app }) => {
  await app.open();
  await expect(page.getByRole('note', { name: 'Classification', exact: true })).toHaveText('OFFICIAL-SENSITIVE');
  await expect(page.getByRole('note', { name: 'Classification (footer)' })).toHaveText('OFFICIAL-SENSITIVE');
  await expect(page.getByRole('heading', { level: 1, name: 'Open a register' })).toBeVisible();
  // The version shown comes through window.mappa -> dispatch -> api.ts.
  await expect(page.getByRole('contentinfo')).toContainText('MAPPA Register version 0.0.0-test');
  await expectNoAxeViolations(page);
  await page.screenshot({ path: path.resolve(__dirname, '../../.tmp/screens/foundation.png'), fullPage: true });
});

test('a keyboard user can skip straight to the main content', async ({ page, app }) => {
  await app.open();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to main content' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('#main-content')).toBeFocused();
});

test('the page has no Node or Electron API and cannot call a channel that is not in the contract', async ({ page, app }) => {
  await app.open();
  const globals = await page.evaluate(() => ({
    require: typeof (window as unknown as { require?: unknown }).require,
    process: typeof (window as unknown as { process?: unknown }).process,
    mappaAreas: Object.keys((window as unknown as { mappa: object }).mappa),
  }));
  const areas = [...new Set(channels.map((c) => c.split('.')[0]))];
  expect(globals).toEqual({ require: 'undefined', process: 'undefined', mappaAreas: areas });
  const reply = await page.evaluate(() =>
    (window as unknown as { __mappaInvoke: (c: string, i: unknown) => Promise<unknown> }).__mappaInvoke('vault.deleteEverything', {}),
  );
  expect(reply).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
});
