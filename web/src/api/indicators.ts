// The indicator read API (schemas/indicator-api.ts): catalogue, area register, area summary,
// values, series, comparisons and revisions. Types come from the shared zod schemas (types only: zod
// itself is not shipped for them). Each resource has its fetch function and query options.
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  AreaComparisonSchema,
  AreaEntrySchema,
  AreaSummarySchema,
  IndicatorRevisionsSchema,
  IndicatorSeriesSchema,
  IndicatorValuesSchema,
  SummaryIndicatorSchema,
} from '../../../schemas/indicator-api';
import type { IndicatorSchema } from '../../../schemas/indicators';
import { api, queryString } from '../lib/api-client';
import { areaKeys, indicatorKeys } from '../lib/query-keys';

export type Indicator = z.infer<typeof IndicatorSchema>;
export type AreaEntry = z.infer<typeof AreaEntrySchema>;
export type AreaSummary = z.infer<typeof AreaSummarySchema>;
export type SummaryIndicator = z.infer<typeof SummaryIndicatorSchema>;
export type YearEarlier = NonNullable<SummaryIndicator['yearEarlier']>;
export type IndicatorValues = z.infer<typeof IndicatorValuesSchema>;
export type IndicatorValue = IndicatorValues['values'][number];
export type IndicatorSeries = z.infer<typeof IndicatorSeriesSchema>;
export type AreaComparison = z.infer<typeof AreaComparisonSchema>;
export type IndicatorRevisions = z.infer<typeof IndicatorRevisionsSchema>;
export type IndicatorRevision = IndicatorRevisions['revisions'][number];
export type ConfidenceLevel = '95' | '99.8';
/** A series' points: each quarter, or the twelve months ending with it. */
export type SeriesKind = IndicatorSeries['kind'];

const LONG = 30 * 60_000;

export const areasQueryOptions = queryOptions({
  queryKey: areaKeys.list(),
  queryFn: () => api<{ areas: AreaEntry[] }>('/api/areas').then((b) => b.areas),
  staleTime: LONG,
});

export function useAreas() {
  return useQuery(areasQueryOptions);
}

export const catalogueQueryOptions = queryOptions({
  queryKey: indicatorKeys.catalogue(),
  queryFn: () => api<{ indicators: Indicator[] }>('/api/indicators').then((b) => b.indicators),
  staleTime: LONG,
});

export function useCatalogue() {
  return useQuery(catalogueQueryOptions);
}

/** Without a period the server chooses the area's latest complete twelve months; the answer says which (`period`). */
export function summaryQueryOptions(area: string, params: { period?: string; benchmark?: string; level?: ConfidenceLevel }) {
  return queryOptions({
    queryKey: areaKeys.summary(area, params),
    queryFn: ({ signal }) => api<AreaSummary>(`/api/areas/${encodeURIComponent(area)}/summary${queryString(params)}`, { signal }),
  });
}

export function seriesQueryOptions(id: string, params: { area: string; kind?: SeriesKind; from?: string; to?: string; benchmark?: string; level?: ConfidenceLevel }) {
  return queryOptions({
    queryKey: indicatorKeys.series(id, params),
    queryFn: ({ signal }) => api<IndicatorSeries>(`/api/indicators/${encodeURIComponent(id)}/series${queryString(params)}`, { signal }),
  });
}

export function valuesQueryOptions(id: string, params: { area: string; period: string; benchmark?: string; level?: ConfidenceLevel }) {
  return queryOptions({
    queryKey: indicatorKeys.values(id, params),
    queryFn: ({ signal }) => api<IndicatorValues>(`/api/indicators/${encodeURIComponent(id)}/values${queryString(params)}`, { signal }),
  });
}

export function compareQueryOptions(id: string, params: { parent: string; period: string; level?: ConfidenceLevel }) {
  return queryOptions({
    queryKey: indicatorKeys.compare(id, params),
    queryFn: ({ signal }) => api<AreaComparison>(`/api/indicators/${encodeURIComponent(id)}/compare${queryString(params)}`, { signal }),
  });
}

export function indicatorRevisionsQueryOptions(id: string, params: { area: string; period: string }) {
  return queryOptions({
    queryKey: indicatorKeys.revisions(id, params),
    queryFn: ({ signal }) => api<IndicatorRevisions>(`/api/indicators/${encodeURIComponent(id)}/revisions${queryString(params)}`, { signal }),
  });
}

/** Area names by code, for labels. */
export function areaNamer(areas: readonly AreaEntry[] | undefined): (code: string) => string {
  const names = new Map((areas ?? []).map((a) => [a.code, a.name]));
  return (code) => names.get(code) ?? code;
}

export const LEVEL_LABELS: Record<ConfidenceLevel, string> = { '95': '95%', '99.8': '99.8%' };

/** The interval at the chosen level. */
export function limitsAt(value: Pick<IndicatorValue, 'lower95' | 'upper95' | 'lower998' | 'upper998'>, level: ConfidenceLevel): { lower: number | null; upper: number | null } {
  return level === '95' ? { lower: value.lower95, upper: value.upper95 } : { lower: value.lower998, upper: value.upper998 };
}
