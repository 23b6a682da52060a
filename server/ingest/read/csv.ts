// CSV text → records. papaparse does the quoting; we choose the delimiter and the line endings ourselves
// so that its guesses cannot go wrong on partners' files:
//   - Line endings are made uniform first (CRLF, LF and a lone CR, as old Mac Excel writes, all end a
//     record). papaparse guesses a single line ending for the whole file, which breaks files that mix
//     them (a header typed in one program, rows appended by another). Line breaks inside quoted cells
//     become LF too, which is what Excel itself uses inside a cell.
//   - The delimiter is read off the header line, the one line we know the shape of.
import Papa from 'papaparse';
import type { SourceRecord } from './table';

export type Delimiter = ',' | ';' | '\t';
const CANDIDATES: Delimiter[] = [',', ';', '\t']; // also the order of preference on a tie

export interface ParsedCsv {
  records: SourceRecord[];
  delimiter: Delimiter;
}

export function parseCsv(text: string): ParsedCsv {
  let normalised = text.replace(/\r\n?/g, '\n');

  // Excel honours a first line "sep=;" naming the delimiter, and hides that line: the header it shows
  // is row 1. We do the same.
  let delimiter: Delimiter | null = null;
  const sepLine = /^sep=([,;\t])[ \t]*(\n|$)/i.exec(normalised);
  if (sepLine) {
    delimiter = sepLine[1] as Delimiter;
    normalised = normalised.slice(sepLine[0].length);
  }
  delimiter ??= detectDelimiter(normalised);

  const result = Papa.parse<string[]>(normalised, {
    delimiter,
    newline: '\n',
    quoteChar: '"',
    escapeChar: '"',
    header: false,
    dynamicTyping: false,
    skipEmptyLines: false, // blank lines still count as rows for numbering; they are dropped later
  });
  // papaparse reports quoting problems (e.g. a quote never closed) in result.errors but still returns
  // its best reading, as Excel would; the row-level checks downstream show the partner what came out.
  const records = result.data.map((cells, index) => ({ rowNumber: index + 1, cells: cells.map(unwrapExcelText) }));
  return { records, delimiter };
}

/**
 * Some systems export `="00123"` so that Excel keeps leading zeros; Excel shows 00123, so do we.
 * (Runs after papaparse, which leaves such unquoted-field quotes as they are.)
 */
function unwrapExcelText(cell: string): string {
  const m = /^\s*="((?:[^"]|"")*)"\s*$/.exec(cell);
  return m ? m[1].replace(/""/g, '"') : cell;
}

/**
 * The delimiter that splits the header line into the most cells, counting only outside quotes. The
 * header is the first line that is not blank (blank = nothing but spaces and delimiters). If that line
 * has no candidate at all (a one-column file, or a title line), the next few lines decide. Ties go to
 * the candidate that splits the following lines into the same number of cells, then to comma.
 */
export function detectDelimiter(text: string): Delimiter {
  const lines = firstRecords(text, 12);
  const header = lines.findIndex((line) => !/^[\s,;"]*$/.test(line));
  if (header < 0) return ',';
  for (let i = header; i < lines.length; i++) {
    const counts = CANDIDATES.map((d) => countOutsideQuotes(lines[i], d));
    const best = Math.max(...counts);
    if (best === 0) continue;
    const tied = CANDIDATES.filter((_, k) => counts[k] === best);
    if (tied.length === 1) return tied[0];
    const agreement = (d: Delimiter) => lines.slice(i + 1).filter((line) => countOutsideQuotes(line, d) === best).length;
    return tied.reduce((a, b) => (agreement(b) > agreement(a) ? b : a));
  }
  return ',';
}

/** The first `limit` records of the text, split on newlines outside quotes (after normalisation to LF). */
function firstRecords(text: string, limit: number): string[] {
  const out: string[] = [];
  let start = 0;
  let quoted = false;
  // Look at no more than the first 64 KB: enough for any header, and bounded whatever the file.
  const end = Math.min(text.length, 64 * 1024);
  for (let i = 0; i < end && out.length < limit; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) quoted = !quoted;
    else if (c === 0x0a && !quoted) {
      out.push(text.slice(start, i));
      start = i + 1;
    }
  }
  if (out.length < limit && start < end) out.push(text.slice(start, end));
  return out;
}

function countOutsideQuotes(line: string, delimiter: string): number {
  let count = 0;
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '"') quoted = !quoted;
    else if (c === delimiter && !quoted) count++;
  }
  return count;
}
