import { describe, expect, it } from 'vitest';
import { sparklineGeometry, sparklineText } from './sparkline';

describe('sparklineGeometry', () => {
  it('maps values into the box with padding and breaks at gaps', () => {
    expect(sparklineGeometry([10, 20, null, 30], 100, 40)).toEqual({
      segments: ['M3 37 L34.3 20', 'M97 3'],
      last: { x: 97, y: 3 },
    });
  });
  it('draws a flat line through the middle when every value is the same', () => {
    expect(sparklineGeometry([5, 5], 100, 40)).toEqual({ segments: ['M3 20 L97 20'], last: { x: 97, y: 20 } });
  });
  it('draws nothing without values', () => {
    expect(sparklineGeometry([null, null], 100, 40)).toEqual({ segments: [], last: null });
    expect(sparklineGeometry([], 100, 40)).toEqual({ segments: [], last: null });
  });
  it('centres a single value', () => {
    expect(sparklineGeometry([7], 100, 40)).toEqual({ segments: ['M50 20'], last: { x: 50, y: 20 } });
  });
});

describe('sparklineText: points a year apart, labelled at both ends', () => {
  const PERCENT = { unit: '%', decimals: 1 };
  const years = ['2016-17', '2017-18', '2018-19', '2019-20', '2020-21'];

  it('labels the ends and names them in the text alternative', () => {
    const text = sparklineText(years.map((period, i) => ({ period, value: 24 + i / 4, status: 'ok' })), PERCENT)!;
    expect(text).toEqual({
      values: [24, 24.25, 24.5, 24.75, 25],
      firstLabel: '2016-17',
      lastLabel: '2020-21',
      description: 'Line of 5 figures a year apart, 2016-17 to 2020-21: 24.0% in 2016-17, 25.0% in 2020-21.',
    });
  });

  it('keeps a gap for a point not shown, and starts the words at the first shown value', () => {
    const points = ['2022-23Q2', '2023-24Q2', '2024-25Q2', '2025-26Q2', '2026-27Q2'].map((period, i) => ({ period, value: i === 0 ? 3 : 4 + i, status: i === 0 ? 'suppressed' : 'ok' }));
    const text = sparklineText(points, { unit: 'per 1,000 people', decimals: 1 })!;
    expect(text.values).toEqual([null, 5, 6, 7, 8]);
    expect(text.firstLabel).toBe('Q2 2022-23');
    expect(text.description).toBe('Line of 5 figures a year apart, Q2 2022-23 to Q2 2026-27: 5.0 in Q2 2023-24, 8.0 in Q2 2026-27.');
  });

  it('labels rolling years by the month they end', () => {
    const text = sparklineText(['R12-2025-26Q1', 'R12-2026-27Q1'].map((period) => ({ period, value: 19.5, status: 'ok' })), { unit: 'per 1,000 people', decimals: 1 })!;
    expect([text.firstLabel, text.lastLabel]).toEqual(['12 months to Jun 2025', '12 months to Jun 2026']);
  });

  it('draws no line with fewer than two values', () => {
    expect(sparklineText(years.map((period, i) => ({ period, value: i === 4 ? 25 : null, status: i === 4 ? 'ok' : 'no-data' })), PERCENT)).toBeNull();
  });
});
