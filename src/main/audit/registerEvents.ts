import type { ActEntry } from './types';

// Entries for register-level events that have no row of their own.

/**
 * After a successful unlock: failed attempts since the last unlock (the vault counts
 * them; nothing can be written while the register is locked), then the unlock itself.
 */
export function unlockEntries(failedAttemptsSinceLastUnlock: number): ActEntry[] {
  const failed = Math.max(0, Math.floor(failedAttemptsSinceLastUnlock));
  return [...(failed > 0 ? [{ action: 'failed_unlock', details: { count: failed } } as const] : []), { action: 'unlock' }];
}

/** Before locking (by the user, or automatically after inactivity). */
export function lockEntry(automatic: boolean): ActEntry {
  return { action: automatic ? 'auto_lock' : 'lock' };
}

/**
 * An export of the audit log itself. Details keep the format and the range of entries;
 * the filter description stays out (it may name a subject).
 */
export function auditExportEntry(input: { format: 'csv' | 'pdf'; seqs: readonly number[]; reason?: string | null }): ActEntry {
  const seqs = [...input.seqs].sort((a, b) => a - b);
  return {
    action: 'audit_export',
    reason: input.reason ?? null,
    details: { format: input.format, entries: seqs.length, firstSeq: seqs[0] ?? null, lastSeq: seqs.at(-1) ?? null },
  };
}
