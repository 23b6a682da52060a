// Delivery plans give each action a timescale in words ("By March 2022", "Q3 2022-23", "Year 2",
// "Ongoing"), and the board needs a date to say what is overdue. This reads the date a timescale
// states, as the last day it allows, and leaves the rest as text: a guess would put an action
// overdue (or not) on the strength of words that never gave a date.
import { parsePeriodId, parseQuarterId, quarterEndExclusive, quarterId } from '../../schemas/periods';

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11, november: 11, dec: 12, december: 12,
};
const MONTH = String.raw`(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)`;

/** The seasons and parts of a year people write, as the month each ends in. */
const SEASON_END_MONTH: Record<string, number> = { spring: 5, summer: 8, autumn: 11, fall: 11, early: 4, mid: 8, late: 12, end: 12 };

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const day = (year: number, month: number, dayOfMonth: number) => `${pad(year, 4)}-${pad(month)}-${pad(dayOfMonth)}`;
const lastDayOfMonth = (year: number, month: number) => day(year, month, new Date(Date.UTC(year, month, 0)).getUTCDate());

/** Years beyond these are typing slips, not plans. */
const EARLIEST_YEAR = 1990;
const LATEST_YEAR = 2100;
const plausible = (year: number) => year >= EARLIEST_YEAR && year <= LATEST_YEAR;

/** A real day as YYYY-MM-DD, or null (31 February is not one). */
function realDay(year: number, month: number, dayOfMonth: number): string | null {
  if (!plausible(year) || month < 1 || month > 12 || dayOfMonth < 1) return null;
  const text = day(year, month, dayOfMonth);
  return new Date(`${text}T00:00:00Z`).toISOString().slice(0, 10) === text ? text : null;
}

export function isCalendarDay(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  return m !== null && realDay(Number(m[1]), Number(m[2]), Number(m[3])) === text;
}

const fullYear = (written: string) => (written.length === 2 ? 2000 + Number(written) : Number(written));
const latest = (days: Array<string | null>) => days.filter((d): d is string => d !== null).sort().at(-1) ?? null;
const all = (text: string, pattern: string) => [...text.matchAll(new RegExp(pattern, 'gi'))];

/** Days written out in full: 2022-03-31, 31/03/2022 (day first, as in the UK), 31 March 2022. */
function exactDays(text: string): Array<string | null> {
  return [
    ...all(text, String.raw`\b(\d{4})-(\d{2})-(\d{2})\b`).map((m) => realDay(Number(m[1]), Number(m[2]), Number(m[3]))),
    ...all(text, String.raw`\b(\d{1,2})[/.](\d{1,2})[/.](\d{4}|\d{2})\b`).map((m) => realDay(fullYear(m[3]), Number(m[2]), Number(m[1]))),
    ...all(text, String.raw`\b(\d{1,2})(?:st|nd|rd|th)?\s+${MONTH}\.?,?\s+(\d{4})\b`).map((m) => realDay(Number(m[3]), MONTHS[m[2].toLowerCase()], Number(m[1]))),
  ];
}

/** A financial year's start year from "2022-23", "2022/23" or "2022-2023"; null when the second year does not follow the first. */
function financialYearStart(first: string, second: string): number | null {
  const start = Number(first);
  const follows = second.length === 2 ? Number(second) === (start + 1) % 100 : Number(second) === start + 1;
  return plausible(start) && follows ? start : null;
}

function quarterEnd(startYear: number | null, quarter: number): string | null {
  if (startYear === null) return null;
  const q = parseQuarterId(quarterId({ startYear, quarter: quarter as 1 | 2 | 3 | 4 }));
  return q ? new Date(quarterEndExclusive(q).getTime() - 86_400_000).toISOString().slice(0, 10) : null;
}

/** Financial quarters: "Q3 2022-23", "Quarter 1 2019-20", "2022-23 Q3". */
function quarterDays(text: string): Array<string | null> {
  const FY = String.raw`(?:fy\s*)?(\d{4})\s*[-/]\s*(\d{4}|\d{2})`;
  return [
    ...all(text, String.raw`\bq(?:uarter)?\s*([1-4])\s*(?:of\s+)?${FY}\b`).map((m) => quarterEnd(financialYearStart(m[2], m[3]), Number(m[1]))),
    ...all(text, String.raw`\b${FY}\s*q(?:uarter)?\s*([1-4])\b`).map((m) => quarterEnd(financialYearStart(m[1], m[2]), Number(m[3]))),
  ];
}

/** "March 2022", "Mar 2022", "Mar-22": the month's last day. */
function monthDays(text: string): Array<string | null> {
  return [
    ...all(text, String.raw`\b${MONTH}\.?,?\s+(\d{4})\b`).map((m) => (plausible(Number(m[2])) ? lastDayOfMonth(Number(m[2]), MONTHS[m[1].toLowerCase()]) : null)),
    ...all(text, String.raw`\b${MONTH}-(\d{2})\b`).map((m) => lastDayOfMonth(2000 + Number(m[2]), MONTHS[m[1].toLowerCase()])),
  ];
}

/** "Spring 2022", "early 2020", "end of 2023": the last day of the season or part of the year. */
function seasonDays(text: string): Array<string | null> {
  return all(text, String.raw`\b(spring|summer|autumn|fall|early|mid|late|end)(?:\s+of)?[\s-]+(\d{4})\b`).map((m) =>
    plausible(Number(m[2])) ? lastDayOfMonth(Number(m[2]), SEASON_END_MONTH[m[1].toLowerCase()]) : null,
  );
}

/** "2022-23", "2022/23": 31 March at the end of the financial year. */
function financialYearDays(text: string): Array<string | null> {
  return all(text, String.raw`\b(\d{4})\s*[-/]\s*(\d{4}|\d{2})\b`).map((m) => {
    const start = financialYearStart(m[1], m[2]);
    return start === null ? null : day(start + 1, 3, 31);
  });
}

/** "Year 2", "Years 1-2": the end of that financial year of the strategy. */
function strategyYearDays(text: string, strategyFrom: string | undefined): Array<string | null> {
  const from = strategyFrom === undefined ? null : parsePeriodId(strategyFrom);
  if (!from || from.kind !== 'financial-year') return [];
  const firstStart = Number(strategyFrom!.slice(0, 4));
  return all(text, String.raw`\byears?\s+(\d{1,2})(?:\s*(?:-|–|to|and|&)\s*(\d{1,2}))?\b`).map((m) => {
    const n = Math.max(Number(m[1]), Number(m[2] ?? 0));
    return n >= 1 ? day(firstStart + n, 3, 31) : null;
  });
}

/** "2023": 31 December. */
function calendarYearDays(text: string): Array<string | null> {
  return all(text, String.raw`\b(\d{4})\b`).map((m) => (plausible(Number(m[1])) ? day(Number(m[1]), 12, 31) : null));
}

/**
 * The due date a timescale states, or null when it states none ("Ongoing", "Quarterly", "July /
 * August"). The most precise form written wins: a full date, then a financial quarter, a month, a
 * season or part of a year, a financial year, a year of the strategy (from `strategyFrom`, its
 * first financial year), a calendar year. Where the timescale gives several of one form
 * ("February, March, April 2021"; "April 2021 … May 2021") the latest is the due date, as the
 * action is not done before then. A quarter without its financial year ("Q3 2022") could be a
 * calendar or a financial quarter, so it gives no date.
 */
export function parseTimescale(text: string | null | undefined, strategyFrom?: string): string | null {
  if (!text) return null;
  const t = text.replace(/\s+/g, ' ').trim();
  // The first form found decides: something written as a date that is not one (30/02/2022,
  // 2022-24) gives no date rather than a looser reading of its year.
  for (const found of [exactDays(t), quarterDays(t)]) if (found.length > 0) return latest(found);
  if (/\bq(?:uarter)?\s*[1-4]\b/i.test(t)) return null;
  for (const found of [monthDays(t), seasonDays(t), financialYearDays(t), strategyYearDays(t, strategyFrom), calendarYearDays(t)]) if (found.length > 0) return latest(found);
  return null;
}

/**
 * A due date written in a cell of its own: 2022-03-31 (an Excel date reads so, perhaps with a
 * time), 31/03/2022 or 31 March 2022; null when the cell is not one day.
 */
export function parseDay(text: string): string | null {
  const t = text.replace(/\s+/g, ' ').trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?: \d{2}:\d{2}(?::\d{2})?)?$/.exec(t);
  if (iso) return realDay(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const uk = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4}|\d{2})$/.exec(t);
  if (uk) return realDay(fullYear(uk[3]), Number(uk[2]), Number(uk[1]));
  const words = new RegExp(String.raw`^(\d{1,2})(?:st|nd|rd|th)?\s+${MONTH}\.?,?\s+(\d{4})$`, 'i').exec(t);
  if (words) return realDay(Number(words[3]), MONTHS[words[2].toLowerCase()], Number(words[1]));
  return null;
}

/** Today in England (the boards' calendar), as YYYY-MM-DD. */
export function londonDay(now: Date): string {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(now);
  const get = (type: string) => parts.find((p) => p.type === type)!.value;
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** Overdue: the due date has passed (the due day itself is not late) and the action is not complete. */
export function isOverdue(action: { due: string | null; status: string }, today: string): boolean {
  return action.due !== null && action.due < today && action.status !== 'complete';
}
