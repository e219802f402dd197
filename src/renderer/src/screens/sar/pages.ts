import type { SarView } from '../../../../shared/channels/sar';
import type { TaskStatus as StepStatus } from '../disclosure/tasks';

// The pages of one subject access request (issue 13), and its steps as an MOJ task list.
// Whether a step is done is read from the request as the service holds it: what still stops
// the response is the service's (`responseProblems`), never worked out again here.

/** The request's own page, its actions (one form each), and the steps that answer it. */
export type SarPage = 'request' | 'identity' | 'fee' | 'clarify' | 'answer' | 'extend' | 'close' | 'find' | 'holdings' | 'details' | 'check';

// The MOJ task list's statuses and their words, as the disclosure's task list has them.
export { TASK_STATUS_WORDS as STEP_STATUS_WORDS, type TaskStatus as StepStatus } from '../disclosure/tasks';

export interface Step {
  page: SarPage;
  title: string;
  hint: string;
  status: StepStatus;
  statusText?: string;
}

export function sarSteps(v: SarView): Step[] {
  const found = v.confirmed.length > 0;
  const decideStatus: StepStatus = !found ? 'cannot_start' : v.toDecide === 0 ? (v.decided > 0 ? 'completed' : 'not_needed') : v.decided > 0 ? 'in_progress' : 'not_started';
  const referStatus: StepStatus = !found ? 'cannot_start' : v.toRefer > 0 ? (v.referrals.length > 0 ? 'in_progress' : 'not_started') : v.referrals.length > 0 ? 'completed' : 'not_needed';
  const made = v.outputs.some((o) => o.kind === 'response');
  const ready = v.responseProblems.length === 0;
  return [
    { page: 'find', title: 'Find and confirm the requester', hint: 'Search the register by the names, date of birth and references given; confirm who the requester is and how you know.', status: found ? 'completed' : 'not_started' },
    {
      page: 'holdings',
      title: 'Decide on this office’s items',
      hint: found ? `Release, release with redactions, or withhold: ${v.decided} decided, ${v.toDecide} to decide.` : 'Release, release with redactions, or withhold, item by item.',
      status: decideStatus,
    },
    { page: 'holdings', title: 'Refer other agencies’ items to their owners', hint: 'Another agency’s information is never released by this office: its owner answers for it.', status: referStatus },
    { page: 'details', title: 'Write the response details', hint: 'The address, who signs, and what the law says the response must tell the requester.', status: v.responseDetails === null ? 'not_started' : 'completed' },
    {
      page: 'check',
      title: 'Check and make the files',
      hint: ready ? 'Nothing stops the response: make it, the redaction log and the internal schedule.' : 'See what still stops the response, then make it.',
      status: made ? 'completed' : ready ? 'not_started' : 'in_progress',
      statusText: made ? 'Response made' : ready ? 'Ready to make' : 'Not ready yet',
    },
  ];
}

/** Where to go to put right one of the service's sentences on what stops the response. */
export function pageForProblem(problem: string): SarPage {
  if (/^Confirm which people/.test(problem)) return 'find';
  if (/^Write the response|^Give the reasons/.test(problem)) return 'details';
  if (/^Decide on|changed since|^Refer |^When the requester is not told/.test(problem)) return 'holdings';
  return 'request';
}
