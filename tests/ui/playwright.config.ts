import path from 'node:path';
import { defineConfig } from '@playwright/test';

const results = path.resolve(__dirname, '../../.tmp/results');

export default defineConfig({
  testDir: __dirname,
  testMatch: /.*\.spec\.ts$/,
  timeout: 60_000,
  fullyParallel: true,
  workers: 2,
  reporter: [['list'], ['json', { outputFile: path.join(results, 'ui.json') }]],
  outputDir: path.resolve(__dirname, '../../.tmp/ui-artifacts'),
  use: {
    browserName: 'chromium',
    // Debian's Chromium: Playwright's own browser download is never used.
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
    locale: 'en-GB',
    timezoneId: 'Europe/London',
    screenshot: 'only-on-failure',
    trace: 'off',
  },
});
