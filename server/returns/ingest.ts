// One upload, from bytes to a stored submission: read the file, check every cell and rule,
// and store it whole only when there is no error. Used by the upload route and the demo loader.
//
// Reading and checking a large file happens in a worker thread (ingest/check.ts); storing always
// happens here, on the main thread's one database connection, in one transaction.
import type { Problem, Submission } from '../../schemas/api';
import type { ReturnDefinition, RowKey } from '../../schemas/returns/definition';
import { findArea } from '../../schemas/areas';
import type { Actor } from '../access/actor';
import type { Db } from '../db/database';
import { checkReturnFile, type CheckedFile } from '../ingest/check';
import { IsolationBusyError } from '../ingest/isolation';
import { UnreadableFileError } from '../ingest/read-table';
import { organisationScopeOf, periodsAndAreas, plannedCorrections, storeSubmission, WouldClearFigures, type PlannedCorrections } from './store';

export interface IngestRequest {
  definition: ReturnDefinition;
  bytes: Buffer;
  fileName: string | null;
  actor: Actor;
  now: Date;
  dryRun: boolean;
  /** Whether the sender may send this row (partners: their organisation's grants). */
  permits: (key: RowKey) => boolean;
  /** The sender said blanks may clear figures already held (DOMAIN.md 5.7); default no. */
  confirmClear?: boolean;
}

export type IngestOutcome =
  | { kind: 'stored'; submission: Submission; warnings: Problem[]; corrections: PlannedCorrections }
  | { kind: 'checked'; summary: { rows: number; periods: string[]; areas: string[] }; warnings: Problem[]; corrections: PlannedCorrections }
  /** The file's blanks would clear figures already held and the sender did not confirm it: nothing was stored. */
  | { kind: 'would-clear'; corrections: PlannedCorrections; warnings: Problem[] }
  | { kind: 'rejected'; errors: Problem[]; warnings: Problem[] }
  | { kind: 'forbidden'; errors: Problem[] }
  | { kind: 'unreadable'; code: UnreadableFileError['code']; message: string }
  /** Too many large files are already waiting to be checked: nothing was read; try again shortly. */
  | { kind: 'busy'; message: string };

export async function ingestReturn(db: Db, request: IngestRequest): Promise<IngestOutcome> {
  let checked: CheckedFile;
  try {
    checked = await checkReturnFile(request.bytes, request.fileName, request.definition, { now: request.now });
  } catch (error) {
    if (error instanceof UnreadableFileError) return { kind: 'unreadable', code: error.code, message: error.message };
    if (error instanceof IsolationBusyError) {
      return { kind: 'busy', message: 'Several large files are being checked at the moment, so yours could not be checked now. Nothing has been stored. Please try again in a minute.' };
    }
    throw error;
  }
  const { rows, errors, warnings } = checked;
  // Permission is checked on rows that are otherwise valid, so a partner learns nothing about
  // areas outside their grants beyond that they may not send for them.
  const refused: Problem[] = rows
    .filter((row) => !request.permits(row.key))
    .map((row) => ({
      row: row.rowNumber,
      column: 'area_code',
      value: row.key.areaCode,
      code: 'not-granted',
      message: `Your organisation is not set up to send ${request.definition.title.toLowerCase()}s for ${findArea(row.key.areaCode)?.name ?? row.key.areaCode}. Ask your administrator if it should be.`,
    }));
  if (refused.length > 0) return { kind: 'forbidden', errors: refused };
  if (errors.length > 0) return { kind: 'rejected', errors, warnings };
  if (request.dryRun) {
    const corrections = plannedCorrections(db, request.definition.type, rows, organisationScopeOf(request.actor));
    return { kind: 'checked', summary: { rows: rows.length, ...periodsAndAreas(rows) }, warnings, corrections };
  }
  try {
    const { changes, clears, ...submission } = storeSubmission(db, {
      returnType: request.definition.type,
      actor: request.actor,
      fileName: request.fileName,
      fileFormat: checked.format,
      fileBytes: request.bytes,
      rows,
      warnings,
      receivedAt: request.now,
      confirmClear: request.confirmClear ?? false,
    });
    return { kind: 'stored', submission, warnings, corrections: { changes, clears } };
  } catch (error) {
    if (error instanceof WouldClearFigures) return { kind: 'would-clear', corrections: error.planned, warnings };
    throw error;
  }
}
