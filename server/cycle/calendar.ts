// The reporting calendar and a return's status (DOMAIN.md 5.8), as pure functions of dates: the
// database and the routes build on these, and the tests read as tables of dates.
//
// Dates are whole days in UTC. A deadline is a day: a return received at any time on that day
// is on time; from the start of the next day it is late. With the default of 30 days, 2026-27 Q1
// (April to June 2026, last day 30 June) is due on 30 July 2026 and late from 31 July.
import type { CycleStatusName } from '../../schemas/cycle-api';
import { parseQuarterId, quarterEndExclusive, type Quarter } from '../../schemas/periods';

export const DEFAULT_DAYS_AFTER_QUARTER_END = 30;
export const MAX_DAYS_AFTER_QUARTER_END = 365;
const DAY_MS = 86_400_000;

export type CycleStatus = CycleStatusName;

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function dayStart(day: string): Date {
  return new Date(`${day}T00:00:00.000Z`);
}

function quarterOf(id: string): Quarter {
  const q = parseQuarterId(id);
  if (!q) throw new Error(`not a quarter id: ${id}`);
  return q;
}

/** The quarter's last day, e.g. 2026-06-30 for 2026-27Q1. */
export function quarterLastDay(quarter: string): string {
  return isoDay(new Date(quarterEndExclusive(quarterOf(quarter)).getTime() - DAY_MS));
}

/** The due day: the override if there is one, else the quarter's last day plus the type's days. */
export function dueOn(quarter: string, daysAfterQuarterEnd: number, override?: string | null): string {
  if (override) return override;
  return isoDay(new Date(dayStart(quarterLastDay(quarter)).getTime() + daysAfterQuarterEnd * DAY_MS));
}

/** The first instant at which a return due on `due` is late: the start of the following day. */
export function lateFrom(due: string): Date {
  return new Date(dayStart(due).getTime() + DAY_MS);
}

export interface StatusFacts {
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
 * The status of one return type for one area and quarter, at `now`. Approval wins; a sign-off
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
  if (now < quarterEndExclusive(quarterOf(facts.quarter))) return 'not-due';
  return now >= late ? 'overdue' : 'due';
}

/** Whether the first submission arrived after the due day (shown even once signed off or approved). */
export function receivedLate(facts: Pick<StatusFacts, 'dueOn' | 'firstReceivedAt'>): boolean {
  return facts.firstReceivedAt !== null && new Date(facts.firstReceivedAt) >= lateFrom(facts.dueOn);
}

export const DAY_IN_MS = DAY_MS;
