import { useMemo, useState, type FormEvent } from 'react';
import type { CalendarHolidays, ExtraHoliday } from '../../../shared/extraHolidays';
import { api, type FieldError } from '../mappa';
import { ErrorSummary, errorFor, SuccessBanner, TextInput } from '../components/forms';
import { formatDate } from '../components/tags';
import { TableHead } from '../components/TableHead';
import { useSubmit } from './useSubmit';
import { useErrors, useLoad } from './useLoad';

// Working days (a chair's approval within so many working days, a deadline that moves off
// a bank holiday) are counted with the England and Wales bank holidays shipped with the
// app. A holiday announced after that list was taken is added here by an administrator.

const yearOf = (day: string) => day.slice(0, 4);

/**
 * The service checks the whole list and names a field by its place in it
 * ("holidays.3.date"): the one being added is the last, so its problems go next to the
 * form's fields; a problem with one already listed is shown in the summary only.
 */
function forTheForm(errors: FieldError[], addedAt: number): FieldError[] {
  return errors.map((e) => {
    if (e.field === `holidays.${addedAt}.date`) return { field: 'holidayDate', message: e.message };
    if (e.field === `holidays.${addedAt}.title`) return { field: 'holidayTitle', message: e.message };
    return { message: e.message };
  });
}

export function BankHolidaysScreen() {
  const holidays = useLoad(() => api().calendar.holidays({}), []);
  const [date, setDate] = useState('');
  const [title, setTitle] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const { errors: submitted, busy, submit } = useSubmit();
  const data = holidays.data;
  const extra = useMemo(() => data?.extra ?? [], [data]);
  // A holiday being added goes at the end of the list the service checks.
  const placed = useMemo(() => forTheForm(submitted, extra.length), [submitted, extra.length]);
  const errors = useErrors(holidays.errors, placed);

  const save = async (list: ExtraHoliday[]): Promise<CalendarHolidays | undefined> => {
    setNotice(null);
    const saved = await submit(() => api().calendar.setExtraHolidays({ holidays: list }));
    if (saved) holidays.setData(saved);
    return saved;
  };

  const add = (event: FormEvent) => {
    event.preventDefault();
    void save([...extra, { date: date.trim(), title }]).then((saved) => {
      if (!saved) return;
      setNotice(`${formatDate(date.trim())}, ${title.trim()}, has been added. Working days are now counted without it.`);
      setDate('');
      setTitle('');
    });
  };

  const remove = (holiday: ExtraHoliday) => {
    void save(extra.filter((h) => h.date !== holiday.date)).then((saved) => {
      if (saved) setNotice(`${formatDate(holiday.date)}, ${holiday.title}, has been removed from the extra bank holidays.`);
    });
  };

  return (
    <>
      <ErrorSummary errors={errors} />
      <SuccessBanner message={notice} title="Done" />
      <h1 className="govuk-heading-xl">Bank holidays</h1>
      {data ? (
        <>
          <p className="govuk-body">
            Working days are counted without weekends and England and Wales bank holidays. The app’s list of bank holidays covers {yearOf(data.knownFrom)} to {yearOf(data.knownUntil)}. It was compiled
            on {formatDate(data.takenOn)} from {data.source}.
          </p>
          <div className="govuk-inset-text">
            Calculations that reach past {formatDate(data.knownUntil)} assume no further bank holidays unless they are added here, and say so beside the date they give.
          </div>
          <h2 className="govuk-heading-m">Extra bank holidays</h2>
          {extra.length === 0 ? (
            <p className="govuk-body">No extra bank holidays have been added.</p>
          ) : (
            <table className="govuk-table">
              <caption className="govuk-table__caption govuk-visually-hidden">Extra bank holidays</caption>
              <TableHead columns={['Date', 'Bank holiday', { hidden: 'Actions' }]} />
              <tbody className="govuk-table__body">
                {extra.map((h) => (
                  <tr className="govuk-table__row" key={h.date}>
                    <td className="govuk-table__cell">{formatDate(h.date)}</td>
                    <td className="govuk-table__cell">{h.title}</td>
                    <td className="govuk-table__cell">
                      <button type="button" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" disabled={busy} aria-disabled={busy} onClick={() => remove(h)}>
                        Remove<span className="govuk-visually-hidden"> {formatDate(h.date)}</span>
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <h2 className="govuk-heading-m">Add a bank holiday</h2>
          <form onSubmit={add} noValidate>
            <TextInput id="holidayDate" label="Date" hint="Written year-month-day, for example 2028-05-01" width="govuk-input--width-10" value={date} onChange={setDate} error={errorFor(errors, 'holidayDate')} />
            <TextInput id="holidayTitle" label="Name of the bank holiday" hint="As GOV.UK names it, for example Early May bank holiday" width="govuk-input--width-30" value={title} onChange={setTitle} error={errorFor(errors, 'holidayTitle')} />
            <button type="submit" className="govuk-button" disabled={busy} aria-disabled={busy}>
              Add bank holiday
            </button>
          </form>
        </>
      ) : null}
    </>
  );
}
