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

/** One stored row's figures by column; null is a blank cell ("not collected"). */
export type Figures = Readonly<Record<string, number | null>>;

/** A published comparator value loaded by an analyst (DOMAIN.md 5.6). */
export interface ImportedFigure {
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  source: string | null;
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
}

const POPULATION = 'population';
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
      // Quarter ids sort as text in time order ('2019-20Q4' < '2020-21Q1').
      const span = index.quarterSpan.get(type);
      if (!span) index.quarterSpan.set(type, { first: period, last: period });
      else {
        if (period < span.first) span.first = period;
        if (period > span.last) span.last = period;
      }
    }
  }
}

type RawRow = [string, string, string, string, string];

function readVersion(sqlite: BetterSqlite3.Database): number {
  return sqlite.prepare('SELECT coalesce(max(id), 0) FROM submissions').pluck().get() as number;
}

/** Reads every current row into a new index. */
export function buildIndex(sqlite: BetterSqlite3.Database): FigureIndex {
  const index: MutableIndex = { version: readVersion(sqlite), returns: new Map(), population: new Map(), imported: new Map(), quarterSpan: new Map() };
  addRows(index, sqlite.prepare(CURRENT_ROWS).raw().iterate() as IterableIterator<RawRow>);
  return index;
}

/**
 * The current figures, brought up to date only when a submission has been stored since the last
 * look. A new submission's rows are the only ones whose current pointers can have moved (the
 * store never points a key back at an older row), so an update reads just those rows; a full
 * build happens once, at the first request. The version and the rows are read in one
 * transaction, so the index never mixes two states.
 */
export class CurrentFigures {
  private index: MutableIndex | null = null;
  private versionQuery: BetterSqlite3.Statement | null = null;

  constructor(private readonly sqlite: BetterSqlite3.Database) {}

  snapshot(): FigureIndex {
    this.versionQuery ??= this.sqlite.prepare('SELECT coalesce(max(id), 0) FROM submissions').pluck();
    const version = this.versionQuery.get() as number;
    const index = this.index;
    if (index && index.version === version) return index;
    this.sqlite.transaction(() => {
      if (index && version > index.version) {
        const newer = this.sqlite.prepare(CURRENT_ROWS_SINCE).raw().iterate(index.version) as IterableIterator<RawRow>;
        addRows(index, newer);
        // A new object, so that anything keyed by the index (the engine's caches) starts afresh.
        this.index = { ...index, version: readVersion(this.sqlite) };
      } else {
        this.index = buildIndex(this.sqlite) as MutableIndex;
      }
    })();
    return this.index!;
  }
}
