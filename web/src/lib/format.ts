// Numbers, intervals, periods and dates as the board reads them: en-GB, each indicator rounded
// to its own decimal places. The API sends unrounded values; this module is the only place that
// rounds them. Units, whose wording depends on the period, are written by units.ts. Worked
// examples are in format.test.ts.
import './zod-config';
import { parsePeriodId } from '../../../schemas/periods';

export const LOCALE = 'en-GB';

/** The indicator fields that say how its values are written. */
export interface UnitFormat {
  unit: string;
  decimals: number;
}

const numberFormats = new Map<string, Intl.NumberFormat>();

function numberFormat(decimals: number, grouping = true): Intl.NumberFormat {
  const key = `${decimals}:${grouping}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(LOCALE, { minimumFractionDigits: decimals, maximumFractionDigits: decimals, useGrouping: grouping });
    numberFormats.set(key, format);
  }
  return format;
}

/** 3267 → "3,267"; 15.6349 with 1 decimal → "15.6"; 25 with 1 decimal → "25.0". */
export function formatNumber(value: number, decimals = 0): string {
  // Intl writes −0 as "-0"; a rounded zero is plain zero.
  const text = numberFormat(decimals).format(value);
  return /^-0(\.0+)?$/.test(text) ? text.slice(1) : text;
}

const CELL_NUMBER = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 10 });

/** A stored cell of a return as the partner sent it: 3267 → "3,267", 17.35 → "17.35", empty → "blank". */
export function formatCellValue(value: number | string | null | undefined): string {
  if (value === null || value === undefined) return 'blank';
  return typeof value === 'number' ? CELL_NUMBER.format(value) : value;
}

/** The mark shown instead of a suppressed count: "<5" for the default threshold of 5. */
export function suppressedCountLabel(threshold: number): string {
  return `<${threshold}`;
}

export interface CountOptions {
  /** In the suppressed view, counts from 1 to threshold − 1 are written "<threshold". */
  suppressBelow?: number;
}

/** A count: 3267 → "3,267"; 0 → "0" (zero is shown); null → "no data"; 3 suppressed below 5 → "<5". */
export function formatCount(value: number | null | undefined, options: CountOptions = {}): string {
  if (value === null || value === undefined || Number.isNaN(value)) return 'no data';
  if (options.suppressBelow !== undefined && value >= 1 && value < options.suppressBelow) return suppressedCountLabel(options.suppressBelow);
  return formatNumber(value, 0);
}

export function isPercent(format: UnitFormat): boolean {
  return format.unit.trim() === '%';
}

/** The value alone, with a % sign for percentages: 25 → "25.0%"; 15.63 per 1,000 → "15.6". */
export function formatValue(value: number | null | undefined, format: UnitFormat): string {
  if (value === null || value === undefined || Number.isNaN(value)) return 'no data';
  const text = formatNumber(value, format.decimals);
  return isPercent(format) ? `${text}%` : text;
}

/** A confidence interval: "23.5% to 26.5%"; null when either limit is missing. */
export function formatInterval(lower: number | null | undefined, upper: number | null | undefined, format: UnitFormat): string | null {
  if (lower === null || lower === undefined || upper === null || upper === undefined) return null;
  return `${formatValue(lower, format)} to ${formatValue(upper, format)}`;
}

/**
 * The number as it is shown, for downloads: rounded by the same formatter as the page (ICU rounds
 * the shortest decimal form half away from zero: 2.175 → 2.18, where toFixed gives 2.17).
 */
export function roundTo(value: number, decimals: number): number {
  const rounded = Number(numberFormat(decimals, false).format(value));
  return Object.is(rounded, -0) ? 0 : rounded;
}

/** A period id as people read it: "2019-20Q3" → "2019-20 Q3 (Oct–Dec 2019)". */
export function periodLabel(id: string): string {
  return parsePeriodId(id)?.label ?? id;
}

const LAST_MONTH_OF_QUARTER = ['Jun', 'Sep', 'Dec', 'Mar'];

/**
 * A short period label for chart axes and sparklines: "2019-20Q3" → "Q3 2019-20";
 * "R12-2019-20Q3" → "12 months to Dec 2019"; years unchanged ("2019-20", "2019").
 */
export function shortPeriodLabel(id: string): string {
  const m = /^(R12-)?(\d{4})-(\d{2})Q([1-4])$/.exec(id);
  if (!m) return id;
  const quarter = Number(m[4]);
  if (!m[1]) return `Q${quarter} ${m[2]}-${m[3]}`;
  // Q4 (Jan–Mar) ends in the second calendar year of the financial year.
  const year = Number(m[2]) + (quarter === 4 ? 1 : 0);
  return `12 months to ${LAST_MONTH_OF_QUARTER[quarter - 1]} ${year}`;
}

const dateFormat = new Intl.DateTimeFormat(LOCALE, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' });
const dateTimeFormat = new Intl.DateTimeFormat(LOCALE, {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
  timeZone: 'Europe/London',
});

/** "2024-03-05T14:07:00Z" → "5 March 2024" (UK time). */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateFormat.format(date);
}

/** "2024-03-05T14:07:00Z" → "5 March 2024 at 14:07" (UK time). */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const parts = Object.fromEntries(dateTimeFormat.formatToParts(date).map((p) => [p.type, p.value]));
  return `${parts.day} ${parts.month} ${parts.year} at ${parts.hour}:${parts.minute}`;
}

/** "1 row" / "3 rows". */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${formatNumber(count)} ${count === 1 ? one : many}`;
}

/** A list in words: ["a"] → "a"; ["a","b","c"] → "a, b and c". */
export function listInWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

const axisFormat = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 2 });

/** An axis tick: as many decimals as it needs, up to 2: 2.5 → "2.5", 1000 → "1,000", 25 (%) → "25%". */
export function formatAxisNumber(value: number, format: UnitFormat): string {
  const text = axisFormat.format(value);
  return isPercent(format) ? `${text}%` : text;
}
