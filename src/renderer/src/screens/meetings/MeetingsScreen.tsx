import type { MeetingSummary } from '../../../../shared/channels/meetings';
import { addDays, dayOfWeek, formatLondonDate, londonDayOf } from '../../../../shared/calendar';
import { api } from '../../mappa';
import { useSession } from '../../session';
import { ErrorSummary } from '../../components/forms';
import { TableHead } from '../../components/TableHead';
import { useLoad } from '../useLoad';
import { ActionLink, MeetingStatusTag, OverdueTag, PageHeading, timeText, whereText } from './parts';

// The meetings list (issue 11): upcoming meetings as a simple calendar, week by week and day
// by day; then the meetings already held or cancelled, newest first, with minutes the chair
// has not answered in time. A coordinator or chair sees every meeting; others their own.

interface Week {
  monday: string;
  days: { day: string; meetings: MeetingSummary[] }[];
}

function mondayOf(day: string): string {
  return addDays(day, -((dayOfWeek(day) + 6) % 7));
}

function byWeek(meetings: MeetingSummary[]): Week[] {
  const weeks: Week[] = [];
  for (const m of meetings) {
    const day = londonDayOf(m.startsAt);
    const monday = mondayOf(day);
    let week = weeks.find((w) => w.monday === monday);
    if (!week) weeks.push((week = { monday, days: [] }));
    let slot = week.days.find((d) => d.day === day);
    if (!slot) week.days.push((slot = { day, meetings: [] }));
    slot.meetings.push(m);
  }
  return weeks;
}

export function MeetingsScreen() {
  const { can, navigate } = useSession();
  const loaded = useLoad(() => api().meetings.list({ from: null, to: null }), []);
  const all = loaded.data;
  const today = londonDayOf(new Date());
  const upcoming = (all ?? []).filter((m) => m.status === 'scheduled' && londonDayOf(m.startsAt) >= today).sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  const earlier = (all ?? []).filter((m) => !upcoming.includes(m)).sort((a, b) => b.startsAt.localeCompare(a.startsAt));
  const open = (m: MeetingSummary) => navigate({ name: 'meeting', id: m.id });

  return (
    <>
      <ErrorSummary errors={loaded.errors} />
      <PageHeading>Meetings</PageHeading>
      <p className="govuk-body">MAPPA Level 2 and Level 3 meetings and Assessment of Risk Meetings. Their papers and minutes open only to attendees who have signed the confidentiality undertaking for the meeting.</p>
      <div className="govuk-button-group">
        {can('meeting.manage') ? (
          <button type="button" className="govuk-button" onClick={() => navigate({ name: 'meetingForm' })}>
            Arrange a meeting
          </button>
        ) : null}
        <button type="button" className="govuk-button govuk-button--secondary" onClick={() => navigate({ name: 'actions' })}>
          Actions from meetings
        </button>
        <button type="button" className="govuk-button govuk-button--secondary" onClick={() => navigate({ name: 'packs' })}>
          Meeting packs
        </button>
      </div>
      {all === undefined ? (
        loaded.loading ? <p className="govuk-body">Loading the meetings…</p> : null
      ) : (
        <>
          <h2 className="govuk-heading-l">Upcoming meetings</h2>
          {upcoming.length === 0 ? (
            <p className="govuk-inset-text">No meetings are arranged from today on.</p>
          ) : (
            byWeek(upcoming).map((week) => (
              <section className="app-week" key={week.monday} aria-labelledby={`week-${week.monday}`}>
                <h3 className="govuk-heading-m" id={`week-${week.monday}`}>
                  Week beginning {formatLondonDate(week.monday)}
                </h3>
                <dl className="govuk-summary-list">
                  {week.days.map((slot) => (
                    <div className="govuk-summary-list__row" key={slot.day}>
                      <dt className="govuk-summary-list__key">{new Date(`${slot.day}T12:00:00Z`).toLocaleDateString('en-GB', { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' })}</dt>
                      <dd className="govuk-summary-list__value">
                        <ul className="govuk-list">
                          {slot.meetings.map((m) => (
                            <li key={m.id}>
                              <span className="govuk-!-font-weight-bold">{timeText(m.startsAt)}</span> <ActionLink onClick={() => open(m)}>{m.title}</ActionLink>
                              <br />
                              <span className="govuk-body-s">
                                {whereText(m)}. Chair: {m.chairName}. {m.subjects === 1 ? '1 person' : `${m.subjects} people`} to discuss.
                              </span>
                            </li>
                          ))}
                        </ul>
                      </dd>
                    </div>
                  ))}
                </dl>
              </section>
            ))
          )}
          <h2 className="govuk-heading-l">Earlier and cancelled meetings</h2>
          {earlier.length === 0 ? (
            <p className="govuk-inset-text">No meetings have been held yet.</p>
          ) : (
            <table className="govuk-table">
              <caption className="govuk-table__caption govuk-table__caption--s">{earlier.length === 1 ? '1 meeting' : `${earlier.length} meetings`}, newest first</caption>
              <TableHead columns={['Meeting', 'Status', 'Chair', 'People discussed', 'Minutes with the chair']} />
              <tbody className="govuk-table__body">
                {earlier.map((m) => (
                  <tr className="govuk-table__row" key={m.id}>
                    <td className="govuk-table__cell">
                      <ActionLink onClick={() => open(m)}>{m.title}</ActionLink>
                    </td>
                    <td className="govuk-table__cell">
                      <MeetingStatusTag status={m.status} />
                    </td>
                    <td className="govuk-table__cell">{m.chairName}</td>
                    <td className="govuk-table__cell">{m.subjects}</td>
                    <td className="govuk-table__cell">
                      {m.overdueMinutes > 0 ? (
                        <>
                          <OverdueTag /> {m.overdueMinutes === 1 ? '1 set of minutes' : `${m.overdueMinutes} sets of minutes`}
                        </>
                      ) : (
                        'None overdue'
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </>
  );
}
