// The engine's answers in the shapes of the read API (schemas/indicator-api.ts): values, a
// quarterly series, children compared with their parent, and an area's summary by strategy
// aim. Each is assembled from session values, which have already been through disclosure.
import type { z } from 'zod';
import type {
  AreaComparisonSchema,
  AreaEntrySchema,
  AreaSummarySchema,
  IndicatorSeriesSchema,
  IndicatorValuesSchema,
  PeriodRefSchema,
} from '../../schemas/indicator-api';
import { INDICATORS, STRATEGY_AIMS, type IndicatorDefinition, type StrategyAim } from '../../schemas/indicators';
import type { Period } from '../../schemas/periods';
import type { ConfidenceLevelId } from './benchmark';
import type { EngineSession } from './engine';
import type { AreaRegister } from './register';

type IndicatorValues = z.infer<typeof IndicatorValuesSchema>;
type IndicatorSeries = z.infer<typeof IndicatorSeriesSchema>;
type AreaComparison = z.infer<typeof AreaComparisonSchema>;
type AreaSummary = z.infer<typeof AreaSummarySchema>;
type AreaEntry = z.infer<typeof AreaEntrySchema>;

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

/** Every area × period asked for, areas first then periods, each against its benchmark. */
export function indicatorValues(
  session: EngineSession,
  indicator: IndicatorDefinition,
  areas: readonly string[],
  periods: readonly string[],
  benchmarkOf: (area: string) => string | null,
  options: ComparisonOptions,
): IndicatorValues {
  const values = areas.flatMap((area) =>
    periods.map((period) => session.valueWithBenchmark(indicator, area, period, { ...options, benchmark: benchmarkOf(area) })),
  );
  return { indicator: indicatorMetadata(indicator), values };
}

/** One point per quarter with the benchmark's value, and the recent trend at the last quarter. */
export function indicatorSeries(
  session: EngineSession,
  indicator: IndicatorDefinition,
  area: string,
  quarters: readonly string[],
  benchmark: string | null,
  options: ComparisonOptions,
): IndicatorSeries {
  const points = quarters.map((q) => ({
    ...session.valueWithBenchmark(indicator, area, q, { ...options, benchmark }),
    label: session.period(q).label,
  }));
  return {
    indicator: indicatorMetadata(indicator),
    area: areaRef(session.register, area),
    benchmarkArea: benchmark === null ? null : areaRef(session.register, benchmark),
    accommodationType: options.accommodationType,
    disclosure: session.policy,
    points,
    trend: session.trend(indicator, area, quarters[quarters.length - 1], options.accommodationType),
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

/** Every indicator for one area and period, grouped by the strategy aim it serves. */
export function areaSummary(session: EngineSession, area: string, period: string, benchmark: string | null, level: ConfidenceLevelId): AreaSummary {
  const aims = (Object.keys(STRATEGY_AIMS) as StrategyAim[]).map((aim) => ({
    aim,
    title: STRATEGY_AIMS[aim],
    indicators: INDICATORS.filter((i) => i.aim === aim).map((indicator) => {
      const value = session.valueWithBenchmark(indicator, area, period, { benchmark, level, accommodationType: null });
      const { id, title, unit, decimals, polarity, ci, source } = indicator;
      return {
        indicator: { id, title, unit, decimals, polarity, ci, source },
        value,
        trend: session.trend(indicator, area, period),
        reference: session.reference(indicator, value),
      };
    }),
  }));
  return {
    area: areaRef(session.register, area),
    period: periodRef(session.period(period)),
    benchmarkArea: benchmark === null ? null : areaRef(session.register, benchmark),
    level,
    disclosure: session.policy,
    aims,
  };
}
