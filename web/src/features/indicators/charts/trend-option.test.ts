// The trend chart's option as plain data: what is drawn at each quarter, for quarters and for
// rolling twelve months.
import { describe, expect, it } from 'vitest';
import { BENCHMARK_COLOUR, INTERVAL_BAND, SERIES_COLOUR } from '../../../lib/palette';
import { trendDescription, trendOption, trendTooltip, type TrendInput } from './trend-option';

const input: TrendInput = {
  title: 'Repeat victims',
  areaName: 'Bexley',
  benchmarkName: 'London',
  format: { unit: '%', decimals: 1, denominator: { kind: 'columns', columns: ['victims'] } },
  kind: 'quarter',
  levelLabel: '95%',
  reference: null,
  points: [
    { period: '2019-20Q1', value: 30, lower: 28, upper: 32, status: 'ok', benchmarkValue: 29 },
    { period: '2019-20Q2', value: null, lower: null, upper: null, status: 'suppressed', benchmarkValue: 29.5 },
    { period: '2019-20Q3', value: 31.25, lower: 29, upper: 33.5, status: 'ok', benchmarkValue: null },
  ],
};

type Series = { id: string; data: unknown[]; stack?: string; lineStyle?: { type?: string; color?: string }; areaStyle?: { color: string }; markArea?: unknown; markLine?: unknown };

function series(option: ReturnType<typeof trendOption>, id: string): Series {
  return (option.series as Series[]).find((s) => s.id === id)!;
}

describe('trendOption', () => {
  const option = trendOption(input);

  it('puts the quarters on the x axis, oldest first', () => {
    expect((option.xAxis as { data: string[] }).data).toEqual(['Q1 2019-20', 'Q2 2019-20', 'Q3 2019-20']);
  });

  it("draws the area's values with a gap for a point that is not shown", () => {
    const area = series(option, 'area');
    expect(area.data).toEqual([30, null, 31.25]);
    expect(area.lineStyle?.color).toBe(SERIES_COLOUR);
  });

  it('draws the interval as a band: the lower limit, then its width stacked on top', () => {
    expect(series(option, 'interval-base').data).toEqual([28, null, 29]);
    expect(series(option, 'interval').data).toEqual([4, null, 4.5]);
    expect(series(option, 'interval').stack).toBe(series(option, 'interval-base').stack);
    expect(series(option, 'interval').areaStyle?.color).toBe(INTERVAL_BAND);
  });

  it('draws the benchmark as a dashed line', () => {
    const benchmark = series(option, 'benchmark');
    expect(benchmark.data).toEqual([29, 29.5, null]);
    expect(benchmark.lineStyle).toMatchObject({ type: 'dashed', color: BENCHMARK_COLOUR });
  });

  it('turns on ARIA with a description in words', () => {
    expect(option.aria).toMatchObject({ enabled: true, label: { enabled: true } });
    expect(trendDescription(input)).toBe(
      'Line chart of Repeat victims (per cent of victims in the quarter) for Bexley, each quarter from Q1 2019-20 to Q3 2019-20, with its 95% confidence interval shaded. In Q3 2019-20 it was 31.3%. The dashed line is London. The table below the chart has every value.',
    );
  });

  it('says on the value axis that each point is a quarter', () => {
    expect((option.yAxis as { name: string }).name).toBe('per cent of victims in the quarter');
  });

  it('labels rolling twelve months by the month they end, in a year’s unit', () => {
    const rolling = trendOption({ ...input, kind: 'rolling-year', points: input.points.map((p) => ({ ...p, period: `R12-${p.period}` })) });
    expect((rolling.xAxis as { data: string[] }).data).toEqual(['12 months to Jun 2019', '12 months to Sep 2019', '12 months to Dec 2019']);
    expect((rolling.yAxis as { name: string }).name).toBe('per cent');
    expect(rolling.aria).toMatchObject({ label: { description: expect.stringContaining('(per cent) for Bexley, the twelve months to each quarter, from 12 months to Jun 2019 to 12 months to Dec 2019') } });
  });

  it('has no band or benchmark when there is neither', () => {
    const bare = trendOption({ ...input, benchmarkName: null, points: input.points.map((p) => ({ ...p, lower: null, upper: null })) });
    expect((bare.series as Series[]).map((s) => s.id)).toEqual(['area']);
  });

  it('shades a reference range, or draws a single reference level', () => {
    const range = trendOption({ ...input, reference: { low: 28, high: 40, label: 'SafeLives 28–40%' } });
    expect(series(range, 'area').markArea).toMatchObject({ data: [[{ yAxis: 28 }, { yAxis: 40 }]] });
    expect(series(range, 'area').markLine).toBeUndefined();
    const level = trendOption({ ...input, reference: { low: 10, high: null, label: 'SafeLives 40 a year' } });
    expect(series(level, 'area').markLine).toMatchObject({ data: [{ yAxis: 10 }], lineStyle: { type: 'dotted' } });
  });

  it('writes tooltips with classes only, escaped, in the value format', () => {
    expect(trendTooltip(input, 0)).toBe('<div class="app-chart-tooltip"><strong>Q1 2019-20</strong><br>Bexley: 30.0% (95% interval 28.0% to 32.0%)<br>London: 29.0%</div>');
    expect(trendTooltip(input, 1)).toContain('Bexley: suppressed');
    expect(trendTooltip({ ...input, areaName: '<b>x</b>' }, 2)).toContain('&lt;b&gt;x&lt;/b&gt;');
    expect(trendTooltip(input, 2)).not.toContain('style=');
  });
});
