// Uploading a return: a dry run that checks every cell and rule, then the real upload. Both send
// the file as multipart field "file" with the CSRF token; the answer is turned into one of four
// outcomes the upload page shows (checked, stored, rejected with problems, refused because it
// would clear figures without the partner's say-so, refused because it corrects an approved
// quarter without a reason, or failed). The reason for correcting an approved quarter (DOMAIN.md
// 5.8) is sent as the multipart field "reason", before the file.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { FigureChange, LockedQuarterSchema } from '../../../../schemas/api';
import type { z } from 'zod';
import type { Problem, Submission } from '../../api/returns';
import { request } from '../../lib/api-client';
import { keysChangedByUpload } from '../../lib/query-keys';

export interface UploadSummary {
  id: number | null;
  returnType: string;
  rows: number;
  periods: string[];
  areas: string[];
}

/** Figures already held that a file changes, and those its blank cells clear (DOMAIN.md 5.7). */
export interface Corrections {
  changes: FigureChange[];
  clears: FigureChange[];
}

/** An area and quarter of the file an analyst has approved: a correction to it needs a reason (DOMAIN.md 5.8). */
export type LockedQuarter = z.infer<typeof LockedQuarterSchema>;

export type UploadOutcome =
  | ({ kind: 'checked'; submission: UploadSummary; warnings: Problem[]; locked: LockedQuarter[] } & Corrections)
  | ({ kind: 'stored'; submission: UploadSummary & { id: number }; warnings: Problem[]; locked: LockedQuarter[] } & Corrections)
  | { kind: 'rejected'; status: number; errors: Problem[]; warnings: Problem[] }
  /** 409: the file would clear figures and clearing was not confirmed; nothing was stored. */
  | ({ kind: 'would-clear'; status: number; message: string } & Corrections)
  /** 409: the file corrects approved quarters and no reason was sent; nothing was stored. */
  | { kind: 'quarter-approved'; status: number; message: string; locked: LockedQuarter[] }
  | { kind: 'failed'; status: number; message: string };

/** Turns an upload response into an outcome; exported for tests. */
export function uploadOutcome(status: number, body: unknown): UploadOutcome {
  const b = (body ?? {}) as { submission?: UploadSummary; warnings?: Problem[]; errors?: Problem[]; message?: string; code?: string; locked?: LockedQuarter[] } & Partial<Corrections>;
  const corrections = { changes: b.changes ?? [], clears: b.clears ?? [] };
  const locked = b.locked ?? [];
  if ((status === 200 || status === 201) && b.submission) {
    return status === 201 && b.submission.id !== null
      ? { kind: 'stored', submission: b.submission as UploadSummary & { id: number }, warnings: b.warnings ?? [], locked, ...corrections }
      : { kind: 'checked', submission: b.submission, warnings: b.warnings ?? [], locked, ...corrections };
  }
  if (status === 409 && b.code === 'quarter-approved') {
    return { kind: 'quarter-approved', status, message: b.message ?? 'Nothing has been stored: this file corrects approved figures, which needs a reason.', locked };
  }
  if (status === 409 && b.code === 'would-clear-figures') {
    return { kind: 'would-clear', status, message: b.message ?? 'Nothing has been stored: this file would clear figures already held.', ...corrections };
  }
  if (Array.isArray(b.errors)) return { kind: 'rejected', status, errors: b.errors, warnings: b.warnings ?? [] };
  const fallback =
    status === 413
      ? 'The file is too large to upload. Check it is the right file, or split it into smaller files.'
      : status === 0
        ? 'The dashboard server could not be reached. Check your connection, then try again.'
        : status >= 500
          ? 'Something went wrong on the dashboard server and nothing was stored. Try again in a few minutes.'
          : `The upload failed (status ${status}).`;
  return { kind: 'failed', status, message: typeof b.message === 'string' && b.message ? b.message : fallback };
}

export async function uploadReturn(type: string, file: File, dryRun: boolean, confirmClear = false, reason = ''): Promise<UploadOutcome> {
  const form = new FormData();
  if (reason.trim()) form.append('reason', reason);
  form.append('file', file, file.name);
  const query = dryRun ? '?dryRun=true' : confirmClear ? '?confirmClear=true' : '';
  try {
    const { status, body } = await request(`/api/returns/${encodeURIComponent(type)}${query}`, { method: 'POST', form });
    return uploadOutcome(status, body);
  } catch (error) {
    return uploadOutcome(0, { message: error instanceof Error ? error.message : undefined });
  }
}

export function useCheckReturn(type: string) {
  return useMutation({ mutationFn: (file: File) => uploadReturn(type, file, true) });
}

export function useSendReturn(type: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ file, confirmClear, reason = '' }: { file: File; confirmClear: boolean; reason?: string }) => uploadReturn(type, file, false, confirmClear, reason),
    onSuccess: async (outcome) => {
      if (outcome.kind !== 'stored') return;
      // The figures, submissions and revisions this return may have changed.
      await Promise.all(keysChangedByUpload().map((queryKey) => client.invalidateQueries({ queryKey })));
    },
  });
}

export type { Problem, Submission };
