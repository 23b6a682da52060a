// Renders a table model (columns, rows with a header cell): the data beside every chart.
import type { ReactNode } from 'react';
import { ScrollTable } from './ScrollTable';
import { TableHead } from './TableHead';

export interface DataTableModel {
  columns: Array<{ label: string; numeric: boolean }>;
  rows: Array<{ key: string; header: { text: string }; cells: Array<{ text: string }> }>;
}

export function DataTable({ caption, firstHeader, model, highlight }: { caption: ReactNode; firstHeader: string; model: DataTableModel; highlight?: string }) {
  return (
    <ScrollTable label={typeof caption === 'string' ? caption : firstHeader}>
      <table className="govuk-table app-data-table">
        <caption className="govuk-table__caption govuk-table__caption--s">{caption}</caption>
        <TableHead columns={[firstHeader, ...model.columns]} />
        <tbody className="govuk-table__body">
          {model.rows.map((r) => (
            <tr key={r.key} className="govuk-table__row">
              <th scope="row" className="govuk-table__header app-nowrap">
                {r.key === highlight ? <strong>{r.header.text}</strong> : r.header.text}
              </th>
              {r.cells.map((cell, i) => (
                <td key={i} className={`govuk-table__cell${model.columns[i]?.numeric ? ' govuk-table__cell--numeric' : ''}`}>
                  {cell.text}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollTable>
  );
}
