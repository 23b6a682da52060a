// A small trend line for the overview cards: plain SVG (no chart library on the overview), its
// ends labelled with their periods and the step between points said in words ("a year apart"),
// with a text alternative that names where the line starts and ends.
import { sparklineGeometry } from '../lib/sparkline';

const WIDTH = 200;
const HEIGHT = 40;

export function Sparkline({
  values,
  description,
  firstLabel,
  lastLabel,
  step = 'a year apart',
}: {
  values: ReadonlyArray<number | null>;
  description: string;
  firstLabel?: string;
  lastLabel?: string;
  step?: string;
}) {
  const { segments, last } = sparklineGeometry(values, WIDTH, HEIGHT);
  if (segments.length === 0) return null;
  return (
    <div className="app-sparkline">
      <svg className="app-sparkline__chart" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={description} focusable="false">
        {segments.map((d, i) => (
          <path key={i} className="app-sparkline__line" d={d} />
        ))}
        {last && <circle className="app-sparkline__last" cx={last.x} cy={last.y} r={3.5} />}
      </svg>
      {firstLabel && lastLabel && (
        // The text alternative already says all of this.
        <div className="app-sparkline__axis" aria-hidden="true">
          <p className="app-sparkline__ends">
            <span>{firstLabel}</span>
            <span className="app-sparkline__end">{lastLabel}</span>
          </p>
          <p className="app-sparkline__step">{step}</p>
        </div>
      )}
    </div>
  );
}
