// readTable against the corpus in fixtures/files (made by fixtures/files/make-files.ts): each quirk of
// the files partners really send, and each wrong file they send by mistake.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { seededRandomBytes } from '../../fixtures/files/make-files';
import { readTable, UnreadableFileError, type RawRow, type RawTable } from './read-table';
import { detectDelimiter } from './read/csv';
import { decodeWindows1252 } from './read/text';
import { cellText, formatDate, formatNumber } from './read/xlsx';
import { extractEntry, listZipEntries, writeZip, ZipError } from './read/zip';

const fixture = (name: string): Buffer => readFileSync(new URL(`../../fixtures/files/${name}`, import.meta.url));
const read = (name: string): Promise<RawTable> => readTable(fixture(name), name);

async function failure(bytes: Buffer, fileName?: string): Promise<UnreadableFileError> {
  try {
    await readTable(bytes, fileName);
  } catch (error) {
    expect(error).toBeInstanceOf(UnreadableFileError);
    return error as UnreadableFileError;
  }
  throw new Error(`expected ${fileName ?? 'the file'} to be refused`);
}

const HEADER = ['period', 'area_code', 'incidents', 'crimes', 'notes'];
/** What every CSV fixture holds: note the quoted thousands, the £ é ’ and the doubled quotes. */
const POLICE_ROWS: RawRow[] = [
  { rowNumber: 2, cells: ['2019-20 Q3', 'E09000004', '1000', '3,267', 'Café referral'] },
  { rowNumber: 3, cells: ['2019-20 Q4', 'E09000005', '1234', '987', 'Partner’s note: £50 grant, see "Annex A"'] },
  { rowNumber: 4, cells: ['2020-21 Q1', 'E09000006', '1,050', '12', ''] },
];

describe('CSV text encodings', () => {
  it.each([
    ['police-utf8.csv', 'utf-8'],
    ['police-utf8-bom.csv', 'utf-8'], // Excel "CSV UTF-8"
    ['police-utf8-bom-all-quoted.csv', 'utf-8'],
    ['police-windows1252.csv', 'windows-1252'], // Excel "CSV (Comma delimited)"
    ['police-utf16le-bom.csv', 'utf-16le'],
    ['police-utf16be-bom.csv', 'utf-16be'],
    ['police-utf16le-no-bom.csv', 'utf-16le'],
  ] as const)('%s is read as %s, accents and curly quotes intact', async (name, encoding) => {
    const table = await read(name);
    expect(table).toMatchObject({ format: 'csv', encoding, delimiter: ',', headerRowNumber: 1 });
    expect(table.header).toEqual(HEADER);
    expect(table.rows).toEqual(POLICE_ROWS);
  });

  it.each(['police-utf8-bom.csv', 'police-utf8-bom-all-quoted.csv', 'police-utf16le-bom.csv', 'police-utf16be-bom.csv'])('the byte-order mark of %s does not end up in the first header cell', async (name) => {
    const table = await read(name);
    expect(table.header[0]).toBe('period');
    expect(table.header[0].charCodeAt(0)).toBe('p'.charCodeAt(0));
  });

  it('decodes every Windows-1252 character Excel uses in notes (Node’s own decoder gets 0x80-0x9F wrong)', () => {
    const bytes = Buffer.from([0x80, 0x85, 0x91, 0x92, 0x93, 0x94, 0x96, 0x97, 0x99, 0xa3, 0xe9, 0x41]);
    expect(decodeWindows1252(bytes)).toBe('€…‘’“”–—™£éA');
  });
});

describe('CSV delimiters', () => {
  it.each([
    ['police-utf8.csv', ','],
    ['police-semicolon.csv', ';'], // Excel with European regional settings
    ['police-windows1252-semicolon.csv', ';'],
    ['police-tab.tsv', '\t'],
    ['police-utf16le-bom-tab.txt', '\t'], // Excel "Unicode Text"
    ['police-sep-line.csv', ';'], // "sep=;" first line, hidden by Excel
  ] as const)('%s is split on %j', async (name, delimiter) => {
    const table = await read(name);
    expect(table.delimiter).toBe(delimiter);
    expect(table.header).toEqual(HEADER);
    expect(table.rows).toEqual(POLICE_ROWS);
  });

  it.each([
    ['comma header', 'period,area_code,notes\n1,2,a;b;c;d\n', ','],
    ['semicolon header whose cell holds a comma', 'period;area_code;Crimes, total;notes\n1;2;3;4\n', ';'],
    ['quoted commas do not count', '"a,b,c";"d,e";f\n1;2;3\n', ';'],
    ['tab header', 'period\tarea_code\tnotes\n1\t2\t3, 4; 5\n', '\t'],
    ['blank lines and empty rows before the header', '\n;;;\n\nperiod;area_code\n1;2\n', ';'],
    ['a tie on the header is settled by the rows', 'a,b;c\n1;2\n3;4\n', ';'],
    ['one column', 'period\n2019-20 Q3\n', ','],
  ])('%s', (_, text, expected) => {
    expect(detectDelimiter(text)).toBe(expected);
  });
});

describe('CSV line endings and shape', () => {
  it.each(['police-crlf.csv', 'police-cr.csv', 'police-lf.csv', 'police-mixed-line-endings.csv'])('%s', async (name) => {
    const table = await read(name);
    expect(table.header).toEqual(HEADER);
    expect(table.rows).toEqual(POLICE_ROWS);
  });

  it('ignores blank lines and empty records at the end', async () => {
    const table = await read('police-trailing-blank-lines.csv');
    expect(table.rows).toEqual(POLICE_ROWS);
  });

  it('drops empty trailing columns, including a header cell of spaces', async () => {
    const table = await read('police-empty-trailing-columns.csv');
    expect(table.header).toEqual(HEADER);
    expect(table.rows).toEqual([
      { rowNumber: 2, cells: ['2019-20 Q3', 'E09000004', '1000', '3,267', 'Café referral'] },
      { rowNumber: 3, cells: ['2019-20 Q4', 'E09000005', '1234', '987', ''] },
    ]);
  });

  it('keeps a quoted thousands separator inside its cell', async () => {
    const table = await read('police-utf8.csv');
    expect(table.rows[0].cells).toHaveLength(5);
    expect(table.rows[0].cells[3]).toBe('3,267');
    expect(table.rows[2].cells[2]).toBe('1,050');
  });

  it('reads a quoted cell spanning two lines as one row, and numbers the next row as Excel does', async () => {
    const table = await read('police-embedded-newline.csv');
    expect(table.rows).toEqual([
      { rowNumber: 2, cells: ['2019-20 Q3', 'E09000004', '1000', '3,267', 'Line one\nline two, with "quotes"'] },
      { rowNumber: 3, cells: ['2019-20 Q4', 'E09000005', '1234', '987', 'after the multi-line cell'] },
    ]);
  });

  it('drops blank rows in the middle but keeps counting them', async () => {
    const table = await read('police-blank-rows-middle.csv');
    expect(table.rows.map((r) => r.rowNumber)).toEqual([2, 6, 8]);
    expect(table.rows.map((r) => r.cells)).toEqual(POLICE_ROWS.map((r) => r.cells));
  });

  it('takes the first non-blank row as the header and says which row it was', async () => {
    const table = await read('police-leading-blank-lines.csv');
    expect(table.headerRowNumber).toBe(3);
    expect(table.header).toEqual(HEADER);
    expect(table.rows.map((r) => r.rowNumber)).toEqual([4, 5, 6]);
  });

  it('trims cells (non-breaking spaces too) and unwraps ="..." text', async () => {
    const table = await read('police-padded-cells.csv');
    expect(table.header).toEqual(HEADER);
    expect(table.rows).toEqual([{ rowNumber: 2, cells: ['2019-20 Q3', 'E09000004', '1000', '3,267', 'Café referral'] }]);
  });

  it('returns a header with no rows for a header-only file', async () => {
    const table = await read('header-only.csv');
    expect(table.header).toEqual(HEADER);
    expect(table.rows).toEqual([]);
  });

  it('pads short rows, and keeps a column with data under a blank heading (as "")', async () => {
    const table = await readTable(Buffer.from('period,area_code\n2019-20 Q3\n2019-20 Q4,E09000005,stray\n'));
    expect(table.header).toEqual(['period', 'area_code', '']);
    expect(table.rows).toEqual([
      { rowNumber: 2, cells: ['2019-20 Q3', '', ''] },
      { rowNumber: 3, cells: ['2019-20 Q4', 'E09000005', 'stray'] },
    ]);
  });

  it('refuses a table too wide and long to hold (a stray cell far to the right of a long file)', async () => {
    const text = `period${','.repeat(20_000)}x\n` + 'a\n'.repeat(1000);
    const error = await failure(Buffer.from(text));
    expect(error.code).toBe('damaged-file');
    expect(error.message).toMatch(/more rows and columns than we can read/);
  });

  it('reads a quote that is never closed to the end, as Excel does, without failing', async () => {
    const table = await readTable(Buffer.from('period,notes\n2019-20 Q3,"never closed\n2019-20 Q4,x\n'));
    expect(table.rows).toHaveLength(1);
    expect(table.rows[0].cells[1]).toBe('never closed\n2019-20 Q4,x');
  });
});

describe('Excel workbooks', () => {
  let workbook: RawTable;
  beforeAll(async () => {
    workbook = await read('police-return.xlsx');
  });

  it('reads the first sheet only, with the worksheet’s own row numbers (blank row 4 skipped)', () => {
    expect(workbook).toMatchObject({ format: 'xlsx', sheetName: 'Return', headerRowNumber: 1 });
    expect(workbook.header).toEqual([...HEADER, 'submitted', 'rate', 'checked']);
    expect(workbook.rows.map((r) => r.rowNumber)).toEqual([2, 3, 5, 6]);
    expect(workbook.rows.flatMap((r) => r.cells)).not.toContain('The quarter, e.g. 2019-20 Q3'); // the Guidance sheet
  });

  it('prints numbers as Excel shows them: integers plain, no float noise, no exponent', () => {
    expect(workbook.rows[0].cells.slice(2, 4)).toEqual(['1000', '3267']);
    expect(workbook.rows[0].cells[6]).toBe('0.3'); // 0.1 + 0.2
    expect(workbook.rows[2].cells[2]).toBe('1050.5');
    expect(workbook.rows[2].cells[6]).toBe('123456789012');
    expect(workbook.rows[3].cells[2]).toBe('0.0000001');
  });

  it('gives a formula’s saved result', () => {
    expect(workbook.rows[1].cells[3]).toBe('2234');
  });

  it('keeps a number stored as text as the text', () => {
    expect(workbook.rows[1].cells[2]).toBe('1234');
  });

  it('writes a date cell as yyyy-mm-dd', () => {
    expect(workbook.rows[0].cells[5]).toBe('2020-01-31');
  });

  it('gives an error cell as Excel shows it', () => {
    expect(workbook.rows[1].cells[6]).toBe('#DIV/0!');
  });

  it('gives TRUE/FALSE, rich text as plain text, a hyperlink as its text', () => {
    expect(workbook.rows[0].cells[7]).toBe('TRUE');
    expect(workbook.rows[1].cells[7]).toBe('FALSE');
    expect(workbook.rows[1].cells[4]).toBe('Bold and plain');
    expect(workbook.rows[3].cells[0]).toBe('2020-21 Q2');
  });

  it('puts a merged cell’s value in its top-left cell only', () => {
    expect(workbook.rows[2].cells.slice(4, 6)).toEqual(['Merged note across two cells', '']);
  });

  // exceljs alone expands the whole-column drop-downs into millions of cells (tens of seconds and
  // gigabytes); the test's timeout is the guard against that coming back.
  it('reads a workbook laid out as Excel 365 writes it, despite whole-column drop-downs and merges', async () => {
    const table = await read('police-excel-like.xlsx');
    expect(table.sheetName).toBe('Police return'); // the chart sheet listed first is not a worksheet
    expect(table.header).toEqual([...HEADER, 'reported', '']);
    expect(table.rows).toEqual([
      { rowNumber: 2, cells: ['2019-20 Q3', 'E09000004', '1000', '3267', 'Café referral', '2020-01-31', ''] },
      { rowNumber: 4, cells: ['2019-20 Q4', 'E09000005', '#DIV/0!', '0987', '', '#N/A', '1000'] },
      // F5 holds 99 in the file, but it is under the merge E5:F5, so Excel shows it blank.
      { rowNumber: 5, cells: ['', '', '', '', 'Partner’s note: £50 grant', '', ''] },
    ]);
    // E4's formula saved an empty result: that is calculated, not a formula to warn about.
    expect(table.notices).toBeUndefined();
  });

  it('skips a hidden first sheet (look-up lists) and says so', async () => {
    const table = await read('police-hidden-first-sheet.xlsx');
    expect(table.sheetName).toBe('Return');
    expect(table.header).toEqual(HEADER);
    expect(table.rows).toEqual([{ rowNumber: 2, cells: ['2019-20 Q3', 'E09000004', '1000', '3267', ''] }]);
    expect(table.notices?.map((n) => n.code)).toEqual(['hidden-sheets-skipped']);
  });

  it('reads a formula with no saved result as blank and notes it', async () => {
    const table = await read('police-formula-not-calculated.xlsx');
    expect(table.rows[0].cells[3]).toBe('');
    expect(table.notices).toEqual([expect.objectContaining({ code: 'formula-not-calculated', rowNumber: 2, message: expect.stringContaining('D2') })]);
  });

  it('reads prefixed XML with no cell references and an unusual sheet part name', async () => {
    const table = await read('police-prefixed-namespace.xlsx');
    expect(table.sheetName).toBe('Data');
    expect(table.header).toEqual(HEADER);
    expect(table.rows).toEqual([
      { rowNumber: 2, cells: ['2019-20 Q3', 'E09000004', '1000', '3267', 'Café referral'] },
      { rowNumber: 3, cells: ['2019-20 Q4', 'E09000005', '1234', '987', ''] },
    ]);
  });

  it('reads ISO date cells (t="d", written by some libraries) as dates, not as the year', async () => {
    const sheet = `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>submitted</t></is></c><c r="B1" t="inlineStr"><is><t>at</t></is></c></row><row r="2"><c r="A2" t="d"><v>2020-01-31T00:00:00Z</v></c><c r="B2" t="d"><v>2020-01-31T13:45:00.000Z</v></c></row></sheetData></worksheet>`;
    const table = await readTable(workbookWithSheet(sheet));
    expect(table.rows).toEqual([{ rowNumber: 2, cells: ['2020-01-31', '2020-01-31T13:45:00'] }]);
  });

  it('refuses a sheet whose cells spread over more than it can lay out, before running out of memory', async () => {
    let rows = '';
    for (let r = 1; r <= 2000; r++) rows += `<row r="${r}"><c r="A${r}"><v>${r}</v></c><c r="XFD${r}"><v>1</v></c></row>`;
    const error = await failure(workbookWithSheet(`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData></worksheet>`));
    expect(error.message).toMatch(/more rows and columns than we can read/);
    expect(error.detail).toMatch(/by row \d+$/); // stopped while laying rows out, not after
  });

  it('reads a cell far away (XFD1048576) and a huge merge without building the sheet in between', async () => {
    const sheet = `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>period</t></is></c></row><row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData><mergeCells count="1"><mergeCell ref="B1:XFD1048575"/></mergeCells></worksheet>`;
    const table = await readTable(workbookWithSheet(sheet));
    expect(table.header).toHaveLength(16384);
    expect(table.rows).toHaveLength(1);
    expect(table.rows[0].rowNumber).toBe(1048576);
    expect(table.rows[0].cells[16383]).toBe('1');
  });
});

describe('files that cannot be read', () => {
  it.each([
    ['police-truncated.xlsx', 'damaged-file', /^This Excel file appears to be damaged or incomplete/],
    ['police-corrupt.xlsx', 'damaged-file', /^This Excel file appears to be damaged or incomplete/],
    ['zip-bomb-declared.xlsx', 'damaged-file', /more than we can read \(over 100 MB/],
    ['zip-bomb-understated.xlsx', 'damaged-file', /^This Excel file appears to be damaged/],
    ['not-a-spreadsheet.docx', 'unsupported-file-type', /^This file is a Word document/],
    ['libreoffice.ods', 'unsupported-file-type', /^This file is an OpenDocument spreadsheet \(\.ods\)/],
    ['returns-archive.zip', 'unsupported-file-type', /zip archive\. It contains "police-return\.csv"/],
    ['report.pdf', 'unsupported-file-type', /^This file is a PDF\. Please upload the return as a CSV file or an Excel workbook \(\.xlsx\)\.$/],
    ['screenshot.png', 'unsupported-file-type', /^This file is a picture \(a PNG image\)/],
    ['photo.jpg', 'unsupported-file-type', /^This file is a picture \(a JPEG image\)/],
    ['chart.gif', 'unsupported-file-type', /^This file is a picture \(a GIF image\)/],
    ['old-excel.xls', 'unsupported-file-type', /old Excel 97-2003 format \(\.xls\).*Save As.*\.xlsx/],
    ['password-protected.xlsx', 'unsupported-file-type', /protected with a password/],
    ['web-page-export.xls', 'unsupported-file-type', /web page \(HTML\)/],
    ['random.bin', 'unsupported-file-type', /^This file does not look like a CSV file or an Excel workbook/],
    ['empty.csv', 'empty-file', /^This file is empty/],
    ['bom-only.csv', 'empty-file', /^This file is empty/],
    ['whitespace-only.csv', 'empty-file', /^This file is empty/],
    ['delimiters-only.csv', 'empty-file', /no column headings or figures/],
    ['empty-first-sheet.xlsx', 'empty-file', /first worksheet in this workbook \("Return"\) is empty/],
  ] as const)('%s → %s', async (name, code, message) => {
    const error = await failure(fixture(name), name);
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
    // Written for a council officer: a sentence, no library or zip jargon.
    expect(error.message).toMatch(/\.$/);
    expect(error.message).not.toMatch(/zip (corrupt|truncated)|exceljs|central directory|checksum|TypeError|undefined|null/i);
  });
});

describe('format is decided by content, not by name', () => {
  it('reads a workbook named .csv as a workbook, and a CSV named .xlsx as CSV', async () => {
    expect((await readTable(fixture('police-return.xlsx'), 'return.csv')).format).toBe('xlsx');
    expect((await readTable(fixture('police-utf8.csv'), 'return.xlsx')).format).toBe('csv');
  });

  it('still calls a PDF a PDF when it is named .csv', async () => {
    expect((await failure(fixture('report.pdf'), 'return.csv')).message).toMatch(/^This file is a PDF/);
  });

  it('uses the name only to word the message better', async () => {
    const named = await failure(fixture('random.bin'), 'police Q3.xlsx');
    expect(named.code).toBe('unsupported-file-type');
    expect(named.message).toMatch(/name ends in \.xlsx, but what is inside is not an Excel workbook/);
  });
});

describe('robustness: never hangs, never throws anything but UnreadableFileError', () => {
  async function outcome(bytes: Buffer): Promise<'table' | UnreadableFileError['code']> {
    try {
      await readTable(bytes);
      return 'table';
    } catch (error) {
      if (!(error instanceof UnreadableFileError)) throw error;
      return error.code;
    }
  }

  it('a workbook cut short at any point is refused as damaged', async () => {
    const whole = fixture('police-return.xlsx');
    for (let length = 4; length < whole.length; length += 97) {
      expect(await outcome(whole.subarray(0, length))).toBe('damaged-file');
    }
  });

  it('a workbook with bytes changed anywhere is read or refused, never crashes', async () => {
    const whole = fixture('police-excel-like.xlsx');
    const noise = seededRandomBytes(600, 7);
    for (let i = 0; i < 200; i++) {
      const damaged = Buffer.from(whole);
      const at = (noise[i] * 256 + noise[i + 200]) % damaged.length;
      damaged[at] ^= noise[i + 400] | 1;
      await outcome(damaged);
    }
  });

  it('random CSV-like text always parses', async () => {
    const alphabet = ['"', ',', ';', '\t', '\r', '\n', 'a', ' ', 'é', '""', '="1"'];
    const noise = seededRandomBytes(40_000, 11);
    for (let i = 0; i < 400; i++) {
      const text = Array.from(noise.subarray(i * 100, i * 100 + 100), (b) => alphabet[b % alphabet.length]).join('');
      const result = await outcome(Buffer.from(text));
      expect(['table', 'empty-file']).toContain(result);
    }
  });

  // How fast is for npm run bench; here only that a file at the size limit is read whole (the
  // test's own timeout catches a hang).
  it('reads a 10 MB CSV whole', async () => {
    const lines = [HEADER.join(',')];
    for (let i = 0; lines.length < 150_000; i++) lines.push(`2019-20 Q3,E09${String(i).padStart(6, '0')},${i},"3,${String(i % 1000).padStart(3, '0')}",Café referral number ${i}`);
    const bytes = Buffer.from(lines.join('\r\n'));
    expect(bytes.length).toBeGreaterThan(9_000_000);
    const table = await readTable(bytes, 'big.csv');
    expect(table.rows).toHaveLength(149_999);
    expect(table.rows.at(-1)?.rowNumber).toBe(150_000);
  });
});

describe('cell values from Excel', () => {
  it.each([
    [3267, '3267'],
    [12.5, '12.5'],
    [0.1 + 0.2, '0.3'],
    [3267.0000000000005, '3267'],
    [-1234.5, '-1234.5'],
    [-0, '0'],
    [1 / 3, '0.333333333333333'],
    [1e-7, '0.0000001'],
    [1.5e-10, '0.00000000015'],
    [1e21, '1000000000000000000000'],
    [2 ** 53, '9007199254740990'], // Excel keeps 15 significant digits too
  ])('number %d → %s', (n, text) => {
    expect(formatNumber(n)).toBe(text);
  });

  it.each([
    [new Date(Date.UTC(2020, 0, 31)), '2020-01-31'],
    [new Date(Date.UTC(2020, 0, 31, 13, 45)), '2020-01-31T13:45:00'],
    [new Date(Date.UTC(2020, 0, 31, 23, 59, 59, 999)), '2020-02-01'], // float error in the serial rounds away
    [new Date(Date.UTC(1899, 11, 30, 9, 30)), '09:30:00'], // a time on its own
  ])('date %s → %s', (date, text) => {
    expect(formatDate(date)).toBe(text);
  });

  it.each([
    [{ formula: 'A1*2', result: 4 }, '4', true],
    [{ formula: 'A1*2' }, '', false],
    [{ sharedFormula: 'B2', result: 'x' }, 'x', true],
    [{ formula: '1/0', result: { error: '#DIV/0!' } }, '#DIV/0!', true],
    [{ error: '#N/A' }, '#N/A', true],
    [{ richText: [{ text: 'Caf' }, { text: 'é' }] }, 'Café', true],
    [{ text: 'link text', hyperlink: 'https://example.org' }, 'link text', true],
    [true, 'TRUE', true],
    [false, 'FALSE', true],
    [null, '', true],
  ])('%j → %j', (value, text, calculated) => {
    expect(cellText(value as never)).toEqual({ text, calculated });
  });
});

describe('zip reading', () => {
  it('lists and unpacks what it writes, checking sizes and checksums', async () => {
    const zip = writeZip([{ name: 'a.txt', data: 'hello '.repeat(100) }, { name: 'b/c.xml', data: '<x/>' }]);
    const entries = listZipEntries(zip);
    expect(entries.map((e) => e.name)).toEqual(['a.txt', 'b/c.xml']);
    expect((await extractEntry(zip, entries[0], 1_000_000)).toString()).toBe('hello '.repeat(100));
    await expect(extractEntry(zip, entries[0], 10)).rejects.toMatchObject({ problem: 'too-large' });
    await expect(extractEntry(zip, { ...entries[1], crc32: entries[1].crc32 ^ 1 }, 1000)).rejects.toBeInstanceOf(ZipError);
  });

  it('stops unpacking as soon as an entry passes the size its directory declares (a bomb under-declaring)', async () => {
    const zip = writeZip([{ name: 'bomb.xml', data: Buffer.alloc(5_000_000) }]);
    const [entry] = listZipEntries(zip);
    await expect(extractEntry(zip, { ...entry, uncompressedSize: 1000 }, 1_000_000)).rejects.toThrow(/unpacks to more than the 1000 bytes its directory declares/);
  });
});

/** A workbook holding one worksheet with the given XML. */
function workbookWithSheet(sheetXml: string): Buffer {
  return writeZip([
    {
      name: 'xl/workbook.xml',
      data: '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Return" sheetId="1" r:id="rId1"/></sheets></workbook>',
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    },
    { name: 'xl/worksheets/sheet1.xml', data: sheetXml },
  ]);
}
