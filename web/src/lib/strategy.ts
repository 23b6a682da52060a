// A partnership's strategy in words (issue 11): each status as text, symbol and colour together
// (colour is never the only cue), how many aims have each status, and each measure's target
// and figures written as a board member reads them. The partnership page uses these now and the
// board paper will use the same words, so a status reads the same wherever it is shown. The
// statuses themselves are decided by the server (README, "Strategy statuses"); nothing here
// judges a figure. Worked examples are in strategy.test.ts.
import type { PeriodKind } from '../../../schemas/periods';
import type { Measure, MeasureStatus, Target } from '../../../schemas/strategy-api';
import { formatInterval, formatValue, shortPeriodLabel } from './format';
import { valueWithUnit, type UnitSubject } from './units';

export type { MeasureStatus };

export interface StatusWords {
  status: MeasureStatus;
  /** As a tag says it: "Off track". */
  text: string;
  /** A shape that differs for each status, so print in black and white and colour-blind readers still tell them apart. */
  symbol: string;
}

export const STATUS_WORDS: Record<MeasureStatus, StatusWords> = {
  'off-track': { status: 'off-track', text: 'Off track', symbol: '✕' },
  'at-risk': { status: 'at-risk', text: 'At risk', symbol: '!' },
  'on-track': { status: 'on-track', text: 'On track', symbol: '✓' },
  'not-assessable': { status: 'not-assessable', text: 'Not assessable', symbol: '?' },
};

/** The order a board reads them in: what needs attention first. */
export const STATUS_ORDER: readonly MeasureStatus[] = ['off-track', 'at-risk', 'on-track', 'not-assessable'];

/** Off track or at risk: what the board is asked to look at. */
export function needsAttention(status: MeasureStatus): boolean {
  return status === 'off-track' || status === 'at-risk';
}

export type StatusCounts = Record<MeasureStatus, number>;

export function statusCounts(items: ReadonlyArray<{ status: MeasureStatus }>): StatusCounts {
  const counts: StatusCounts = { 'off-track': 0, 'at-risk': 0, 'on-track': 0, 'not-assessable': 0 };
  for (const item of items) counts[item.status]++;
  return counts;
}

const IN_A_SENTENCE: Record<MeasureStatus, string> = {
  'off-track': 'off track',
  'at-risk': 'at risk',
  'on-track': 'on track',
  'not-assessable': 'not assessable',
};

/**
 * The counts in one sentence, worst first, leaving out statuses no aim has:
 * { off-track 2, at-risk 1, on-track 1 } of 4 → "Of 4 aims, 2 are off track, 1 is at risk and 1 is on track."
 * All the same: "All 3 aims are on track." One aim: "The 1 aim is off track."
 */
export function countsSentence(counts: StatusCounts, noun = 'aim'): string {
  const total = STATUS_ORDER.reduce((sum, s) => sum + counts[s], 0);
  if (total === 0) return `There are no ${noun}s to show.`;
  const present = STATUS_ORDER.filter((s) => counts[s] > 0);
  if (present.length === 1) return total === 1 ? `The 1 ${noun} is ${IN_A_SENTENCE[present[0]]}.` : `All ${total} ${noun}s are ${IN_A_SENTENCE[present[0]]}.`;
  const parts = present.map((s) => `${counts[s]} ${counts[s] === 1 ? 'is' : 'are'} ${IN_A_SENTENCE[s]}`);
  return `Of ${total} ${noun}s, ${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}.`;
}

/** A period as a table cell: "2020-21", "2020", "12 months to Sep 2026". */
export function periodCell(id: string): string {
  return shortPeriodLabel(id);
}

/** A kind of twelve months' unit is the unit as written: the strategy is never read over a quarter. */
const YEAR: PeriodKind = 'financial-year';

/**
 * The target as a sentence fragment:
 *   value 9, increase, by 2023-24        → "At least 9.0% by 2023-24"
 *   value 20, decrease                   → "At most 20.0% by 2023-24"
 *   direction increase, by 2023-24       → "An increase on the baseline by 2023-24"
 *   range 28–40 with a label             → the label ("SafeLives: 28% to 40% repeat cases")
 *   range low 40 only, no label          → "At least 40.0 per 10,000 women"
 *   benchmark (polarity)                 → "Better than Thames Valley"
 *   benchmark, direction decrease        → "Lower than Thames Valley"
 */
export function targetWords(target: Target, subject: UnitSubject, benchmarkName: string): string {
  const value = (v: number) => valueWithUnit(v, subject, YEAR);
  switch (target.kind) {
    case 'value':
      return `${target.direction === 'increase' ? 'At least' : 'At most'} ${value(target.value)} by ${periodCell(target.by)}`;
    case 'direction': {
      const change = target.direction === 'increase' ? 'An increase' : 'A decrease';
      return `${change} on the baseline${target.by ? ` by ${periodCell(target.by)}` : ''}`;
    }
    case 'range': {
      if (target.label) return target.label;
      if (target.low !== null && target.high !== null) return `Between ${value(target.low)} and ${value(target.high)}`;
      if (target.low !== null) return `At least ${value(target.low)}`;
      if (target.high !== null) return `At most ${value(target.high)}`;
      return 'Within the reference range';
    }
    case 'benchmark': {
      const comparison = target.direction === 'increase' ? 'Higher than' : target.direction === 'decrease' ? 'Lower than' : 'Better than';
      return `${comparison} ${benchmarkName}`;
    }
  }
}

/** Why a figure is missing, in a few words, for a table cell. */
const MISSING_WORDS: Record<'no-data' | 'incomplete' | 'suppressed', string> = {
  'no-data': 'No data',
  incomplete: 'Incomplete',
  suppressed: 'Hidden (small numbers)',
};

type Figure = Pick<Measure['baseline'], 'value' | 'lower95' | 'upper95' | 'status'>;

/** A figure with its unit, or why there is none: "25.0%", "2.7 per 100 crimes", "Incomplete". */
export function figureWords(figure: Figure, subject: UnitSubject): string {
  if (figure.status !== 'ok' || figure.value === null) return MISSING_WORDS[figure.status === 'ok' ? 'no-data' : figure.status];
  return valueWithUnit(figure.value, subject, YEAR);
}

/** The 95% interval in words, or null when there is none (no figure, or an indicator without one). */
export function intervalWords(figure: Figure, subject: UnitSubject): string | null {
  if (figure.status !== 'ok') return null;
  const interval = formatInterval(figure.lower95, figure.upper95, subject);
  return interval ? `95% interval ${interval}` : null;
}

/** A value alone in the indicator's format, for a benchmark's figure: "30.2%". */
export function plainValue(value: number | null, subject: UnitSubject): string {
  return formatValue(value, subject);
}
