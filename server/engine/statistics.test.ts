import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  byarsLower,
  byarsUpper,
  compareWithBenchmark,
  compareWithReference,
  computeValue,
  proportionInterval,
  proportionTrendChiSquared,
  rateInterval,
  TREND_CHI_SQUARED_THRESHOLD,
  trend,
  trendJudgement,
  trendTest,
  weightedTrend,
  wilsonLower,
  wilsonUpper,
  zScore,
  type CiMethod,
  type ConfidenceLevel,
  type IndicatorValue,
  type TrendPoint,
} from './statistics';

// ---------------------------------------------------------------------------------------------
// PHEindicatormethods' own test cases (shared/reference/phe/, see its README.md)
// ---------------------------------------------------------------------------------------------

/**
 * Relative tolerance against the published values. The CSVs carry 15 significant digits, so
 * a few parts in 1e15 is the floor. The largest relative difference over all 241 published
 * numbers is 2.05e-14 (Wilson 99.8% lower limit for 1 of 100, where 2O + z² − z√(…) cancels
 * and magnifies last-digit differences in z); most agree to better than 5e-15. 5e-14 leaves
 * room for last-bit differences in Math.log/exp between Node versions, and nothing more.
 */
const RTOL = 5e-14;

type Row = Record<string, string>;

function readCsv(name: string): Row[] {
  const text = readFileSync(new URL(`../../../shared/reference/phe/${name}`, import.meta.url), 'utf8');
  const [header, ...lines] = text.trim().split(/\r?\n/);
  const columns = header.split(',');
  return lines.map((line) => {
    const cells = line.split(',');
    expect(cells).toHaveLength(columns.length); // no quoted commas in these files
    return Object.fromEntries(columns.map((c, i) => [c, cells[i].trim()]));
  });
}

/** Blank cell → null, anything else must be a number. */
function num(cell: string): number | null {
  if (cell === '') return null;
  const n = Number(cell);
  if (!Number.isFinite(n)) throw new Error(`not a number: ${cell}`);
  return n;
}

function expectClose(actual: number | null | undefined, expectedCell: string, what: string): void {
  const expected = num(expectedCell);
  if (expected === null) {
    expect(actual, `${what}: expected no value`).toBeNull();
    return;
  }
  expect(actual, `${what}: expected ${expected}`).not.toBeNull();
  const diff = Math.abs((actual as number) - expected);
  const allowed = RTOL * Math.abs(expected);
  expect(diff, `${what}: got ${actual}, expected ${expected}`).toBeLessThanOrEqual(allowed);
}

function label(file: string, row: Row): string {
  return `${file} ${row.Area ?? ''} ${row.Numerator ?? row.x}/${row.Denominator ?? row.n} ×${row.multiplier ?? ''}`;
}

/** Files with both levels: value, lower95_0cl, upper95_0cl, lower99_8cl, upper99_8cl. */
function checkTwoLevelFile(file: string, method: CiMethod): number {
  const rows = readCsv(file);
  for (const row of rows) {
    const result = computeValue(method, num(row.Numerator), num(row.Denominator), Number(row.multiplier));
    const what = label(file, row);
    if (num(row.Numerator) === null || num(row.Denominator) === null) {
      expect(result, `${what}: blank input gives no value`).toBeNull();
      expect(row.value, `${what}: PHE also gives no value`).toBe('');
      continue;
    }
    expect(result, what).not.toBeNull();
    const r = result as IndicatorValue;
    expectClose(r.value, row.value, `${what} value`);
    expectClose(r.lower95, row.lower95_0cl, `${what} lower 95%`);
    expectClose(r.upper95, row.upper95_0cl, `${what} upper 95%`);
    expectClose(r.lower998, row.lower99_8cl, `${what} lower 99.8%`);
    expectClose(r.upper998, row.upper99_8cl, `${what} upper 99.8%`);
  }
  return rows.length;
}

/** Grouped-data files with one level (95%): value, lowercl, uppercl, confidence. */
function checkOneLevelFile(file: string, method: CiMethod): number {
  const rows = readCsv(file);
  for (const row of rows) {
    expect(row.confidence).toBe('95%');
    const result = computeValue(method, num(row.Numerator), num(row.Denominator), Number(row.multiplier));
    const what = label(file, row);
    if (num(row.Numerator) === null || num(row.Denominator) === null) {
      expect(result, `${what}: blank input gives no value`).toBeNull();
      expect(row.value).toBe('');
      continue;
    }
    const r = result as IndicatorValue;
    expectClose(r.value, row.value, `${what} value`);
    expectClose(r.lower95, row.lowercl, `${what} lower 95%`);
    expectClose(r.upper95, row.uppercl, `${what} upper 95%`);
  }
  return rows.length;
}

describe('PHEindicatormethods test data', () => {
  it('rates (exact below 10 events, Byar from 10), both levels, per 100 and per 100,000', () => {
    expect(checkTwoLevelFile('testdata_Rate-testdata_Rate.csv', 'byar')).toBe(20);
  });

  it('rates on grouped (summed) data, 95%', () => {
    expect(checkOneLevelFile('testdata_Rate-testdata_Rate_g.csv', 'byar')).toBe(12);
  });

  it('proportions and percentages (Wilson), both levels', () => {
    expect(checkTwoLevelFile('testdata_Proportion-testdata_Prop.csv', 'wilson')).toBe(19);
  });

  it('proportions on grouped (summed) data, 95%', () => {
    expect(checkOneLevelFile('testdata_Proportion-testdata_Prop_g.csv', 'wilson')).toBe(11);
  });

  it("Byar's and Wilson limits on their own, including Byar's NA lower limit", () => {
    const rows = readCsv('testdata_Byars_Wilson-testdata_B_W.csv');
    expect(rows).toHaveLength(13);
    for (const row of rows) {
      const level: ConfidenceLevel = row.confidence === '95%' ? 0.95 : 0.998;
      expect(['95%', '99.8%']).toContain(row.confidence);
      const x = Number(row.x);
      const what = `B_W ${row.method} x=${row.x} n=${row.n} ${row.confidence}`;
      if (row.method === 'Byars') {
        expectClose(byarsLower(x, level), row.lowercl, `${what} lower`);
        expectClose(byarsUpper(x, level), row.uppercl, `${what} upper`);
      } else {
        expect(row.method).toBe('Wilson');
        const n = Number(row.n);
        expectClose(wilsonLower(x, n, level), row.lowercl, `${what} lower`);
        expectClose(wilsonUpper(x, n, level), row.uppercl, `${what} upper`);
      }
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Intervals and values: edge cases
// ---------------------------------------------------------------------------------------------

describe('intervals', () => {
  it('uses the normal quantile for z', () => {
    expect(zScore(0.95)).toBeCloseTo(1.959964, 6);
    expect(zScore(0.998)).toBeCloseTo(3.090232, 6);
  });

  it('switches from exact to Byar at 10 events', () => {
    // 9 events: exact, L = qchisq(0.025, 18)/2 = 8.230746/2 = 4.115373
    expect(rateInterval(9, 1, 1, 0.95).lower).toBeCloseTo(4.115373, 6);
    // 10 events: Byar, L = 10(1 − 1/90 − 1.959964/(3√10))³ = 10 × 0.7822905³ = 4.787450
    expect(rateInterval(10, 1, 1, 0.95).lower).toBeCloseTo(4.78745, 5);
  });

  it('gives zero events a zero lower limit and an exact upper limit', () => {
    // U = qchisq(0.975, 2)/2 = −ln(0.025) = 3.688879
    const ci = rateInterval(0, 1, 1, 0.95);
    expect(ci.lower).toBe(0);
    expect(ci.upper).toBeCloseTo(-Math.log(0.025), 10);
  });

  it('treats a plain count as a rate with n = 1 and m = 1', () => {
    const count = computeValue('byar', 65, 1, 1)!;
    expect(count.value).toBe(65);
    expect(count.lower95).toBeCloseTo(50.1631877104595, 10);
    expect(count.upper998).toBeCloseTo(94.000290844318, 10);
  });

  it('gives no value for a missing numerator or denominator or a zero denominator', () => {
    for (const method of ['byar', 'wilson', 'none'] as const) {
      expect(computeValue(method, null, 100, 100)).toBeNull();
      expect(computeValue(method, 5, null, 100)).toBeNull();
      expect(computeValue(method, null, null, 100)).toBeNull();
      expect(computeValue(method, 5, 0, 100)).toBeNull();
    }
  });

  it("gives a value without limits for method 'none'", () => {
    expect(computeValue('none', 3, 4, 100)).toEqual({
      value: 75,
      lower95: null,
      upper95: null,
      lower998: null,
      upper998: null,
    });
  });

  it('rejects impossible figures', () => {
    expect(() => computeValue('wilson', 101, 100, 100)).toThrow(RangeError);
    expect(() => proportionInterval(101, 100, 1, 0.95)).toThrow(RangeError);
    expect(() => computeValue('byar', -1, 100, 100)).toThrow(RangeError);
    expect(() => computeValue('byar', 1, -100, 100)).toThrow(RangeError);
    expect(() => computeValue('byar', Number.NaN, 100, 100)).toThrow(RangeError);
    // a rate may exceed its denominator (PHE Area12: 250 events in 220 person-years)
    expect(computeValue('byar', 250, 220, 100000)!.value).toBeCloseTo(113636.363636364, 8);
  });

  it('orders the limits: 99.8% contains 95%, which contains the value', () => {
    for (const [method, o, n] of [['byar', 3, 50], ['byar', 40, 50], ['wilson', 3, 50], ['wilson', 49, 50]] as const) {
      const v = computeValue(method, o, n, 100)!;
      expect(v.lower998!).toBeLessThan(v.lower95!);
      expect(v.lower95!).toBeLessThan(v.value);
      expect(v.value).toBeLessThan(v.upper95!);
      expect(v.upper95!).toBeLessThan(v.upper998!);
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Trend
// ---------------------------------------------------------------------------------------------

const outOf = (n: number, ...counts: Array<number | null>): TrendPoint[] =>
  counts.map((c) => ({ numerator: c, denominator: c === null ? null : n }));

describe('trend: proportions (χ² test for trend in proportions)', () => {
  // For n events out of equal denominators the Armitage statistic reduces to
  //   χ² = (Σ rᵢ(tᵢ − 3))² / (p̄(1 − p̄) · Σ nᵢ(tᵢ − 3)²),  t = 1..5, so Σ nᵢ(tᵢ − 3)² = 10n.
  const cases: Array<{ name: string; points: TrendPoint[]; chi2: number | null; marker: string }> = [
    {
      // Σr(t−3) = −20 −15 + 0 + 25 + 60 = 50; p̄ = 100/500 = 0.2; χ² = 2500 / (0.16 · 1000) = 15.625
      name: 'clearly increasing: 10, 15, 20, 25, 30 of 100',
      points: outOf(100, 10, 15, 20, 25, 30),
      chi2: 15.625,
      marker: 'increasing',
    },
    {
      // Σr(t−3) = −60 −25 + 0 + 15 + 20 = −50; χ² = 2500 / 160 = 15.625
      name: 'clearly decreasing: 30, 25, 20, 15, 10 of 100',
      points: outOf(100, 30, 25, 20, 15, 10),
      chi2: 15.625,
      marker: 'decreasing',
    },
    {
      // Σr(t−3) = −28 −17 + 0 + 23 + 52 = 30; p̄ = 0.2; χ² = 900 / 160 = 5.625 < 9.5495
      name: 'rising but not significant: 14, 17, 20, 23, 26 of 100',
      points: outOf(100, 14, 17, 20, 23, 26),
      chi2: 5.625,
      marker: 'no-significant-change',
    },
    {
      // Σr(t−3) = 20·(−2 −1 + 0 + 1 + 2) = 0; χ² = 0
      name: 'flat: 20 of 100 every time',
      points: outOf(100, 20, 20, 20, 20, 20),
      chi2: 0,
      marker: 'no-significant-change',
    },
    {
      // Σr(t−3) = −420 −200 + 0 + 180 + 660 = 220; p̄ = 1110/5000 = 0.222, p̄q̄ = 0.172716;
      // χ² = 48400 / 1727.16 = 28.0229 — significant, but without the last point the first four
      // (21%, 20%, 19%, 18%) fall, so the rise rests on one point: no significant change.
      name: 'significant χ² driven by one outlier: 210, 200, 190, 180, 330 of 1000',
      points: outOf(1000, 210, 200, 190, 180, 330),
      chi2: 48400 / 1727.16,
      marker: 'no-significant-change',
    },
    {
      // the 6 oldest-first points: only the last five count, i.e. the increasing case above
      name: 'uses only the five most recent points (older missing point ignored)',
      points: outOf(100, null, 10, 15, 20, 25, 30),
      chi2: 15.625,
      marker: 'increasing',
    },
    {
      name: 'a missing point among the five most recent',
      points: outOf(100, 10, 15, 20, null, 25, 30),
      chi2: null,
      marker: 'cannot-be-calculated',
    },
    {
      name: 'the most recent point missing',
      points: outOf(100, 10, 15, 20, 25, 30, null),
      chi2: null,
      marker: 'cannot-be-calculated',
    },
    {
      name: 'only four points',
      points: outOf(100, 10, 15, 20, 25),
      chi2: null,
      marker: 'cannot-be-calculated',
    },
    {
      name: 'a zero denominator counts as missing',
      points: [...outOf(100, 10, 15, 20, 25), { numerator: 0, denominator: 0 }],
      chi2: null,
      marker: 'cannot-be-calculated',
    },
    {
      name: '0% or 100% in a point (logit undefined)',
      points: outOf(100, 0, 15, 20, 25, 30),
      chi2: null,
      marker: 'cannot-be-calculated',
    },
  ];

  it.each(cases)('$name', ({ points, chi2, marker }) => {
    const detail = trendTest(points, 'wilson');
    expect(detail.marker).toBe(marker);
    expect(trend(points, 'wilson')).toBe(marker);
    if (chi2 === null) expect(detail.chiSquared).toBeNull();
    else expect(detail.chiSquared).toBeCloseTo(chi2, 10);
  });

  it('agrees with the general Armitage formula for unequal denominators', () => {
    // 8/40, 12/50, 20/60, 30/70, 40/80: N = 300, R = 110, Σrt = 8+24+60+120+200 = 412,
    // Σnt = 40+100+180+280+400 = 1000, Σnt² = 40+200+540+1120+2000 = 3900;
    // χ² = 300·(300·412 − 110·1000)² / (110·190·(300·3900 − 1000²))
    //    = 300·13600² / (20900·170000) = 5.5488e10 / 3.553e9 = 15.6172…
    const points = [
      { numerator: 8, denominator: 40 },
      { numerator: 12, denominator: 50 },
      { numerator: 20, denominator: 60 },
      { numerator: 30, denominator: 70 },
      { numerator: 40, denominator: 80 },
    ];
    const expected = (300 * 13600 ** 2) / (110 * 190 * 170000);
    expect(proportionTrendChiSquared(points)).toBeCloseTo(expected, 10);
    expect(trend(points, 'wilson')).toBe('increasing');
  });
});

describe('trend: rates (weighted regression on CI-derived standard errors)', () => {
  it('computes the weighted-regression χ² by hand', () => {
    // values 1..5, every SE = 1: β̂ = 1, Var(β̂) = 1/Σ(t−3)² = 1/10, χ² = 10 (> 9.5495)
    expect(weightedTrend([1, 2, 3, 4, 5], [1, 1, 1, 1, 1]).chiSquared).toBeCloseTo(10, 12);
    expect(weightedTrend([1, 2, 3, 4, 5], [1, 1, 1, 1, 1]).slope).toBeCloseTo(1, 12);
    // same values, every SE = 2: Var(β̂) = 4/10, χ² = 2.5
    expect(weightedTrend([1, 2, 3, 4, 5], [2, 2, 2, 2, 2]).chiSquared).toBeCloseTo(2.5, 12);
    // 18, 16, 14, 12, 10 with SE 1: β̂ = −2, χ² = 4 · 10 = 40
    expect(weightedTrend([18, 16, 14, 12, 10], [1, 1, 1, 1, 1])).toEqual({
      slope: expect.closeTo(-2, 12),
      chiSquared: expect.closeTo(40, 12),
    });
    // weights matter: SEs 1,1,1,1,10 make the last point count for 1/100 of the others, so
    // 1, 2, 3, 4, −50 still has β̂ ≈ +1 (−50 is almost ignored) — exact value from the S-sums:
    // S1 = 4.01, S3 = 10.05, S5 = 30.25, S2 = 30 − 2.5 = 27.5, S4 = 10 − 0.5 = 9.5
    // β̂ = (4.01·27.5 − 10.05·9.5) / (4.01·30.25 − 10.05²) = 14.8 / 20.3 = 0.72906
    expect(weightedTrend([1, 2, 3, 4, -50], [1, 1, 1, 1, 10]).slope).toBeCloseTo(14.8 / 20.3, 10);
  });

  const perTenThousand = (...counts: Array<number | null>) => outOf(10000, ...counts);

  it('marks 100, 120, 140, 160, 180 per 10,000 as increasing', () => {
    const points = perTenThousand(100, 120, 140, 160, 180);
    const detail = trendTest(points, 'byar');
    expect(detail.marker).toBe('increasing');
    // Independent working: SE from each point's own 95% Byar interval, then the hand-checked
    // weighted regression. With the Poisson shortcut SE ≈ √O/n the χ² would be 29.43; the
    // (slightly wider, asymmetric) Byar intervals give about 28.1.
    const ses = [100, 120, 140, 160, 180].map((o) => {
      const ci = rateInterval(o, 10000, 1, 0.95);
      return (ci.upper - ci.lower) / (2 * 1.959963984540054);
    });
    const expected = weightedTrend([0.01, 0.012, 0.014, 0.016, 0.018], ses).chiSquared;
    expect(detail.chiSquared).toBeCloseTo(expected, 10);
    expect(detail.chiSquared!).toBeGreaterThan(27);
    expect(detail.chiSquared!).toBeLessThan(29.43);
    // the multiplier does not change the test
    expect(detail.slope).toBeCloseTo(0.002, 10);
  });

  it('marks a falling series as decreasing and a flat one as no significant change', () => {
    expect(trend(perTenThousand(180, 160, 140, 120, 100), 'byar')).toBe('decreasing');
    const flat = trendTest(perTenThousand(150, 150, 150, 150, 150), 'byar');
    expect(flat.marker).toBe('no-significant-change');
    expect(flat.chiSquared).toBeCloseTo(0, 10);
  });

  it('does not mark a small rise in small numbers (exact intervals) as significant', () => {
    // 2, 3, 4, 5, 6 events: the exact Poisson intervals are wide, χ² well below 9.5495
    const detail = trendTest(outOf(1000, 2, 3, 4, 5, 6), 'byar');
    expect(detail.marker).toBe('no-significant-change');
    expect(detail.chiSquared!).toBeLessThan(TREND_CHI_SQUARED_THRESHOLD);
  });

  it('applies the outlier guard to rates too', () => {
    // 200, 190, 180, 170, 400: significant overall, but the first four fall
    const detail = trendTest(perTenThousand(200, 190, 180, 170, 400), 'byar');
    expect(detail.chiSquared!).toBeGreaterThan(TREND_CHI_SQUARED_THRESHOLD);
    expect(detail.marker).toBe('no-significant-change');
  });

  it('cannot calculate with a missing point, too few points, or no intervals', () => {
    expect(trend(perTenThousand(100, 120, null, 160, 180), 'byar')).toBe('cannot-be-calculated');
    expect(trend(perTenThousand(100, 120, 140, 160), 'byar')).toBe('cannot-be-calculated');
    expect(trend(perTenThousand(100, 120, 140, 160, 180), 'none')).toBe('cannot-be-calculated');
  });

  it('uses the Fingertips critical value qchisq(0.998, 1)', () => {
    expect(TREND_CHI_SQUARED_THRESHOLD).toBeCloseTo(9.54953570608324, 10);
  });
});

describe('trend judgement with polarity', () => {
  it.each([
    ['increasing', 'higher-better', 'getting-better'],
    ['increasing', 'lower-better', 'getting-worse'],
    ['increasing', 'no-judgement', 'increasing'],
    ['decreasing', 'higher-better', 'getting-worse'],
    ['decreasing', 'lower-better', 'getting-better'],
    ['decreasing', 'no-judgement', 'decreasing'],
    ['no-significant-change', 'higher-better', 'no-significant-change'],
    ['cannot-be-calculated', 'lower-better', 'cannot-be-calculated'],
  ] as const)('%s with %s → %s', (marker, polarity, expected) => {
    expect(trendJudgement(marker, polarity)).toBe(expected);
  });
});

// ---------------------------------------------------------------------------------------------
// Comparisons
// ---------------------------------------------------------------------------------------------

describe('compareWithBenchmark', () => {
  const ci = { lower: 10, upper: 20 };
  it.each([
    // benchmark below the interval → the area is higher
    [5, 'higher-better', 'better'],
    [5, 'lower-better', 'worse'],
    [5, 'no-judgement', 'higher'],
    // benchmark above the interval → lower
    [25, 'higher-better', 'worse'],
    [25, 'lower-better', 'better'],
    [25, 'no-judgement', 'lower'],
    // benchmark inside, or touching an end → similar
    [15, 'higher-better', 'similar'],
    [15, 'lower-better', 'similar'],
    [15, 'no-judgement', 'similar'],
    [10, 'higher-better', 'similar'],
    [20, 'lower-better', 'similar'],
  ] as const)('interval 10–20 vs %d, %s → %s', (benchmark, polarity, expected) => {
    expect(compareWithBenchmark(ci, benchmark, polarity)).toBe(expected);
  });

  it('depends on the confidence level used', () => {
    // 65 of 100 against 50%: 95% limits 55.3–73.6 (higher), 99.8% limits 49.5–77.8 (similar)
    const v = computeValue('wilson', 65, 100, 100)!;
    expect(compareWithBenchmark({ lower: v.lower95, upper: v.upper95 }, 50, 'higher-better')).toBe('better');
    expect(compareWithBenchmark({ lower: v.lower998, upper: v.upper998 }, 50, 'higher-better')).toBe('similar');
  });

  it('does not compare without an interval or a benchmark', () => {
    expect(compareWithBenchmark(null, 50)).toBe('not-compared');
    expect(compareWithBenchmark({ lower: 1, upper: 2 }, null)).toBe('not-compared');
    const noCi = computeValue('none', 1, 2, 100)!;
    expect(compareWithBenchmark({ lower: noCi.lower95, upper: noCi.upper95 }, 10)).toBe('not-compared');
  });
});

describe('compareWithReference', () => {
  it.each([
    [70, { low: 60, high: 80 }, 'within'],
    [60, { low: 60, high: 80 }, 'within'], // ends are inclusive
    [80, { low: 60, high: 80 }, 'within'],
    [59.9, { low: 60, high: 80 }, 'below'],
    [80.1, { low: 60, high: 80 }, 'above'],
    // a single recommended minimum level
    [75, { low: 80, high: null }, 'below'],
    [95, { low: 80, high: null }, 'within'],
    // a single recommended maximum level
    [12, { low: null, high: 10 }, 'above'],
    [3, { low: null, high: 10 }, 'within'],
  ] as const)('%d against %o → %s', (value, range, expected) => {
    expect(compareWithReference(value, range)).toBe(expected);
  });

  it('does not compare a missing value or an empty range, and rejects an inverted range', () => {
    expect(compareWithReference(null, { low: 1, high: 2 })).toBe('not-compared');
    expect(compareWithReference(5, { low: null, high: null })).toBe('not-compared');
    expect(() => compareWithReference(5, { low: 9, high: 1 })).toThrow(RangeError);
  });
});
