import { useState } from 'react';
import type { DisclosureSummary } from '../../../../shared/channels/disclosure';
import { DISCLOSURE_STATUSES, type DisclosureStatus } from '../../../../shared/disclosureVocabulary';
import { api } from '../../mappa';
import { useSession } from '../../session';
import { ErrorSummary, Select } from '../../components/forms';
import { formatDate } from '../../components/tags';
import { TableHead } from '../../components/TableHead';
import { useLoad } from '../useLoad';
import { ActionLink, BackLink, DisclosureStatusTag, PageHeading, recipientsText, SingleAgencyTag } from './parts';

// Every disclosure to a third party in the register (issue 12), newest first, by status:
// about whom, to whom, and where it stands. A person blocked from a subject does not see its
// disclosures. Reached from Home: a disclosure is started from the person's page.

const STATUS_OPTIONS = (Object.keys(DISCLOSURE_STATUSES) as DisclosureStatus[]).map((s) => ({ value: s, label: DISCLOSURE_STATUSES[s] }));

/** Where a disclosure stands, in words: the latest of its dates. */
export function standing(d: DisclosureSummary): string {
  const addenda = d.addenda === 0 ? '' : ` (${d.addenda === 1 ? '1 addendum' : `${d.addenda} addenda`})`;
  if (d.status === 'made') return `Made ${formatDate(d.madeOn)}${addenda}`;
  if (d.status === 'withdrawn') return `Withdrawn ${formatDate(d.withdrawnAt)}${addenda}`;
  if (d.status === 'approved') return `Approved ${formatDate(d.approvedAt)} by ${d.approvedBy ?? ''}`;
  return `Started ${formatDate(d.createdAt)} by ${d.createdBy}${d.plannedOn ? `; planned for ${formatDate(d.plannedOn)}` : ''}`;
}

export function DisclosuresScreen() {
  const { navigate } = useSession();
  const [status, setStatus] = useState('');
  const loaded = useLoad(() => api().disclosures.list({ subjectId: null, status: status === '' ? null : (status as DisclosureStatus) }), [status]);
  const list = loaded.data;
  return (
    <>
      <BackLink onClick={() => navigate({ name: 'home' })}>Back to home</BackLink>
      <ErrorSummary errors={loaded.errors} />
      <PageHeading>Disclosures to third parties</PageHeading>
      <p className="govuk-body">Every disclosure about the people in this register, newest first. A disclosure is started from the person’s page.</p>
      <div className="app-filters">
        <Select id="status" label="Status" value={status} placeholder="Every status" options={STATUS_OPTIONS} onChange={setStatus} />
      </div>
      {list === undefined ? null : list.length === 0 ? (
        <p className="govuk-inset-text">{status === '' ? 'No disclosure has been recorded in this register.' : `No disclosure is ${DISCLOSURE_STATUSES[status as DisclosureStatus].toLowerCase()}.`}</p>
      ) : (
        <DisclosuresTable list={list} withPerson />
      )}
    </>
  );
}

/** Disclosures as a table: each with its status (and the single-agency tag), recipients, where it stands, and a link to it; the person's name too across the register. */
export function DisclosuresTable({ list, withPerson = false }: { list: DisclosureSummary[]; withPerson?: boolean }) {
  const { navigate } = useSession();
  return (
    <table className="govuk-table">
      <caption className="govuk-table__caption govuk-table__caption--m">{list.length === 1 ? '1 disclosure' : `${list.length} disclosures`}</caption>
      <TableHead columns={[...(withPerson ? ['Person'] : []), 'Status', 'Recipients', 'Where it stands', { hidden: 'Open' }]} />
      <tbody className="govuk-table__body">
        {list.map((d) => (
          <tr className="govuk-table__row" key={d.id}>
            {withPerson ? (
              <td className="govuk-table__cell">
                <ActionLink onClick={() => navigate({ name: 'subject', id: d.subjectId })}>{d.subjectName}</ActionLink>
              </td>
            ) : null}
            <td className="govuk-table__cell">
              <span className="app-tag-row">
                <DisclosureStatusTag status={d.status} />
                <SingleAgencyTag disclosure={d} />
              </span>
            </td>
            <td className="govuk-table__cell">{recipientsText(d)}</td>
            <td className="govuk-table__cell">{standing(d)}</td>
            <td className="govuk-table__cell">
              <ActionLink onClick={() => navigate({ name: 'disclosure', id: d.id, subjectId: d.subjectId })}>
                {d.status === 'draft' ? 'Continue this draft' : 'Open'}
                <span className="govuk-visually-hidden">
                  {' '}
                  the disclosure {withPerson ? `about ${d.subjectName} ` : ''}started {formatDate(d.createdAt)}
                </span>
              </ActionLink>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
