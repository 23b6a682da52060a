// How often a return is made, and everything that follows from it: the periods a partner may write
// in its period column, the period a template is pre-filled with and offers in its drop-down, when
// a period has ended and when its return is due, and which dashboard periods its figures can
// answer. A definition declares its frequency (quarterly unless it says otherwise); validation,
// templates, the cycle and the engine ask its calendar here and never test a return type.
//
// A yearly return (the safe accommodation duty's, DOMAIN.md 5.9) is made for a financial year
// (`2022-23`) and stored under that id. It answers a financial year, and a rolling year ending with
// a Q4 (the same twelve months), and nothing shorter: it has no quarters to add up.
import { z } from 'zod';
import type { CellContext } from './cells';
import {
  ACCEPTED_QUARTER_FORMS,
  financialYearId,
  latestCompleteQuarter,
  parsePeriodId,
  parseQuarterId,
  parseQuarterText,
  quarterEndExclusive,
  quarterId,
  quarterLabel,
  quarterRange,
  shiftQuarter,
  type Period,
} from '../periods';

export type ReportingFrequency = 'quarterly' | 'yearly';
export const REPORTING_FREQUENCIES = ['quarterly', 'yearly'] as const;

/** Quarterly returns are due 30 days after the quarter ends (DOMAIN.md 5.8). */
export const DEFAULT_DAYS_AFTER_QUARTER_END = 30;
/**
 * A yearly return is due on 31 July after its financial year, as the government's Part 4 return
 * is: 31 March + 122 days (April 30, May 31, June 30, July 31) is 31 July in every year.
 */
export const DEFAULT_DAYS_AFTER_YEAR_END = 122;

export interface ReportingCalendar {
  frequency: ReportingFrequency;
  /** The period in words: "quarter", "financial year". */
  noun: string;
  /** How a partner may write a period, for messages. */
  acceptedForms: readonly string[];
  /** The canonical id of a period written in any accepted form, or null. */
  parseText(text: string): string | null;
  /** Whether `id` is a canonical period id of this calendar. */
  isPeriodId(id: string): boolean;
  /** The first instant after the period (UTC midnight). */
  endExclusive(id: string): Date;
  /** The latest period that has ended by `now` (the one due). */
  latestEnded(now: Date): string;
  /** The period `by` periods later (earlier when negative). */
  shift(id: string, by: number): string;
  label(id: string): string;
  /** As a partner writes it in a file: "2019-20 Q3", "2022-23". */
  asWritten(id: string): string;
  defaultDaysAfterEnd: number;
  /** The periods of this calendar that end within a run of consecutive quarters, oldest first. */
  endingWithin(quarters: readonly string[]): string[];
  /**
   * The one stored period covering exactly the months of a dashboard period, or null: a quarterly
   * return's quarter is its own; a yearly return's financial year is its own, and so is a rolling
   * year ending with that year's Q4.
   */
  storedPeriodFor(period: Period): string | null;
  /** Whether a period this calendar's rows do not cover exactly is the sum of its quarters' rows. */
  addsUpQuarters: boolean;
}

const QUARTERS_PER_YEAR = 4;

export const QUARTERLY: ReportingCalendar = {
  frequency: 'quarterly',
  noun: 'quarter',
  acceptedForms: ACCEPTED_QUARTER_FORMS,
  parseText: (text) => {
    const q = parseQuarterText(text);
    return q ? quarterId(q) : null;
  },
  isPeriodId: (id) => parseQuarterId(id) !== null,
  endExclusive: (id) => quarterEndExclusive(parseQuarterId(id)!),
  latestEnded: (now) => latestCompleteQuarter(now),
  shift: (id, by) => shiftQuarter(id, by),
  label: (id) => quarterLabel(parseQuarterId(id)!),
  asWritten: (id) => id.replace(/Q([1-4])$/, ' Q$1'),
  defaultDaysAfterEnd: DEFAULT_DAYS_AFTER_QUARTER_END,
  endingWithin: (quarters) => quarters.filter((q) => parseQuarterId(q) !== null),
  storedPeriodFor: (period) => (period.kind === 'quarter' ? period.id : null),
  addsUpQuarters: true,
};

/** A financial year as partners write it: 2022-23, 2022/23, 2022/2023, or with "FY" before it. */
const FINANCIAL_YEAR_TEXT = /^(?:FY\s*)?(\d{4})\s*[-/]\s*(\d{2}|\d{4})$/i;

/** The canonical id of a financial year written in an accepted form, or null. */
export function parseFinancialYearText(text: string): string | null {
  const m = FINANCIAL_YEAR_TEXT.exec(text.trim());
  if (!m) return null;
  const startYear = Number(m[1]);
  const next = String(startYear + 1);
  if (m[2] !== next && m[2] !== next.slice(2)) return null;
  const id = financialYearId(startYear);
  return parsePeriodId(id)?.kind === 'financial-year' ? id : null;
}

const startYearOf = (id: string) => Number(id.slice(0, 4));

export const YEARLY: ReportingCalendar = {
  frequency: 'yearly',
  noun: 'financial year',
  acceptedForms: ['2022-23', '2022/23', '2022/2023'],
  parseText: parseFinancialYearText,
  isPeriodId: (id) => parsePeriodId(id)?.kind === 'financial-year',
  endExclusive: (id) => quarterEndExclusive({ startYear: startYearOf(id), quarter: 4 }),
  latestEnded: (now) => {
    const q = parseQuarterId(latestCompleteQuarter(now))!;
    return financialYearId(q.quarter === QUARTERS_PER_YEAR ? q.startYear : q.startYear - 1);
  },
  shift: (id, by) => financialYearId(startYearOf(id) + by),
  label: (id) => parsePeriodId(id)!.label,
  asWritten: (id) => id,
  defaultDaysAfterEnd: DEFAULT_DAYS_AFTER_YEAR_END,
  endingWithin: (quarters) =>
    quarters.filter((q) => parseQuarterId(q)?.quarter === QUARTERS_PER_YEAR).map((q) => financialYearId(parseQuarterId(q)!.startYear)),
  storedPeriodFor: (period) => {
    if (period.kind === 'financial-year') return period.id;
    if (period.kind !== 'rolling-year') return null;
    const last = parseQuarterId(period.quarters[period.quarters.length - 1])!;
    return last.quarter === QUARTERS_PER_YEAR ? financialYearId(last.startYear) : null;
  },
  addsUpQuarters: false,
};

const CALENDARS: Record<ReportingFrequency, ReportingCalendar> = { quarterly: QUARTERLY, yearly: YEARLY };

export function calendarOf(frequency: ReportingFrequency | undefined): ReportingCalendar {
  return CALENDARS[frequency ?? 'quarterly'];
}

/** Whether a period has ended by `now`, so that its return can be made. */
export function hasEnded(calendar: ReportingCalendar, id: string, now: Date): boolean {
  return now.getTime() >= calendar.endExclusive(id).getTime();
}

/** The quarters a period of a calendar spans (a financial year's four). */
export function quartersOf(calendar: ReportingCalendar, id: string): string[] {
  if (calendar.frequency === 'quarterly') return [id];
  return quarterRange(quarterId({ startYear: startYearOf(id), quarter: 1 }), quarterId({ startYear: startYearOf(id), quarter: 4 }));
}

/** The periods offered in a template's drop-down: the latest ended first, covering three years. */
export function periodsOffered(calendar: ReportingCalendar, now: Date): string[] {
  const count = calendar.frequency === 'quarterly' ? 12 : 3;
  const latest = calendar.latestEnded(now);
  return Array.from({ length: count }, (_, i) => calendar.shift(latest, -i));
}

function fail(ctx: z.RefinementCtx, code: 'required' | 'invalid-period' | 'future-period', message: string): typeof z.NEVER {
  ctx.addIssue({ code: 'custom', message, params: { code } });
  return z.NEVER;
}

/** A financial year in any accepted form, which must have ended by today: a yearly return's period cell. */
export function financialYearCell(context: CellContext) {
  const forms = YEARLY.acceptedForms.map((f) => `"${f}"`).join(', ');
  const known = new Map<string, string>();
  return z.string().transform((raw, ctx): string => {
    const cached = known.get(raw);
    if (cached !== undefined) return cached;
    const s = raw.trim();
    if (s === '') return fail(ctx, 'required', `The period is empty. Every row needs the financial year it reports, written like ${forms}.`);
    const id = parseFinancialYearText(s);
    if (!id) {
      const quarter = parseQuarterText(s);
      const why = quarter
        ? `"${s}" is a quarter, but this return is made once a year for a whole financial year (April to March). Write the financial year, like "${financialYearId(quarter.startYear)}".`
        : `"${s}" is not a financial year we recognise. Write it like one of these: ${forms} (April to March).`;
      return fail(ctx, 'invalid-period', why);
    }
    if (!hasEnded(YEARLY, id, context.now)) {
      return fail(ctx, 'future-period', `${YEARLY.label(id)} has not ended yet, so it cannot be reported. Send the figures for a financial year once it is over.`);
    }
    known.set(raw, id);
    return id;
  });
}
