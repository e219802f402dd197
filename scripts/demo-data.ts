// Makes a NEW register filled with synthetic demo data (invented names, places and texts).
//   npx tsx scripts/demo-data.ts --folder <empty dir> --subjects 1000 --items 10000
//        [--user "Demo Administrator"] [--passphrase "..."] [--seed 1] [--user-slots]
// --user-slots also gives the demo users key slots (same passphrase; one scrypt each).
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { createRegister } from '../src/main/vault';
import { generateDemoRegister } from '../src/main/register/demo/generate';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      folder: { type: 'string' },
      subjects: { type: 'string', default: '1000' },
      items: { type: 'string', default: '10000' },
      user: { type: 'string', default: 'Demo Administrator' },
      passphrase: { type: 'string', default: 'demo passphrase 2026' },
      seed: { type: 'string', default: '1' },
      'user-slots': { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.folder === undefined) throw new Error('Give --folder <empty or new folder>.');
  const subjects = Number(values.subjects);
  const items = Number(values.items);
  if (!Number.isInteger(subjects) || subjects < 1 || !Number.isInteger(items) || items < 0) throw new Error('--subjects must be ≥ 1 and --items ≥ 0 (whole numbers).');
  const folder = path.resolve(values.folder);
  const t0 = performance.now();
  const vault = await createRegister({
    folder,
    userName: values.user,
    passphrase: values.passphrase,
    // the generator snapshots every 20 000 items itself; no snapshot after each big commit
    snapshotThreshold: { bytes: 512 * 1024 * 1024, records: 100_000 },
  });
  const tCreated = performance.now();
  let last = 0;
  const result = await generateDemoRegister(vault, {
    subjects,
    items,
    seed: values.seed,
    now: new Date(),
    ...(values['user-slots'] ? { userPassphrase: values.passphrase } : {}),
    onProgress: (phase, done, total) => {
      const t = performance.now();
      if (t - last > 2000 || done === total) {
        last = t;
        process.stderr.write(`${phase}: ${done}/${total} (${((t - tCreated) / 1000).toFixed(1)} s)\n`);
      }
    },
  });
  const tGenerated = performance.now();
  vault.lock();
  const tEnd = performance.now();
  console.log(`Demo register created in ${folder}`);
  console.log(`  ${result.subjectIds.length} subjects, ${result.items} items, ${result.offices.length} offices, seed ${values.seed}`);
  console.log(`  user:       ${values.user}`);
  console.log(`  passphrase: ${values.passphrase}`);
  if (values['user-slots']) console.log(`  other users (same passphrase): ${result.users.slice(1).map((u) => `${u.userName} (${u.role})`).join(', ')}`);
  else console.log(`  other profiles (no key slot; add with --user-slots): ${result.users.slice(1).map((u) => `${u.userName} (${u.role})`).join(', ')}`);
  console.log(
    `  time: ${((tEnd - t0) / 1000).toFixed(1)} s (create ${((tCreated - t0) / 1000).toFixed(1)} s incl. scrypt, data ${((tGenerated - tCreated) / 1000).toFixed(1)} s, lock ${((tEnd - tGenerated) / 1000).toFixed(1)} s)`,
  );
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(1);
});
