/** A GOV.UK table's header row. A column given as { hidden } has a heading only screen readers hear (e.g. "Actions"). */
export function TableHead({ columns }: { columns: (string | { hidden: string })[] }) {
  return (
    <thead className="govuk-table__head">
      <tr className="govuk-table__row">
        {columns.map((column) =>
          typeof column === 'string' ? (
            <th scope="col" className="govuk-table__header" key={column}>
              {column}
            </th>
          ) : (
            <th scope="col" className="govuk-table__header" key={column.hidden}>
              <span className="govuk-visually-hidden">{column.hidden}</span>
            </th>
          ),
        )}
      </tr>
    </thead>
  );
}
