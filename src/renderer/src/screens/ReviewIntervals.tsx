import { useEffect, useState, type FormEvent } from 'react';
import { api } from '../mappa';
import { useSession } from '../session';
import { ErrorSummary, errorFor, SuccessBanner, TextInput } from '../components/forms';
import { useSubmit } from './useSubmit';

/** Empty text goes as missing, so the contract's own sentence comes back next to the field. */
const asWeeks = (text: string): number => (text.trim() === '' ? (null as unknown as number) : Number(text));

/**
 * How far ahead a Level 2 or 3 case's next review is set when none is given. Procedures §8:
 * Level 3 cases in the community are reviewed every 4–6 weeks.
 */
export function ReviewIntervals() {
  const { can } = useSession();
  const [level2, setLevel2] = useState('');
  const [level3, setLevel3] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const { errors, busy, submit } = useSubmit();

  useEffect(() => {
    void submit(async () => {
      const i = await api().subjects.reviewIntervals({});
      setLevel2(String(i.level2Weeks));
      setLevel3(String(i.level3Weeks));
    });
    // Load once on arrival.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  if (level2 === '' && level3 === '' && errors.length === 0) return null;
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
      setLevel2(String(i.level2Weeks));
      setLevel3(String(i.level3Weeks));
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
        <TextInput id="level2Weeks" label="Level 2: next review after (weeks)" type="number" width="govuk-input--width-10" value={level2} onChange={setLevel2} error={errorFor(errors, 'level2Weeks')} />
        <TextInput id="level3Weeks" label="Level 3: next review after (weeks)" hint="Between 4 and 6 weeks in the community (procedures §8)" type="number" width="govuk-input--width-10" value={level3} onChange={setLevel3} error={errorFor(errors, 'level3Weeks')} />
        <button type="submit" className="govuk-button" disabled={busy} aria-disabled={busy}>
          Save review intervals
        </button>
      </form>
    </section>
  );
}
