import type { Role } from '../../shared/permissions';
import type { AgencyKindCode } from '../../shared/vocabulary';

// What the audit trail records. Every act that reads, changes or sends register
// information leaves one entry (DESIGN.md promise 3; DOMAIN.md "Integrity and misuse").

import { AUDIT_ACTIONS } from '../../shared/auditActions';

export { AUDIT_ACTIONS };
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export function isAuditAction(value: string): value is AuditAction {
  return (AUDIT_ACTIONS as readonly string[]).includes(value);
}

/**
 * Who acted, as they were at that moment (the entry must stay true after a user moves
 * office or changes role). A register user without a users row (e.g. the administrator
 * who created the register) has only a name.
 */
export interface AuditActor {
  userId: string | null;
  userName: string;
  role: Role | null;
  officeId: string | null;
  agency: AgencyKindCode | null;
}

/** Details hold identifiers and codes only: never item values or other register content. */
export type AuditDetailValue = string | number | boolean | null | readonly (string | number)[];
export type AuditDetails = Readonly<Record<string, AuditDetailValue>>;

export interface AuditInput {
  actor: AuditActor;
  action: AuditAction;
  subjectId?: string | null;
  itemIds?: readonly string[];
  /** The "why" the user gave, in their words. */
  reason?: string | null;
  details?: AuditDetails;
}

/** An audit entry for an act, without its actor: session.act fills that in from who is signed in. */
export type ActEntry = Omit<AuditInput, 'actor'>;

/**
 * What an act did and the audit entries that record it. Capability functions return
 * this; only session.act commits it, the act and its entries in one durable commit.
 */
export interface Acted<T> {
  readonly value: T;
  readonly audit: readonly ActEntry[];
}

export function acted<T>(value: T, ...audit: ActEntry[]): Acted<T> {
  return { value, audit };
}

/** One stored entry, exactly as held in audit_log (itemIds and details as JSON text). */
export interface AuditRecord {
  seq: number;
  at: string;
  actorUserId: string | null;
  actorUserName: string;
  actorRole: string | null;
  actorOfficeId: string | null;
  actorAgency: string | null;
  action: string;
  subjectId: string | null;
  itemIds: string;
  reason: string | null;
  details: string;
  prevHash: string;
  hash: string;
  /** The author's Ed25519 signature over the hash (format-2 registers); null before the upgrade. */
  signature?: string | null;
}

/** An entry read back for review and export, JSON fields parsed. */
export interface AuditEntry {
  seq: number;
  at: string;
  actor: { userId: string | null; userName: string; role: string | null; officeId: string | null; agency: string | null };
  action: string;
  subjectId: string | null;
  itemIds: string[];
  reason: string | null;
  details: Record<string, unknown>;
  prevHash: string;
  hash: string;
}
