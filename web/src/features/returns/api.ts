// Uploading a return: a dry run that checks every cell and rule, then the real upload. Both send
// the file as multipart field "file" with the CSRF token; the answer is turned into one of four
// outcomes the upload page shows (checked, stored, rejected with problems, refused because it
// would clear figures without the partner's say-so, or failed).
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { FigureChange } from '../../../../schemas/api';
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

export type UploadOutcome =
  | ({ kind: 'checked'; submission: UploadSummary; warnings: Problem[] } & Corrections)
  | ({ kind: 'stored'; submission: UploadSummary & { id: number }; warnings: Problem[] } & Corrections)
  | { kind: 'rejected'; status: number; errors: Problem[]; warnings: Problem[] }
  /** 409: the file would clear figures and clearing was not confirmed; nothing was stored. */
  | ({ kind: 'would-clear'; status: number; message: string } & Corrections)
  | { kind: 'failed'; status: number; message: string };

/** Turns an upload response into an outcome; exported for tests. */
export function uploadOutcome(status: number, body: unknown): UploadOutcome {
  const b = (body ?? {}) as { submission?: UploadSummary; warnings?: Problem[]; errors?: Problem[]; message?: string; code?: string } & Partial<Corrections>;
  const corrections = { changes: b.changes ?? [], clears: b.clears ?? [] };
  if ((status === 200 || status === 201) && b.submission) {
    return status === 201 && b.submission.id !== null
      ? { kind: 'stored', submission: b.submission as UploadSummary & { id: number }, warnings: b.warnings ?? [], ...corrections }
      : { kind: 'checked', submission: b.submission, warnings: b.warnings ?? [], ...corrections };
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

export async function uploadReturn(type: string, file: File, dryRun: boolean, confirmClear = false): Promise<UploadOutcome> {
  const form = new FormData();
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
    mutationFn: ({ file, confirmClear }: { file: File; confirmClear: boolean }) => uploadReturn(type, file, false, confirmClear),
    onSuccess: async (outcome) => {
      if (outcome.kind !== 'stored') return;
      // The figures, submissions and revisions this return may have changed.
      await Promise.all(keysChangedByUpload().map((queryKey) => client.invalidateQueries({ queryKey })));
    },
  });
}

export type { Problem, Submission };
