// A preview of an uploaded CSV file as the partner sees it in their spreadsheet, numbered the
// way the server numbers rows (header = row 1, blank rows keep their numbers), so that every
// problem can link to its row. The server's own CSV reader does the parsing. Excel files are
// not unpacked in the browser: their problems are listed without the file around them.
import { parseCsv } from '../../../../server/ingest/read/csv';
import type { Problem } from '../../api/returns';

export interface PreviewRow {
  rowNumber: number;
  cells: string[];
}

export interface FilePreview {
  header: string[];
  headerRowNumber: number;
  rows: PreviewRow[];
}

/** Rows beyond this are not drawn unless they have a problem: a table of the whole file would be too long to use. */
export const MAX_PREVIEW_ROWS = 500;

/** UTF-8, or Windows-1252 (what older Excel saves) when the bytes are not valid UTF-8. */
export function decodeCsv(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

export function isCsvName(name: string): boolean {
  return /\.(csv|txt|tsv)$/i.test(name);
}

export function previewCsv(text: string): FilePreview | null {
  const { records } = parseCsv(text);
  const filled = records.map((r) => ({ rowNumber: r.rowNumber, cells: r.cells.map((c) => c.trim()) })).filter((r) => r.cells.some((c) => c !== ''));
  if (filled.length === 0) return null;
  const [header, ...rows] = filled;
  return { header: header.cells, headerRowNumber: header.rowNumber, rows };
}

/** Problems by row number; file-wide problems (row null) are left out. */
export function problemsByRow(problems: readonly Problem[]): Map<number, Problem[]> {
  const map = new Map<number, Problem[]>();
  for (const p of problems) {
    if (p.row === null) continue;
    const list = map.get(p.row) ?? [];
    list.push(p);
    map.set(p.row, list);
  }
  return map;
}

/** Headers compared as the server compares them: ignoring case, spaces, hyphens and underscores. */
export function normaliseHeader(name: string): string {
  return name.toLowerCase().replace(/[\s_-]+/g, '');
}

/** Rows worth drawing: all of them for a normal file, otherwise the ones with problems. */
export function rowsToShow(preview: FilePreview, byRow: Map<number, Problem[]>): { rows: PreviewRow[]; hidden: number } {
  if (preview.rows.length <= MAX_PREVIEW_ROWS) return { rows: preview.rows, hidden: 0 };
  const rows = preview.rows.filter((r) => byRow.has(r.rowNumber));
  return { rows, hidden: preview.rows.length - rows.length };
}

/** The id of a row in the preview table, which the error summary links to. */
export function rowAnchor(row: number): string {
  return `file-row-${row}`;
}
