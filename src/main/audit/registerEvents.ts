import type { Writer } from '../db/types';
import { appendAudit } from './log';
import type { AuditActor } from './types';

// Entries for register-level events that have no row of their own.

/**
 * After a successful unlock: failed attempts since the last unlock (the vault counts
 * them; nothing can be written while the register is locked), then the unlock itself.
 */
export function recordUnlock(w: Writer, input: { actor: AuditActor; failedAttemptsSinceLastUnlock: number; at: string }): void {
  const failed = Math.max(0, Math.floor(input.failedAttemptsSinceLastUnlock));
  if (failed > 0) appendAudit(w, { actor: input.actor, action: 'failed_unlock', details: { count: failed } }, input.at);
  appendAudit(w, { actor: input.actor, action: 'unlock' }, input.at);
}

/** Before locking (by the user, or automatically after inactivity). */
export function recordLock(w: Writer, input: { actor: AuditActor; automatic: boolean; at: string }): void {
  appendAudit(w, { actor: input.actor, action: input.automatic ? 'auto_lock' : 'lock' }, input.at);
}

/**
 * An export of the audit log itself. Details keep the format and the range of entries;
 * the filter description stays out (it may name a subject).
 */
export function recordAuditExport(
  w: Writer,
  input: { actor: AuditActor; format: 'csv' | 'pdf'; seqs: readonly number[]; reason?: string | null; at: string },
): void {
  const seqs = [...input.seqs].sort((a, b) => a - b);
  appendAudit(
    w,
    {
      actor: input.actor,
      action: 'audit_export',
      reason: input.reason ?? null,
      details: { format: input.format, entries: seqs.length, firstSeq: seqs[0] ?? null, lastSeq: seqs.at(-1) ?? null },
    },
    input.at,
  );
}
