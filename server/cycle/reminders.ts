// Reminders to partner organisations (DOMAIN.md 5.8): once in the week before a deadline, and
// once a week while overdue, for the areas whose return is not yet held. One reminder covers one
// organisation, return type and quarter (and overdue week), listing the outstanding areas; a
// yearly return's period is its financial year.
//
// Each reminder is sent once, across restarts and several processes: its row has a unique key,
// and a process sends the email only if its insert of that row succeeded. A process that dies
// between the insert and the email leaves the reminder in the app with email status 'sending';
// it is not sent again (at most once, never twice).
import { findArea } from '../../schemas/areas';
import type { Reminder } from '../../schemas/cycle-api';
import { findReturnDefinition } from '../../schemas/returns';
import type { ReportingCalendar } from '../../schemas/returns/frequency';
import type { Db } from '../db/database';
import { DAY_IN_MS, lateFrom } from './calendar';
import { CYCLE_RETURN_TYPES, cycleCalendarOf, dueDayFinder } from './deadlines';
import { definedSenders, senderKey } from './expected';
import type { Mailer } from './mailer';
import { cycleDb } from './tables';

/** The first reminder goes this many days before the deadline. */
export const REMINDER_DAYS_BEFORE_DEADLINE = 7;
/** Overdue reminders repeat every this many days… */
export const OVERDUE_REMINDER_EVERY_DAYS = 7;
/** …for this many weeks after the deadline, then stop (the status grid still shows it overdue). */
export const OVERDUE_REMINDER_WEEKS = 12;
/** How often a running app looks for reminders to send. */
export const REMINDER_INTERVAL_MS = 15 * 60 * 1000;
/**
 * Periods looked at, back from the latest ended one, by frequency: enough for a deadline up to a
 * year after the period ends, with the overdue weeks after it (eight quarters; two years).
 */
const PERIODS_LOOKED_AT: Record<ReportingCalendar['frequency'], number> = { quarterly: 8, yearly: 2 };

/** The periods whose reminders can be due at `now`: the one under way, and those ended before it. */
function periodsLookedAt(calendar: ReportingCalendar, now: Date): string[] {
  const latest = calendar.latestEnded(now);
  return Array.from({ length: PERIODS_LOOKED_AT[calendar.frequency] + 1 }, (_, i) => calendar.shift(latest, 1 - i));
}

export interface PlannedReminder {
  key: string;
  organisationId: number;
  organisationName: string;
  kind: 'before-deadline' | 'overdue';
  returnType: string;
  quarter: string;
  dueOn: string;
  areas: string[];
  subject: string;
  body: string;
}

function longDate(day: string): string {
  return new Date(`${day}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

function wording(kind: PlannedReminder['kind'], type: string, quarter: string, due: string, areas: string[], organisation: string) {
  const title = findReturnDefinition(type)?.title ?? type;
  const period = cycleCalendarOf(type).label(quarter);
  const names = areas.map((a) => findArea(a)?.name ?? a);
  const subject = kind === 'before-deadline' ? `${title} for ${period} is due by ${longDate(due)}` : `${title} for ${period} is overdue: it was due by ${longDate(due)}`;
  const list = names.map((n) => `- ${n}`).join('\n');
  const lead =
    kind === 'before-deadline'
      ? `The ${title} for ${period} is due by the end of ${longDate(due)}. We have not yet received it for ${names.length === 1 ? 'this area' : `these ${names.length} areas`}:`
      : `The ${title} for ${period} was due by the end of ${longDate(due)}. We still have not received it for ${names.length === 1 ? 'this area' : `these ${names.length} areas`}:`;
  const body = `Dear colleague at ${organisation},\n\n${lead}\n\n${list}\n\nPlease sign in to the dashboard and send it from the Returns page. If you have already sent it, thank you: this message crossed with it.\n`;
  return { subject, body };
}

/** The reminders due at `now`, whether or not they have been sent already. */
export async function plannedReminders(db: Db, now: Date): Promise<PlannedReminder[]> {
  const k = cycleDb(db);
  const dueDay = await dueDayFinder(db);

  // (type, quarter, kind, week) whose reminder window contains now.
  const windows: Array<{ type: string; quarter: string; due: string; kind: PlannedReminder['kind']; week: number }> = [];
  for (const type of CYCLE_RETURN_TYPES) {
    for (const quarter of periodsLookedAt(cycleCalendarOf(type), now)) {
      const due = dueDay(type, quarter);
      const late = lateFrom(due).getTime();
      const elapsed = now.getTime() - late;
      if (elapsed < 0 && elapsed >= -REMINDER_DAYS_BEFORE_DEADLINE * DAY_IN_MS) windows.push({ type, quarter, due, kind: 'before-deadline', week: 0 });
      if (elapsed >= 0 && elapsed < OVERDUE_REMINDER_WEEKS * 7 * DAY_IN_MS) windows.push({ type, quarter, due, kind: 'overdue', week: Math.floor(elapsed / (OVERDUE_REMINDER_EVERY_DAYS * DAY_IN_MS)) + 1 });
    }
  }
  if (windows.length === 0) return [];

  const grants = await k
    .selectFrom('grants as g')
    .innerJoin('organisations as o', 'o.id', 'g.organisation_id')
    .select(['g.organisation_id', 'o.name', 'g.return_type', 'g.area_code'])
    .where('g.return_type', 'in', [...new Set(windows.map((w) => w.type))])
    .orderBy('g.organisation_id')
    .orderBy('g.area_code')
    .execute();
  const held = await k
    .selectFrom('current_rows')
    .select(['return_type', 'area_code', 'period'])
    .distinct()
    .where('period', 'in', [...new Set(windows.map((w) => w.quarter))])
    .execute();
  const isHeld = new Set(held.map((h) => `${h.return_type}|${h.area_code}|${h.period}`));
  const defined = await definedSenders(db, [...new Set(windows.map((w) => w.type))]);

  const planned: PlannedReminder[] = [];
  for (const w of windows) {
    const byOrganisation = new Map<number, { name: string; areas: string[] }>();
    const where = defined.get(w.type);
    for (const g of grants) {
      if (g.return_type !== w.type || isHeld.has(`${w.type}|${g.area_code}|${w.quarter}`)) continue;
      // A where-defined return (a partnership's own measures) is due only from an organisation a measure names.
      if (where && !where.senders.has(senderKey(g.organisation_id, g.area_code))) continue;
      const entry = byOrganisation.get(g.organisation_id) ?? { name: g.name, areas: [] };
      entry.areas.push(g.area_code);
      byOrganisation.set(g.organisation_id, entry);
    }
    for (const [organisationId, { name, areas }] of byOrganisation) {
      const key = `${w.kind}:${organisationId}:${w.type}:${w.quarter}:${w.due}${w.kind === 'overdue' ? `:week-${w.week}` : ''}`;
      planned.push({ key, organisationId, organisationName: name, kind: w.kind, returnType: w.type, quarter: w.quarter, dueOn: w.due, areas, ...wording(w.kind, w.type, w.quarter, w.due, areas, name) });
    }
  }
  return planned;
}

export interface ReminderRun {
  /** Reminders this call claimed (recorded for the app, and emailed if a mailer was given). */
  claimed: number;
  emailed: number;
  failed: number;
}

/**
 * Records every reminder due at `now` that no process has recorded yet, and emails each one this
 * call recorded to the organisation's partner users, when a mailer is given.
 */
export async function sendDueReminders(db: Db, now: Date, mailer: Mailer | null): Promise<ReminderRun> {
  const k = cycleDb(db);
  const run: ReminderRun = { claimed: 0, emailed: 0, failed: 0 };
  for (const reminder of await plannedReminders(db, now)) {
    const recipients = mailer
      ? (await k.selectFrom('users').select('email').where('organisation_id', '=', reminder.organisationId).where('role', '=', 'partner').where('disabled', '=', 0).orderBy('email').execute()).map((u) => u.email)
      : [];
    const claim = await k
      .insertInto('cycle_reminders')
      .values({
        reminder_key: reminder.key,
        organisation_id: reminder.organisationId,
        kind: reminder.kind,
        return_type: reminder.returnType,
        quarter: reminder.quarter,
        due_on: reminder.dueOn,
        areas_json: JSON.stringify(reminder.areas),
        subject: reminder.subject,
        body: reminder.body,
        created_at: now.toISOString(),
        email_status: recipients.length > 0 ? 'sending' : 'not-sent',
        emailed_to_json: JSON.stringify(recipients),
      })
      .onConflict((oc) => oc.column('reminder_key').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!claim) continue; // another process, or an earlier run, has it
    run.claimed++;
    if (!mailer || recipients.length === 0) continue;
    try {
      await mailer.send({ to: recipients, subject: reminder.subject, text: reminder.body });
      await k.updateTable('cycle_reminders').set({ email_status: 'sent', emailed_at: new Date().toISOString() }).where('id', '=', claim.id).execute();
      run.emailed++;
    } catch (error) {
      await k
        .updateTable('cycle_reminders')
        .set({ email_status: 'failed', email_error: error instanceof Error ? error.message.slice(0, 500) : 'unknown error' })
        .where('id', '=', claim.id)
        .execute();
      run.failed++;
    }
  }
  return run;
}

/** Reminders recorded, newest first: one organisation's, or everyone's (null). */
export async function listReminders(db: Db, organisationId: number | null, limit: number): Promise<Reminder[]> {
  let query = cycleDb(db)
    .selectFrom('cycle_reminders as r')
    .innerJoin('organisations as o', 'o.id', 'r.organisation_id')
    .selectAll('r')
    .select('o.name as organisation_name')
    .orderBy('r.id', 'desc')
    .limit(limit);
  if (organisationId !== null) query = query.where('r.organisation_id', '=', organisationId);
  return (await query.execute()).map((r) => ({
    id: r.id,
    kind: r.kind,
    organisation: { id: r.organisation_id, name: r.organisation_name },
    returnType: r.return_type,
    quarter: r.quarter,
    dueOn: r.due_on,
    areas: JSON.parse(r.areas_json) as string[],
    subject: r.subject,
    body: r.body,
    createdAt: r.created_at,
    email: { status: r.email_status, to: JSON.parse(r.emailed_to_json) as string[], at: r.emailed_at },
  }));
}
