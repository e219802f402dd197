import type { ReactNode } from 'react';
import type { Block } from '../../../shared/documentBlocks';
import { SummaryRow } from './SummaryRow';

// A document's content on screen, from the same blocks the document maker prints (a meeting
// pack carries papers and minutes as blocks): headings, paragraphs with their line breaks,
// GOV.UK summary lists and tables. Only text is rendered, never markup a file brings.

type HeadingLevel = 2 | 3 | 4 | 5;

/** A section's heading (a block's level 1) looks like one, a part's (level 2) smaller, whatever their HTML level. */
function Heading({ level, part, children }: { level: HeadingLevel; part: boolean; children: ReactNode }) {
  const className = part ? 'govuk-heading-s' : 'govuk-heading-m';
  if (level === 2) return <h2 className={className}>{children}</h2>;
  if (level === 3) return <h3 className={className}>{children}</h3>;
  if (level === 4) return <h4 className={className}>{children}</h4>;
  return <h5 className={className}>{children}</h5>;
}

/**
 * The blocks in order. `headingLevel` is the HTML level of a block's level 1 heading (its
 * level 2 headings go one below, or take its place in a document without level 1 headings),
 * so the document's headings follow the page's without skipping a level.
 */
export function DocumentBlocks({ blocks, headingLevel = 3 }: { blocks: readonly Block[]; headingLevel?: 2 | 3 | 4 }) {
  const sections = blocks.some((b) => b.kind === 'heading' && b.level !== 2);
  const levelOf = (level: 1 | 2 | undefined) => (level === 2 && sections ? headingLevel + 1 : headingLevel) as HeadingLevel;
  return (
    <div className="app-document">
      {blocks.map((block, index) => {
        switch (block.kind) {
          case 'heading':
            return (
              <Heading key={index} level={levelOf(block.level)} part={block.level === 2}>
                {block.text}
              </Heading>
            );
          case 'paragraph':
            return (
              <p className="govuk-body app-document__text" key={index}>
                {block.text}
              </p>
            );
          case 'summary':
            return (
              <dl className="govuk-summary-list" key={index}>
                {block.rows.map((row, r) => (
                  <SummaryRow label={row.key} valueClassName="app-document__text" key={r}>
                    {row.value}
                  </SummaryRow>
                ))}
              </dl>
            );
          case 'table':
            return (
              <table className={`govuk-table${block.size === 'small' ? ' app-table--small' : ''}`} key={index}>
                <thead className="govuk-table__head">
                  <tr className="govuk-table__row">
                    {block.columns.map((column, c) => (
                      <th scope="col" className="govuk-table__header" key={c}>
                        {column.title}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody className="govuk-table__body">
                  {block.rows.length === 0 ? (
                    <tr className="govuk-table__row">
                      <td className="govuk-table__cell" colSpan={block.columns.length}>
                        {block.whenEmpty ?? 'None.'}
                      </td>
                    </tr>
                  ) : (
                    block.rows.map((row, r) => (
                      <tr className="govuk-table__row" key={r}>
                        {block.columns.map((_, c) => (
                          <td className="govuk-table__cell app-document__text" key={c}>
                            {row[c] ?? ''}
                          </td>
                        ))}
                      </tr>
                    ))
                  )}
                </tbody>
              </table>
            );
        }
      })}
    </div>
  );
}
