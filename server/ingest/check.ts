// Reading and checking one uploaded file: everything ingest does before it stores anything, and
// all of it CPU work on the partner's bytes. A file of ordinary size is checked in place; a large
// one (above the limits in isolation.ts) is read AND checked in a worker thread, in turn with the
// others, so that it neither stalls other requests nor grows the main thread's heap. Either way the
// answer is the same: the same code (checkInPlace) runs in both places.
import { findReturnDefinition } from '../../schemas/returns';
import type { CellContext } from '../../schemas/returns/cells';
import type { ReturnDefinition } from '../../schemas/returns/definition';
import { DEFAULT_ISOLATION, IsolationLimitError, isolationLimits, runIsolated, type IsolationLimits } from './isolation';
import { fileTooComplex, workbookTooComplex } from './read/errors';
import type { RawTable } from './read/types';
import { declaredSize } from './read/xlsx-isolated';
import { isZip, listZipEntries } from './read/zip';
import { readTable } from './read-table';
import { validateTable, type ValidationResult } from './validate';

export interface CheckedFile extends ValidationResult {
  /** How the file was read, kept with a stored submission. */
  format: RawTable['format'];
}

/** Limits under which nothing is sent to a worker: for the worker itself, and for small files. */
const IN_PLACE: IsolationLimits = { ...DEFAULT_ISOLATION, inlineBytes: Infinity, inlineTextBytes: Infinity };

/** Reads and checks the file on this thread. Throws UnreadableFileError for a file that cannot be read. */
export async function checkInPlace(bytes: Buffer, fileName: string | null, definition: ReturnDefinition, context: CellContext): Promise<CheckedFile> {
  const table = await readTable(bytes, fileName ?? undefined, IN_PLACE);
  return { format: table.format, ...validateTable(table, definition, context) };
}

/** Whether a file is large enough to be worth a worker thread: by its bytes, or for a workbook by what it unpacks to. */
export function needsWorker(bytes: Buffer, limits: IsolationLimits): boolean {
  if (!isZip(bytes)) return bytes.length > limits.inlineTextBytes;
  try {
    return declaredSize(listZipEntries(bytes)) > limits.inlineBytes;
  } catch {
    return false; // a damaged zip: readTable says so at once, in place
  }
}

/**
 * Reads and checks a return file, in place or in a worker thread as its size requires. Throws
 * UnreadableFileError (including for a worker stopped at its time or memory limit: the file is
 * too much for us, which the partner can act on), or IsolationBusyError when too many large files
 * are already waiting.
 *
 * Only the registered definition of a return type can be rebuilt in a worker; a caller passing a
 * definition of its own (the benchmark's national register) is checked in place.
 */
export async function checkReturnFile(
  bytes: Buffer,
  fileName: string | null,
  definition: ReturnDefinition,
  context: CellContext,
  limits: IsolationLimits = isolationLimits(),
): Promise<CheckedFile> {
  if (!needsWorker(bytes, limits) || findReturnDefinition(definition.type) !== definition) return checkInPlace(bytes, fileName, definition, context);
  try {
    return await runIsolated({ kind: 'check', bytes, fileName, returnType: definition.type, now: context.now }, limits);
  } catch (error) {
    if (!(error instanceof IsolationLimitError)) throw error;
    throw isZip(bytes) ? workbookTooComplex(error.message) : fileTooComplex(error.message);
  }
}
