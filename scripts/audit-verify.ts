// Verifies a register's audit chain from the command line.
//
//   npx tsx scripts/audit-verify.ts <register folder>      (npm run audit:verify -- <folder>)
//
// Asks for the user name and passphrase on the terminal (the passphrase is not echoed).
// For automation, set MAPPA_USER and MAPPA_PASSPHRASE instead; take care where that
// environment is kept, as anyone who can read it can open the register.
//
// Prints "Audit chain intact: N entries, last hash H" and exits 0, or
// "Audit chain BROKEN at entry N: reason" and exits 1. Exits 2 when the register cannot
// be opened (with the register's own message). Keep the last hash it prints somewhere
// outside the register: comparing it later shows whether entries were cut from the end.
// The check itself is recorded in the audit log (action audit_verify).
import * as readline from 'node:readline';
import { Writable } from 'node:stream';
import { openRegister, type Vault } from '../src/main/vault';
import { actorFor, appendAudit, verifyAuditChain } from '../src/main/audit';

function ask(question: string, hidden: boolean): Promise<string> {
  let muted = false;
  const output = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      if (!muted) process.stderr.write(chunk);
      done();
    },
  });
  const rl = readline.createInterface({ input: process.stdin, output, terminal: process.stdin.isTTY === true });
  return new Promise((resolve) => {
    rl.question(question, (answer) => {
      rl.close();
      if (hidden) process.stderr.write('\n');
      resolve(answer);
    });
    muted = hidden;
  });
}

async function main(argv: string[]): Promise<number> {
  const folder = argv[0];
  if (folder === undefined || argv.length !== 1) {
    console.error('Usage: npx tsx scripts/audit-verify.ts <register folder>');
    return 2;
  }
  const userName = process.env.MAPPA_USER ?? (await ask('User name: ', false));
  const passphrase = process.env.MAPPA_PASSPHRASE ?? (await ask('Passphrase: ', true));
  let vault: Vault;
  try {
    ({ vault } = await openRegister({ folder, userName, passphrase }));
  } catch (e) {
    console.error(`Cannot open the register: ${e instanceof Error ? e.message : String(e)}`);
    return 2;
  }
  try {
    const verdict = verifyAuditChain(vault.reader);
    const at = new Date().toISOString();
    vault.commit((w) =>
      appendAudit(
        w,
        {
          actor: actorFor(w, { userName: vault.userName }),
          action: 'audit_verify',
          details: verdict.ok
            ? { result: 'intact', entries: verdict.entries, tool: 'audit-verify' }
            : { result: 'broken', entries: verdict.entries, firstBroken: verdict.firstBroken.seq, tool: 'audit-verify' },
        },
        at,
      ),
    );
    if (verdict.ok) {
      console.log(`Audit chain intact: ${verdict.entries} entries, last hash ${verdict.lastHash}`);
      return 0;
    }
    console.log(`Audit chain BROKEN at entry ${verdict.firstBroken.seq}: ${verdict.firstBroken.reason}`);
    return 1;
  } finally {
    vault.lock();
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    console.error(`Audit verification failed: ${e instanceof Error ? e.message : String(e)}`);
    process.exitCode = 2;
  },
);
