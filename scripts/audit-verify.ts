// Verifies a register's audit chain from the command line, and optionally checks it
// against an audit receipt the IG lead kept outside the register.
//
//   npx tsx scripts/audit-verify.ts <register folder> [--receipt <file>]
//   (npm run audit:verify -- <folder> [--receipt <file>])
//
// Asks for the user name and passphrase on the terminal (the passphrase is not echoed).
// For automation, set MAPPA_USER and MAPPA_PASSPHRASE instead; take care where that
// environment is kept, as anyone who can read it can open the register.
//
// Prints "Audit chain intact: N entries, last hash H", or "Audit chain BROKEN at entry N:
// reason". With --receipt it then prints "Matches the receipt of <date>: entry N has the
// hash H", or "Does not match the receipt of <date>: ..." naming what differs (the entry
// is missing: the log was cut or the register rolled back; its hash differs: the log was
// altered or rewritten). Exits 0 when everything checked holds, 1 when the chain is broken
// or the register does not match the receipt, 2 when nothing could be checked: the
// register cannot be opened (with the register's own message), or the receipt cannot be
// read, is damaged or invalid, or is of another register.
// The check itself is recorded in the audit log (action audit_verify).
import * as fs from 'node:fs';
import * as readline from 'node:readline';
import { Writable } from 'node:stream';
import { openRegister, type Vault } from '../src/main/vault';
import { acted, actorFor, readAuditRecords, verifyAuditRecords, type AuditDetails } from '../src/main/audit';
import { commitActed } from '../src/main/access/acting';
import { checkReceiptRecords, parseReceipt, type AuditReceipt } from '../src/main/audit/receipt';
import { MappaError } from '../src/shared/errors';

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

const USAGE = 'Usage: npx tsx scripts/audit-verify.ts <register folder> [--receipt <file>]';

/** The folder and the receipt file, or null if the arguments are not a valid call. */
function parseArgs(argv: string[]): { folder: string; receiptFile: string | undefined } | null {
  const rest: string[] = [];
  let receiptFile: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--receipt') {
      if (receiptFile !== undefined || i + 1 >= argv.length) return null;
      receiptFile = argv[++i];
    } else if (arg.startsWith('--receipt=')) {
      if (receiptFile !== undefined) return null;
      receiptFile = arg.slice('--receipt='.length);
    } else if (arg.startsWith('--')) {
      return null;
    } else {
      rest.push(arg);
    }
  }
  const folder = rest[0];
  if (folder === undefined || rest.length !== 1 || receiptFile === '') return null;
  return { folder, receiptFile };
}

/** Reads and checks the receipt before the register is opened; a message for stderr if it cannot be used. */
function readReceipt(file: string): AuditReceipt | string {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return `Cannot read the receipt: ${code === 'ENOENT' ? 'there is no file at that path.' : code === 'EISDIR' ? 'that path is a folder, not a receipt file.' : `the file cannot be read (${code ?? 'error'}).`}`;
  }
  try {
    return parseReceipt(text);
  } catch (e) {
    if (e instanceof MappaError) return e.message;
    throw e;
  }
}

async function main(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  if (args === null) {
    console.error(USAGE);
    return 2;
  }
  let receipt: AuditReceipt | undefined;
  if (args.receiptFile !== undefined) {
    const read = readReceipt(args.receiptFile);
    if (typeof read === 'string') {
      console.error(read);
      return 2;
    }
    receipt = read;
  }
  const { userName, passphrase } = await credentials();
  let vault: Vault;
  try {
    ({ vault } = await openRegister({ folder: args.folder, userName, passphrase }));
  } catch (e) {
    console.error(`Cannot open the register: ${e instanceof Error ? e.message : String(e)}`);
    return 2;
  }
  try {
    const records = readAuditRecords(vault.reader);
    const againstReceipt = receipt === undefined ? undefined : checkReceiptRecords(records, vault.registerId, receipt);
    if (againstReceipt !== undefined && !againstReceipt.ok && againstReceipt.code === 'other_register') {
      console.error(againstReceipt.message);
      return 2;
    }
    const verdict = verifyAuditRecords(records, (name, hash, sig) => vault.checkAuditSignature(name, hash, sig));
    const at = new Date().toISOString();
    const details: AuditDetails = {
      ...(verdict.ok
        ? { result: 'intact', entries: verdict.entries }
        : { result: 'broken', entries: verdict.entries, firstBroken: verdict.firstBroken.seq }),
      tool: 'audit-verify',
      ...(againstReceipt === undefined || receipt === undefined
        ? {}
        : { receipt: againstReceipt.ok ? 'matches' : againstReceipt.code, receiptEntry: receipt.seq, receiptMadeAt: receipt.madeAt }),
    };
    // Recorded like every act: the entry signed by the person who ran the check.
    commitActed(vault, actorFor(vault.reader, { userName: vault.userName }), new Date(at), () => acted(undefined, { action: 'audit_verify', details }));
    if (verdict.ok) {
      console.log(`Audit chain intact: ${verdict.entries} ${verdict.entries === 1 ? 'entry' : 'entries'}, last hash ${verdict.lastHash}`);
    } else {
      console.log(`Audit chain BROKEN at entry ${verdict.firstBroken.seq}: ${verdict.firstBroken.reason}`);
    }
    if (againstReceipt !== undefined) console.log(againstReceipt.message);
    return verdict.ok && (againstReceipt === undefined || againstReceipt.ok) ? 0 : 1;
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
