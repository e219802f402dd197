/*
 * MAPPA Register file format, version 2 (version 1 is still read, to be upgraded)
 * ===============================================================================
 *
 * One register = one folder holding:
 *
 *   register.json                  header (JSON; its membership is signed, see below)
 *   snapshot-<seq:16 digits>.mrs   encrypted snapshot of the sql.js database after commit <seq>
 *   journal-<seq:16 digits>.mrj    encrypted journal: commits <seq>+1, <seq>+2 ... after that snapshot
 *   snapshot-<seq>.mrs.next-g<G>   a re-key in progress: the snapshot under key generation G (rekeyFiles.ts)
 *   unlock-attempts.json           NOT secret, NOT authenticated: failed unlock count + last failure time
 *   register.lock                  NOT secret: present while the register is unlocked somewhere (see Folder lock)
 *   *.tmp                          leftovers of an interrupted atomic write; ignored, removed on next save
 *
 * Keys (format 2)
 *   Each member has an Ed25519 key pair (signs) and an X25519 key pair (receives the data key).
 *   slot key = scrypt(passphrase NFC, slot salt 16 B, N, r, p) -> 32 B; it wraps the member's
 *              private keys: AES-256-GCM, AAD = "mappa v2 slot" | id | N:r:p | registerId | salt.
 *   dataKey  = 32 random bytes per key generation; sealed to each member's X25519 key
 *              (ephemeral X25519, HKDF-SHA256, AES-256-GCM; context = id | generation | registerId).
 *   Sub-keys = HKDF-SHA256(dataKey, salt = registerId, info = "mappa v1 <purpose>") for
 *              "users", "journal", "snapshot" (snapshots and backups).
 *
 * Header (register.json), format 2 (headerV2.ts)
 *   { magic: "MAPPA-REGISTER", formatVersion: 2, body: "<JSON text>", checksum }
 *   body: { registerId, keyGeneration, kdf, slots: [{ id, kdf, salt, nonce, wrapped, sealed }],
 *           legacy: [format-1 slots of users not yet enrolled], membership: [signed changes], users }
 *   - slot.id = hex SHA-256("mappa v1 user" | registerId | lower-cased NFC user name).
 *   - membership (membership.ts): a chain of changes { n, prev (hash of the one before), at, by
 *     (signer's slot id), change, sig (Ed25519) } from the founder's genesis. A new register's id
 *     is derived from the founder's signing key. Adding, removing, giving administrator rights,
 *     roles and offices need an administrator's signature; a member's new keys need their own
 *     previous key; a pending (format-1) user enrols with their own new key. Roles and
 *     administrator rights are read only from here. There is no MAC from the data key: every
 *     member holds that key, so it could not tell an administrator from anyone else.
 *   - users = AES-256-GCM(users key) of JSON [{ id, userName }]; each name must hash to its id.
 *   - checksum = hex SHA-256(body): detects accidental damage before any key is known.
 *   formatVersion > 2 is refused as "made by a newer version". A format-1 header
 *   ({ ..., formatVersion: 1, body: { registerId, generation, kdf, slots: [{ id, administrator,
 *   kdf, salt, nonce, wrapped }], users }, checksum, mac }, the data key wrapped by each
 *   passphrase, an HMAC from the data key) is opened only by an administrator, who upgrades it.
 *
 * Commits (format 2): each journal record's plaintext is { by, mig, st, sig }: the signer's slot
 *   id, the migration it runs (or null), the statements (format 1's encoding, below) and an
 *   Ed25519 signature over "mappa v2 commit" | registerId | seq | previous tag | mig | st.
 *   Written and replayed only if (commitPolicy.ts) the signer is a member, the signature holds,
 *   schema changes come only in a migration commit carrying exactly that migration, and audit
 *   entries are in the signer's own name with the signer's signature over the entry's hash.
 *   At open the schema must equal exactly what the migrations make (db/schemaCheck.ts).
 *
 * Re-keying (vault.ts rekey(), rekeyFiles.ts), on removing a member or changing a passphrase:
 *   new dataKey, sealed to every remaining member; snapshot-S.mrs.next-g<G+1> written and made
 *   durable; register.json written naming generation G+1 (the moment the new key takes over);
 *   the .next file renamed to snapshot-S.mrs, an empty journal-S.mrj, every other snapshot and
 *   journal removed. Open finishes a re-key the header adopted and drops one it did not.
 *   Copies made before a re-key stay readable to whoever could read them then.
 *
 * Rollback (seenState.ts): the app's settings folder keeps, per register, the newest state this
 *   computer has seen (key generation, commit sequence, audit head, membership version), signed
 *   by the member; an older or forked copy is refused at unlock until an administrator decides.
 *
 * Journal record (journal-<S>.mrj is a plain concatenation of these; may be empty/missing)
 *   frame:  "MRJ1" (4) | len u32 BE (4) | ~len u32 BE (4) | body (len)
 *   body:   seq u64 BE (8) | nonce (12) | ciphertext | GCM tag (16)
 *   AAD  =  "MAPPA-J1" | registerId (16) | seq u64 | previous tag (16)
 *   plaintext = format 1: JSON [[sql, params], ...]: the commit's statements and bound params
 *              verbatim (Uint8Array params as {"$b": base64}); format 2: the signed { by, mig, st, sig }
 *              above, st being that same JSON text.
 *   Chain: "previous tag" is the GCM tag of record seq-1; for the first record after snapshot S
 *   it is the snapshot's chainTag; for a new register it is 16 zero bytes. seq must be S+1, S+2...
 *   A record with fewer bytes left than its (intact) frame claims, a partial frame, or an all-zero
 *   tail is a torn last write from a crash: it is ignored and truncated before the next append.
 *   Anything else that fails (bad magic/length check, GCM failure, wrong seq, broken chain) is
 *   'damaged'. Deleting whole records from the END is indistinguishable from a crash before those
 *   commits were written: the file alone cannot show it; the computer's record of what it has
 *   seen (Rollback, above) does.
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
 * Folder lock (register.lock): JSON { pid, started (when that process started, so a reused pid
 *   is told apart), host, token (16 random bytes hex), since (ISO time) }.
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
/** Format 1's version (header.ts reads it, to upgrade); format 2 is headerV2.ts's FORMAT_VERSION_2. */
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
