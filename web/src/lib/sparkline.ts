// A sparkline's geometry as a pure function: values (null for a gap) → SVG path segments in a
// width × height box, with a little padding so the line's ends and the last dot are not cut.
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
