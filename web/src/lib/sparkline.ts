// A sparkline as pure functions: its points a year apart (the summary's comparable periods) →
// values, end labels and a text alternative; and values (null for a gap) → SVG path segments in
// a width × height box, with a little padding so the line's ends and the last dot are not cut.
import { formatValue, shortPeriodLabel, type UnitFormat } from './format';

export interface SparklinePoint {
  period: string;
  value: number | null;
  status: string;
}

export interface SparklineText {
  /** One per point, null where a point is not shown. */
  values: Array<number | null>;
  /** The first and last periods, as the line's ends are labelled. */
  firstLabel: string;
  lastLabel: string;
  /** The text alternative: what the line shows and where it starts and ends. */
  description: string;
}

/** A line needs two shown points. */
export const MIN_SPARKLINE_POINTS = 2;

/**
 * Example: repeat victims 24.0% in 2016-17 … 25.0% in 2020-21 → labels "2016-17" and "2020-21",
 * "Line of 5 figures a year apart, 2016-17 to 2020-21: 24.0% in 2016-17, 25.0% in 2020-21."
 * Null when fewer than two points have a value.
 */
export function sparklineText(points: readonly SparklinePoint[], format: UnitFormat): SparklineText | null {
  const values = points.map((p) => (p.status === 'ok' && p.value !== null && Number.isFinite(p.value) ? p.value : null));
  const shown = points.filter((_, i) => values[i] !== null);
  if (shown.length < MIN_SPARKLINE_POINTS) return null;
  const firstLabel = shortPeriodLabel(points[0].period);
  const lastLabel = shortPeriodLabel(points[points.length - 1].period);
  const first = shown[0];
  const last = shown[shown.length - 1];
  const description =
    `Line of ${points.length} figures a year apart, ${firstLabel} to ${lastLabel}: ` +
    `${formatValue(first.value, format)} in ${shortPeriodLabel(first.period)}, ${formatValue(last.value, format)} in ${shortPeriodLabel(last.period)}.`;
  return { values, firstLabel, lastLabel, description };
}
export interface SparklineGeometry {
  /** One "M x y L x y …" path per run of consecutive values. */
  segments: string[];
  /** The last non-null point, drawn as a dot. */
  last: { x: number; y: number } | null;
}

const PAD = 3;

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

/**
 * Example: [10, 20, null, 30] in 100 × 40 → x at 3, 34.3, 65.7, 97; y from 37 (min 10) to 3
 * (max 30); two segments: "M3 37 L34.3 20" and "M97 3".
 */
export function sparklineGeometry(values: ReadonlyArray<number | null>, width: number, height: number): SparklineGeometry {
  const present = values.filter((v): v is number => v !== null && Number.isFinite(v));
  if (present.length === 0) return { segments: [], last: null };
  const min = Math.min(...present);
  const max = Math.max(...present);
  const span = max - min;
  const stepX = values.length > 1 ? (width - 2 * PAD) / (values.length - 1) : 0;
  const x = (i: number) => round(values.length > 1 ? PAD + i * stepX : width / 2);
  const y = (v: number) => round(span === 0 ? height / 2 : height - PAD - ((v - min) / span) * (height - 2 * PAD));
  const segments: string[] = [];
  let current: string[] = [];
  let last: SparklineGeometry['last'] = null;
  values.forEach((v, i) => {
    if (v === null || !Number.isFinite(v)) {
      if (current.length) segments.push(current.join(' '));
      current = [];
      return;
    }
    current.push(`${current.length ? 'L' : 'M'}${x(i)} ${y(v)}`);
    last = { x: x(i), y: y(v) };
  });
  if (current.length) segments.push(current.join(' '));
  return { segments, last };
}
