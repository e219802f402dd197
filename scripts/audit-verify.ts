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

/** Asks for what the environment does not give, on one terminal session (piped input works too). */
async function credentials(): Promise<{ userName: string; passphrase: string }> {
  const fromEnv = { userName: process.env.MAPPA_USER, passphrase: process.env.MAPPA_PASSPHRASE };
  if (fromEnv.userName !== undefined && fromEnv.passphrase !== undefined) return { userName: fromEnv.userName, passphrase: fromEnv.passphrase };
  let muted = false;
  const output = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      if (!muted) process.stderr.write(chunk); // prompts go to stderr: stdout carries only the verdict
      done();
    },
  });
  const rl = readline.createInterface({ input: process.stdin, output, terminal: process.stdin.isTTY === true });
  const lines = rl[Symbol.asyncIterator]();
  const ask = async (prompt: string, hidden: boolean): Promise<string> => {
    process.stderr.write(prompt);
    muted = hidden; // the passphrase is not echoed
    const next = await lines.next();
    muted = false;
    if (hidden) process.stderr.write('\n');
    return next.done === true ? '' : String(next.value);
  };
  try {
    const userName = fromEnv.userName ?? (await ask('User name: ', false));
    const passphrase = fromEnv.passphrase ?? (await ask('Passphrase: ', true));
    return { userName, passphrase };
  } finally {
    rl.close();
  }
}

async function main(argv: string[]): Promise<number> {
  const folder = argv[0];
  if (folder === undefined || argv.length !== 1) {
    console.error('Usage: npx tsx scripts/audit-verify.ts <register folder>');
    return 2;
  }
  const { userName, passphrase } = await credentials();
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
      console.log(`Audit chain intact: ${verdict.entries} ${verdict.entries === 1 ? 'entry' : 'entries'}, last hash ${verdict.lastHash}`);
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
