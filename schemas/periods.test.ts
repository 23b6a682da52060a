import { describe, expect, it } from 'vitest';
import {
  daysInQuarter,
  hasQuarterEnded,
  latestCompleteQuarter,
  parsePeriodId,
  parsePeriodText,
  parseQuarterId,
  parseQuarterText,
  populationYear,
  quarterId,
} from './periods';

describe('period ids (DOMAIN.md section 4)', () => {
  it.each([
    ['2019-20Q3', 'quarter', ['2019-20Q3']],
    ['2019-20', 'financial-year', ['2019-20Q1', '2019-20Q2', '2019-20Q3', '2019-20Q4']],
    ['2019', 'calendar-year', ['2018-19Q4', '2019-20Q1', '2019-20Q2', '2019-20Q3']],
    ['R12-2020-21Q2', 'rolling-year', ['2019-20Q3', '2019-20Q4', '2020-21Q1', '2020-21Q2']],
    ['1999-00Q1', 'quarter', ['1999-00Q1']],
    ['2099-00Q4', 'quarter', ['2099-00Q4']],
  ])('%s is a %s of %j', (id, kind, quarters) => {
    const p = parsePeriodId(id);
    expect(p?.kind).toBe(kind);
    expect(p?.quarters).toEqual(quarters);
  });

  it.each(['2019-21Q3', '2019-20Q5', '2019-20 Q3', 'R12-2019', '19-20', '', '0000-01', '0000', '0999-00Q1', 'R12-0000-01Q1', '3000-01'])('rejects %j', (id) => {
    expect(parsePeriodId(id)).toBeNull();
  });

  it('labels quarters with their months', () => {
    expect(parsePeriodId('2019-20Q3')?.label).toBe('2019-20 Q3 (Oct–Dec 2019)');
    expect(parsePeriodId('2019-20Q4')?.label).toBe('2019-20 Q4 (Jan–Mar 2020)');
    expect(parsePeriodId('R12-2020-21Q2')?.label).toBe('12 months to Sep 2020 (Oct 2019–Sep 2020)');
  });
});

describe('periods as partners write them', () => {
  it.each(['2019-20 Q3', '2019/20 Q3', 'Q3 2019/20', 'Q3 2019-20', '2019-20Q3', ' q3  2019/2020 ', '2019 - 20 q3'])(
    'reads %j as 2019-20Q3',
    (text) => {
      const q = parseQuarterText(text);
      expect(q && quarterId(q)).toBe('2019-20Q3');
    },
  );

  it.each(['2019-21 Q3', 'Q5 2019/20', 'Oct-Dec 2019', '2019 Q3', '03/10/2019', 'Q3', ''])('rejects %j', (text) => {
    expect(parseQuarterText(text)).toBeNull();
  });

  it('reads other kinds for reference data', () => {
    expect(parsePeriodText('2019/20')?.id).toBe('2019-20');
    expect(parsePeriodText('2019')?.id).toBe('2019');
    expect(parsePeriodText('r12-2020-21q2')?.id).toBe('R12-2020-21Q2');
  });
});

describe('quarter arithmetic', () => {
  it.each([
    ['2019-20Q1', 91], // Apr–Jun
    ['2019-20Q2', 92],
    ['2019-20Q3', 92],
    ['2019-20Q4', 91], // Jan–Mar 2020, a leap year
    ['2020-21Q4', 90],
  ])('%s has %i days', (id, days) => {
    expect(daysInQuarter(parseQuarterId(id)!)).toBe(days);
  });

  it('a quarter has ended only after its last day', () => {
    const q = parseQuarterId('2026-27Q2')!; // Jul–Sep 2026
    expect(hasQuarterEnded(q, new Date('2026-09-30T23:59:59Z'))).toBe(false);
    expect(hasQuarterEnded(q, new Date('2026-10-01T00:00:00Z'))).toBe(true);
  });

  it.each([
    ['2026-11-22', '2026-27Q2'],
    ['2026-04-01', '2025-26Q4'],
    ['2026-03-31', '2025-26Q3'],
    ['2026-01-15', '2025-26Q3'],
    ['2026-07-01', '2026-27Q1'],
  ])('on %s the latest complete quarter is %s', (day, expected) => {
    expect(latestCompleteQuarter(new Date(`${day}T12:00:00Z`))).toBe(expected);
  });

  it.each([
    ['2019-20Q3', 2019],
    ['2019-20', 2019],
    ['2019', 2019],
    ['R12-2020-21Q2', 2020],
    ['R12-2020-21Q4', 2020],
  ])('%s uses the mid-%i population', (id, year) => {
    expect(populationYear(parsePeriodId(id)!)).toBe(year);
  });
});
