// The encrypted, chained, append-only journal of commits since the last snapshot.
import * as fs from 'node:fs';
import { z } from 'zod';
import type { Reader, SqlParams, SqlValue, Writer } from '../db/types';
import { damaged, writeFailed } from './errors';
import { JOURNAL_AAD_LABEL, JOURNAL_FRAME_BYTES, JOURNAL_MAGIC, NONCE_BYTES, readU64, TAG_BYTES, u32, u64 } from './format';
import { open, seal } from './keys';
import { writeAllAt } from './atomicWrite';

export type Statement = readonly [sql: string, params: SqlParams | null];

/** A writer that runs each statement on the database and records it (its parameters copied) for the journal. */
export function recordingWriter(db: { reader: Reader; runOne(sql: string, params: SqlParams | null | undefined, internal?: boolean): void }, internal: boolean, into: Statement[]): Writer {
  return {
    all: (sql, params) => db.reader.all(sql, params),
    get: (sql, params) => db.reader.get(sql, params),
    run: (sql, params) => {
      db.runOne(sql, params, internal);
      into.push([sql, copyParams(params)]);
    },
  };
}

/** A statement's parameters as recorded: a copy, so a caller's later change to a byte array cannot alter what was journaled. */
export function copyParams(params: SqlParams | undefined): SqlParams | null {
  if (params === undefined) return null;
  const copy = (v: SqlValue): SqlValue => (v instanceof Uint8Array ? new Uint8Array(v) : v);
  if (Array.isArray(params)) return (params as readonly SqlValue[]).map(copy);
  return Object.fromEntries(Object.entries(params as Readonly<Record<string, SqlValue>>).map(([k, v]) => [k, copy(v)]));
}

export interface JournalEntry {
  seq: number;
  statements: Statement[];
  tag: Buffer;
  /** Format 2: who made the commit, the migration it runs (if any) and their signature. */
  signed?: SignedCommit;
}

export interface SignedCommit {
  by: string;
  migration: number | null;
  sig: string;
}

const MAX_BODY = 2 ** 31;
const MIN_BODY = 8 + NONCE_BYTES + TAG_BYTES;

// ---- statement encoding (JSON, Uint8Array as {"$b": base64}) -------------------------

type Encoded = string | number | null | { $b: string };

function encodeValue(v: SqlValue): Encoded {
  return v instanceof Uint8Array ? { $b: Buffer.from(v).toString('base64') } : v;
}

export function encodeStatements(statements: readonly Statement[]): Buffer {
  const out = statements.map(([sql, params]) => {
    if (params === null) return [sql, null];
    if (Array.isArray(params)) return [sql, (params as readonly SqlValue[]).map(encodeValue)];
    const obj: Record<string, Encoded> = {};
    for (const [k, v] of Object.entries(params as Readonly<Record<string, SqlValue>>)) obj[k] = encodeValue(v);
    return [sql, obj];
  });
  return Buffer.from(JSON.stringify(out), 'utf8');
}

const valueSchema = z
  .union([z.string(), z.number(), z.null(), z.strictObject({ $b: z.string() })])
  .transform((v): SqlValue => (v !== null && typeof v === 'object' ? new Uint8Array(Buffer.from(v.$b, 'base64')) : v));
const statementsSchema = z.array(
  z.tuple([z.string(), z.union([z.null(), z.array(valueSchema), z.record(z.string(), valueSchema)])]),
);

function decodeStatements(plain: Buffer): Statement[] | undefined {
  try {
    const r = statementsSchema.safeParse(JSON.parse(plain.toString('utf8')));
    return r.success ? r.data : undefined;
  } catch {
    return undefined;
  }
}

// Format 2 records carry { by, mig, st, sig }: the statements as format 1 encodes them,
// with who made the commit and their Ed25519 signature over the commit's digest.
const signedSchema = z.strictObject({ by: z.string().regex(/^[0-9a-f]{64}$/), mig: z.number().int().positive().nullable(), st: z.string(), sig: z.string().max(200) });

export function encodeSignedPayload(statementsJson: Buffer, commit: SignedCommit): Buffer {
  return Buffer.from(JSON.stringify({ by: commit.by, mig: commit.migration, st: statementsJson.toString('utf8'), sig: commit.sig }), 'utf8');
}

function decodeSigned(plain: Buffer): { statements: Statement[]; signed: SignedCommit; statementsJson: Buffer } | undefined {
  try {
    const r = signedSchema.safeParse(JSON.parse(plain.toString('utf8')));
    if (!r.success) return undefined;
    const statementsJson = Buffer.from(r.data.st, 'utf8');
    const statements = decodeStatements(statementsJson);
    return statements === undefined ? undefined : { statements, statementsJson, signed: { by: r.data.by, migration: r.data.mig, sig: r.data.sig } };
  } catch {
    return undefined;
  }
}

// ---- records ---------------------------------------------------------------------------

function recordAad(registerId: Buffer, seq: number, prevTag: Buffer): Buffer {
  return Buffer.concat([JOURNAL_AAD_LABEL, registerId, u64(seq), prevTag]);
}

/** The bytes a format-2 commit signature covers: the register, the record's place in the chain and its statements. */
export function commitDigestInput(registerId: Buffer, seq: number, prevTag: Buffer, migration: number | null, statementsJson: Buffer): Buffer {
  return Buffer.concat([Buffer.from('mappa v2 commit\u0000', 'utf8'), registerId, u64(seq), prevTag, Buffer.from(`${migration ?? 0}\u0000`, 'utf8'), statementsJson]);
}

export function encodeRecord(
  key: Buffer,
  registerId: Buffer,
  seq: number,
  prevTag: Buffer,
  statements: readonly Statement[],
  sign?: (statementsJson: Buffer) => SignedCommit,
): { bytes: Buffer; tag: Buffer } {
  const statementsJson = encodeStatements(statements);
  const plain = sign === undefined ? statementsJson : encodeSignedPayload(statementsJson, sign(statementsJson));
  if (plain !== statementsJson) statementsJson.fill(0);
  const s = seal(key, plain, recordAad(registerId, seq, prevTag));
  plain.fill(0);
  const bodyLen = 8 + NONCE_BYTES + s.ciphertext.length + TAG_BYTES;
  const bytes = Buffer.concat([JOURNAL_MAGIC, u32(bodyLen), u32(~bodyLen), u64(seq), s.nonce, s.ciphertext, s.tag]);
  return { bytes, tag: s.tag };
}

export interface ScanResult {
  entries: JournalEntry[];
  lastTag: Buffer;
  /** Bytes of complete, verified records; anything after is a torn tail. */
  validLength: number;
  torn: boolean;
}

function isTornTail(buf: Buffer, off: number): boolean {
  const rest = buf.subarray(off);
  if (rest.every((b) => b === 0)) return true;
  if (rest.length >= JOURNAL_FRAME_BYTES) return false;
  const n = Math.min(rest.length, JOURNAL_MAGIC.length);
  return rest.subarray(0, n).equals(JOURNAL_MAGIC.subarray(0, n));
}

/** Verifies and decrypts a journal. Throws 'damaged' for anything but a torn last record. */
export function scanJournal(
  buf: Buffer,
  key: Buffer,
  registerId: Buffer,
  baseSeq: number,
  baseTag: Buffer,
  what: string,
  /** Format 2: every record must be signed, and each is checked here before it is used. */
  verify?: (entry: { seq: number; prevTag: Buffer; statements: Statement[]; statementsJson: Buffer; signed: SignedCommit }) => void,
): ScanResult {
  const entries: JournalEntry[] = [];
  let off = 0;
  let prev = baseTag;
  let torn = false;
  while (off < buf.length) {
    const rest = buf.length - off;
    const frameOk =
      rest >= JOURNAL_FRAME_BYTES &&
      buf.subarray(off, off + 4).equals(JOURNAL_MAGIC) &&
      ((buf.readUInt32BE(off + 4) ^ buf.readUInt32BE(off + 8)) >>> 0) === 0xffffffff;
    if (!frameOk) {
      if (isTornTail(buf, off)) {
        torn = true;
        break;
      }
      throw damaged(what);
    }
    const bodyLen = buf.readUInt32BE(off + 4);
    if (bodyLen < MIN_BODY || bodyLen > MAX_BODY) throw damaged(what);
    if (rest < JOURNAL_FRAME_BYTES + bodyLen) {
      torn = true;
      break;
    }
    const body = buf.subarray(off + JOURNAL_FRAME_BYTES, off + JOURNAL_FRAME_BYTES + bodyLen);
    const seq = readU64(body, 0);
    if (seq !== baseSeq + entries.length + 1) throw damaged(what);
    const nonce = body.subarray(8, 8 + NONCE_BYTES);
    const tag = Buffer.from(body.subarray(body.length - TAG_BYTES));
    const plain = open(key, nonce, body.subarray(8 + NONCE_BYTES, body.length - TAG_BYTES), tag, recordAad(registerId, seq, prev));
    if (plain === undefined) throw damaged(what);
    if (verify === undefined) {
      const statements = decodeStatements(plain);
      plain.fill(0);
      if (statements === undefined) throw damaged(what);
      entries.push({ seq, statements, tag });
    } else {
      const decoded = decodeSigned(plain);
      plain.fill(0);
      if (decoded === undefined) throw damaged(what);
      verify({ seq, prevTag: prev, statements: decoded.statements, statementsJson: decoded.statementsJson, signed: decoded.signed });
      decoded.statementsJson.fill(0);
      entries.push({ seq, statements: decoded.statements, tag, signed: decoded.signed });
    }
    prev = tag;
    off += JOURNAL_FRAME_BYTES + bodyLen;
  }
  return { entries, lastTag: prev, validLength: off, torn };
}

// ---- writer ----------------------------------------------------------------------------

/** Test seam: makes the next append fail after writing its bytes (simulates a failed fsync). */
export const journalFaults = { failNextAppend: false };

/** Appends records durably. Holds the journal's file descriptor while the register is unlocked. */
export class JournalWriter {
  private fd: number | undefined;
  private offset: number;
  private needsTruncate: boolean;
  private broken = false;
  records: number;

  constructor(
    readonly file: string,
    validLength: number,
    records: number,
  ) {
    this.fd = fs.openSync(file, 'r+');
    this.offset = validLength;
    this.records = records;
    this.needsTruncate = fs.fstatSync(this.fd).size !== validLength;
  }

  get bytes(): number {
    return this.offset;
  }

  /** Writes and fsyncs one record. On failure the file is cut back to the last good record. */
  append(record: Buffer): void {
    if (this.fd === undefined || this.broken) throw writeFailed('your change');
    try {
      if (this.needsTruncate) {
        fs.ftruncateSync(this.fd, this.offset);
        this.needsTruncate = false;
      }
      writeAllAt(this.fd, record, this.offset);
      if (journalFaults.failNextAppend) {
        journalFaults.failNextAppend = false;
        throw new Error('injected fault');
      }
      fs.fdatasyncSync(this.fd);
    } catch {
      try {
        fs.ftruncateSync(this.fd, this.offset);
        fs.fdatasyncSync(this.fd);
      } catch {
        // We cannot prove the half-written record is gone: refuse further commits.
        this.broken = true;
      }
      throw writeFailed('your change');
    }
    this.offset += record.length;
    this.records += 1;
  }

  /** Cuts a journal that holds no records to zero bytes (drops a torn tail) and syncs it. */
  truncateEmpty(): void {
    if (this.fd === undefined || this.broken) throw writeFailed('your change');
    if (this.records !== 0 || this.offset !== 0) throw new Error('truncateEmpty: the journal holds records');
    try {
      fs.ftruncateSync(this.fd, 0);
      fs.fdatasyncSync(this.fd);
      this.needsTruncate = false;
    } catch {
      this.broken = true;
      throw writeFailed('your change');
    }
  }

  /** Removes the record just appended (its transaction could not be committed). */
  undoLast(length: number): void {
    this.offset -= length;
    this.records -= 1;
    try {
      if (this.fd === undefined) throw new Error('closed');
      fs.ftruncateSync(this.fd, this.offset);
      fs.fdatasyncSync(this.fd);
    } catch {
      this.broken = true;
    }
  }

  close(): void {
    if (this.fd !== undefined) {
      const fd = this.fd;
      this.fd = undefined;
      fs.closeSync(fd);
    }
  }
}
