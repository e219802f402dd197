import { ActionLink } from '../screens/sharing/parts';

// One row of a GOV.UK task list (a share, a disclosure, a subject access request): the task
// as a link unless it cannot start yet, its hint, and its status in words, tagged while
// there is something to do.

export function TaskListRow({
  id,
  title,
  hint,
  status,
  tag,
  onOpen,
}: {
  /** Unique on the page: the row's hint and status are named from it. */
  id: string;
  title: string;
  hint: string;
  status: string;
  /** The tag's colour while there is something to do; null shows the status as plain words. */
  tag: 'blue' | 'light-blue' | 'teal' | null;
  /** Opens the task; null when it cannot start yet. */
  onOpen: (() => void) | null;
}) {
  const statusId = `${id}-status`;
  const hintId = `${id}-hint`;
  return (
    <li className={`govuk-task-list__item${onOpen ? ' govuk-task-list__item--with-link' : ''}`}>
      <div className="govuk-task-list__name-and-hint">
        {onOpen ? (
          <ActionLink className="govuk-link govuk-task-list__link" onClick={onOpen} describedBy={`${hintId} ${statusId}`}>
            {title}
          </ActionLink>
        ) : (
          <div>{title}</div>
        )}
        <div className="govuk-task-list__hint" id={hintId}>
          {hint}
        </div>
      </div>
      <div className={`govuk-task-list__status${onOpen ? '' : ' govuk-task-list__status--cannot-start-yet'}`} id={statusId}>
        {tag ? <strong className={`govuk-tag govuk-tag--${tag}`}>{status}</strong> : status}
      </div>
    </li>
  );
}
