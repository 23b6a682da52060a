// The compare-areas chart in the Fingertips manner, as a pure function: every area under the
// same parent as a horizontal bar, sorted from highest to lowest, each with its confidence
// interval as a whisker, coloured by its significance against the parent, whose value is a
// dashed vertical line. Worse bars also carry a hatched pattern, and the chosen area's bar a
// black outline, so neither colour nor position alone carries meaning; the key and the table
// beside the chart say it in words.
import type { ChartOption } from '../../../lib/chart-types';
import { escapeHtml } from '../../../lib/chart-types';
import { formatAxisNumber, formatInterval, formatValue } from '../../../lib/format';
import { unitCaptionFor, type UnitSubject } from '../../../lib/units';
import { assessmentShort, type Assessment, type ValueStatus } from '../../../lib/judgement';
import { ASSESSMENT_COLOURS, GRID, INK, QUIET } from '../../../lib/palette';

export interface CompareBar {
  code: string;
  name: string;
  value: number | null;
  lower: number | null;
  upper: number | null;
  status: ValueStatus;
  assessment: Assessment;
}

export interface CompareInput {
  title: string;
  periodLabel: string;
  parentName: string;
  parentValue: number | null;
  format: UnitSubject;
  /** The period's kind: a quarter's unit says "in the quarter". */
  periodKind: 'quarter' | 'financial-year' | 'calendar-year' | 'rolling-year';
  levelLabel: string;
  areas: CompareBar[];
  /** The area the page is about: outlined. */
  highlight?: string;
}

/** Height in pixels for n bars: room for every label at a readable size. */
export function compareChartHeight(n: number): number {
  return Math.max(200, 90 + n * 30);
}

const STATUS_WORDS: Record<ValueStatus, string> = { ok: '', 'no-data': 'no data', incomplete: 'incomplete', suppressed: 'suppressed' };

/** Areas with a value from highest to lowest, then the rest alphabetically. */
export function sortForComparison(areas: readonly CompareBar[]): CompareBar[] {
  const withValue = areas.filter((a) => a.status === 'ok' && a.value !== null).sort((a, b) => b.value! - a.value! || a.name.localeCompare(b.name, 'en-GB'));
  const without = areas.filter((a) => !(a.status === 'ok' && a.value !== null)).sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
  return [...withValue, ...without];
}

/** Hatching for 'worse' (a second cue besides colour); none for the others. */
export const WORSE_DECAL = { symbol: 'rect', symbolSize: 1, dashArrayX: [1, 0], dashArrayY: [3, 5], rotation: -Math.PI / 4, color: 'rgba(11, 12, 12, 0.45)' };
const NO_DECAL = { symbol: 'none' };

export function compareDescription(input: CompareInput): string {
  const sorted = sortForComparison(input.areas);
  const counts = new Map<Assessment, number>();
  for (const a of sorted) counts.set(a.assessment, (counts.get(a.assessment) ?? 0) + 1);
  const summary = [...counts.entries()].map(([k, n]) => `${n} ${assessmentShort(k).toLowerCase()}`).join(', ');
  const parent = input.parentValue === null ? `${input.parentName} has no value` : `${input.parentName} is ${formatValue(input.parentValue, input.format)}`;
  return `Bar chart of ${input.title} for the ${sorted.length} areas in ${input.parentName}, ${input.periodLabel}, highest first. ${parent} (dashed line). Compared with it: ${summary}. The table beside the chart has every value.`;
}

export function compareTooltip(input: CompareInput, bar: CompareBar | undefined): string {
  if (!bar) return '';
  const lines = [`<strong>${escapeHtml(bar.name)}</strong>`];
  if (bar.status !== 'ok' || bar.value === null) lines.push(STATUS_WORDS[bar.status] || 'no value');
  else {
    lines.push(escapeHtml(formatValue(bar.value, input.format)));
    const interval = formatInterval(bar.lower, bar.upper, input.format);
    if (interval) lines.push(`${escapeHtml(input.levelLabel)} interval: ${escapeHtml(interval)}`);
    lines.push(`${escapeHtml(assessmentShort(bar.assessment))} compared with ${escapeHtml(input.parentName)}`);
  }
  return `<div class="app-chart-tooltip">${lines.join('<br>')}</div>`;
}

export function compareOption(input: CompareInput): ChartOption {
  const bars = sortForComparison(input.areas);
  const names = bars.map((b) => (b.status === 'ok' && b.value !== null ? b.name : `${b.name} (${STATUS_WORDS[b.status] || 'no value'})`));
  const whiskers = bars.flatMap((b, i) => (b.status === 'ok' && b.lower !== null && b.upper !== null ? [[b.lower, b.upper, i]] : []));

  return {
    animation: false,
    aria: { enabled: true, label: { enabled: true, description: compareDescription(input) }, decal: { show: true } },
    grid: { left: 8, right: 32, top: 36, bottom: 24, outerBoundsMode: 'same', outerBoundsContain: 'all' },
    tooltip: {
      trigger: 'item',
      confine: true,
      formatter: (params: unknown) => {
        const p = params as { seriesId?: string; dataIndex: number; data: unknown };
        // A whisker's third value is its bar's index.
        const index = p.seriesId === 'whiskers' ? (p.data as number[])[2] : p.dataIndex;
        return compareTooltip(input, bars[index]);
      },
    },
    xAxis: {
      type: 'value',
      min: 0,
      name: unitCaptionFor(input.format, input.periodKind),
      nameLocation: 'middle',
      nameGap: 28,
      nameTextStyle: { color: INK },
      axisLabel: { color: INK, fontSize: 12, formatter: (v: number) => formatAxisNumber(v, input.format) },
      splitLine: { lineStyle: { color: GRID, type: 'dashed' } },
    },
    yAxis: {
      type: 'category',
      data: names,
      inverse: true,
      axisLabel: { color: INK, fontSize: 13 },
      axisTick: { show: false },
      axisLine: { lineStyle: { color: QUIET } },
    },
    series: [
      {
        type: 'bar',
        id: 'areas',
        name: input.title,
        barCategoryGap: '35%',
        data: bars.map((b) => ({
          value: b.status === 'ok' ? b.value : null,
          itemStyle: {
            color: ASSESSMENT_COLOURS[b.assessment],
            decal: b.assessment === 'worse' ? WORSE_DECAL : NO_DECAL,
            borderColor: b.code === input.highlight ? INK : ASSESSMENT_COLOURS[b.assessment],
            borderWidth: b.code === input.highlight ? 3 : 0,
          },
        })) as never,
        markLine:
          input.parentValue === null
            ? undefined
            : {
                silent: true,
                symbol: 'none',
                lineStyle: { color: INK, type: 'dashed', width: 2 },
                label: { formatter: `${input.parentName} ${formatValue(input.parentValue, input.format)}`, color: INK, position: 'end' },
                data: [{ xAxis: input.parentValue }],
              },
      },
      {
        type: 'custom',
        id: 'whiskers',
        name: `${input.levelLabel} confidence interval`,
        data: whiskers,
        encode: { x: [0, 1], y: 2 },
        z: 4,
        renderItem: (_params, api) => {
          const low = api.coord([api.value(0), api.value(2)]);
          const high = api.coord([api.value(1), api.value(2)]);
          const cap = (api.size!([0, 1]) as number[])[1] * 0.25;
          const style = { stroke: INK, lineWidth: 1.5 };
          return {
            type: 'group',
            children: [
              { type: 'line', shape: { x1: low[0], y1: low[1], x2: high[0], y2: high[1] }, style },
              { type: 'line', shape: { x1: low[0], y1: low[1] - cap, x2: low[0], y2: low[1] + cap }, style },
              { type: 'line', shape: { x1: high[0], y1: high[1] - cap, x2: high[0], y2: high[1] + cap }, style },
            ],
          };
        },
      },
    ],
  };
}
