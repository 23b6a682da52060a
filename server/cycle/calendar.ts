// The reporting calendar and a return's status (DOMAIN.md 5.8), as pure functions of dates: the
// database and the routes build on these, and the tests read as tables of dates.
//
// Dates are whole days in UTC. A deadline is a day: a return received at any time on that day
// is on time; from the start of the next day it is late. With the default of 30 days, 2026-27 Q1
// (April to June 2026, last day 30 June) is due on 30 July 2026 and late from 31 July. A yearly
// return's period is a financial year, and its default of 122 days makes 2025-26 (last day
// 31 March 2026) due on 31 July 2026 (schemas/returns/frequency.ts).
import type { CycleStatusName } from '../../schemas/cycle-api';
import { parsePeriodId, parseQuarterId, quarterEndExclusive } from '../../schemas/periods';

export { DEFAULT_DAYS_AFTER_QUARTER_END, DEFAULT_DAYS_AFTER_YEAR_END } from '../../schemas/returns/frequency';
export const MAX_DAYS_AFTER_QUARTER_END = 365;
const DAY_MS = 86_400_000;

export type CycleStatus = CycleStatusName;

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function dayStart(day: string): Date {
  return new Date(`${day}T00:00:00.000Z`);
}

/** The first instant after a return's period: a quarter, or a yearly return's financial year. */
export function periodEndExclusive(id: string): Date {
  const period = parsePeriodId(id);
  const last = period && (period.kind === 'quarter' || period.kind === 'financial-year') ? parseQuarterId(period.quarters[period.quarters.length - 1]) : null;
  if (!last) throw new Error(`not a quarter or financial year id: ${id}`);
  return quarterEndExclusive(last);
}

/** The period's last day, e.g. 2026-06-30 for 2026-27Q1, 2026-03-31 for 2025-26. */
export function periodLastDay(period: string): string {
  return isoDay(new Date(periodEndExclusive(period).getTime() - DAY_MS));
}

/** The quarter's last day (a quarter is one kind of period). */
export const quarterLastDay = periodLastDay;

/** The due day: the override if there is one, else the period's last day plus the type's days. */
export function dueOn(period: string, daysAfterPeriodEnd: number, override?: string | null): string {
  if (override) return override;
  return isoDay(new Date(dayStart(periodLastDay(period)).getTime() + daysAfterPeriodEnd * DAY_MS));
}

/** The first instant at which a return due on `due` is late: the start of the following day. */
export function lateFrom(due: string): Date {
  return new Date(dayStart(due).getTime() + DAY_MS);
}

export interface StatusFacts {
  /** The return's period: a quarter, or a yearly return's financial year. */
  quarter: string;
  dueOn: string;
  /** When the first submission holding figures for the key arrived; null when none is held. */
  firstReceivedAt: string | null;
  /** The newest submission for the key, to tell whether a sign-off still covers it. */
  lastReceivedAt: string | null;
  /** The newest sign-off for the key. */
  signedOffAt: string | null;
  approved: boolean;
}

/**
 * The status of one return type for one area and period, at `now`. Approval wins; a sign-off
 * counts only if no submission for the key arrived after it; a received return is late when its
 * first submission came after the due day.
 */
export function cycleStatus(facts: StatusFacts, now: Date): CycleStatus {
  if (facts.approved) return 'approved';
  const late = lateFrom(facts.dueOn);
  if (facts.firstReceivedAt) {
    if (facts.signedOffAt && (!facts.lastReceivedAt || facts.signedOffAt >= facts.lastReceivedAt)) return 'signed-off';
    return new Date(facts.firstReceivedAt) >= late ? 'late' : 'received';
  }
  if (now < periodEndExclusive(facts.quarter)) return 'not-due';
  return now >= late ? 'overdue' : 'due';
}

/** Whether the first submission arrived after the due day (shown even once signed off or approved). */
export function receivedLate(facts: Pick<StatusFacts, 'dueOn' | 'firstReceivedAt'>): boolean {
  return facts.firstReceivedAt !== null && new Date(facts.firstReceivedAt) >= lateFrom(facts.dueOn);
}

export const DAY_IN_MS = DAY_MS;
