import { useState } from 'react';
import type { ShareStep } from '../../session';
import { api } from '../../mappa';
import { useSession } from '../../session';
import { ErrorSummary } from '../../components/forms';
import { useSubmit } from '../useSubmit';
import { ActionLink, BackLink, namesList, PageHeading } from './parts';
import type { StepProps } from './ShareScreen';
import { ShareDetailsList, ShareLines } from './ShareSummary';

// Step 4: everything on one page, every problem that still stops the share listed at the
// top, and the Confirm button. The button is there even with problems: the service decides,
// refuses with its reasons, and the page shows them (Promise 3: the checks are the service's).

interface Problem {
  message: string;
  fix: { step: ShareStep } | { keys: true };
}

/** Where each remaining problem is put right. */
function problemsOf(share: StepProps['share']): Problem[] {
  const shareWide = share.problems.map((message): Problem => {
    if (/keys? for sharing|Partner keys/.test(message)) return { message, fix: { keys: true } };
    if (/at least one field/.test(message)) return { message, fix: { step: 'fields' } };
    return { message, fix: { step: 'details' } };
  });
  const lines = share.lines.flatMap((line) => line.problems.map((message): Problem => ({ message, fix: { step: 'tests' } })));
  return [...shareWide, ...lines];
}

export function CheckAnswersStep({ share, onChange, go }: StepProps) {
  const { navigate } = useSession();
  const { errors, busy, submit } = useSubmit();
  const [cancelled, setCancelled] = useState(false);
  const problems = problemsOf(share);

  const confirm = () => {
    setCancelled(false);
    void submit(async () => {
      const result = await api().shares.confirm({ id: share.id });
      onChange(result.share);
      if (result.file === null) {
        setCancelled(true);
        return;
      }
      navigate({ name: 'share', id: share.id, subjectId: share.subjectId, step: 'done', file: result.file });
    });
  };

  return (
    <>
      <BackLink onClick={() => go('tests')}>Back to the three tests</BackLink>
      <ErrorSummary errors={errors} />
      <PageHeading caption={`Share information about ${share.subjectName}`}>Check your answers</PageHeading>
      {problems.length > 0 ? (
        <div className="govuk-error-summary" aria-labelledby="still-to-do-title">
          <h2 className="govuk-error-summary__title" id="still-to-do-title">
            This share cannot be confirmed yet
          </h2>
          <div className="govuk-error-summary__body">
            <ul className="govuk-list govuk-error-summary__list">
              {problems.map((p, index) => (
                <li key={`${index}-${p.message}`}>
                  <ActionLink onClick={() => ('keys' in p.fix ? navigate({ name: 'keys' }) : go(p.fix.step))}>{p.message}</ActionLink>
                </li>
              ))}
            </ul>
          </div>
        </div>
      ) : null}
      <h2 className="govuk-heading-m">Purpose and recipients</h2>
      <ShareDetailsList share={share} onChange={() => go('details')} />
      <h2 className="govuk-heading-m">
        Information to share ({share.lines.length} {share.lines.length === 1 ? 'field' : 'fields'})
      </h2>
      <ShareLines share={share} onChange={() => go('tests')} />

      <h2 className="govuk-heading-m">Confirm and save the file</h2>
      <p className="govuk-body">
        When you confirm, the share and your answers are recorded, and you choose where to save its file. The file is encrypted for{' '}
        {share.recipients.length > 0 ? namesList(share.recipients.map((o) => o.name)) : 'the recipients'} and signed by this office; send it to them by secure email.
      </p>
      {cancelled ? (
        <div className="govuk-inset-text" role="status">
          No file was saved, so the share was not confirmed. It is still a draft.
        </div>
      ) : null}
      <div className="govuk-button-group">
        <button type="button" className="govuk-button" data-module="govuk-button" disabled={busy} aria-disabled={busy} onClick={confirm}>
          Confirm and save the file
        </button>
        <ActionLink onClick={() => go('tasks')}>Back to the task list</ActionLink>
      </div>
      {busy ? (
        <p className="govuk-body" role="status">
          Making the encrypted file…
        </p>
      ) : null}
    </>
  );
}
