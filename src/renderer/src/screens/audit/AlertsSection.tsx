import { useState } from 'react';
import type { AlertView } from '../../../../shared/contract';
import { MappaError } from '../../../../shared/errors';
import { api } from '../../mappa';
import { ErrorSummary, errorFor, Radios, SuccessBanner, Textarea } from '../../components/forms';
import { formatDateTime } from './format';
import { TableHead } from '../../components/TableHead';
import { DecisionFields, RowDecision, type DecisionForm } from '../../components/RowDecision';
import { useLoad } from '../useLoad';

// APP counter-corruption: an officer who opens the record of someone they declared is
// stopped, and the IG lead decides what happens next. Nothing here opens the record.

type Decision = '' | 'close' | 'exception';

const describeAlert = (alert: AlertView) => `${alert.userName} and ${alert.subjectName}`;

export function AlertsSection({ onOpenCount }: { onOpenCount: (n: number) => void }) {
  const [notice, setNotice] = useState<string | null>(null);
  const alerts = useLoad(async () => {
    const all = await api().audit.alerts({ status: null });
    onOpenCount(all.filter((a) => a.status === 'open').length);
    return all;
  }, [onOpenCount]);

  const open = (alerts.data ?? []).filter((a) => a.status === 'open').sort((a, b) => a.at.localeCompare(b.at));
  const closed = (alerts.data ?? []).filter((a) => a.status === 'closed').sort((a, b) => (b.closedAt ?? '').localeCompare(a.closedAt ?? ''));

  return (
    <section aria-labelledby="alerts-heading">
      <ErrorSummary errors={alerts.errors} />
      <SuccessBanner message={notice} title="Done" />
      <h2 className="govuk-heading-l" id="alerts-heading">
        Alerts
      </h2>
      <p className="govuk-body">
        An alert is raised when someone tries to open the record of a person they have declared an association with. The record stays closed to them. Find out why they
        tried, then record the outcome, or grant an exception if their work needs them to see the record. An alert is also raised when someone is given the information
        governance lead or administrator role, or administrator rights.
      </p>

      {alerts.data === undefined ? null : (
        <RowDecision
          caption={open.length === 1 ? '1 open alert' : `${open.length} open alerts`}
          empty="There are no open alerts."
          rows={open}
          rowKey={(alert) => alert.id}
          columns={[
            { header: 'When', cell: (alert) => formatDateTime(alert.at) },
            { header: 'User', cell: (alert) => alert.userName },
            { header: 'Subject', cell: (alert) => alert.subjectName },
            { header: 'Declared relationship', cell: (alert) => <Relationship alert={alert} /> },
          ]}
          action="Decide"
          about={(alert) => `on the alert about ${describeAlert(alert)}`}
          onResult={setNotice}
          renderForm={(alert, form) => <AlertDecision alert={alert} form={form} onDecided={alerts.reload} />}
        />
      )}

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
                <td className="govuk-table__cell">
                  <Relationship alert={alert} />
                </td>
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

/** What the user declared; or, for a change of rights, who made it. A declaration withdrawn while the alert was open is flagged. */
function Relationship({ alert }: { alert: AlertView }) {
  return (
    <>
      {alert.relationship}
      {alert.declarationWithdrawnAt ? (
        <strong className="govuk-tag govuk-tag--red app-tag govuk-!-display-block govuk-!-margin-top-1">Declaration withdrawn while this alert was open</strong>
      ) : null}
    </>
  );
}

/** Close the alert with what was found, or grant an exception with the reason. */
function AlertDecision({ alert, form, onDecided }: { alert: AlertView; form: DecisionForm; onDecided: () => Promise<void> }) {
  const [decision, setDecision] = useState<Decision>('');
  const [text, setText] = useState('');
  // The text's field follows the decision, so the service's sentence lands next to it.
  const textField = decision === 'exception' ? 'reason' : 'outcome';

  const decide = async () => {
    if (decision === '') throw new MappaError('invalid_input', 'Choose whether to close the alert or grant an exception.', 'decision');
    let result: string;
    if (decision === 'exception') {
      await api().audit.grantException({ alertId: alert.id, reason: text });
      result = `${alert.userName} can now open ${alert.subjectName}’s record. The alert is closed and your reason is recorded.`;
    } else {
      await api().audit.closeAlert({ alertId: alert.id, outcome: text });
      result = `The alert about ${describeAlert(alert)} is closed. Your outcome is recorded.`;
    }
    await onDecided();
    return result;
  };

  return (
    <>
      <p className="govuk-body">
        {alert.summary} Raised {formatDateTime(alert.at)}.{alert.kind === 'association' ? ` They declared: “${alert.relationship}”.` : ''}
      </p>
      <DecisionFields form={form} submitLabel="Record decision" decide={decide}>
        <Radios
          id="decision"
          legend="Decision"
          value={decision}
          options={[
            { value: 'close', label: 'Close the alert' },
            // A change of rights has no record to open: it is only closed, with what was found.
            ...(alert.kind === 'association' ? [{ value: 'exception', label: 'Grant an exception' }] : []),
          ]}
          hint={
            alert.kind === 'association'
              ? `Closing keeps the record closed to ${alert.userName}. An exception lets them open ${alert.subjectName}’s record from now on, and closes the alert.`
              : `Check with whoever is answerable for the register that ${alert.userName} should have these rights, then record what you found.`
          }
          onChange={(v) => setDecision(v as Decision)}
          error={errorFor(form.errors, 'decision')}
        />
        <Textarea
          id={textField}
          label={decision === 'exception' ? 'Reason for the exception' : 'What you found and did'}
          hint={decision === 'exception' ? 'For example, they are the officer managing the case and the association is known to their line manager.' : 'For example, spoke to the officer and their line manager; the attempt was a mistaken search.'}
          value={text}
          onChange={setText}
          error={errorFor(form.errors, textField)}
        />
      </DecisionFields>
    </>
  );
}
