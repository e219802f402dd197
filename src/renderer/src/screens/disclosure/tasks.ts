import type { DisclosureView } from '../../../../shared/channels/disclosure';
import type { Criterion } from '../../../../shared/disclosureVocabulary';

// The disclosure's task list (MOJ task list pattern), worked out from the disclosure as the
// service holds it. Whether a criterion is answered is the service's (`criteria[].answered`,
// with its sentences); these only say whether anything has been started and which page
// answers it. Approval is the service's to refuse.

/** The pages of a draft disclosure, and of one approved or made. */
export type DisclosureTask =
  | 'tasks'
  | 'recipients'
  | 'recipient'
  | 'fields'
  | 'tests'
  | 'arrangements'
  | 'authority'
  | Criterion
  | 'check'
  | 'outcome'
  | 'withdraw'
  | 'return'
  | 'addendum';

export type TaskStatus = 'completed' | 'in_progress' | 'not_started' | 'cannot_start' | 'not_needed';

export const TASK_STATUS_WORDS: Record<TaskStatus, string> = {
  completed: 'Completed',
  in_progress: 'In progress',
  not_started: 'Not started',
  cannot_start: 'Cannot start yet',
  not_needed: 'Not needed',
};

export interface Task {
  page: DisclosureTask;
  title: string;
  hint: string;
  status: TaskStatus;
  /** The service's sentences for what is still to do (criteria only). */
  problems: string[];
  /** Words for the status other than the usual ones. */
  statusText?: string;
}

export interface TaskGroup {
  id: string;
  heading: string;
  tasks: Task[];
}

const some = (...values: (string | null | boolean)[]) => values.some((v) => v === true || (typeof v === 'string' && v.trim() !== ''));

/** Whether anything of a criterion has been recorded: what tells "In progress" from "Not started". */
function started(v: DisclosureView, c: Criterion): boolean {
  switch (c) {
    case 'risk_to_offender':
      return some(v.riskToOffender.text, v.riskToOffender.weighed);
    case 'identification':
      return v.recipientList.some((r) => some(r.identifiedHow));
    case 'alternatives':
      return v.alternatives.length > 0;
    case 'preparation':
      return v.recipientList.some((r) => some(r.alreadyKnows, r.understandsConfidential, r.howToUse, r.ifSomethingHappens, r.contactAndSupport));
    case 'decision':
      return v.decision.basis !== null;
    case 'triggers':
      return v.triggers.length > 0;
    case 'breakdown_support':
      return some(v.breakdown.victimSupport, v.breakdown.offenderSupport);
    case 'youth_consultation':
      return some(v.youth.consultedName, v.youth.consultedRole, v.youth.consultedOn, v.youth.advice);
    case 'offender_knows':
      return v.offenderKnows.answer !== null;
  }
}

const HINTS: Record<Criterion, string> = {
  risk_to_offender: 'What making the disclosure may mean for the person, weighed against the risk to others.',
  identification: 'How each recipient was confirmed to be who they say they are.',
  alternatives: 'At least one alternative, and why each was rejected (the leaflet says this must be recorded).',
  preparation: 'What each recipient already knows, that they understand it is confidential, how to use it, what to do and whom to contact.',
  decision: 'The Level 2 or 3 meeting that decided, or in an emergency the agencies consulted, or a single-agency decision with its reason.',
  triggers: 'If you see this, you need to do that: at least one.',
  breakdown_support: 'Support for victims and for the person if the process breaks down.',
  youth_consultation: 'Required before any disclosure about a person under 18.',
  offender_knows: 'Whether the person knows, will be told, or discloses themself; if not, why not.',
};

function criterionTask(v: DisclosureView, c: DisclosureView['criteria'][number]): Task {
  const noRecipient = (c.criterion === 'identification' || c.criterion === 'preparation') && v.recipientList.length === 0;
  let status: TaskStatus;
  if (c.criterion === 'youth_consultation' && v.under18 === false && !started(v, c.criterion)) status = 'not_needed';
  else if (c.answered) status = 'completed';
  else if (noRecipient) status = 'cannot_start';
  else status = started(v, c.criterion) ? 'in_progress' : 'not_started';
  return { page: c.criterion, title: `${c.number}. ${c.title}`, hint: HINTS[c.criterion], status, problems: c.problems };
}

export function disclosureTasks(v: DisclosureView): TaskGroup[] {
  const a = v.arrangements;
  const arranged = [a.disclosers, a.place, a.plannedOn, a.method];
  const recipients: TaskStatus = v.recipientList.length === 0 ? 'not_started' : v.recipientList.every((r) => some(r.identifiedHow)) ? 'completed' : 'in_progress';
  const fields: TaskStatus = v.lines.length === 0 ? 'not_started' : v.lines.some((l) => l.problems.length > 0) ? 'in_progress' : 'completed';
  const arrangements: TaskStatus = arranged.every((x) => x === null) ? 'not_started' : arranged.every((x) => x !== null) && a.disclosingOffices.length > 0 ? 'completed' : 'in_progress';
  return [
    {
      id: 'the-disclosure',
      heading: 'The disclosure',
      tasks: [
        { page: 'recipients', title: 'Recipients', hint: 'Who is told: each by name, with how their identity was checked.', status: recipients, problems: [] },
        { page: 'fields', title: 'What is disclosed', hint: 'Exactly which details and items, each with the three tests: necessary, proportionate, relevant.', status: fields, problems: [] },
        { page: 'arrangements', title: 'Who makes it, where, when and how', hint: 'One agency or jointly (consider police and probation together), the place, the date and the way.', status: arrangements, problems: [] },
      ],
    },
    { id: 'decision-record', heading: 'The decision record', tasks: v.criteria.map((c) => criterionTask(v, c)) },
    {
      id: 'authority',
      heading: 'The authority',
      tasks: [{ page: 'authority', title: 'The authority for the disclosure', hint: v.authorityLabel, status: 'completed', problems: [] }],
    },
  ];
}
