import type { ShareSummary } from '../../../../shared/channels/sharing';
import { api } from '../../mappa';
import { useSession } from '../../session';
import { ErrorSummary } from '../../components/forms';
import { formatDate } from '../../components/tags';
import { TableHead } from '../../components/TableHead';
import { useLoad } from '../useLoad';
import { ActionLink, purposeText, recipientsText, ShareStatusTag } from './parts';

// Every share and decision not to share in the register (issue 10), newest first: what
// left, for what, to whom and when. A person blocked from a subject does not see its shares.

function dates(share: ShareSummary): string {
  if (share.status === 'declined') return `Recorded ${formatDate(share.createdAt)} by ${share.createdBy}`;
  const parts = [`Started ${formatDate(share.createdAt)} by ${share.createdBy}`];
  if (share.confirmedAt) parts.push(`confirmed ${formatDate(share.confirmedAt)} by ${share.confirmedBy ?? ''}`);
  if (share.withdrawnAt) parts.push(`withdrawn ${formatDate(share.withdrawnAt)}`);
  return parts.join('; ');
}

export function SharesScreen() {
  const { can, navigate } = useSession();
  const loaded = useLoad(() => api().shares.list({ subjectId: null }), []);
  const shares = loaded.data;
  return (
    <>
      <ErrorSummary errors={loaded.errors} />
      <h1 className="govuk-heading-xl">Shares</h1>
      <p className="govuk-body">Every share of information with partner offices, and every decision not to share, newest first. A share is started from the subject’s page.</p>
      {can('share.import') ? (
        <button type="button" className="govuk-button govuk-button--secondary" onClick={() => navigate({ name: 'import' })}>
          Import a file
        </button>
      ) : null}
      {shares === undefined ? null : shares.length === 0 ? (
        <p className="govuk-inset-text">Nothing has been shared from this register yet, and no decision not to share has been recorded.</p>
      ) : (
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-table__caption--m">
            {shares.length === 1 ? '1 share or decision' : `${shares.length} shares and decisions`}
          </caption>
          <TableHead columns={['Subject', 'Status', 'Purpose', 'Recipients', 'Fields', 'Dates', { hidden: 'Open' }]} />
          <tbody className="govuk-table__body">
            {shares.map((share) => (
              <tr className="govuk-table__row" key={share.id}>
                <td className="govuk-table__cell">
                  <ActionLink onClick={() => navigate({ name: 'subject', id: share.subjectId })}>{share.subjectName}</ActionLink>
                </td>
                <td className="govuk-table__cell">
                  <ShareStatusTag status={share.status} />
                </td>
                <td className="govuk-table__cell">{purposeText(share)}</td>
                <td className="govuk-table__cell">{recipientsText(share)}</td>
                <td className="govuk-table__cell">{share.fields}</td>
                <td className="govuk-table__cell">{dates(share)}</td>
                <td className="govuk-table__cell">
                  <ActionLink onClick={() => navigate({ name: 'share', id: share.id, subjectId: share.subjectId })}>
                    {share.status === 'draft' ? 'Continue' : 'Open'}
                    <span className="govuk-visually-hidden">
                      {' '}
                      the {share.status === 'declined' ? 'decision about' : 'share of'} {share.subjectName}’s information started {formatDate(share.createdAt)}
                    </span>
                  </ActionLink>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
