// Rollback detection, the local half: each computer and OS account remembers, per
// register, the newest state it has seen, so a copy of the folder that is older (put back
// from a shared drive, or with its newest snapshot and journal removed, or its journal cut
// at a record boundary) is noticed at unlock. The register folder cannot hold this: whoever
// rolls the folder back rolls back anything kept in it.
//
// File: <dir>/seen-<registerId>.json, where dir is the app's settings folder (Electron
// userData), never the register folder. One small file per register:
//
//   { "magic": "MAPPA-SEEN", "version": 1, "body": "<JSON text>", "signature": "<base64>" }
//
//   body (kept verbatim, so the signature covers exact bytes):
//     { registerId, keyGeneration, seq, auditHead: { seq, hash } | null, membershipVersion, at, by }
//   signature = sign("MAPPA-SEEN v1" | 0x00 | body as UTF-8), made by the caller's key
//   (the user's Ed25519 key); the label keeps these bytes from meaning anything else.
//
// Written with writeFileAtomicSync (temp file, fsync, rename, fsync folder): a crash leaves
// the old record or the new one, and at most a leftover seen-<id>.json.<random>.tmp, which
// readSeen never reads and recordSeen removes.
//
// Limits: anyone who can write to this OS account's settings folder can delete the record
// (the next unlock then finds nothing to compare, as on a computer that has never opened
// the register); the IG lead's receipt (audit/receipt.ts) is the anchor outside the
// computer. Two app instances recording at the same moment: the last rename wins.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { z } from 'zod';
import { formatLondonDate, formatLondonTime } from '../../shared/calendar';
import { removeQuietly, writeFileAtomicSync } from './atomicWrite';
import { VaultError } from './errors';

export const SEEN_MAGIC = 'MAPPA-SEEN';
export const SEEN_VERSION = 1;
const SIGNED_LABEL = 'MAPPA-SEEN v1\u0000';
const MAX_FILE_BYTES = 16 * 1024;

export interface AuditHead {
  seq: number;
  hash: string;
}

/** What an open register is at: compared with what this computer saw before. */
export interface RegisterState {
  /** Lower-case hex, as in the header. */
  registerId: string;
  /** 1 for registers made before re-keying existed; goes up at every re-key. */
  keyGeneration: number;
  /** The last committed journal sequence number. */
  seq: number;
  /** The last audit_log entry, or null while the log is empty. */
  auditHead: AuditHead | null;
  /** Number of membership changes; 0 for registers made before signed membership. */
  membershipVersion: number;
}

export interface SeenState extends RegisterState {
  /** When this computer saw it: an ISO-8601 UTC instant. */
  at: string;
  /** Who had it open, without naming them: 64 hex digits (the member's slot id). */
  by: string;
}

/** Signs the bytes given (the user's Ed25519 key). */
export type SignSeen = (bytes: Uint8Array) => Uint8Array;
/** True if `signature` is a valid signature over `bytes` by the member `by` claims to be. */
export type VerifySeen = (bytes: Uint8Array, signature: Uint8Array, by: string) => boolean;

export type RollbackCode = 'older_key_generation' | 'older_membership' | 'older_sequence' | 'older_audit_log' | 'forked_copy';

/** The register is older than, or split from, what this computer saw. */
export interface RollbackFinding {
  code: RollbackCode;
  /** en-GB, for the person at the keyboard: what was seen before, when, and what this copy has. */
  message: string;
  seen: SeenState;
  current: RegisterState;
}

/** This computer's record could not be read or does not verify. Never ignored silently. */
export interface SeenRecordFinding {
  code: 'seen_record_damaged';
  message: string;
  /** What exactly was wrong, for support (no register data). */
  detail: string;
}

export type SeenRead = { kind: 'none' } | { kind: 'seen'; state: SeenState } | { kind: 'damaged'; finding: SeenRecordFinding };

export type RecordSeenOutcome = { recorded: true } | { recorded: false; finding: RollbackFinding | SeenRecordFinding };

const hex64 = z.string().regex(/^[0-9a-f]{64}$/);
const registerIdSchema = z.string().regex(/^(?:[0-9a-f]{2}){16,64}$/);
const count = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);
const isoInstant = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/).refine((s) => !Number.isNaN(Date.parse(s)));

const seenStateSchema = z.strictObject({
  registerId: registerIdSchema,
  keyGeneration: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
  seq: count,
  auditHead: z.strictObject({ seq: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER), hash: hex64 }).nullable(),
  membershipVersion: count,
  at: isoInstant,
  by: hex64,
});

const fileSchema = z.strictObject({
  magic: z.literal(SEEN_MAGIC),
  version: z.literal(SEEN_VERSION),
  body: z.string().max(MAX_FILE_BYTES),
  signature: z.string().regex(/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/).min(4).max(1024),
});

const NOTHING_WRITTEN = 'Nothing has been written. An administrator must decide whether to open this copy.';
export const SEEN_RECORD_DAMAGED_MESSAGE =
  "This computer's record of the register has been changed or damaged, so it cannot tell whether this copy is older than the one it last opened. " +
  NOTHING_WRITTEN;

export function seenFileName(registerId: string): string {
  if (!registerIdSchema.safeParse(registerId).success) throw new TypeError('A register id is lower-case hex.');
  return `seen-${registerId}.json`;
}

function signedBytes(body: string): Uint8Array {
  return Buffer.from(SIGNED_LABEL + body, 'utf8');
}

function damagedRecord(detail: string): SeenRead {
  return { kind: 'damaged', finding: { code: 'seen_record_damaged', message: SEEN_RECORD_DAMAGED_MESSAGE, detail } };
}

/**
 * What this computer last saw of the register: 'none' if it has never recorded it,
 * 'damaged' (with a finding to show) if the record is unreadable, malformed, for another
 * register, or its signature does not verify.
 */
export function readSeen(dir: string, registerId: string, verify: VerifySeen): SeenRead {
  const file = path.join(dir, seenFileName(registerId));
  let text: string;
  try {
    if (fs.statSync(file).size > MAX_FILE_BYTES) return damagedRecord('The record is larger than any record this app writes.');
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'none' };
    return damagedRecord(`The record cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'}).`);
  }
  let outer: z.infer<typeof fileSchema>;
  try {
    outer = fileSchema.parse(JSON.parse(text));
  } catch {
    return damagedRecord('The record is not a record of a register this computer has seen.');
  }
  let verified: boolean;
  try {
    verified = verify(signedBytes(outer.body), Buffer.from(outer.signature, 'base64'), bodyBy(outer.body));
  } catch {
    verified = false;
  }
  if (!verified) return damagedRecord('The record’s signature does not verify.');
  let state: SeenState;
  try {
    state = seenStateSchema.parse(JSON.parse(outer.body));
  } catch {
    return damagedRecord('The signed record is not a record of a register this computer has seen.');
  }
  if (state.registerId !== registerId) return damagedRecord('The record is of another register.');
  return { kind: 'seen', state };
}

/** The `by` the body claims (before verifying, only to choose the key to verify with). */
function bodyBy(body: string): string {
  try {
    const by = (JSON.parse(body) as { by?: unknown }).by;
    return typeof by === 'string' ? by : '';
  } catch {
    return '';
  }
}

/**
 * Null if `current` is the state this computer saw or newer; otherwise what is older.
 * Older: an earlier key generation; fewer membership changes; fewer commits under the
 * same keys; fewer audit entries. Split (a forked copy): the same commits under the same
 * keys but a different audit head or membership, or an audit entry this computer saw
 * that now has another hash (checked when `auditHashAt` is given: the hash of the
 * register's audit entry `seq`, or null if there is none).
 */
export function compareWithSeen(
  seen: SeenState,
  current: RegisterState,
  options: { auditHashAt?: (seq: number) => string | null | undefined } = {},
): RollbackFinding | null {
  if (seen.registerId !== current.registerId) throw new TypeError('compareWithSeen: the two states are of different registers.');
  const finding = (code: RollbackCode): RollbackFinding => ({ code, message: rollbackMessage(code, seen, current), seen, current });
  const sameKeys = current.keyGeneration === seen.keyGeneration;
  const seenAudit = seen.auditHead?.seq ?? 0;
  const currentAudit = current.auditHead?.seq ?? 0;
  if (current.keyGeneration < seen.keyGeneration) return finding('older_key_generation');
  if (current.membershipVersion < seen.membershipVersion) return finding('older_membership');
  if (sameKeys && current.seq < seen.seq) return finding('older_sequence');
  if (currentAudit < seenAudit) return finding('older_audit_log');
  if (sameKeys && current.seq === seen.seq && (current.membershipVersion !== seen.membershipVersion || !sameHead(current.auditHead, seen.auditHead))) {
    return finding('forked_copy');
  }
  if (seen.auditHead !== null) {
    const hash = currentAudit === seenAudit ? current.auditHead?.hash : options.auditHashAt?.(seen.auditHead.seq);
    if (hash !== undefined && hash !== seen.auditHead.hash) return finding('forked_copy');
  }
  return null;
}

function sameHead(a: AuditHead | null, b: AuditHead | null): boolean {
  return a === null || b === null ? a === b : a.seq === b.seq && a.hash === b.hash;
}

const number = new Intl.NumberFormat('en-GB');

function rollbackMessage(code: RollbackCode, seen: SeenState, current: RegisterState): string {
  const when = `On ${formatLondonDate(seen.at)} at ${formatLondonTime(seen.at)}`;
  const changes = seen.seq === 1 ? '1 saved change' : `${number.format(seen.seq)} saved changes`;
  const seenLog = seen.auditHead === null ? 'no audit entries' : `its audit log ended at entry ${number.format(seen.auditHead.seq)}`;
  const currentLog = current.auditHead === null ? 'no audit entries' : `ends at entry ${number.format(current.auditHead.seq)}`;
  const had = `it had ${changes} and ${seenLog}`;
  const has = `this copy has ${number.format(current.seq)} and ${currentLog}`;
  const lead = ((): string => {
    switch (code) {
      case 'older_key_generation':
        return (
          'This copy of the register is older than the one this computer last opened: it was made before the register’s keys were last replaced, ' +
          `so someone removed since then, or a passphrase changed since then, may open it. ${when} the register was on key set ${number.format(seen.keyGeneration)}: ${had}; ` +
          `this copy is on key set ${number.format(current.keyGeneration)}.`
        );
      case 'older_membership':
        return (
          'This copy of the register has an older list of members than the one this computer last opened, so people removed since then may be able to open it. ' +
          `${when} its list of members was at version ${number.format(seen.membershipVersion)}; this copy’s is at version ${number.format(current.membershipVersion)}.`
        );
      case 'older_sequence':
        return `This copy of the register is older than the one this computer last opened. ${when} ${had}; ${has}.`;
      case 'older_audit_log':
        return `This copy of the register has a shorter audit log than the one this computer last opened: entries have been removed from its end. ${when} ${had}; ${has}.`;
      case 'forked_copy': {
        const seenHead = seen.auditHead === null ? '' : ` (entry ${number.format(seen.auditHead.seq)} had the hash ${seen.auditHead.hash.slice(0, 16)}…)`;
        const differs =
          current.membershipVersion !== seen.membershipVersion
            ? `its list of members is at version ${number.format(current.membershipVersion)}, not ${number.format(seen.membershipVersion)}`
            : seen.auditHead !== null && (current.auditHead?.seq ?? 0) >= seen.auditHead.seq
              ? `its entry ${number.format(seen.auditHead.seq)} has a different hash`
              : 'its audit log is different';
        return (
          'This copy of the register has been changed apart from the one this computer last opened: two copies of the register have split. ' +
          `${when} ${had}${seenHead}; ${has}, but ${differs}.`
        );
      }
    }
  })();
  return `${lead} ${NOTHING_WRITTEN}`;
}

/**
 * Records `state` as the newest this computer has seen. Only ever moves forward: if the
 * record already holds a newer (or split) state, or is damaged, nothing is written and
 * the finding says why, unless `acceptOlder` (an administrator decided to open this copy;
 * the caller audits that decision). `verify` checks the record being replaced.
 */
export function recordSeen(
  dir: string,
  state: SeenState,
  keys: { sign: SignSeen; verify: VerifySeen },
  options: { acceptOlder?: boolean } = {},
): RecordSeenOutcome {
  const checked = seenStateSchema.safeParse(state);
  if (!checked.success) throw new TypeError(`recordSeen: not a state this computer can record (${checked.error.issues.map((i) => i.path.join('.')).join(', ')}).`);
  const fileName = seenFileName(state.registerId);
  if (options.acceptOlder !== true) {
    const before = readSeen(dir, state.registerId, keys.verify);
    if (before.kind === 'damaged') return { recorded: false, finding: before.finding };
    if (before.kind === 'seen') {
      const older = compareWithSeen(before.state, state);
      if (older !== null) return { recorded: false, finding: older };
    }
  }
  // Fixed field order: the body is signed as written and read back verbatim.
  const body = JSON.stringify({
    registerId: state.registerId,
    keyGeneration: state.keyGeneration,
    seq: state.seq,
    auditHead: state.auditHead === null ? null : { seq: state.auditHead.seq, hash: state.auditHead.hash },
    membershipVersion: state.membershipVersion,
    at: state.at,
    by: state.by,
  });
  const signature = Buffer.from(keys.sign(signedBytes(body))).toString('base64');
  const text = `${JSON.stringify({ magic: SEEN_MAGIC, version: SEEN_VERSION, body, signature }, null, 2)}\n`;
  try {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    for (const name of fs.readdirSync(dir)) {
      if (name.startsWith(`${fileName}.`) && name.endsWith('.tmp')) removeQuietly(path.join(dir, name));
    }
    writeFileAtomicSync(path.join(dir, fileName), Buffer.from(text, 'utf8'));
  } catch {
    throw new VaultError(
      'write_failed',
      "This computer's record of the register could not be saved, so it still holds the state it had before. Check the disk has free space, then lock and unlock the register again.",
    );
  }
  return { recorded: true };
}
