// Adding figures up: over accommodation types, numerator terms, quarters and child areas, with
// completeness tracked all the way (DOMAIN.md sections 4, 6, 7). Pure over the in-memory index;
// what it adds up is remembered (AggregateCache) until the figures it read change.
//
// The order of the sums, and why:
//   - a parent computed from its children is the sum of its children (for any period), so an
//     incomplete parent names the children that are missing;
//   - any other area's year or rolling year is the sum of its four quarters, except a count of
//     people, which is the twelve-month count of its last quarter (people are never added up
//     across quarters: DOMAIN.md 5.1);
//   - a yearly return (schemas/returns/frequency.ts) is stored by financial year: a financial year
//     (or the rolling year ending with its Q4) is its stored rows, and any other period has no
//     figure, with a note saying why (./periods-read.ts);
//   - a quarter is one stored row, or for a return with a sub-key (refuge's accommodation types,
//     the perpetrator programme's programmes) the sum over its sub-keys.
// Population is not summed over quarters: a period uses the one mid-year estimate of
// populationYear(period), so a quarter's rate is per quarter (10 MARAC cases in a quarter per
// 10,000 women), not annualised.
import type { Area } from '../../schemas/areas';
import type { IndicatorDefinition, PopulationGroup } from '../../schemas/indicators';
import { parsePeriodId, populationYear, quarterLabel, parseQuarterId, type Period } from '../../schemas/periods';
import { findReturnDefinition } from '../../schemas/returns';
import type { FigureIndex, Figures, ImportedFigure } from './data';
import { hidesAPart, isSmallCount, suppressTotal, type ComputedCell, type DisclosurePolicy, type Tally } from './disclosure';
import { indicatorSources, POPULATION_SOURCE } from './invalidation';
import { CacheBudget, Memo3 } from './memo';
import { readingOf } from './periods-read';
import type { AreaRegister } from './register';

/**
 * A count built from one return's columns (terms added together, less any `minus` terms: a
 * complement), optionally one accommodation type. A count of `people` is not added up over
 * quarters: a longer period reads the twelve-month columns of its last quarter.
 */
export interface CountMeasure {
  kind: 'count';
  key: string;
  source: string;
  columns: readonly string[];
  minus: readonly string[];
  people: boolean;
  accommodationType: string | null;
}
export interface PopulationMeasure {
  kind: 'population';
  key: string;
  group: PopulationGroup;
}
/** The denominator of a count indicator (no denominator): 1, public, for every area and period. */
export interface UnitMeasure {
  kind: 'unit';
  key: 'unit';
}
export type Measure = CountMeasure | PopulationMeasure | UnitMeasure;
const UNIT: UnitMeasure = { kind: 'unit', key: 'unit' };

/**
 * Whether a return's rows are broken down below area and quarter (its definition names a sub-key:
 * refuge's accommodation type, DOMAIN.md 5.5; the perpetrator programme's programme, 5.9).
 */
const subkeyed = new Map<string, boolean>();
function hasSubkeys(source: string): boolean {
  let known = subkeyed.get(source);
  if (known === undefined) subkeyed.set(source, (known = findReturnDefinition(source)?.keys.sub !== undefined));
  return known;
}

/**
 * Whether a sub-key missing from an area's quarter counts as zero: so for a sub-key with a fixed
 * list of choices (a refuge return lists every kind of accommodation the area has), not for an
 * open one (a local measure's id: a measure not sent is not held).
 */
const absentIsZero = new Map<string, boolean>();
function absentSubkeyIsZero(source: string): boolean {
  let known = absentIsZero.get(source);
  if (known === undefined) {
    const definition = findReturnDefinition(source);
    const sub = definition?.columns.find((c) => c.name === definition.keys.sub);
    absentIsZero.set(source, (known = sub?.choices !== undefined));
  }
  return known;
}

export interface CountOptions {
  minus?: readonly string[];
  people?: boolean;
}

export function countMeasure(source: string, columns: readonly string[], accommodationType: string | null = null, options: CountOptions = {}): CountMeasure {
  const type = hasSubkeys(source) ? accommodationType : null;
  const minus = options.minus ?? [];
  const people = options.people ?? false;
  const key = `${source}:${columns.join('+')}${minus.map((c) => `-${c}`).join('')}:${type ?? '*'}${people ? ':people' : ''}`;
  return { kind: 'count', key, source, columns, minus, people, accommodationType: type };
}

/** The same count read from the twelve-month columns (`victims` → `victims_12m`). */
function twelveMonthMeasure(measure: CountMeasure): CountMeasure {
  const suffix = findReturnDefinition(measure.source)?.personColumns?.twelveMonthSuffix;
  if (suffix === undefined) throw new Error(`${measure.source} has no twelve-month person columns`);
  const rename = (columns: readonly string[]) => columns.map((c) => `${c}${suffix}`);
  return countMeasure(measure.source, rename(measure.columns), measure.accommodationType, { minus: rename(measure.minus) });
}

/** An indicator's numerator, denominator and, where the numerator is part of the denominator, their difference. */
export function measuresOf(indicator: IndicatorDefinition, accommodationType: string | null) {
  const people = indicator.counts === 'people';
  const numerator = countMeasure(indicator.source, indicator.numerator, accommodationType, { people });
  const denominator: Measure =
    indicator.denominator.kind === 'population'
      ? { kind: 'population', key: `population:${indicator.denominator.group}`, group: indicator.denominator.group }
      : indicator.denominator.kind === 'none'
        ? UNIT
        : countMeasure(indicator.source, indicator.denominator.columns, accommodationType, { people });
  const complement =
    indicator.numeratorWithinDenominator && indicator.denominator.kind === 'columns'
      ? countMeasure(indicator.source, indicator.denominator.columns, accommodationType, { minus: indicator.numerator, people })
      : null;
  return { numerator, denominator, complement };
}

const NONE: Tally = { total: null, coverage: 'none', missing: [], public: false, suppressed: false, smallBelow: false };

function complete(total: number, isPublic = false, smallBelow = false): Tally {
  return { total, coverage: 'complete', missing: [], public: isPublic, suppressed: false, smallBelow };
}

/** Sums parts: complete only when every part is; a partial sum is never given. `names` name the parts. */
function sumOf(parts: readonly Tally[], names: () => readonly string[]): Tally {
  let total = 0;
  let withFigures = 0;
  let anyFigures = false;
  let smallBelow = false;
  let isPublic = true;
  for (const p of parts) {
    if (p.coverage === 'complete') {
      withFigures++;
      total += p.total!;
    }
    if (p.coverage !== 'none') anyFigures = true;
    if (p.smallBelow || p.suppressed) smallBelow = true;
    if (!p.public) isPublic = false;
  }
  if (parts.length > 0 && withFigures === parts.length) return complete(total, isPublic, smallBelow);
  if (!anyFigures) return NONE;
  const missing = names().filter((_, i) => parts[i].coverage !== 'complete');
  return { total: null, coverage: 'partial', missing, public: false, suppressed: false, smallBelow };
}

/**
 * One stored row's value of a measure: its terms added, a blank term skipped as long as one
 * term is present (dvpo_granted 3 + dapo_granted blank = 3; both blank = no figure); less its
 * `minus` terms, which must all be present (a complement of a blank numerator is no figure).
 */
function termsOf(figures: Figures, measure: CountMeasure): number | null {
  let total: number | null = null;
  for (const column of measure.columns) {
    const v = figures[column];
    if (v !== null && v !== undefined) total = (total ?? 0) + v;
  }
  if (total === null) return null;
  for (const column of measure.minus) {
    const v = figures[column];
    if (v === null || v === undefined) return null;
    total -= v;
  }
  return total;
}

/** What a measure's tallies are computed from (invalidation.ts). */
function measureSources(measure: CountMeasure | PopulationMeasure): readonly string[] {
  return [measure.kind === 'population' ? POPULATION_SOURCE : measure.source];
}

/**
 * What aggregators have added up, for one disclosure policy. Everything here is a pure function
 * of the figures and the policy, so requests can share it: a force area's sums, worked out for
 * one of its authorities' summaries, serve the summaries of the others. When a submission
 * changes some figures, the engine drops the entries that read them (invalidation.ts); each
 * memo declares what its keys are computed from so that it can. The budget bounds the memory.
 */
export class AggregateCache {
  readonly tallies: Memo3<Tally>;
  readonly cells: Memo3<ComputedCell>;
  readonly periods = new Map<string, Period>();

  /** Cells can have a budget of their own: the engine keeps only recent ones (engine.ts, CELLS_KEPT). */
  constructor(budget: CacheBudget = new CacheBudget(), cellBudget: CacheBudget = budget) {
    this.tallies = new Memo3<Tally>(budget);
    this.cells = new Memo3<ComputedCell>(cellBudget);
  }
}

export interface AggregatorOptions {
  index: FigureIndex;
  register: AreaRegister;
  policy: DisclosurePolicy;
  /** Shared by the requests over the same index and policy; a fresh one by default. */
  cache?: AggregateCache;
}

export class Aggregator {
  private readonly tallies: Memo3<Tally>;
  private readonly cells: Memo3<ComputedCell>;
  private readonly periods: Map<string, Period>;

  constructor(private readonly options: AggregatorOptions) {
    const cache = options.cache ?? new AggregateCache();
    this.tallies = cache.tallies;
    this.cells = cache.cells;
    this.periods = cache.periods;
  }

  get policy(): DisclosurePolicy {
    return this.options.policy;
  }

  period(id: string): Period {
    let p = this.periods.get(id);
    if (!p) {
      p = parsePeriodId(id)!;
      this.periods.set(id, p);
    }
    return p;
  }

  private area(code: string): Area | undefined {
    return this.options.register.find(code);
  }

  private computedFromChildren(area: Area | undefined): boolean {
    return !!area?.computedFromChildren && this.options.register.childrenOf(area.code).length > 0;
  }

  // ---------------------------------------------------------------------------------------
  // Counts

  /** A count measure for an area and period, summed as described at the top of this file. */
  count(measure: CountMeasure, areaCode: string, periodId: string): Tally {
    // One row of one authority's quarter is cheaper to read again than to remember, and
    // remembering every one would fill the cache. It has nothing to split, so it is suppressed
    // exactly when it is small.
    const reading = readingOf(measure.source, this.period(periodId));
    const oneRow = reading.kind === 'row' && !this.sumsTypes(measure) && !this.computedFromChildren(this.area(areaCode));
    if (oneRow) {
      const tally = this.quarterFromRows(measure, areaCode, reading.period);
      return tally.smallBelow && this.policy.view === 'suppressed' ? { ...tally, suppressed: true } : tally;
    }
    return this.tallies.get(measure.key, areaCode, periodId, () => {
      this.tallies.declare(measure.key, () => measureSources(measure));
      return this.countUncached(measure, areaCode, periodId);
    });
  }

  /** Figures of a return with sub-keys, with none chosen, are the sum over the sub-keys. */
  private sumsTypes(measure: CountMeasure): boolean {
    return measure.accommodationType === null && hasSubkeys(measure.source);
  }

  private countUncached(measure: CountMeasure, areaCode: string, periodId: string): Tally {
    const area = this.area(areaCode);
    const period = this.period(periodId);
    const fromChildren = this.computedFromChildren(area);
    const reading = readingOf(measure.source, period);
    let tally: Tally;
    if (fromChildren) tally = this.sumOfChildren(measure, areaCode, periodId);
    else if (reading.kind === 'none') tally = NONE;
    else if (reading.kind === 'row') tally = this.quarterFromRows(measure, areaCode, reading.period);
    else if (period.quarters.length > 1 && measure.people) tally = this.count(twelveMonthMeasure(measure), areaCode, period.quarters[period.quarters.length - 1]);
    else tally = this.sumOfQuarters(measure, areaCode, period);
    if (tally.coverage !== 'complete') return tally;
    // Every sum carries up whether a small cell lies below it (disclosure.ts, rule 2).
    return suppressTotal(tally, this.policy) ? { ...tally, suppressed: true } : tally;
  }

  private childTallies(measure: CountMeasure, areaCode: string, periodId: string): Tally[] {
    return this.options.register.childrenOf(areaCode).map((c) => this.count(measure, c.code, periodId));
  }

  private sumOfChildren(measure: CountMeasure, areaCode: string, periodId: string): Tally {
    const children = this.options.register.childrenOf(areaCode);
    return sumOf(this.childTallies(measure, areaCode, periodId), () => children.map((c) => c.code));
  }

  private sumOfQuarters(measure: CountMeasure, areaCode: string, period: Period): Tally {
    return sumOf(period.quarters.map((q) => this.count(measure, areaCode, q)), () => period.quarters);
  }

  /**
   * One area's stored period (a quarter, or a yearly return's financial year) from its rows. For a return with sub-keys and none chosen, the
   * sum over the sub-keys it returned (complete only if each has the figure). A sub-key the
   * area did not return in a quarter for which it returned others counts as zero: a refuge
   * return lists every kind of accommodation the area has, a perpetrator programme return
   * every programme running.
   */
  private quarterFromRows(measure: CountMeasure, areaCode: string, quarter: string): Tally {
    const rows = this.options.index.returns.get(measure.source)?.get(areaCode)?.get(quarter);
    if (!rows || rows.size === 0) return NONE;
    const { threshold } = this.policy;
    if (measure.accommodationType !== null) {
      const figures = rows.get(measure.accommodationType);
      if (!figures) return absentSubkeyIsZero(measure.source) ? complete(0) : NONE;
      const v = termsOf(figures, measure);
      return v === null ? NONE : complete(v, false, isSmallCount(v, threshold));
    }
    if (rows.size === 1) {
      const v = termsOf(rows.values().next().value!, measure);
      return v === null ? NONE : complete(v, false, isSmallCount(v, threshold));
    }
    const parts: Tally[] = [];
    const names: string[] = [];
    for (const [subkey, figures] of rows) {
      const v = termsOf(figures, measure);
      parts.push(v === null ? NONE : complete(v, false, isSmallCount(v, threshold)));
      names.push(subkey);
    }
    return sumOf(parts, () => names);
  }

  /**
   * The mid-year population for the period's population year: a parent computed from its
   * children uses the sum of their estimates (the same areas as its summed numerator), any
   * other area its own.
   */
  population(measure: PopulationMeasure, areaCode: string, periodId: string): Tally {
    return this.tallies.get(measure.key, areaCode, periodId, () => {
      this.tallies.declare(measure.key, () => measureSources(measure));
      if (this.computedFromChildren(this.area(areaCode))) {
        const children = this.options.register.childrenOf(areaCode);
        return sumOf(children.map((c) => this.population(measure, c.code, periodId)), () => children.map((c) => c.code));
      }
      const year = String(populationYear(this.period(periodId)));
      const v = this.options.index.population.get(areaCode)?.get(year)?.[measure.group];
      return v === null || v === undefined ? NONE : complete(v, true);
    });
  }

  measure(measure: Measure, areaCode: string, periodId: string): Tally {
    // A count's "denominator" is 1 for any area and period: never summed over children or quarters.
    if (measure.kind === 'unit') return complete(1, true);
    return measure.kind === 'population' ? this.population(measure, areaCode, periodId) : this.count(measure, areaCode, periodId);
  }

  // ---------------------------------------------------------------------------------------
  // Indicator cells: computed, or imported (DOMAIN.md section 7)

  /**
   * The figures in use for an indicator, area and period. An imported published value wins over
   * a computed one for any area that is not a local authority (London from MOPAC over the sum
   * of its boroughs; England only ever from imports). A local authority's own returns come
   * first; an imported value fills only a period for which it has no figures at all.
   */
  cell(indicator: IndicatorDefinition, areaCode: string, periodId: string, accommodationType: string | null = null): ComputedCell {
    const key = accommodationType === null ? indicator.id : `${indicator.id}:${accommodationType}`;
    return this.cells.get(key, areaCode, periodId, () => {
      this.cells.declare(key, () => indicatorSources(indicator));
      return this.cellUncached(indicator, areaCode, periodId, accommodationType);
    });
  }

  private cellUncached(indicator: IndicatorDefinition, areaCode: string, periodId: string, accommodationType: string | null): ComputedCell {
    const area = this.area(areaCode);
    // An imported value is for the indicator as published: all accommodation types.
    const imported = accommodationType === null ? this.options.index.imported.get(indicator.id)?.get(areaCode)?.get(periodId) : undefined;
    const isAuthority = area?.type === 'local-authority';
    if (imported && !isAuthority) return this.importedCell(indicator, areaCode, periodId, imported);

    const measures = measuresOf(indicator, accommodationType);
    const numerator = this.count(measures.numerator, areaCode, periodId);
    const denominator = this.measure(measures.denominator, areaCode, periodId);
    const complement = measures.complement && this.count(measures.complement, areaCode, periodId);
    // Population alone is not a return: an authority with no counts has no figures of its own.
    const hasOwnFigures = numerator.coverage !== 'none' || (measures.denominator.kind === 'count' && denominator.coverage !== 'none');
    if (imported && !hasOwnFigures) return this.importedCell(indicator, areaCode, periodId, imported);
    const source = !hasOwnFigures ? null : this.computedFromChildren(area) ? 'computed' : 'returns';
    const reading = readingOf(indicator.source, this.period(periodId));
    const note = reading.kind === 'none' ? reading.note : this.peopleNote(indicator, areaCode, periodId, numerator, denominator);
    return { area: areaCode, period: periodId, source, numerator, denominator, complement, note, publishedValue: null };
  }

  /**
   * Why a person-based year has no figure: its last quarter has no twelve-month count, and the
   * quarters' counts are never added up instead (DOMAIN.md 5.1).
   */
  private peopleNote(indicator: IndicatorDefinition, areaCode: string, periodId: string, numerator: Tally, denominator: Tally): string | null {
    const period = this.period(periodId);
    if (indicator.counts !== 'people' || period.quarters.length === 1) return null;
    if (numerator.coverage === 'complete' && denominator.coverage === 'complete') return null;
    const last = period.quarters[period.quarters.length - 1];
    const columns = [...indicator.numerator, ...(indicator.denominator.kind === 'columns' ? indicator.denominator.columns : [])];
    const suffix = findReturnDefinition(indicator.source)?.personColumns?.twelveMonthSuffix ?? '';
    const where = this.computedFromChildren(this.area(areaCode)) ? 'for every area in it ' : '';
    return `A year counts each person once, from the twelve-month counts (${columns.map((c) => `${c}${suffix}`).join(', ')}) of its last quarter, ${quarterLabel(parseQuarterId(last)!)}; they have not been sent ${where}for that quarter, and people are never added up across quarters instead.`;
  }

  /**
   * An imported value's numerator and denominator are counts like any other: a small one is
   * suppressed, and so is one that, less the shown children or quarters, would give back a
   * suppressed one. A population denominator is public. A value published without its counts
   * is a rounded public rate and is shown as it is.
   */
  private importedCell(indicator: IndicatorDefinition, areaCode: string, periodId: string, imported: ImportedFigure): ComputedCell {
    const populationDenominator = indicator.denominator.kind !== 'columns';
    const publishedValue = imported.numerator === null || imported.denominator === null ? imported.value : null;
    const cell = { area: areaCode, period: periodId, source: 'imported' as const, note: null };
    if (publishedValue !== null) return { ...cell, numerator: NONE, denominator: NONE, complement: null, publishedValue };
    const withinDenominator = indicator.numeratorWithinDenominator && !populationDenominator;
    return {
      ...cell,
      numerator: this.importedTally(imported.numerator!, indicator, 'numerator', areaCode, periodId, false),
      denominator: this.importedTally(imported.denominator!, indicator, 'denominator', areaCode, periodId, populationDenominator),
      complement: withinDenominator ? this.importedTally(imported.denominator! - imported.numerator!, indicator, 'complement', areaCode, periodId, false) : null,
      publishedValue: null,
    };
  }

  /**
   * An imported count is checked like a computed one, against the children's and the quarters'
   * figures in use. Its parts are not its own, so any small count among them counts as below it.
   */
  private importedTally(count: number, indicator: IndicatorDefinition, role: 'numerator' | 'denominator' | 'complement', areaCode: string, periodId: string, isPublic: boolean): Tally {
    const tally = complete(count, isPublic, false);
    if (isPublic || this.policy.view === 'unsuppressed') return tally;
    if (isSmallCount(count, this.policy.threshold)) return { ...tally, suppressed: true };
    const partOf = (cell: ComputedCell): Tally => cell[role] ?? NONE;
    const sums: Tally[][] = [];
    if (this.computedFromChildren(this.area(areaCode))) sums.push(this.options.register.childrenOf(areaCode).map((c) => partOf(this.cell(indicator, c.code, periodId))));
    // A person-based year is not a sum of its quarters, so its quarters give nothing back.
    const period = this.period(periodId);
    if (readingOf(indicator.source, period).kind === 'quarters' && period.quarters.length > 1 && indicator.counts === 'events') sums.push(period.quarters.map((q) => partOf(this.cell(indicator, areaCode, q))));
    return sums.some(hidesAPart) ? { ...tally, suppressed: true } : tally;
  }
}
