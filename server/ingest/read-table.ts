// Reading a partner's uploaded return into a table of text cells: the first step of ingest, before
// any cell is checked against the return's template (validate.ts).
//
// The format is decided by what the file contains, never by its name: partners rename files, and
// systems export web pages as ".xls". The name is only used to word a message better.
//   zip holding xl/workbook.xml      → Excel workbook, first visible worksheet (read/xlsx.ts; large
//                                      ones in a worker thread, read/xlsx-isolated.ts; the upload
//                                      route reads and checks any large file in one, check.ts)
//   other zip, old Office, PDF, image → refused with a message saying what the file is (read/sniff.ts)
//   text                              → CSV in UTF-8, UTF-16 or Windows-1252 (read/text.ts, read/csv.ts)
// Whatever the bytes, readTable either returns a table or throws UnreadableFileError with a message a
// council officer can act on (or IsolationBusyError when too many large files wait for a worker);
// library errors never escape, and no step can loop without end (every loop is bounded by the
// input's length or by a named limit).
import { parseCsv } from './read/csv';
import {
  damagedWorkbook,
  damagedZip,
  emptyFile,
  extensionOf,
  foreignFile,
  UnreadableFileError,
  unrecognisedFile,
  type ForeignKind,
} from './read/errors';
import { sniffBinary } from './read/sniff';
import { buildTable } from './read/table';
import { decodeText, looksBinary, sniffText } from './read/text';
import type { RawTable } from './read/types';
import { zipFailure } from './read/xlsx';
import { IsolationBusyError, isolationLimits, type IsolationLimits } from './isolation';
import { readXlsxIsolated } from './read/xlsx-isolated';
import { extractEntry, firstLocalEntryName, isZip, listZipEntries, ZipError, type ZipEntry } from './read/zip';

export { UnreadableFileError } from './read/errors';
export type { UnreadableCode } from './read/errors';
export type { RawRow, RawTable, ReadNotice, TextEncodingName } from './read/types';
export { MAX_XLSX_UNPACKED_BYTES } from './read/xlsx';
export { MAX_TABLE_CELLS } from './read/table';

/** `limits` say which workbooks are read in a worker thread (isolation.ts); by default the server's. */
export async function readTable(bytes: Buffer, fileName?: string, limits: IsolationLimits = isolationLimits()): Promise<RawTable> {
  const data = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes as Uint8Array);
  try {
    return await read(data, fileName, limits);
  } catch (error) {
    if (error instanceof UnreadableFileError || error instanceof IsolationBusyError) throw error;
    // Not expected: a library failing in a way we did not foresee. Still the partner's file, so still
    // a message for them rather than a server error.
    const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    throw new UnreadableFileError(
      'damaged-file',
      'This file could not be read. It may be damaged. Please save it again as a CSV file or an Excel workbook (.xlsx) and upload it again.',
      detail,
    );
  }
}

async function read(bytes: Buffer, fileName: string | undefined, limits: IsolationLimits): Promise<RawTable> {
  if (bytes.length === 0) throw emptyFile('zero bytes');
  if (isZip(bytes)) return readZip(bytes, fileName, limits);
  const foreign = sniffBinary(bytes, fileName);
  if (foreign) throw foreignFile(foreign);
  return readCsv(bytes, fileName);
}

async function readCsv(bytes: Buffer, fileName: string | undefined): Promise<RawTable> {
  const { text, encoding } = decodeText(bytes);
  if (text.trim() === '') throw emptyFile('only whitespace or a byte-order mark'); // trim() also removes U+FEFF
  if (looksBinary(text)) throw unrecognisedFile(fileName, 'binary content');
  const foreign = sniffText(text);
  if (foreign) throw foreignFile(foreign);
  const { records, delimiter } = parseCsv(text);
  return buildTable(records, { format: 'csv', encoding, delimiter });
}

async function readZip(bytes: Buffer, fileName: string | undefined, limits: IsolationLimits): Promise<RawTable> {
  let entries: ZipEntry[];
  try {
    entries = listZipEntries(bytes);
  } catch (error) {
    if (!(error instanceof ZipError)) throw error;
    // The table of contents is at the end of a zip, so a cut-short upload loses it first. The entry
    // names at the start are still there to say whether it was a workbook.
    const workbookish =
      bytes.includes('xl/workbook.xml') ||
      bytes.includes('xl/worksheets/') ||
      ['xlsx', 'xlsm'].includes(extensionOf(fileName) ?? '') ||
      (firstLocalEntryName(bytes) ?? '').startsWith('xl/');
    throw workbookish ? damagedWorkbook(error.message) : damagedZip(error.message);
  }
  const kind = await classifyZip(bytes, entries);
  if (kind === 'xlsx') {
    try {
      return await readXlsxIsolated(bytes, entries, limits);
    } catch (error) {
      throw error instanceof UnreadableFileError || error instanceof IsolationBusyError ? error : zipFailure(error);
    }
  }
  if (kind === 'zip') {
    const inner = entries.find((e) => /\.(csv|xlsx|xlsm|xls|txt)$/i.test(e.name) && !e.name.startsWith('__MACOSX/'));
    throw foreignFile('zip', inner ? { zipContains: inner.name.slice(inner.name.lastIndexOf('/') + 1) } : undefined);
  }
  throw foreignFile(kind);
}

/** What a zip is, from its entry names (and, for OpenDocument, its "mimetype" entry). */
async function classifyZip(bytes: Buffer, entries: ZipEntry[]): Promise<'xlsx' | ForeignKind> {
  const names = new Set(entries.map((e) => e.name.toLowerCase()));
  const any = (test: (name: string) => boolean) => [...names].some(test);
  if (names.has('xl/workbook.xml')) return 'xlsx';
  if (names.has('xl/workbook.bin')) return 'xlsb';
  if (names.has('word/document.xml') || any((n) => n.startsWith('word/'))) return 'docx';
  if (names.has('ppt/presentation.xml') || any((n) => n.startsWith('ppt/'))) return 'pptx';
  const mimetype = entries.find((e) => e.name === 'mimetype');
  if (mimetype || (names.has('content.xml') && names.has('meta-inf/manifest.xml'))) {
    if (mimetype && mimetype.uncompressedSize < 200) {
      try {
        const type = (await extractEntry(bytes, mimetype, 200)).toString('latin1');
        if (type.startsWith('application/vnd.oasis.opendocument.spreadsheet')) return 'ods';
      } catch {
        // an unreadable mimetype: still OpenDocument by its other entries
      }
    }
    return 'odf';
  }
  if (any((n) => n.startsWith('index/') && n.endsWith('.iwa'))) return 'numbers';
  return 'zip';
}
