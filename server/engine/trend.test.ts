// Which five points the recent trend is tested over, a year apart, and what hides it; and that a
// run of quarters is never tested (PHEindicatormethods: quarterly data are seasonal).
import { describe, expect, it } from 'vitest';
import { INDICATORS } from '../../schemas/indicators';
import { parsePeriodId } from '../../schemas/periods';
import type { PublishedValue } from './disclosure';
import { comparablePeriods, NOT_TESTED_REASON, trendOf } from './trend';

describe('comparable periods, a year apart', () => {
  it.each([
    ['2020-21Q2', ['2016-17Q2', '2017-18Q2', '2018-19Q2', '2019-20Q2', '2020-21Q2']],
    ['2020-21Q4', ['2016-17Q4', '2017-18Q4', '2018-19Q4', '2019-20Q4', '2020-21Q4']],
    ['2020-21', ['2016-17', '2017-18', '2018-19', '2019-20', '2020-21']],
    ['2020', ['2016', '2017', '2018', '2019', '2020']],
    ['R12-2020-21Q2', ['R12-2016-17Q2', 'R12-2017-18Q2', 'R12-2018-19Q2', 'R12-2019-20Q2', 'R12-2020-21Q2']],
  ])('%s → %j', (id, expected) => {
    expect(comparablePeriods(parsePeriodId(id)!)).toEqual(expected);
  });

  it('leaves out years before the first we know', () => {
    expect(comparablePeriods(parsePeriodId('1991-92Q3')!)).toEqual(['1990-91Q3', '1991-92Q3']);
  });
});

describe('trendOf', () => {
  const indicator = INDICATORS.find((i) => i.id === 'charge-rate')!;
  const point = (period: string, numerator: number | null, status: PublishedValue['status'] = 'ok'): PublishedValue => ({
    area: 'E09000004', period, numerator, denominator: numerator === null ? null : 600, value: null,
    lower95: null, upper95: null, lower998: null, upper998: null, status, source: 'returns', missing: [], note: null, warnings: [],
  });
  const years = ['R12-2016-17Q1', 'R12-2017-18Q1', 'R12-2018-19Q1', 'R12-2019-20Q1', 'R12-2020-21Q1'];
  const rising = (periods: string[]) => periods.map((p, i) => point(p, 100 + 30 * i));

  it('judges a rise over rolling years in a higher-better indicator as getting better', () => {
    expect(trendOf(indicator, rising(years))).toMatchObject({ marker: 'increasing', judgement: 'getting-better', periods: years });
  });

  it('never tests quarters, however steep the rise: they are compared with the same quarter a year before', () => {
    const sameQuarter = ['2016-17Q1', '2017-18Q1', '2018-19Q1', '2019-20Q1', '2020-21Q1'];
    const consecutive = ['2019-20Q1', '2019-20Q2', '2019-20Q3', '2019-20Q4', '2020-21Q1'];
    for (const periods of [sameQuarter, consecutive]) {
      expect(trendOf(indicator, rising(periods))).toEqual({ marker: 'not-tested', judgement: 'not-tested', periods, chiSquared: null, reason: NOT_TESTED_REASON });
    }
    expect(NOT_TESTED_REASON).toMatch(/seasonal/);
  });

  it('cannot calculate with a suppressed, incomplete or missing point', () => {
    const values = rising(years);
    expect(trendOf(indicator, values.map((v, i) => (i === 2 ? point(v.period, null, 'suppressed') : v))).reason).toBe('a point is suppressed (small numbers)');
    expect(trendOf(indicator, values.map((v, i) => (i === 2 ? point(v.period, null, 'incomplete') : v))).marker).toBe('cannot-be-calculated');
    expect(trendOf(indicator, values.map((v, i) => (i === 2 ? point(v.period, null, 'no-data') : v))).marker).toBe('cannot-be-calculated');
  });

  it('cannot calculate a proportion trend with a point above 100%', () => {
    expect(trendOf(indicator, years.map((p, i) => point(p, i === 0 ? 700 : 100))).reason).toBe('a point is above 100%, so it is not a proportion');
  });
});
