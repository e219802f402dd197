import { z } from 'zod';
import { accessReasonSchema } from '../accessReasons';
import { id } from '../fields';
import * as rs from '../registerSchemas';
import { done, none, type ContractSlice } from './slice';

// The register's records: subjects, their items (each owned by an agency office), the
// review intervals and retention.

export const reviewIntervals = z.object({
  level2Weeks: z.number({ error: 'Enter the number of weeks for Level 2' }).int('Enter a whole number of weeks').min(1, 'Review Level 2 cases at least 1 week ahead').max(26, 'Review Level 2 cases at least every 26 weeks'),
  level3Weeks: z.number({ error: 'Enter the number of weeks for Level 3' }).int('Enter a whole number of weeks').min(1, 'Review Level 3 cases at least 1 week ahead').max(6, 'Level 3 cases are reviewed at least every 6 weeks (procedures §8)'),
});
export type ReviewIntervals = z.infer<typeof reviewIntervals>;

export const registerContract = {
  'subjects.search': {
    input: rs.searchInput,
    output: z.object({ subjects: z.array(rs.subjectSummary), total: z.number(), matchedBy: z.enum(['everything', 'date_of_birth', 'reference', 'words']) }),
  },
  /** Opening a record: asks why (when the register requires it) and checks declared associations. */
  'subjects.get': { input: z.object({ id, reason: accessReasonSchema.nullable().default(null) }).strict(), output: rs.subjectDetail },
  'subjects.create': { input: rs.subjectInput, output: z.object({ id }) },
  'subjects.update': { input: z.object({ id, subject: rs.subjectInput }).strict(), output: z.object({ id }) },
  'subjects.delete': { input: rs.deletion, output: done },
  'subjects.reviewsDue': { input: none, output: z.array(rs.subjectSummary) },
  /** Weeks to a Level 2/3 case's next review when none is given (procedures §8: Level 3 every 4–6 weeks). */
  'subjects.reviewIntervals': { input: none, output: reviewIntervals },
  'subjects.setReviewIntervals': { input: reviewIntervals.strict(), output: reviewIntervals },

  'items.add': { input: rs.itemInput, output: rs.itemView },
  'items.update': { input: rs.itemUpdate, output: rs.itemView },
  'items.delete': { input: rs.deletion, output: done },
  'items.history': { input: z.object({ id }).strict(), output: z.array(rs.itemVersion) },

  'retention.rules': { input: none, output: z.array(rs.retentionRule) },
  'retention.setRule': { input: rs.retentionRule, output: z.array(rs.retentionRule) },
  'retention.due': { input: none, output: z.array(rs.retentionDue) },
  'retention.decide': { input: rs.retentionDecisionInput, output: z.array(rs.retentionDue) },
} as const satisfies ContractSlice;
