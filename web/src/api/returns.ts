// The returns API: submissions received, one submission's stored rows, and the revisions of one
// stored row. Types come from the shared zod schemas in schemas/api.ts.
import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ProblemSchema, RevisionSchema, SubmissionDetailSchema, SubmissionSchema } from '../../../schemas/api';
import { api, queryString } from '../lib/api-client';
import { revisionKeys, submissionKeys } from '../lib/query-keys';

export type Submission = z.infer<typeof SubmissionSchema>;
export type SubmissionDetail = z.infer<typeof SubmissionDetailSchema>;
export type Revision = z.infer<typeof RevisionSchema>;
export type Problem = z.infer<typeof ProblemSchema>;

export interface SubmissionFilters {
  type?: string;
  area?: string;
  period?: string;
  limit?: number;
  offset?: number;
}

/** The server's largest page (server/limits.ts MAX_PAGE_SIZE). */
export const MAX_PAGE_SIZE = 200;

export function submissionsQueryOptions(filters: SubmissionFilters) {
  return queryOptions({
    queryKey: submissionKeys.list(filters),
    queryFn: ({ signal }) => api<{ total: number; items: Submission[] }>(`/api/submissions${queryString({ ...filters })}`, { signal }),
  });
}

export function submissionQueryOptions(id: number) {
  return queryOptions({
    queryKey: submissionKeys.detail(id),
    queryFn: ({ signal }) => api<SubmissionDetail>(`/api/submissions/${id}`, { signal }),
  });
}

export function revisionsQueryOptions(type: string, key: { area: string; period: string; subkey?: string }) {
  return queryOptions({
    queryKey: revisionKeys.list(type, key),
    queryFn: ({ signal }) => api<{ revisions: Revision[] }>(`/api/returns/${encodeURIComponent(type)}/revisions${queryString(key)}`, { signal }).then((b) => b.revisions),
  });
}
