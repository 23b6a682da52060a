// From the records of a file (CSV records or worksheet rows, each with the row number the partner
// sees) to a RawTable: trim cells, find the header, drop blank rows and blank trailing columns.
// Shared by the CSV and XLSX readers so that both behave the same way.
import { noDataInFile, tableTooLarge, type UnreadableFileError } from './errors';
import type { RawRow, RawTable } from './types';

export interface SourceRecord {
  rowNumber: number;
  cells: string[];
}

/**
 * Rows × columns beyond which we refuse the table rather than pad every row out to the widest one.
 * A national police return is a few thousand rows by a dozen columns; this is 50 times that at least,
 * and keeps a stray cell typed in column XFD of a long sheet from costing gigabytes.
 */
export const MAX_TABLE_CELLS = 20_000_000;

export function buildTable(
  records: SourceRecord[],
  base: Omit<RawTable, 'header' | 'headerRowNumber' | 'rows'>,
  whenEmpty: () => UnreadableFileError = noDataInFile,
): RawTable {
  let header: SourceRecord | null = null;
  const rows: RawRow[] = [];
  let width = 0;
  for (const record of records) {
    const cells = record.cells.map((cell) => cell.trim());
    const used = usedWidth(cells);
    if (used === 0) continue; // a blank row: dropped, but its number stays used
    width = Math.max(width, used);
    if (header === null) header = { rowNumber: record.rowNumber, cells };
    else rows.push({ rowNumber: record.rowNumber, cells });
  }
  if (header === null) throw whenEmpty();
  if (width * (rows.length + 1) > MAX_TABLE_CELLS) {
    throw tableTooLarge(`${rows.length + 1} rows x ${width} columns`);
  }
  return {
    ...base,
    header: toWidth(header.cells, width),
    headerRowNumber: header.rowNumber,
    rows: rows.map((row) => ({ rowNumber: row.rowNumber, cells: toWidth(row.cells, width) })),
  };
}

/** One past the last non-blank cell. */
function usedWidth(cells: string[]): number {
  for (let i = cells.length - 1; i >= 0; i--) if (cells[i] !== '') return i + 1;
  return 0;
}

function toWidth(cells: string[], width: number): string[] {
  if (cells.length === width) return cells;
  if (cells.length > width) return cells.slice(0, width);
  const out = cells.slice();
  while (out.length < width) out.push('');
  return out;
}
