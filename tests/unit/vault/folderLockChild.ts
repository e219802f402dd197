// Child process for folderLock.test.ts: tries to open the register in argv[2], prints the outcome.
import * as fs from 'node:fs';
import { openRegister } from '../../../src/main/vault';
import { ADMIN, ADMIN_PASS } from '../../support/vaultFixture';

openRegister({ folder: process.argv[2] ?? '', userName: ADMIN, passphrase: ADMIN_PASS }).then(
  ({ vault }) => {
    vault.lock();
    fs.writeSync(1, 'opened\n');
  },
  (e: unknown) => {
    fs.writeSync(1, `${(e as { code?: string }).code ?? 'unknown'}\n`);
  },
);
