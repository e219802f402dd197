import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FolderPurpose, Host } from '../../src/main/host';
import { createApi, type Api } from '../../src/main/api';
import { TEST_KDF } from './kdf';

/**
 * Stands in for the operating system's file dialogs: each test says what the person
 * picks next. A dialog opened with nothing queued is "cancelled".
 */
export interface FakeHost extends Host {
  picksFolder(folder: string): void;
  picksFile(file: string): void;
  /** Forgets what the person was going to pick (a refused act opened no dialog to take it). */
  forgetPicks(): void;
  /** What each dialog was opened for, in order. */
  opened: string[];
}

export function aFakeHost(settingsDir = mkdtempSync(path.join(os.tmpdir(), 'mappa-settings-'))): FakeHost {
  const folders: string[] = [];
  const files: string[] = [];
  const opened: string[] = [];
  return {
    settingsDir,
    opened,
    picksFolder: (folder) => folders.push(folder),
    picksFile: (file) => files.push(file),
    forgetPicks: () => {
      folders.length = 0;
      files.length = 0;
    },
    dialogs: {
      chooseFolder: async (purpose: FolderPurpose) => {
        opened.push(`folder:${purpose}`);
        return folders.shift() ?? null;
      },
      chooseBackupFile: async (mode: 'save' | 'open') => {
        opened.push(`file:${mode}`);
        return files.shift() ?? null;
      },
      chooseExportFile: async (format: 'csv' | 'pdf') => {
        opened.push(`export:${format}`);
        return files.shift() ?? null;
      },
      chooseExchangeFile: async (mode: 'save' | 'open', kind: 'exchange' | 'key') => {
        opened.push(`${kind}:${mode}`);
        return files.shift() ?? null;
      },
    },
  };
}

export function anApi(host: FakeHost = aFakeHost()): Api & { host: FakeHost } {
  return anApiWith({}, host);
}

/** An api with a test clock or other session options. */
export function anApiWith(options: { clock?: () => Date; idleCheckMs?: number }, host: FakeHost = aFakeHost()): Api & { host: FakeHost } {
  return { ...createApi({ version: '0.0.0-test', host, kdf: TEST_KDF, idleCheckMs: 0, ...options }), host };
}
