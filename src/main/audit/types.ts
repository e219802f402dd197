import type { Role } from '../../shared/permissions';
import type { AgencyKindCode } from '../../shared/vocabulary';

// What the audit trail records. Every act that reads, changes or sends register
// information leaves one entry (DESIGN.md promise 3; DOMAIN.md "Integrity and misuse").

export const AUDIT_ACTIONS = [
  // the register itself
  'unlock',
  'failed_unlock', // recorded at the next successful unlock, with the count
  'lock',
  'auto_lock',
  'key_change', // passphrase change, key slot added or removed
  'backup',
  'restore',
  'settings_change',
  // subjects and items
  'subject_view',
  'subject_create',
  'subject_edit',
  'subject_delete',
  'item_create',
  'item_edit',
  'item_delete',
  // offices and users
  'office_create',
  'office_edit',
  'user_create',
  'user_edit',
  'user_remove',
  // information leaving or entering the register
  'share',
  'share_declined',
  'disclosure_step',
  'meeting_signature',
  'minutes_copy',
  'sar_step',
  'export',
  'import',
  // retention
  'retention_rule',
  'retention_decision',
  // declared associations (APP counter-corruption)
  'association_declare',
  'association_withdraw',
  'association_alert',
  'association_alert_close',
  'association_exception',
  // the audit trail itself
  'audit_export',
  'audit_verify',
] as const;
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
