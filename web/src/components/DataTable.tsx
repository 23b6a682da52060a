// Renders a table model (columns, rows with a header cell): the data beside every chart. A column
// may be for downloads only (the page says it elsewhere), or shown only when a row has something
// in it (e.g. the warnings a figure carries); downloads always hold every column.
import type { ReactNode } from 'react';
import { ScrollTable } from './ScrollTable';
import { TableHead } from './TableHead';

export interface DataTableModel {
  columns: Array<{ label: string; numeric: boolean; show?: 'always' | 'when-filled' | 'download' }>;
  rows: Array<{ key: string; header: { text: string }; cells: Array<{ text: string }> }>;
}

/** The indexes of the columns shown on the page. */
export function shownColumns(model: DataTableModel): number[] {
  return model.columns.flatMap((column, i) => {
    if (column.show === 'download') return [];
    if (column.show === 'when-filled' && !model.rows.some((r) => (r.cells[i]?.text ?? '') !== '')) return [];
    return [i];
  });
}

export function DataTable({ caption, firstHeader, model, highlight }: { caption: ReactNode; firstHeader: string; model: DataTableModel; highlight?: string }) {
  const shown = shownColumns(model);
  return (
    <ScrollTable label={typeof caption === 'string' ? caption : firstHeader}>
      <table className="govuk-table app-data-table">
        <caption className="govuk-table__caption govuk-table__caption--s">{caption}</caption>
        <TableHead columns={[firstHeader, ...shown.map((i) => model.columns[i])]} />
        <tbody className="govuk-table__body">
          {model.rows.map((r) => (
            <tr key={r.key} className="govuk-table__row">
              <th scope="row" className="govuk-table__header app-nowrap">
                {r.key === highlight ? <strong>{r.header.text}</strong> : r.header.text}
              </th>
              {shown.map((i) => (
                <td key={i} className={`govuk-table__cell${model.columns[i].numeric ? ' govuk-table__cell--numeric' : ''}`}>
                  {r.cells[i]?.text ?? ''}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollTable>
  );
}
