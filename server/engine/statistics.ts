/**
 * Indicator statistics, following the methods OHID publishes for Fingertips and implements in
 * the PHEindicatormethods R package (our reference: its own test cases, kept in
 * shared/reference/phe/ and checked row by row in statistics.test.ts).
 *
 * Pure functions only: no I/O, no clock, no database. Everything here is deterministic so the
 * same return always yields the same dashboard.
 *
 * Contents
 *  - confidence intervals: Byar's / exact Poisson for rates and counts, Wilson for proportions
 *  - computeValue: value plus 95% and 99.8% limits, or null when there is nothing to compute
 *  - trend: the Fingertips "recent trend" marker over the five most recent points
 *  - compareWithBenchmark / compareWithReference and the polarity wording on top of them
 */
import chisquareQuantile from '@stdlib/stats-base-dists-chisquare-quantile';
import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';

// ---------------------------------------------------------------------------------------------
// Types
// ---------------------------------------------------------------------------------------------

/** The two levels Fingertips shows: 95% for everyday comparison, 99.8% for the stricter one. */
export type ConfidenceLevel = 0.95 | 0.998;

export interface Interval {
  lower: number;
  upper: number;
}

/**
 * How an indicator's confidence interval is computed:
 *  - 'byar'   rates and plain counts (a count is a rate with denominator 1 and multiplier 1);
 *             exact Poisson limits below 10 events, Byar's approximation from 10.
 *  - 'wilson' proportions and percentages (Wilson score interval).
 *  - 'none'   a value with no interval (no significance testing, no trend).
 */
export type CiMethod = 'byar' | 'wilson' | 'none';

/** Which direction is good news, as Fingertips records it per indicator. */
export type Polarity = 'higher-better' | 'lower-better' | 'no-judgement';

export interface IndicatorValue {
  value: number;
  lower95: number | null;
  upper95: number | null;
  lower998: number | null;
  upper998: number | null;
}

// ---------------------------------------------------------------------------------------------
// Confidence intervals
// ---------------------------------------------------------------------------------------------

/**
 * Two-sided normal quantile for a confidence level, as PHEindicatormethods computes it:
 * qnorm(level + (1 - level) / 2). 0.95 → 1.959963984540054, 0.998 → 3.090232306167813.
 */
export function zScore(level: ConfidenceLevel | number): number {
  return normalQuantile(level + (1 - level) / 2, 0, 1);
}

/** Below this many events the exact Poisson limits are used instead of Byar's (PHE's rule). */
export const BYARS_MIN_COUNT = 10;

/**
 * Byar's lower limit for an observed count O: O(1 - 1/(9O) - z/(3√O))³.
 * The approximation goes negative for tiny counts at high confidence (e.g. O = 1 at 99.8%);
 * PHEindicatormethods then returns NA, and so do we (null). rateInterval never reaches that
 * case because it switches to exact limits below 10 events.
 */
export function byarsLower(count: number, level: ConfidenceLevel): number | null {
  assertCount(count);
  const z = zScore(level);
  const lower = count * (1 - 1 / (9 * count) - z / (3 * Math.sqrt(count))) ** 3;
  return lower >= 0 ? lower : null; // negative, or NaN at O = 0
}

/** Byar's upper limit for an observed count O: (O+1)(1 - 1/(9(O+1)) + z/(3√(O+1)))³. */
export function byarsUpper(count: number, level: ConfidenceLevel): number {
  assertCount(count);
  const z = zScore(level);
  const o1 = count + 1;
  return o1 * (1 - 1 / (9 * o1) + z / (3 * Math.sqrt(o1))) ** 3;
}

/**
 * Exact Poisson limits for a count, via the chi-squared quantile:
 * L = qchisq(α/2, 2O)/2 (0 when O = 0), U = qchisq(1 - α/2, 2O + 2)/2, with α = 1 - level.
 */
export function exactPoissonInterval(count: number, level: ConfidenceLevel): Interval {
  assertCount(count);
  // Same arithmetic as PHEindicatormethods: (1-conf)/2 and conf+(1-conf)/2.
  const pLower = (1 - level) / 2;
  const pUpper = level + (1 - level) / 2;
  return {
    // qchisq(p, 0) is the point mass at 0 in R; stdlib gives 0 too, but say it outright.
    lower: count === 0 ? 0 : chisquareQuantile(pLower, 2 * count) / 2,
    upper: chisquareQuantile(pUpper, 2 * count + 2) / 2,
  };
}

/**
 * Interval for a rate O/n × m (and, with n = 1 and m = 1, for a plain count).
 *
 * Worked example (PHE test data, Area3): O = 20, n = 100, m = 100, 95%:
 *   z = 1.959964; L = 20·(1 - 1/180 - 1.959964/(3·√20))³ = 12.2114288…
 *   U = 21·(1 - 1/189 + 1.959964/(3·√21))³ = 30.8898803…
 *   → the rate 20 per 100 has 95% limits 12.21 to 30.89.
 * With O = 5 (below 10) the exact limits are used: qchisq(0.025, 10)/2 = 1.6235 and
 * qchisq(0.975, 12)/2 = 11.668, i.e. 1.62 to 11.67 per 100.
 */
export function rateInterval(
  count: number,
  denominator: number,
  multiplier: number,
  level: ConfidenceLevel,
): Interval {
  assertCount(count);
  assertDenominator(denominator);
  assertMultiplier(multiplier);
  let lower: number;
  let upper: number;
  if (count < BYARS_MIN_COUNT) {
    ({ lower, upper } = exactPoissonInterval(count, level));
  } else {
    // From 10 events Byar's lower limit is always positive, so the null case cannot occur.
    lower = byarsLower(count, level) as number;
    upper = byarsUpper(count, level);
  }
  return { lower: (lower / denominator) * multiplier, upper: (upper / denominator) * multiplier };
}

/** Wilson score lower limit for O of n, as a proportion of 1 (no multiplier). */
export function wilsonLower(count: number, denominator: number, level: ConfidenceLevel): number {
  return wilson(count, denominator, level, -1);
}

/** Wilson score upper limit for O of n, as a proportion of 1 (no multiplier). */
export function wilsonUpper(count: number, denominator: number, level: ConfidenceLevel): number {
  return wilson(count, denominator, level, +1);
}

function wilson(count: number, denominator: number, level: ConfidenceLevel, sign: 1 | -1): number {
  assertCount(count);
  assertDenominator(denominator);
  const z = zScore(level);
  const z2 = z * z;
  // Term by term as in PHEindicatormethods, so results agree to the last few digits:
  // (2O + z² ± z√(z² + 4O(1 - O/n))) / 2 / (n + z²)
  return (
    (2 * count + z2 + sign * z * Math.sqrt(z2 + 4 * count * (1 - count / denominator))) /
    2 /
    (denominator + z2)
  );
}

/**
 * Interval for a proportion O/n × m (m = 1 for a proportion, 100 for a percentage).
 * A numerator above its denominator is not a proportion and throws.
 *
 * Worked example (PHE test data, Area4): O = 65, n = 100, 95%, z² = 3.841459:
 *   √(z² + 4·65·(1 - 0.65)) = √(3.841459 + 91) = 9.738658
 *   lower = (130 + 3.841459 - 1.959964·9.738658) / 2 / 103.841459 = 0.552544
 *   upper = (130 + 3.841459 + 1.959964·9.738658) / 2 / 103.841459 = 0.736358
 *   → 65% with 95% limits 55.3% to 73.6%.
 */
export function proportionInterval(
  count: number,
  denominator: number,
  multiplier: number,
  level: ConfidenceLevel,
): Interval {
  assertCount(count);
  assertDenominator(denominator);
  assertMultiplier(multiplier);
  if (count > denominator) {
    throw new RangeError(
      `numerator (${count}) must not exceed denominator (${denominator}) for a proportion`,
    );
  }
  return {
    lower: wilsonLower(count, denominator, level) * multiplier,
    upper: wilsonUpper(count, denominator, level) * multiplier,
  };
}

/**
 * The value and both intervals for one area and period.
 *
 * Returns null ("no value") when the numerator or denominator is missing or the denominator is
 * zero: suppressed or not-yet-submitted figures are normal in quarterly returns. Figures that
 * are present but impossible (negative, non-finite, or a proportion above 1) throw a RangeError:
 * they are data errors to catch at validation, not something to chart quietly.
 */
export function computeValue(
  method: CiMethod,
  numerator: number | null,
  denominator: number | null,
  multiplier: number,
): IndicatorValue | null {
  if (numerator === null || denominator === null || denominator === 0) return null;
  assertCount(numerator);
  assertDenominator(denominator);
  assertMultiplier(multiplier);
  const value = (numerator / denominator) * multiplier;
  if (method === 'none') {
    return { value, lower95: null, upper95: null, lower998: null, upper998: null };
  }
  const interval = method === 'byar' ? rateInterval : proportionInterval;
  const ci95 = interval(numerator, denominator, multiplier, 0.95);
  const ci998 = interval(numerator, denominator, multiplier, 0.998);
  return {
    value,
    lower95: ci95.lower,
    upper95: ci95.upper,
    lower998: ci998.lower,
    upper998: ci998.upper,
  };
}

// ---------------------------------------------------------------------------------------------
// Recent trend (Fingertips trend markers)
// ---------------------------------------------------------------------------------------------
//
// What Fingertips does (OHID, "Fingertips trend markers", Public Health Technical Guidance:
// fingertips.phe.org.uk/static-reports/public-health-technical-guidance/Presentation/
// Trend_markers.html; implemented in the Fingertips source, ukhsa-collaboration/fingertips-open,
// PholioVisualisationWS/Analysis/TrendMarkers/TrendMarkerCalculator.cs, and in
// PHEindicatormethods::assign_trend_markers):
//
//  1. Take the five most recent points. All five must have data (the series must be unbroken);
//     otherwise the trend "cannot be calculated".
//  2. Compute a χ² statistic on one degree of freedom and a gradient β̂, with time scored 1..5:
//     - Proportions: the χ² test for trend in proportions (Armitage / Cochran–Armitage), with
//       N = Σnᵢ, R = Σrᵢ:
//         χ² = N (N Σrᵢtᵢ − R Σnᵢtᵢ)² / ( R (N − R) (N Σnᵢtᵢ² − (Σnᵢtᵢ)²) )
//       (identical to R's prop.trend.test). β̂ is the least-squares gradient of logit(rᵢ/nᵢ).
//     - Every other type, rates included: weighted least squares of the values on time, each
//       weighted by 1/SEᵢ² with SEᵢ = (upper95 − lower95) / (2 × 1.959964) taken from the
//       point's own 95% interval (here Byar's or exact Poisson; the Fingertips C# divides by
//       3.92, PHEindicatormethods by 2·qnorm(0.975) as here, which moves χ² by 0.004%).
//       With S₁ = Σw, S₂ = Σwyt, S₃ = Σwt, S₄ = Σwy, S₅ = Σwt²:
//         β̂ = (S₁S₂ − S₃S₄) / (S₁S₅ − S₃²),  Var(β̂) = S₁ / (S₁S₅ − S₃²),  χ² = β̂² / Var(β̂).
//       This is the "Poisson form" for rates that Fingertips actually uses: the Poisson
//       variability enters through the interval width rather than a separate Poisson χ² test.
//  3. Significant when χ² > 9.5495 (= qchisq(0.998, 1), p < 0.002).
//  4. Outlier guard: refit β̂ leaving out each point in turn; if any of the five refits points
//     the other way (sign differs, a zero gradient counting as different, as R's sign() does)
//     the marker is "no significant change" rather than a trend driven by one point.
//  5. Otherwise the sign of β̂ gives increasing / decreasing.
//
// The χ² and β̂ do not depend on the multiplier or on shifting the time scores, so values are
// used per unit (multiplier 1) and t = 1..5. Points must be equally spaced comparable periods
// (Fingertips tests annual data only; that is the caller's choice of series).

export type TrendMarker = 'increasing' | 'decreasing' | 'no-significant-change' | 'cannot-be-calculated';

export interface TrendPoint {
  numerator: number | null;
  denominator: number | null;
}

export interface TrendDetail {
  marker: TrendMarker;
  /** χ² on 1 df, or null when it could not be computed. */
  chiSquared: number | null;
  /** Gradient β̂ (logit per period for proportions, value per period otherwise), or null. */
  slope: number | null;
  /** Plain-English reason, for tooltips and audit. */
  reason: string;
}

export const TREND_POINTS = 5;

/** qchisq(0.998, 1) = 9.54953570608324, the critical value Fingertips uses (R rounds to 9.5495). */
export const TREND_CHI_SQUARED_THRESHOLD: number = chisquareQuantile(0.998, 1);

/**
 * χ² test for trend in proportions (Armitage), time scored 1..k in the order given.
 * Returns NaN when every point is 0% or every point is 100% (no variation to test).
 *
 * Worked example: 10, 15, 20, 25, 30 events out of 100 each. N = 500, R = 100,
 * Σrt = 350, Σnt = 1500, Σnt² = 5500:
 *   χ² = 500·(500·350 − 100·1500)² / (100·400·(500·5500 − 1500²)) = 3.125e11 / 2e10 = 15.625.
 */
export function proportionTrendChiSquared(points: ReadonlyArray<{ numerator: number; denominator: number }>): number {
  let sN = 0;
  let sR = 0;
  let sRt = 0;
  let sNt = 0;
  let sNt2 = 0;
  points.forEach(({ numerator: r, denominator: n }, i) => {
    const t = i + 1;
    sN += n;
    sR += r;
    sRt += r * t;
    sNt += n * t;
    sNt2 += n * t * t;
  });
  const denominator = sR * (sN - sR) * (sN * sNt2 - sNt * sNt);
  if (denominator === 0) return Number.NaN;
  return (sN * (sN * sRt - sR * sNt) ** 2) / denominator;
}

/**
 * Weighted least-squares gradient of values on time (t = 1..k in the order given), weights
 * 1/SE², and its χ² = (β̂ / SE(β̂))².
 *
 * Worked example: values 1, 2, 3, 4, 5 each with SE 1 → β̂ = 1, Var(β̂) = 1/Σ(t − 3)² = 1/10,
 * χ² = 1/0.1 = 10 (just significant); with every SE = 2, Var(β̂) = 4/10 and χ² = 2.5.
 */
export function weightedTrend(
  values: readonly number[],
  standardErrors: readonly number[],
): { slope: number; chiSquared: number } {
  if (values.length !== standardErrors.length) {
    throw new RangeError('values and standard errors must be the same length');
  }
  const slope = weightedSlope(values, standardErrors, -1);
  let s1 = 0;
  let s3 = 0;
  let s5 = 0;
  standardErrors.forEach((se, i) => {
    const w = 1 / (se * se);
    const t = i + 1;
    s1 += w;
    s3 += w * t;
    s5 += w * t * t;
  });
  const variance = s1 / (s1 * s5 - s3 * s3);
  return { slope, chiSquared: (slope * slope) / variance };
}

/** β̂ of the weighted fit, optionally leaving out the point at index `skip` (-1: keep all). */
function weightedSlope(values: readonly number[], standardErrors: readonly number[], skip: number): number {
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let s4 = 0;
  let s5 = 0;
  values.forEach((y, i) => {
    if (i === skip) return;
    const w = 1 / (standardErrors[i] * standardErrors[i]);
    const t = i + 1; // keep the original time score when a point is left out
    s1 += w;
    s2 += w * y * t;
    s3 += w * t;
    s4 += w * y;
    s5 += w * t * t;
  });
  return (s1 * s2 - s3 * s4) / (s1 * s5 - s3 * s3);
}

/** Ordinary least-squares gradient of y on t (original scores 1..k), optionally leaving one out. */
function olsSlope(ys: readonly number[], skip: number): number {
  let n = 0;
  let st = 0;
  let sy = 0;
  let sty = 0;
  let stt = 0;
  ys.forEach((y, i) => {
    if (i === skip) return;
    const t = i + 1;
    n += 1;
    st += t;
    sy += y;
    sty += t * y;
    stt += t * t;
  });
  return (n * sty - sy * st) / (n * stt - st * st);
}

/**
 * The full trend calculation with its working (χ², gradient, reason).
 * `points` are the comparable periods oldest first, with a missing period given as a point with
 * a null numerator/denominator (not left out), so that a break in the series is seen.
 * Impossible figures (negative, or a proportion above 1) throw, as in computeValue.
 */
export function trendTest(points: readonly TrendPoint[], method: CiMethod): TrendDetail {
  const cannot = (reason: string): TrendDetail => ({
    marker: 'cannot-be-calculated',
    chiSquared: null,
    slope: null,
    reason,
  });

  if (method === 'none') return cannot('no confidence intervals to weight the points');
  const recent = points.slice(-TREND_POINTS);
  if (recent.length < TREND_POINTS) return cannot(`fewer than ${TREND_POINTS} points`);

  const computed = recent.map((p) => computeValue(method, p.numerator, p.denominator, 1));
  if (computed.some((v) => v === null)) {
    return cannot(`missing data in the ${TREND_POINTS} most recent points`);
  }

  let chiSquared: number;
  let slopeWithout: (skip: number) => number;
  if (method === 'wilson') {
    const data = recent as ReadonlyArray<{ numerator: number; denominator: number }>;
    // The logit is undefined at 0% and 100%; Fingertips refuses count = denominator, and we
    // treat a zero count the same way rather than let ±Infinity decide the direction.
    if (data.some((p) => p.numerator === 0 || p.numerator === p.denominator)) {
      return cannot('a proportion of 0% or 100% among the points');
    }
    chiSquared = proportionTrendChiSquared(data);
    const logits = data.map((p) => Math.log(p.numerator / (p.denominator - p.numerator)));
    slopeWithout = (skip) => olsSlope(logits, skip);
  } else {
    const values = computed.map((v) => v!.value);
    const ses = computed.map((v) => (v!.upper95! - v!.lower95!) / (2 * zScore(0.95)));
    chiSquared = weightedTrend(values, ses).chiSquared;
    slopeWithout = (skip) => weightedSlope(values, ses, skip);
  }

  const slope = slopeWithout(-1);
  if (!Number.isFinite(chiSquared) || !Number.isFinite(slope)) {
    return cannot('no variation to test');
  }
  if (!(chiSquared > TREND_CHI_SQUARED_THRESHOLD)) {
    return { marker: 'no-significant-change', chiSquared, slope, reason: 'χ² not above 9.5495' };
  }
  for (let skip = 0; skip < TREND_POINTS; skip++) {
    if (Math.sign(slopeWithout(skip)) !== Math.sign(slope)) {
      return {
        marker: 'no-significant-change',
        chiSquared,
        slope,
        reason: `direction changes without point ${skip + 1} of ${TREND_POINTS} (outlier)`,
      };
    }
  }
  return {
    marker: slope > 0 ? 'increasing' : 'decreasing',
    chiSquared,
    slope,
    reason: 'χ² above 9.5495 and no outlier',
  };
}

/** The Fingertips recent-trend marker for a series (see trendTest for the working). */
export function trend(points: readonly TrendPoint[], method: CiMethod): TrendMarker {
  return trendTest(points, method).marker;
}

export type TrendJudgement =
  | 'getting-better'
  | 'getting-worse'
  | 'increasing'
  | 'decreasing'
  | 'no-significant-change'
  | 'cannot-be-calculated';

/**
 * Words for a trend given the indicator's polarity: an increase is "getting better" when
 * higher is better. With 'no-judgement' the direction is reported as it is.
 */
export function trendJudgement(marker: TrendMarker, polarity: Polarity): TrendJudgement {
  if (marker !== 'increasing' && marker !== 'decreasing') return marker;
  if (polarity === 'no-judgement') return marker;
  return (marker === 'increasing') === (polarity === 'higher-better') ? 'getting-better' : 'getting-worse';
}

// ---------------------------------------------------------------------------------------------
// Comparisons
// ---------------------------------------------------------------------------------------------

export type BenchmarkComparison = 'better' | 'worse' | 'similar' | 'higher' | 'lower' | 'not-compared';

/**
 * Significance against a benchmark value B (e.g. the England or regional value), using the
 * interval at whichever level the display uses: 'higher' when the lower limit is above B,
 * 'lower' when the upper limit is below B, otherwise 'similar' (an interval touching B is
 * similar). With a polarity, higher/lower become better/worse; 'no-judgement' keeps
 * higher/lower. Missing interval or benchmark → 'not-compared'.
 *
 * Example: 65 of 100 (65%) against B = 50%: 95% interval 55.3–73.6 → higher (better if higher
 * is better); 99.8% interval 49.5–77.8 contains 50 → similar.
 */
export function compareWithBenchmark(
  interval: { lower: number | null; upper: number | null } | null,
  benchmark: number | null,
  polarity: Polarity = 'no-judgement',
): BenchmarkComparison {
  if (interval === null || benchmark === null) return 'not-compared';
  const { lower, upper } = interval;
  if (lower === null || upper === null) return 'not-compared';
  const direction = lower > benchmark ? 'higher' : upper < benchmark ? 'lower' : 'similar';
  if (direction === 'similar' || polarity === 'no-judgement') return direction;
  return (direction === 'higher') === (polarity === 'higher-better') ? 'better' : 'worse';
}

export type ReferenceComparison = 'below' | 'within' | 'above' | 'not-compared';

/**
 * Where a value sits against a reference range [low, high], ends inclusive. A single
 * recommended level is a range with one end open (null): at least 80 → { low: 80, high: null };
 * at most 10 → { low: null, high: 10 }. Compares the value itself, not its interval.
 */
export function compareWithReference(
  value: number | null,
  range: { low: number | null; high: number | null },
): ReferenceComparison {
  if (value === null || (range.low === null && range.high === null)) return 'not-compared';
  if (range.low !== null && range.high !== null && range.low > range.high) {
    throw new RangeError(`reference range low (${range.low}) is above high (${range.high})`);
  }
  if (range.low !== null && value < range.low) return 'below';
  if (range.high !== null && value > range.high) return 'above';
  return 'within';
}

// ---------------------------------------------------------------------------------------------
// Input checks
// ---------------------------------------------------------------------------------------------

function assertCount(count: number): void {
  if (!Number.isFinite(count) || count < 0) {
    throw new RangeError(`count must be a finite number ≥ 0, got ${count}`);
  }
}

function assertDenominator(denominator: number): void {
  if (!Number.isFinite(denominator) || denominator <= 0) {
    throw new RangeError(`denominator must be a finite number > 0, got ${denominator}`);
  }
}

function assertMultiplier(multiplier: number): void {
  if (!Number.isFinite(multiplier) || multiplier <= 0) {
    throw new RangeError(`multiplier must be a finite number > 0, got ${multiplier}`);
  }
}
