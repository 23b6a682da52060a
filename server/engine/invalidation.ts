// Which remembered results an upload can change, so that the engine keeps the rest (as DHIS2
// updates its analytics tables for what was imported instead of rebuilding them).
//
// THE DEPENDENCY KEYS. Every cached result is keyed (measure or indicator, area, period) and is
// computed from stored figures of a few SOURCES, declared where it is computed:
//   - a count measure: its return type ('police', 'refuge', …);
//   - a population measure: 'population';
//   - an indicator's cell, value or trend: its return type, 'population' when its denominator is
//     a population, and 'benchmark:<indicator id>' (its imported published values).
// What it reads of a source lies within (the area and its descendants) × (the period's quarters):
//   - a parent computed from children adds up its children (recursively), and an imported
//     parent's disclosure check reads its children's and its quarters' cells;
//   - a year or rolling year adds up its quarters (a person-based year reads its last quarter);
//   - warnings come from the rows of those areas and quarters;
//   - population is the one mid-year estimate of populationYear(period), of those areas;
//   - an imported value is for one area and period, read by that area and period and by the
//     periods and ancestors whose checks read it.
// So a stored row of a source, for area A and quarter q, can change exactly the results of that
// source's keys for A and A's ancestors, over the periods whose quarters include q (a population
// row for mid-year Y: the periods whose population year is Y; an imported value for period X:
// the periods that share a quarter with X). A trend reads the values at its comparable periods,
// so it is out of date when any of them is. Everything else is kept. The rule over-approximates
// (an ancestor that is not computed from children, another accommodation type) and never
// under-approximates; engine-incremental.test.ts compares an updated engine with a new one.
import type { IndicatorDefinition } from '../../schemas/indicators';
import { parsePeriodId, populationYear, type Period } from '../../schemas/periods';
import type { StaleEntries } from './memo';
import type { AreaRegister } from './register';
import { comparablePeriods } from './trend';

export const POPULATION_SOURCE = 'population';
const BENCHMARK_RETURN = 'benchmark';

export function importedSource(indicatorId: string): string {
  return `${BENCHMARK_RETURN}:${indicatorId}`;
}

/** The sources an indicator's cells, values and trends are computed from. */
export function indicatorSources(indicator: IndicatorDefinition): readonly string[] {
  const sources = [indicator.source, importedSource(indicator.id)];
  if (indicator.denominator.kind === 'population') sources.push(POPULATION_SOURCE);
  return sources;
}

/** One stored row's key, as the figure index reports the rows an update brought in. */
export interface RowKey {
  returnType: string;
  area: string;
  period: string;
  subkey: string;
}

/** An area and everything above it in the hierarchy (a borough: London, the Met, England). */
function selfAndAncestors(register: AreaRegister, code: string): Set<string> {
  const found = new Set<string>([code]);
  const queue = [code];
  while (queue.length > 0) {
    for (const parent of register.find(queue.pop()!)?.parents ?? []) {
      if (found.has(parent)) continue;
      found.add(parent);
      queue.push(parent);
    }
  }
  return found;
}

/**
 * What an update touched: source → area (each row's area and its ancestors) → marks, which are
 * quarter ids, or for population mid-year ids ('2019').
 */
export class FigureChange {
  readonly touched = new Map<string, Map<string, Set<string>>>();

  constructor(rows: Iterable<RowKey>, register: AreaRegister) {
    const ancestors = new Map<string, Set<string>>();
    for (const row of rows) {
      const marks = marksOf(row);
      if (marks === null) continue;
      const source = row.returnType === BENCHMARK_RETURN ? importedSource(row.subkey) : row.returnType;
      let byArea = this.touched.get(source);
      if (!byArea) this.touched.set(source, (byArea = new Map()));
      let areas = ancestors.get(row.area);
      if (!areas) ancestors.set(row.area, (areas = selfAndAncestors(register, row.area)));
      for (const area of areas) {
        let set = byArea.get(area);
        if (!set) byArea.set(area, (set = new Set()));
        for (const m of marks) set.add(m);
      }
    }
  }

  get isEmpty(): boolean {
    return this.touched.size === 0;
  }
}

/**
 * The marks a row touches: its quarter (a yearly return's row, its financial year's quarters); a
 * population row its mid-year; an imported value its period's quarters.
 */
function marksOf(row: RowKey): readonly string[] | null {
  if (row.returnType === POPULATION_SOURCE) return [row.period];
  if (row.returnType === BENCHMARK_RETURN) return parsePeriodId(row.period)?.quarters ?? null;
  return parsePeriodId(row.period)?.quarters ?? [row.period];
}

/** Whether a period of a result computed from `source` reads any of the touched marks. */
function reads(source: string, period: Period, marks: ReadonlySet<string>): boolean {
  if (source === POPULATION_SOURCE) return marks.has(String(populationYear(period)));
  return period.quarters.some((q) => marks.has(q));
}

export type ResultKind = 'value' | 'trend';

/**
 * The stale-entry tests for one update, asked for per first key of a memo (memo.ts `drop`) with
 * the sources declared for it. A 'value' result (a tally, a cell, a published value) is stale
 * when its period reads a touched mark of its area; a 'trend' when any of its comparable periods
 * does. An unknown period id is treated as stale.
 */
export class StaleTests {
  private readonly periods = new Map<string, Period | null>();
  private readonly bySources = new Map<string, StaleEntries | null>();
  /** One test per distinct set of touches (a national return touches every authority alike), each remembering its verdicts. */
  private readonly byTouches = new Map<string, (c: string) => boolean>();
  private readonly signatures = new WeakMap<ReadonlySet<string>, string>();

  constructor(
    private readonly change: FigureChange,
    private readonly kind: ResultKind,
  ) {}

  /** Null when nothing under these sources was touched; every entry when the sources were never declared. */
  for(sources: readonly string[] | undefined): StaleEntries | 'all' | null {
    if (sources === undefined) return 'all';
    const key = sources.join('\n');
    let stale = this.bySources.get(key);
    if (stale === undefined) {
      stale = this.build(sources);
      this.bySources.set(key, stale);
    }
    return stale;
  }

  private period(id: string): Period | null {
    let p = this.periods.get(id);
    if (p === undefined) this.periods.set(id, (p = parsePeriodId(id)));
    return p;
  }

  private signature(marks: ReadonlySet<string>): string {
    let signature = this.signatures.get(marks);
    if (signature === undefined) this.signatures.set(marks, (signature = [...marks].sort().join(',')));
    return signature;
  }

  private build(sources: readonly string[]): StaleEntries | null {
    // Area → (source, marks) pairs that touch it.
    const byArea = new Map<string, Array<[string, ReadonlySet<string>]>>();
    for (const source of sources) {
      for (const [area, marks] of this.change.touched.get(source) ?? []) {
        let list = byArea.get(area);
        if (!list) byArea.set(area, (list = []));
        list.push([source, marks]);
      }
    }
    if (byArea.size === 0) return null;
    const stale = new Map<string, (c: string) => boolean>();
    for (const [area, touches] of byArea) {
      const key = touches.map(([source, marks]) => `${source}=${this.signature(marks)}`).join(';');
      let test = this.byTouches.get(key);
      if (!test) this.byTouches.set(key, (test = this.test(touches)));
      stale.set(area, test);
    }
    return stale;
  }

  /** Whether a result's period (for a trend, any of its comparable periods) reads one of the touches; remembered per period id. */
  private test(touches: ReadonlyArray<[string, ReadonlySet<string>]>): (c: string) => boolean {
    const readsTouched = (period: Period | null) => period === null || touches.some(([source, marks]) => reads(source, period, marks));
    const verdicts = new Map<string, boolean>();
    return (id) => {
      let verdict = verdicts.get(id);
      if (verdict === undefined) {
        const period = this.period(id);
        verdict = this.kind === 'value' || period === null ? readsTouched(period) : comparablePeriods(period).some((p) => readsTouched(this.period(p)));
        verdicts.set(id, verdict);
      }
      return verdict;
    };
  }
}
