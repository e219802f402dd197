// The audit receipt: the IG lead's record, kept outside the register, of where the audit
// log stood at a moment. The chain in verify.ts proves nothing before the last entry was
// changed; it cannot show entries cut from the end, an older copy of the register put
// back, or a chain rewritten in full by someone holding the key. A receipt can: the
// entry it names must still be there, with the same hash, on a chain that verifies.
//
// Receipt file format, version 1 (UTF-8 text; a suggested name from receiptFileName):
//
//   {
//     "format": "MAPPA audit receipt",
//     "version": 1,
//     "registerId": "<the register's id, lower-case hex>",
//     "seq": <the number of the last audit entry>,
//     "hash": "<that entry's hash: 64 lower-case hex digits>",
//     "entries": <how many entries the log held: equal to seq>,
//     "madeAt": "<ISO-8601 UTC time the receipt was made>",
//     "madeBy": "<user name of who made it>"
//   }
//   SHA-256: <64 hex digits>
//
// The last line is the SHA-256 of every line before it, joined with "\n" (line endings
// are read as "\n", so a receipt that passed through Windows or email still checks; a
// leading byte-order mark is ignored). The checksum finds accidental damage; it is not a
// signature: the receipt is an anchor because the IG lead keeps it where the register's
// users cannot change it (their own records, a signed email, paper). It holds no register
// content: the register id, one entry number and hash, a time and the maker's name.
import { z } from 'zod';
import { formatLondonDate, formatLondonTime, londonDayOf } from '../../shared/calendar';
import { MappaError, type FieldProblem } from '../../shared/errors';
import type { Reader } from '../db/types';
import { sha256Hex } from './canonical';
import { readAuditRecords } from './log';
import type { AuditRecord } from './types';
import { verifyAuditRecords } from './verify';

export const RECEIPT_FORMAT = 'MAPPA audit receipt';
export const RECEIPT_VERSION = 1;
const MAX_RECEIPT_BYTES = 64 * 1024;
const CHECKSUM_LINE = /^SHA-256: ([0-9a-fA-F]{64})$/;

const receiptSchema = z
  .strictObject(
    {
      format: z.literal(RECEIPT_FORMAT, { error: 'This is not a MAPPA audit receipt.' }),
      version: z.literal(RECEIPT_VERSION, {
        error: (iss) =>
          typeof iss.input === 'number' && iss.input > RECEIPT_VERSION
            ? 'This receipt was made by a newer version of MAPPA Register: update the app to check it.'
            : `The receipt's version must be ${RECEIPT_VERSION}.`,
      }),
      registerId: z.string({ error: 'The register id must be text.' }).regex(/^(?:[0-9a-f]{2}){16,64}$/, {
        error: 'The register id must be the register’s id in lower-case hex.',
      }),
      seq: z
        .number({ error: 'The entry number (seq) must be a number.' })
        .int({ error: 'The entry number (seq) must be a whole number.' })
        .min(1, { error: 'The entry number (seq) must be at least 1.' })
        .max(Number.MAX_SAFE_INTEGER, { error: 'The entry number (seq) is too large.' }),
      hash: z.string({ error: 'The hash must be text.' }).regex(/^[0-9a-f]{64}$/, { error: 'The hash must be 64 lower-case hex digits (a SHA-256).' }),
      entries: z
        .number({ error: 'The number of entries must be a number.' })
        .int({ error: 'The number of entries must be a whole number.' })
        .min(1, { error: 'The number of entries must be at least 1.' }),
      madeAt: z
        .string({ error: 'The time the receipt was made (madeAt) must be text.' })
        .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/, {
          error: 'The time the receipt was made (madeAt) must be an ISO-8601 UTC time, such as 2026-11-25T14:03:00.000Z.',
          abort: true,
        })
        .refine((s) => !Number.isNaN(Date.parse(s)), { error: 'The time the receipt was made (madeAt) is not a real date and time.' }),
      madeBy: z
        .string({ error: 'Who made the receipt (madeBy) must be text.' })
        .refine((s) => s.trim() !== '', { error: 'The receipt must name who made it (madeBy).' })
        .max(200, { error: 'Who made the receipt (madeBy) must be at most 200 characters.' }),
    },
    {
      error: (iss) =>
        iss.code === 'unrecognized_keys'
          ? `The receipt has ${iss.keys.length === 1 ? 'a field' : 'fields'} this version does not know: ${iss.keys.join(', ')}.`
          : iss.code === 'invalid_type'
            ? 'The receipt’s contents must be a JSON object.'
            : undefined,
    },
  )
  // In an intact chain entry N is the Nth entry.
  .refine((r) => r.entries === r.seq, {
    error: 'The number of entries must equal the entry number (seq): entry N is the Nth entry.',
    path: ['entries'],
    when: (payload) => payload.issues.length === 0,
  });

export type AuditReceipt = z.infer<typeof receiptSchema>;

export type ReceiptMismatch = 'other_register' | 'entry_missing' | 'hash_differs' | 'chain_broken';

export type ReceiptCheck = { ok: true; message: string } | { ok: false; code: ReceiptMismatch; message: string };

function invalid(message: string, fields?: FieldProblem[]): MappaError {
  return new MappaError('receipt_invalid', `This receipt cannot be used. ${message}`, undefined, fields);
}

/**
 * A receipt of the register's audit log as it stands: its last entry, on a chain that
 * verifies. Throws 'audit_empty' for a log with no entries and 'audit_broken' (naming the
 * entry) for a chain that does not verify: a receipt must never vouch for a broken log.
 */
export function makeReceipt(r: Reader, opts: { registerId: string; madeBy: string; at: string }): { receipt: AuditReceipt; text: string } {
  const records = readAuditRecords(r);
  const last = records[records.length - 1];
  if (last === undefined) throw new MappaError('audit_empty', 'The audit log has no entries yet, so there is nothing to make a receipt of.');
  const verdict = verifyAuditRecords(records);
  if (!verdict.ok) throw new MappaError('audit_broken', `A receipt cannot be made while the audit log is broken. ${verdict.firstBroken.reason}`);
  const receipt = receiptSchema.parse({
    format: RECEIPT_FORMAT,
    version: RECEIPT_VERSION,
    registerId: opts.registerId,
    seq: last.seq,
    hash: last.hash,
    entries: verdict.entries,
    madeAt: opts.at,
    madeBy: opts.madeBy,
  });
  return { receipt, text: formatReceipt(receipt) };
}

/** The receipt as the text of its file (format above). */
export function formatReceipt(receipt: AuditReceipt): string {
  const body = JSON.stringify(
    {
      format: receipt.format,
      version: receipt.version,
      registerId: receipt.registerId,
      seq: receipt.seq,
      hash: receipt.hash,
      entries: receipt.entries,
      madeAt: receipt.madeAt,
      madeBy: receipt.madeBy,
    },
    null,
    2,
  );
  return `${body}\nSHA-256: ${sha256Hex(body)}\n`;
}

/** A file name for the receipt: 'mappa-audit-receipt-2026-11-25-entry-3317.txt' (London day). */
export function receiptFileName(receipt: AuditReceipt): string {
  return `mappa-audit-receipt-${londonDayOf(receipt.madeAt)}-entry-${receipt.seq}.txt`;
}

/** Reads a receipt's text; throws MappaError 'receipt_invalid' with a sentence saying what is wrong. */
export function parseReceipt(text: string): AuditReceipt {
  if (text.length > MAX_RECEIPT_BYTES) throw invalid('The file is far larger than a receipt: check it is the right file.');
  const lines = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').replace(/\s+$/, '').split('\n');
  const checksumLine = lines.pop() ?? '';
  const checksum = CHECKSUM_LINE.exec(checksumLine.trim());
  if (checksum === null) {
    throw invalid('Its last line must be "SHA-256:" followed by 64 hex digits; it may have been cut short, or it is not a receipt.');
  }
  const body = lines.join('\n');
  if (sha256Hex(body) !== (checksum[1] as string).toLowerCase()) {
    throw invalid('Its checksum does not match its contents: it has been changed or damaged since it was made.');
  }
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    throw invalid('Its contents are not valid JSON.');
  }
  const parsed = receiptSchema.safeParse(json);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => ({ field: i.path.map(String).join('.') || 'receipt', message: i.message }));
    throw invalid(fields.map((f) => f.message).join(' '), fields);
  }
  return parsed.data;
}

function receiptOf(receipt: AuditReceipt): string {
  return `the receipt of ${formatLondonDate(receipt.madeAt)} at ${formatLondonTime(receipt.madeAt)}`;
}

/**
 * Checks audit records (in seq order, as readAuditRecords gives them) against a receipt:
 * the entry it names exists, has its hash, and the chain up to it verifies.
 */
export function checkReceiptRecords(records: readonly AuditRecord[], registerId: string, receipt: AuditReceipt): ReceiptCheck {
  if (receipt.registerId !== registerId) {
    return {
      ok: false,
      code: 'other_register',
      message: `This receipt is of another register (id ${receipt.registerId.slice(0, 12)}…), not this one (id ${registerId.slice(0, 12)}…).`,
    };
  }
  const mismatch = (code: ReceiptMismatch, why: string): ReceiptCheck => ({ ok: false, code, message: `Does not match ${receiptOf(receipt)}: ${why}` });
  const entry = records.find((r) => r.seq === receipt.seq);
  if (entry === undefined) {
    const last = records[records.length - 1];
    const ends = last === undefined ? 'which has no entries' : `which ends at entry ${last.seq}`;
    return mismatch(
      'entry_missing',
      `entry ${receipt.seq} is not in this register’s audit log, ${ends}. The log has been cut, or the register rolled back to an earlier copy.`,
    );
  }
  const verdict = verifyAuditRecords(records.filter((r) => r.seq <= receipt.seq));
  if (!verdict.ok) {
    return mismatch('chain_broken', `the audit log is broken before entry ${receipt.seq}. ${verdict.firstBroken.reason}`);
  }
  if (entry.hash !== receipt.hash) {
    return mismatch(
      'hash_differs',
      `entry ${receipt.seq} has the hash ${entry.hash}, but the receipt has ${receipt.hash}. The audit log has been altered or rewritten since the receipt was made.`,
    );
  }
  return { ok: true, message: `Matches ${receiptOf(receipt)}: entry ${receipt.seq} has the hash ${receipt.hash}.` };
}

/** Checks a register's audit log against a receipt. */
export function checkReceipt(r: Reader, registerId: string, receipt: AuditReceipt): ReceiptCheck {
  return checkReceiptRecords(readAuditRecords(r), registerId, receipt);
}
