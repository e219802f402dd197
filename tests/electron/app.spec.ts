import path from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import { findElectronBinary } from './electron-binary';

const binary = findElectronBinary();
const appRoot = path.resolve(__dirname, '../..');

test('the built app opens one hardened window showing the OFFICIAL-SENSITIVE banner', async () => {
  test.skip(binary.path === null, binary.path === null ? binary.reason : '');
  const app = await electron.launch({
    executablePath: binary.path!,
    args: [appRoot, ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
  });
  try {
    const page = await app.firstWindow();
    await expect(page.getByRole('note', { name: 'Classification', exact: true })).toHaveText('OFFICIAL-SENSITIVE');
    expect(page.url()).toBe('app://mappa/index.html');
    const globals = await page.evaluate(() => ({
      require: typeof (window as unknown as { require?: unknown }).require,
      process: typeof (window as unknown as { process?: unknown }).process,
    }));
    expect(globals).toEqual({ require: 'undefined', process: 'undefined' });
    const info = await page.evaluate(() => (window as unknown as { mappa: { app: { info: (i: object) => Promise<unknown> } } }).mappa.app.info({}));
    expect(info).toMatchObject({ name: 'MAPPA Register', classification: 'OFFICIAL-SENSITIVE' });
    // No new windows: window.open is denied by the shell.
    await page.evaluate(() => window.open('https://example.org/'));
    expect(app.windows()).toHaveLength(1);
  } finally {
    await app.close();
  }
});
