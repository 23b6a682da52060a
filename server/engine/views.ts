// The engine's answers in the shapes of the read API (schemas/indicator-api.ts): values, a
// series by quarter or by rolling year, children compared with their parent, and an area's
// summary by strategy aim. Each is assembled from session values, which have already been
// through disclosure.
//
// A board reads years (DOMAIN.md section 4): a summary asked for without a period is for the
// latest complete twelve months, a quarter is compared with the same quarter a year before, and
// each summary figure comes with its comparable periods a year apart for the sparkline.
import type { z } from 'zod';
import type {
  AreaComparisonSchema,
  AreaEntrySchema,
  AreaSummarySchema,
  IndicatorSeriesSchema,
  IndicatorValuesSchema,
  PeriodRefSchema,
  SeriesKindSchema,
  SparklinePointSchema,
  YearEarlierSchema,
} from '../../schemas/indicator-api';
import { findIndicator, INDICATORS, STRATEGY_AIMS, type IndicatorDefinition, type StrategyAim } from '../../schemas/indicators';
import { financialYearId, parsePeriodId, parseQuarterId, quarterRange, shiftQuarter, type Period } from '../../schemas/periods';
import { compareWithBenchmarkValue, type ConfidenceLevelId } from './benchmark';
import type { PublishedValue } from './disclosure';
import type { EngineSession } from './engine';
import type { AreaRegister } from './register';
import { YEARLY } from '../../schemas/returns/frequency';
import { comparablePeriods } from './trend';

type IndicatorValues = z.infer<typeof IndicatorValuesSchema>;
type IndicatorSeries = z.infer<typeof IndicatorSeriesSchema>;
type AreaComparison = z.infer<typeof AreaComparisonSchema>;
type AreaSummary = z.infer<typeof AreaSummarySchema>;
type AreaEntry = z.infer<typeof AreaEntrySchema>;
type YearEarlier = z.infer<typeof YearEarlierSchema>;
type SparklinePoint = z.infer<typeof SparklinePointSchema>;
export type SeriesKind = z.infer<typeof SeriesKindSchema>;

const QUARTERS_PER_YEAR = 4;

/** The catalogue entry as the API shows it: the definition plus its aim's title. */
export function indicatorMetadata(indicator: IndicatorDefinition) {
  return { ...indicator, aimTitle: STRATEGY_AIMS[indicator.aim] };
}

export function areaRef(register: AreaRegister, code: string) {
  const area = register.find(code);
  return { code, name: area?.name ?? code, type: area?.type ?? 'unknown' };
}

export function periodRef(period: Period): z.infer<typeof PeriodRefSchema> {
  return { id: period.id, kind: period.kind, label: period.label, quarters: period.quarters };
}

export function areaEntries(register: AreaRegister): AreaEntry[] {
  return register.areas.map((a) => ({
    ...a,
    parents: [...a.parents],
    defaultBenchmark: register.defaultBenchmarkOf(a.code),
    benchmarkChoices: [...register.benchmarkChoicesFor(a.code)],
    children: register.childrenOf(a.code).map((c) => c.code),
  }));
}

export interface ComparisonOptions {
  level: ConfidenceLevelId;
  accommodationType: string | null;
}

/**
 * A quarter against the same quarter a year before, judged as a benchmark is (this quarter's
 * interval against last year's value, then polarity). Null for any other period, or when the
 * year before is outside the periods we know. Example: 2020-21Q3 is compared with 2019-20Q3.
 */
export function yearEarlierComparison(
  session: EngineSession,
  indicator: IndicatorDefinition,
  value: PublishedValue,
  level: ConfidenceLevelId,
  accommodationType: string | null = null,
): YearEarlier | null {
  if (parseQuarterId(value.period) === null) return null;
  const earlier = shiftQuarter(value.period, -QUARTERS_PER_YEAR);
  const period = parsePeriodId(earlier);
  if (period === null) return null;
  const before = session.value(indicator, value.area, earlier, accommodationType);
  const { value: earlierValue, status, significance, assessment } = compareWithBenchmarkValue(value, before, indicator.polarity, level);
  return { period: earlier, label: period.label, value: earlierValue, status, level, significance, assessment };
}

/** Every area × period asked for, areas first then periods, each against its benchmark (and a quarter against the same quarter a year before). */
export function indicatorValues(
  session: EngineSession,
  indicator: IndicatorDefinition,
  areas: readonly string[],
  periods: readonly string[],
  benchmarkOf: (area: string) => string | null,
  options: ComparisonOptions,
): IndicatorValues {
  const values = areas.flatMap((area) =>
    periods.map((period) => {
      const value = session.valueWithBenchmark(indicator, area, period, { ...options, benchmark: benchmarkOf(area) });
      return { ...value, yearEarlier: yearEarlierComparison(session, indicator, value, options.level, options.accommodationType) };
    }),
  );
  return { indicator: indicatorMetadata(indicator), values };
}

/**
 * The periods a series shows over a run of quarters: each quarter, the twelve months ending with
 * each quarter, or each financial year whose last quarter is in the run (one point a year, for a
 * source made once a year, which has no figure at the other quarters).
 */
export function seriesPeriods(kind: SeriesKind, quarters: readonly string[]): string[] {
  if (kind === 'financial-year') return YEARLY.endingWithin(quarters);
  return quarters.map((q) => (kind === 'quarter' ? q : `R12-${q}`));
}

/**
 * One point per period of the series' kind with the benchmark's value, and the recent trend at the
 * last point: tested over five years or rolling years a year apart, never over quarters.
 */
export function indicatorSeries(
  session: EngineSession,
  indicator: IndicatorDefinition,
  area: string,
  quarters: readonly string[],
  benchmark: string | null,
  options: ComparisonOptions & { kind: SeriesKind },
): IndicatorSeries {
  const periods = seriesPeriods(options.kind, quarters);
  const points = periods.map((p) => ({
    ...session.valueWithBenchmark(indicator, area, p, { ...options, benchmark }),
    label: session.period(p).label,
  }));
  const last = periods[periods.length - 1];
  return {
    indicator: indicatorMetadata(indicator),
    area: areaRef(session.register, area),
    benchmarkArea: benchmark === null ? null : areaRef(session.register, benchmark),
    accommodationType: options.accommodationType,
    disclosure: session.policy,
    kind: options.kind,
    points,
    trend:
      last === undefined
        ? { marker: 'cannot-be-calculated', judgement: 'cannot-be-calculated', periods: [], chiSquared: null, reason: 'no financial year ends within the quarters asked for' }
        : session.trend(indicator, area, last, options.accommodationType),
  };
}

/** Each child of a parent against the parent's value (the parent itself has no benchmark here). */
export function compareChildren(
  session: EngineSession,
  indicator: IndicatorDefinition,
  parent: string,
  period: string,
  options: ComparisonOptions,
): AreaComparison {
  const name = (code: string) => session.register.find(code)?.name ?? code;
  const children = session.register.childrenOf(parent);
  return {
    indicator: indicatorMetadata(indicator),
    period: periodRef(session.period(period)),
    parent: { ...session.value(indicator, parent, period, options.accommodationType), benchmark: null, name: name(parent) },
    areas: children.map((c) => ({ ...session.valueWithBenchmark(indicator, c.code, period, { ...options, benchmark: parent }), name: c.name })),
    disclosure: session.policy,
  };
}

/** The sparkline's points: the comparable periods a year apart ending with `period` (the trend's points). */
export function sparklinePoints(session: EngineSession, indicator: IndicatorDefinition, area: string, period: string): SparklinePoint[] {
  return comparablePeriods(session.period(period)).map((p) => {
    const v = session.value(indicator, area, p);
    return { period: p, label: session.period(p).label, value: v.status === 'ok' ? v.value : null, status: v.status };
  });
}

/** The return whose latest quarter sets the board's default period, and the indicator that shows whether it is held. */
const DEFAULT_PERIOD_RETURN = 'police';
const HELD_PROBE = findIndicator('da-incident-rate')!;

/**
 * The latest complete twelve months for an area: the rolling year ending with the latest quarter
 * for which the area's police return is held (for a parent, held by every child), written as
 * the financial year when that quarter is a Q4. With Thames Valley's returns held to 2020-21Q2,
 * R12-2020-21Q2; to 2020-21Q4, 2020-21. An area none of whose quarters is complete (England, with
 * authorities that never send a return) takes the latest quarter with any of its figures, then
 * the latest quarter anyone's police return is held, then `fallback`.
 */
export function latestTwelveMonths(session: EngineSession, area: string, fallback: string): string {
  const span = session.quarterSpan.get(DEFAULT_PERIOD_RETURN);
  let complete: string | null = null;
  let partly: string | null = null;
  if (span) {
    for (const q of quarterRange(span.first, span.last).reverse()) {
      const v = session.value(HELD_PROBE, area, q);
      if (v.source !== 'returns' && v.source !== 'computed') continue;
      partly ??= q;
      if (v.status !== 'incomplete') {
        complete = q;
        break;
      }
    }
  }
  const latest = complete ?? partly ?? span?.last ?? fallback;
  const q = parseQuarterId(latest)!;
  return q.quarter === QUARTERS_PER_YEAR ? financialYearId(q.startYear) : `R12-${latest}`;
}

/** Every indicator for one area and period, grouped by the strategy aim it serves. */
export function areaSummary(
  session: EngineSession,
  area: string,
  period: string,
  benchmark: string | null,
  level: ConfidenceLevelId,
  periodChosen: AreaSummary['periodChosen'] = 'requested',
  /** Further groups after the aims: a partnership's own measures, for its members. */
  extra: ReadonlyArray<{ aim: string; title: string; indicators: readonly IndicatorDefinition[] }> = [],
): AreaSummary {
  const groups = [...(Object.keys(STRATEGY_AIMS) as StrategyAim[]).map((aim) => ({ aim: aim as string, title: STRATEGY_AIMS[aim], indicators: INDICATORS.filter((i) => i.aim === aim) })), ...extra];
  const aims = groups.map(({ aim, title, indicators }) => ({
    aim,
    title,
    indicators: indicators.map((indicator) => {
      const value = session.valueWithBenchmark(indicator, area, period, { benchmark, level, accommodationType: null });
      const { id, title, unit, decimals, polarity, ci, source, denominator, counts, valueNote } = indicator;
      return {
        indicator: { id, title, unit, decimals, polarity, ci, source, denominator, counts, valueNote },
        value,
        yearEarlier: yearEarlierComparison(session, indicator, value, level),
        trend: session.trend(indicator, area, period),
        sparkline: sparklinePoints(session, indicator, area, period),
        reference: session.reference(indicator, value),
      };
    }),
  }));
  return {
    area: areaRef(session.register, area),
    period: periodRef(session.period(period)),
    periodChosen,
    benchmarkArea: benchmark === null ? null : areaRef(session.register, benchmark),
    level,
    disclosure: session.policy,
    aims,
  };
}
