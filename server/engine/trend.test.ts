// Which five points the recent trend is tested over, and what hides it.
import { describe, expect, it } from 'vitest';
import { INDICATORS } from '../../schemas/indicators';
import { parsePeriodId } from '../../schemas/periods';
import type { PublishedValue } from './disclosure';
import { comparablePeriods, trendOf } from './trend';

describe('comparable periods', () => {
  it.each([
    ['2020-21Q2', ['2019-20Q2', '2019-20Q3', '2019-20Q4', '2020-21Q1', '2020-21Q2']],
    ['2020-21Q1', ['2019-20Q1', '2019-20Q2', '2019-20Q3', '2019-20Q4', '2020-21Q1']],
    ['2020-21', ['2016-17', '2017-18', '2018-19', '2019-20', '2020-21']],
    ['2020', ['2016', '2017', '2018', '2019', '2020']],
    ['R12-2020-21Q2', ['R12-2016-17Q2', 'R12-2017-18Q2', 'R12-2018-19Q2', 'R12-2019-20Q2', 'R12-2020-21Q2']],
  ])('%s → %j', (id, expected) => {
    expect(comparablePeriods(parsePeriodId(id)!)).toEqual(expected);
  });
});

describe('trendOf', () => {
  const indicator = INDICATORS.find((i) => i.id === 'repeat-victim-rate')!;
  const point = (period: string, numerator: number | null, status: PublishedValue['status'] = 'ok'): PublishedValue => ({
    area: 'E09000004', period, numerator, denominator: numerator === null ? null : 600, value: null,
    lower95: null, upper95: null, lower998: null, upper998: null, status, source: 'returns', missing: [], note: null,
  });
  const periods = ['2019-20Q1', '2019-20Q2', '2019-20Q3', '2019-20Q4', '2020-21Q1'];

  it('judges a rise in a lower-better indicator as getting worse', () => {
    expect(trendOf(indicator, periods.map((p, i) => point(p, 100 + 30 * i)))).toMatchObject({ marker: 'increasing', judgement: 'getting-worse', periods });
  });

  it('cannot calculate with a suppressed, incomplete or missing point', () => {
    const values = periods.map((p, i) => point(p, 100 + 30 * i));
    expect(trendOf(indicator, values.map((v, i) => (i === 2 ? point(v.period, null, 'suppressed') : v))).reason).toBe('a point is suppressed (small numbers)');
    expect(trendOf(indicator, values.map((v, i) => (i === 2 ? point(v.period, null, 'incomplete') : v))).marker).toBe('cannot-be-calculated');
    expect(trendOf(indicator, values.map((v, i) => (i === 2 ? point(v.period, null, 'no-data') : v))).marker).toBe('cannot-be-calculated');
  });

  it('cannot calculate a proportion trend with a point above 100%', () => {
    expect(trendOf(indicator, periods.map((p, i) => point(p, i === 0 ? 700 : 100))).marker).toBe('cannot-be-calculated');
  });
});
