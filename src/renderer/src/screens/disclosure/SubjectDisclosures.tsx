import type { SubjectDetail } from '../../../../shared/registerSchemas';
import { api } from '../../mappa';
import { useSession } from '../../session';
import { ErrorSummary } from '../../components/forms';
import { useLoad } from '../useLoad';
import { useSubmit } from '../useSubmit';
import { DisclosuresTable } from './DisclosuresScreen';
import { ActionLink } from './parts';

// The subject page's "Disclosures to third parties" (issue 12): each with its status and a
// link to it (a draft carries on where it was left), and "Start a disclosure" for those who
// may prepare one. The reason given for opening the record is passed on, as for a share.

export function SubjectDisclosures({ subject }: { subject: SubjectDetail }) {
  const { can, navigate, reasonFor } = useSession();
  const loaded = useLoad(() => api().disclosures.list({ subjectId: subject.id, status: null }), [subject.id]);
  const { errors, busy, submit } = useSubmit();
  const list = loaded.data;
  const name = `${subject.givenName} ${subject.familyName}`;
  const start = () =>
    void submit(async () => {
      const view = await api().disclosures.start({ subjectId: subject.id, reason: reasonFor(subject.id) });
      navigate({ name: 'disclosure', id: view.id, subjectId: subject.id, task: 'tasks' });
    });
  return (
    <section aria-labelledby="disclosures-heading" className="govuk-!-margin-top-8">
      <h2 className="govuk-heading-l" id="disclosures-heading">
        Disclosures to third parties
      </h2>
      <ErrorSummary errors={loaded.errors.length > 0 ? loaded.errors : errors} />
      {list === undefined ? null : list.length === 0 ? (
        <p className="govuk-body">No disclosure about {name} has been recorded.</p>
      ) : (
        <DisclosuresTable list={list} />
      )}
      <div className="govuk-button-group">
        {can('disclosure.prepare') ? (
          <button type="button" className="govuk-button govuk-button--secondary" disabled={busy} aria-disabled={busy} onClick={start}>
            Start a disclosure
          </button>
        ) : null}
        <ActionLink onClick={() => navigate({ name: 'disclosures' })}>All disclosures in the register</ActionLink>
      </div>
    </section>
  );
}
