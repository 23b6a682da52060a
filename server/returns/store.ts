// The returns repository: stores an accepted file atomically as a new submission and reads
// submissions and revision histories back. Row types stop here; callers get API objects.
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Problem, Submission } from '../../schemas/api';
import type { ReturnTypeId } from '../../schemas/returns/definition';
import type { Actor } from '../access/actor';
import type { Db } from '../db/database';
import type { SubmissionRow } from '../db/tables';
import type { AcceptedRow } from '../ingest/validate';

export interface NewSubmissionInput {
  returnType: ReturnTypeId;
  actor: Actor;
  fileName: string | null;
  fileFormat: 'csv' | 'xlsx';
  fileBytes: Buffer;
  rows: AcceptedRow[];
  warnings: Problem[];
  receivedAt: Date;
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

/**
 * Stores a whole file in one transaction: the submission, a new version of every row, and the
 * current pointer of each key it carries. better-sqlite3 runs the transaction synchronously, so
 * two uploads in this process cannot interleave, and SQLite's write lock orders uploads from
 * other processes; either way each file is applied whole, one after the other.
 */
export function storeSubmission(db: Db, input: NewSubmissionInput): Submission {
  const { periods, areas } = periodsAndAreas(input.rows);
  const sqlite = db.sqlite;
  const insertSubmission = sqlite.prepare(`
    INSERT INTO submissions (return_type, received_at, actor_kind, actor_id, actor_name, file_name, file_format,
      file_sha256, row_count, periods_json, areas_json, warnings_json)
    VALUES (@returnType, @receivedAt, @actorKind, @actorId, @actorName, @fileName, @fileFormat, @sha, @rowCount, @periods, @areas, @warnings)`);
  const insertRow = sqlite.prepare(`
    INSERT INTO return_rows (submission_id, return_type, area_code, period, subkey, source_row, values_json, notes)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
  // One statement points every key the file carries at its new version. ("WHERE true" lets
  // SQLite parse an upsert on INSERT … SELECT.)
  const pointCurrent = sqlite.prepare(`
    INSERT INTO current_rows (return_type, area_code, period, subkey, row_id)
    SELECT return_type, area_code, period, subkey, id FROM return_rows WHERE submission_id = ? AND true
    ON CONFLICT (return_type, area_code, period, subkey) DO UPDATE SET row_id = excluded.row_id`);

  const receivedAt = input.receivedAt.toISOString();
  const sha = createHash('sha256').update(input.fileBytes).digest('hex');
  const id = sqlite.transaction(() => {
    const submissionId = Number(
      insertSubmission.run({
        returnType: input.returnType,
        receivedAt,
        actorKind: input.actor.kind,
        actorId: input.actor.id,
        actorName: input.actor.name,
        fileName: input.fileName,
        fileFormat: input.fileFormat,
        sha,
        rowCount: input.rows.length,
        periods: JSON.stringify(periods),
        areas: JSON.stringify(areas),
        warnings: JSON.stringify(input.warnings),
      }).lastInsertRowid,
    );
    for (const row of input.rows) {
      const { areaCode, period, subkey } = row.key;
      insertRow.run(submissionId, input.returnType, areaCode, period, subkey, row.rowNumber, JSON.stringify(row.values), row.notes);
    }
    pointCurrent.run(submissionId);
    return submissionId;
  })();

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
  };
}

function toSubmission(row: SubmissionRow): Submission {
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

export interface SubmissionFilter {
  returnType?: string;
  area?: string;
  period?: string;
  /** A partner organisation sees only submissions whose every row is within its grants. */
  organisationScope?: number;
  limit: number;
  offset: number;
}

/** Submissions with no row outside the organisation's grants. */
function withinGrants(organisationId: number) {
  return sql<boolean>`NOT EXISTS (
    SELECT 1 FROM return_rows r WHERE r.submission_id = submissions.id AND NOT EXISTS (
      SELECT 1 FROM grants g WHERE g.organisation_id = ${organisationId} AND g.return_type = r.return_type AND g.area_code = r.area_code))`;
}

export async function listSubmissions(db: Db, filter: SubmissionFilter): Promise<{ total: number; items: Submission[] }> {
  let query = db.kysely.selectFrom('submissions');
  if (filter.returnType) query = query.where('return_type', '=', filter.returnType);
  if (filter.organisationScope !== undefined) query = query.where(withinGrants(filter.organisationScope));
  // Areas and periods are filtered through the rows the submission stored, not its JSON summary.
  if (filter.area || filter.period) {
    query = query.where(({ exists, selectFrom }) => {
      let rows = selectFrom('return_rows').select('return_rows.id').whereRef('return_rows.submission_id', '=', 'submissions.id');
      if (filter.area) rows = rows.where('return_rows.area_code', '=', filter.area);
      if (filter.period) rows = rows.where('return_rows.period', '=', filter.period);
      return exists(rows);
    });
  }
  const total = await query.select(({ fn }) => fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await query.selectAll().orderBy('id', 'desc').limit(filter.limit).offset(filter.offset).execute();
  return { total: Number(total.n), items: rows.map(toSubmission) };
}

export async function getSubmission(db: Db, id: number, organisationScope?: number) {
  let query = db.kysely.selectFrom('submissions').selectAll().where('id', '=', id);
  if (organisationScope !== undefined) query = query.where(withinGrants(organisationScope));
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
}

/**
 * Every revision (each version after the first) of one area's rows of a return over some
 * quarters, oldest first within each key: what an indicator page lists under its figures.
 */
export function revisionsOfArea(db: Db, returnType: string, areaCode: string, periods: readonly string[]): RowRevision[] {
  if (periods.length === 0) return [];
  const versions = db.sqlite
    .prepare(
      `SELECT r.period, r.subkey, r.submission_id, s.received_at, s.actor_kind, s.actor_id, s.actor_name, r.values_json
       FROM return_rows r JOIN submissions s ON s.id = r.submission_id
       WHERE r.return_type = ? AND r.area_code = ? AND r.period IN (${periods.map(() => '?').join(', ')})
       ORDER BY r.period, r.subkey, r.id`,
    )
    .all(returnType, areaCode, ...periods) as Array<{
    period: string;
    subkey: string;
    submission_id: number;
    received_at: string;
    actor_kind: string;
    actor_id: string;
    actor_name: string;
    values_json: string;
  }>;
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
      });
    }
    previousKey = key;
    previousValues = values;
  }
  return revisions;
}

/** Every version of one key, oldest first, each with what it changed from the one before. */
export async function revisionHistory(db: Db, key: RowKeyFilter) {
  const versions = await db.kysely
    .selectFrom('return_rows as r')
    .innerJoin('submissions as s', 's.id', 'r.submission_id')
    .leftJoin('current_rows as c', 'c.row_id', 'r.id')
    .select(['r.submission_id', 's.received_at', 's.actor_kind', 's.actor_id', 's.actor_name', 'r.source_row', 'r.values_json', 'r.notes', 'c.row_id as current_id'])
    .where('r.return_type', '=', key.returnType)
    .where('r.area_code', '=', key.areaCode)
    .where('r.period', '=', key.period)
    .where('r.subkey', '=', key.subkey)
    .orderBy('r.id')
    .execute();
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
