import type { HoldingsView } from '../../../../shared/channels/sar';
import { api, toFieldErrors, type FieldError } from '../../mappa';
import { useSession } from '../../session';
import { ErrorSummary } from '../../components/forms';
import { AgencyTag } from '../../components/tags';
import { TableHead } from '../../components/TableHead';
import { useLoad } from '../useLoad';
import { needsReason, ReasonForRead } from '../meetings/ReasonForRead';
import { ItemDecision } from './ItemDecision';
import { BackLink, captionOf, PageHeading, regimeLong, type SarProps } from './parts';
import { OwnerReferral } from './OwnerReferral';

// What the register holds about the requester (issue 13), grouped by owning agency: this
// office's items, each decided here; other agencies' items, never released by this office,
// referred to their owner with the owner's answer recorded; and the other records that hold
// the requester's data, with counts. It shows their case, so it is opened with a reason, as
// their record is: the one given in this session, or asked here.

export function HoldingsPage({ view, onChange, go }: SarProps) {
  const { reasonFor, rememberReason } = useSession();
  const confirmedIds = view.confirmed.map((c) => c.subjectId).join(',');
  const subjects = confirmedIds === '' ? [] : confirmedIds.split(',');
  const loaded = useLoad(async (): Promise<HoldingsView | { reason: FieldError[] } | null> => {
    const subjects = confirmedIds === '' ? [] : confirmedIds.split(',');
    if (subjects.length === 0) return null;
    const reason = subjects.map(reasonFor).find((r) => r !== null) ?? null;
    return api()
      .sar.holdings({ id: view.id, reason })
      .catch((error: unknown) => {
        if (needsReason(error)) return { reason: reason === null ? [] : toFieldErrors(error) };
        throw error;
      });
  }, [view.id, confirmedIds, reasonFor]);
  const holdings = loaded.data;
  const back = <BackLink onClick={() => go('request')}>Back to the request</BackLink>;
  const heading = <PageHeading caption={captionOf(view)}>What the register holds</PageHeading>;
  if (holdings === undefined) {
    return (
      <>
        {back}
        <ErrorSummary errors={loaded.errors} />
        {heading}
        {loaded.loading ? <p className="govuk-body">Opening what the register holds…</p> : null}
      </>
    );
  }
  if (holdings === null) {
    return (
      <>
        {back}
        {heading}
        <p className="govuk-inset-text">Confirm who in the register is the requester first: what the register holds is listed for the people confirmed.</p>
        <button type="button" className="govuk-button" onClick={() => go('find')}>
          Find and confirm the requester
        </button>
      </>
    );
  }
  if ('reason' in holdings) {
    return (
      <>
        {back}
        {heading}
        <ReasonForRead
          id="holdings"
          what={`what the register holds about ${view.requesterName}`}
          errors={holdings.reason}
          onGive={(reason) => {
            for (const s of subjects) rememberReason(s, reason);
            void loaded.reload();
          }}
        />
      </>
    );
  }
  const setHoldings = (next: HoldingsView) => loaded.setData(next);
  const ours = holdings.groups.filter((g) => g.ours);
  const theirs = holdings.groups.filter((g) => !g.ours);
  return (
    <>
      {back}
      <ErrorSummary errors={loaded.errors} />
      {heading}
      <p className="govuk-body">
        Everything about {view.confirmed.length === 1 ? 'the person' : 'the people'} confirmed as the requester, by the agency that owns it. This office answers for its own items under the {regimeLong(holdings.regime)}; another agency’s items are referred to that agency, which answers for them.
      </p>

      {ours.length === 0 ? <p className="govuk-inset-text">This office holds no items about the requester.</p> : null}
      {ours.map((g) => (
        <section key={g.owner.id} aria-labelledby={`owner-${g.owner.id}`}>
          <h2 className="govuk-heading-l" id={`owner-${g.owner.id}`}>
            {g.owner.name}: this office’s items
          </h2>
          <p className="govuk-body app-tag-row">
            <AgencyTag agency={g.owner.agency} name={g.owner.name} /> Decide on each item: release it, release it with redactions, or withhold it.
          </p>
          {g.items.map((item) => (
            <ItemDecision key={`${item.id}-${item.version}`} requestId={view.id} item={item} regime={holdings.regime} onDecided={setHoldings} />
          ))}
        </section>
      ))}

      {theirs.map((g) => (
        <OwnerReferral
          key={g.owner.id}
          view={view}
          group={g}
          onReferred={(next) => {
            onChange(next);
            // The items now referred, from the request as the act returned it.
            setHoldings({
              ...holdings,
              groups: holdings.groups.map((x) => ({ ...x, items: x.items.map((i) => ({ ...i, referralId: next.referrals.find((r) => r.itemIds.includes(i.id))?.id ?? i.referralId })) })),
            });
          }}
          onAnswered={onChange}
        />
      ))}

      <section aria-labelledby="other-records">
        <h2 className="govuk-heading-l" id="other-records">
          Other records that hold their information
        </h2>
        {holdings.otherRecords.length === 0 ? (
          <p className="govuk-body">No other record in the register holds their information.</p>
        ) : (
          <table className="govuk-table">
            <caption className="govuk-table__caption govuk-visually-hidden">Other records that hold their information</caption>
            <TableHead columns={['Record', 'How many']} />
            <tbody className="govuk-table__body">
              {holdings.otherRecords.map((r) => (
                <tr className="govuk-table__row" key={r.table}>
                  <td className="govuk-table__cell">{r.label}</td>
                  <td className="govuk-table__cell">{r.rows}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <div className="govuk-button-group">
        <button type="button" className="govuk-button" onClick={() => go('request')}>
          Return to the request
        </button>
      </div>
    </>
  );
}

