// CSV files the dashboard produces. Text goes through the formula guard the server's exports
// use (schemas/formula-guard.ts: = + - @ tab or line break, also after Unicode folding and
// invisible characters), and numbers are written as numbers. The file starts with a byte order
// mark so that Excel reads it as UTF-8 (en dashes, "£"), and lines end with CRLF as RFC 4180 says.
import { neutraliseCell } from '../../../schemas/formula-guard';

export type Cell = string | number | null | undefined;

export const UTF8_BOM = '\uFEFF';

export { neutraliseCell };

/** One cell: null → empty; neutralised; quoted when it holds a comma, quote or line break. */
export function csvCell(cell: Cell): string {
  if (cell === null || cell === undefined) return '';
  const text = typeof cell === 'number' ? (Number.isFinite(cell) ? String(cell) : '') : neutraliseCell(cell);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A whole file: header row first, a BOM in front. */
export function toCsv(rows: readonly (readonly Cell[])[]): string {
  return UTF8_BOM + rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** Saves content as a file through a temporary link (no server round trip). */
export function saveFile(fileName: string, type: string, content: BlobPart) {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** A file name from words: "Repeat victims, Bexley 2019" → "repeat-victims-bexley-2019". */
export function fileSlug(...parts: string[]): string {
  return parts
    .join(' ')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 100);
}
