import type { ShareView } from '../../../../shared/channels/sharing';
import { MappaError } from '../../../../shared/errors';
import { api } from '../../mappa';
import { useSession, type ShareStep } from '../../session';
import { ErrorSummary } from '../../components/forms';
import { useLoad } from '../useLoad';
import { OpenRecordFirst } from '../../components/OpenRecordFirst';
import { TaskListRow } from '../../components/TaskListRow';
import { useSubmit } from '../useSubmit';
import { CheckAnswersStep } from './CheckAnswersStep';
import { ChooseFieldsStep } from './ChooseFieldsStep';
import { DetailsStep } from './DetailsStep';
import { BackLink, PageHeading } from './parts';
import { ShareRecord } from './ShareRecord';
import { shareTasks, TASK_STATUS_WORDS } from './shareTasks';
import { ThreeTestsStep } from './ThreeTestsStep';

// A share (issue 10): while it is a draft, the wizard in the MOJ task-list style; once
// confirmed, withdrawn or declined, its record. The draft lives in the service, so every
// step saves as it goes and the list shows where the person got to.

export interface StepProps {
  share: ShareView;
  /** The share as an act returned it. */
  onChange: (share: ShareView) => void;
  go: (step: ShareStep) => void;
}

export function ShareScreen({ id, subjectId, step = 'tasks', file }: { id: string; subjectId: string; step?: ShareStep | undefined; file?: string | null | undefined }) {
  const { navigate, reasonFor } = useSession();
  // A share shows the record's contents: it is opened with the reason the record was opened for.
  const loaded = useLoad(() => api().shares.get({ id, reason: reasonFor(subjectId) }), [id, subjectId, reasonFor]);
  const share = loaded.data;
  if (!share) {
    const needsReason = loaded.error instanceof MappaError && loaded.error.code === 'reason_needed';
    if (needsReason) {
      return <OpenRecordFirst caption="Share information" what="share" subjectId={subjectId} />;
    }
    return (
      <>
        <ErrorSummary errors={loaded.errors} />
        {loaded.loading ? <p className="govuk-body">Opening the share…</p> : null}
      </>
    );
  }
  if (share.status !== 'draft') return <ShareRecord share={share} file={step === 'done' ? (file ?? null) : null} />;
  const props: StepProps = { share, onChange: (next) => loaded.setData(next), go: (next) => navigate({ name: 'share', id, subjectId, step: next }) };
  switch (step) {
    case 'fields':
      return <ChooseFieldsStep {...props} />;
    case 'details':
      return <DetailsStep {...props} />;
    case 'tests':
      return <ThreeTestsStep {...props} />;
    case 'check':
      return <CheckAnswersStep {...props} />;
    default:
      return <TaskList {...props} />;
  }
}

function TaskList({ share, go }: StepProps) {
  const { navigate, notify } = useSession();
  const { errors, busy, submit } = useSubmit();
  const tasks = shareTasks(share);
  const done = tasks.filter((t) => t.status === 'completed').length;
  const discard = () => {
    if (!window.confirm(`Discard this draft share of information about ${share.subjectName}? Nothing has been sent; the draft is kept in the audit log only.`)) return;
    void submit(async () => {
      await api().shares.discard({ id: share.id });
      notify('The draft share was discarded. Nothing was sent.');
      navigate({ name: 'subject', id: share.subjectId });
    });
  };
  return (
    <>
      <BackLink onClick={() => navigate({ name: 'subject', id: share.subjectId })}>{`Back to ${share.subjectName}`}</BackLink>
      <ErrorSummary errors={errors} />
      <PageHeading caption="Share information">Share information about {share.subjectName}</PageHeading>
      <p className="govuk-body">
        You have completed {done} of {tasks.length} tasks. The draft is saved as you go: you can leave it and carry on later from {share.subjectName}’s page.
      </p>
      <ul className="govuk-task-list">
        {tasks.map((task) => (
          <TaskListRow
            key={task.step}
            id={`task-${task.step}`}
            title={task.title}
            hint={task.hint}
            status={TASK_STATUS_WORDS[task.status]}
            tag={task.status === 'incomplete' ? 'blue' : task.status === 'not_started' ? 'teal' : null}
            onOpen={task.status === 'cannot_start' ? null : () => go(task.step)}
          />
        ))}
      </ul>
      <button type="button" className="govuk-button govuk-button--secondary" disabled={busy} aria-disabled={busy} onClick={discard}>
        Discard this draft
      </button>
    </>
  );
}
