import type { ReactNode } from 'react';

// One row of a GOV.UK summary list, with its Change link when the list offers one. Every row
// of a list has an action, or none has: no row needs the "no actions" filler.

export function SummaryRow({
  label,
  children,
  change,
  valueClassName,
}: {
  label: string;
  children: ReactNode;
  change?: { onClick: () => void; what: string } | undefined;
  /** Extra classes for the value (e.g. text that keeps its line breaks). */
  valueClassName?: string | undefined;
}) {
  return (
    <div className="govuk-summary-list__row">
      <dt className="govuk-summary-list__key">{label}</dt>
      <dd className={`govuk-summary-list__value${valueClassName ? ` ${valueClassName}` : ''}`}>{children}</dd>
      {change ? (
        <dd className="govuk-summary-list__actions">
          <a
            href="#change"
            className="govuk-link"
            onClick={(event) => {
              event.preventDefault();
              change.onClick();
            }}
          >
            Change<span className="govuk-visually-hidden"> {change.what}</span>
          </a>
        </dd>
      ) : null}
    </div>
  );
}
