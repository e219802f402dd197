/*
 * MAPPA Register file format, version 1
 * =====================================
 *
 * One register = one folder holding:
 *
 *   register.json                  header (JSON, authenticated)
 *   snapshot-<seq:16 digits>.mrs   encrypted snapshot of the sql.js database after commit <seq>
 *   journal-<seq:16 digits>.mrj    encrypted journal: commits <seq>+1, <seq>+2 ... after that snapshot
 *   unlock-attempts.json           NOT secret, NOT authenticated: failed unlock count + last failure time
 *   register.lock                  NOT secret: present while the register is unlocked somewhere (see Folder lock)
 *   *.tmp                          leftovers of an interrupted atomic write; ignored, removed on next save
 *
 * Keys
 *   dataKey  = 32 random bytes, made once per register; encrypts everything.
 *   slot key = scrypt(passphrase NFC, slot salt 16 B, N, r, p) -> 32 B, wraps the data key.
 *   Sub-keys = HKDF-SHA256(dataKey, salt = registerId, info = "mappa v1 <purpose>") for
 *              purposes "header-mac", "users", "journal", "snapshot" (snapshots and backups).
 *
 * Header (register.json)
 *   { magic: "MAPPA-REGISTER", formatVersion: 1, body: "<JSON text>", checksum, mac }
 *   body (JSON text kept verbatim so the MAC covers exact bytes):
 *     { registerId: hex16B, generation, kdf: {N,r,p} (default for new slots),
 *       slots: [{ id, administrator, kdf: {N,r,p}, salt, nonce, wrapped }], users }
 *   - slot.id = hex SHA-256("mappa v1 user" | registerId | lower-cased NFC user name): the
 *     header does not list user names in clear; unlock looks the slot up by this id.
 *   - slot.wrapped = AES-256-GCM(slot key, nonce, dataKey, AAD = "mappa v1 slot" | registerId |
 *     id | administrator | N | r | p | salt) as ciphertext||tag (base64).
 *   - users = AES-256-GCM(users key) of JSON [{ id, userName }] for listUsers (base64 nonce||ct||tag).
 *   - checksum = hex SHA-256(body): detects accidental damage before any key is known.
 *   - mac = hex HMAC-SHA256(header-mac key, "MAPPA-REGISTER v1" | 0x00 | body): verified
 *     after the data key is unwrapped; covers KDF params, slots, register id, format version.
 *   formatVersion > 1 is refused as "made by a newer version".
 *
 * Journal record (journal-<S>.mrj is a plain concatenation of these; may be empty/missing)
 *   frame:  "MRJ1" (4) | len u32 BE (4) | ~len u32 BE (4) | body (len)
 *   body:   seq u64 BE (8) | nonce (12) | ciphertext | GCM tag (16)
 *   AAD  =  "MAPPA-J1" | registerId (16) | seq u64 | previous tag (16)
 *   plaintext = JSON [[sql, params], ...]: the commit's statements and bound params verbatim
 *              (Uint8Array params as {"$b": base64}).
 *   Chain: "previous tag" is the GCM tag of record seq-1; for the first record after snapshot S
 *   it is the snapshot's chainTag; for a new register it is 16 zero bytes. seq must be S+1, S+2...
 *   A record with fewer bytes left than its (intact) frame claims, a partial frame, or an all-zero
 *   tail is a torn last write from a crash: it is ignored and truncated before the next append.
 *   Anything else that fails (bad magic/length check, GCM failure, wrong seq, broken chain) is
 *   'damaged'. Limit: deleting whole records from the END is indistinguishable from a crash
 *   before those commits were written (a rollback, not a corruption).
 *
 * Encrypted stream (snapshot files; also the body of a backup file)
 *   fixed header (53 B): "MRS1" (4) | kind u8 (1 = snapshot, 2 = backup) | registerId (16) |
 *                        seq u64 (8) | chainTag (16) | plainLength u64 (8)
 *   then ceil(plainLength / 1 MiB) chunks (at least 1): nonce (12) | ciphertext | tag (16)
 *   chunk AAD = the fixed header | chunk index u32 | final u8 (1 on the last chunk)
 *   The file size must equal exactly what plainLength implies; anything else is 'damaged'.
 *
 * Backup file (*.mappa-backup): "MRB1" (4) | headerLen u32 BE | register.json bytes | stream(kind 2)
 *   Restoring verifies the passphrase against the embedded header and the whole stream, then
 *   writes register.json + snapshot-<seq>.mrs into an empty folder.
 *
 * Snapshot procedure (S = last committed seq, S0 = previous snapshot):
 *   export db -> stream-encrypt to snapshot-S.mrs.tmp -> fsync -> rename -> fsync folder ->
 *   create empty journal-S.mrj -> fsync folder -> delete snapshots/journals older than S0.
 *   A crash at any step leaves either (snapshot-S0 + complete journal-S0) or (snapshot-S [+ journal-S]),
 *   and open always uses the newest snapshot, so the last acknowledged commit survives. A journal
 *   newer than the newest snapshot means a snapshot was removed: 'damaged'.
 *
 * Purge history (vault.purgeHistory(), after a retention disposal): the disposed rows must not
 *   stay on disk, but the journal since the last snapshot holds their original INSERTs, and the
 *   previous snapshot S0 (+ journal-S0) holds them too. With PRAGMA secure_delete ON the live
 *   database no longer holds their bytes, so:
 *     1. snapshot(): snapshot-S of the current state, exactly as above (if the journal is empty,
 *        the newest snapshot already is the current state: S = snapshotSeq, and journal-S is
 *        cut to zero length + fdatasync, dropping any torn tail);
 *     2. delete every snapshot-N and journal-N with N < S (journals first), and *.tmp files;
 *     3. fsync the folder.
 *   Crash at 1: as for any snapshot: either (S0 + complete journal-S0) or (S [+ journal-S]) is
 *   newest, nothing was deleted yet, the purge just did not happen (the caller retries).
 *   Crash in 2/3: snapshot-S and journal-S were durable (renamed + folder fsynced) before the first
 *   deletion. Open reads only the newest snapshot and its journal, and only journals NEWER than it
 *   are refused, so any subset of the older files being gone (or reappearing after a power cut
 *   before the folder fsync) leaves open on snapshot-S + journal-S = every acknowledged commit.
 *   The price: no previous snapshot is kept as a manual fallback until the next snapshot.
 *   Limits: files are unlinked, not overwritten (on SSDs and copy-on-write filesystems an
 *   overwrite would not reach the old blocks anyway); their freed blocks stay ciphertext under
 *   the same data key. Backups the user made earlier still hold the data.
 *
 * Folder lock (register.lock): JSON { pid, host, token (16 random bytes hex), since (ISO time) }.
 *   No user names, no register data. Created with O_EXCL (open 'wx') and fsynced by open, create
 *   and restore before they read or write anything else; removed by lock() (only if the token
 *   is still ours) and when open/create/restore fail. An existing lock is
 *     - live   if its host is another machine (a pid there cannot be checked), or it is this host
 *              and the pid is running and is not this process: refused with 'in_use';
 *     - stale  if it is this host and the pid is not running (a crash or SIGKILL), or the pid is
 *              this process (an earlier open here that never locked), or the file is unreadable
 *              and older than 30 s (a crash between create and write): taken over by renaming
 *              it aside, checking the moved bytes are the ones judged stale (else put back and
 *              refuse), and creating ours with O_EXCL again.
 *   A lock left on a shared drive by a machine that crashed stays 'in_use' until it is removed
 *   by hand (or that machine opens and locks the register again).
 */

export const HEADER_FILE = 'register.json';
export const ATTEMPTS_FILE = 'unlock-attempts.json';
export const LOCK_FILE = 'register.lock';
export const HEADER_MAGIC = 'MAPPA-REGISTER';
export const FORMAT_VERSION = 1;

export const JOURNAL_MAGIC = Buffer.from('MRJ1', 'latin1');
export const JOURNAL_FRAME_BYTES = 12;
export const JOURNAL_AAD_LABEL = Buffer.from('MAPPA-J1', 'latin1');

export const STREAM_MAGIC = Buffer.from('MRS1', 'latin1');
export const STREAM_HEADER_BYTES = 53;
export const STREAM_KIND_SNAPSHOT = 1;
export const STREAM_KIND_BACKUP = 2;
export const CHUNK_BYTES = 1024 * 1024;

export const BACKUP_MAGIC = Buffer.from('MRB1', 'latin1');

export const NONCE_BYTES = 12;
export const TAG_BYTES = 16;
export const KEY_BYTES = 32;
export const REGISTER_ID_BYTES = 16;
export const ZERO_TAG = Buffer.alloc(TAG_BYTES);

const SEQ_DIGITS = 16;

export function snapshotFileName(seq: number): string {
  return `snapshot-${String(seq).padStart(SEQ_DIGITS, '0')}.mrs`;
}

export function journalFileName(seq: number): string {
  return `journal-${String(seq).padStart(SEQ_DIGITS, '0')}.mrj`;
}

const SNAPSHOT_RE = /^snapshot-(\d{16})\.mrs$/;
const JOURNAL_RE = /^journal-(\d{16})\.mrj$/;

export interface FolderFiles {
  snapshots: number[]; // sequence numbers, ascending
  journals: number[];
  temps: string[];
}

export function classifyFolder(names: readonly string[]): FolderFiles {
  const snapshots: number[] = [];
  const journals: number[] = [];
  const temps: string[] = [];
  for (const name of names) {
    const s = SNAPSHOT_RE.exec(name);
    const j = JOURNAL_RE.exec(name);
    if (s?.[1] !== undefined) snapshots.push(Number(s[1]));
    else if (j?.[1] !== undefined) journals.push(Number(j[1]));
    else if (name.endsWith('.tmp')) temps.push(name);
  }
  snapshots.sort((a, b) => a - b);
  journals.sort((a, b) => a - b);
  return { snapshots, journals, temps };
}

export function u32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n >>> 0);
  return b;
}

export function u64(n: number): Buffer {
  const b = Buffer.alloc(8);
  b.writeBigUInt64BE(BigInt(n));
  return b;
}

export function readU64(buf: Buffer, offset: number): number {
  const v = buf.readBigUInt64BE(offset);
  if (v > BigInt(Number.MAX_SAFE_INTEGER)) return Number.NaN;
  return Number(v);
}
