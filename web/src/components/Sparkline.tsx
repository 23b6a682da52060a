// A small trend line for the overview cards: plain SVG (no chart library on the overview), with
// a text alternative that says where the line starts and ends.
import { sparklineGeometry } from '../lib/sparkline';

const WIDTH = 200;
const HEIGHT = 40;

export function Sparkline({ values, description }: { values: ReadonlyArray<number | null>; description: string }) {
  const { segments, last } = sparklineGeometry(values, WIDTH, HEIGHT);
  if (segments.length === 0) return null;
  return (
    <svg className="app-sparkline" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={description} focusable="false">
      {segments.map((d, i) => (
        <path key={i} className="app-sparkline__line" d={d} />
      ))}
      {last && <circle className="app-sparkline__last" cx={last.x} cy={last.y} r={3.5} />}
    </svg>
  );
}
