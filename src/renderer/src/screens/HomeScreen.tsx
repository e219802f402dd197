import { ROLES } from '../../../shared/permissions';
import { AGENCY_KINDS } from '../../../shared/vocabulary';
import { useSession } from '../session';
import { Worklist } from './home/Worklist';

export function HomeScreen() {
  const { status, can, navigate } = useSession();
  const failed = status.failedAttemptsSinceLastUnlock;
  return (
    <>
      {failed > 0 ? (
        <div className="govuk-warning-text">
          <span className="govuk-warning-text__icon" aria-hidden="true">
            !
          </span>
          <strong className="govuk-warning-text__text">
            <span className="govuk-visually-hidden">Warning</span>
            There {failed === 1 ? 'was 1 failed attempt' : `were ${failed} failed attempts`} to unlock this register since it was last opened. If that was not you, tell
            your information governance lead.
          </strong>
        </div>
      ) : null}
      {/* The person's own office: a police representative's Home is not headed with the probation office that keeps the register. */}
      <h1 className="govuk-heading-xl">{status.profile?.officeName ?? status.homeOffice?.name ?? 'Register'}</h1>
      <dl className="govuk-summary-list">
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Signed in as</dt>
          <dd className="govuk-summary-list__value">{status.userName}</dd>
        </div>
        {status.profile ? (
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">Role</dt>
            <dd className="govuk-summary-list__value">
              {ROLES[status.profile.role]}, {status.profile.officeName} ({AGENCY_KINDS[status.profile.agency].label})
            </dd>
          </div>
        ) : null}
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Register folder</dt>
          <dd className="govuk-summary-list__value app-path">{status.folder}</dd>
        </div>
      </dl>
      <Worklist />
      {can('subject.view') ? (
        <div className="govuk-button-group">
          <button type="button" className="govuk-button" onClick={() => navigate({ name: 'subjects' })}>
            Find a subject
          </button>
          {can('subject.create') ? (
            <button type="button" className="govuk-button govuk-button--secondary" onClick={() => navigate({ name: 'subjectForm' })}>
              Add a subject
            </button>
          ) : null}
          <button type="button" className="govuk-button govuk-button--secondary" onClick={() => navigate({ name: 'reviews' })}>
            Reviews due
          </button>
          <button type="button" className="govuk-button govuk-button--secondary" onClick={() => navigate({ name: 'disclosures' })}>
            Disclosures
          </button>
          {can('sar.manage') ? (
            <button type="button" className="govuk-button govuk-button--secondary" onClick={() => navigate({ name: 'sars' })}>
              Subject access requests
            </button>
          ) : null}
        </div>
      ) : null}
      <p className="govuk-body">Every change is saved, encrypted, the moment you make it. Lock the register when you leave your desk: press Ctrl+L, or use Lock register at the top.</p>
    </>
  );
}
