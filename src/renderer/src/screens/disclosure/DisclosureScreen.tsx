import { MappaError } from '../../../../shared/errors';
import { api } from '../../mappa';
import { useSession } from '../../session';
import { ErrorSummary } from '../../components/forms';
import { useLoad } from '../useLoad';
import { OpenRecordFirst } from '../../components/OpenRecordFirst';
import type { TaskProps } from './parts';
import { ArrangementsPage, AuthorityPage } from './ArrangementsPages';
import { CheckPage } from './CheckPage';
import { AlternativesPage, BreakdownPage, OffenderKnowsPage, RiskPage, TriggersPage, YouthPage } from './CriteriaPages';
import { DecisionPage } from './DecisionPage';
import { DisclosureRecord } from './DisclosureRecord';
import { ChooseFieldsPage, ThreeTestsPage } from './FieldsPages';
import { AddendumPage, OutcomePage, ReasonedChangePage } from './OutcomePages';
import { IdentificationPage, PreparationPage, RecipientPage, RecipientsPage } from './RecipientPages';
import { TaskList } from './TaskList';
import type { DisclosureTask } from './tasks';

// A disclosure to a third party (issue 12): while a draft, its task list and one page per
// task; once approved, made or withdrawn, its record (with the briefing, the outcome and
// addenda). It shows the person's information, so it is opened with the reason the record
// was opened for, as a share is.

export function DisclosureScreen({ id, subjectId, task = 'tasks', recipientId }: { id: string; subjectId: string; task?: DisclosureTask | undefined; recipientId?: string | undefined }) {
  const { navigate, reasonFor } = useSession();
  const loaded = useLoad(() => api().disclosures.get({ id, reason: reasonFor(subjectId) }), [id, subjectId, reasonFor]);
  const view = loaded.data;
  if (!view) {
    const needsReason = loaded.error instanceof MappaError && loaded.error.code === 'reason_needed';
    if (needsReason) {
      return <OpenRecordFirst caption="Disclosure to a third party" what="disclosure" subjectId={subjectId} />;
    }
    return (
      <>
        <ErrorSummary errors={loaded.errors} />
        {loaded.loading ? <p className="govuk-body">Opening the disclosure…</p> : null}
      </>
    );
  }
  const props: TaskProps = {
    view,
    onChange: (next) => loaded.setData(next),
    go: (next, recipient) => navigate({ name: 'disclosure', id, subjectId, task: next, ...(recipient ? { recipientId: recipient } : {}) }),
  };
  // Pages that act on a disclosure once it has left the draft.
  switch (task) {
    case 'outcome':
      if (view.status === 'approved') return <OutcomePage {...props} />;
      break;
    case 'withdraw':
      if (view.status === 'draft' || view.status === 'approved') return <ReasonedChangePage {...props} change="withdraw" />;
      break;
    case 'return':
      if (view.status === 'approved') return <ReasonedChangePage {...props} change="return" />;
      break;
    case 'addendum':
      if (view.status === 'made' || view.status === 'withdrawn') return <AddendumPage {...props} />;
      break;
    default:
      break;
  }
  if (view.status !== 'draft') return <DisclosureRecord {...props} />;
  switch (task) {
    case 'recipients':
      return <RecipientsPage {...props} />;
    case 'recipient':
      return <RecipientPage {...props} recipientId={recipientId ?? null} />;
    case 'identification':
      return <IdentificationPage {...props} />;
    case 'preparation':
      return <PreparationPage {...props} />;
    case 'fields':
      return <ChooseFieldsPage {...props} />;
    case 'tests':
      return <ThreeTestsPage {...props} />;
    case 'arrangements':
      return <ArrangementsPage {...props} />;
    case 'authority':
      return <AuthorityPage {...props} />;
    case 'risk_to_offender':
      return <RiskPage {...props} />;
    case 'alternatives':
      return <AlternativesPage {...props} />;
    case 'decision':
      return <DecisionPage {...props} />;
    case 'triggers':
      return <TriggersPage {...props} />;
    case 'breakdown_support':
      return <BreakdownPage {...props} />;
    case 'youth_consultation':
      return <YouthPage {...props} />;
    case 'offender_knows':
      return <OffenderKnowsPage {...props} />;
    case 'check':
      return <CheckPage {...props} />;
    default:
      return <TaskList {...props} />;
  }
}
