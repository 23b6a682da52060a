// Reporting periods (DOMAIN.md section 4). Returns are made per financial quarter; every other
// period is a named set of quarters. Shared by the server (parsing files, aggregating) and the
// web app (period pickers, labels), so it is pure and has no Node dependencies.
import { z } from 'zod';

export type PeriodKind = 'quarter' | 'financial-year' | 'calendar-year' | 'rolling-year';

/** A financial quarter: `startYear` is the year the financial year begins (2019 for 2019-20). */
export interface Quarter {
  startYear: number;
  quarter: 1 | 2 | 3 | 4;
}

export interface Period {
  id: string;
  kind: PeriodKind;
  /** The quarters the period is made of, oldest first. */
  quarters: string[];
  label: string;
}

const QUARTER_ID = /^(\d{4})-(\d{2})Q([1-4])$/;
const FINANCIAL_YEAR_ID = /^(\d{4})-(\d{2})$/;
const CALENDAR_YEAR_ID = /^(\d{4})$/;
const ROLLING_ID = /^R12-(\d{4}-\d{2}Q[1-4])$/;

const MONTHS = ['Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec', 'Jan', 'Feb', 'Mar'];

/** Years outside this range are not periods anyone reports; refusing them keeps ids well-formed. */
export const EARLIEST_YEAR = 1990;
export const LATEST_YEAR = 2100;
const plausibleYear = (year: number) => year >= EARLIEST_YEAR && year <= LATEST_YEAR;

function twoDigits(year: number): string {
  return String(year % 100).padStart(2, '0');
}

export function financialYearId(startYear: number): string {
  return `${startYear}-${twoDigits(startYear + 1)}`;
}

export function quarterId(q: Quarter): string {
  return `${financialYearId(q.startYear)}Q${q.quarter}`;
}

export function parseQuarterId(id: string): Quarter | null {
  const m = QUARTER_ID.exec(id);
  if (!m) return null;
  const startYear = Number(m[1]);
  if (!plausibleYear(startYear) || m[2] !== twoDigits(startYear + 1)) return null;
  return { startYear, quarter: Number(m[3]) as Quarter['quarter'] };
}

/** Quarters counted from a fixed origin, so that quarters can be compared and stepped. */
export function quarterOrdinal(q: Quarter): number {
  return q.startYear * 4 + (q.quarter - 1);
}

export function quarterFromOrdinal(ordinal: number): Quarter {
  return { startYear: Math.floor(ordinal / 4), quarter: ((ordinal % 4) + 1) as Quarter['quarter'] };
}

export function shiftQuarter(id: string, by: number): string {
  const q = parseQuarterId(id);
  if (!q) throw new Error(`not a quarter id: ${id}`);
  return quarterId(quarterFromOrdinal(quarterOrdinal(q) + by));
}

/** Quarters from `first` to `last` inclusive, oldest first. */
export function quarterRange(first: string, last: string): string[] {
  const a = parseQuarterId(first);
  const b = parseQuarterId(last);
  if (!a || !b) throw new Error(`not a quarter range: ${first}..${last}`);
  const out: string[] = [];
  for (let o = quarterOrdinal(a); o <= quarterOrdinal(b); o++) out.push(quarterId(quarterFromOrdinal(o)));
  return out;
}

/** First day of the quarter (UTC midnight). Q1 starts in April, Q4 in January of the next year. */
export function quarterStart(q: Quarter): Date {
  const monthIndex = 3 + (q.quarter - 1) * 3; // months since January of startYear
  return new Date(Date.UTC(q.startYear + Math.floor(monthIndex / 12), monthIndex % 12, 1));
}

/** The first day after the quarter ends. */
export function quarterEndExclusive(q: Quarter): Date {
  return quarterStart(quarterFromOrdinal(quarterOrdinal(q) + 1));
}

export function daysInQuarter(q: Quarter): number {
  return Math.round((quarterEndExclusive(q).getTime() - quarterStart(q).getTime()) / 86_400_000);
}

/** A quarter can be reported once its last day has passed. */
export function hasQuarterEnded(q: Quarter, now: Date): boolean {
  return now.getTime() >= quarterEndExclusive(q).getTime();
}

/** The most recent quarter that has ended by `now`. */
export function latestCompleteQuarter(now: Date): string {
  const y = now.getUTCFullYear();
  const m = now.getUTCMonth(); // 0 = January
  const startYear = m >= 3 ? y : y - 1;
  const current: Quarter = { startYear, quarter: (Math.floor(((m + 9) % 12) / 3) + 1) as Quarter['quarter'] };
  return quarterId(quarterFromOrdinal(quarterOrdinal(current) - 1));
}

export function quarterLabel(q: Quarter): string {
  const first = MONTHS[(q.quarter - 1) * 3];
  const last = MONTHS[(q.quarter - 1) * 3 + 2];
  const startDate = quarterStart(q);
  return `${financialYearId(q.startYear)} Q${q.quarter} (${first}–${last} ${startDate.getUTCFullYear()})`;
}

/** Parses a canonical period id of any kind; null when it is not one. */
export function parsePeriodId(id: string): Period | null {
  const q = parseQuarterId(id);
  if (q) return { id, kind: 'quarter', quarters: [id], label: quarterLabel(q) };

  const fy = FINANCIAL_YEAR_ID.exec(id);
  if (fy) {
    const startYear = Number(fy[1]);
    if (!plausibleYear(startYear) || fy[2] !== twoDigits(startYear + 1)) return null;
    const quarters = [1, 2, 3, 4].map((n) => quarterId({ startYear, quarter: n as Quarter['quarter'] }));
    return { id, kind: 'financial-year', quarters, label: `Financial year ${id} (Apr ${startYear}–Mar ${startYear + 1})` };
  }

  const cy = CALENDAR_YEAR_ID.exec(id);
  if (cy) {
    const year = Number(cy[1]);
    if (!plausibleYear(year - 1)) return null;
    // Calendar year Y = Jan–Mar Y (Q4 of the financial year starting Y-1) then Apr–Dec Y.
    const quarters = quarterRange(quarterId({ startYear: year - 1, quarter: 4 }), quarterId({ startYear: year, quarter: 3 }));
    return { id, kind: 'calendar-year', quarters, label: `Calendar year ${year}` };
  }

  const r = ROLLING_ID.exec(id);
  if (r) {
    const last = r[1];
    if (!parseQuarterId(last)) return null;
    const quarters = quarterRange(shiftQuarter(last, -3), last);
    const lq = parseQuarterId(last)!;
    const fq = parseQuarterId(quarters[0])!;
    const from = `${MONTHS[(fq.quarter - 1) * 3]} ${quarterStart(fq).getUTCFullYear()}`;
    const to = `${MONTHS[(lq.quarter - 1) * 3 + 2]} ${quarterStart(lq).getUTCFullYear()}`;
    return { id, kind: 'rolling-year', quarters, label: `12 months to ${to} (${from}–${to})` };
  }
  return null;
}

/**
 * The mid-year population estimate a period uses (DOMAIN.md section 3): a financial year and
 * its quarters use the estimate for the year it starts; a calendar year uses its own year; a
 * rolling year uses the estimate of the financial year its last quarter falls in.
 */
export function populationYear(period: Period): number {
  if (period.kind === 'calendar-year') return Number(period.id);
  const last = parseQuarterId(period.quarters[period.quarters.length - 1])!;
  return last.startYear;
}

// ---------------------------------------------------------------------------------------
// Periods as partners write them in files.

export const ACCEPTED_QUARTER_FORMS = ['2019-20 Q3', '2019/20 Q3', 'Q3 2019/20', 'Q3 2019-20', '2019-20Q3'];

// A financial year written `2019-20`, `2019/20` or `2019/2020`: the second year must follow the first.
const FY_TEXT = String.raw`(\d{4})\s*[-/]\s*(\d{2}|\d{4})`;
const QUARTER_FIRST = new RegExp(String.raw`^Q\s*([1-4])\s+${FY_TEXT}$`, 'i');
const YEAR_FIRST = new RegExp(String.raw`^${FY_TEXT}\s*Q\s*([1-4])$`, 'i');

function followingYearMatches(startYear: number, written: string): boolean {
  const next = startYear + 1;
  return written.length === 2 ? written === twoDigits(next) : Number(written) === next;
}

/** Parses a quarter written in any accepted form; null when the text is not one of them. */
export function parseQuarterText(text: string): Quarter | null {
  const t = text.trim().replace(/\s+/g, ' ');
  let startYear: number;
  let nextYear: string;
  let quarter: number;
  let m = YEAR_FIRST.exec(t);
  if (m) {
    startYear = Number(m[1]);
    nextYear = m[2];
    quarter = Number(m[3]);
  } else if ((m = QUARTER_FIRST.exec(t))) {
    quarter = Number(m[1]);
    startYear = Number(m[2]);
    nextYear = m[3];
  } else {
    return null;
  }
  if (!plausibleYear(startYear) || !followingYearMatches(startYear, nextYear)) return null;
  return { startYear, quarter: quarter as Quarter['quarter'] };
}

/** Parses any period (quarter in a partner's form, or a canonical id of another kind). */
export function parsePeriodText(text: string): Period | null {
  const q = parseQuarterText(text);
  if (q) return parsePeriodId(quarterId(q));
  const t = text.trim();
  const fy = /^(\d{4})\s*[-/]\s*(\d{2}|\d{4})$/.exec(t);
  if (fy && followingYearMatches(Number(fy[1]), fy[2])) return parsePeriodId(financialYearId(Number(fy[1])));
  return parsePeriodId(t.toUpperCase().replace(/\s+/g, ''));
}

export const PeriodIdSchema = z
  .string()
  .refine((s) => parsePeriodId(s) !== null, {
    message: 'a period id: 2019-20Q3 (quarter), 2019-20 (financial year), 2019 (calendar year) or R12-2019-20Q3 (rolling year)',
  })
  .meta({ description: 'Period id', example: '2019-20Q3' });
