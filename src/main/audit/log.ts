import { MappaError } from '../../shared/errors';
import type { Reader, SqlValue, Writer } from '../db/types';
import { canonicalJson, sha256Hex } from './canonical';
import type { AuditActor, AuditDetails, AuditEntry, AuditInput, AuditRecord } from './types';
import { isAuditAction } from './types';

// The append-only, hash-chained audit log. Each entry's hash is SHA-256 over the
// canonical JSON of all its fields, prev_hash included, so altering, removing, adding or
// moving an entry breaks the chain at that point (see verify.ts).

export const GENESIS_HASH = '0'.repeat(64);

/** Limits that keep details to identifiers and codes, never copied register content. */
export const MAX_DETAIL_STRING = 200;
export const MAX_DETAILS_JSON = 2000;
const MAX_REASON = 2000;

type AuditRow = {
  seq: number;
  at: string;
  actor_user_id: string | null;
  actor_user_name: string;
  actor_role: string | null;
  actor_office_id: string | null;
  actor_agency: string | null;
  action: string;
  subject_id: string | null;
  item_ids: string;
  reason: string | null;
  details: string;
  prev_hash: string;
  hash: string;
  signature: string | null;
};

const COLUMNS =
  'seq, at, actor_user_id, actor_user_name, actor_role, actor_office_id, actor_agency, action, subject_id, item_ids, reason, details, prev_hash, hash, signature';

export function fromRow(row: AuditRow): AuditRecord {
  return {
    seq: row.seq,
    at: row.at,
    actorUserId: row.actor_user_id,
    actorUserName: row.actor_user_name,
    actorRole: row.actor_role,
    actorOfficeId: row.actor_office_id,
    actorAgency: row.actor_agency,
    action: row.action,
    subjectId: row.subject_id,
    itemIds: row.item_ids,
    reason: row.reason,
    details: row.details,
    prevHash: row.prev_hash,
    hash: row.hash,
    signature: row.signature,
  };
}

/** The hash an entry must carry: over every stored field except the hash itself. */
export function entryHash(record: Omit<AuditRecord, 'hash'>): string {
  return sha256Hex(
    canonicalJson({
      seq: record.seq,
      at: record.at,
      actorUserId: record.actorUserId,
      actorUserName: record.actorUserName,
      actorRole: record.actorRole,
      actorOfficeId: record.actorOfficeId,
      actorAgency: record.actorAgency,
      action: record.action,
      subjectId: record.subjectId,
      itemIds: record.itemIds,
      reason: record.reason,
      details: record.details,
      prevHash: record.prevHash,
    }),
  );
}

function invalid(message: string): MappaError {
  return new MappaError('audit_invalid', message);
}

function checkDetails(details: AuditDetails): string {
  for (const [key, value] of Object.entries(details)) {
    const strings = Array.isArray(value) ? value : [value];
    for (const s of strings) {
      if (typeof s === 'string' && s.length > MAX_DETAIL_STRING) {
        throw invalid(`The audit detail "${key}" is too long: details hold identifiers and codes, not register content.`);
      }
    }
  }
  const json = canonicalJson(details as Record<string, string | number | boolean | null | readonly (string | number)[]>);
  if (json.length > MAX_DETAILS_JSON) throw invalid('The audit details are too long: record identifiers and codes only.');
  return json;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text SQLite stores as UTF-8 must be well-formed, or it would read back different from what was hashed. */
function wellFormed<T extends string | null>(text: T): T {
  return (text === null ? null : text.replace(LONE_SURROGATE, '\uFFFD')) as T;
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;

/** The last entry, or undefined when the log is empty. */
export function lastAuditRecord(r: Reader): AuditRecord | undefined {
  const row = r.get<AuditRow>(`SELECT ${COLUMNS} FROM audit_log ORDER BY seq DESC LIMIT 1`);
  return row === undefined ? undefined : fromRow(row);
}

/**
 * Appends the next entry inside the caller's commit, so the act and its entry are saved
 * together or not at all. `at` is an ISO-8601 UTC instant made by the caller.
 */
/** Signs an entry's hash as its author (the vault's signAudit); absent only in tests of the log itself. */
export type AuditSigner = (hash: string) => string;

export function appendAudit(w: Writer, input: AuditInput, at: string, sign?: AuditSigner): AuditRecord {
  if (!isAuditAction(input.action)) throw invalid(`"${String(input.action)}" is not an audit action.`);
  if (!ISO_INSTANT.test(at) || Number.isNaN(Date.parse(at))) throw invalid('The audit time must be an ISO-8601 UTC time.');
  if (input.actor.userName.trim() === '') throw invalid('An audit entry needs the name of the user who acted.');
  const reason = input.reason === undefined || input.reason === null || input.reason.trim() === '' ? null : input.reason.trim();
  if (reason !== null && reason.length > MAX_REASON) throw invalid(`The reason is too long: use no more than ${MAX_REASON} characters.`);
  const itemIds = canonicalJson([...new Set(input.itemIds ?? [])]);
  const details = checkDetails(input.details ?? {});
  const last = lastAuditRecord(w);
  const unhashed: Omit<AuditRecord, 'hash'> = {
    seq: (last?.seq ?? 0) + 1,
    at,
    actorUserId: wellFormed(input.actor.userId),
    actorUserName: wellFormed(input.actor.userName),
    actorRole: input.actor.role,
    actorOfficeId: wellFormed(input.actor.officeId),
    actorAgency: input.actor.agency,
    action: input.action,
    subjectId: wellFormed(input.subjectId ?? null),
    itemIds, // canonical JSON escapes lone surrogates itself
    reason: wellFormed(reason),
    details,
    prevHash: last?.hash ?? GENESIS_HASH,
  };
  const hash = entryHash(unhashed);
  const record: AuditRecord = { ...unhashed, hash, signature: sign ? sign(hash) : null };
  w.run(`INSERT INTO audit_log (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, [
    record.seq,
    record.at,
    record.actorUserId,
    record.actorUserName,
    record.actorRole,
    record.actorOfficeId,
    record.actorAgency,
    record.action,
    record.subjectId,
    record.itemIds,
    record.reason,
    record.details,
    record.prevHash,
    record.hash,
    record.signature ?? null,
  ]);
  return record;
}

/** Every stored entry, in seq order (for verification). */
export function readAuditRecords(r: Reader): AuditRecord[] {
  return selectAuditRecords(r, '', [], 'ORDER BY seq');
}

/** For review.ts: `where` and `tail` are SQL built from fixed text, values only in params. */
export function selectAuditRecords(r: Reader, where: string, params: readonly SqlValue[], tail: string): AuditRecord[] {
  return r.all<AuditRow>(`SELECT ${COLUMNS} FROM audit_log ${where} ${tail}`, params).map(fromRow);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** A stored record with its JSON fields parsed (unparseable text reads as empty: verify reports it). */
export function toEntry(record: AuditRecord): AuditEntry {
  const items = parseJson(record.itemIds);
  const details = parseJson(record.details);
  return {
    seq: record.seq,
    at: record.at,
    actor: {
      userId: record.actorUserId,
      userName: record.actorUserName,
      role: record.actorRole,
      officeId: record.actorOfficeId,
      agency: record.actorAgency,
    },
    action: record.action,
    subjectId: record.subjectId,
    itemIds: Array.isArray(items) ? items.filter((x): x is string => typeof x === 'string') : [],
    reason: record.reason,
    details: details !== null && typeof details === 'object' && !Array.isArray(details) ? (details as Record<string, unknown>) : {},
    prevHash: record.prevHash,
    hash: record.hash,
  };
}

/**
 * The actor as the register knows them now (users joined to offices), for the entry.
 * A name the users table does not hold yields an actor with only a name.
 */
export function actorFor(r: Reader, who: { userId: string } | { userName: string }): AuditActor {
  const row =
    'userId' in who
      ? r.get<{ id: string; user_name: string; role: string; office_id: string; agency: string | null }>(
          'SELECT u.id, u.user_name, u.role, u.office_id, o.agency FROM users u LEFT JOIN offices o ON o.id = u.office_id WHERE u.id = ?',
          [who.userId],
        )
      : r.get<{ id: string; user_name: string; role: string; office_id: string; agency: string | null }>(
          'SELECT u.id, u.user_name, u.role, u.office_id, o.agency FROM users u LEFT JOIN offices o ON o.id = u.office_id WHERE u.user_name = ? COLLATE NOCASE',
          [who.userName],
        );
  if (row === undefined) {
    if ('userId' in who) throw new MappaError('unknown_user', 'That user is not in this register.');
    return { userId: null, userName: who.userName, role: null, officeId: null, agency: null };
  }
  return {
    userId: row.id,
    userName: row.user_name,
    role: row.role as AuditActor['role'],
    officeId: row.office_id,
    agency: row.agency as AuditActor['agency'],
  };
}
