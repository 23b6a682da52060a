// The engine's only access to the database: the figures currently in use (current_rows →
// return_rows), held in memory as an index and brought up to date lazily when the data changes.
//
// Why in memory: an area summary reads about thirty indicators × (area, benchmark's children,
// five trend points) × quarters, i.e. thousands of small lookups; a Map lookup is ~100 ns, a
// SQLite query ~10 µs. The whole national data set (300 authorities × 8 years × 5 returns,
// about 70,000 rows) fits in a few tens of megabytes.
//
// Why the figures data version (migrations/070_data_version.sql): every change to the figures is
// a new submission (store.ts never updates or deletes one), and each takes the next version in its
// own transaction, so the version moves exactly when the figures do, including writes made by
// another process or instance on the same database. Reading it is one primary-key lookup, cheap
// enough to do on every request. (Not max(submissions.id): on PostgreSQL an id is taken at
// insert, not at commit, so a slow upload could commit below an id already seen.)
import { parsePeriodId } from '../../schemas/periods';
import type { Db } from '../db/database';
import { FIGURES_VERSION, returnsDb } from '../returns/tables';
import type { RowKey } from './invalidation';

/** One stored row's figures by column; null is a blank cell ("not collected"). */
export type Figures = Readonly<Record<string, number | null>>;

/** A published comparator value loaded by an analyst (DOMAIN.md 5.6). */
export interface ImportedFigure {
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  source: string | null;
}

/** A warning found on a stored row at upload (DOMAIN.md 5.7: warnings travel with the figures). */
export interface StoredWarning {
  subkey: string;
  code: string;
  column: string;
  /** The columns the rule reads: the warning belongs to any figure built from one of them. */
  reads: readonly string[];
  /** The sender's sentence, which may quote figures: for the unsuppressed view only. */
  message: string;
  /** The same warning without figures, for the suppressed view. */
  publicMessage: string;
}

export interface FigureIndex {
  /** The figures data version this index was built from (0 before any submission). */
  version: number;
  /** Return type → area → quarter → subkey (accommodation type, or '') → figures. */
  returns: ReadonlyMap<string, ReadonlyMap<string, ReadonlyMap<string, ReadonlyMap<string, Figures>>>>;
  /** Area → mid-year (e.g. '2019') → population figures. */
  population: ReadonlyMap<string, ReadonlyMap<string, Figures>>;
  /** Indicator → area → period → imported value. */
  imported: ReadonlyMap<string, ReadonlyMap<string, ReadonlyMap<string, ImportedFigure>>>;
  /** Return type → first and last quarter with any row, for series defaults. */
  quarterSpan: ReadonlyMap<string, { first: string; last: string }>;
  /** Return type → area → quarter → the warnings on the rows in use. */
  warnings: ReadonlyMap<string, ReadonlyMap<string, ReadonlyMap<string, readonly StoredWarning[]>>>;
}

const POPULATION = 'population';
/** '2019-20': the id of a financial year, the period of a yearly return's rows. */
const FINANCIAL_YEAR_ID_LENGTH = 7;
const BENCHMARK = 'benchmark';

function child<T>(map: Map<string, T>, key: string, make: () => T): T {
  let value = map.get(key);
  if (value === undefined) {
    value = make();
    map.set(key, value);
  }
  return value;
}

function asNumber(v: unknown): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

interface MutableIndex {
  version: number;
  returns: Map<string, Map<string, Map<string, Map<string, Figures>>>>;
  population: Map<string, Map<string, Figures>>;
  imported: Map<string, Map<string, Map<string, ImportedFigure>>>;
  quarterSpan: Map<string, { first: string; last: string }>;
  warnings: Map<string, Map<string, Map<string, StoredWarning[]>>>;
}

/** Puts current rows into the index, replacing what it held for the same keys. */
function addRows(index: MutableIndex, rows: Iterable<StoredRow>) {
  for (const { return_type: type, area_code: area, period, subkey, values_json: json } of rows) {
    // Return rows hold only figures (numbers or null); a benchmark row also has its source text.
    const values = JSON.parse(json) as Record<string, number | string | null>;
    if (type === POPULATION) {
      child(index.population, area, () => new Map()).set(period, values as Figures);
    } else if (type === BENCHMARK) {
      const byArea = child(index.imported, subkey, () => new Map());
      child(byArea, area, () => new Map()).set(period, {
        numerator: asNumber(values.numerator),
        denominator: asNumber(values.denominator),
        value: asNumber(values.value),
        source: typeof values.source === 'string' ? values.source : null,
      });
    } else {
      const byArea = child(index.returns, type, () => new Map());
      const byPeriod = child(byArea, area, () => new Map());
      child(byPeriod, period, () => new Map()).set(subkey, values as Figures);
      // Quarter ids sort as text in time order ('2019-20Q4' < '2020-21Q1'). A yearly return's
      // row (a financial year, '2019-20') spans that year's quarters.
      const quarters = period.length === FINANCIAL_YEAR_ID_LENGTH ? (parsePeriodId(period)?.quarters ?? [period]) : [period];
      const first = quarters[0];
      const last = quarters[quarters.length - 1];
      const span = index.quarterSpan.get(type);
      if (!span) index.quarterSpan.set(type, { first, last });
      else {
        if (first < span.first) span.first = first;
        if (last > span.last) span.last = last;
      }
    }
  }
}

export interface StoredRow {
  return_type: string;
  area_code: string;
  period: string;
  subkey: string;
  values_json: string;
}

/**
 * The submissions stored after a version. Filtering rows by `submission_id IN (this)` makes the
 * plan start from these few submissions (submissions_by_data_version, then
 * return_rows_by_submission); a join on submissions let SQLite scan every current row instead.
 */
function submissionsAfter(db: Db, version: number) {
  return returnsDb(db).selectFrom('submissions').select('id').where('data_version', '>', version);
}

/** Every current row, or with a version those stored by submissions newer than it: found by submission, then by key. */
export function readRows(db: Db, since: number | null): Promise<StoredRow[]> {
  if (since === null) {
    return returnsDb(db)
      .selectFrom('current_rows as c')
      .innerJoin('return_rows as r', 'r.id', 'c.row_id')
      .select(['r.return_type', 'r.area_code', 'r.period', 'r.subkey', 'r.values_json'])
      .execute();
  }
  return returnsDb(db)
    .selectFrom('return_rows as r')
    .innerJoin('current_rows as c', (join) =>
      join.onRef('c.return_type', '=', 'r.return_type').onRef('c.area_code', '=', 'r.area_code').onRef('c.period', '=', 'r.period').onRef('c.subkey', '=', 'r.subkey'),
    )
    .select(['r.return_type', 'r.area_code', 'r.period', 'r.subkey', 'r.values_json'])
    .where('r.submission_id', 'in', submissionsAfter(db, since))
    .whereRef('c.row_id', '=', 'r.id')
    .execute();
}

/** The warnings on the rows in use; with a version, only those of rows stored by submissions newer than it. */
export function readWarnings(db: Db, since: number | null): Promise<WarningRow[]> {
  let query = returnsDb(db)
    .selectFrom('current_rows as c')
    .innerJoin('return_rows as r', 'r.id', 'c.row_id')
    .innerJoin('row_warnings as w', 'w.row_id', 'c.row_id')
    .select(['c.return_type', 'c.area_code', 'c.period', 'c.subkey', 'w.code', 'w.column_name', 'w.reads_json', 'w.message', 'w.public_message'])
    .orderBy('w.id');
  if (since !== null) query = query.where('r.submission_id', 'in', submissionsAfter(db, since));
  return query.execute();
}

export interface WarningRow {
  return_type: string;
  area_code: string;
  period: string;
  subkey: string;
  code: string;
  column_name: string;
  reads_json: string;
  message: string;
  public_message: string;
}

/** Puts warnings into the index (after any rows they replace have had theirs cleared). */
function addWarnings(index: MutableIndex, rows: Iterable<WarningRow>) {
  for (const w of rows) {
    const byArea = child(index.warnings, w.return_type, () => new Map());
    const byQuarter = child(byArea, w.area_code, () => new Map());
    child(byQuarter, w.period, (): StoredWarning[] => []).push({
      subkey: w.subkey,
      code: w.code,
      column: w.column_name,
      reads: JSON.parse(w.reads_json) as string[],
      message: w.message,
      publicMessage: w.public_message,
    });
  }
}

/** A new version of a row replaces its warnings: clears those of the keys the new rows carry. */
function clearWarnings(index: MutableIndex, rows: readonly StoredRow[]) {
  for (const { return_type: type, area_code: area, period, subkey } of rows) {
    const list = index.warnings.get(type)?.get(area)?.get(period);
    if (!list) continue;
    const kept = list.filter((w) => w.subkey !== subkey);
    if (kept.length > 0) index.warnings.get(type)!.get(area)!.set(period, kept);
    else index.warnings.get(type)!.get(area)!.delete(period);
  }
}

/** The figures data version: taken by every stored submission, in its transaction. */
export async function readFiguresVersion(db: Db): Promise<number> {
  const row = await returnsDb(db).selectFrom('data_versions').select('version').where('name', '=', FIGURES_VERSION).executeTakeFirst();
  return Number(row?.version ?? 0);
}

/**
 * Reads, in one transaction, the figures version and what was stored since `since` (everything
 * when null). The version is read first: under PostgreSQL's READ COMMITTED each statement sees
 * the latest commits, so rows may be newer than the version read, never older. Newer rows are
 * read again at the next look, which puts the same current rows in place, so an index is never
 * behind the version it names.
 */
function readSince(db: Db, since: number | null) {
  return db.transaction(async () => {
    const version = await readFiguresVersion(db);
    const rows = await readRows(db, since);
    const warnings = await readWarnings(db, since);
    return { version, rows, warnings };
  });
}

/** Reads every current row into a new index. */
export function buildIndex(db: Db): Promise<FigureIndex> {
  return buildMutableIndex(db);
}

async function buildMutableIndex(db: Db): Promise<MutableIndex> {
  const { version, rows, warnings } = await readSince(db, null);
  const index: MutableIndex = { version, returns: new Map(), population: new Map(), imported: new Map(), quarterSpan: new Map(), warnings: new Map() };
  addRows(index, rows);
  addWarnings(index, warnings);
  return index;
}

/**
 * What a look at the figures found: the index, and the keys of the rows that changed since the
 * previous look ('rebuilt' when the index was built afresh, so anything derived from an earlier
 * one must start again).
 */
export interface FiguresUpdate {
  index: FigureIndex;
  changed: readonly RowKey[] | 'rebuilt';
}

/**
 * The current figures, brought up to date only when a submission has been stored since the last
 * look. A new submission's rows are the only ones whose current pointers can have moved (the
 * store never points a key back at an older row), so an update reads just the rows of
 * submissions newer than the index; a full build happens once, at the first look
 * (IndicatorEngine.warm() makes that the app's start). The version and the rows are read in one
 * transaction, and the index is changed only once all of it is read, so it never mixes two states.
 *
 * One look at a time: a caller must not start a look before the previous one has ended
 * (IndicatorEngine chains them), since a look updates the index in place.
 */
export class CurrentFigures {
  private index: MutableIndex | null = null;

  constructor(private readonly db: Db) {}

  async snapshot(): Promise<FigureIndex> {
    return (await this.update()).index;
  }

  /** The index as it is now, and which rows changed since the previous call. */
  async update(): Promise<FiguresUpdate> {
    const version = await readFiguresVersion(this.db);
    const index = this.index;
    if (index && index.version === version) return { index, changed: [] };
    // A version below the index's means the database is not the one it was built from (a restore): start again.
    if (!index || version < index.version) {
      this.index = await buildMutableIndex(this.db);
      return { index: this.index, changed: 'rebuilt' };
    }
    const newer = await readSince(this.db, index.version);
    addRows(index, newer.rows);
    clearWarnings(index, newer.rows);
    addWarnings(index, newer.warnings);
    // A new object for each version (the rows in it are updated in place).
    this.index = { ...index, version: newer.version };
    return { index: this.index, changed: newer.rows.map((r) => ({ returnType: r.return_type, area: r.area_code, period: r.period, subkey: r.subkey })) };
  }
}
