// The reporting calendar in the database: each return type's days after its period ends, and the
// deadlines an administrator set for single periods. Types never set use their frequency's
// default: 30 days after a quarter, 31 July after a financial year (schemas/returns/frequency.ts).
// The columns say "quarter" because returns were quarterly first; a yearly return's period is a
// financial year.
import { findReturnDefinition, RETURN_DEFINITIONS } from '../../schemas/returns';
import type { Deadline } from '../../schemas/cycle-api';
import { calendarOfReturn } from '../../schemas/returns/definition';
import type { ReportingCalendar } from '../../schemas/returns/frequency';
import { theReturn } from '../../schemas/returns/words';
import type { Db } from '../db/database';
import { dueOn, periodLastDay } from './calendar';
import { cycleDb } from './tables';

/** The reporting calendar of a return type partners send (quarterly for a type not registered). */
export function cycleCalendarOf(type: string): ReportingCalendar {
  return calendarOfReturn(findReturnDefinition(type) ?? {});
}

/** The return types partners send: reference data (population, benchmarks) has no deadline. */
export const CYCLE_RETURN_TYPES = RETURN_DEFINITIONS.filter((d) => !d.reference).map((d) => d.type as string);

export function isCycleReturnType(type: string): boolean {
  return CYCLE_RETURN_TYPES.includes(type);
}

export async function listDeadlines(db: Db): Promise<Deadline[]> {
  const k = cycleDb(db);
  const rules = new Map((await k.selectFrom('cycle_deadlines').selectAll().execute()).map((r) => [r.return_type, r]));
  const overrides = await k.selectFrom('cycle_deadline_overrides').selectAll().orderBy('quarter').execute();
  return RETURN_DEFINITIONS.filter((d) => !d.reference).map((d) => ({
    returnType: d.type,
    title: d.title,
    frequency: calendarOfReturn(d).frequency,
    daysAfterQuarterEnd: rules.get(d.type)?.days_after_quarter_end ?? calendarOfReturn(d).defaultDaysAfterEnd,
    isDefault: !rules.has(d.type),
    overrides: overrides.filter((o) => o.return_type === d.type).map((o) => ({ quarter: o.quarter, dueOn: o.due_on })),
  }));
}

/** A function giving the due day of (type, period), read once from the database. */
export async function dueDayFinder(db: Db): Promise<(type: string, period: string) => string> {
  const deadlines = await listDeadlines(db);
  const byType = new Map(deadlines.map((d) => [d.returnType, d]));
  return (type, period) => {
    const d = byType.get(type);
    const override = d?.overrides.find((o) => o.quarter === period)?.dueOn;
    return dueOn(period, d?.daysAfterQuarterEnd ?? cycleCalendarOf(type).defaultDaysAfterEnd, override);
  };
}

export async function setDaysAfterQuarterEnd(db: Db, type: string, days: number, by: string, now: Date) {
  await cycleDb(db)
    .insertInto('cycle_deadlines')
    .values({ return_type: type, days_after_quarter_end: days, updated_at: now.toISOString(), updated_by: by })
    .onConflict((oc) => oc.column('return_type').doUpdateSet({ days_after_quarter_end: days, updated_at: now.toISOString(), updated_by: by }))
    .execute();
}

/**
 * Sets (or with null removes) one period's own deadline: a quarter, or a yearly return's financial
 * year. Returns a problem sentence, or null.
 */
export async function setQuarterDeadline(db: Db, type: string, quarter: string, day: string | null, by: string, now: Date): Promise<string | null> {
  const k = cycleDb(db);
  const calendar = cycleCalendarOf(type);
  if (!calendar.isPeriodId(quarter)) return `${quarter} is not a ${calendar.noun}: ${theReturn(type)} is made for each ${calendar.noun}, written like ${calendar.frequency === 'yearly' ? '2025-26' : '2026-27Q1'}.`;
  if (day === null) {
    await k.deleteFrom('cycle_deadline_overrides').where('return_type', '=', type).where('quarter', '=', quarter).execute();
    return null;
  }
  if (Number.isNaN(new Date(`${day}T00:00:00Z`).getTime()) || new Date(`${day}T00:00:00Z`).toISOString().slice(0, 10) !== day) return `${day} is not a date.`;
  if (day < periodLastDay(quarter)) return `The deadline cannot be before the ${calendar.noun} ends (${periodLastDay(quarter)}).`;
  await k
    .insertInto('cycle_deadline_overrides')
    .values({ return_type: type, quarter, due_on: day, updated_at: now.toISOString(), updated_by: by })
    .onConflict((oc) => oc.columns(['return_type', 'quarter']).doUpdateSet({ due_on: day, updated_at: now.toISOString(), updated_by: by }))
    .execute();
  return null;
}
