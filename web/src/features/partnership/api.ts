// The partnership read API (schemas/strategy-api.ts, DOMAIN.md section 9): the partnerships the
// signed-in person belongs to (administrators: all, with their members), and one partnership's
// strategy read against the data for a twelve-month period. Without a period the server chooses
// the latest complete twelve months and says so (`period.chosen`).
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Partnership, StrategyView } from '../../../../schemas/strategy-api';
import { api, queryString } from '../../lib/api-client';
import { partnershipKeys } from '../../lib/query-keys';

export type { Measure, Partnership, StrategyView, Target } from '../../../../schemas/strategy-api';
export type Aim = StrategyView['aims'][number];

export const partnershipsQueryOptions = queryOptions({
  queryKey: partnershipKeys.list(),
  queryFn: ({ signal }) => api<{ partnerships: Partnership[] }>('/api/partnerships', { signal }).then((b) => b.partnerships),
});

export function usePartnerships() {
  return useQuery(partnershipsQueryOptions);
}

export function strategyQueryOptions(id: number, params: { period?: string }) {
  return queryOptions({
    queryKey: partnershipKeys.strategy(id, params),
    queryFn: ({ signal }) => api<StrategyView>(`/api/partnerships/${id}/strategy${queryString(params)}`, { signal }),
  });
}

export function useStrategy(id: number, params: { period?: string }) {
  return useQuery({ ...strategyQueryOptions(id, params), enabled: Number.isInteger(id) && id > 0 });
}
