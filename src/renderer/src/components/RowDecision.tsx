import { Fragment, useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import type { FieldError } from '../mappa';
import { useSubmit } from '../screens/useSubmit';
import { ErrorSummary } from './forms';
import { TableHead } from './TableHead';

// The pattern "a table of rows, choose one, decide on it in a form under the table":
// retention reviews, declared associations, the IG lead's alerts, and next share
// decisions, SAR exemptions and disclosure steps. GOV.UK: one form on screen at a time,
// its error summary linked to fields whose ids are the contract's names.

export interface Column<T> {
  header: string;
  cell: (row: T) => ReactNode;
}

/** What the chosen row's form is given. */
export interface DecisionForm {
  errors: FieldError[];
  busy: boolean;
  /**
   * Runs the decision. A refusal (thrown, as the service does) shows in the error summary
   * next to the fields. A result closes the form, returns focus to the row and announces
   * it; null keeps the form open (the person thought again).
   */
  submit: (work: () => Promise<string | null>) => void;
  /** Closes the form without deciding; focus goes back to the row's button. */
  close: () => void;
}

export interface RowDecisionProps<T> {
  caption: string;
  rows: T[];
  rowKey: (row: T) => string;
  columns: Column<T>[];
  /** Shown instead of the table when there are no rows. */
  empty: string;
  /** The row button's word: 'Decide', 'Withdraw'. */
  action: string;
  /**
   * What the button acts on, heard after its word and shown in the form's heading, so the
   * button and the heading say the same: 'on the address item about Daniel Hartley'.
   */
  about: (row: T) => string;
  /** A row that cannot be decided on (already withdrawn, say) has no button. */
  choosable?: (row: T) => boolean;
  /** The form's heading level: one below the heading the table sits under. */
  headingLevel?: 2 | 3;
  /** For the screen's success banner: the last decision's result, or null when the person chooses again. */
  onResult: (result: string | null) => void;
  /** The form for the chosen row, usually a component holding its fields; it starts afresh for each choice. */
  renderForm: (chosen: T, form: DecisionForm) => ReactNode;
}

export function RowDecision<T>({ caption: captionText, rows, rowKey, columns, empty, action, about, choosable = () => true, headingLevel = 3, onResult, renderForm }: RowDecisionProps<T>) {
  const [chosen, setChosen] = useState<T | null>(null);
  const { errors, setErrors, busy, submit } = useSubmit();
  const uid = useId();
  const buttonId = (row: T) => `${uid}-${rowKey(row)}`;
  const headingId = `${uid}-heading`;
  const heading = useRef<HTMLHeadingElement>(null);
  // Where focus goes when the form closes: the row's button, or, when the decision took
  // the row or its button away, the table's caption (or the "nothing left" text).
  const [returnTo, setReturnTo] = useState<{ id: string } | null>(null);
  const caption = useRef<HTMLTableCaptionElement>(null);
  const nothingLeft = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    if (chosen) heading.current?.focus();
  }, [chosen]);

  // After the render that closed the form, so the rows the decision changed are on the page.
  useEffect(() => {
    if (returnTo) (document.getElementById(returnTo.id) ?? caption.current ?? nothingLeft.current)?.focus();
  }, [returnTo]);

  const choose = (row: T) => {
    setErrors([]);
    onResult(null);
    setChosen(row);
  };

  const close = (result?: string) => {
    if (chosen) setReturnTo({ id: buttonId(chosen) });
    setErrors([]);
    setChosen(null);
    if (result !== undefined) onResult(result);
  };

  const form: DecisionForm = {
    errors,
    busy,
    submit: (work) =>
      void submit(async () => {
        const result = await work();
        if (result !== null) close(result);
      }),
    close: () => close(),
  };

  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <>
      {rows.length === 0 ? (
        <p className="govuk-inset-text" ref={nothingLeft} tabIndex={-1}>
          {empty}
        </p>
      ) : (
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-table__caption--m" ref={caption} tabIndex={-1}>
            {captionText}
          </caption>
          <TableHead columns={[...columns.map((c) => c.header), { hidden: 'Actions' }]} />
          <tbody className="govuk-table__body">
            {rows.map((row) => (
              <tr className="govuk-table__row" key={rowKey(row)}>
                {columns.map((column) => (
                  <td className="govuk-table__cell" key={column.header}>
                    {column.cell(row)}
                  </td>
                ))}
                <td className="govuk-table__cell">
                  {choosable(row) ? (
                    <button type="button" id={buttonId(row)} className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" onClick={() => choose(row)}>
                      {action} <span className="govuk-visually-hidden">{about(row)}</span>
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {chosen ? (
        <section aria-labelledby={headingId}>
          <ErrorSummary errors={errors} />
          <Heading className="govuk-heading-m" id={headingId} ref={heading} tabIndex={-1}>
            {action} {about(chosen)}
          </Heading>
          <Fragment key={rowKey(chosen)}>{renderForm(chosen, form)}</Fragment>
        </section>
      ) : null}
    </>
  );
}

/** The decision's form element: its fields, then the submit button and Cancel. */
export function DecisionFields({ form, submitLabel, warning = false, decide, children }: { form: DecisionForm; submitLabel: string; warning?: boolean; decide: () => Promise<string | null>; children: ReactNode }) {
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    form.submit(decide);
  };
  return (
    <form onSubmit={onSubmit} noValidate>
      {children}
      <div className="govuk-button-group">
        <button type="submit" className={`govuk-button${warning ? ' govuk-button--warning' : ''}`} disabled={form.busy} aria-disabled={form.busy}>
          {submitLabel}
        </button>
        <button type="button" className="govuk-button govuk-button--secondary" onClick={form.close}>
          Cancel
        </button>
      </div>
    </form>
  );
}
