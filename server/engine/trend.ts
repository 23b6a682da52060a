// The recent-trend marker (DOMAIN.md section 7, statistics.ts trendTest) over the five most
// recent comparable points, a year apart, ending with the period shown:
//   quarter 2020-21Q2      → 2016-17Q2, 2017-18Q2, … 2020-21Q2 (the same quarter each year:
//                            shown as a sparkline, never tested, because abuse is seasonal and
//                            PHEindicatormethods says quarterly data are not to be tested)
//   financial year 2020-21 → 2016-17 … 2020-21
//   calendar year 2020     → 2016 … 2020
//   rolling R12-2020-21Q2  → R12-2016-17Q2, R12-2017-18Q2, … (a step of four quarters, so
//                            the points do not overlap and are independent)
import { financialYearId, parsePeriodId, parseQuarterId, shiftQuarter, type Period } from '../../schemas/periods';
import { isCount, type IndicatorDefinition } from '../../schemas/indicators';
import type { PublishedValue } from './disclosure';
import { TREND_POINTS, trendJudgement, trendTest, type TrendJudgement, type TrendMarker, type TrendPoint } from './statistics';

/** Comparable points are a year apart: four quarters. */
const QUARTERS_PER_STEP = 4;

/** Comparable periods are asked for again and again (every indicator of every summary); a few hundred ids cover any real use. */
const MAX_REMEMBERED_PERIODS = 1000;
const remembered = new Map<string, string[]>();

function periodBefore(period: Period, k: number): string {
  switch (period.kind) {
    case 'quarter':
      return shiftQuarter(period.id, -QUARTERS_PER_STEP * k);
    case 'financial-year':
      return financialYearId(Number(period.id.slice(0, 4)) - k);
    case 'calendar-year':
      return String(Number(period.id) - k);
    case 'rolling-year':
      return `R12-${shiftQuarter(period.quarters[period.quarters.length - 1], -QUARTERS_PER_STEP * k)}`;
  }
}

/** The `count` comparable periods ending with `period`, oldest first (those before year 0 left out). */
export function comparablePeriods(period: Period, count: number = TREND_POINTS): string[] {
  const key = `${period.id}/${count}`;
  let ids = remembered.get(key);
  if (!ids) {
    ids = [];
    for (let k = count - 1; k >= 0; k--) ids.push(periodBefore(period, k));
    ids = ids.filter((id) => parsePeriodId(id) !== null);
    if (remembered.size >= MAX_REMEMBERED_PERIODS) remembered.clear();
    remembered.set(key, ids);
  }
  return ids;
}

/** A quarter's trend is not tested: the marker and judgement say so, distinct from "cannot be calculated". */
export const NOT_TESTED = 'not-tested';
export const NOT_TESTED_REASON = 'not tested: quarterly figures are seasonal; compared with the same quarter a year before';

export interface TrendResult {
  marker: TrendMarker | typeof NOT_TESTED;
  judgement: TrendJudgement | typeof NOT_TESTED;
  /** The comparable points, oldest first (tested for years and rolling years only). */
  periods: string[];
  chiSquared: number | null;
  reason: string;
}

/**
 * The trend over published points only: a suppressed point hides the trend (the marker could
 * otherwise hint at the hidden count), as does an incomplete or missing one (Fingertips needs
 * five unbroken points). Points are what `disclose` returned, so nothing hidden is used.
 * Points that are quarters are not tested at all, whatever their figures.
 */
export function trendOf(indicator: IndicatorDefinition, points: readonly PublishedValue[]): TrendResult {
  const periods = points.map((p) => p.period);
  if (points.some((p) => parseQuarterId(p.period) !== null)) {
    return { marker: NOT_TESTED, judgement: NOT_TESTED, periods, chiSquared: null, reason: NOT_TESTED_REASON };
  }
  const cannot = (reason: string): TrendResult => ({ marker: 'cannot-be-calculated', judgement: 'cannot-be-calculated', periods, chiSquared: null, reason });
  if (points.some((p) => p.status === 'suppressed')) return cannot('a point is suppressed (small numbers)');
  // A count is published without a denominator; tested, it is a rate over a constant 1 (Poisson counts).
  const denominatorOf = (p: PublishedValue) => (isCount(indicator) ? 1 : p.denominator);
  const trendPoints: TrendPoint[] = points.map((p) => ({ numerator: p.status === 'ok' ? p.numerator : null, denominator: p.status === 'ok' ? denominatorOf(p) : null }));
  if (indicator.ci === 'wilson' && trendPoints.some((p) => p.numerator !== null && p.denominator !== null && p.numerator > p.denominator)) {
    return cannot('a point is above 100%, so it is not a proportion');
  }
  const detail = trendTest(trendPoints, indicator.ci);
  return { marker: detail.marker, judgement: trendJudgement(detail.marker, indicator.polarity), periods, chiSquared: detail.chiSquared, reason: detail.reason };
}
