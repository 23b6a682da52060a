// A measure's spine as a small inline drawing: the grey bar spans the lowest to the highest of
// the benchmark's areas, a black line marks England, an open diamond the benchmark and a filled
// circle this area. Its sentence is the image's name, so a screen reader hears the same; where a
// spine would not help (fewer than two areas compared, or no figure) a few words say why.
import type { PaperMeasure } from './api';
import { spineGeometry } from './spine';

const WIDTH = 120;
const HEIGHT = 22;
const MID = HEIGHT / 2;
const BAR_HEIGHT = 8;
const MARK = 5;

export function Spine({ measure }: { measure: PaperMeasure }) {
  const spine = spineGeometry(measure);
  if (!spine) {
    return <span className="app-measure__meta">{measure.latest.status === 'ok' ? 'Too few areas to compare' : 'No figure to place'}</span>;
  }
  const x = (at: number) => at * WIDTH;
  return (
    <svg className="app-spine" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width={WIDTH} height={HEIGHT} role="img" aria-label={spine.description} focusable="false">
      <title>{spine.description}</title>
      <rect className="app-spine__range" x={x(spine.low.at)} y={MID - BAR_HEIGHT / 2} width={Math.max(1, x(spine.high.at) - x(spine.low.at))} height={BAR_HEIGHT} />
      {spine.england && <line className="app-spine__england" x1={x(spine.england.at)} x2={x(spine.england.at)} y1={2} y2={HEIGHT - 2} />}
      {spine.benchmark && (
        <polygon
          className="app-spine__benchmark"
          points={`${x(spine.benchmark.at)},${MID - MARK} ${x(spine.benchmark.at) + MARK},${MID} ${x(spine.benchmark.at)},${MID + MARK} ${x(spine.benchmark.at) - MARK},${MID}`}
        />
      )}
      <circle className="app-spine__area" cx={x(spine.area.at)} cy={MID} r={MARK - 1} />
    </svg>
  );
}

/** What the marks mean, once above the summary table (a key left below it could fall to a page of its own). */
export function SpineKey() {
  return (
    <p className="govuk-body-s app-spine-key">
      Spine: the grey bar spans the lowest to the highest value among the areas of the measure’s benchmark; the filled circle is the area’s value, the open diamond the
      benchmark’s and the black line England’s.
    </p>
  );
}
