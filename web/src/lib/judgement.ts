// Benchmark comparisons, reference ranges, trends and value statuses in words. Colour is never
// the only cue: every judgement has a sentence and a symbol, and the colour (a CSS modifier
// and the matching chart colour in palette.ts) is added on top.
import { listInWords, periodLabel, shortPeriodLabel } from './format';

export type Assessment = 'better' | 'worse' | 'similar' | 'higher' | 'lower' | 'not-compared';
export type ValueStatus = 'ok' | 'no-data' | 'incomplete' | 'suppressed';
export type TrendMarker = 'increasing' | 'decreasing' | 'no-significant-change' | 'cannot-be-calculated' | 'not-tested';
export type TrendJudgement = 'getting-better' | 'getting-worse' | 'increasing' | 'decreasing' | 'no-significant-change' | 'cannot-be-calculated' | 'not-tested';
export type ReferenceOutcome = 'below' | 'within' | 'above' | 'not-compared';

export interface Words {
  /** The CSS modifier and palette entry. */
  tone: Assessment | ReferenceOutcome;
  /** A decorative symbol (hidden from screen readers; the text says it all). */
  symbol: string;
  text: string;
}

const SYMBOLS: Record<Assessment, string> = {
  better: '✓',
  worse: '✕',
  similar: '≈',
  higher: '▲',
  lower: '▼',
  'not-compared': '–',
};

const STATUS_REASON: Record<Exclude<ValueStatus, 'ok'>, string> = {
  'no-data': 'has no data',
  incomplete: 'is incomplete',
  suppressed: 'is suppressed',
};

/**
 * "Better than Thames Valley", "Similar to London", "Higher than England" (no-judgement), or why
 * it was not compared: "Not compared: Thames Valley is incomplete".
 */
export function benchmarkWords(
  assessment: Assessment,
  benchmarkName: string,
  context: { valueStatus?: ValueStatus; benchmarkStatus?: ValueStatus; hasInterval?: boolean } = {},
): Words {
  const symbol = SYMBOLS[assessment];
  switch (assessment) {
    case 'better':
      return { tone: 'better', symbol, text: `Better than ${benchmarkName}` };
    case 'worse':
      return { tone: 'worse', symbol, text: `Worse than ${benchmarkName}` };
    case 'similar':
      return { tone: 'similar', symbol, text: `Similar to ${benchmarkName}` };
    case 'higher':
      return { tone: 'higher', symbol, text: `Higher than ${benchmarkName}` };
    case 'lower':
      return { tone: 'lower', symbol, text: `Lower than ${benchmarkName}` };
    default: {
      // When the value itself is missing, its own explanation says why; otherwise say it here.
      const valueMissing = context.valueStatus !== undefined && context.valueStatus !== 'ok';
      let why = '';
      if (!valueMissing && context.benchmarkStatus && context.benchmarkStatus !== 'ok') why = `: ${benchmarkName} ${STATUS_REASON[context.benchmarkStatus]}`;
      else if (!valueMissing && context.hasInterval === false) why = ': this figure has no confidence interval';
      return { tone: 'not-compared', symbol, text: `Not compared with ${benchmarkName}${why}` };
    }
  }
}

/**
 * A quarter against the same quarter a year before (never the quarter before: abuse is
 * seasonal), in the benchmark's words: "Better than the same quarter a year before", "Lower than
 * the same quarter a year before", or why not: "Not compared with the same quarter a year
 * before: it has no data".
 */
export function yearEarlierWords(assessment: Assessment, context: { valueStatus?: ValueStatus; earlierStatus?: ValueStatus; hasInterval?: boolean } = {}): Words {
  const name = 'the same quarter a year before';
  if (assessment !== 'not-compared') return benchmarkWords(assessment, name);
  const valueMissing = context.valueStatus !== undefined && context.valueStatus !== 'ok';
  let why = '';
  if (!valueMissing && context.earlierStatus && context.earlierStatus !== 'ok') why = `: it ${STATUS_REASON[context.earlierStatus]}`;
  else if (!valueMissing && context.hasInterval === false) why = ': this figure has no confidence interval';
  return { tone: 'not-compared', symbol: SYMBOLS['not-compared'], text: `Not compared with ${name}${why}` };
}

/**
 * The server's note on a comparison that could not be made, shown under the "Not compared" tag:
 * why, and what an analyst can load. The tag already says "Not compared", so the note's own
 * "Not compared: " goes, and period ids read as periods ("R12-2026-27Q2" → "12 months to Sep
 * 2026", "2024-25Q3" → "Q3 2024-25").
 */
export function benchmarkNoteText(note: string): string {
  const rest = note.replace(/^Not compared:\s*/, '').replace(/\b(?:R12-)?\d{4}-\d{2}Q[1-4]\b/g, (id) => shortPeriodLabel(id));
  return rest.charAt(0).toUpperCase() + rest.slice(1);
}

/** The same judgement as a short table cell: "Better", "Similar", "Not compared". */
export function assessmentShort(assessment: Assessment): string {
  return assessment === 'not-compared' ? 'Not compared' : assessment[0].toUpperCase() + assessment.slice(1);
}

/** Against a reference range or recommended level: "Within SafeLives' range (28% to 40%)". */
export function referenceWords(outcome: ReferenceOutcome, rangeText: string): Words {
  switch (outcome) {
    case 'below':
      return { tone: 'below', symbol: '▼', text: `Below the reference (${rangeText})` };
    case 'within':
      return { tone: 'within', symbol: '●', text: `Within the reference (${rangeText})` };
    case 'above':
      return { tone: 'above', symbol: '▲', text: `Above the reference (${rangeText})` };
    default:
      return { tone: 'not-compared', symbol: '–', text: `Not compared with the reference (${rangeText})` };
  }
}

/**
 * "↑ Increasing and getting better", "→ No significant change", "Trend not available", and for a
 * quarter "Not tested for trend" (quarters are seasonal: they are compared with the same
 * quarter a year before instead).
 */
export function trendWords(marker: TrendMarker, judgement: TrendJudgement): { symbol: string; text: string } {
  const arrow = marker === 'increasing' ? '↑' : marker === 'decreasing' ? '↓' : marker === 'no-significant-change' ? '→' : '';
  if (marker === 'cannot-be-calculated') return { symbol: '', text: 'Trend not available' };
  if (marker === 'not-tested') return { symbol: '', text: 'Not tested for trend' };
  if (marker === 'no-significant-change') return { symbol: arrow, text: 'No significant change' };
  const direction = marker === 'increasing' ? 'Increasing' : 'Decreasing';
  if (judgement === 'getting-better') return { symbol: arrow, text: `${direction} and getting better` };
  if (judgement === 'getting-worse') return { symbol: arrow, text: `${direction} and getting worse` };
  return { symbol: arrow, text: direction };
}

function missingInWords(missing: readonly string[], areaName: (code: string) => string): string {
  const named = missing.map((m) => (/^[EWSN]\d{8}$/.test(m) ? areaName(m) : periodLabel(m)));
  const shown = named.slice(0, 6);
  const more = named.length - shown.length;
  return more > 0 ? `${shown.join(', ')} and ${more} more` : listInWords(shown);
}

/** A plain explanation of a value that is not shown; null for 'ok'. */
export function statusExplanation(
  status: ValueStatus,
  options: { missing?: readonly string[]; threshold?: number; areaName?: (code: string) => string } = {},
): { title: string; text: string } | null {
  const threshold = options.threshold ?? 5;
  switch (status) {
    case 'no-data':
      return { title: 'No data', text: 'No figures have been received for this area and period (or the figure it is divided by is zero).' };
    case 'incomplete': {
      const missing = options.missing && options.missing.length > 0 ? ` Not yet received: ${missingInWords(options.missing, options.areaName ?? ((c) => c))}.` : '';
      return {
        title: 'Incomplete',
        text: `Some of the figures this total needs have not been received, so it is not shown: a total over fewer quarters or areas would mislead.${missing}`,
      };
    }
    case 'suppressed':
      return {
        title: 'Suppressed',
        text: `Hidden to protect people's privacy: it involves a count below ${threshold}, or one that could be worked out from other figures.`,
      };
    default:
      return null;
  }
}
