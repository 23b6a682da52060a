// Uploading a return: a dry run that checks every cell and rule, then the real upload. Both send
// the file as multipart field "file" with the CSRF token; the answer is turned into one of four
// outcomes the upload page shows (checked, stored, rejected with problems, or failed).
import { useMutation, useQueryClient } from '@tanstack/react-query';
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

export type UploadOutcome =
  | { kind: 'checked'; submission: UploadSummary; warnings: Problem[] }
  | { kind: 'stored'; submission: UploadSummary & { id: number }; warnings: Problem[] }
  | { kind: 'rejected'; status: number; errors: Problem[]; warnings: Problem[] }
  | { kind: 'failed'; status: number; message: string };

/** Turns an upload response into an outcome; exported for tests. */
export function uploadOutcome(status: number, body: unknown): UploadOutcome {
  const b = (body ?? {}) as { submission?: UploadSummary; warnings?: Problem[]; errors?: Problem[]; message?: string };
  if ((status === 200 || status === 201) && b.submission) {
    return status === 201 && b.submission.id !== null
      ? { kind: 'stored', submission: b.submission as UploadSummary & { id: number }, warnings: b.warnings ?? [] }
      : { kind: 'checked', submission: b.submission, warnings: b.warnings ?? [] };
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

export async function uploadReturn(type: string, file: File, dryRun: boolean): Promise<UploadOutcome> {
  const form = new FormData();
  form.append('file', file, file.name);
  try {
    const { status, body } = await request(`/api/returns/${encodeURIComponent(type)}${dryRun ? '?dryRun=true' : ''}`, { method: 'POST', form });
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
    mutationFn: (file: File) => uploadReturn(type, file, false),
    onSuccess: async (outcome) => {
      if (outcome.kind !== 'stored') return;
      // The figures, submissions and revisions this return may have changed.
      await Promise.all(keysChangedByUpload().map((queryKey) => client.invalidateQueries({ queryKey })));
    },
  });
}

export type { Problem, Submission };
