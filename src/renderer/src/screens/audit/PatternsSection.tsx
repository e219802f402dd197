import type { ChannelOutput } from '../../../../shared/contract';
import { api } from '../../mappa';
import { ErrorSummary } from '../../components/forms';
import { useLoad } from '../useLoad';
import { formatDay, times } from './format';

export type ViewPattern = ChannelOutput<'audit.patterns'>[number];

// DOMAIN.md "Integrity and misuse": the case study's officer was found by an audit of
// who looked at what. Repeated views by someone with no part in the case are worth a look.

/** 'Pat Probation viewed Lee Marsh 4 times between 3 March 2026 and 5 March 2026, with no part in the case.' */
export function describePattern(p: ViewPattern): string {
  const first = formatDay(p.firstAt);
  const last = formatDay(p.lastAt);
  const when = first === last ? `on ${first}` : `between ${first} and ${last}`;
  return `${p.userName} viewed ${p.subjectName} ${times(p.views)} ${when}, with no part in the case.`;
}

export function PatternsSection({ onShowViews }: { onShowViews: (p: ViewPattern) => void }) {
  const { data: patterns, errors } = useLoad(() => api().audit.patterns({}), []);

  return (
    <section aria-labelledby="patterns-heading">
      <ErrorSummary errors={errors} />
      <h2 className="govuk-heading-l" id="patterns-heading">
        Patterns to look at
      </h2>
      <p className="govuk-body">
        People who opened the same subject’s record 3 or more times in the last 30 days, although their office does not lead the case or own any of its information and
        they have not worked on it. There may be a good reason; ask.
      </p>
      {patterns === undefined ? null : patterns.length === 0 ? (
        <p className="govuk-inset-text">Nothing to look at: no one has repeatedly opened a record they have no part in.</p>
      ) : (
        <ul className="govuk-list govuk-list--spaced" aria-label="Patterns found">
          {patterns.map((p) => (
            <li key={`${p.userId}-${p.subjectId}`}>
              {describePattern(p)}{' '}
              <a
                href="#audit-log"
                className="govuk-link"
                onClick={(event) => {
                  event.preventDefault();
                  onShowViews(p);
                }}
              >
                See these views<span className="govuk-visually-hidden"> of {p.subjectName} by {p.userName}</span> in the log
              </a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
