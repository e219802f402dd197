import { useSession } from '../../session';
import { TaskListRow } from '../../components/TaskListRow';
import { SummaryRow } from '../../components/SummaryRow';
import { formatDate, Tag } from '../../components/tags';
import { OutputsTable } from './CheckPage';
import { sarSteps, STEP_STATUS_WORDS, type Step } from './pages';
import { ActionLink, BackLink, BandTag, PageHeading, regimeLong, regimeShort, WarningText, type SarProps } from './parts';

// A request's own page: the deadline as the service counts it, with its sentences on how the
// days are counted shown exactly as they come; the actions on the facts the clock runs from
// (identity, fee, clarification, extension) and closing; the facts of the request; and the
// steps that answer it, as an MOJ task list.

function StepRow({ step, go }: { step: Step; go: SarProps['go'] }) {
  const key = `${step.page}-${step.title.split(' ')[0]?.toLowerCase() ?? ''}`;
  const tag = step.status === 'in_progress' ? 'light-blue' : step.status === 'not_started' ? 'blue' : null;
  return (
    <TaskListRow id={`step-${key}`} title={step.title} hint={step.hint} status={step.statusText ?? STEP_STATUS_WORDS[step.status]} tag={tag} onOpen={step.status === 'cannot_start' ? null : () => go(step.page)} />
  );
}

export function RequestPage({ view, go }: SarProps) {
  const { navigate, notify } = useSession();
  const d = view.deadline;
  const open = view.status === 'open';
  const waiting = view.pauses.find((p) => p.answeredOn === null);
  return (
    <>
      <BackLink
        onClick={() => {
          notify('');
          navigate({ name: 'sars' });
        }}
      >
        Back to subject access requests
      </BackLink>
      <PageHeading caption={`Subject access request ${view.reference}`}>Request from {view.requesterName}</PageHeading>
      <p className="govuk-body app-tag-row">
        {open ? <BandTag deadline={d} /> : <Tag colour="grey">Closed</Tag>}
        <Tag colour="blue">{regimeShort(view.regime)}</Tag>
        Received {formatDate(view.receivedOn)} by {view.office.name}.
      </p>

      <section aria-labelledby="deadline-heading">
        <h2 className="govuk-heading-l" id="deadline-heading">
          The deadline
        </h2>
        <dl className="govuk-summary-list">
          <SummaryRow label="Response due">{d.dueOn ? <strong>{formatDate(d.dueOn)}</strong> : d.state === 'stopped' ? 'Not known while the clock is stopped' : 'Not known until the clock starts'}</SummaryRow>
          {open ? (
            <SummaryRow label="Days left">
              <BandTag deadline={d} />
            </SummaryRow>
          ) : null}
          {d.extended && d.firstDueOn ? <SummaryRow label="Due before the extension">{formatDate(d.firstDueOn)}</SummaryRow> : null}
        </dl>
        <h3 className="govuk-heading-m" id="how-counted">
          How the days are counted
        </h3>
        <ul className="govuk-list govuk-list--bullet app-explanation" aria-labelledby="how-counted">
          {d.explanation.map((sentence) => (
            <li key={sentence}>{sentence}</li>
          ))}
        </ul>
        {d.notice ? <WarningText>{d.notice}</WarningText> : null}
        {open ? (
          <div className="govuk-button-group">
            <button type="button" className="govuk-button govuk-button--secondary" onClick={() => go('identity')}>
              {view.identityVerifiedOn ? 'Change when identity was verified' : 'Record identity verified'}
            </button>
            <button type="button" className="govuk-button govuk-button--secondary" onClick={() => go('fee')}>
              {view.feeRequired ? 'Change the fee' : 'Record a fee'}
            </button>
            {waiting ? (
              <button type="button" className="govuk-button govuk-button--secondary" onClick={() => go('answer')}>
                Record the answer to the question
              </button>
            ) : (
              <button type="button" className="govuk-button govuk-button--secondary" onClick={() => go('clarify')}>
                Ask for clarification
              </button>
            )}
            {view.extension ? null : (
              <button type="button" className="govuk-button govuk-button--secondary" onClick={() => go('extend')}>
                Record an extension
              </button>
            )}
          </div>
        ) : null}
      </section>

      <section aria-labelledby="facts-heading">
        <h2 className="govuk-heading-l" id="facts-heading">
          The request
        </h2>
        <dl className="govuk-summary-list">
          <SummaryRow label="Requester">{view.requesterName}</SummaryRow>
          {view.representativeName ? (
            <SummaryRow label="Made on their behalf by">
              {view.representativeName}
              <br />
              <span className="govuk-hint">Authority: {view.authority}</span>
            </SummaryRow>
          ) : null}
          <SummaryRow label="Send the response to" valueClassName="app-item__value">
            {view.contact}
          </SummaryRow>
          <SummaryRow label="Names searched">{view.names.join(', ')}</SummaryRow>
          <SummaryRow label="Date of birth">{view.dateOfBirth ? formatDate(view.dateOfBirth) : 'Not given'}</SummaryRow>
          <SummaryRow label="References given">{view.identifiers ?? 'None'}</SummaryRow>
          <SummaryRow label="What they asked for" valueClassName="app-item__value">
            {view.askedFor}
          </SummaryRow>
          <SummaryRow label="Received">{formatDate(view.receivedOn)}</SummaryRow>
          <SummaryRow label="Answered under">{regimeLong(view.regime)}</SummaryRow>
          <SummaryRow label="Identity verified">{view.identityVerifiedOn ? `${formatDate(view.identityVerifiedOn)}: ${view.identityHow ?? ''}` : 'Not yet'}</SummaryRow>
          <SummaryRow label="Fee">
            {view.feeRequired ? `Asked for: ${view.feeReason ?? ''} ${view.feeReceivedOn ? `Received ${formatDate(view.feeReceivedOn)}.` : 'Not yet received.'}` : 'None asked for'}
          </SummaryRow>
          {view.pauses.map((p) => (
            <SummaryRow key={p.seq} label={`Clarification ${p.seq}`}>
              Asked {formatDate(p.askedOn)}: {p.what} {p.answeredOn ? `Answered ${formatDate(p.answeredOn)}.` : 'Waiting for the answer: the clock is stopped.'}
            </SummaryRow>
          ))}
          {view.extension ? (
            <SummaryRow label="Extension">
              Told {formatDate(view.extension.toldOn)}: {view.extension.reason}
            </SummaryRow>
          ) : null}
          {view.closedOn ? (
            <SummaryRow label="Closed">
              {formatDate(view.closedOn)}: {view.closedNote}
            </SummaryRow>
          ) : null}
        </dl>
      </section>

      {open ? (
        <section aria-labelledby="steps-heading">
          <h2 className="govuk-heading-l" id="steps-heading">
            Answer the request
          </h2>
          <ul className="govuk-task-list">
            {sarSteps(view).map((step) => (
              <StepRow key={step.title} step={step} go={go} />
            ))}
          </ul>
        </section>
      ) : null}

      {view.outputs.length > 0 ? <OutputsTable view={view} /> : null}

      {open ? (
        <p className="govuk-body">
          <ActionLink onClick={() => go('close')}>Close this request</ActionLink>
        </p>
      ) : null}
    </>
  );
}
