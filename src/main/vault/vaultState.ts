// The open register's shape: its state in memory (VaultState) and what the rest of the
// app may do with it (Vault). VaultImpl (vault.ts) implements it.
import type { Reader, Writer } from '../db/types';
import type { SqlDb } from '../db/sqlite';
import type { Migration } from '../db/migrations';
import type { HeaderBodyV2 } from './headerV2';
import type { Identity } from './identity';
import type { DataKeys } from './keys';
import type { UserEntry } from './keySlots';
import type { MembershipState } from './membership';
import type { FolderLock } from './folderLock';

export interface SnapshotThreshold {
  bytes: number;
  records: number;
}

export const DEFAULT_SNAPSHOT_THRESHOLD: SnapshotThreshold = { bytes: 4 * 1024 * 1024, records: 2000 };

export interface VaultState {
  folder: string;
  registerId: Buffer;
  userName: string;
  slotId: string;
  keys: DataKeys;
  header: HeaderBodyV2;
  headerBytes: Buffer;
  users: UserEntry[];
  /** The signed-in member's own key pairs: they sign every commit and audit entry. */
  identity: Identity;
  /** The verified membership (roles, administrators, public keys). */
  membership: MembershipState;
  /** The migrations this build knows: the only commits allowed to change the schema. */
  migrations: readonly Migration[];
  db: SqlDb;
  seq: number;
  lastTag: Buffer;
  snapshotSeq: number;
  journalValidLength: number;
  journalRecords: number;
  threshold: SnapshotThreshold;
  /** The one clock (membership changes are dated by it). */
  clock: () => Date;
  /** Where this computer keeps the newest state it has seen of each register (rollback detection); none in some tests. */
  seenDir?: string;
  /** register.lock held while unlocked; released by lock(). */
  folderLock?: FolderLock;
}

export interface UserSummary {
  userName: string;
  administrator: boolean;
  /** Role and office from the signed membership (null until an administrator sets them). */
  role: string | null;
  officeId: string | null;
  /** A user of a register made before format 2 who has not unlocked since (no keys of their own yet). */
  pending: boolean;
}

/** The audit entry signature label: an entry's hash, signed by its author. */
export const AUDIT_SIGNATURE_LABEL = 'mappa v2 audit';
export const COMMIT_SIGNATURE_LABEL = 'mappa v2 commit';

export interface Vault {
  readonly registerId: string;
  readonly folder: string;
  readonly userName: string;
  readonly isAdministrator: boolean;
  /** The signed-in member's role and office from the signed membership (null until set). */
  readonly memberRole: { role: string; officeId: string } | null;
  /** The membership's version and head, the key generation and the last commit (for rollback checks). */
  readonly position: { seq: number; keyGeneration: number; membershipVersion: number; membershipHead: string };
  readonly reader: Reader;
  readonly locked: boolean;
  /** Runs fn in a transaction and makes it durable (journal fsynced) before returning. */
  commit<T>(fn: (w: Writer) => T): T;
  /** The signed-in member's signature over an audit entry's hash (appendAudit stores it with the entry). */
  signAudit(hash: string): string;
  /** The signed-in member's public signing key (raw Ed25519, base64). */
  memberSigningKey(): string;
  /** The signed-in member's own signature over bytes under a label: what they sign that leaves the register (an undertaking's acknowledgement). */
  signAsMember(label: string, bytes: Uint8Array): string;
  /**
   * Checks an audit entry's signature against every signing key its author has had in the
   * membership: 'signed', 'bad' (wrong or forged), or 'unknown' (no such member).
   */
  checkAuditSignature(userName: string, hash: string, signature: string): 'signed' | 'bad' | 'unknown';
  /** Records on this computer the register's state now (done at unlock and lock; rollback detection). */
  rememberSeen(acceptOlder?: boolean): void;
  /** An administrator sets a member's role and office in the signed membership. */
  setRole(userName: string, role: string, officeId: string): void;
  /** New key pairs under the new passphrase, and a re-key of the register. */
  changePassphrase(oldPassphrase: string, newPassphrase: string): Promise<void>;
  addUser(u: { userName: string; passphrase: string; administrator: boolean }): Promise<void>;
  /** Removes the user and re-keys the register, so they cannot read what is written after. */
  removeUser(userName: string): Promise<void>;
  listUsers(): UserSummary[];
  backup(file: string, onProgress?: (fractionDone: number) => void): Promise<void>;
  snapshot(): void;
  /**
   * After a disposal: snapshots the current state, then removes every older snapshot and
   * journal, so deleted rows survive nowhere in the folder. See format.ts "Purge history".
   */
  purgeHistory(): void;
  /** Snapshots if the journal is non-empty, then drops the keys and the database. */
  lock(): void;
}
