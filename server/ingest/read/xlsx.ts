// Reading the first worksheet of an .xlsx workbook.
//
// exceljs turns worksheet XML into cell values well, but it also builds everything else in the workbook,
// and some of that is dangerous on files partners really send:
//   - a data validation (a drop-down list) on whole columns, common in templates, is expanded by exceljs
//     into one object per cell: "B2:F1048576" alone takes tens of seconds and gigabytes;
//   - a merge over a large range is expanded cell by cell in the same way;
//   - defined names, hyperlinks, comments, drawings and tables whose related parts are missing or
//     unusual make exceljs throw.
// So we unpack the workbook ourselves (with size limits, see zip.ts), choose the sheet, and give exceljs
// a clean workbook holding only that sheet's cells, the shared strings and the styles (needed to tell
// dates from numbers). Merged ranges are applied by us, to the cells that exist.
import ExcelJS from 'exceljs';
import {
  damagedWorkbook,
  emptySheet,
  encryptedZip,
  noWorksheets,
  tableTooLarge,
  UnreadableFileError,
  workbookTooLarge,
} from './errors';
import { buildTable, MAX_TABLE_CELLS, type SourceRecord } from './table';
import type { RawTable, ReadNotice } from './types';
import { extractEntry, writeZip, ZipError, type ZipEntry } from './zip';

/**
 * The most we unpack from one workbook: the sheet we read, its shared strings, styles and the
 * workbook's table of contents. Pictures and other sheets are never unpacked and do not count.
 * exceljs needs roughly ten times this in memory, and a few seconds per 10 MB of sheet XML.
 */
export const MAX_XLSX_UNPACKED_BYTES = 100 * 1024 * 1024;

/** Notices about individual cells (formulas without a saved result) beyond this many are summarised. */
const MAX_CELL_NOTICES = 20;

/** Bound on the work of applying merged ranges, whatever a crafted file claims. */
const MAX_MERGE_STEPS = 5_000_000;

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PACKAGE_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';

/** Marks "this formula has a saved result, and it is empty text" so we can tell it from "no saved result". */
const EMPTY_RESULT = '\uE000';

interface SheetInfo {
  name: string;
  state: 'visible' | 'hidden' | 'veryHidden';
  path: string | null;
  isWorksheet: boolean;
}

export async function readXlsx(bytes: Buffer, entries: ZipEntry[]): Promise<RawTable> {
  const pkg = new Package(bytes, entries);

  const workbookPath = (await pkg.officeDocumentPath()) ?? 'xl/workbook.xml';
  const workbookXml = await pkg.readText(workbookPath);
  if (workbookXml === null) throw damagedWorkbook('xl/workbook.xml missing');
  const relsPath = relsPathFor(workbookPath);
  const rels = parseRelationships((await pkg.readText(relsPath)) ?? '');
  const baseDir = workbookPath.slice(0, workbookPath.lastIndexOf('/') + 1);

  const sheets: SheetInfo[] = parseSheets(workbookXml).map((sheet) => {
    const rel = sheet.relId ? rels.get(sheet.relId) : undefined;
    const path = rel && !rel.external ? resolvePath(baseDir, rel.target) : null;
    return {
      name: sheet.name,
      state: sheet.state,
      path: path && pkg.find(path) ? path : null,
      // Chart sheets, dialog sheets and macro sheets are listed alongside worksheets but hold no cells.
      isWorksheet: !rel || /\/worksheet$/.test(rel.type),
    };
  });
  const worksheets = sheets.filter((s) => s.isWorksheet && s.path !== null);
  // The first VISIBLE worksheet, because that is the sheet the partner sees when they open the file,
  // and the one they will have filled in. Templates and council workbooks often keep a hidden sheet of
  // look-up lists (areas, periods) first; reading that would be surprising. Excel will not save a
  // workbook with every sheet hidden, but other software might: then we fall back to the first sheet.
  const chosen = worksheets.find((s) => s.state === 'visible') ?? worksheets[0];
  if (!chosen || chosen.path === null) throw noWorksheets();

  const notices: ReadNotice[] = [];
  const skipped = sheets.slice(0, sheets.indexOf(chosen)).filter((s) => s.isWorksheet && s.state !== 'visible');
  if (skipped.length > 0) {
    const names = skipped.map((s) => `"${s.name}"`).join(', ');
    notices.push({
      code: 'hidden-sheets-skipped',
      message: `The ${skipped.length === 1 ? 'sheet' : 'sheets'} ${names} before "${chosen.name}" ${skipped.length === 1 ? 'is' : 'are'} hidden, so we read "${chosen.name}", the first sheet you can see in Excel.`,
    });
  }

  const sheet = sanitiseWorksheet(await pkg.readBytes(chosen.path));
  const sharedStringsPath = pathOfType(rels, baseDir, 'sharedStrings') ?? `${baseDir}sharedStrings.xml`;
  const stylesPath = pathOfType(rels, baseDir, 'styles') ?? `${baseDir}styles.xml`;
  const sharedStrings = pkg.find(sharedStringsPath) ? stripRootPrefix(toUtf8(await pkg.readBytes(sharedStringsPath)), 'sst') : null;
  const styles = pkg.find(stylesPath) ? stripRootPrefix(toUtf8(await pkg.readBytes(stylesPath)), 'styleSheet') : null;

  const clean = writeZip(
    [
      { name: 'xl/workbook.xml', data: minimalWorkbook(isDate1904(workbookXml)) },
      { name: 'xl/_rels/workbook.xml.rels', data: MINIMAL_WORKBOOK_RELS },
      { name: 'xl/worksheets/sheet1.xml', data: sheet.xml },
      ...(sharedStrings ? [{ name: 'xl/sharedStrings.xml', data: sharedStrings }] : []),
      // exceljs looks up every row's and cell's style, so it needs a styles part even if the file had none.
      { name: 'xl/styles.xml', data: styles ?? MINIMAL_STYLES },
    ],
    { deflate: false },
  );

  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(clean as unknown as ExcelJS.Buffer);
  } catch (error) {
    throw damagedWorkbook(`exceljs: ${(error as Error)?.message ?? String(error)}`);
  }
  const worksheet = workbook.worksheets[0];
  if (!worksheet) throw damagedWorkbook('exceljs found no worksheet in the cleaned workbook');

  const records: SourceRecord[] = [];
  let uncalculated = 0;
  // Rows are laid out densely (a cell in column XFD means 16,384 entries), so count as we go: a
  // few kilobytes of XML can otherwise ask for billions of cells before buildTable sees the size.
  let laidOut = 0;
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    laidOut += row.cellCount;
    if (laidOut > MAX_TABLE_CELLS) throw tableTooLarge(`more than ${MAX_TABLE_CELLS} cells by row ${rowNumber}`);
    row.eachCell({ includeEmpty: false }, (cell, columnNumber) => {
      const { text, calculated } = cellText(cell.value);
      if (!calculated) {
        uncalculated++;
        if (uncalculated <= MAX_CELL_NOTICES) {
          notices.push({
            code: 'formula-not-calculated',
            rowNumber,
            message: `Cell ${columnName(columnNumber)}${rowNumber} holds a formula with no saved result, so it was read as blank. Open the file in Excel (which works the formulas out), save it, and upload it again.`,
          });
        }
      }
      while (cells.length < columnNumber - 1) cells.push('');
      cells[columnNumber - 1] = text;
    });
    records.push({ rowNumber, cells });
  });
  if (uncalculated > MAX_CELL_NOTICES) {
    notices.push({
      code: 'formula-not-calculated',
      message: `${uncalculated - MAX_CELL_NOTICES} more cells hold formulas with no saved result and were read as blank.`,
    });
  }
  applyMerges(records, sheet.merges);

  return buildTable(records, { format: 'xlsx', sheetName: chosen.name, ...(notices.length ? { notices } : {}) }, () => emptySheet(chosen.name));
}

// ---------------------------------------------------------------------------------------------
// The package: finding and unpacking parts, within the size budget.

class Package {
  private readonly byName = new Map<string, ZipEntry>();
  private readonly byLowerName = new Map<string, ZipEntry>();
  private budget = MAX_XLSX_UNPACKED_BYTES;

  constructor(
    private readonly bytes: Buffer,
    entries: ZipEntry[],
  ) {
    for (const entry of entries) {
      this.byName.set(entry.name, entry);
      if (!this.byLowerName.has(entry.name.toLowerCase())) this.byLowerName.set(entry.name.toLowerCase(), entry);
    }
  }

  /** Part names are case-insensitive in OPC; most files match exactly, some generators differ in case. */
  find(path: string): ZipEntry | undefined {
    return this.byName.get(path) ?? this.byLowerName.get(path.toLowerCase());
  }

  async readBytes(path: string): Promise<Buffer> {
    const entry = this.find(path);
    if (!entry) throw damagedWorkbook(`${path} missing`);
    if (entry.uncompressedSize > this.budget) {
      throw workbookTooLarge(MAX_XLSX_UNPACKED_BYTES / (1024 * 1024), `${path} declares ${entry.uncompressedSize} bytes`);
    }
    try {
      const data = await extractEntry(this.bytes, entry, this.budget);
      this.budget -= data.length;
      return data;
    } catch (error) {
      throw zipFailure(error);
    }
  }

  async readText(path: string): Promise<string | null> {
    if (!this.find(path)) return null;
    return toUtf8(await this.readBytes(path)).toString('utf8');
  }

  /** The workbook part named by the package's root relationships (almost always xl/workbook.xml). */
  async officeDocumentPath(): Promise<string | null> {
    const root = await this.readText('_rels/.rels');
    if (root === null) return null;
    for (const rel of parseRelationships(root).values()) {
      if (/\/officeDocument$/.test(rel.type) && !rel.external) {
        const path = resolvePath('', rel.target);
        if (this.find(path)) return path;
      }
    }
    return null;
  }
}

export function zipFailure(error: unknown): UnreadableFileError {
  if (error instanceof ZipError) {
    if (error.problem === 'too-large') return workbookTooLarge(MAX_XLSX_UNPACKED_BYTES / (1024 * 1024), error.message);
    if (error.problem === 'encrypted') return encryptedZip(error.message);
    return damagedWorkbook(error.message);
  }
  if (error instanceof UnreadableFileError) return error;
  return damagedWorkbook(String(error));
}

// ---------------------------------------------------------------------------------------------
// Small XML reading. The parts read here (workbook, relationships) are short and machine-written;
// regular expressions over them are enough and cannot be led into deep recursion.

function attributesOf(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of tag.matchAll(/([\w.:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) out.set(m[1], decodeEntities(m[2] ?? m[3] ?? ''));
  return out;
}

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (whole, name: string) => {
    const lower = name.toLowerCase();
    if (lower.startsWith('#x')) return safeCodePoint(parseInt(lower.slice(2), 16), whole);
    if (lower.startsWith('#')) return safeCodePoint(parseInt(lower.slice(1), 10), whole);
    return ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as Record<string, string>)[lower] ?? whole;
  });
}

function safeCodePoint(code: number, fallback: string): string {
  return Number.isInteger(code) && code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : fallback;
}

interface Relationship {
  type: string;
  target: string;
  external: boolean;
}

function parseRelationships(xml: string): Map<string, Relationship> {
  const out = new Map<string, Relationship>();
  for (const m of xml.matchAll(/<(?:[\w.-]+:)?Relationship\b([^>]*)>/g)) {
    const a = attributesOf(m[1]);
    const id = a.get('Id');
    if (id) out.set(id, { type: a.get('Type') ?? '', target: a.get('Target') ?? '', external: a.get('TargetMode') === 'External' });
  }
  return out;
}

function parseSheets(workbookXml: string): { name: string; state: SheetInfo['state']; relId: string | undefined }[] {
  const out: { name: string; state: SheetInfo['state']; relId: string | undefined }[] = [];
  for (const m of workbookXml.matchAll(/<(?:[\w.-]+:)?sheet\b([^>]*)>/g)) {
    const a = attributesOf(m[1]);
    const state = a.get('state');
    let relId: string | undefined;
    for (const [key, value] of a) if (/(^|:)id$/.test(key)) relId = value;
    out.push({ name: a.get('name') ?? `Sheet${out.length + 1}`, state: state === 'hidden' || state === 'veryHidden' ? state : 'visible', relId });
  }
  return out;
}

function isDate1904(workbookXml: string): boolean {
  const m = /<(?:[\w.-]+:)?workbookPr\b([^>]*)>/.exec(workbookXml);
  const value = m ? attributesOf(m[1]).get('date1904') : undefined;
  return value === '1' || value === 'true';
}

function pathOfType(rels: Map<string, Relationship>, baseDir: string, type: string): string | null {
  for (const rel of rels.values()) if (rel.type.endsWith(`/${type}`) && !rel.external) return resolvePath(baseDir, rel.target);
  return null;
}

function relsPathFor(partPath: string): string {
  const slash = partPath.lastIndexOf('/');
  return `${partPath.slice(0, slash + 1)}_rels/${partPath.slice(slash + 1)}.rels`;
}

/** A relationship target, relative to the folder of the part that names it, as a zip entry name. */
function resolvePath(baseDir: string, target: string): string {
  let decoded = target;
  try {
    decoded = decodeURIComponent(target);
  } catch {
    // not percent-encoded after all
  }
  const joined = decoded.startsWith('/') ? decoded.slice(1) : baseDir + decoded;
  const parts: string[] = [];
  for (const part of joined.split('/')) {
    if (part === '..') parts.pop();
    else if (part !== '.' && part !== '') parts.push(part);
  }
  return parts.join('/');
}

// ---------------------------------------------------------------------------------------------
// Cleaning the worksheet XML before exceljs sees it.

interface CleanSheet {
  xml: Buffer;
  merges: string[];
}

/**
 * Keep the worksheet up to the end of its cells (<sheetData>); everything after it - merges, data
 * validations, conditional formats, hyperlinks, drawings, tables - is either dangerous to exceljs (see
 * the top of this file) or irrelevant to the values. The merged ranges are kept aside for applyMerges.
 */
export function sanitiseWorksheet(raw: Buffer): CleanSheet {
  let xml = stripRootPrefix(toUtf8(raw), 'worksheet');
  let merges: string[] = [];
  const close = xml.lastIndexOf('</sheetData>');
  const selfClosed = close < 0 ? xml.lastIndexOf('<sheetData/>') : -1;
  const cut = close >= 0 ? close + '</sheetData>'.length : selfClosed >= 0 ? selfClosed + '<sheetData/>'.length : -1;
  if (cut >= 0) {
    const tail = xml.toString('utf8', cut);
    // [^<>] keeps each attempt within one tag, so a crafted tail cannot make this quadratic.
    merges = [...tail.matchAll(/<mergeCell\b[^<>]*?\bref\s*=\s*["']([^"'<>]+)["']/g)].map((m) => m[1]);
    xml = Buffer.concat([xml.subarray(0, cut), Buffer.from('</worksheet>')]);
  }
  // A formula whose saved result is empty text (=IF(A2="","",A2), very common) is written <v></v>;
  // exceljs reads that the same as no saved result at all. Mark it so cellText can tell them apart.
  for (const [from, to] of [
    ['</f><v></v>', `</f><v>${EMPTY_RESULT}</v>`],
    ['</f><v/>', `</f><v>${EMPTY_RESULT}</v>`],
    ['/><v></v>', `/><v>${EMPTY_RESULT}</v>`],
    ['/><v/>', `/><v>${EMPTY_RESULT}</v>`],
  ]) {
    xml = replaceAll(xml, from, to);
  }
  xml = addMissingReferences(xml);
  xml = isoDatesAsText(xml);
  return { xml, merges };
}

/**
 * Cells of type "d" hold an ISO 8601 date as text (some libraries write them; Excel does not). exceljs
 * reads them as numbers, turning 2020-01-31 into 2020. Rewrite them as text cells in our date format.
 */
function isoDatesAsText(xml: Buffer): Buffer {
  if (!xml.includes('t="d"') && !xml.includes("t='d'")) return xml;
  const text = xml
    .toString('utf8')
    .replace(/<c\b([^<>]*?)\st=["']d["']([^<>]*)>\s*<v>([^<]*)<\/v>/g, (_, before: string, after: string, value: string) => {
      const m = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2}(?::\d{2})?)(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(value.trim());
      const shown = !m ? value : !m[2] || /^00:00(:00)?$/.test(m[2]) ? m[1] : `${m[1]}T${m[2].length === 5 ? `${m[2]}:00` : m[2]}`;
      return `<c${before} t="str"${after}><v>${shown}</v>`;
    });
  return Buffer.from(text, 'utf8');
}

function toUtf8(data: Buffer): Buffer {
  if (data.length >= 3 && data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf) return data.subarray(3);
  if (data.length >= 2 && ((data[0] === 0xff && data[1] === 0xfe) || (data[0] === 0xfe && data[1] === 0xff))) {
    // UTF-16 XML (allowed, rarely written). exceljs reads parts as UTF-8, so convert.
    const body = Buffer.from(data.subarray(2, data.length - (data.length % 2)));
    if (data[0] === 0xfe) body.swap16();
    const text = new TextDecoder('utf-16le').decode(body).replace(/^(<\?xml[^>]*?)\s+encoding\s*=\s*["'][^"']*["']/, '$1');
    return Buffer.from(text, 'utf8');
  }
  return data;
}

/**
 * Some generators (the .NET Open XML SDK among them) write every element with a prefix: <x:worksheet>,
 * <x:row>, <x:c>. exceljs only knows unprefixed names and would see an empty sheet. '<' cannot occur in
 * XML text or attribute values, so replacing "<x:" and "</x:" is safe.
 */
function stripRootPrefix(xml: Buffer, rootName: string): Buffer {
  const head = xml.toString('utf8', 0, Math.min(xml.length, 4096));
  const m = new RegExp(`<([\\w.-]+):${rootName}\\b`).exec(head);
  if (!m || new RegExp(`<${rootName}\\b`).test(head.slice(0, m.index))) return xml;
  return replaceAll(replaceAll(xml, `</${m[1]}:`, '</'), `<${m[1]}:`, '<');
}

function replaceAll(data: Buffer, from: string, to: string): Buffer {
  const needle = Buffer.from(from);
  let at = data.indexOf(needle);
  if (at < 0) return data;
  const replacement = Buffer.from(to);
  const parts: Buffer[] = [];
  let start = 0;
  while (at >= 0) {
    parts.push(data.subarray(start, at), replacement);
    start = at + needle.length;
    at = data.indexOf(needle, start);
  }
  parts.push(data.subarray(start));
  return Buffer.concat(parts);
}

/**
 * Cell and row references (r="B7") are optional in the file format and some generators leave them out;
 * exceljs needs them. Only when they are missing, number rows and cells in order, as Excel does.
 */
function addMissingReferences(xml: Buffer): Buffer {
  const head = xml.toString('utf8', 0, Math.min(xml.length, 1 << 20));
  const firstRow = /<row\b[^<>]*>/.exec(head);
  const firstCell = /<c\b[^<>]*>/.exec(head);
  const lacks = (tag: RegExpExecArray | null) => tag !== null && !/\sr\s*=/.test(tag[0]);
  if (!lacks(firstRow) && !lacks(firstCell)) return xml;
  let row = 0;
  let column = 0;
  const text = xml.toString('utf8').replace(/<(row|c)(\s[^<>]*?)?(\/?)>/g, (whole, tag: string, attributes: string | undefined, slash: string) => {
    const attrs = attributes ?? '';
    const r = /\sr\s*=\s*["']([A-Za-z]{0,3})(\d+)["']/.exec(attrs);
    if (tag === 'row') {
      row = r ? Number(r[2]) : row + 1;
      column = 0;
      return r ? whole : `<row r="${row}"${attrs}${slash}>`;
    }
    if (r) {
      column = columnNumber(r[1]);
      return whole;
    }
    column++;
    return `<c r="${columnName(column)}${row}"${attrs}${slash}>`;
  });
  return Buffer.from(text, 'utf8');
}

function minimalWorkbook(date1904: boolean): string {
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
    `<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
    (date1904 ? '<workbookPr date1904="1"/>' : '<workbookPr/>') +
    `<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`
  );
}

const MINIMAL_WORKBOOK_RELS =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
  `<Relationships xmlns="${PACKAGE_REL_NS}">` +
  `<Relationship Id="rId1" Type="${REL_NS}/worksheet" Target="worksheets/sheet1.xml"/>` +
  `</Relationships>`;

const MINIMAL_STYLES =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
  `<styleSheet xmlns="${MAIN_NS}"><fonts count="1"><font/></fonts><fills count="1"><fill/></fills>` +
  `<borders count="1"><border/></borders><cellXfs count="1"><xf/></cellXfs></styleSheet>`;

// ---------------------------------------------------------------------------------------------
// Cell values → text.

/**
 * The text of a cell as the partner would read it: numbers without float noise or exponents, dates as
 * yyyy-mm-dd, TRUE/FALSE, error values as Excel shows them (#DIV/0!), formulas as their saved result.
 * `calculated` is false for a formula with no saved result (a file written by software that does not
 * calculate), which reads as ''.
 */
export function cellText(value: ExcelJS.CellValue | undefined): { text: string; calculated: boolean } {
  if (value === null || value === undefined) return { text: '', calculated: true };
  if (typeof value === 'number') return { text: formatNumber(value), calculated: true };
  if (typeof value === 'string') return { text: value === EMPTY_RESULT ? '' : value, calculated: true };
  if (typeof value === 'boolean') return { text: value ? 'TRUE' : 'FALSE', calculated: true };
  if (value instanceof Date) return { text: formatDate(value), calculated: true };
  if (typeof value === 'object') {
    const v = value as unknown as Record<string, unknown>;
    if ('formula' in v || 'sharedFormula' in v) {
      const result = v.result;
      if (result === undefined || result === null || (typeof result === 'number' && Number.isNaN(result))) return { text: '', calculated: false };
      if (typeof result === 'object' && !(result instanceof Date) && (result as { error?: unknown }).error === EMPTY_RESULT) {
        return { text: '', calculated: true };
      }
      return cellText(result as ExcelJS.CellValue);
    }
    if ('error' in v) return { text: String(v.error ?? ''), calculated: true };
    if ('richText' in v && Array.isArray(v.richText)) {
      return { text: v.richText.map((run: { text?: unknown }) => (typeof run?.text === 'string' ? run.text : '')).join(''), calculated: true };
    }
    if ('text' in v) return cellText(v.text as ExcelJS.CellValue);
  }
  return { text: '', calculated: true };
}

/**
 * A number as text, rounded to the 15 significant digits Excel itself shows and keeps (so 0.1+0.2,
 * stored as 0.30000000000000004, reads 0.3, as in Excel), never in exponent form, integers without a
 * decimal point.
 */
export function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return '';
  if (n === 0) return '0'; // also -0
  const rounded = Number(n.toPrecision(15));
  return plainDecimal(String(rounded));
}

function plainDecimal(s: string): string {
  const m = /^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/i.exec(s);
  if (!m) return s;
  const [, sign, whole, fraction = '', exponentText] = m;
  const digits = whole + fraction;
  const point = whole.length + Number(exponentText);
  let out: string;
  if (point <= 0) out = `0.${'0'.repeat(-point)}${digits}`;
  else if (point >= digits.length) out = digits + '0'.repeat(point - digits.length);
  else out = `${digits.slice(0, point)}.${digits.slice(point)}`;
  out = out.replace(/^0+(?=\d)/, '');
  if (out.includes('.')) out = out.replace(/\.?0+$/, '');
  return sign + out;
}

/**
 * exceljs gives dates as UTC instants. A date alone reads yyyy-mm-dd; a date with a time
 * yyyy-mm-ddThh:mm:ss; a time alone (Excel's day 0) hh:mm:ss.
 */
export function formatDate(date: Date): string {
  const ms = date.getTime();
  if (Number.isNaN(ms)) return '';
  const d = new Date(Math.round(ms / 1000) * 1000);
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  const day = `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  // Day 0 is 1899-12-30 in the 1900 date system and 1904-01-01 in the 1904 one.
  if ((day === '1899-12-30' || day === '1904-01-01') && time !== '00:00:00') return time;
  return time === '00:00:00' ? day : `${day}T${time}`;
}

// ---------------------------------------------------------------------------------------------
// Merged cells: the value stays in the top-left cell; the others read as blank, as Excel shows them.

function applyMerges(records: SourceRecord[], merges: string[]): void {
  let steps = 0;
  for (const ref of merges) {
    const range = decodeRange(ref);
    if (!range) continue;
    let i = firstIndexAtOrAfter(records, range.top);
    for (; i < records.length && records[i].rowNumber <= range.bottom; i++) {
      const { rowNumber, cells } = records[i];
      const last = Math.min(range.right, cells.length);
      for (let c = range.left; c <= last; c++) {
        if (++steps > MAX_MERGE_STEPS) return;
        if (rowNumber === range.top && c === range.left) continue;
        cells[c - 1] = '';
      }
      steps++;
      if (steps > MAX_MERGE_STEPS) return;
    }
  }
}

function firstIndexAtOrAfter(records: SourceRecord[], rowNumber: number): number {
  let lo = 0;
  let hi = records.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (records[mid].rowNumber < rowNumber) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function decodeRange(ref: string): { top: number; left: number; bottom: number; right: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?$/.exec(ref.trim());
  if (!m) return null;
  const a = { col: columnNumber(m[1]), row: Number(m[2]) };
  const b = m[3] ? { col: columnNumber(m[3]), row: Number(m[4]) } : a;
  return { top: Math.min(a.row, b.row), bottom: Math.max(a.row, b.row), left: Math.min(a.col, b.col), right: Math.max(a.col, b.col) };
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function columnName(n: number): string {
  let s = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}
