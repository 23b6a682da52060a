// The returns repository: stores an accepted file atomically as a new submission and reads
// submissions and revision histories back. Row types stop here; callers get API objects.
import { createHash } from 'node:crypto';
import type { Problem, Submission } from '../../schemas/api';
import { findReturnDefinition } from '../../schemas/returns';
import type { ReturnTypeId } from '../../schemas/returns/definition';
import { ACCOMMODATION_TYPE_COLUMN } from '../../schemas/returns/refuge';
import type { Actor } from '../access/actor';
import type { Db } from '../db/database';
import type { AcceptedRow } from '../ingest/validate';
import { sql, type Insertable } from 'kysely';
import { warningsByRow } from './row-warnings';
import { FIGURES_VERSION, returnsDb, type ReturnsDatabase, type ReturnsSubmissionRow } from './tables';

/** Rows of warnings per INSERT: 7 parameters each, well under either engine's limit of bound parameters. */
const WARNINGS_PER_INSERT = 500;
/** Stored rows per INSERT: 8 parameters each, likewise. */
const ROWS_PER_INSERT = 500;

export interface NewSubmissionInput {
  returnType: ReturnTypeId;
  actor: Actor;
  fileName: string | null;
  fileFormat: 'csv' | 'xlsx';
  fileBytes: Buffer;
  rows: AcceptedRow[];
  warnings: Problem[];
  receivedAt: Date;
  /**
   * The sender said that blanks in the file may clear figures already held (DOMAIN.md 5.7).
   * Without it, a file that would clear any figure is refused whole and nothing is stored.
   */
  confirmClear?: boolean;
  /**
   * Runs inside the transaction, once the figures version is taken (so no other upload is
   * running) and before anything is stored or the corrections are planned: it may throw to store
   * nothing (the upload route checks there whether the file touches an approved, locked quarter).
   */
  beforeStore?: () => Promise<void>;
  /**
   * Runs inside the transaction, after the submission and its rows are stored: whatever it writes
   * is stored with them, and if it throws nothing is stored (the reason for correcting an
   * approved quarter).
   */
  afterStore?: (submissionId: number) => Promise<void>;
}

type Value = number | string | null;

export interface StoredVersion {
  rowId: number;
  submissionId: number;
  sourceRow: number;
  values: Record<string, Value>;
  notes: string | null;
  current: boolean;
}

export function periodsAndAreas(rows: AcceptedRow[]) {
  return {
    periods: [...new Set(rows.map((r) => r.key.period))].sort(),
    areas: [...new Set(rows.map((r) => r.key.areaCode))].sort(),
  };
}

/** One figure a file would change or clear, as the sender may see it. */
export interface FigureChange {
  area: string;
  period: string;
  /** The accommodation type of a refuge row; null for every other return. */
  accommodationType: string | null;
  /** The row's key beyond area and period (the definition's sub-key column: refuge's accommodation type), else ''. */
  subkey: string;
  column: string;
  /** The figure held now; null when it is not the sender's to see (fromWithheld). */
  from: Value;
  /**
   * True when the figure held was sent by another organisation (or by an analyst, an
   * administrator or the demo loader) and the sender is a partner: it is held and would be
   * replaced or cleared, but is not quoted (DOMAIN.md 8). Such a figure is listed whenever the
   * file gives any value for it, even the same one, so that a dry run cannot be used to test
   * guesses at it.
   */
  fromWithheld: boolean;
  /** The figure in the file; null for a blank, which would clear the figure held. */
  to: Value;
}

export interface PlannedCorrections {
  /** Figures held that the file would replace with another figure. */
  changes: FigureChange[];
  /** Figures held that the file's blanks would clear. */
  clears: FigureChange[];
}

const keyOf = (areaCode: string, period: string, subkey: string) => `${areaCode}\u0000${period}\u0000${subkey}`;

/**
 * What storing these rows would do to the figures held now (DOMAIN.md 5.7): every figure that
 * would change and every one a blank would clear. Figures not held before, and notes, are not
 * listed. With an organisation scope (a partner's; see organisationScopeOf), figures held from
 * another organisation's submission are listed without their value.
 *
 * Called inside storeSubmission's transaction too (it joins it), so the upload decides on exactly
 * the figures it replaces.
 */
export async function plannedCorrections(db: Db, returnType: string, rows: readonly AcceptedRow[], organisationScope: number | undefined): Promise<PlannedCorrections> {
  const planned: PlannedCorrections = { changes: [], clears: [] };
  if (rows.length === 0) return planned;
  const { periods, areas } = periodsAndAreas([...rows]);
  const current = await returnsDb(db)
    .selectFrom('current_rows as c')
    .innerJoin('return_rows as r', 'r.id', 'c.row_id')
    .innerJoin('submissions as s', 's.id', 'r.submission_id')
    .select(['c.area_code', 'c.period', 'c.subkey', 'r.values_json', 's.organisation_id'])
    .where('c.return_type', '=', returnType)
    .where('c.area_code', 'in', areas)
    .where('c.period', 'in', periods)
    .execute();
  const held = new Map<string, { values: Record<string, Value>; organisationId: number | null }>();
  for (const r of current) {
    held.set(keyOf(r.area_code, r.period, r.subkey), { values: JSON.parse(r.values_json) as Record<string, Value>, organisationId: r.organisation_id });
  }
  // Only the accommodation type is named in the answer (the web app shows it); every sub-key is in `subkey`.
  const typed = findReturnDefinition(returnType)?.keys.sub === ACCOMMODATION_TYPE_COLUMN;
  for (const row of rows) {
    const { areaCode, period, subkey } = row.key;
    const current = held.get(keyOf(areaCode, period, subkey));
    if (!current) continue;
    const withheld = organisationScope !== undefined && current.organisationId !== organisationScope;
    for (const column of Object.keys({ ...current.values, ...row.values })) {
      const from = current.values[column] ?? null;
      const to = row.values[column] ?? null;
      if (from === null) continue; // nothing held: the file adds a figure, it does not correct one
      const base = { area: areaCode, period, accommodationType: typed ? subkey : null, subkey, column, from: withheld ? null : from, fromWithheld: withheld, to };
      if (to === null) planned.clears.push(base);
      else if (withheld || to !== from) planned.changes.push(base);
    }
  }
  return planned;
}

/** A file that would clear figures held, sent without the sender confirming it: nothing was stored. */
export class WouldClearFigures extends Error {
  constructor(readonly planned: PlannedCorrections) {
    super('The file would clear figures already held, and clearing them was not confirmed.');
  }
}

/**
 * Stores a whole file in one transaction: the submission, a new version of every row with the
 * warnings found on it, and the current pointer of each key it carries. The submission records
 * the sender's organisation (none for analysts, administrators and the demo loader): partners
 * see raw figures only in their own organisation's submissions.
 *
 * The transaction's first statement takes the next figures version. On PostgreSQL that row's
 * lock makes concurrent uploads, from any instance, wait for one another and commit in the order
 * of their versions; on SQLite the write lock taken at BEGIN does the same. So each file is
 * applied whole, one after the other, and everything after the bump (the lock check, the
 * corrections planned) reads the figures as the previous upload left them. Servers follow the
 * version to learn of new figures (server/engine/data.ts), and the submission keeps its version
 * so they read only what is newer than what they hold.
 *
 * A file whose blanks would clear figures already held is refused whole (WouldClearFigures,
 * nothing stored) unless input.confirmClear; the figures it changed and cleared are returned.
 */
export async function storeSubmission(db: Db, input: NewSubmissionInput): Promise<Submission & PlannedCorrections> {
  const { periods, areas } = periodsAndAreas(input.rows);
  const definition = findReturnDefinition(input.returnType);
  const rowWarnings = definition ? warningsByRow(definition, input.rows, input.warnings) : new Map();
  const receivedAt = input.receivedAt.toISOString();
  const sha = createHash('sha256').update(input.fileBytes).digest('hex');
  const scope = organisationScopeOf(input.actor);

  const { id, planned } = await db.transaction(async () => {
    const k = returnsDb(db);
    const { version } = await k
      .updateTable('data_versions')
      .set((eb) => ({ version: eb('version', '+', 1) }))
      .where('name', '=', FIGURES_VERSION)
      .returning('version')
      .executeTakeFirstOrThrow();
    await input.beforeStore?.();
    // Decided inside the transaction, on the figures this file replaces, so an upload that
    // lands in between cannot slip a clear past the sender.
    const planned = await plannedCorrections(db, input.returnType, input.rows, scope);
    if (planned.clears.length > 0 && !input.confirmClear) throw new WouldClearFigures(planned);
    const { id: submissionId } = await k
      .insertInto('submissions')
      .values({
        return_type: input.returnType,
        received_at: receivedAt,
        actor_kind: input.actor.kind,
        actor_id: input.actor.id,
        actor_name: input.actor.name,
        organisation_id: input.actor.role === 'partner' ? input.actor.organisationId : null,
        file_name: input.fileName,
        file_format: input.fileFormat,
        file_sha256: sha,
        row_count: input.rows.length,
        periods_json: JSON.stringify(periods),
        areas_json: JSON.stringify(areas),
        warnings_json: JSON.stringify(input.warnings),
        data_version: version,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (let i = 0; i < input.rows.length; i += ROWS_PER_INSERT) {
      await k
        .insertInto('return_rows')
        .values(
          input.rows.slice(i, i + ROWS_PER_INSERT).map((row) => ({
            submission_id: submissionId,
            return_type: input.returnType,
            area_code: row.key.areaCode,
            period: row.key.period,
            subkey: row.key.subkey,
            source_row: row.rowNumber,
            values_json: JSON.stringify(row.values),
            notes: row.notes,
          })),
        )
        .execute();
    }
    if (rowWarnings.size > 0) {
      // A file's rows have distinct row numbers, so each stored row is found by its source row.
      const stored = await k.selectFrom('return_rows').select(['id', 'source_row']).where('submission_id', '=', submissionId).execute();
      const rowIdOf = new Map(stored.map((r) => [r.source_row, r.id]));
      const warnings: Array<Insertable<ReturnsDatabase['row_warnings']>> = [];
      for (const row of input.rows) {
        for (const w of rowWarnings.get(row.rowNumber) ?? []) {
          warnings.push({ row_id: rowIdOf.get(row.rowNumber)!, code: w.code, column_name: w.column, reads_json: JSON.stringify(w.reads), message: w.message, public_message: w.publicMessage });
        }
      }
      for (let i = 0; i < warnings.length; i += WARNINGS_PER_INSERT) {
        await k.insertInto('row_warnings').values(warnings.slice(i, i + WARNINGS_PER_INSERT)).execute();
      }
    }
    // One statement points every key the file carries at its new version. ("WHERE true" lets
    // SQLite parse an upsert on INSERT … SELECT.)
    await k
      .insertInto('current_rows')
      .columns(['return_type', 'area_code', 'period', 'subkey', 'row_id'])
      .expression((eb) =>
        eb.selectFrom('return_rows').select(['return_type', 'area_code', 'period', 'subkey', 'id']).where('submission_id', '=', submissionId).where(sql<boolean>`true`),
      )
      .onConflict((oc) => oc.columns(['return_type', 'area_code', 'period', 'subkey']).doUpdateSet({ row_id: (eb) => eb.ref('excluded.row_id') }))
      .execute();
    await input.afterStore?.(submissionId);
    return { id: submissionId, planned };
  });

  return {
    id,
    returnType: input.returnType,
    receivedAt,
    submittedBy: { kind: input.actor.kind, id: input.actor.id, name: input.actor.name },
    fileName: input.fileName,
    fileFormat: input.fileFormat,
    fileSha256: sha,
    rows: input.rows.length,
    periods,
    areas,
    warnings: input.warnings,
    changes: planned.changes,
    clears: planned.clears,
  };
}

function toSubmission(row: ReturnsSubmissionRow): Submission {
  return {
    id: row.id,
    returnType: row.return_type,
    receivedAt: row.received_at,
    submittedBy: { kind: row.actor_kind, id: row.actor_id, name: row.actor_name },
    fileName: row.file_name,
    fileFormat: row.file_format,
    fileSha256: row.file_sha256,
    rows: row.row_count,
    periods: JSON.parse(row.periods_json),
    areas: JSON.parse(row.areas_json),
    warnings: JSON.parse(row.warnings_json),
  };
}

/** No organisation has this id, so a scope of it matches nothing. */
const NO_ORGANISATION = -1;

/**
 * Whose submissions an actor may read with their figures (DOMAIN.md 8): analysts and
 * administrators every one (undefined); anyone else, a partner user or API token, only those
 * their organisation sent, and someone without an organisation none.
 */
export function organisationScopeOf(actor: Actor): number | undefined {
  if (actor.role === 'admin' || actor.role === 'analyst') return undefined;
  return actor.organisationId ?? NO_ORGANISATION;
}

export interface SubmissionFilter {
  returnType?: string;
  area?: string;
  period?: string;
  /** A partner's scope (see sentByWithinGrants). */
  organisationScope?: number;
  limit: number;
  offset: number;
}

/**
 * A partner's submissions: those their organisation sent (DOMAIN.md 8), and of those only the
 * ones its grants still cover row by row, since a grant is what lets an organisation send and
 * see a return type for an area.
 */
function sentByWithinGrants(organisationId: number) {
  return sql<boolean>`submissions.organisation_id = ${organisationId} AND NOT EXISTS (
    SELECT 1 FROM return_rows r WHERE r.submission_id = submissions.id AND NOT EXISTS (
      SELECT 1 FROM grants g WHERE g.organisation_id = ${organisationId} AND g.return_type = r.return_type AND g.area_code = r.area_code))`;
}

export async function listSubmissions(db: Db, filter: SubmissionFilter): Promise<{ total: number; items: Submission[] }> {
  let query = returnsDb(db).selectFrom('submissions');
  if (filter.returnType) query = query.where('return_type', '=', filter.returnType);
  if (filter.organisationScope !== undefined) query = query.where(sentByWithinGrants(filter.organisationScope));
  // Areas and periods are filtered through the rows the submission stored, not its JSON summary.
  // The rows are found first, by return_rows_by_area_period, and their submissions looked up by
  // id: a cost that follows the matching rows, where a correlated EXISTS probed once per
  // submission ever stored (tested by EXPLAIN QUERY PLAN in store-plans.test.ts).
  if (filter.area || filter.period) {
    query = query.where('submissions.id', 'in', ({ selectFrom }) => {
      let rows = selectFrom('return_rows').select('return_rows.submission_id');
      if (filter.area) rows = rows.where('return_rows.area_code', '=', filter.area);
      if (filter.period) rows = rows.where('return_rows.period', '=', filter.period);
      return rows;
    });
  }
  const total = await query.select(({ fn }) => fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await query.selectAll().orderBy('id', 'desc').limit(filter.limit).offset(filter.offset).execute();
  return { total: Number(total.n), items: rows.map(toSubmission) };
}

/** One submission with every row it stored; with a partner's scope, only one of theirs. */
export async function getSubmission(db: Db, id: number, organisationScope?: number) {
  let query = returnsDb(db).selectFrom('submissions').selectAll().where('id', '=', id);
  if (organisationScope !== undefined) query = query.where(sentByWithinGrants(organisationScope));
  const row = await query.executeTakeFirst();
  if (!row) return null;
  const stored = await db.kysely
    .selectFrom('return_rows as r')
    .leftJoin('current_rows as c', 'c.row_id', 'r.id')
    .select(['r.area_code', 'r.period', 'r.subkey', 'r.source_row', 'r.values_json', 'r.notes', 'c.row_id as current_id'])
    .where('r.submission_id', '=', id)
    .orderBy('r.source_row')
    .execute();
  return {
    ...toSubmission(row),
    rowsStored: stored.map((r) => ({
      areaCode: r.area_code,
      period: r.period,
      subkey: r.subkey,
      sourceRow: r.source_row,
      values: JSON.parse(r.values_json) as Record<string, Value>,
      notes: r.notes,
      current: r.current_id !== null,
    })),
  };
}

export interface RowKeyFilter {
  returnType: string;
  areaCode: string;
  period: string;
  subkey: string;
}

export interface ColumnChange {
  column: string;
  from: Value;
  to: Value;
}

/** The columns whose value differs between two versions of a row (a blank is null either way). */
function changesBetween(previous: Record<string, Value>, values: Record<string, Value>): ColumnChange[] {
  return Object.keys({ ...previous, ...values })
    .filter((column) => (previous[column] ?? null) !== (values[column] ?? null))
    .map((column) => ({ column, from: previous[column] ?? null, to: values[column] ?? null }));
}

export interface RowRevision {
  period: string;
  subkey: string;
  submissionId: number;
  receivedAt: string;
  submittedBy: { kind: string; id: string; name: string };
  changed: ColumnChange[];
  /** Warnings found on this version at upload: the sender's sentence, the figure-free one, and the columns the rule reads. */
  warnings: Array<{ reads: string[]; message: string; publicMessage: string }>;
}

/** The warnings stored with each of some row versions, by row id. */
async function warningsOfRows(db: Db, rowIds: readonly number[]): Promise<Map<number, RowRevision['warnings']>> {
  const byRow = new Map<number, RowRevision['warnings']>();
  if (rowIds.length === 0) return byRow;
  const rows = await returnsDb(db)
    .selectFrom('row_warnings')
    .select(['row_id', 'reads_json', 'message', 'public_message'])
    .where('row_id', 'in', [...rowIds])
    .orderBy('id')
    .execute();
  for (const w of rows) {
    const list = byRow.get(w.row_id) ?? [];
    list.push({ reads: JSON.parse(w.reads_json) as string[], message: w.message, publicMessage: w.public_message });
    byRow.set(w.row_id, list);
  }
  return byRow;
}

/**
 * Every revision (each version after the first) of one area's rows of a return over some
 * quarters, oldest first within each key: what an indicator page lists under its figures.
 */
export async function revisionsOfArea(db: Db, returnType: string, areaCode: string, periods: readonly string[]): Promise<RowRevision[]> {
  if (periods.length === 0) return [];
  const versions = await db.kysely
    .selectFrom('return_rows as r')
    .innerJoin('submissions as s', 's.id', 'r.submission_id')
    .select(['r.id', 'r.period', 'r.subkey', 'r.submission_id', 's.received_at', 's.actor_kind', 's.actor_id', 's.actor_name', 'r.values_json'])
    .where('r.return_type', '=', returnType)
    .where('r.area_code', '=', areaCode)
    .where('r.period', 'in', periods)
    .orderBy('r.period')
    .orderBy('r.subkey')
    .orderBy('r.id')
    .execute();
  const warnings = await warningsOfRows(db, versions.map((v) => v.id));
  const revisions: RowRevision[] = [];
  // Rows come ordered by key, then oldest first: a row with the same key as the one before is a revision of it.
  let previousKey: string | null = null;
  let previousValues: Record<string, Value> = {};
  for (const v of versions) {
    const key = `${v.period}\u0000${v.subkey}`;
    const values = JSON.parse(v.values_json) as Record<string, Value>;
    if (key === previousKey) {
      revisions.push({
        period: v.period,
        subkey: v.subkey,
        submissionId: v.submission_id,
        receivedAt: v.received_at,
        submittedBy: { kind: v.actor_kind, id: v.actor_id, name: v.actor_name },
        changed: changesBetween(previousValues, values),
        warnings: warnings.get(v.id) ?? [],
      });
    }
    previousKey = key;
    previousValues = values;
  }
  return revisions;
}

/**
 * Every version of one key, oldest first, each with what it changed from the one before. With an
 * organisation scope (a partner's), only the versions that organisation sent, each compared with
 * its previous one: another organisation's figures are neither listed nor quoted as a "from".
 */
export async function revisionHistory(db: Db, key: RowKeyFilter, organisationScope?: number) {
  let query = returnsDb(db)
    .selectFrom('return_rows as r')
    .innerJoin('submissions as s', 's.id', 'r.submission_id')
    .leftJoin('current_rows as c', 'c.row_id', 'r.id')
    .select(['r.submission_id', 's.received_at', 's.actor_kind', 's.actor_id', 's.actor_name', 'r.source_row', 'r.values_json', 'r.notes', 'c.row_id as current_id'])
    .where('r.return_type', '=', key.returnType)
    .where('r.area_code', '=', key.areaCode)
    .where('r.period', '=', key.period)
    .where('r.subkey', '=', key.subkey);
  if (organisationScope !== undefined) query = query.where('s.organisation_id', '=', organisationScope);
  const versions = await query.orderBy('r.id').execute();
  let previous: Record<string, Value> | null = null;
  return versions.map((v) => {
    const values = JSON.parse(v.values_json) as Record<string, Value>;
    const changed = previous ? changesBetween(previous, values) : [];
    previous = values;
    return {
      submissionId: v.submission_id,
      receivedAt: v.received_at,
      submittedBy: { kind: v.actor_kind, id: v.actor_id, name: v.actor_name },
      sourceRow: v.source_row,
      values,
      notes: v.notes,
      current: v.current_id !== null,
      changed,
    };
  });
}
