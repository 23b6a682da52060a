// The delivery plan's actions a board chases: those overdue (due before today and not complete)
// and those due in the next quarter (from today to the same day three months on).
import type { z } from 'zod';
import type { PaperActionSchema, PaperActionsSchema } from '../../schemas/board-paper-api';
import type { StoredAction, StoredAim } from '../strategy/store';
import { ACTION_STATUS_WORDS, dateText } from './words';

type PaperAction = z.infer<typeof PaperActionSchema>;

/** "The next quarter" a board paper looks ahead: three months. */
export const MONTHS_AHEAD = 3;

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The same day `months` on (the last day of the month when it has no such day: 30 November → 28 or 29 February). */
export function monthsOn(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number);
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return isoDay(target);
}

export function paperActions(actions: readonly StoredAction[], aims: readonly StoredAim[], now: Date): z.infer<typeof PaperActionsSchema> {
  const today = isoDay(now);
  const dueBy = monthsOn(today, MONTHS_AHEAD);
  const aimTitle = new Map(aims.map((a) => [a.id, a.title]));
  const view = (a: StoredAction & { due: string }): PaperAction => {
    const lead = [a.leadAgency, a.leadPerson].filter((s): s is string => !!s).join(' — ');
    return {
      id: a.id,
      title: a.title,
      aim: a.aim,
      aimTitle: a.aim === null ? null : (aimTitle.get(a.aim) ?? null),
      lead: lead === '' ? null : lead,
      due: a.due,
      dueText: dateText(a.due),
      status: a.status,
      statusText: ACTION_STATUS_WORDS[a.status],
    };
  };
  const open = actions.filter((a): a is StoredAction & { due: string } => a.due !== null && a.status !== 'complete').sort((a, b) => a.due.localeCompare(b.due) || a.id - b.id);
  return {
    today,
    dueBy,
    overdue: open.filter((a) => a.due < today).map(view),
    dueSoon: open.filter((a) => a.due >= today && a.due <= dueBy).map(view),
  };
}
