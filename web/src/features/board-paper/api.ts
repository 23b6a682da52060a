// The board paper through the one API client (schemas/board-paper-api.ts): the paper for a
// twelve-month period, the Word document's address, and recording a paper as issued. A paper's
// keys sit under its partnership's strategy keys, so what refreshes the strategy (an upload, an
// action edit) refreshes the paper too; recording a paper refreshes the partnership's papers,
// whose "revised since" now compares with the one just issued.
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { BoardPaper } from '../../../../schemas/board-paper-api';
import { api, queryString } from '../../lib/api-client';
import { partnershipStrategyKeys } from '../../lib/delivery-plan-keys';

export type { BoardPaper };
export type IssuedPaper = NonNullable<BoardPaper['lastIssued']>;
export type PaperAim = BoardPaper['summary']['aims'][number];
export type PaperMeasure = PaperAim['measures'][number];
export type PaperAction = BoardPaper['actions']['overdue'][number];

export const boardPaperKeys = {
  papers: (partnership: number) => [...partnershipStrategyKeys(partnership), 'board-paper'] as const,
  /** Without a period, the latest complete twelve months (the server says which). */
  paper: (partnership: number, params: { period?: string }) => [...boardPaperKeys.papers(partnership), params.period === undefined ? {} : { period: params.period }] as const,
};

const base = (partnership: number) => `/api/partnerships/${partnership}`;

export function boardPaperQueryOptions(partnership: number, params: { period?: string }) {
  return queryOptions({
    queryKey: boardPaperKeys.paper(partnership, params),
    queryFn: ({ signal }) => api<BoardPaper>(`${base(partnership)}/board-paper${queryString(params)}`, { signal }),
  });
}

export function useBoardPaper(partnership: number, params: { period?: string }) {
  return useQuery({ ...boardPaperQueryOptions(partnership, params), enabled: Number.isInteger(partnership) && partnership > 0 });
}

/** The Word document of the paper for a period: a plain link, so the browser downloads it as any file. */
export function docxHref(partnership: number, period: string): string {
  return `${base(partnership)}/board-paper.docx${queryString({ period })}`;
}

/** Records the paper for a period as issued; once the papers are read afresh, the result is returned. */
export function useIssuePaper(partnership: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (period: string) => api<IssuedPaper>(`${base(partnership)}/board-papers`, { method: 'POST', json: { period } }),
    onSuccess: () => client.invalidateQueries({ queryKey: boardPaperKeys.papers(partnership) }),
  });
}
