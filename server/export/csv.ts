// Every CSV the server produces goes through here. A spreadsheet runs a cell that starts with
// =, +, -, @, a tab or a carriage return as a formula (CSV injection), and partners' notes are
// free text, so such cells are prefixed with an apostrophe, which Excel shows as plain text.
// Numbers are written as numbers: a negative number is not text and is left alone.
//
// The check is made on the cell as a spreadsheet may read it, not only as written: Excel and
// LibreOffice fold fullwidth and other compatibility forms (＝ ＋ － ＠, small ﹦ ﹢ ﹣) to the
// ASCII ones (Unicode NFKC), and skip invisible characters (zero-width spaces and joiners, a
// byte-order mark, direction marks) and spaces before a formula. So "\u200B=1+1", " =1+1" and
// "＝1+1" are neutralised too; the cell's text is otherwise kept exactly as sent.

const FORMULA_TRIGGERS = /^[=+\-@\t\r\n]/;
/** What a spreadsheet may skip before a formula: format characters (zero-width, BOM, bidi marks) and white space other than tab, CR and LF, which are triggers themselves. */
const SKIPPED_LEAD = /^(?:\p{Cf}|[^\S\t\r\n])+/u;

export function neutraliseCell(cell: string): string {
  const start = cell.normalize('NFKC').replace(SKIPPED_LEAD, '');
  return FORMULA_TRIGGERS.test(start) ? `'${cell}` : cell;
}

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
