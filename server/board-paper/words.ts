// Figures, statuses, targets and dates as the board paper prints them, in JSON, on screen and in
// the Word document alike: en-GB, each indicator to its own decimal places (the web app's
// web/src/lib/format.ts writes the same way; the server cannot import it). Examples:
//   27.4391 (%, 1 decimal)                → "27.4%"
//   15.6349 (per 1,000 people, 1 decimal) → "15.6 per 1,000 people"
//   a suppressed figure                   → "Hidden: small numbers"
import { parsePeriodId } from '../../schemas/periods';
import type { MeasureStatus, Target } from '../../schemas/strategy-api';
import type { ValueStatus } from '../engine/disclosure';

const LOCALE = 'en-GB';
const formats = new Map<number, Intl.NumberFormat>();

export function formatNumber(value: number, decimals: number): string {
  let format = formats.get(decimals);
  if (!format) formats.set(decimals, (format = new Intl.NumberFormat(LOCALE, { minimumFractionDigits: decimals, maximumFractionDigits: decimals })));
  const text = format.format(value);
  // Intl writes a rounded −0 as "-0".
  return /^-0(\.0+)?$/.test(text) ? text.slice(1) : text;
}

export interface UnitFormat {
  unit: string;
  decimals: number;
}

const isPercent = (f: UnitFormat) => f.unit.trim() === '%';

/** "27.4%", "15.6 per 1,000 people", "34.0 nights". */
export function valueText(value: number, f: UnitFormat): string {
  const text = formatNumber(value, f.decimals);
  return isPercent(f) ? `${text}%` : f.unit === '' ? text : `${text} ${f.unit}`;
}

/** The number alone, with % for a percentage: "27.4%", "15.6". */
export function shortValueText(value: number, f: UnitFormat): string {
  const text = formatNumber(value, f.decimals);
  return isPercent(f) ? `${text}%` : text;
}

const STATUS_WORDS: Record<Exclude<ValueStatus, 'ok'>, string> = {
  suppressed: 'Hidden: small numbers',
  'no-data': 'No data',
  incomplete: 'Incomplete: a quarter or area is missing',
};

/** A figure as printed, or why there is none. */
export function figureText(figure: { status: ValueStatus; value: number | null }, f: UnitFormat): string {
  if (figure.status === 'ok' && figure.value !== null) return valueText(figure.value, f);
  return figure.status === 'ok' ? 'No data' : STATUS_WORDS[figure.status];
}

/** "(26.1% to 28.7%)", or empty without an interval. */
export function intervalText(lower: number | null, upper: number | null, f: UnitFormat): string {
  if (lower === null || upper === null) return '';
  return `${shortValueText(lower, f)} to ${shortValueText(upper, f)}`;
}

export const MEASURE_STATUS_WORDS: Record<MeasureStatus, string> = {
  'on-track': 'On track',
  'at-risk': 'At risk',
  'off-track': 'Off track',
  'not-assessable': 'Cannot be assessed',
};

export const ACTION_STATUS_WORDS: Record<MeasureStatus | 'complete', string> = { ...MEASURE_STATUS_WORDS, complete: 'Complete' };

/** "At most 20.0% by 2023-24", "Increase by 2023-24", "SafeLives: 28% to 40% repeat cases", "Better than Thames Valley". */
export function targetText(target: Target, f: UnitFormat, benchmarkName: string): string {
  switch (target.kind) {
    case 'value':
      return `${target.direction === 'increase' ? 'At least' : 'At most'} ${shortValueText(target.value, f)} by ${target.by}`;
    case 'direction':
      return `${target.direction === 'increase' ? 'Increase' : 'Decrease'}${target.by ? ` by ${target.by}` : ''}`;
    case 'range': {
      if (target.label) return target.label;
      if (target.low !== null && target.high !== null) return `Between ${shortValueText(target.low, f)} and ${shortValueText(target.high, f)}`;
      if (target.low !== null) return `At least ${shortValueText(target.low, f)}`;
      return target.high !== null ? `At most ${shortValueText(target.high, f)}` : 'A reference range';
    }
    case 'benchmark':
      return `Better than ${benchmarkName}`;
  }
}

const ASSESSMENT_WORDS: Record<string, (name: string) => string> = {
  better: (n) => `Better than ${n}`,
  worse: (n) => `Worse than ${n}`,
  similar: (n) => `Similar to ${n}`,
  higher: (n) => `Higher than ${n}`,
  lower: (n) => `Lower than ${n}`,
};

export function assessmentText(assessment: string, benchmarkName: string): string {
  return ASSESSMENT_WORDS[assessment]?.(benchmarkName) ?? `Not compared with ${benchmarkName}`;
}

const TREND_WORDS: Record<string, string> = {
  'getting-better': 'Getting better',
  'getting-worse': 'Getting worse',
  increasing: 'Increasing',
  decreasing: 'Decreasing',
  'no-significant-change': 'No significant change',
  'cannot-be-calculated': 'Trend cannot be calculated',
  'not-tested': 'Not tested (quarterly figures)',
};

export function trendText(judgement: string): string {
  return TREND_WORDS[judgement] ?? judgement;
}

const dateFormat = new Intl.DateTimeFormat(LOCALE, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' });

/** "2026-11-22" or an ISO instant → "22 November 2026" (UK time). */
export function dateText(iso: string): string {
  const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso}T12:00:00Z` : iso);
  return Number.isNaN(date.getTime()) ? iso : dateFormat.format(date);
}

/** "1 measure", "3 measures". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString(LOCALE)} ${n === 1 ? one : many}`;
}

export function listInWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

const LAST_MONTH_OF_QUARTER = ['Jun', 'Sep', 'Dec', 'Mar'];

/**
 * A period as a sentence names it, from the period module's label: "2025-26 Q3 (Oct–Dec 2025)",
 * "financial year 2025-26 (Apr 2025–Mar 2026)". A yearly return's period is a year's id, which a
 * board would otherwise read as a bare "2025-26".
 */
export function periodInWords(id: string): string {
  const label = parsePeriodId(id)?.label;
  if (label === undefined) return id;
  return /^[A-Z][a-z]/.test(label) ? label.charAt(0).toLowerCase() + label.slice(1) : label;
}

/** A period in a list of them: "2025-26 Q1", "financial year 2025-26". */
export function periodBriefly(id: string): string {
  return /Q[1-4]$/.test(id) ? id.replace(/Q([1-4])$/, ' Q$1') : periodInWords(id).replace(/ \(.*\)$/, '');
}

/** A period in a few words, for a table heading: "R12-2026-27Q2" → "12 months to Sep 2026"; "2025-26Q3" → "Q3 2025-26"; "2025-26" → "Financial year 2025-26". */
export function shortPeriodText(id: string): string {
  const m = /^(R12-)?(\d{4})-(\d{2})Q([1-4])$/.exec(id);
  // A year: its label without the months in brackets.
  if (!m) return parsePeriodId(id)?.label.replace(/ \(.*\)$/, '') ?? id;
  const quarter = Number(m[4]);
  if (!m[1]) return `Q${quarter} ${m[2]}-${m[3]}`;
  // Q4 (January to March) ends in the second calendar year of the financial year.
  return `12 months to ${LAST_MONTH_OF_QUARTER[quarter - 1]} ${Number(m[2]) + (quarter === 4 ? 1 : 0)}`;
}
