import { formatDate } from '../../components/tags';
import { useSession } from '../../session';
import { TaskListRow } from '../../components/TaskListRow';
import { ActionLink, BackLink, DisclosureStatusTag, PageHeading, SingleAgencyTag, WarningText, type TaskProps } from './parts';
import { disclosureTasks, TASK_STATUS_WORDS, type Task } from './tasks';

// The draft as an MOJ task list: the disclosure itself, the nine criteria of the decision
// record, the authority; then check your answers and approve. Each task's status comes from
// the record as the service holds it, so leaving and coming back shows the same list.

function TaskRow({ task, go }: { task: Task; go: TaskProps['go'] }) {
  const tag = task.status === 'in_progress' ? 'light-blue' : task.status === 'not_started' ? 'blue' : null;
  return (
    <TaskListRow id={`task-${task.page}`} title={task.title} hint={task.hint} status={task.statusText ?? TASK_STATUS_WORDS[task.status]} tag={tag} onOpen={task.status === 'cannot_start' ? null : () => go(task.page)} />
  );
}

export function TaskList({ view, go }: TaskProps) {
  const { navigate } = useSession();
  const groups = disclosureTasks(view);
  const all = groups.flatMap((g) => g.tasks);
  const done = all.filter((t) => t.status === 'completed' || t.status === 'not_needed').length;
  return (
    <>
      <BackLink onClick={() => navigate({ name: 'subject', id: view.subjectId })}>{`Back to ${view.subjectName}`}</BackLink>
      <PageHeading caption="Disclosure to a third party">Disclosure about {view.subjectName}</PageHeading>
      <p className="govuk-body app-tag-row">
        <DisclosureStatusTag status={view.status} />
        <SingleAgencyTag disclosure={view} />
        Started {formatDate(view.createdAt)} by {view.createdBy}; last changed by {view.updatedBy}.
      </p>
      {view.under18 ? <WarningText>{view.subjectName} is under 18: no disclosure without a senior Youth Offending Service or Children’s Services person consulted.</WarningText> : null}
      <p className="govuk-body">
        You have completed {done} of {all.length} tasks. A MAPPA chair approves the disclosure once every criterion of the decision record is answered. The draft is saved as you go.
      </p>
      {groups.map((group) => (
        <section key={group.id} aria-labelledby={`group-${group.id}`}>
          <h2 className="govuk-heading-m" id={`group-${group.id}`}>
            {group.heading}
          </h2>
          <ul className="govuk-task-list">
            {group.tasks.map((task) => (
              <TaskRow key={task.page} task={task} go={go} />
            ))}
          </ul>
        </section>
      ))}
      <h2 className="govuk-heading-m">Check and approve</h2>
      <ul className="govuk-task-list">
        <TaskRow
          task={{
            page: 'check',
            title: 'Check your answers and approve',
            hint: view.ready ? 'Every criterion is answered: a MAPPA chair can approve it.' : 'See everything on one page, with what still stops approval.',
            status: view.ready ? 'not_started' : 'in_progress',
            statusText: view.ready ? 'Ready to approve' : 'Not ready yet',
            problems: [],
          }}
          go={go}
        />
      </ul>
      <p className="govuk-body">
        <ActionLink onClick={() => go('withdraw')}>Withdraw this disclosure</ActionLink>
      </p>
    </>
  );
}
