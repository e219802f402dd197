import { systemClock, today } from '../../../shared/calendar';
import { SUBJECT_KINDS } from '../../../shared/vocabulary';
import { api } from '../mappa';
import { useSession } from '../session';
import { ErrorSummary } from '../components/forms';
import { CategoryTag, formatDate, LevelTag, RiskTag, Tag } from '../components/tags';
import { TableHead } from '../components/TableHead';
import { ReviewIntervals } from './ReviewIntervals';
import { useLoad } from './useLoad';

/** Cases whose next review falls in the next 7 days, or has passed. */
export function ReviewsScreen() {
  const { navigate } = useSession();
  const { data: subjects, errors } = useLoad(() => api().subjects.reviewsDue({}), []);

  // Today in England and Wales, the calendar the service counts reviews in.
  const day = today(systemClock());

  return (
    <>
      <ErrorSummary errors={errors} />
      <h1 className="govuk-heading-xl">Reviews due</h1>
      {/* Procedures §8. */}
      <p className="govuk-body">
        Every Level 2 and Level 3 case carries a next review date, and Level 3 cases in the community are reviewed every 4 to 6 weeks (MAPPA procedures §8). This list shows the cases due
        for review in the next 7 days and any that are overdue.
      </p>
      {subjects === undefined ? null : subjects.length === 0 ? (
        <p className="govuk-inset-text">No reviews are due in the next 7 days.</p>
      ) : (
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-table__caption--m">
            {subjects.length === 1 ? '1 case due for review' : `${subjects.length} cases due for review`}
          </caption>
          <TableHead columns={['Name', 'Date of birth', 'MAPPA', 'Next review']} />
          <tbody className="govuk-table__body">
            {subjects.map((subject) => {
              const name = `${subject.givenName} ${subject.familyName}`;
              return (
                <tr className="govuk-table__row" key={subject.id}>
                  <td className="govuk-table__cell">
                    <a
                      className="govuk-link"
                      href={`#subject-${subject.id}`}
                      onClick={(event) => {
                        event.preventDefault();
                        navigate({ name: 'subject', id: subject.id, whose: `${name}${subject.dateOfBirth ? `, born ${formatDate(subject.dateOfBirth)}` : ''}` });
                      }}
                    >
                      {name}
                    </a>
                    {subject.leadOfficeName ? <span className="govuk-!-display-block govuk-body-s govuk-!-margin-bottom-0">Lead: {subject.leadOfficeName}</span> : null}
                  </td>
                  <td className="govuk-table__cell">{subject.dateOfBirth ? formatDate(subject.dateOfBirth) : 'Not known'}</td>
                  <td className="govuk-table__cell">
                    {subject.kind === 'pdp' ? <Tag>{SUBJECT_KINDS.pdp}</Tag> : null}
                    <CategoryTag category={subject.category} /> <LevelTag level={subject.level} /> <RiskTag risk={subject.risk} />
                  </td>
                  <td className="govuk-table__cell">
                    {formatDate(subject.nextReview)} {subject.nextReview !== null && subject.nextReview < day ? <Tag colour="red">Overdue</Tag> : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <ReviewIntervals />
    </>
  );
}
