// The delivery plan in words, as a board reads it on a projector or on paper: each status as a
// word, a shape and a colour (never the colour alone), the plan's summary as a sentence, overdue
// spelt out with its date, and the plan grouped by aim in the strategy's order with the filters
// applied. Pure functions, so the page and its tests share them.
import type { DeliveryPlan, PlanAction } from '../../../../schemas/actions-api';
import { formatDate, listInWords, plural } from '../../lib/format';

export type ActionStatus = PlanAction['status'];

/** In the order a board reads them: done, going well, worrying, failing, unknown. */
export const STATUS_ORDER: readonly ActionStatus[] = ['complete', 'on-track', 'at-risk', 'off-track', 'not-assessable'];

export interface StatusWords {
  text: string;
  /** A shape that tells the statuses apart in black and white (hidden from screen readers: the text says it). */
  symbol: string;
}

export const STATUS_WORDS: Record<ActionStatus, StatusWords> = {
  complete: { text: 'Complete', symbol: '✓' },
  'on-track': { text: 'On track', symbol: '●' },
  'at-risk': { text: 'At risk', symbol: '▲' },
  'off-track': { text: 'Off track', symbol: '✕' },
  'not-assessable': { text: 'Not yet assessed', symbol: '?' },
};

export function statusText(status: ActionStatus): string {
  return STATUS_WORDS[status].text;
}

/** A day the API writes as YYYY-MM-DD, as people write it: "31 March 2026". */
export function dayInWords(day: string): string {
  // Noon UTC is the same calendar day in London whatever the season.
  return formatDate(`${day}T12:00:00Z`);
}

/** "Overdue: due 31 March 2026", or null for an action that is not overdue. */
export function overdueWords(action: Pick<PlanAction, 'overdue' | 'due'>): string | null {
  if (!action.overdue) return null;
  return action.due ? `Overdue: due ${dayInWords(action.due)}` : 'Overdue';
}

/** "31 March 2026", or why there is none. */
export function dueWords(due: string | null): string {
  return due ? dayInWords(due) : 'No due date';
}

/**
 * The whole plan in a sentence, whatever the filters: "19 actions: 11 complete, 5 on track, 2 at
 * risk and 1 off track. 2 are overdue."
 */
export function summarySentence(summary: DeliveryPlan['summary']): string {
  if (summary.total === 0) return 'The plan has no actions yet.';
  const parts = STATUS_ORDER.filter((s) => (summary.byStatus[s] ?? 0) > 0).map((s) => `${summary.byStatus[s]} ${statusText(s).toLowerCase()}`);
  const overdue = summary.overdue === 0 ? 'None is overdue.' : summary.overdue === 1 ? '1 is overdue.' : `${summary.overdue} are overdue.`;
  return `${plural(summary.total, 'action')}: ${listInWords(parts)}. ${overdue}`;
}

export interface PlanFilters {
  /** One status, or 'open' for every status but complete. */
  status?: ActionStatus | 'open';
  overdueOnly?: boolean;
  /** An aim id. */
  aim?: number;
}

export function isFiltered(filters: PlanFilters): boolean {
  return filters.status !== undefined || filters.overdueOnly === true || filters.aim !== undefined;
}

/** Reads the filters from the page's address, ignoring anything it does not recognise. */
export function filtersFromSearch(search: URLSearchParams): PlanFilters {
  const status = search.get('status');
  const aim = Number(search.get('aim'));
  return {
    status: status === 'open' || STATUS_ORDER.includes(status as ActionStatus) ? (status as ActionStatus | 'open') : undefined,
    overdueOnly: search.get('overdue') === 'true' || undefined,
    aim: Number.isInteger(aim) && aim > 0 ? aim : undefined,
  };
}

export function matches(action: PlanAction, filters: PlanFilters): boolean {
  if (filters.status === 'open' && action.status === 'complete') return false;
  if (filters.status !== undefined && filters.status !== 'open' && action.status !== filters.status) return false;
  if (filters.overdueOnly && !action.overdue) return false;
  if (filters.aim !== undefined && action.aim?.id !== filters.aim) return false;
  return true;
}

export interface AimGroup {
  /** null: actions not linked to an aim, shown last. */
  aim: PlanAction['aim'];
  actions: PlanAction[];
}

/**
 * The actions that match the filters, grouped by aim in the strategy's order (then those with
 * no aim). Unfiltered, each aim keeps the plan's order; filtered, a board is looking for what
 * needs attention, so within each aim the overdue actions come first, longest overdue first.
 */
export function groupByAim(actions: readonly PlanAction[], filters: PlanFilters = {}): AimGroup[] {
  const groups = new Map<number | null, AimGroup>();
  for (const action of actions) {
    if (!matches(action, filters)) continue;
    const key = action.aim?.id ?? null;
    if (!groups.has(key)) groups.set(key, { aim: action.aim, actions: [] });
    groups.get(key)!.actions.push(action);
  }
  const ordered = [...groups.values()].sort((a, b) => (a.aim?.number ?? Number.MAX_SAFE_INTEGER) - (b.aim?.number ?? Number.MAX_SAFE_INTEGER));
  if (!isFiltered(filters)) return ordered;
  const overdueFirst = (a: PlanAction, b: PlanAction) => Number(b.overdue) - Number(a.overdue) || (a.overdue && b.overdue ? (a.due ?? '').localeCompare(b.due ?? '') : 0);
  return ordered.map((g) => ({ ...g, actions: [...g.actions].sort(overdueFirst) }));
}

export function aimHeading(aim: PlanAction['aim']): string {
  return aim ? `Aim ${aim.number}: ${aim.title}` : 'Not linked to an aim';
}

/** What the filters show, for the line above the plan (and the printed copy, which has no form). */
export function filterSentence(shown: number, total: number, filters: PlanFilters, aimTitle: (id: number) => string | undefined): string {
  if (!isFiltered(filters)) return `Showing all ${plural(total, 'action')}.`;
  const what = [
    filters.status === 'open' ? 'not complete' : filters.status ? `status ${statusText(filters.status).toLowerCase()}` : null,
    filters.overdueOnly ? 'overdue only' : null,
    filters.aim !== undefined ? (aimTitle(filters.aim) ?? 'the chosen aim') : null,
  ].filter((p): p is string => p !== null);
  return `Showing ${shown} of ${plural(total, 'action')}: ${what.join(', ')}.`;
}

/** "Oxfordshire County Council, Strategic Lead for Domestic Abuse" or the agency alone. */
export function leadWords(action: Pick<PlanAction, 'leadAgency' | 'leadPerson'>): string {
  return [action.leadAgency, action.leadPerson].filter(Boolean).join(', ') || 'No lead named';
}

/** The heading of a progress update: "21 April 2020, by Demo analyst". */
export function updateByline(update: PlanAction['updates'][number]): string {
  return `${dayInWords(update.on)}, by ${update.author.name}`;
}
