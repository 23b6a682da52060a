// The trend chart as a pure function: series data → ECharts option. A point at every quarter:
// the quarter's own figure (its unit says "in the quarter"), or the twelve months ending with it
// (a year's figure, the board's default). The area's line, its confidence interval as a shaded
// band (drawn as a stacked pair: the lower limit, then the width of the interval), the
// benchmark as a dashed line with triangle markers, and the indicator's reference range as a
// shaded area (or a single level as a dotted line).
import type { ChartOption } from '../../../lib/chart-types';
import { escapeHtml } from '../../../lib/chart-types';
import { formatAxisNumber, formatInterval, formatValue, shortPeriodLabel } from '../../../lib/format';
import { unitCaptionFor, type UnitSubject } from '../../../lib/units';
import type { ValueStatus } from '../../../lib/judgement';
import { BENCHMARK_COLOUR, GRID, INK, INTERVAL_BAND, QUIET, REFERENCE_BAND, SERIES_COLOUR } from '../../../lib/palette';

export interface TrendPoint {
  period: string;
  value: number | null;
  lower: number | null;
  upper: number | null;
  status: ValueStatus;
  benchmarkValue: number | null;
}

export interface TrendInput {
  title: string;
  areaName: string;
  benchmarkName: string | null;
  format: UnitSubject;
  /** quarter: each point a quarter's figure; rolling-year: the twelve months ending with each quarter; financial-year: one point a year. */
  kind: 'quarter' | 'rolling-year' | 'financial-year';
  /** "95%" or "99.8%". */
  levelLabel: string;
  points: TrendPoint[];
  /** Already scaled to the points' length (a yearly reference is a quarter of itself for a quarter). */
  reference: { low: number | null; high: number | null; label: string } | null;
}

const STATUS_WORDS: Record<ValueStatus, string> = { ok: '', 'no-data': 'no data', incomplete: 'incomplete', suppressed: 'suppressed' };

export const INTERVAL_SERIES = 'interval';

function shown(point: TrendPoint): number | null {
  return point.status === 'ok' ? point.value : null;
}

/** The sentence ECharts reads out as the chart's label (its ARIA description). */
export function trendDescription(input: TrendInput): string {
  const points = input.points;
  const what = input.kind === 'quarter' ? 'quarters' : input.kind === 'financial-year' ? 'financial years' : 'periods';
  if (points.length === 0) return `${input.title} for ${input.areaName}: no ${what} to show.`;
  const first = shortPeriodLabel(points[0].period);
  const last = points[points.length - 1];
  const unit = unitCaptionFor(input.format, input.kind);
  const latest = shown(last) === null ? `The latest point, ${shortPeriodLabel(last.period)}, has ${STATUS_WORDS[last.status]}.` : `In ${shortPeriodLabel(last.period)} it was ${formatValue(last.value, input.format)}.`;
  const benchmark = input.benchmarkName ? ` The dashed line is ${input.benchmarkName}.` : '';
  const span =
    input.kind === 'quarter'
      ? `each quarter from ${first} to ${shortPeriodLabel(last.period)}`
      : input.kind === 'financial-year'
        ? `each financial year from ${first} to ${shortPeriodLabel(last.period)}`
        : `the twelve months to each quarter, from ${first} to ${shortPeriodLabel(last.period)}`;
  return `Line chart of ${input.title} (${unit}) for ${input.areaName}, ${span}, with its ${input.levelLabel} confidence interval shaded. ${latest}${benchmark} The table below the chart has every value.`;
}

/** The tooltip for one point, as HTML with classes only (no inline styles: the CSP forbids them). */
export function trendTooltip(input: TrendInput, index: number): string {
  const point = input.points[index];
  if (!point) return '';
  const lines = [`<strong>${escapeHtml(shortPeriodLabel(point.period))}</strong>`];
  const value = shown(point);
  if (value === null) lines.push(`${escapeHtml(input.areaName)}: ${STATUS_WORDS[point.status]}`);
  else {
    const interval = formatInterval(point.lower, point.upper, input.format);
    lines.push(`${escapeHtml(input.areaName)}: ${escapeHtml(formatValue(value, input.format))}${interval ? ` (${escapeHtml(input.levelLabel)} interval ${escapeHtml(interval)})` : ''}`);
  }
  if (input.benchmarkName) {
    lines.push(`${escapeHtml(input.benchmarkName)}: ${point.benchmarkValue === null ? 'no value' : escapeHtml(formatValue(point.benchmarkValue, input.format))}`);
  }
  return `<div class="app-chart-tooltip">${lines.join('<br>')}</div>`;
}

export function trendOption(input: TrendInput): ChartOption {
  const categories = input.points.map((p) => shortPeriodLabel(p.period));
  const hasInterval = input.points.some((p) => p.status === 'ok' && p.lower !== null && p.upper !== null);
  const lower = input.points.map((p) => (p.status === 'ok' && p.lower !== null && p.upper !== null ? p.lower : null));
  const width = input.points.map((p) => (p.status === 'ok' && p.lower !== null && p.upper !== null ? p.upper - p.lower : null));
  const reference = input.reference;

  const areaSeries: NonNullable<ChartOption['series']> = [];
  if (hasInterval) {
    areaSeries.push(
      {
        type: 'line',
        id: 'interval-base',
        name: 'interval-base',
        data: lower,
        stack: INTERVAL_SERIES,
        symbol: 'none',
        lineStyle: { opacity: 0 },
        silent: true,
        tooltip: { show: false },
        connectNulls: false,
      },
      {
        type: 'line',
        id: 'interval',
        name: `${input.levelLabel} confidence interval`,
        data: width,
        stack: INTERVAL_SERIES,
        symbol: 'none',
        lineStyle: { opacity: 0 },
        areaStyle: { color: INTERVAL_BAND },
        itemStyle: { color: INTERVAL_BAND },
        silent: true,
        connectNulls: false,
      },
    );
  }

  const markArea =
    reference && reference.low !== null && reference.high !== null
      ? { silent: true, itemStyle: { color: REFERENCE_BAND }, label: { show: false }, data: [[{ yAxis: reference.low, name: reference.label }, { yAxis: reference.high }]] as never }
      : undefined;
  const single = reference && (reference.low === null) !== (reference.high === null) ? (reference.low ?? reference.high) : null;
  const markLine =
    single !== null
      ? {
          silent: true,
          symbol: 'none',
          lineStyle: { type: 'dotted' as const, color: QUIET, width: 2 },
          label: { formatter: `Reference ${formatValue(single, input.format)}`, color: INK, position: 'insideEndTop' as const },
          data: [{ yAxis: single }],
        }
      : undefined;

  const series: NonNullable<ChartOption['series']> = [
    ...(areaSeries as never[]),
    {
      type: 'line',
      id: 'area',
      name: input.areaName,
      data: input.points.map(shown),
      connectNulls: false,
      symbol: 'circle',
      symbolSize: 7,
      lineStyle: { color: SERIES_COLOUR, width: 2 },
      itemStyle: { color: SERIES_COLOUR },
      z: 3,
      ...(markArea ? { markArea } : {}),
      ...(markLine ? { markLine } : {}),
    },
  ];
  if (input.benchmarkName) {
    series.push({
      type: 'line',
      id: 'benchmark',
      name: input.benchmarkName,
      data: input.points.map((p) => p.benchmarkValue),
      connectNulls: false,
      symbol: 'triangle',
      symbolSize: 8,
      lineStyle: { color: BENCHMARK_COLOUR, width: 2, type: 'dashed' },
      itemStyle: { color: BENCHMARK_COLOUR },
      z: 2,
    });
  }

  const legendNames = [input.areaName, ...(input.benchmarkName ? [input.benchmarkName] : []), ...(hasInterval ? [`${input.levelLabel} confidence interval`] : [])];

  return {
    animation: false,
    aria: { enabled: true, label: { enabled: true, description: trendDescription(input) } },
    grid: { left: 16, right: 24, top: 48, bottom: 24, outerBoundsMode: 'same', outerBoundsContain: 'all' },
    legend: { top: 0, left: 0, data: legendNames, textStyle: { color: INK, fontSize: 14 }, selectedMode: false },
    tooltip: {
      trigger: 'axis',
      confine: true,
      formatter: (params: unknown) => {
        const list = Array.isArray(params) ? params : [params];
        const index = (list[0] as { dataIndex?: number } | undefined)?.dataIndex ?? -1;
        return trendTooltip(input, index);
      },
    },
    xAxis: {
      type: 'category',
      data: categories,
      boundaryGap: false,
      axisLabel: { color: INK, fontSize: 12, hideOverlap: true },
      axisLine: { lineStyle: { color: QUIET } },
    },
    yAxis: {
      type: 'value',
      min: 0,
      name: unitCaptionFor(input.format, input.kind),
      nameTextStyle: { color: INK, align: 'left' },
      axisLabel: { color: INK, fontSize: 12, formatter: (v: number) => formatAxisNumber(v, input.format) },
      splitLine: { lineStyle: { color: GRID, type: 'dashed' } },
    },
    series,
  };
}
