// One upload, from bytes to a stored submission: read the file, check every cell and rule,
// and store it whole only when there is no error. Used by the upload route and the demo loader.
import type { Problem, Submission } from '../../schemas/api';
import type { ReturnDefinition, RowKey } from '../../schemas/returns/definition';
import { findArea } from '../../schemas/areas';
import type { Actor } from '../access/actor';
import type { Db } from '../db/database';
import { readTable, UnreadableFileError } from '../ingest/read-table';
import { validateTable } from '../ingest/validate';
import { periodsAndAreas, storeSubmission } from './store';

export interface IngestRequest {
  definition: ReturnDefinition;
  bytes: Buffer;
  fileName: string | null;
  actor: Actor;
  now: Date;
  dryRun: boolean;
  /** Whether the sender may send this row (partners: their organisation's grants). */
  permits: (key: RowKey) => boolean;
}

export type IngestOutcome =
  | { kind: 'stored'; submission: Submission; warnings: Problem[] }
  | { kind: 'checked'; summary: { rows: number; periods: string[]; areas: string[] }; warnings: Problem[] }
  | { kind: 'rejected'; errors: Problem[]; warnings: Problem[] }
  | { kind: 'forbidden'; errors: Problem[] }
  | { kind: 'unreadable'; code: UnreadableFileError['code']; message: string };

export async function ingestReturn(db: Db, request: IngestRequest): Promise<IngestOutcome> {
  let table;
  try {
    table = await readTable(request.bytes, request.fileName ?? undefined);
  } catch (error) {
    if (error instanceof UnreadableFileError) return { kind: 'unreadable', code: error.code, message: error.message };
    throw error;
  }
  const { rows, errors, warnings } = validateTable(table, request.definition, { now: request.now });
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
  if (request.dryRun) return { kind: 'checked', summary: { rows: rows.length, ...periodsAndAreas(rows) }, warnings };
  const submission = storeSubmission(db, {
    returnType: request.definition.type,
    actor: request.actor,
    fileName: request.fileName,
    fileFormat: table.format,
    fileBytes: request.bytes,
    rows,
    warnings,
    receivedAt: request.now,
  });
  return { kind: 'stored', submission, warnings };
}
