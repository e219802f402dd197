import type { ShareView } from '../../../../shared/channels/sharing';
import { formatLondonDateTime } from '../../../../shared/calendar';
import { WITHDRAWAL_LIMIT } from '../../../../shared/sharingVocabulary';
import { useSession } from '../../session';
import { BackLink, ConfirmationPanel, namesList, PageHeading, purposeText, ShareStatusTag } from './parts';
import { ShareDetailsList, ShareLines } from './ShareSummary';

// A share once it has left the draft: confirmed (with its file), withdrawn, or a
// decision not to share. Just after confirming, a GOV.UK confirmation panel names the file
// and who it is for.

export function ShareRecord({ share, file }: { share: ShareView; file: string | null }) {
  const { navigate } = useSession();
  const recipients = namesList(share.recipients.map((o) => o.name));
  return (
    <>
      <BackLink onClick={() => navigate({ name: 'subject', id: share.subjectId })}>{`Back to ${share.subjectName}`}</BackLink>
      {file && share.status === 'confirmed' ? (
        <>
          <ConfirmationPanel title="Share confirmed">
            The file for {recipients} was saved
            <br />
            <span className="app-path app-panel-path">{file}</span>
          </ConfirmationPanel>
          <h2 className="govuk-heading-m">What happens next</h2>
          <p className="govuk-body">
            Send the file to {recipients} by secure email. Only their registers can open it, and each checks it was signed by this office before importing it. It can be
            imported for {share.expiryDays === 1 ? '1 day' : `${share.expiryDays} days`}.
          </p>
          <p className="govuk-body">If it should not have been sent, withdraw it from {share.subjectName}’s page: the withdrawal notice is another file to send them.</p>
        </>
      ) : (
        <PageHeading caption={share.subjectName}>{share.status === 'declined' ? 'Decision not to share' : 'Share of information'}</PageHeading>
      )}
      <p className="govuk-body">
        <ShareStatusTag status={share.status} />
        {share.status === 'declined'
          ? `Recorded ${formatLondonDateTime(share.createdAt)} by ${share.createdBy}.`
          : `Confirmed ${formatLondonDateTime(share.confirmedAt)} by ${share.confirmedBy ?? ''}.`}
      </p>
      {share.status === 'withdrawn' ? (
        <div className="govuk-inset-text">
          <p className="govuk-body">
            Withdrawn {formatLondonDateTime(share.withdrawnAt)} by {share.withdrawnBy ?? ''}: {share.withdrawnReason ?? ''}
          </p>
          <p className="govuk-body govuk-!-margin-bottom-0">{WITHDRAWAL_LIMIT}</p>
        </div>
      ) : null}
      {share.status === 'declined' ? (
        <dl className="govuk-summary-list">
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">Asked for by</dt>
            <dd className="govuk-summary-list__value">
              {share.requestedBy}
              {share.recipients.length > 0 ? ` (${recipients})` : ''}
            </dd>
          </div>
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">Asked for</dt>
            <dd className="govuk-summary-list__value">{purposeText(share)}</dd>
          </div>
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">Why it was not shared</dt>
            <dd className="govuk-summary-list__value">{share.declineReason}</dd>
          </div>
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">Items asked about</dt>
            <dd className="govuk-summary-list__value">{share.fields}</dd>
          </div>
        </dl>
      ) : (
        <>
          <h2 className="govuk-heading-m">Purpose and recipients</h2>
          <ShareDetailsList share={share} />
          <h2 className="govuk-heading-m">Information shared ({share.lines.length})</h2>
          <ShareLines share={share} />
        </>
      )}
    </>
  );
}
