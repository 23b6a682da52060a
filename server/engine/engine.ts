// The indicator engine's entry point: one per app, holding the current figures, the area
// register and the disclosure threshold. Each request opens a session in the view its user may
// see; a session adds up, discloses and compares. What sessions work out is shared by every
// request in the same view until the next submission changes the figures.
import type BetterSqlite3 from 'better-sqlite3';
import type { IndicatorDefinition } from '../../schemas/indicators';
import type { Period } from '../../schemas/periods';
import { AggregateCache, Aggregator } from './aggregate';
import { chooseBenchmark, compareWithBenchmarkValue, missingBenchmarkNote, compareWithIndicatorReference, type BenchmarkComparison, type ConfidenceLevelId, type ReferenceResult } from './benchmark';
import { CurrentFigures, type FigureIndex } from './data';
import { DEFAULT_DISCLOSURE_THRESHOLD, disclose, type DisclosurePolicy, type DisclosureView, type PublishedValue } from './disclosure';
import { Memo3 } from './memo';
import { SHIPPED_REGISTER, type AreaRegister } from './register';
import { comparablePeriods, trendOf, type TrendResult } from './trend';
import { warningsBehind } from './warnings';

export interface EngineOptions {
  /** The area hierarchy; the shipped register unless a test or the benchmark brings its own. */
  register?: AreaRegister;
  /** Counts from 1 to threshold − 1 are suppressed in the suppressed view. */
  disclosureThreshold?: number;
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
 * Results kept per view before the cache starts afresh: about 250 bytes each, so at most some
 * 75 MB per view. The national benchmark's working set (summaries of all 300 authorities over
 * twelve recent periods, and comparisons) is about 220,000.
 */
export const MAX_CACHED_ENTRIES = 300_000;

export class IndicatorEngine {
  readonly register: AreaRegister;
  readonly threshold: number;
  private readonly figures: CurrentFigures;
  private readonly caches = new Map<DisclosureView, SharedResults>();

  constructor(sqlite: BetterSqlite3.Database, options: EngineOptions = {}) {
    this.register = options.register ?? SHIPPED_REGISTER;
    this.threshold = options.disclosureThreshold ?? DEFAULT_DISCLOSURE_THRESHOLD;
    this.figures = new CurrentFigures(sqlite);
  }

  /** A session over the data as it is now, in the given view. */
  session(view: DisclosureView): EngineSession {
    const index = this.figures.snapshot();
    let shared = this.caches.get(view);
    if (!shared || shared.index !== index || shared.size > MAX_CACHED_ENTRIES) {
      shared = new SharedResults(index);
      this.caches.set(view, shared);
    }
    const aggregator = new Aggregator({ index, register: this.register, policy: { view, threshold: this.threshold }, cache: shared.sums });
    return new EngineSession(index.quarterSpan, aggregator, this.register, shared);
  }
}

/**
 * Everything worked out for one data version in one view, shared by the requests until the next
 * submission. All of it is a pure function of the figures and the policy.
 */
class SharedResults {
  readonly sums = new AggregateCache();
  readonly values = new Memo3<PublishedValue>();
  readonly trends = new Memo3<TrendResult>();

  constructor(readonly index: FigureIndex) {}

  get size(): number {
    return this.sums.size + this.values.size + this.trends.size;
  }
}

/** A period's label inside a sentence: "Calendar year 2019" → "calendar year 2019". */
function inSentence(label: string): string {
  return label.replace(/^[A-Z](?=[a-z])/, (c) => c.toLowerCase());
}

export class EngineSession {
  constructor(
    readonly quarterSpan: ReadonlyMap<string, { first: string; last: string }>,
    private readonly aggregator: Aggregator,
    readonly register: AreaRegister,
    private readonly shared: SharedResults,
  ) {}

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
    return this.shared.values.get(keyOf(indicator, accommodationType), area, period, () => {
      const value = disclose(this.aggregator.cell(indicator, area, period, accommodationType), indicator.ci, indicator.multiplier, this.policy);
      // A hidden value carries no warning: "charges were more than crimes" would narrow a hidden count.
      if (value.status !== 'ok' || value.source === 'imported') return value;
      return { ...value, warnings: warningsBehind(this.shared.index, this.register, indicator, area, this.period(period), accommodationType, this.policy.view) };
    });
  }

  /** The value with its comparison against a benchmark area (same indicator and period). */
  valueWithBenchmark(indicator: IndicatorDefinition, area: string, period: string, options: ValueOptions): ValueWithBenchmark {
    const type = options.accommodationType ?? null;
    const own = this.value(indicator, area, period, type);
    if (options.benchmark === null) return { ...own, benchmark: null };
    const benchmark = this.value(indicator, options.benchmark, period, type);
    const comparison = compareWithBenchmarkValue(own, benchmark, indicator.polarity, options.level);
    return { ...own, benchmark: { ...comparison, note: missingBenchmarkNote(this.register, benchmark, inSentence(this.period(period).label)) } };
  }

  trend(indicator: IndicatorDefinition, area: string, period: string, accommodationType: string | null = null): TrendResult {
    return this.shared.trends.get(keyOf(indicator, accommodationType), area, period, () =>
      trendOf(indicator, comparablePeriods(this.period(period)).map((p) => this.value(indicator, area, p, accommodationType))),
    );
  }

  reference(indicator: IndicatorDefinition, value: PublishedValue): ReferenceResult | null {
    return compareWithIndicatorReference(indicator, this.period(value.period), value);
  }
}
