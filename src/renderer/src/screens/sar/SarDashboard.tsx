import { useState } from 'react';
import { api } from '../../mappa';
import { useSession } from '../../session';
import { ErrorSummary, Select } from '../../components/forms';
import { formatDate } from '../../components/tags';
import { TableHead } from '../../components/TableHead';
import { useLoad } from '../useLoad';
import { useSubmit } from '../useSubmit';
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

/**
 * Requests another office referred here as exchange files, for the items this office owns:
 * open one, see what it asks and which of this register's items it names, and start this
 * office's own request from it.
 */
function ReferralsReceived() {
  const { navigate, notify } = useSession();
  const loaded = useLoad(() => api().sar.referralsReceived({}), []);
  const { errors, busy, submit } = useSubmit();
  const open = () =>
    void submit(async () => {
      const opened = await api().sar.openReferral({});
      if (opened.cancelled) return;
      loaded.reload();
      notify(`The referral from ${opened.referral.from.name} about ${opened.referral.requester.name} is in this register.`);
    });
  const start = (exchangeId: string) =>
    void submit(async () => {
      const view = await api().sar.startFromReferral({ exchangeId });
      navigate({ name: 'sar', id: view.id });
    });
  const list = loaded.data ?? [];
  return (
    <section aria-labelledby="referrals-received">
      <h2 className="govuk-heading-m" id="referrals-received">
        Referrals from other offices
      </h2>
      <ErrorSummary errors={[...loaded.errors, ...errors]} />
      <p className="govuk-body">When another office’s request names items this office owns, they may refer it here as an exchange file.</p>
      <button type="button" className="govuk-button govuk-button--secondary" disabled={busy} aria-disabled={busy} onClick={open}>
        Open a referral
      </button>
      {list.length === 0 ? null : (
        <table className="govuk-table app-table--small">
          <TableHead columns={['From', 'About', 'Their reference', 'Items here', 'This office’s request']} />
          <tbody className="govuk-table__body">
            {list.map((f) => (
              <tr className="govuk-table__row" key={f.exchangeId}>
                <td className="govuk-table__cell">{f.from.name}</td>
                <td className="govuk-table__cell">
                  {f.requester.name}
                  {f.requester.dateOfBirth ? `, born ${formatDate(f.requester.dateOfBirth)}` : ''}
                </td>
                <td className="govuk-table__cell">
                  {f.theirReference}
                  {f.theirDueOn ? `, due there ${formatDate(f.theirDueOn)}` : ''}
                </td>
                <td className="govuk-table__cell">{`${f.items.filter((i) => i.localItemId !== null).length} of ${f.items.length} found in this register`}</td>
                <td className="govuk-table__cell">
                  {f.requestId ? (
                    <ActionLink onClick={() => navigate({ name: 'sar', id: f.requestId ?? '' })}>{f.requestReference ?? 'Open'}</ActionLink>
                  ) : (
                    <button type="button" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" disabled={busy} aria-disabled={busy} onClick={() => start(f.exchangeId)}>
                      Start a request from it<span className="govuk-visually-hidden">, {f.requester.name}</span>
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

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
      <ReferralsReceived />
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
