import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// DESIGN.md's process boundary, checked against the project's own lint config: a file
// in the wrong layer importing the wrong thing must fail `npm run lint`.
const eslint = new ESLint({ cwd: path.resolve(__dirname, '../..') });

async function problems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

async function layerProblems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'mappa/main-layers').map((m) => m.message);
}

const use = (from: string) => `import * as x from '${from}';\nexport const a = x;`;

describe('the layering rule', () => {
  it.each([
    ['src/main/vault/x.ts', "import { app } from 'electron';\nexport const a = app;"],
    ['src/main/register/x.ts', "import { app } from 'electron';\nexport const a = app;"],
    ['src/main/api.ts', "import { dialog } from 'electron';\nexport const a = dialog;"],
    ['src/shared/x.ts', "import { ipcRenderer } from 'electron';\nexport const a = ipcRenderer;"],
    ['src/renderer/src/x.ts', "import { shell } from 'electron';\nexport const a = shell;"],
  ])('refuses electron in %s', async (file, code) => {
    expect(await problems(file, code)).toEqual(["'electron' import is restricted from being used. Only src/main/shell and src/preload may import 'electron'."]);
  });

  it('allows electron in the shell and the preload', async () => {
    expect(await problems('src/main/shell/x.ts', "import { app } from 'electron';\nexport const a = app;")).toEqual([]);
    expect(await problems('src/preload/x.ts', "import { contextBridge } from 'electron';\nexport const a = contextBridge;")).toEqual([]);
  });

  it('keeps src/shared free of Node APIs and of other layers', async () => {
    expect(await problems('src/shared/x.ts', "import fs from 'node:fs';\nexport const a = fs;")).toHaveLength(1);
    expect(await problems('src/shared/x.ts', "import { createApi } from '../main/api';\nexport const a = createApi;")).toHaveLength(1);
  });

  it('keeps the renderer away from src/main', async () => {
    expect(await problems('src/renderer/src/x.ts', "import { createApi } from '../../main/api';\nexport const a = createApi;")).toHaveLength(1);
    expect(await problems('src/renderer/src/x.ts', "import { dispatch } from '../../main/dispatch';\nexport const a = dispatch;")).toHaveLength(1);
  });

  it('keeps capability folders away from the shell', async () => {
    expect(await problems('src/main/vault/x.ts', "import { APP_ORIGIN } from '../shell/security';\nexport const a = APP_ORIGIN;")).toHaveLength(1);
  });
});

describe('the layers inside src/main (allow-list keyed on folder name)', () => {
  it.each([
    ['src/main/vault/x.ts', '../register/items', 'Storage (vault/) knows no capability: it may not import register/.'],
    ['src/main/db/x.ts', '../audit', 'Storage (db/) knows no capability: it may not import audit/.'],
    ['src/main/db/x.ts', '../vault', 'Storage (db/) knows no capability: it may not import vault/.'],
    ['src/main/documents/x.ts', '../access/people', 'Storage (documents/) knows no capability: it may not import access/.'],
    ['src/main/register/x.ts', '../api', "src/main/api.ts is the service composer's; register/ may not import it."],
    ['src/main/audit/x.ts', '../dispatch', "src/main/dispatch.ts is the service composer's; audit/ may not import it."],
    ['src/main/register/x.ts', '../access/service', "A capability may not import another capability's service slice (access/service)."],
    ['src/main/audit/x.ts', '../register/subjects', 'The audit capability may not import the register capability: it may use only access/ and storage.'],
    ['src/main/access/x.ts', '../register/items', 'The access capability may not import the register capability: it may use only audit/ and storage.'],
    ['src/main/register/x.ts', '../sharing/shares', 'The register capability may not import the sharing capability: register/ is under every capability and may use only access/, audit/ and storage.'],
    ['src/main/sharing/x.ts', '../register/service', "A capability may not import another capability's service slice (register/service)."],
    ['src/main/exchange/x.ts', '../register/items', 'The exchange capability may not import the register capability: it may use only access/, audit/ and storage.'],
    ['src/main/exchange/x.ts', '../meetings/packs', 'The exchange capability may not import the meetings capability: exchange/ is under every capability and may use only access/, audit/ and storage.'],
  ])('refuses %s importing %s', async (file, from, message) => {
    expect(await layerProblems(file, use(from))).toEqual([message]);
  });

  it('covers a capability folder the day it is created', async () => {
    expect(await layerProblems('src/main/meetings/x.ts', use('../sharing/shares'))).toEqual([
      'The meetings capability may not import the sharing capability: capabilities use only access/, audit/, register/, exchange/ and storage.',
    ]);
    expect(await layerProblems('src/main/sharing/x.ts', use('../api'))).toHaveLength(1);
    expect(await layerProblems('src/main/vault/x.ts', use('../sharing/exchange'))).toHaveLength(1);
  });

  it('allows what each layer is for', async () => {
    for (const [file, from] of [
      ['src/main/sharing/x.ts', '../access/acting'],
      ['src/main/sharing/x.ts', '../audit'],
      ['src/main/sharing/x.ts', '../db/types'],
      ['src/main/sharing/x.ts', '../vault'],
      ['src/main/sharing/x.ts', '../documents'],
      ['src/main/sharing/x.ts', './rules'],
      // the records every capability acts on, and the association guard around them
      ['src/main/sharing/x.ts', '../register/items'],
      ['src/main/sharing/x.ts', '../register/guard'],
      // office keys and the exchange file, which sharing and meetings both send and receive
      ['src/main/meetings/x.ts', '../exchange/exchangeFile'],
      ['src/main/sharing/x.ts', '../exchange/keys'],
      ['src/main/vault/x.ts', '../db/sqlite'],
      ['src/main/api.ts', './register/service'],
      ['src/main/shell/x.ts', '../api'],
    ]) {
      expect(await layerProblems(file as string, use(from as string)), `${file} -> ${from}`).toEqual([]);
    }
  });
});

describe('no plaintext in crash dumps (promise 1)', () => {
  it('never starts Electron’s crash reporter, so crashpad collects no memory dumps', async () => {
    const { readdirSync, readFileSync, statSync } = await import('node:fs');
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const full = path.join(dir, name);
        if (statSync(full).isDirectory()) walk(full);
        else if (/\.(ts|tsx)$/.test(name)) files.push(full);
      }
    };
    walk(path.resolve(__dirname, '../../src'));
    expect(files.length).toBeGreaterThan(50);
    expect(files.filter((f) => readFileSync(f, 'utf8').includes('crashReporter'))).toEqual([]);
  });
});
