// One upload, from bytes to a stored submission: read the file, check every cell and rule,
// and store it whole only when there is no error. Used by the upload route and the demo loader.
//
// Reading and checking a large file happens in a worker thread (ingest/check.ts); storing always
// happens here, on the main thread's one database connection, in one transaction.
//
// An approved quarter is locked (DOMAIN.md 5.8): a file touching one is stored only with a reason,
// checked and stored in the same transaction as the file, so the lock cannot change between the
// check and the store and the reason is stored with the submission or not at all.
import type { Problem, Submission } from '../../schemas/api';
import type { ReturnDefinition, RowKey } from '../../schemas/returns/definition';
import { findArea } from '../../schemas/areas';
import type { Actor } from '../access/actor';
import type { Db } from '../db/database';
import { checkReturnFile, type CheckedFile } from '../ingest/check';
import type { AcceptedRow } from '../ingest/validate';
import { IsolationBusyError } from '../ingest/isolation';
import { UnreadableFileError } from '../ingest/read-table';
import { findLocks, recordCorrectionReason } from '../cycle/approvals';
import { figureColumns } from '../../schemas/returns/definition';
import { returnName } from '../../schemas/returns/words';
import { CORRECTED_AFTER_APPROVAL } from './row-warnings';
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
  /**
   * Why the sender corrects approved figures (already trimmed and checked). Needed when the file
   * touches an approved quarter; stored with the submission then, and ignored otherwise.
   */
  correctionReason?: string | null;
  /**
   * Checks on rows that need stored data (a local measure's definition), run on the otherwise
   * valid rows, and again inside the store's transaction, so that what they were checked against
   * cannot change before they are stored.
   */
  checkRows?: RowCheck;
}

/**
 * A return type's checks against stored data, registered by the module that owns that data
 * (app.returnChecks): errors, each naming its row and column, that reject the file like any other.
 * Called inside the store's transaction too, where it takes whatever lock keeps that data from
 * changing until the rows are committed (Db.serialize).
 */
export type RowCheck = (actor: Actor, rows: readonly AcceptedRow[]) => Promise<Problem[]>;

/** An approved (locked) area and quarter the file touches. */
export interface LockedKey {
  area: string;
  quarter: string;
  approvedAt: string;
  approvalId: number;
}

/** The stored data a row check reads changed between the first check and the store, and the rows no longer pass. */
class RowsNoLongerValid extends Error {
  constructor(readonly errors: Problem[]) {
    super('The rows no longer pass the checks against stored data.');
  }
}

/** A file touching approved quarters, sent without a reason: nothing was stored. */
class QuarterApproved extends Error {
  constructor(readonly locked: LockedKey[]) {
    super('The file corrects an approved quarter and no reason was given.');
  }
}

async function lockedKeys(db: Db, type: string, rows: readonly AcceptedRow[]): Promise<LockedKey[]> {
  const keys = new Map<string, { area: string; quarter: string }>();
  for (const row of rows) keys.set(`${row.key.areaCode}|${row.key.period}`, { area: row.key.areaCode, quarter: row.key.period });
  return (await findLocks(db, type, [...keys.values()]))
    .map((l) => ({ area: l.area, quarter: l.quarter, approvedAt: l.approvedAt, approvalId: l.approvalId }))
    .sort((a, b) => a.quarter.localeCompare(b.quarter) || a.area.localeCompare(b.area));
}

/**
 * The note a correction after approval leaves on each row it stores for an approved quarter, so
 * the reason travels with the figures as warnings do (DOMAIN.md 5.8: "its reason is shown with
 * the figure"). Stored with the rows, shown beside every figure built from them.
 */
function correctionNotes(rows: readonly AcceptedRow[], locked: readonly LockedKey[], reason: string, firstFigure: string): Problem[] {
  const approved = new Set(locked.map((l) => `${l.area}|${l.quarter}`));
  return rows
    .filter((row) => approved.has(`${row.key.areaCode}|${row.key.period}`))
    .map((row) => ({ row: row.rowNumber, column: firstFigure, value: null, code: CORRECTED_AFTER_APPROVAL, message: `Corrected after the quarter was approved: ${reason}` }));
}

export type IngestOutcome =
  /** locked: the approved quarters the file corrected, with correctionReason stored for them (else empty and null). */
  | { kind: 'stored'; submission: Submission; warnings: Problem[]; corrections: PlannedCorrections; locked: LockedKey[]; correctionReason: string | null }
  | { kind: 'checked'; summary: { rows: number; periods: string[]; areas: string[] }; warnings: Problem[]; corrections: PlannedCorrections; locked: LockedKey[] }
  /** The file touches approved (locked) quarters and no reason was given: nothing was stored. */
  | { kind: 'quarter-approved'; locked: LockedKey[]; warnings: Problem[] }
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
      column: request.definition.keys.area,
      value: row.key.areaCode,
      code: 'not-granted',
      message: `Your organisation is not set up to send ${returnName(request.definition.type)}s for ${findArea(row.key.areaCode)?.name ?? row.key.areaCode}. Ask your administrator if it should be.`,
    }));
  if (refused.length > 0) return { kind: 'forbidden', errors: refused };
  const stored = request.checkRows ? await request.checkRows(request.actor, rows) : [];
  if (errors.length > 0 || stored.length > 0) return { kind: 'rejected', errors: [...errors, ...stored].sort((a, b) => (a.row ?? 0) - (b.row ?? 0)), warnings };
  if (request.dryRun) {
    const corrections = await plannedCorrections(db, request.definition.type, rows, organisationScopeOf(request.actor));
    return { kind: 'checked', summary: { rows: rows.length, ...periodsAndAreas(rows) }, warnings, corrections, locked: await lockedKeys(db, request.definition.type, rows) };
  }
  const reason = request.correctionReason?.trim() || null;
  let locked: LockedKey[] = [];
  // The rows of approved quarters carry the reason (the lock is decided again inside the store's
  // transaction; an approval landing in between refuses the file or goes without the note).
  const firstFigure = figureColumns(request.definition)[0];
  const notes = reason ? correctionNotes(rows, await lockedKeys(db, request.definition.type, rows), reason, firstFigure) : [];
  try {
    const { changes, clears, ...submission } = await storeSubmission(db, {
      returnType: request.definition.type,
      actor: request.actor,
      fileName: request.fileName,
      fileFormat: checked.format,
      fileBytes: request.bytes,
      rows,
      warnings: notes.length > 0 ? [...warnings, ...notes] : warnings,
      receivedAt: request.now,
      confirmClear: request.confirmClear ?? false,
      // Inside the store's transaction, after it has taken the figures version: the lock is
      // decided on and the reason stored with the submission, or nothing is.
      beforeStore: async () => {
        // Checked again where nothing can change it before the rows are stored: a measure's
        // arithmetic may change only while no figures are held for it (routes/local-measures.ts).
        const changed = request.checkRows ? await request.checkRows(request.actor, rows) : [];
        if (changed.length > 0) throw new RowsNoLongerValid(changed);
        locked = await lockedKeys(db, request.definition.type, rows);
        if (locked.length > 0 && !reason) throw new QuarterApproved(locked);
      },
      afterStore: async (submissionId) => {
        if (locked.length > 0 && reason) await recordCorrectionReason(db, { submissionId, reason, approvalIds: locked.map((l) => l.approvalId), now: request.now });
      },
    });
    return { kind: 'stored', submission, warnings, corrections: { changes, clears }, locked, correctionReason: locked.length > 0 ? reason : null };
  } catch (error) {
    if (error instanceof WouldClearFigures) return { kind: 'would-clear', corrections: error.planned, warnings };
    if (error instanceof QuarterApproved) return { kind: 'quarter-approved', locked: error.locked, warnings };
    if (error instanceof RowsNoLongerValid) return { kind: 'rejected', errors: error.errors, warnings };
    throw error;
  }
}
