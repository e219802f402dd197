import { z } from 'zod';
import {
  alternativesInput,
  arrangementsInput,
  breakdownInput,
  decisionInput,
  disclosureStatus,
  disclosureSummary,
  disclosureView,
  fieldsInput,
  lineAnswerInput,
  madeInput,
  offenderKnowsInput,
  openInput,
  recipientInput,
  riskInput,
  startInput,
  triggersInput,
  youthInput,
} from '../disclosureSchemas';
import { id, reasonText, text } from '../fields';
import type { ContractSlice } from './slice';

// Disclosure to a third party (issue 12): a draft built task by task (the recipients, exactly
// what is disclosed with the three tests, who makes it where, when and how, and the nine
// criteria of the decision record), approval (refused while any criterion is unanswered),
// the outcome once made, withdrawal, addenda, and the briefing for each recipient. The
// records' shapes are in src/shared/disclosureSchemas.ts; the criteria's sentences in
// src/shared/disclosureCriteria.ts.

export * from '../disclosureSchemas';

const view = disclosureView;

export const disclosureContract = {
  /** Starting a disclosure shows the person's record: like opening it, it takes the reason (when the register asks). */
  'disclosures.start': { input: startInput, output: view },
  'disclosures.get': { input: openInput, output: view },
  /** One person's disclosures, or the register's, optionally by status. */
  'disclosures.list': { input: z.object({ subjectId: id.nullable().default(null), status: disclosureStatus.nullable().default(null) }).strict(), output: z.array(disclosureSummary) },

  'disclosures.setRecipient': { input: recipientInput, output: view },
  'disclosures.removeRecipient': { input: z.object({ id, recipientId: id }).strict(), output: view },
  'disclosures.setFields': { input: fieldsInput, output: view },
  'disclosures.answerField': { input: lineAnswerInput, output: view },
  'disclosures.setArrangements': { input: arrangementsInput, output: view },
  /** Criterion 1. */
  'disclosures.setRiskToOffender': { input: riskInput, output: view },
  /** Criterion 3. */
  'disclosures.setAlternatives': { input: alternativesInput, output: view },
  /** Criterion 5. */
  'disclosures.setDecision': { input: decisionInput, output: view },
  /** Criterion 6. */
  'disclosures.setTriggers': { input: triggersInput, output: view },
  /** Criterion 7. */
  'disclosures.setBreakdownSupport': { input: breakdownInput, output: view },
  /** Criterion 8. */
  'disclosures.setYouthConsultation': { input: youthInput, output: view },
  /** Criterion 9. */
  'disclosures.setOffenderKnows': { input: offenderKnowsInput, output: view },

  /** Refused, with one sentence per thing still to do, until every criterion is answered. */
  'disclosures.approve': { input: z.object({ id }).strict(), output: view },
  'disclosures.returnToDraft': { input: z.object({ id, reason: reasonText('Say why the approved disclosure goes back to draft') }).strict(), output: view },
  'disclosures.withdraw': { input: z.object({ id, reason: reasonText('Say why the disclosure is withdrawn') }).strict(), output: view },
  'disclosures.recordMade': { input: madeInput, output: view },
  'disclosures.addAddendum': { input: z.object({ id, text: text('the addendum', 5_000), reason: reasonText('Say why the addendum is needed') }).strict(), output: view },
  /** The briefing for one recipient, saved where the person chooses; recorded before the file exists. */
  'disclosures.briefing': { input: z.object({ id, recipientId: id }).strict(), output: z.object({ file: z.string().nullable() }) },
} as const satisfies ContractSlice;
