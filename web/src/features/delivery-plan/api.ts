// The delivery plan through the one API client: the plan, the aims and measures an action can be
// linked to, and the edits (add, change, remove, report progress, import). Every edit carries
// the CSRF token (the client adds it) and, once it succeeds, waits for the plan to be read
// afresh, so the page shows what was saved before focus moves to it.
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ActionChangeSchema, ActionImportResult, ActionInputSchema, ActionUpdateInputSchema, DeliveryPlan, PlanAction } from '../../../../schemas/actions-api';
import type { StrategyView } from '../../../../schemas/strategy-api';
import { api, isApiError, queryString, request } from '../../lib/api-client';
import { deliveryPlanKeys, keysChangedByActionEdit } from '../../lib/delivery-plan-keys';

export type NewAction = z.input<typeof ActionInputSchema>;
export type ActionChange = z.input<typeof ActionChangeSchema>;
export type NewProgress = z.input<typeof ActionUpdateInputSchema>;
/** A problem with an imported file, by row and column. */
export type Problem = ActionImportResult['warnings'][number];
export type { DeliveryPlan, PlanAction };

const base = (partnership: number) => `/api/partnerships/${partnership}`;

export function planQueryOptions(partnership: number, strategy?: number) {
  return queryOptions({
    queryKey: deliveryPlanKeys.plan(partnership, { strategy }),
    queryFn: () => api<DeliveryPlan>(`${base(partnership)}/actions${queryString({ strategy })}`),
  });
}

export function usePlan(partnership: number, strategy?: number, enabled = true) {
  return useQuery({ ...planQueryOptions(partnership, strategy), enabled });
}

/** An aim an action can serve, with its measures numbered as plans number them (2.1). */
export interface AimChoice {
  id: number;
  number: number;
  title: string;
  measures: Array<{ id: number; label: string }>;
}

/** The aims and measures of a strategy version, in its order, from its strategy view. */
export function aimChoices(view: Pick<StrategyView, 'aims'>): AimChoice[] {
  return view.aims.map((aim, i) => ({
    id: aim.id,
    number: i + 1,
    title: aim.title,
    measures: aim.measures.map((m, j) => ({ id: m.id, label: `${i + 1}.${j + 1} ${m.indicatorTitle} (${m.areaName})` })),
  }));
}

/** The aims and measures the plan's own actions name: enough to edit with, until (or if never) the strategy view arrives. */
export function aimChoicesFromPlan(actions: readonly PlanAction[]): AimChoice[] {
  const aims = new Map<number, AimChoice>();
  for (const a of actions) {
    if (!a.aim) continue;
    const aim = aims.get(a.aim.id) ?? { id: a.aim.id, number: a.aim.number, title: a.aim.title, measures: [] };
    if (a.measure && !aim.measures.some((m) => m.id === a.measure!.id)) aim.measures.push({ id: a.measure.id, label: a.measure.indicatorTitle });
    aims.set(a.aim.id, aim);
  }
  return [...aims.values()].sort((a, b) => a.number - b.number);
}

/** The links for the edit forms: only editors ask, as only they see the forms. */
export function useAimChoices(partnership: number, strategy: number | undefined, enabled: boolean) {
  return useQuery({
    queryKey: deliveryPlanKeys.links(partnership, strategy ?? 0),
    queryFn: () => api<StrategyView>(`${base(partnership)}/strategy${queryString({ strategy })}`),
    select: aimChoices,
    enabled: enabled && strategy !== undefined,
    // Aims and measures change only when the strategy is rewritten.
    staleTime: 10 * 60_000,
  });
}

function useRefreshPlan(partnership: number) {
  const client = useQueryClient();
  return () => Promise.all(keysChangedByActionEdit(partnership).map((queryKey) => client.invalidateQueries({ queryKey })));
}

/** An edit refused because the action has gone (someone else removed it) shows the plan as it now is. */
function refreshIfGone(refresh: () => Promise<unknown>) {
  return (error: unknown) => {
    if (isApiError(error, 404)) void refresh();
  };
}

export function useAddAction(partnership: number, strategy: number) {
  const refresh = useRefreshPlan(partnership);
  return useMutation({
    mutationFn: (action: NewAction) => api<PlanAction>(`${base(partnership)}/strategies/${strategy}/actions`, { method: 'POST', json: action }),
    onSuccess: refresh,
  });
}

export function useChangeAction(partnership: number) {
  const refresh = useRefreshPlan(partnership);
  return useMutation({
    mutationFn: ({ id, change }: { id: number; change: ActionChange }) => api<PlanAction>(`${base(partnership)}/actions/${id}`, { method: 'PATCH', json: change }),
    onSuccess: refresh,
    onError: refreshIfGone(refresh),
  });
}

export function useDeleteAction(partnership: number) {
  const refresh = useRefreshPlan(partnership);
  return useMutation({
    mutationFn: (id: number) => api<{ id: number; deleted: true }>(`${base(partnership)}/actions/${id}`, { method: 'DELETE' }),
    onSuccess: refresh,
    onError: refreshIfGone(refresh),
  });
}

export function useAddProgress(partnership: number) {
  const refresh = useRefreshPlan(partnership);
  return useMutation({
    mutationFn: ({ id, progress }: { id: number; progress: NewProgress }) => api<PlanAction>(`${base(partnership)}/actions/${id}/updates`, { method: 'POST', json: progress }),
    onSuccess: refresh,
    onError: refreshIfGone(refresh),
  });
}

export function templateHref(partnership: number): string {
  return `${base(partnership)}/actions/template.csv`;
}

export type ImportOutcome =
  | { kind: 'checked'; result: ActionImportResult }
  | { kind: 'imported'; result: ActionImportResult }
  | { kind: 'rejected'; errors: Problem[]; warnings: Problem[] }
  | { kind: 'failed'; message: string };

/** Turns the import's answer into what the page shows; exported for tests. */
export function importOutcome(status: number, body: unknown): ImportOutcome {
  const b = (body ?? {}) as Partial<ActionImportResult> & { errors?: Problem[]; message?: string };
  if ((status === 200 || status === 201) && Array.isArray(b.actions)) {
    const result = b as ActionImportResult;
    return result.dryRun ? { kind: 'checked', result } : { kind: 'imported', result };
  }
  if (Array.isArray(b.errors)) return { kind: 'rejected', errors: b.errors, warnings: b.warnings ?? [] };
  if (typeof b.message === 'string' && b.message) return { kind: 'failed', message: b.message };
  if (status === 413) return { kind: 'failed', message: 'The file is too large. A delivery plan is far smaller: check that it is the right file.' };
  if (status === 0) return { kind: 'failed', message: 'The dashboard server could not be reached. Check your connection, then try again.' };
  return { kind: 'failed', message: `Nothing was imported: the server answered with status ${status}. Try again in a few minutes.` };
}

export async function importPlanFile(partnership: number, strategy: number, file: File, dryRun: boolean): Promise<ImportOutcome> {
  const form = new FormData();
  form.append('file', file, file.name);
  try {
    const { status, body } = await request(`${base(partnership)}/strategies/${strategy}/actions/import${dryRun ? '?dryRun=true' : ''}`, { method: 'POST', form });
    return importOutcome(status, body);
  } catch (error) {
    return importOutcome(0, { message: error instanceof Error ? error.message : undefined });
  }
}

export function useCheckPlanFile(partnership: number, strategy: number) {
  return useMutation({ mutationFn: (file: File) => importPlanFile(partnership, strategy, file, true) });
}

export function useImportPlanFile(partnership: number, strategy: number) {
  const refresh = useRefreshPlan(partnership);
  return useMutation({
    mutationFn: (file: File) => importPlanFile(partnership, strategy, file, false),
    onSuccess: async (outcome) => {
      if (outcome.kind === 'imported') await refresh();
    },
  });
}
