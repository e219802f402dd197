import path from 'node:path';
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: __dirname,
  testMatch: /.*\.spec\.ts$/,
  timeout: 60_000,
  workers: 1,
  reporter: [['list'], ['json', { outputFile: path.resolve(__dirname, '../../.tmp/results/electron.json') }]],
  outputDir: path.resolve(__dirname, '../../.tmp/electron-artifacts'),
});
