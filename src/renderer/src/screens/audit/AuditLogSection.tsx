import { useRef, useState, type FormEvent } from 'react';
import type { AuditEntryView, ChannelInput } from '../../../../shared/contract';
import { AUDIT_ACTION_LABELS, AUDIT_ACTIONS } from '../../../../shared/auditActions';
import { api } from '../../mappa';
import { ErrorSummary, errorFor, Select, SuccessBanner, TextInput } from '../../components/forms';
import { useSubmit } from '../useSubmit';
import { useErrors, useLoad } from '../useLoad';
import { actionLabel, entriesText, formatDateTime, roleAndAgency } from './format';
import { TableHead } from '../../components/TableHead';

type Filter = ChannelInput<'audit.query'>;
type AuditAction = (typeof AUDIT_ACTIONS)[number];

const PAGE_SIZE = 50;

const ACTION_OPTIONS = AUDIT_ACTIONS.map((a) => ({ value: a, label: AUDIT_ACTION_LABELS[a] }));

/** The filter the form's fields say, from its first page. */
function toFilter(form: { userId: string; action: string; from: string; to: string; subject: { id: string } | null }): Filter {
  return {
    userId: form.userId || null,
    subjectId: form.subject?.id ?? null,
    actions: form.action ? [form.action as AuditAction] : [],
    from: form.from || null,
    to: form.to || null,
    limit: PAGE_SIZE,
    offset: 0,
  };
}

/** What the log search starts from: everything, or a pattern's views (one user, one subject). */
export interface LogStart {
  userId?: string;
  action?: AuditAction;
  subject?: { id: string; name: string };
}

interface Search {
  result: { total: number; entries: AuditEntryView[] };
  /** The filter the results, the paging and the exports follow. */
  applied: Filter;
}

export function AuditLogSection({ start = {} }: { start?: LogStart }) {
  // The form as the person is filling it in.
  const [userId, setUserId] = useState(start.userId ?? '');
  const [action, setAction] = useState<string>(start.action ?? '');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [subject, setSubject] = useState(start.subject ?? null);
  const [notice, setNotice] = useState<string | null>(null);
  const resultsRef = useRef<HTMLTableCaptionElement>(null);
  const { errors: submitted, busy, submit } = useSubmit();

  const formFilter = (): Filter => toFilter({ userId, action, from, to, subject });

  // On arrival: the people to filter by, and the first page for the filter the search
  // starts from (fixed for this section: a new start comes with a new key).
  const [initial] = useState(() => toFilter({ userId: start.userId ?? '', action: start.action ?? '', from: '', to: '', subject: start.subject ?? null }));
  const loaded = useLoad(async () => {
    const [users, result] = await Promise.all([api().audit.users({}), api().audit.query(initial)]);
    return { users, first: { result, applied: initial } };
  }, [initial]);
  const users = loaded.data?.users ?? [];
  const errors = useErrors(loaded.errors, submitted);
  // The person's own searches, once they filter or page.
  const [searched, setSearched] = useState<Search | null>(null);
  const { result, applied } = searched ?? loaded.data?.first ?? { result: null, applied: null };

  const run = (filter: Filter, moveFocus: boolean) =>
    submit(async () => {
      setSearched({ result: await api().audit.query(filter), applied: filter });
      if (moveFocus) resultsRef.current?.focus();
    });

  const filter = (event: FormEvent) => {
    event.preventDefault();
    setNotice(null);
    void run(formFilter(), false);
  };

  const showEveryone = () => {
    setSubject(null);
    setNotice(null);
    // The button goes away: keep the person in the form.
    document.getElementById('userId')?.focus();
    void run({ ...formFilter(), subjectId: null }, false);
  };

  const page = (offset: number) => {
    if (!applied) return;
    setNotice(null);
    void run({ ...applied, offset }, true);
  };

  const exportAs = (format: 'csv' | 'pdf') => {
    if (!applied) return;
    setNotice(null);
    void submit(async () => {
      const done = await api().audit.export({ format, filter: { ...applied, offset: 0 } });
      // No file: the person cancelled the save dialog, and nothing was written.
      if (done.file !== null) setNotice(`Exported ${entriesText(done.entries)} to ${done.file}`);
    });
  };

  const offset = applied?.offset ?? 0;
  const shownTo = result ? offset + result.entries.length : 0;

  return (
    <section aria-labelledby="log-heading">
      <ErrorSummary errors={errors} />
      <SuccessBanner message={notice} title="Done" />
      <h2 className="govuk-heading-l" id="log-heading">
        Search the audit log
      </h2>
      <form role="search" aria-label="Filter the audit log" onSubmit={filter} noValidate>
        {subject ? (
          <div className="govuk-inset-text">
            Only entries about {subject.name}.{' '}
            <button type="button" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" onClick={showEveryone}>
              Show entries about anyone
            </button>
          </div>
        ) : null}
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-one-quarter">
            <Select id="userId" label="User" value={userId} placeholder="Anyone" options={users.map((u) => ({ value: u.userId, label: u.userName }))} onChange={setUserId} error={errorFor(errors, 'userId')} />
          </div>
          <div className="govuk-grid-column-one-quarter">
            <Select id="action" label="Action" value={action} placeholder="Any action" options={ACTION_OPTIONS} onChange={setAction} error={errorFor(errors, 'actions')} />
          </div>
          <div className="govuk-grid-column-one-quarter">
            <TextInput id="from" label="From" type="date" width="govuk-!-width-full" value={from} onChange={setFrom} error={errorFor(errors, 'from')} />
          </div>
          <div className="govuk-grid-column-one-quarter">
            <TextInput id="to" label="To" type="date" width="govuk-!-width-full" value={to} onChange={setTo} error={errorFor(errors, 'to')} />
          </div>
        </div>
        <button type="submit" className="govuk-button" disabled={busy} aria-disabled={busy}>
          Filter
        </button>
      </form>

      {result === null ? null : (
        <>
          <table className="govuk-table">
            <caption className="govuk-table__caption govuk-table__caption--m" ref={resultsRef} tabIndex={-1}>
              {result.total === 0 ? 'No entries match this filter' : `Showing ${(offset + 1).toLocaleString('en-GB')}–${shownTo.toLocaleString('en-GB')} of ${entriesText(result.total)}`}
            </caption>
            <TableHead columns={['When', 'Who', 'What', 'Subject', 'Why']} />
            <tbody className="govuk-table__body">
              {result.entries.map((entry) => (
                <tr className="govuk-table__row" key={entry.seq}>
                  <td className="govuk-table__cell">{formatDateTime(entry.at)}</td>
                  <td className="govuk-table__cell">
                    {entry.userName}
                    {entry.role || entry.agency ? <span className="govuk-!-display-block govuk-body-s govuk-!-margin-bottom-0">{roleAndAgency(entry.role, entry.agency)}</span> : null}
                  </td>
                  <td className="govuk-table__cell">{actionLabel(entry.action)}</td>
                  <td className="govuk-table__cell">{entry.subjectName ?? (entry.subjectId ? 'A deleted subject' : '')}</td>
                  <td className="govuk-table__cell">{entry.reason ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>

          {result.total > PAGE_SIZE ? (
            <nav className="govuk-pagination govuk-pagination--block" aria-label="Pages of the audit log">
              {offset > 0 ? (
                <div className="govuk-pagination__prev">
                  <a
                    className="govuk-link govuk-pagination__link"
                    href="#audit-log"
                    rel="prev"
                    onClick={(event) => {
                      event.preventDefault();
                      page(Math.max(0, offset - PAGE_SIZE));
                    }}
                  >
                    <span className="govuk-pagination__link-title">
                      Previous<span className="govuk-visually-hidden"> page</span>
                    </span>
                  </a>
                </div>
              ) : null}
              {shownTo < result.total ? (
                <div className="govuk-pagination__next">
                  <a
                    className="govuk-link govuk-pagination__link"
                    href="#audit-log"
                    rel="next"
                    onClick={(event) => {
                      event.preventDefault();
                      page(offset + PAGE_SIZE);
                    }}
                  >
                    <span className="govuk-pagination__link-title">
                      Next<span className="govuk-visually-hidden"> page</span>
                    </span>
                  </a>
                </div>
              ) : null}
            </nav>
          ) : null}

          {result.total > 0 ? (
            <>
              <p className="govuk-body">The export holds every entry this filter chooses, marked OFFICIAL-SENSITIVE and with your name as the exporter. Exporting is recorded in the log.</p>
              <div className="govuk-button-group">
                <button type="button" className="govuk-button govuk-button--secondary" disabled={busy} aria-disabled={busy} onClick={() => exportAs('csv')}>
                  Export as CSV
                </button>
                <button type="button" className="govuk-button govuk-button--secondary" disabled={busy} aria-disabled={busy} onClick={() => exportAs('pdf')}>
                  Export as PDF
                </button>
              </div>
            </>
          ) : null}
        </>
      )}
    </section>
  );
}
