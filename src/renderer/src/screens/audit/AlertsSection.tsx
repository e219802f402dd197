import { useEffect, useState, type FormEvent } from 'react';
import type { AlertView } from '../../../../shared/contract';
import { api } from '../../mappa';
import { ErrorSummary, errorFor, Radios, SuccessBanner, Textarea } from '../../components/forms';
import { useSubmit } from '../useSubmit';
import { formatDateTime } from './format';
import { TableHead } from '../../components/TableHead';
import { useRowForm } from '../useRowForm';

// APP counter-corruption: an officer who opens the record of someone they declared is
// stopped, and the IG lead decides what happens next. Nothing here opens the record.

type Decision = '' | 'close' | 'exception';

const describeAlert = (alert: AlertView) => `${alert.userName} and ${alert.subjectName}`;

export function AlertsSection({ onOpenCount }: { onOpenCount: (n: number) => void }) {
  const [alerts, setAlerts] = useState<AlertView[] | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [decision, setDecision] = useState<Decision>('');
  const [text, setText] = useState('');
  const { errors, setErrors, busy, submit } = useSubmit();
  const { chosen, setChosen, choose, cancel, heading } = useRowForm<AlertView>(
    (alert) => `review-${alert.id}`,
    () => {
      setNotice(null);
      setErrors([]);
      setDecision('');
      setText('');
    },
  );

  const load = async () => {
    const all = await api().audit.alerts({ status: null });
    setAlerts(all);
    onOpenCount(all.filter((a) => a.status === 'open').length);
  };

  useEffect(() => {
    void submit(load);
    // Load once on arrival.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const open = (alerts ?? []).filter((a) => a.status === 'open').sort((a, b) => a.at.localeCompare(b.at));
  const closed = (alerts ?? []).filter((a) => a.status === 'closed').sort((a, b) => (b.closedAt ?? '').localeCompare(a.closedAt ?? ''));

  const decide = (event: FormEvent) => {
    event.preventDefault();
    if (!chosen) return;
    const alert = chosen;
    if (decision === '') {
      setErrors([{ field: 'decision', message: 'Choose whether to close the alert or grant an exception.' }]);
      return;
    }
    setNotice(null);
    void submit(async () => {
      if (decision === 'exception') {
        await api().audit.grantException({ alertId: alert.id, reason: text });
        setNotice(`${alert.userName} can now open ${alert.subjectName}’s record. The alert is closed and your reason is recorded.`);
      } else {
        await api().audit.closeAlert({ alertId: alert.id, outcome: text });
        setNotice(`The alert about ${describeAlert(alert)} is closed. Your outcome is recorded.`);
      }
      setChosen(null);
      await load();
    });
  };

  // The text's field follows the decision, so the service's sentence lands next to it.
  const textField = decision === 'exception' ? 'reason' : 'outcome';

  return (
    <section aria-labelledby="alerts-heading">
      <ErrorSummary errors={errors} />
      <SuccessBanner message={notice} title="Done" />
      <h2 className="govuk-heading-l" id="alerts-heading">
        Alerts
      </h2>
      <p className="govuk-body">
        An alert is raised when someone tries to open the record of a person they have declared an association with. The record stays closed to them. Find out why they
        tried, then record the outcome, or grant an exception if their work needs them to see the record.
      </p>

      {alerts === null ? null : open.length === 0 ? (
        <p className="govuk-inset-text">There are no open alerts.</p>
      ) : (
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-table__caption--m">{open.length === 1 ? '1 open alert' : `${open.length} open alerts`}</caption>
          <TableHead columns={['When', 'User', 'Subject', 'Declared relationship', { hidden: 'Actions' }]} />
          <tbody className="govuk-table__body">
            {open.map((alert) => (
              <tr className="govuk-table__row" key={alert.id}>
                <td className="govuk-table__cell">{formatDateTime(alert.at)}</td>
                <td className="govuk-table__cell">{alert.userName}</td>
                <td className="govuk-table__cell">{alert.subjectName}</td>
                <td className="govuk-table__cell">{alert.relationship}</td>
                <td className="govuk-table__cell">
                  <button type="button" id={`review-${alert.id}`} className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" onClick={() => choose(alert)}>
                    Decide <span className="govuk-visually-hidden">on the alert about {describeAlert(alert)}</span>
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      {chosen ? (
        <section aria-labelledby="decide-alert-heading">
          <h3 className="govuk-heading-m" id="decide-alert-heading" ref={heading} tabIndex={-1}>
            Decide on the alert about {describeAlert(chosen)}
          </h3>
          <p className="govuk-body">
            {chosen.userName} tried to open {chosen.subjectName}’s record on {formatDateTime(chosen.at)}. They declared: “{chosen.relationship}”.
          </p>
          <form onSubmit={decide} noValidate>
            <Radios
              id="decision"
              legend="Decision"
              value={decision}
              options={[
                { value: 'close', label: 'Close the alert' },
                { value: 'exception', label: 'Grant an exception' },
              ]}
              hint={`Closing keeps the record closed to ${chosen.userName}. An exception lets them open ${chosen.subjectName}’s record from now on, and closes the alert.`}
              onChange={(v) => setDecision(v as Decision)}
              error={errorFor(errors, 'decision')}
            />
            <Textarea
              id={textField}
              label={decision === 'exception' ? 'Reason for the exception' : 'What you found and did'}
              hint={decision === 'exception' ? 'For example, they are the officer managing the case and the association is known to their line manager.' : 'For example, spoke to the officer and their line manager; the attempt was a mistaken search.'}
              value={text}
              onChange={setText}
              error={errorFor(errors, textField)}
            />
            <div className="govuk-button-group">
              <button type="submit" className="govuk-button" disabled={busy} aria-disabled={busy}>
                Record decision
              </button>
              <button type="button" className="govuk-button govuk-button--secondary" onClick={cancel}>
                Cancel
              </button>
            </div>
          </form>
        </section>
      ) : null}

      {closed.length > 0 ? (
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-table__caption--m">Closed alerts</caption>
          <TableHead columns={['When', 'User', 'Subject', 'Declared relationship', 'Outcome']} />
          <tbody className="govuk-table__body">
            {closed.map((alert) => (
              <tr className="govuk-table__row" key={alert.id}>
                <td className="govuk-table__cell">{formatDateTime(alert.at)}</td>
                <td className="govuk-table__cell">{alert.userName}</td>
                <td className="govuk-table__cell">{alert.subjectName}</td>
                <td className="govuk-table__cell">{alert.relationship}</td>
                <td className="govuk-table__cell">
                  {alert.outcome}
                  <span className="govuk-!-display-block govuk-body-s govuk-!-margin-bottom-0">
                    Closed by {alert.closedBy ?? 'unknown'}
                    {alert.closedAt ? ` on ${formatDateTime(alert.closedAt)}` : ''}
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
