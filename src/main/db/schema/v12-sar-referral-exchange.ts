import type { Migration } from '../migrations';

// A subject access request's referral of another agency's items to their owner can go as an
// exchange file where the owner's office has a register (issue 13):
//
//   sar_referrals (added)    the exchange file it went as, and when.
//   sar_referrals_received   on the owner's register: the referral as it arrived (its signed
//                            manifest, kept in the encrypted register: who asked, what for, the
//                            items referred by their origin), and the request started from it.
export const sarReferralExchangeMigration: Migration = {
  version: 12,
  description: 'subject access referrals sent as exchange files, and those received',
  statements: [
    'ALTER TABLE sar_referrals ADD COLUMN exchange_id TEXT',
    'ALTER TABLE sar_referrals ADD COLUMN exchange_sent_at TEXT',
    `CREATE TABLE sar_referrals_received (
      exchange_id TEXT PRIMARY KEY NOT NULL,
      from_office_id TEXT NOT NULL REFERENCES offices (id),
      requester_name TEXT NOT NULL,
      names TEXT NOT NULL,
      date_of_birth TEXT,
      manifest TEXT NOT NULL,
      file_sha256 TEXT NOT NULL CHECK (length(file_sha256) = 64),
      imported_at TEXT NOT NULL,
      imported_by TEXT NOT NULL,
      request_id TEXT REFERENCES sar_requests (id)
    ) STRICT`,
  ],
};
