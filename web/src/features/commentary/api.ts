// A partnership's commentary and its partners' notes through the one API client
// (schemas/commentary-api.ts): the comments for a period (every subject at once, for a page that
// groups them itself, or one figure's), writing and revising them, and the notes partners wrote on
// the return rows behind a figure. A write waits for the list to be read afresh, so the page shows
// what was stored before focus moves to it.
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Comment, CommentSubjectInput, PartnerNote, PartnerNotes } from '../../../../schemas/commentary-api';
import type { Role } from '../../../../schemas/access-api';
import { api, queryString } from '../../lib/api-client';
import { commentaryKeys } from '../../lib/query-keys';

export { COMMENT_MAX_CHARS } from '../../../../schemas/commentary-api';
export type { Comment, CommentSubjectInput, PartnerNote, PartnerNotes };

const base = (partnership: number) => `/api/partnerships/${partnership}`;

/** Who may write and revise commentary: the server lets administrators, and analysts of the partnership (whose partnerships are the ones they are shown). */
export function canWriteCommentary(role: Role | null | undefined): boolean {
  return role === 'admin' || role === 'analyst';
}

/** The roles that may read a partnership's commentary; partners may not, so they are never asked for it. */
export function canReadCommentary(role: Role | null | undefined): boolean {
  return role === 'admin' || role === 'analyst' || role === 'board';
}

export function commentaryQueryOptions(partnership: number, params: { period?: string; subject?: string }) {
  return queryOptions({
    queryKey: commentaryKeys.list(partnership, params),
    queryFn: ({ signal }) => api<{ commentary: Comment[] }>(`${base(partnership)}/commentary${queryString(params)}`, { signal }).then((b) => b.commentary),
  });
}

export function useCommentary(partnership: number, params: { period?: string; subject?: string }, enabled = true) {
  return useQuery({ ...commentaryQueryOptions(partnership, params), enabled: enabled && Number.isInteger(partnership) && partnership > 0 });
}

export function partnerNotesQueryOptions(partnership: number, params: { indicator: string; area: string; period: string }) {
  return queryOptions({
    queryKey: commentaryKeys.notes(partnership, params),
    queryFn: ({ signal }) => api<PartnerNotes>(`${base(partnership)}/partner-notes${queryString(params)}`, { signal }),
  });
}

export function usePartnerNotes(partnership: number, params: { indicator: string; area: string; period: string }, enabled = true) {
  return useQuery({ ...partnerNotesQueryOptions(partnership, params), enabled });
}

/** Reads the partnership's commentary afresh, every period and subject, and waits for it. */
export function useRefreshCommentary(partnership: number) {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: commentaryKeys.lists(partnership) });
}

export function useAddComment(partnership: number) {
  const refresh = useRefreshCommentary(partnership);
  return useMutation({
    mutationFn: (input: { subject: CommentSubjectInput; period: string; body: string }) => api<Comment>(`${base(partnership)}/commentary`, { method: 'POST', json: input }),
    onSuccess: refresh,
  });
}

export function useReviseComment(partnership: number) {
  const refresh = useRefreshCommentary(partnership);
  return useMutation({
    mutationFn: ({ id, body, version }: { id: number; body: string; version: number }) =>
      api<Comment>(`${base(partnership)}/commentary/${id}`, { method: 'PUT', json: { body, version } }),
    onSuccess: refresh,
  });
}

/** One comment as it is now: read after a 409 to learn the version someone else wrote. */
export function fetchComment(partnership: number, id: number): Promise<Comment> {
  return api<Comment>(`${base(partnership)}/commentary/${id}`);
}
