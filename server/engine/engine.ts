// The indicator engine's entry point: one per app, holding the current figures, the area
// register and the disclosure threshold. Each request opens a session in the view its user may
// see; a session adds up, discloses and compares. What sessions work out is shared by every
// request in the same view, and kept across submissions except for what they changed
// (invalidation.ts), within a bounded memory budget (memo.ts).
import type { Db } from '../db/database';
import { isCount, type IndicatorDefinition } from '../../schemas/indicators';
import type { Period } from '../../schemas/periods';
import { AggregateCache, Aggregator } from './aggregate';
import { chooseBenchmark, compareWithBenchmarkValue, missingBenchmarkNote, compareWithIndicatorReference, type BenchmarkComparison, type ConfidenceLevelId, type ReferenceResult } from './benchmark';
import { IndicatorCatalogue } from './catalogue';
import { CurrentFigures, type FigureIndex } from './data';
import { DEFAULT_DISCLOSURE_THRESHOLD, disclose, type DisclosurePolicy, type DisclosureView, type PublishedValue } from './disclosure';
import { FigureChange, indicatorSources, StaleTests } from './invalidation';
import { CacheBudget, Memo3 } from './memo';
import { SHIPPED_REGISTER, type AreaRegister } from './register';
import { comparablePeriods, trendOf, type TrendResult } from './trend';
import { warningsBehind } from './warnings';
import { inSentence } from '../../schemas/returns/words';

export interface EngineOptions {
  /** The area hierarchy; the shipped register unless a test or the benchmark brings its own. */
  register?: AreaRegister;
  /** Counts from 1 to threshold − 1 are suppressed in the suppressed view. */
  disclosureThreshold?: number;
  /** Results remembered by the engine, both views together, before the least recently used are forgotten. */
  maxCachedEntries?: number;
}

export interface ValueWithBenchmark extends PublishedValue {
  benchmark: BenchmarkComparison | null;
}

function keyOf(indicator: IndicatorDefinition, accommodationType: string | null): string {
  return accommodationType === null ? indicator.id : `${indicator.id}:${accommodationType}`;
}

export interface ValueOptions {
  accommodationType?: string | null;
  /** The benchmark area, or null for none. */
  benchmark: string | null;
  level: ConfidenceLevelId;
}

/**
 * Results the engine remembers, both views together, before it forgets the least recently used.
 * Sized for the national working set: every one of 300 authorities' summaries over the twelve
 * usual periods, in one view, is 1.22 million entries (tallies 557,000, values 512,000, trends
 * 148,000), with room for the other view's recent results. Measured by
 * `node --expose-gc --import tsx bench/cache-measure.ts`: about 300 bytes of heap an
 * entry, value included, so about 430 MB at this cap. A smaller deployment never fills it; a
 * host short of memory sets `maxCachedEntries` lower and pays in recomputation.
 */
export const DEFAULT_MAX_CACHED_ENTRIES = 1_500_000;

/**
 * Cells (an indicator's numerator and denominator before disclosure) kept per view, apart from
 * the budget above. A cell is read for the value made from it, which is kept instead, and by an
 * imported parent's disclosure check over its children's and quarters' cells; a window of
 * recent cells serves both. Keeping every cell would add 40% to the working set for nothing.
 */
const CELLS_KEPT = 20_000;

/** What the engine's caches hold and have done, for tests and measurement. */
export interface CacheStats {
  /** Entries on the engine's budget: tallies, values and trends of both views. */
  entries: number;
  capacity: number;
  /** Forgotten because the budget was full. */
  evictions: number;
  /** Dropped because a submission changed the figures they were computed from. */
  invalidated: number;
}

/**
 * A count (reviews published, professionals trained) against a larger area's count says nothing
 * about either: the benchmark's figure is shown beside it, and not judged.
 */
function countNotCompared(benchmark: PublishedValue, level: ConfidenceLevelId): BenchmarkComparison {
  return {
    area: benchmark.area,
    value: benchmark.status === 'ok' ? benchmark.value : null,
    status: benchmark.status,
    level,
    significance: 'not-compared',
    assessment: 'not-compared',
    note: 'Not compared: this is a count, and areas of different sizes have different counts. Compare rates, or this count over time.',
  };
}

/**
 * A partnership's own measure has a benchmark only where every area of the comparator reports the
 * same measure; otherwise it says so rather than "incomplete".
 */
function noLocalBenchmark(register: AreaRegister, area: string): string {
  return `No benchmark: this is the partnership's own measure, and not every area in ${register.find(area)?.name ?? area} reports it.`;
}

export class IndicatorEngine {
  readonly register: AreaRegister;
  readonly threshold: number;
  /** The shipped indicators and the partnerships' own measures, which are added while the app runs. */
  readonly catalogue = new IndicatorCatalogue();
  private readonly figures: CurrentFigures;
  private readonly budget: CacheBudget;
  private readonly caches = new Map<DisclosureView, SharedResults>();
  private invalidated = 0;
  /** The latest look at the figures: each look starts after the one before it has ended. */
  private looking: Promise<unknown> = Promise.resolve();

  constructor(db: Db, options: EngineOptions = {}) {
    this.register = options.register ?? SHIPPED_REGISTER;
    this.threshold = options.disclosureThreshold ?? DEFAULT_DISCLOSURE_THRESHOLD;
    this.budget = new CacheBudget(options.maxCachedEntries ?? DEFAULT_MAX_CACHED_ENTRIES);
    this.figures = new CurrentFigures(db);
  }

  /**
   * Builds the figure index now (a few hundred ms at national scale) rather than in the first
   * request: call it once the app is ready. Later looks only read what was stored since.
   */
  async warm(): Promise<void> {
    await this.current();
  }

  /**
   * A session over the data as it is now, in the given view. Every session looks at the figures
   * version (one small query), so an upload stored by another instance on the same database is
   * served by the next request here.
   */
  async session(view: DisclosureView): Promise<EngineSession> {
    return this.sessionOver(await this.current(), view);
  }

  /** A session in each view over the same figures (a board paper records both). */
  async sessionsInBothViews(): Promise<Record<DisclosureView, EngineSession>> {
    const index = await this.current();
    return { suppressed: this.sessionOver(index, 'suppressed'), unsuppressed: this.sessionOver(index, 'unsuppressed') };
  }

  private sessionOver(index: FigureIndex, view: DisclosureView): EngineSession {
    let shared = this.caches.get(view);
    if (!shared) this.caches.set(view, (shared = new SharedResults(this.budget)));
    const aggregator = new Aggregator({ index, register: this.register, policy: { view, threshold: this.threshold }, cache: shared.sums });
    return new EngineSession(index, aggregator, this.register, shared, this.catalogue);
  }

  stats(): CacheStats {
    return { entries: this.budget.size, capacity: this.budget.capacity, evictions: this.budget.evictions, invalidated: this.invalidated };
  }

  /** The figures as they are now, after dropping the results that the rows stored since the last look can have changed. */
  private current(): Promise<FigureIndex> {
    // A look updates the index and the caches in place, so looks take turns. Each request still
    // makes its own look (after any under way), so it sees every upload committed before it began.
    const look = this.looking.then(() => this.look());
    this.looking = look.catch(() => undefined);
    return look;
  }

  private async look(): Promise<FigureIndex> {
    const { index, changed } = await this.figures.update();
    if (changed === 'rebuilt') {
      for (const shared of this.caches.values()) shared.clear();
    } else if (changed.length > 0) {
      const change = new FigureChange(changed, this.register);
      const tests = { value: new StaleTests(change, 'value'), trend: new StaleTests(change, 'trend') };
      for (const shared of this.caches.values()) this.invalidated += shared.invalidate(tests);
    }
    return index;
  }
}

/**
 * Everything worked out in one view, shared by the requests. All of it is a pure function of the
 * figures and the policy; a submission drops what it can have changed (invalidation.ts).
 */
class SharedResults {
  readonly sums: AggregateCache;
  readonly values: Memo3<PublishedValue>;
  readonly trends: Memo3<TrendResult>;

  constructor(budget: CacheBudget) {
    this.sums = new AggregateCache(budget, new CacheBudget(CELLS_KEPT));
    this.values = new Memo3<PublishedValue>(budget);
    this.trends = new Memo3<TrendResult>(budget);
  }

  /** Drops the stale entries; returns how many. */
  invalidate(tests: { value: StaleTests; trend: StaleTests }): number {
    const asValue = (sources: readonly string[] | undefined) => tests.value.for(sources);
    return this.sums.tallies.drop(asValue) + this.sums.cells.drop(asValue) + this.values.drop(asValue) + this.trends.drop((sources) => tests.trend.for(sources));
  }

  clear(): void {
    this.sums.tallies.clear();
    this.sums.cells.clear();
    this.values.clear();
    this.trends.clear();
  }
}

export class EngineSession {
  constructor(
    private readonly index: FigureIndex,
    private readonly aggregator: Aggregator,
    readonly register: AreaRegister,
    private readonly shared: SharedResults,
    readonly catalogue: IndicatorCatalogue = new IndicatorCatalogue(),
  ) {}

  get quarterSpan(): ReadonlyMap<string, { first: string; last: string }> {
    return this.index.quarterSpan;
  }

  get policy(): DisclosurePolicy {
    return this.aggregator.policy;
  }

  period(id: string): Period {
    return this.aggregator.period(id);
  }

  chooseBenchmark(area: string, requested: string | undefined) {
    return chooseBenchmark(this.register, area, requested);
  }

  /** An indicator's value for one area and period, after disclosure control, with the warnings behind a shown one. */
  value(indicator: IndicatorDefinition, area: string, period: string, accommodationType: string | null = null): PublishedValue {
    // A partnership's own measure reads only its own rows of the local-measure return.
    accommodationType = indicator.subkey ?? accommodationType;
    const key = keyOf(indicator, accommodationType);
    return this.shared.values.get(key, area, period, () => {
      this.shared.values.declare(key, () => indicatorSources(indicator));
      const disclosed = disclose(this.aggregator.cell(indicator, area, period, accommodationType), indicator.ci, indicator.multiplier, this.policy);
      // A count has no denominator to show (the engine divides it by 1).
      const value = isCount(indicator) ? { ...disclosed, denominator: null } : disclosed;
      // A hidden value carries no warning: "charges were more than crimes" would narrow a hidden count.
      if (value.status !== 'ok' || value.source === 'imported') return value;
      return { ...value, warnings: warningsBehind(this.index, this.register, indicator, area, this.period(period), accommodationType, this.policy.view) };
    });
  }

  /** The value with its comparison against a benchmark area (same indicator and period). */
  valueWithBenchmark(indicator: IndicatorDefinition, area: string, period: string, options: ValueOptions): ValueWithBenchmark {
    const type = options.accommodationType ?? null;
    const own = this.value(indicator, area, period, type);
    if (options.benchmark === null) return { ...own, benchmark: null };
    const benchmark = this.value(indicator, options.benchmark, period, type);
    if (isCount(indicator)) return { ...own, benchmark: countNotCompared(benchmark, options.level) };
    const comparison = compareWithBenchmarkValue(own, benchmark, indicator.polarity, options.level);
    if (indicator.partnership !== undefined && benchmark.status !== 'ok') return { ...own, benchmark: { ...comparison, note: noLocalBenchmark(this.register, benchmark.area) } };
    return { ...own, benchmark: { ...comparison, note: missingBenchmarkNote(this.register, benchmark, inSentence(this.period(period).label)) } };
  }

  trend(indicator: IndicatorDefinition, area: string, period: string, accommodationType: string | null = null): TrendResult {
    accommodationType = indicator.subkey ?? accommodationType;
    const key = keyOf(indicator, accommodationType);
    return this.shared.trends.get(key, area, period, () => {
      this.shared.trends.declare(key, () => indicatorSources(indicator));
      return trendOf(indicator, comparablePeriods(this.period(period)).map((p) => this.value(indicator, area, p, accommodationType)));
    });
  }

  reference(indicator: IndicatorDefinition, value: PublishedValue): ReferenceResult | null {
    return compareWithIndicatorReference(indicator, this.period(value.period), value);
  }
}
