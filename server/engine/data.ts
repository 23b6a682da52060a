// The engine's only access to the database: the figures currently in use (current_rows →
// return_rows), held in memory as an index and brought up to date lazily when the data changes.
//
// Why in memory: an area summary reads about thirty indicators × (area, benchmark's children,
// five trend points) × quarters, i.e. thousands of small lookups; a Map lookup is ~100 ns, a
// SQLite query ~10 µs. The whole national data set (300 authorities × 8 years × 5 returns,
// about 70,000 rows) fits in a few tens of megabytes.
//
// Why max(submissions.id) as the version: every change to the figures is a new submission
// (store.ts never updates or deletes one), so the largest id changes exactly when the data
// does, including writes made by another process on the same file. Reading it is one b-tree
// seek, cheap enough to do on every request.
import type BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteAdapter, SqliteIntrospector, SqliteQueryCompiler, DummyDriver } from 'kysely';
import { parsePeriodId } from '../../schemas/periods';
import type { ReturnsDatabase } from '../returns/tables';
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
  /** The data version this index was built from (largest submission id, 0 when empty). */
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

const CURRENT_ROWS = `SELECT r.return_type, r.area_code, r.period, r.subkey, r.values_json
  FROM current_rows c JOIN return_rows r ON r.id = c.row_id`;

/** The current rows stored by submissions after a given one: found by submission, then by key. */
const CURRENT_ROWS_SINCE = `SELECT r.return_type, r.area_code, r.period, r.subkey, r.values_json
  FROM return_rows r JOIN current_rows c
    ON c.return_type = r.return_type AND c.area_code = r.area_code AND c.period = r.period AND c.subkey = r.subkey
  WHERE r.submission_id > ? AND c.row_id = r.id`;

/** Puts current rows into the index, replacing what it held for the same keys. */
function addRows(index: MutableIndex, rows: Iterable<[string, string, string, string, string]>) {
  for (const [type, area, period, subkey, json] of rows) {
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

type RawRow = [string, string, string, string, string];

/**
 * Kysely only to write the warnings query (the engine reads synchronously, inside the
 * transaction that reads the rows, so it runs the compiled SQL on the better-sqlite3 handle).
 */
const queryBuilder = new Kysely<ReturnsDatabase>({
  dialect: {
    createAdapter: () => new SqliteAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (db) => new SqliteIntrospector(db),
    createQueryCompiler: () => new SqliteQueryCompiler(),
  },
});

/** The warnings on the rows in use; with a submission id, only those of rows stored after it. */
function currentWarningsQuery(since: number | null) {
  let query = queryBuilder
    .selectFrom('current_rows as c')
    .innerJoin('return_rows as r', 'r.id', 'c.row_id')
    .innerJoin('row_warnings as w', 'w.row_id', 'c.row_id')
    .select(['c.return_type', 'c.area_code', 'c.period', 'c.subkey', 'w.code', 'w.column_name', 'w.reads_json', 'w.message', 'w.public_message'])
    .orderBy('w.id');
  if (since !== null) query = query.where('r.submission_id', '>', since);
  return query.compile();
}

interface WarningRow {
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
function clearWarnings(index: MutableIndex, rows: readonly RawRow[]) {
  for (const [type, area, period, subkey] of rows) {
    const list = index.warnings.get(type)?.get(area)?.get(period);
    if (!list) continue;
    const kept = list.filter((w) => w.subkey !== subkey);
    if (kept.length > 0) index.warnings.get(type)!.get(area)!.set(period, kept);
    else index.warnings.get(type)!.get(area)!.delete(period);
  }
}

function readWarnings(sqlite: BetterSqlite3.Database, since: number | null): WarningRow[] {
  const query = currentWarningsQuery(since);
  return sqlite.prepare(query.sql).all(...(query.parameters as unknown[])) as WarningRow[];
}

function readVersion(sqlite: BetterSqlite3.Database): number {
  return sqlite.prepare('SELECT coalesce(max(id), 0) FROM submissions').pluck().get() as number;
}

/** Reads every current row into a new index. */
export function buildIndex(sqlite: BetterSqlite3.Database): FigureIndex {
  const index: MutableIndex = { version: readVersion(sqlite), returns: new Map(), population: new Map(), imported: new Map(), quarterSpan: new Map(), warnings: new Map() };
  addRows(index, sqlite.prepare(CURRENT_ROWS).raw().iterate() as IterableIterator<RawRow>);
  addWarnings(index, readWarnings(sqlite, null));
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
 * store never points a key back at an older row), so an update reads just those rows; a full
 * build happens once, at the first look (IndicatorEngine.warm() makes that the app's start).
 * The version and the rows are read in one transaction, so the index never mixes two states.
 */
export class CurrentFigures {
  private index: MutableIndex | null = null;
  private versionQuery: BetterSqlite3.Statement | null = null;

  constructor(private readonly sqlite: BetterSqlite3.Database) {}

  snapshot(): FigureIndex {
    return this.update().index;
  }

  /** The index as it is now, and which rows changed since the previous call. */
  update(): FiguresUpdate {
    this.versionQuery ??= this.sqlite.prepare('SELECT coalesce(max(id), 0) FROM submissions').pluck();
    const version = this.versionQuery.get() as number;
    const index = this.index;
    if (index && index.version === version) return { index, changed: [] };
    let changed: RowKey[] | 'rebuilt' = 'rebuilt';
    this.sqlite.transaction(() => {
      if (index && version > index.version) {
        const newer = this.sqlite.prepare(CURRENT_ROWS_SINCE).raw().all(index.version) as RawRow[];
        addRows(index, newer);
        clearWarnings(index, newer);
        addWarnings(index, readWarnings(this.sqlite, index.version));
        // A new object for each version (the rows in it are updated in place).
        this.index = { ...index, version: readVersion(this.sqlite) };
        changed = newer.map(([returnType, area, period, subkey]) => ({ returnType, area, period, subkey }));
      } else {
        this.index = buildIndex(this.sqlite) as MutableIndex;
      }
    })();
    return { index: this.index!, changed };
  }
}
