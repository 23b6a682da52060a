// A Fingertips-style spine for one measure, as plain data: where on a bar from the lowest to the
// highest of the benchmark's areas this area's value, the benchmark's and England's fall, and the
// same in a sentence for anyone who cannot see the drawing. The bar is drawn only "where it
// helps": when at least two areas of the group have a published value and this area has one.
// Worked examples are in spine.test.ts.
import type { PaperMeasure } from './api';

export interface SpineMark {
  /** 0 at the bar's left end, 1 at its right. */
  at: number;
  text: string;
}

export interface SpineGeometry {
  /** Where the group's lowest and highest fall (the bar itself). */
  low: SpineMark & { areaName: string };
  high: SpineMark & { areaName: string };
  area: SpineMark & { areaName: string };
  benchmark: (SpineMark & { areaName: string }) | null;
  england: SpineMark | null;
  /** The sentence the drawing stands for. */
  description: string;
}

/** Fewer than two areas have no range to show. */
export const SPINE_MIN_AREAS = 2;

/**
 * The spine's marks on a scale that holds every value shown, with a little room at each end so a
 * mark at an end is not cut in half (a fortieth of the bar): values 5.1 (the area, also the
 * lowest), 5.5 (highest), 4.9 (England) → the scale runs 4.9 to 5.5, England sits at 0.025, the
 * highest at 0.975 and the area at 0.025 + (0.2 / 0.6) × 0.95 ≈ 0.342.
 */
export function spineGeometry(measure: PaperMeasure): SpineGeometry | null {
  const { spine, latest, benchmark } = measure;
  if (spine.areasCompared < SPINE_MIN_AREAS || !spine.lowest || !spine.highest || latest.status !== 'ok' || latest.value === null) return null;
  const values = [spine.lowest.value, spine.highest.value, latest.value];
  const benchmarkValue = benchmark && benchmark.value !== null ? benchmark.value : null;
  const englandValue = spine.england && spine.england.status === 'ok' && spine.england.value !== null ? spine.england.value : null;
  if (benchmarkValue !== null) values.push(benchmarkValue);
  if (englandValue !== null) values.push(englandValue);
  const min = Math.min(...values);
  const max = Math.max(...values);
  const span = max - min;
  // A fortieth of the bar at each end.
  const EDGE = 1 / 40;
  const at = (v: number) => (span === 0 ? 0.5 : EDGE + ((v - min) / span) * (1 - 2 * EDGE));
  const group = spine.group?.name ?? benchmark?.areaName ?? 'the group';
  const area = { at: at(latest.value), text: figureText(latest.text), areaName: measure.areaName };
  const parts = [
    `${measure.areaName} ${area.text}`,
    `${group}’s ${spine.areasCompared} areas range from ${spine.lowest.text} (${spine.lowest.areaName}) to ${spine.highest.text} (${spine.highest.areaName})`,
  ];
  if (benchmark && benchmarkValue !== null) parts.push(`${benchmark.areaName} ${benchmark.text}`);
  if (spine.england && englandValue !== null) parts.push(`England ${spine.england.text}`);
  return {
    low: { at: at(spine.lowest.value), text: spine.lowest.text, areaName: spine.lowest.areaName },
    high: { at: at(spine.highest.value), text: spine.highest.text, areaName: spine.highest.areaName },
    area,
    benchmark: benchmark && benchmarkValue !== null ? { at: at(benchmarkValue), text: benchmark.text, areaName: benchmark.areaName } : null,
    england: spine.england && englandValue !== null ? { at: at(englandValue), text: spine.england.text } : null,
    description: `${parts.join('; ')}.`,
  };
}

/** The figure without its interval: "5.1% (3.9% to 6.6%)" → "5.1%". */
export function figureText(text: string): string {
  return text.replace(/\s*\([^)]*\)\s*$/, '');
}
