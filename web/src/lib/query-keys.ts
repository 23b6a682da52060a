// TanStack Query keys, one factory per resource: `all` → `list(filters)` → `detail(id)`. Keys
// are never written by hand in components, so one upload can invalidate every query whose
// figures it may have changed (see `keysChangedByUpload`).
export type QueryParams = Record<string, string | number | boolean | null | undefined>;

/** Drops undefined values so that `{ a: 1 }` and `{ a: 1, b: undefined }` are the same key. */
function clean<T extends QueryParams>(params: T): T {
  return Object.fromEntries(Object.entries(params).filter(([, v]) => v !== undefined)) as T;
}

export const authKeys = {
  all: ['auth'] as const,
  me: () => [...authKeys.all, 'me'] as const,
  signInInfo: () => [...authKeys.all, 'sign-in-info'] as const,
};

export const areaKeys = {
  all: ['areas'] as const,
  list: () => [...areaKeys.all, 'list'] as const,
  summaries: () => [...areaKeys.all, 'summary'] as const,
  summary: (code: string, params: { period?: string; benchmark?: string; level?: string }) => [...areaKeys.summaries(), code, clean(params)] as const,
};

export const indicatorKeys = {
  all: ['indicators'] as const,
  catalogue: () => [...indicatorKeys.all, 'catalogue'] as const,
  /** Everything computed from returns: values, series, comparisons. */
  figures: () => [...indicatorKeys.all, 'figures'] as const,
  values: (id: string, params: { area: string; period: string; benchmark?: string; level?: string }) =>
    [...indicatorKeys.figures(), 'values', id, clean(params)] as const,
  series: (id: string, params: { area: string; kind?: string; from?: string; to?: string; benchmark?: string; level?: string }) =>
    [...indicatorKeys.figures(), 'series', id, clean(params)] as const,
  compare: (id: string, params: { parent: string; period: string; level?: string }) => [...indicatorKeys.figures(), 'compare', id, clean(params)] as const,
  revisions: (id: string, params: { area: string; period: string }) => [...indicatorKeys.figures(), 'revisions', id, clean(params)] as const,
};

export const submissionKeys = {
  all: ['submissions'] as const,
  lists: () => [...submissionKeys.all, 'list'] as const,
  list: (filters: { type?: string; area?: string; period?: string; limit?: number; offset?: number }) => [...submissionKeys.lists(), clean(filters)] as const,
  details: () => [...submissionKeys.all, 'detail'] as const,
  detail: (id: number) => [...submissionKeys.details(), id] as const,
};

export const revisionKeys = {
  all: ['revisions'] as const,
  list: (type: string, key: { area: string; period: string; subkey?: string }) => [...revisionKeys.all, type, clean(key)] as const,
};

export const adminKeys = {
  all: ['admin'] as const,
  users: () => [...adminKeys.all, 'users'] as const,
  organisations: () => [...adminKeys.all, 'organisations'] as const,
  tokens: () => [...adminKeys.all, 'tokens'] as const,
  signInSettings: () => [...adminKeys.all, 'sign-in-settings'] as const,
  audits: () => [...adminKeys.all, 'audit'] as const,
  audit: (filters: { action?: string; actor?: string; outcome?: string; limit?: number; offset?: number }) => [...adminKeys.audits(), clean(filters)] as const,
};

/** The quarter's cycle (DOMAIN.md 5.8): statuses, deadlines and reminders. */
export const cycleKeys = {
  all: ['cycle'] as const,
  statuses: () => [...cycleKeys.all, 'status'] as const,
  status: (filters: { type?: string; area?: string; from?: string; to?: string }) => [...cycleKeys.statuses(), clean(filters)] as const,
  deadlines: () => [...cycleKeys.all, 'deadlines'] as const,
  reminders: () => [...cycleKeys.all, 'reminders'] as const,
};

/** Partnerships and their strategies read against the data (issue 11). */
export const partnershipKeys = {
  all: ['partnerships'] as const,
  list: () => [...partnershipKeys.all, 'list'] as const,
  /** Everything computed from returns: a strategy's figures and statuses. */
  strategies: () => [...partnershipKeys.all, 'strategy'] as const,
  strategy: (id: number, params: { period?: string }) => [...partnershipKeys.strategies(), id, clean(params)] as const,
};

/**
 * A partnership's commentary and the partners' notes behind its figures (issue 11, item 4): one
 * list per partnership, period and (optionally) subject, so a page reads all its comments at once.
 */
export const commentaryKeys = {
  all: ['commentary'] as const,
  partnership: (id: number) => [...commentaryKeys.all, id] as const,
  lists: (id: number) => [...commentaryKeys.partnership(id), 'list'] as const,
  list: (id: number, params: { period?: string; subject?: string }) => [...commentaryKeys.lists(id), clean(params)] as const,
  notes: (id: number, params: { indicator: string; area: string; period: string }) => [...commentaryKeys.partnership(id), 'partner-notes', clean(params)] as const,
};

/**
 * What a stored return can change: the figures, the submissions list, the revisions, the returns'
 * statuses, and the commentary (whether its figure was revised since; partners' notes).
 */
export function keysChangedByUpload() {
  return [indicatorKeys.figures(), areaKeys.summaries(), submissionKeys.all, revisionKeys.all, adminKeys.audits(), cycleKeys.statuses(), partnershipKeys.strategies(), commentaryKeys.all];
}
