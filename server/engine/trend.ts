// The recent-trend marker (DOMAIN.md section 7, statistics.ts trendTest) over the five most
// recent comparable points ending with the period shown:
//   quarter 2020-21Q2      → 2019-20Q2, 2019-20Q3, 2019-20Q4, 2020-21Q1, 2020-21Q2
//   financial year 2020-21 → 2016-17 … 2020-21
//   calendar year 2020     → 2016 … 2020
//   rolling R12-2020-21Q2  → R12-2016-17Q2, R12-2017-18Q2, … (a step of four quarters, so
//                            the points do not overlap and are independent)
import { financialYearId, parsePeriodId, shiftQuarter, type Period } from '../../schemas/periods';
import type { IndicatorDefinition } from '../../schemas/indicators';
import type { PublishedValue } from './disclosure';
import { TREND_POINTS, trendJudgement, trendTest, type TrendJudgement, type TrendMarker, type TrendPoint } from './statistics';

const QUARTERS_PER_STEP_FOR_YEARS = 4;

/** Comparable periods are asked for again and again (every indicator of every summary); a few hundred ids cover any real use. */
const MAX_REMEMBERED_PERIODS = 1000;
const remembered = new Map<string, string[]>();

function periodBefore(period: Period, k: number): string {
  switch (period.kind) {
    case 'quarter':
      return shiftQuarter(period.id, -k);
    case 'financial-year':
      return financialYearId(Number(period.id.slice(0, 4)) - k);
    case 'calendar-year':
      return String(Number(period.id) - k);
    case 'rolling-year':
      return `R12-${shiftQuarter(period.quarters[period.quarters.length - 1], -QUARTERS_PER_STEP_FOR_YEARS * k)}`;
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

export interface TrendResult {
  marker: TrendMarker;
  judgement: TrendJudgement;
  /** The points tested, oldest first. */
  periods: string[];
  chiSquared: number | null;
  reason: string;
}

/**
 * The trend over published points only: a suppressed point hides the trend (the marker could
 * otherwise hint at the hidden count), as does an incomplete or missing one (Fingertips needs
 * five unbroken points). Points are what `disclose` returned, so nothing hidden is used.
 */
export function trendOf(indicator: IndicatorDefinition, points: readonly PublishedValue[]): TrendResult {
  const periods = points.map((p) => p.period);
  const cannot = (reason: string): TrendResult => ({ marker: 'cannot-be-calculated', judgement: 'cannot-be-calculated', periods, chiSquared: null, reason });
  if (points.some((p) => p.status === 'suppressed')) return cannot('a point is suppressed (small numbers)');
  const trendPoints: TrendPoint[] = points.map((p) => ({ numerator: p.status === 'ok' ? p.numerator : null, denominator: p.status === 'ok' ? p.denominator : null }));
  if (indicator.ci === 'wilson' && trendPoints.some((p) => p.numerator !== null && p.denominator !== null && p.numerator > p.denominator)) {
    return cannot('a point is above 100%, so it is not a proportion');
  }
  const detail = trendTest(trendPoints, indicator.ci);
  return { marker: detail.marker, judgement: trendJudgement(detail.marker, indicator.polarity), periods, chiSquared: detail.chiSquared, reason: detail.reason };
}
