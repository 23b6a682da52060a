// Every CSV the server produces goes through here: text through the shared formula guard
// (schemas/formula-guard.ts), numbers written as numbers (a negative number is not text and is
// left alone), RFC 4180 quoting.
import { neutraliseCell } from '../../schemas/formula-guard';

export { neutraliseCell };

function quote(cell: string): string {
  return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

export type CsvCell = string | number | null | undefined;

function formatCell(cell: CsvCell): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  return quote(neutraliseCell(cell));
}

/** A CSV document with a BOM, so Excel opens it as UTF-8, and CRLF line ends. */
export function toCsv(header: string[], rows: CsvCell[][]): string {
  const lines = [header.map((h) => formatCell(h)), ...rows.map((r) => r.map(formatCell))];
  return '\ufeff' + lines.map((l) => l.join(',')).join('\r\n') + '\r\n';
}
