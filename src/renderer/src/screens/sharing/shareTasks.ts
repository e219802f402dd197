import type { ShareView } from '../../../../shared/channels/sharing';
import type { ShareStep } from '../../session';

// The task list's statuses, worked out from the share as the service holds it: leaving and
// coming back shows the same list. The service decides whether the share can go (`ready`,
// `problems`); these only say which step to do next.

export type TaskStatus = 'completed' | 'incomplete' | 'not_started' | 'cannot_start';

export interface Task {
  step: Exclude<ShareStep, 'tasks' | 'done'>;
  title: string;
  hint: string;
  status: TaskStatus;
}

export function shareTasks(share: ShareView): Task[] {
  // The person's names are always in a share; choosing is done once anything else is.
  const fields: TaskStatus = share.lines.length > 1 ? 'completed' : 'incomplete';
  const details: TaskStatus =
    share.purpose !== null &&
    !(share.purpose === 'other' && !share.purposeOther) &&
    share.recipients.length > 0 &&
    share.gateway !== null &&
    !(share.gateway === 'other' && !share.gatewayOther) &&
    share.regime !== null
      ? 'completed'
      : 'incomplete';
  // The tests depend on the purpose (the proportionality table) and the recipients (the owner's permission).
  const tests: TaskStatus = fields !== 'completed' || details !== 'completed' ? 'cannot_start' : share.lines.every((l) => l.problems.length === 0) ? 'completed' : 'incomplete';
  const check: TaskStatus = tests === 'completed' ? 'not_started' : 'cannot_start';
  return [
    { step: 'fields', title: 'Choose the information', hint: 'Which of the person’s details and items go, whole or field by field.', status: fields },
    { step: 'details', title: 'Purpose and recipients', hint: 'Why it is shared, with which partner offices, under which law, and its conditions.', status: details },
    { step: 'tests', title: 'The three tests, field by field', hint: 'Necessary, proportionate and relevant, for each field.', status: tests },
    { step: 'check', title: 'Check your answers and save the file', hint: 'Confirm the share and save its encrypted file for the recipients.', status: check },
  ];
}

export const TASK_STATUS_WORDS: Record<TaskStatus, string> = {
  completed: 'Completed',
  incomplete: 'Incomplete',
  not_started: 'Not yet started',
  cannot_start: 'Cannot start yet',
};
