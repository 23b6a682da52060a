// Reading a workbook without putting the server at risk. exceljs reads a sheet synchronously and
// needs about ten times the sheet's XML in memory: a 10 MB upload that unpacks to 100 MB of XML
// takes tens of seconds and over a gigabyte. Done on the main thread, that would stall every
// other request for as long. So a workbook whose parts are larger than a typical return is read
// in a worker thread with its own memory cap and a time limit, in turn with every other file
// being worked on in a worker (../isolation.ts); a return of ordinary size is read in place.
//
// The upload route does not come here for large files: it reads and checks them whole in a worker
// (../check.ts). This is readTable's own step, for its other callers.
import { IsolationLimitError, DEFAULT_ISOLATION, isolationLimits, runIsolated, type IsolationLimits } from '../isolation';
import { workbookTooComplex } from './errors';
import type { RawTable } from './types';
import { readXlsx } from './xlsx';
import type { ZipEntry } from './zip';

export { DEFAULT_ISOLATION, type IsolationLimits };

/** What the workbook unpacks to, as its table of contents declares (zip.ts enforces the declaration). */
export function declaredSize(entries: ZipEntry[]): number {
  return entries.filter((e) => e.name.startsWith('xl/') && /\.(xml|rels)$/i.test(e.name)).reduce((sum, e) => sum + e.uncompressedSize, 0);
}

export async function readXlsxIsolated(bytes: Buffer, entries: ZipEntry[], limits: IsolationLimits = isolationLimits()): Promise<RawTable> {
  if (declaredSize(entries) <= limits.inlineBytes) return readXlsx(bytes, entries);
  try {
    return await runIsolated({ kind: 'read-xlsx', bytes, entries }, limits);
  } catch (error) {
    throw error instanceof IsolationLimitError ? workbookTooComplex(error.message) : error;
  }
}
