// The formula guard for every CSV the product writes, on the server and in the browser. A
// spreadsheet runs a cell that starts with =, +, -, @, a tab or a line break as a formula (CSV
// injection), and partners' notes are free text, so such a cell is prefixed with an apostrophe,
// which Excel and LibreOffice show as plain text.
//
// The check is made on the cell as a spreadsheet may read it, not only as written: Excel and
// LibreOffice fold fullwidth and other compatibility forms (＝ ＋ － ＠, small ﹦ ﹢ ﹣) to the
// ASCII ones (Unicode NFKC), and skip invisible characters (zero-width spaces and joiners, a
// byte-order mark, direction marks) and spaces before a formula. So "\u200B=1+1", " =1+1" and
// "＝1+1" are neutralised too; the cell's text is otherwise kept exactly as sent.

const FORMULA_TRIGGERS = /^[=+\-@\t\r\n]/;
/** What a spreadsheet may skip before a formula: format characters (zero-width, BOM, bidi marks) and white space other than tab, CR and LF, which are triggers themselves. */
const SKIPPED_LEAD = /^(?:\p{Cf}|[^\S\t\r\n])+/u;

/** Text a spreadsheet could run as a formula, prefixed with an apostrophe: "=1+2" → "'=1+2"; "Bexley" stays. */
export function neutraliseCell(cell: string): string {
  const start = cell.normalize('NFKC').replace(SKIPPED_LEAD, '');
  return FORMULA_TRIGGERS.test(start) ? `'${cell}` : cell;
}
