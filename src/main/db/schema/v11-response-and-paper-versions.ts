import type { Migration } from '../migrations';

// Two additions, each to a record that lost something without them:
//
//   sar_requests.response_details  what the response letter says besides the released items
//                                  (the office's address and signatory, the addressee's
//                                  address, the purposes, legal basis, categories, recipients,
//                                  retention and source, and whether the requester is told of
//                                  a withholding or restriction, with the reasons), as the IG
//                                  lead last saved them, JSON. The response and the internal
//                                  schedule are both made from it.
//   meeting_paper_versions         each earlier text of a meeting paper, kept when its writer
//                                  changes it: what the panel read is never lost.
export const responseAndPaperVersionsMigration: Migration = {
  version: 11,
  description: 'the subject access response details, and the earlier versions of meeting papers',
  statements: [
    'ALTER TABLE sar_requests ADD COLUMN response_details TEXT',
    `CREATE TABLE meeting_paper_versions (
      paper_id TEXT NOT NULL REFERENCES meeting_papers (id),
      version INTEGER NOT NULL CHECK (version > 0),
      meeting_id TEXT NOT NULL REFERENCES meetings (id),
      subject_id TEXT NOT NULL,
      title TEXT NOT NULL,
      report TEXT NOT NULL,
      item_ids TEXT NOT NULL,
      classification TEXT NOT NULL CHECK (classification IN ('OFFICIAL', 'OFFICIAL-SENSITIVE')),
      written_at TEXT NOT NULL,
      written_by TEXT NOT NULL,
      replaced_at TEXT NOT NULL,
      replaced_by TEXT NOT NULL,
      PRIMARY KEY (paper_id, version)
    ) STRICT`,
  ],
};
