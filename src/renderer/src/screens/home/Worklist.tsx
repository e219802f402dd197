import type { ReactNode } from 'react';
import { addDays, systemClock, today } from '../../../../shared/calendar';
import { api } from '../../mappa';
import { useSession, type Route } from '../../session';
import { ErrorSummary } from '../../components/forms';
import { formatDate, Tag } from '../../components/tags';
import { useLoad } from '../useLoad';

// Home as a worklist (issue 14): what is due for the person signed in, by what their role
// may do. Each panel is one of the register's own channels (each an audited read, checked
// by the service for the role), says what needs doing and goes there in one step. A panel
// the role has no use for is not shown.

function Panel({ id, title, children, go, action }: { id: string; title: string; children: ReactNode; go: Route; action: string }) {
  const { navigate } = useSession();
  return (
    <section className="app-worklist__panel" aria-labelledby={`${id}-title`}>
      <h2 className="govuk-heading-m" id={`${id}-title`}>
        {title}
      </h2>
      {children}
      <button type="button" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" onClick={() => navigate(go)}>
        {action}
      </button>
    </section>
  );
}

const count = (n: number, one: string, many: string) => `${n === 0 ? 'No' : n} ${n === 1 ? one : many}`;

function ReviewsPanel() {
  const loaded = useLoad(() => api().subjects.reviewsDue({}), []);
  const list = loaded.data ?? [];
  const day = today(systemClock());
  const overdue = list.filter((s) => s.nextReview !== null && s.nextReview < day).length;
  return (
    <Panel id="reviews" title="Reviews due" go={{ name: 'reviews' }} action="See the reviews due">
      <ErrorSummary errors={loaded.errors} />
      {loaded.data === undefined ? null : (
        <p className="govuk-body">
          {count(list.length, 'review is', 'reviews are')} due within 7 days or overdue. {overdue > 0 ? <Tag colour="red">{`${overdue} overdue`}</Tag> : null}
        </p>
      )}
    </Panel>
  );
}

function MeetingsPanel() {
  const day = today(systemClock());
  const loaded = useLoad(() => api().meetings.list({ from: day, to: addDays(day, 14) }), [day]);
  const list = (loaded.data ?? []).filter((m) => m.status !== 'cancelled');
  const overdueMinutes = list.reduce((n, m) => n + m.overdueMinutes, 0);
  const next = list[0];
  return (
    <Panel id="meetings" title="Meetings in the next 14 days" go={{ name: 'meetings' }} action="See the meetings">
      <ErrorSummary errors={loaded.errors} />
      {loaded.data === undefined ? null : (
        <p className="govuk-body">
          {count(list.length, 'meeting', 'meetings')}
          {next ? `; the next is the ${next.title} on ${formatDate(next.startsAt)}` : ''}.
          {overdueMinutes > 0 ? (
            <>
              {' '}
              <Tag colour="red">{`${overdueMinutes} minutes overdue with the chair`}</Tag>
            </>
          ) : null}
        </p>
      )}
    </Panel>
  );
}

function ActionsPanel() {
  const loaded = useLoad(() => api().actions.list({ ownerOfficeId: null, openOnly: true }), []);
  const list = loaded.data ?? [];
  const overdue = list.filter((a) => a.overdue).length;
  return (
    <Panel id="actions" title="Open actions from meetings" go={{ name: 'actions' }} action="See the actions">
      <ErrorSummary errors={loaded.errors} />
      {loaded.data === undefined ? null : (
        <p className="govuk-body">
          {count(list.length, 'action is', 'actions are')} open. {overdue > 0 ? <Tag colour="red">{`${overdue} overdue`}</Tag> : null}
        </p>
      )}
    </Panel>
  );
}

function DisclosuresPanel({ approver }: { approver: boolean }) {
  const loaded = useLoad(() => api().disclosures.list({ subjectId: null, status: 'draft' }), []);
  const list = loaded.data ?? [];
  return (
    <Panel id="disclosures" title={approver ? 'Disclosures waiting for a decision' : 'Disclosures in draft'} go={{ name: 'disclosures' }} action="See the disclosures">
      <ErrorSummary errors={loaded.errors} />
      {loaded.data === undefined ? null : <p className="govuk-body">{count(list.length, 'disclosure is', 'disclosures are')} in draft{approver && list.length > 0 ? ': check each and approve it when it is ready' : ''}.</p>}
    </Panel>
  );
}

function AlertsPanel() {
  const loaded = useLoad(() => api().audit.alerts({ status: 'open' }), []);
  const list = loaded.data ?? [];
  return (
    <Panel id="alerts" title="Alerts to review" go={{ name: 'audit' }} action="Review the alerts">
      <ErrorSummary errors={loaded.errors} />
      {loaded.data === undefined ? null : (
        <p className="govuk-body">
          {count(list.length, 'alert is', 'alerts are')} open. {list.length > 0 ? <Tag colour="red">Needs review</Tag> : null}
        </p>
      )}
    </Panel>
  );
}

function RetentionPanel() {
  const loaded = useLoad(() => api().retention.due({}), []);
  const list = loaded.data ?? [];
  const byAgency = new Map<string, number>();
  for (const i of list) byAgency.set(i.owner.name, (byAgency.get(i.owner.name) ?? 0) + 1);
  return (
    <Panel id="retention" title="Retention decisions due" go={{ name: 'retention' }} action="Make the retention decisions">
      <ErrorSummary errors={loaded.errors} />
      {loaded.data === undefined ? null : (
        <>
          <p className="govuk-body">{count(list.length, 'item is', 'items are')} due for a retention decision.</p>
          {byAgency.size > 0 ? (
            <ul className="govuk-list govuk-list--bullet">
              {[...byAgency.entries()].map(([agency, n]) => (
                <li key={agency}>{`${agency}: ${n}`}</li>
              ))}
            </ul>
          ) : null}
        </>
      )}
    </Panel>
  );
}

function SarPanel() {
  const loaded = useLoad(() => api().sar.list({ status: 'open' }), []);
  const list = loaded.data ?? [];
  const red = list.filter((r) => r.deadline.band === 'red').length;
  const next = list.find((r) => r.deadline.dueOn !== null);
  return (
    <Panel id="sars" title="Subject access requests" go={{ name: 'sars' }} action="See the requests">
      <ErrorSummary errors={loaded.errors} />
      {loaded.data === undefined ? null : (
        <p className="govuk-body">
          {count(list.length, 'request is', 'requests are')} open{next?.deadline.dueOn ? `; the next is due on ${formatDate(next.deadline.dueOn)} (${next.reference})` : ''}.
          {red > 0 ? (
            <>
              {' '}
              <Tag colour="red">{`${red} overdue or due within 5 days`}</Tag>
            </>
          ) : null}
        </p>
      )}
    </Panel>
  );
}

/** The panels for the person signed in, by what their role may do. */
export function Worklist() {
  const { can } = useSession();
  const panels = [
    can('subject.view') && can('meeting.attend') ? <ReviewsPanel key="reviews" /> : null,
    can('meeting.attend') ? <MeetingsPanel key="meetings" /> : null,
    can('meeting.attend') ? <ActionsPanel key="actions" /> : null,
    can('disclosure.prepare') || can('disclosure.approve') ? <DisclosuresPanel key="disclosures" approver={can('disclosure.approve')} /> : null,
    can('audit.review') ? <AlertsPanel key="alerts" /> : null,
    can('retention.decide') ? <RetentionPanel key="retention" /> : null,
    can('sar.manage') ? <SarPanel key="sars" /> : null,
  ].filter((p) => p !== null);
  if (panels.length === 0) return null;
  return <div className="app-worklist">{panels}</div>;
}
