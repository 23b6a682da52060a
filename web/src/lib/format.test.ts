// Known answers for the formatters: the numbers the board reads. Published figures are used
// where there are some (Bexley 2019: 3,835 incidents, 15.6 per 1,000; Buckinghamshire 2020/21:
// 803 of 3,212 repeat perpetrators, 25.0%).
import { describe, expect, it } from 'vitest';
import {
  formatAxisNumber,
  formatCellValue,
  formatCount,
  formatDate,
  formatDateTime,
  formatInterval,
  formatNumber,
  formatValue,
  listInWords,
  periodLabel,
  plural,
  roundTo,
  shortPeriodLabel,
} from './format';
import { unitCaptionFor, valueWithUnit } from './units';

const PER_1000 = { unit: 'per 1,000 people', decimals: 1 };
const PERCENT = { unit: '%', decimals: 1 };
const PER_100_CRIMES_2DP = { unit: 'per 100 crimes', decimals: 2 };
const NIGHTS = { unit: 'nights', decimals: 0 };
const PER_100000 = { unit: 'per 100,000 people', decimals: 1 };

describe('formatNumber: en-GB, thousands separators, fixed decimals', () => {
  it.each([
    [3835, 0, '3,835'],
    [10635, 0, '10,635'],
    [1234567, 0, '1,234,567'],
    [0, 0, '0'],
    [0, 1, '0.0'],
    [15.6349, 1, '15.6'],
    [15.65, 1, '15.7'],
    [25, 1, '25.0'],
    [2.175, 2, '2.18'],
    [1000.05, 1, '1,000.1'],
    [-0.04, 1, '0.0'],
    [99.999, 1, '100.0'],
  ])('%d with %d decimals is %s', (value, decimals, expected) => {
    expect(formatNumber(value, decimals)).toBe(expected);
  });
});

describe('formatValue, and the value with its unit for a year: each indicator its unit and decimals', () => {
  it.each([
    // Bexley 2019: 3,835 incidents / 245,900 residents × 1,000 = 15.596…
    [(3835 / 245_900) * 1000, PER_1000, '15.6', '15.6 per 1,000 people'],
    // Buckinghamshire 2020/21: 803 repeat perpetrators of 3,212 = 25.0%
    [(803 / 3212) * 100, PERCENT, '25.0%', '25.0%'],
    [100, PERCENT, '100.0%', '100.0%'],
    [0, PERCENT, '0.0%', '0.0%'],
    [2.1764, PER_100_CRIMES_2DP, '2.18', '2.18 per 100 crimes'],
    [156.6, NIGHTS, '157', '157 nights'],
    [15.9, PER_100000, '15.9', '15.9 per 100,000 people'],
    [1234.56, PER_100000, '1,234.6', '1,234.6 per 100,000 people'],
  ])('%d → %s / %s', (value, format, plain, withUnit) => {
    expect(formatValue(value, format)).toBe(plain);
    expect(valueWithUnit(value, format, 'financial-year')).toBe(withUnit);
  });

  it('writes a missing value as "no data", never as zero', () => {
    expect(formatValue(null, PERCENT)).toBe('no data');
    expect(formatValue(undefined, PER_1000)).toBe('no data');
    expect(valueWithUnit(null, PER_1000, 'financial-year')).toBe('no data');
    expect(formatValue(Number.NaN, PER_1000)).toBe('no data');
  });

  it('captions the unit, writing % as "per cent"', () => {
    expect(unitCaptionFor(PERCENT, 'financial-year')).toBe('per cent');
    expect(unitCaptionFor(PER_1000, 'financial-year')).toBe('per 1,000 people');
  });
});

describe('formatCount: counts and disclosure control', () => {
  it.each([
    [3267, undefined, '3,267'],
    [0, undefined, '0'],
    [0, 5, '0'], // zero is shown
    [1, 5, '<5'],
    [4, 5, '<5'],
    [5, 5, '5'],
    [4, 10, '<10'],
    [4, undefined, '4'], // the unsuppressed view
    [null, 5, 'no data'],
  ])('%s (suppress below %s) → %s', (value, threshold, expected) => {
    expect(formatCount(value, threshold === undefined ? {} : { suppressBelow: threshold })).toBe(expected);
  });
});

describe('formatInterval', () => {
  it('joins the limits with "to" in the value format', () => {
    expect(formatInterval(23.5123, 26.5432, PERCENT)).toBe('23.5% to 26.5%');
    expect(formatInterval(15.1, 16.08, PER_1000)).toBe('15.1 to 16.1');
  });
  it('is null when a limit is missing (no interval, e.g. average stay)', () => {
    expect(formatInterval(null, 3, PERCENT)).toBeNull();
    expect(formatInterval(1, undefined, PERCENT)).toBeNull();
  });
});

describe('axis ticks', () => {
  it.each([
    [0, PER_1000, '0'],
    [2.5, PER_1000, '2.5'],
    [1000, PER_1000, '1,000'],
    [12.125, PER_1000, '12.13'],
    [25, PERCENT, '25%'],
  ])('%d → %s', (v, f, expected) => expect(formatAxisNumber(v, f)).toBe(expected));
});

describe('roundTo: the number a download holds is the number shown', () => {
  it.each([
    [15.596, 1, 15.6],
    [2.175, 2, 2.18],
    [1.005, 2, 1.01],
    [156.6, 0, 157],
  ])('%d to %d decimals is %d', (v, d, expected) => expect(roundTo(v, d)).toBe(expected));
});

describe('periods and dates in words', () => {
  it('labels periods of every kind', () => {
    expect(periodLabel('2019-20Q3')).toBe('2019-20 Q3 (Oct–Dec 2019)');
    expect(periodLabel('2019-20Q4')).toBe('2019-20 Q4 (Jan–Mar 2020)');
    expect(periodLabel('2020-21')).toBe('Financial year 2020-21 (Apr 2020–Mar 2021)');
    expect(periodLabel('not-a-period')).toBe('not-a-period');
    expect(shortPeriodLabel('2019-20Q3')).toBe('Q3 2019-20');
    expect(shortPeriodLabel('2019')).toBe('2019');
    expect(shortPeriodLabel('2019-20')).toBe('2019-20');
    expect(shortPeriodLabel('R12-2019-20Q3')).toBe('12 months to Dec 2019');
    expect(shortPeriodLabel('R12-2019-20Q4')).toBe('12 months to Mar 2020');
    expect(shortPeriodLabel('R12-2026-27Q2')).toBe('12 months to Sep 2026');
  });

  it('writes dates in UK time, en-GB', () => {
    expect(formatDate('2024-03-05T14:07:00Z')).toBe('5 March 2024');
    // British Summer Time: 23:30 UTC on 30 June is 00:30 on 1 July in London.
    expect(formatDate('2024-06-30T23:30:00Z')).toBe('1 July 2024');
    expect(formatDateTime('2024-03-05T14:07:00Z')).toBe('5 March 2024 at 14:07');
    expect(formatDateTime('2024-07-01T08:05:00Z')).toBe('1 July 2024 at 09:05');
    expect(formatDate(null)).toBe('');
  });

  it('writes counts and lists in words', () => {
    expect(plural(1, 'row')).toBe('1 row');
    expect(plural(1200, 'row')).toBe('1,200 rows');
    expect(plural(2, 'query', 'queries')).toBe('2 queries');
    expect(listInWords([])).toBe('');
    expect(listInWords(['Reading'])).toBe('Reading');
    expect(listInWords(['Reading', 'Slough'])).toBe('Reading and Slough');
    expect(listInWords(['Reading', 'Slough', 'Wokingham'])).toBe('Reading, Slough and Wokingham');
  });
});

describe('formatCellValue', () => {
  it.each([
    [3267, '3,267'],
    [0, '0'],
    [17.35, '17.35'],
    [null, 'blank'],
    [undefined, 'blank'],
    ['refuge', 'refuge'],
  ])('%s → %s', (value, text) => expect(formatCellValue(value)).toBe(text));
});
