import { readFileSync } from 'node:fs';
import path from 'node:path';
import { FuseV1Options } from '@electron/fuses';
import { describe, expect, it } from 'vitest';

const fuses = JSON.parse(readFileSync(path.resolve(__dirname, '../../../resources/builder/fuses.json'), 'utf8')) as Record<string, boolean>;

describe('the packaged binary’s fuses', () => {
  it('decides every fuse Electron has (a new fuse must be decided, not defaulted)', () => {
    const known = Object.keys(FuseV1Options).filter((k) => Number.isNaN(Number(k)));
    expect(Object.keys(fuses).sort()).toEqual(known.sort());
  });

  it('turns off running as Node, NODE_OPTIONS, --inspect and file:// privileges', () => {
    expect(fuses).toMatchObject({
      RunAsNode: false,
      EnableNodeOptionsEnvironmentVariable: false,
      EnableNodeCliInspectArguments: false,
      GrantFileProtocolExtraPrivileges: false,
    });
  });

  it('loads app code only from the integrity-checked asar, with cookies encrypted', () => {
    expect(fuses).toMatchObject({ OnlyLoadAppFromAsar: true, EnableEmbeddedAsarIntegrityValidation: true, EnableCookieEncryption: true });
  });
});
