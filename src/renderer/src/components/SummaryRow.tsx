import type { ReactNode } from 'react';

/** One row of a GOV.UK summary list: the key, and its value. */
export function SummaryRow({ label, children, valueClassName }: { label: string; children: ReactNode; valueClassName?: string }) {
  return (
    <div className="govuk-summary-list__row">
      <dt className="govuk-summary-list__key">{label}</dt>
      <dd className={`govuk-summary-list__value${valueClassName ? ` ${valueClassName}` : ''}`}>{children}</dd>
    </div>
  );
}
