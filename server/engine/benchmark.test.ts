// Benchmark choice and the reference comparison, scaled to the period's length.
import { describe, expect, it } from 'vitest';
import { INDICATORS } from '../../schemas/indicators';
import { parsePeriodId } from '../../schemas/periods';
import { chooseBenchmark, compareWithBenchmarkValue, compareWithIndicatorReference } from './benchmark';
import type { PublishedValue } from './disclosure';
import { SHIPPED_REGISTER } from './register';
import { computeValue } from './statistics';

const value = (numerator: number, denominator: number, multiplier: number, method: 'wilson' | 'byar', period = '2019-20Q3'): PublishedValue => ({
  area: 'E09000004', period, numerator, denominator, ...computeValue(method, numerator, denominator, multiplier)!, status: 'ok', source: 'returns', missing: [], note: null, warnings: [],
});
const published = (v: number | null, status: PublishedValue['status'] = 'ok'): PublishedValue => ({
  area: 'E12000007', period: '2019-20Q3', numerator: null, denominator: null, value: v, lower95: null, upper95: null, lower998: null, upper998: null, status, source: 'imported', missing: [], note: null, warnings: [],
});

describe('chooseBenchmark', () => {
  it.each([
    ['E09000004', undefined, 'E12000007'],
    ['E09000004', 'E23000001', 'E23000001'],
    ['E09000004', 'E92000001', 'E92000001'],
    ['E06000060', undefined, 'E23000029'],
    ['E23000029', undefined, 'E92000001'],
    ['E92000001', undefined, null],
  ])('%s asking for %s → %s', (area, requested, expected) => {
    expect(chooseBenchmark(SHIPPED_REGISTER, area, requested)).toEqual({ ok: true, code: expected });
  });

  it('refuses a comparator that is not one of the choices, naming them', () => {
    const choice = chooseBenchmark(SHIPPED_REGISTER, 'E09000004', 'E23000029');
    expect(choice.ok).toBe(false);
    expect(!choice.ok && choice.message).toBe('Thames Valley (E23000029) is not a benchmark for Bexley (E09000004). Choose one of: London (E12000007), Metropolitan Police (E23000001), England (E92000001).');
  });
});

describe('compareWithBenchmarkValue', () => {
  const repeat = INDICATORS.find((i) => i.id === 'repeat-perpetrator-rate')!;
  it.each([
    // 803 of 3,212 = 25.0% with 95% limits 23.5–26.5.
    [30, 'lower', 'better'],
    [20, 'higher', 'worse'],
    [25.5, 'similar', 'similar'],
  ])('25%% against %d → %s, %s (lower is better)', (b, significance, assessment) => {
    expect(compareWithBenchmarkValue(value(803, 3212, 100, 'wilson'), published(b), repeat.polarity, '95')).toMatchObject({ significance, assessment, value: b });
  });

  it('does not compare with a benchmark that is suppressed, incomplete or missing', () => {
    for (const status of ['suppressed', 'incomplete', 'no-data'] as const) {
      expect(compareWithBenchmarkValue(value(803, 3212, 100, 'wilson'), published(null, status), 'lower-better', '95')).toMatchObject({ status, value: null, significance: 'not-compared', assessment: 'not-compared' });
    }
  });
});

describe('compareWithIndicatorReference', () => {
  const caseRate = INDICATORS.find((i) => i.id === 'marac-case-rate')!;
  it.each([
    ['2019-20Q3', 99, 'below', 10],
    ['2019-20Q3', 101, 'within', 10],
    ['2019-20', 399, 'below', 40],
    ['R12-2019-20Q3', 401, 'within', 40],
    ['2019', 400, 'within', 40],
  ])('%s: %i cases per 100,000 women against a scaled 40 a year', (period, cases, comparison, low) => {
    const v = value(cases, 100_000, 10_000, 'byar', period);
    expect(compareWithIndicatorReference(caseRate, parsePeriodId(period)!, v)).toMatchObject({ low, high: null, comparison });
  });

  it('has no reference for an indicator without one', () => {
    expect(compareWithIndicatorReference(INDICATORS[0], parsePeriodId('2019')!, published(1))).toBeNull();
  });
});
