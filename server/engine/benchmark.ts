// How a value is judged (DOMAIN.md section 7): against a benchmark area's value for the same
// indicator and period, and against a reference range or recommended level. The statistics are
// in statistics.ts; this module chooses what to compare and names the outcome.
import type { IndicatorDefinition, Polarity, Reference } from '../../schemas/indicators';
import type { Period } from '../../schemas/periods';
import type { PublishedValue, ValueStatus } from './disclosure';
import type { AreaRegister } from './register';
import { compareWithBenchmark, compareWithReference, type ReferenceComparison } from './statistics';

/** Confidence levels offered for significance; 95% is the default (Fingertips' everyday level). */
export const CONFIDENCE_LEVELS = ['95', '99.8'] as const;
export type ConfidenceLevelId = (typeof CONFIDENCE_LEVELS)[number];
export const DEFAULT_CONFIDENCE_LEVEL: ConfidenceLevelId = '95';

/** Statistical direction, whatever the polarity. */
export type Significance = 'higher' | 'lower' | 'similar' | 'not-compared';
/** The direction judged by polarity; a no-judgement indicator keeps higher/lower. */
export type Assessment = 'better' | 'worse' | 'similar' | 'higher' | 'lower' | 'not-compared';

export interface BenchmarkComparison {
  area: string;
  value: number | null;
  status: ValueStatus;
  level: ConfidenceLevelId;
  significance: Significance;
  assessment: Assessment;
  /** Why there is no comparison when the benchmark itself has no figures, and what to load. */
  note: string | null;
}

/**
 * The benchmark area for an area: the one asked for, which must be one of its choices (its
 * parents, then England), or its default (its police force area; London for a London borough).
 * England itself has no comparator (null).
 */
export function chooseBenchmark(
  register: AreaRegister,
  areaCode: string,
  requested: string | undefined,
): { ok: true; code: string | null } | { ok: false; message: string } {
  if (requested === undefined) return { ok: true, code: register.defaultBenchmarkOf(areaCode) };
  const choices = register.benchmarkChoicesFor(areaCode);
  if (choices.includes(requested)) return { ok: true, code: requested };
  const name = (code: string) => `${register.find(code)?.name ?? code} (${code})`;
  const allowed = choices.length > 0 ? `Choose one of: ${choices.map(name).join(', ')}.` : `${name(areaCode)} has no comparator.`;
  return { ok: false, message: `${name(requested)} is not a benchmark for ${name(areaCode)}. ${allowed}` };
}

/**
 * Significance of an area's value against a benchmark value, using the interval at the chosen
 * level. Not compared (both fields 'not-compared') when either value is not 'ok', the
 * benchmark has no value, or the area's value has no interval (refuge average stay, a
 * "percentage" above 100). Example: 25.0% (803 of 3,212; 95% limits 23.5–26.5) against a
 * benchmark of 30% is 'lower', and with lower-better polarity 'better'.
 */
export function compareWithBenchmarkValue(
  value: PublishedValue,
  benchmark: PublishedValue,
  polarity: Polarity,
  level: ConfidenceLevelId,
): BenchmarkComparison {
  const base = { area: benchmark.area, value: benchmark.status === 'ok' ? benchmark.value : null, status: benchmark.status, level, note: null };
  if (value.status !== 'ok' || benchmark.status !== 'ok' || benchmark.value === null) {
    return { ...base, significance: 'not-compared', assessment: 'not-compared' };
  }
  const interval = level === '95' ? { lower: value.lower95, upper: value.upper95 } : { lower: value.lower998, upper: value.upper998 };
  return {
    ...base,
    significance: compareWithBenchmark(interval, benchmark.value, 'no-judgement') as Significance,
    assessment: compareWithBenchmark(interval, benchmark.value, polarity) as Assessment,
  };
}

/**
 * What an analyst can do about a benchmark with no figures: an area the dashboard holds no
 * returns for (England, London) gets its published figures from a benchmark return, and a
 * parent computed from its children needs every child's return.
 */
export function missingBenchmarkNote(register: AreaRegister, benchmark: PublishedValue, periodLabel: string): string | null {
  if (benchmark.status !== 'no-data' && benchmark.status !== 'incomplete') return null;
  const area = register.find(benchmark.area);
  const name = area ? `${area.name} (${area.code})` : benchmark.area;
  const children = register.childrenOf(benchmark.area);
  if (benchmark.status === 'incomplete' && benchmark.missing.length > 0 && children.length > 0 && benchmark.missing.length < children.length) {
    const names = benchmark.missing.map((code) => register.find(code)?.name ?? code);
    return `Not compared: ${name} is summed from its areas, and ${names.join(', ')} ${names.length === 1 ? 'has' : 'have'} no figures for ${periodLabel}. Load their returns, or ${name}'s published figures as a benchmark return.`;
  }
  return `Not compared: no figures for ${name} for ${periodLabel} are held. An analyst can load its published figures as a benchmark return (indicator, area_code, period, numerator, denominator, value, source).`;
}

/** A reference stated per year is scaled by the period's share of a year: four quarters. */
export const QUARTERS_PER_YEAR = 4;

export interface ReferenceResult {
  low: number | null;
  high: number | null;
  label: string;
  /** 1 for a yearly period; a quarter's reference is a quarter of the yearly one. */
  scale: number;
  comparison: ReferenceComparison;
}

/**
 * Where a value sits against the indicator's reference, scaled to the period. SafeLives'
 * 40 MARAC cases a year per 10,000 women is 40 for a year and 40 × 1/4 = 10 for a quarter;
 * the 28–40% repeat-case range is a share and is not scaled.
 */
export function compareWithIndicatorReference(indicator: IndicatorDefinition, period: Period, value: PublishedValue): ReferenceResult | null {
  const reference: Reference | undefined = indicator.reference;
  if (!reference) return null;
  const scale = reference.perYear ? period.quarters.length / QUARTERS_PER_YEAR : 1;
  const low = reference.low === undefined ? null : reference.low * scale;
  const high = reference.high === undefined ? null : reference.high * scale;
  const comparison = value.status === 'ok' ? compareWithReference(value.value, { low, high }) : 'not-compared';
  return { low, high, label: reference.label, scale, comparison };
}
