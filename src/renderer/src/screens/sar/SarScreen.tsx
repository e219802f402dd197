import { api } from '../../mappa';
import { useSession } from '../../session';
import { ErrorSummary } from '../../components/forms';
import { useLoad } from '../useLoad';
import { AnswerPage, ClarifyPage, ClosePage, ExtendPage, FeePage, IdentityPage } from './ActionPages';
import { CheckPage } from './CheckPage';
import { DetailsPage } from './DetailsPage';
import { FindPage } from './FindPage';
import { HoldingsPage } from './HoldingsPage';
import type { SarPage } from './pages';
import { BackLink, type SarProps } from './parts';
import { RequestPage } from './RequestPage';

// One subject access request (issue 13): its page (the facts, the deadline and how its days
// are counted, the steps), a page per action on the facts, and the steps' pages. The request
// is read once and each act's answer replaces it.

export function SarScreen({ id, page = 'request' }: { id: string; page?: SarPage | undefined }) {
  const { navigate, notify } = useSession();
  const loaded = useLoad(() => api().sar.get({ id }), [id]);
  const view = loaded.data;
  if (!view) {
    return (
      <>
        <BackLink onClick={() => navigate({ name: 'sars' })}>Back to subject access requests</BackLink>
        <ErrorSummary errors={loaded.errors} />
        {loaded.loading ? <p className="govuk-body">Opening the request…</p> : null}
      </>
    );
  }
  const props: SarProps = {
    view,
    onChange: (next) => loaded.setData(next),
    // A banner belongs to the page it was given for: going on drops it (an act that says something says it after going).
    go: (next) => {
      notify('');
      navigate({ name: 'sar', id, page: next });
    },
  };
  // A closed request no longer changes: its page only.
  if (view.status === 'closed') return <RequestPage {...props} />;
  switch (page) {
    case 'identity':
      return <IdentityPage {...props} />;
    case 'fee':
      return <FeePage {...props} />;
    case 'clarify':
      return <ClarifyPage {...props} />;
    case 'answer':
      return <AnswerPage {...props} />;
    case 'extend':
      return <ExtendPage {...props} />;
    case 'close':
      return <ClosePage {...props} />;
    case 'find':
      return <FindPage {...props} />;
    case 'holdings':
      return <HoldingsPage {...props} />;
    case 'details':
      return <DetailsPage {...props} />;
    case 'check':
      return <CheckPage {...props} />;
    default:
      return <RequestPage {...props} />;
  }
}
