// The GOV.UK table head: one row of column headers. A column is its label, or a label that is
// numeric (right-aligned, like its cells) or hidden (read by screen readers only, e.g. "Actions").
import type { ReactNode } from 'react';

type Column = string | ColumnHeader;

interface ColumnHeader {
  label: ReactNode;
  numeric?: boolean;
  hidden?: boolean;
}

export function TableHead({ columns }: { columns: Column[] }) {
  return (
    <thead className="govuk-table__head">
      <tr className="govuk-table__row">
        {columns.map((column, i) => {
          const { label, numeric, hidden }: ColumnHeader = typeof column === 'string' ? { label: column } : column;
          return (
            // Header cells hold no state, so their position is all the identity they need.
            <th key={i} scope="col" className={`govuk-table__header${numeric ? ' govuk-table__header--numeric' : ''}`}>
              {hidden ? <span className="govuk-visually-hidden">{label}</span> : label}
            </th>
          );
        })}
      </tr>
    </thead>
  );
}
