// The strategy editor's requests (schemas/strategy-api.ts): the partnerships the editor may open
// (with their strategy versions), a version's aims and measures as the API reads them, and the
// save, a POST for a new version and a PUT for a changed one. A save makes every partnership
// read stale (the page's aims and statuses) and is audited.
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Partnership, StrategyInput, StrategyView } from '../../../../schemas/strategy-api';
import { api } from '../../lib/api-client';
import { adminKeys, partnershipKeys } from '../../lib/query-keys';

export type { Partnership, StrategyInput, StrategyView };
export type StrategySummary = { id: number; title: string; from: string; to: string };

export const partnershipsQueryOptions = queryOptions({
  queryKey: partnershipKeys.list(),
  queryFn: ({ signal }) => api<{ partnerships: Partnership[] }>('/api/partnerships', { signal }).then((b) => b.partnerships),
});

export function usePartnerships() {
  return useQuery(partnershipsQueryOptions);
}

/** One version's content, under the partnership's strategy keys so that what invalidates those invalidates this. */
export function versionQueryOptions(partnership: number, strategy: number) {
  return queryOptions({
    queryKey: [...partnershipKeys.strategies(), partnership, { strategy }] as const,
    queryFn: ({ signal }) => api<StrategyView>(`/api/partnerships/${partnership}/strategy?strategy=${strategy}`, { signal }),
  });
}

export function useVersion(partnership: number, strategy: number | null) {
  return useQuery({ ...versionQueryOptions(partnership, strategy ?? 0), enabled: strategy !== null });
}

export function useSaveStrategy(partnership: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ strategy, body }: { strategy: number | null; body: StrategyInput }) =>
      strategy === null
        ? api<StrategySummary>(`/api/partnerships/${partnership}/strategies`, { json: body })
        : api<StrategySummary>(`/api/partnerships/${partnership}/strategies/${strategy}`, { method: 'PUT', json: body }),
    onSuccess: async () => {
      await Promise.all([partnershipKeys.all, adminKeys.audits()].map((queryKey) => client.invalidateQueries({ queryKey })));
    },
  });
}
