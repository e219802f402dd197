import { useState } from 'react';
import { api } from '../../mappa';
import { useSession } from '../../session';
import { ErrorSummary, Select } from '../../components/forms';
import { formatDate } from '../../components/tags';
import { TableHead } from '../../components/TableHead';
import { useLoad } from '../useLoad';
import { ActionLink, BackLink, BandTag, PageHeading, regimeShort } from './parts';

// The information governance lead's dashboard of subject access requests (issue 13): the
// open ones, soonest due first as the service orders them, each with its due day, the days
// left in the service's red, amber or green band and words, and how far the decisions have
// come. The closed ones on request.

type Shown = 'open' | 'closed' | 'all';
const SHOWN_OPTIONS = [
  { value: 'open', label: 'Open requests' },
  { value: 'closed', label: 'Closed requests' },
  { value: 'all', label: 'Every request' },
];

export function SarDashboard() {
  const { navigate } = useSession();
  const [shown, setShown] = useState<Shown>('open');
  const loaded = useLoad(() => api().sar.list({ status: shown === 'all' ? null : shown }), [shown]);
  const list = loaded.data;
  return (
    <>
      <BackLink onClick={() => navigate({ name: 'home' })}>Back to home</BackLink>
      <ErrorSummary errors={loaded.errors} />
      <PageHeading>Subject access requests</PageHeading>
      <p className="govuk-body">
        Requests from people for the information this office holds about them. The response is due one calendar month from the latest of receipt, identity verified and any fee received; each request says how its days are counted.
      </p>
      <button type="button" className="govuk-button" onClick={() => navigate({ name: 'sarNew' })}>
        Record a new request
      </button>
      <div className="app-filters">
        <Select id="shown" label="Show" value={shown} options={SHOWN_OPTIONS} onChange={(v) => setShown(v as Shown)} />
      </div>
      {list === undefined ? null : list.length === 0 ? (
        <p className="govuk-inset-text">{shown === 'closed' ? 'No request has been closed.' : shown === 'open' ? 'No request is open.' : 'No request has been recorded in this register.'}</p>
      ) : (
        <table className="govuk-table app-table--small app-sar-table">
          <caption className="govuk-table__caption govuk-table__caption--m">{list.length === 1 ? '1 request' : `${list.length} requests`}</caption>
          <TableHead columns={['Reference', 'Requester', 'Received', 'Regime', 'Due', 'Days left', 'Progress']} />
          <tbody className="govuk-table__body">
            {list.map((r) => (
              <tr className="govuk-table__row" key={r.id}>
                <td className="govuk-table__cell app-name">
                  <ActionLink onClick={() => navigate({ name: 'sar', id: r.id })}>
                    {r.reference}
                    <span className="govuk-visually-hidden">, {r.requesterName}</span>
                  </ActionLink>
                </td>
                <td className="govuk-table__cell">{r.requesterName}</td>
                <td className="govuk-table__cell">{formatDate(r.receivedOn)}</td>
                <td className="govuk-table__cell app-name">{regimeShort(r.regime)}</td>
                <td className="govuk-table__cell">{r.deadline.dueOn ? formatDate(r.deadline.dueOn) : 'Not yet known'}</td>
                <td className="govuk-table__cell">
                  <BandTag deadline={r.deadline} />
                </td>
                <td className="govuk-table__cell">{r.subjects === 0 ? 'Requester not confirmed' : `${r.decided} decided, ${r.toDecide} to decide`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
