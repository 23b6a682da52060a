import { describe, expect, it } from 'vitest';
import { defaultPeriod, lastQuarterOf, latestQuarter, periodChoices, periodKindOf, quartersEndingWith } from './periods';

describe('period choices, newest first', () => {
  it('offers quarters, rolling years and the years that have ended', () => {
    const latest = '2020-21Q3'; // Oct–Dec 2020
    expect(periodChoices('quarter', latest).slice(0, 3).map((c) => c.id)).toEqual(['2020-21Q3', '2020-21Q2', '2020-21Q1']);
    expect(periodChoices('quarter', latest)).toHaveLength(40);
    expect(periodChoices('rolling-year', latest)[0]).toEqual({ id: 'R12-2020-21Q3', label: expect.any(String) });
    // 2020-21 has not ended (its Q4 is Jan–Mar 2021), so the latest financial year is 2019-20.
    expect(periodChoices('financial-year', latest)[0].id).toBe('2019-20');
    // Calendar 2020 ends with Q3 2020-21 (Oct–Dec 2020): it has ended.
    expect(periodChoices('calendar-year', latest)[0].id).toBe('2020');
    expect(periodChoices('calendar-year', '2020-21Q2')[0].id).toBe('2019');
    expect(periodChoices('financial-year', '2020-21Q4')[0].id).toBe('2020-21');
    expect(periodChoices('quarter', 'nonsense')).toEqual([]);
  });

  it('defaults each kind to its latest choice', () => {
    expect(defaultPeriod('quarter', '2020-21Q3')).toBe('2020-21Q3');
    expect(defaultPeriod('financial-year', '2020-21Q3')).toBe('2019-20');
  });

  it('finds the last complete quarter from a date', () => {
    expect(latestQuarter(new Date('2026-11-22T12:00:00Z'))).toBe('2026-27Q2');
    expect(latestQuarter(new Date('2021-04-01T00:00:00Z'))).toBe('2020-21Q4');
  });

  it('knows kinds, last quarters and runs of quarters', () => {
    expect(periodKindOf('2019')).toBe('calendar-year');
    expect(periodKindOf('R12-2020-21Q2')).toBe('rolling-year');
    expect(periodKindOf('x')).toBeNull();
    expect(lastQuarterOf('2020-21')).toBe('2020-21Q4');
    expect(lastQuarterOf('2019')).toBe('2019-20Q3');
    expect(lastQuarterOf('R12-2020-21Q2')).toBe('2020-21Q2');
    expect(quartersEndingWith('2020-21Q1', 3)).toEqual(['2019-20Q3', '2019-20Q4', '2020-21Q1']);
  });
});
