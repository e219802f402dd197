import { useState, type FormEvent } from 'react';
import { api } from '../mappa';
import { useSession } from '../session';
import { ErrorSummary, errorFor, SuccessBanner, TextInput } from '../components/forms';
import { useSubmit } from './useSubmit';
import { useEdits } from './useEdits';
import { useErrors, useLoad } from './useLoad';

/** Empty text goes as missing, so the contract's own sentence comes back next to the field. */
const asWeeks = (text: string): number => (text.trim() === '' ? (null as unknown as number) : Number(text));

/**
 * How far ahead a Level 2 or 3 case's next review is set when none is given. Procedures §8:
 * Level 3 cases in the community are reviewed every 4–6 weeks.
 */
export function ReviewIntervals() {
  const { can } = useSession();
  const intervals = useLoad(() => api().subjects.reviewIntervals({}), []);
  const { form, set, discard } = useEdits({ level2: String(intervals.data?.level2Weeks ?? ''), level3: String(intervals.data?.level3Weeks ?? '') });
  const { level2, level3 } = form;
  const [notice, setNotice] = useState<string | null>(null);
  const { errors: submitted, busy, submit } = useSubmit();
  const errors = useErrors(intervals.errors, submitted);

  if (intervals.data === undefined && errors.length === 0) return null;
  if (!can('reviews.configure')) {
    return (
      <p className="govuk-body">
        A Level 2 case without a review date is set to be reviewed {level2} weeks ahead, a Level 3 case {level3} weeks ahead.
      </p>
    );
  }

  const save = (event: FormEvent) => {
    event.preventDefault();
    setNotice(null);
    void submit(async () => {
      const i = await api().subjects.setReviewIntervals({ level2Weeks: asWeeks(level2), level3Weeks: asWeeks(level3) });
      intervals.setData(i);
      discard();
      setNotice(`New Level 2 cases are now reviewed ${i.level2Weeks} weeks ahead and Level 3 cases ${i.level3Weeks} weeks ahead, unless a date is given.`);
    });
  };

  return (
    <section aria-labelledby="intervals-heading" className="govuk-!-margin-top-8">
      <h2 className="govuk-heading-m" id="intervals-heading">
        Review intervals
      </h2>
      <ErrorSummary errors={errors} />
      <SuccessBanner message={notice} title="Done" />
      <form onSubmit={save} noValidate>
        <TextInput id="level2Weeks" label="Level 2: next review after (weeks)" type="number" width="govuk-input--width-10" value={level2} onChange={set('level2')} error={errorFor(errors, 'level2Weeks')} />
        <TextInput id="level3Weeks" label="Level 3: next review after (weeks)" hint="Between 4 and 6 weeks in the community (procedures §8)" type="number" width="govuk-input--width-10" value={level3} onChange={set('level3')} error={errorFor(errors, 'level3Weeks')} />
        <button type="submit" className="govuk-button" disabled={busy} aria-disabled={busy}>
          Save review intervals
        </button>
      </form>
    </section>
  );
}
