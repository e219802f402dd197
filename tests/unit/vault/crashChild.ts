// Child process for crash.test.ts: opens the register in argv[2] and commits in a loop,
// printing "ack <n>" after commit n has returned (i.e. is durable). It is killed with
// SIGKILL at random moments by the parent. Snapshots are frequent (low threshold). What it
// writes comes from the seed in argv[3], so a run can be replayed.
import * as fs from 'node:fs';
import { openRegister } from '../../../src/main/vault';
import { Prng } from '../../../src/main/register/demo/prng';
import { ADMIN, ADMIN_PASS } from '../../support/vaultFixture';

const random = new Prng(process.argv[3] ?? 'crash child');

function someBytes(length: number): Buffer {
  const out = Buffer.alloc(length);
  for (let i = 0; i < length; i++) out[i] = random.int(0, 255);
  return out;
}

function say(line: string): void {
  fs.writeSync(1, `${line}\n`); // synchronous: the parent sees it before we go on
}

async function main(): Promise<void> {
  const folder = process.argv[2] ?? '';
  const { vault } = await openRegister({
    folder,
    userName: ADMIN,
    passphrase: ADMIN_PASS,
    snapshotThreshold: { bytes: 64 * 1024, records: 25 },
  });
  const row = vault.reader.get<{ c: number; m: number | null }>('SELECT COUNT(*) AS c, MAX(CAST(key AS INTEGER)) AS m FROM meta');
  const count = row?.c ?? 0;
  const max = row?.m ?? 0;
  say(`open ${count} ${max}`);
  let n = max;
  for (;;) {
    n += 1;
    const key = String(n).padStart(10, '0');
    const value = someBytes(random.int(16, 1515)).toString('base64');
    vault.commit((w) => w.run('INSERT INTO meta (key, value) VALUES (?, ?)', [key, value]));
    say(`ack ${n}`);
    if (n % 97 === 0) {
      vault.lock(); // exercises lock-time snapshots and re-open
      return main();
    }
  }
}

main().catch((e: unknown) => {
  const code = (e as { code?: string }).code ?? 'unknown';
  fs.writeSync(2, `child failed: ${code} ${(e as Error).message}\n`);
  process.exit(3);
});
