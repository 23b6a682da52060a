// Data colours for charts; the same values as web/src/styles/_palette.scss. Blue and vermillion
// (Okabe–Ito) stay distinct under the common colour-vision deficiencies, and every chart has
// words beside it (tooltips, the data table, the key), so colour is never the only cue.
import type { Assessment } from './judgement';

export const INK = '#0b0c0c';
export const QUIET = '#505a5f';
export const GRID = '#b1b4b6';

export const ASSESSMENT_COLOURS: Record<Assessment, string> = {
  better: '#0072b2',
  worse: '#d55e00',
  similar: '#6f777b',
  higher: '#8e3d6e',
  lower: '#c87dab',
  'not-compared': '#b1b4b6',
};

/** The area's own line and its interval band. */
export const SERIES_COLOUR = '#0b0c0c';
export const INTERVAL_BAND = 'rgba(0, 114, 178, 0.18)';
/** The benchmark line: dashed, so it differs from the area's line by more than colour. */
export const BENCHMARK_COLOUR = '#d55e00';
export const REFERENCE_BAND = 'rgba(111, 119, 123, 0.15)';
