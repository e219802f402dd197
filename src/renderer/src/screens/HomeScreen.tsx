import type { RegisterStatus } from '../../../shared/contract';

type Unlocked = Extract<RegisterStatus, { state: 'unlocked' }>;

export function HomeScreen({ status }: { status: Unlocked }) {
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
      <h1 className="govuk-heading-xl">Register</h1>
      <dl className="govuk-summary-list">
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Signed in as</dt>
          <dd className="govuk-summary-list__value">{status.userName}</dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Access</dt>
          <dd className="govuk-summary-list__value">{status.administrator ? 'Administrator' : 'User'}</dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Register folder</dt>
          <dd className="govuk-summary-list__value app-path">{status.folder}</dd>
        </div>
      </dl>
      <p className="govuk-body">Every change is saved, encrypted, the moment you make it. Lock the register when you leave your desk: press Ctrl+L, or use Lock register at the top.</p>
    </>
  );
}
