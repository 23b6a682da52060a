// Renders a table model (columns, rows with a header cell): the data beside every chart. A column
// may be for downloads only, where the page says it elsewhere. A row whose figure was flagged
// when it was sent (DOMAIN.md 5.7) has the warning in a line under it, across the table, so it
// is read with the row and not lost at the end of a table that scrolls sideways.
import { useId, type ReactNode } from 'react';
import type { WarningLine } from '../lib/warnings';
import { FigureWarnings } from './FigureWarnings';
import { ScrollTable } from './ScrollTable';
import { TableHead } from './TableHead';

export interface DataTableModel {
  columns: Array<{ label: string; numeric: boolean; show?: 'always' | 'download' }>;
  rows: Array<{ key: string; header: { text: string }; cells: Array<{ text: string }>; flags?: readonly WarningLine[] }>;
}

/** The indexes of the columns shown on the page. */
export function shownColumns(model: DataTableModel): number[] {
  return model.columns.flatMap((column, i) => (column.show === 'download' ? [] : [i]));
}

export function DataTable({ caption, firstHeader, model, highlight }: { caption: ReactNode; firstHeader: string; model: DataTableModel; highlight?: string }) {
  const id = useId();
  const shown = shownColumns(model);
  return (
    <ScrollTable label={typeof caption === 'string' ? caption : firstHeader}>
      <table className="govuk-table app-data-table">
        <caption className="govuk-table__caption govuk-table__caption--s">{caption}</caption>
        <TableHead columns={[firstHeader, ...shown.map((i) => model.columns[i])]} />
        <tbody className="govuk-table__body">
          {model.rows.map((r, n) => {
            const flagged = (r.flags?.length ?? 0) > 0;
            const headerId = `${id}-row-${n}`;
            return [
              <tr key={r.key} className="govuk-table__row">
                <th scope="row" className="govuk-table__header app-nowrap" id={flagged ? headerId : undefined}>
                  {r.key === highlight ? <strong>{r.header.text}</strong> : r.header.text}
                </th>
                {shown.map((i) => (
                  <td key={i} className={`govuk-table__cell${model.columns[i].numeric ? ' govuk-table__cell--numeric' : ''}`}>
                    {r.cells[i]?.text ?? ''}
                  </td>
                ))}
              </tr>,
              flagged && (
                <tr key={`${r.key}-flags`} className="govuk-table__row app-data-table__flags">
                  <td className="govuk-table__cell" colSpan={shown.length + 1} headers={headerId}>
                    {/* Two-thirds of a wide table, so the sentence stays in view while the table scrolls sideways. */}
                    <FigureWarnings lines={r.flags!} className="govuk-!-width-two-thirds" />
                  </td>
                </tr>
              ),
            ];
          })}
        </tbody>
      </table>
    </ScrollTable>
  );
}
