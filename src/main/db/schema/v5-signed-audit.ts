import type { Migration } from '../migrations';

// Format-2 registers: every audit entry carries its author's Ed25519 signature over the
// entry's hash, so nobody but its author can write or re-hash an entry in their name.
// Entries made before the upgrade keep a null signature; verification requires a
// signature on every entry after the first signed one.
export const signedAuditMigration: Migration = {
  version: 5,
  description: 'audit_log.signature: each entry signed by its author',
  statements: ['ALTER TABLE audit_log ADD COLUMN signature TEXT'],
};
