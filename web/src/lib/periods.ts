// Period choices for the pickers, built on the shared period rules in schemas/periods.ts.
// Choices end with the latest complete quarter; switching to a year picks the latest year whose
// quarters have all ended. (With no period chosen, the server picks the area's latest complete
// twelve months: see lib/selection.ts.)
import './zod-config';
import { financialYearId, latestCompleteQuarter, parsePeriodId, parseQuarterId, quarterFromOrdinal, quarterId, quarterOrdinal, type PeriodKind } from '../../../schemas/periods';

export type { PeriodKind };

export const PERIOD_KINDS: Array<{ kind: PeriodKind; label: string }> = [
  { kind: 'quarter', label: 'Quarter' },
  { kind: 'financial-year', label: 'Financial year (April to March)' },
  { kind: 'calendar-year', label: 'Calendar year' },
  { kind: 'rolling-year', label: 'Rolling 12 months' },
];

/** How far back the pickers go: ten years. */
export const QUARTERS_OFFERED = 40;
export const YEARS_OFFERED = 10;

export function latestQuarter(now: Date = new Date()): string {
  return latestCompleteQuarter(now);
}

export function periodKindOf(id: string): PeriodKind | null {
  return parsePeriodId(id)?.kind ?? null;
}

/** Newest first. With latest = 2020-21Q4: quarters 2020-21Q4, Q3…; years 2020-21, 2019-20…; calendar 2020, 2019…; rolling R12-2020-21Q4… */
export function periodChoices(kind: PeriodKind, latest: string): Array<{ id: string; label: string }> {
  const last = parseQuarterId(latest);
  if (!last) return [];
  const ordinal = quarterOrdinal(last);
  const ids: string[] = [];
  switch (kind) {
    case 'quarter':
      for (let i = 0; i < QUARTERS_OFFERED; i++) ids.push(quarterId(quarterFromOrdinal(ordinal - i)));
      break;
    case 'rolling-year':
      for (let i = 0; i < QUARTERS_OFFERED; i++) ids.push(`R12-${quarterId(quarterFromOrdinal(ordinal - i))}`);
      break;
    case 'financial-year': {
      // Only years that have ended: the latest is this quarter's year if it is Q4.
      const newest = last.quarter === 4 ? last.startYear : last.startYear - 1;
      for (let i = 0; i < YEARS_OFFERED; i++) ids.push(financialYearId(newest - i));
      break;
    }
    case 'calendar-year': {
      // Calendar year Y ends with Q3 of the financial year starting in Y.
      const newest = last.quarter >= 3 ? last.startYear : last.startYear - 1;
      for (let i = 0; i < YEARS_OFFERED; i++) ids.push(String(newest - i));
      break;
    }
  }
  return ids.map((id) => ({ id, label: parsePeriodId(id)?.label ?? id }));
}

export function defaultPeriod(kind: PeriodKind, latest: string): string {
  return periodChoices(kind, latest)[0]?.id ?? latest;
}

/** The last quarter of any period: a year's Q4, a rolling year's final quarter. */
export function lastQuarterOf(id: string): string | null {
  const period = parsePeriodId(id);
  return period ? period.quarters[period.quarters.length - 1] : null;
}

/** The quarters ending with `to`, `count` of them, oldest first. */
export function quartersEndingWith(to: string, count: number): string[] {
  const q = parseQuarterId(to);
  if (!q) return [];
  const end = quarterOrdinal(q);
  return Array.from({ length: count }, (_, i) => quarterId(quarterFromOrdinal(end - count + 1 + i)));
}

export function quartersOf(id: string): string[] {
  return parsePeriodId(id)?.quarters ?? [];
}
export { financialYearId, parseQuarterId, quarterOrdinal } from '../../../schemas/periods';
