import { registerMigration } from './schema/v2-register';
import { auditMigration } from './schema/v3-audit';
import { repairMigration } from './schema/v4-repair-edited-migrations';
import { signedAuditMigration } from './schema/v5-signed-audit';
import { sharingMigration } from './schema/v6-sharing';
import { meetingsMigration } from './schema/v7-meetings';
import { meetingPacksMigration } from './schema/v8-meeting-packs';
import { disclosureMigration } from './schema/v9-disclosure';
import { subjectAccessMigration } from './schema/v10-subject-access';
import { responseAndPaperVersionsMigration } from './schema/v11-response-and-paper-versions';
import { sarReferralExchangeMigration } from './schema/v12-sar-referral-exchange';

// Schema migrations, numbered by PRAGMA user_version. To add one, append an entry with the
// next version number; each runs as one durable commit (journaled like any other).
// A migration that has shipped is never edited: a register on someone's disk was made by
// the old text and will not run it again. Fix or change the schema with a new migration
// (tests/unit/db/frozenMigrations.test.ts holds a hash of each one and fails if one
// changes), and add a fixture register made by it (tests/fixtures/make-fixtures.ts).
export interface Migration {
  version: number;
  description: string;
  statements: readonly string[];
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'meta: register-wide key/value settings',
    statements: ['CREATE TABLE meta (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL) STRICT'],
  },
  registerMigration,
  auditMigration,
  repairMigration,
  signedAuditMigration,
  sharingMigration,
  meetingsMigration,
  meetingPacksMigration,
  disclosureMigration,
  subjectAccessMigration,
  responseAndPaperVersionsMigration,
  sarReferralExchangeMigration,
];

export function latestVersion(migrations: readonly Migration[] = MIGRATIONS): number {
  return migrations.reduce((max, m) => Math.max(max, m.version), 0);
}

/** Migrations still to run, in order. Throws if the list is not numbered 1, 2, 3 ... */
export function pendingMigrations(current: number, migrations: readonly Migration[] = MIGRATIONS): Migration[] {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`Migration ${i + 1} is numbered ${m.version}.`);
  });
  return migrations.filter((m) => m.version > current);
}
