import { api } from '../../mappa';
import { useSession } from '../../session';
import { ErrorSummary } from '../../components/forms';
import { useSubmit } from '../useSubmit';
import { DisclosureSummaryLists } from './DisclosureSummary';
import { ActionLink, BackLink, PageHeading, SingleAgencyTag, type TaskProps } from './parts';
import type { DisclosureTask } from './tasks';

// Check your answers, then Approve (a MAPPA chair's). What still stops approval is listed in
// the service's own sentences, each linked to its page. The Approve button is there even
// then: the service decides, and its refusal is shown as it comes, in the error summary.

interface Problem {
  message: string;
  page: DisclosureTask;
}

function problemsOf(view: TaskProps['view']): Problem[] {
  const criteria = view.criteria.flatMap((c) => c.problems.map((message): Problem => ({ message, page: c.criterion })));
  const lineProblems = new Set(view.lines.flatMap((l) => l.problems));
  const others = view.problems.map((message): Problem => ({ message, page: lineProblems.has(message) ? 'tests' : /field/.test(message) ? 'fields' : 'arrangements' }));
  return [...criteria, ...others];
}

export function CheckPage({ view, onChange, go }: TaskProps) {
  const { can, notify } = useSession();
  const { errors, busy, submit } = useSubmit();
  const problems = problemsOf(view);
  const approve = () =>
    void submit(async () => {
      const approved = await api().disclosures.approve({ id: view.id });
      onChange(approved);
      notify(`The disclosure about ${approved.subjectName} was approved. Make the briefing for each recipient, then record the outcome once it has been made.`);
      go('tasks');
    });
  return (
    <>
      <BackLink onClick={() => go('tasks')}>Back to the task list</BackLink>
      <ErrorSummary errors={errors} />
      <PageHeading caption={`Disclosure about ${view.subjectName}`}>Check your answers</PageHeading>
      {view.singleAgency ? (
        <p className="govuk-body">
          <SingleAgencyTag disclosure={view} /> This disclosure is recorded as a single-agency decision.
        </p>
      ) : null}
      {problems.length > 0 ? (
        <div className="govuk-error-summary" aria-labelledby="still-to-do-title">
          <h2 className="govuk-error-summary__title" id="still-to-do-title">
            This disclosure cannot be approved yet
          </h2>
          <div className="govuk-error-summary__body">
            <ul className="govuk-list govuk-error-summary__list">
              {problems.map((p, index) => (
                <li key={`${index}-${p.message}`}>
                  <ActionLink onClick={() => go(p.page)}>{p.message}</ActionLink>
                </li>
              ))}
            </ul>
          </div>
        </div>
      ) : null}
      <DisclosureSummaryLists view={view} go={go} />
      <h2 className="govuk-heading-m">Approve the disclosure</h2>
      {can('disclosure.approve') ? (
        <>
          <p className="govuk-body">
            By approving, you confirm the disclosure is reasonable, necessary, lawful and proportionate, and that the words above are exactly what the recipients are told. The briefing for each recipient can be made once it is approved.
          </p>
          <div className="govuk-button-group">
            <button type="button" className="govuk-button" disabled={busy} aria-disabled={busy} onClick={approve}>
              Approve this disclosure
            </button>
            <ActionLink onClick={() => go('tasks')}>Back to the task list</ActionLink>
          </div>
        </>
      ) : (
        <p className="govuk-inset-text">A MAPPA chair approves the disclosure. Once every criterion is answered, ask the chair to open it from {view.subjectName}’s page.</p>
      )}
    </>
  );
}
