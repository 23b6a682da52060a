// Runs in a worker thread: reads one workbook and posts back the table, or the reason it could
// not be read. Errors cross the thread boundary as plain objects and are rebuilt on the other side.
import { parentPort, workerData } from 'node:worker_threads';
import { UnreadableFileError } from './errors';
import { readXlsx } from './xlsx';
import type { ZipEntry } from './zip';

export type WorkerReply =
  | { ok: true; table: Awaited<ReturnType<typeof readXlsx>> }
  | { ok: false; unreadable: { code: UnreadableFileError['code']; message: string; detail?: string } | null; detail: string };

const { bytes, entries } = workerData as { bytes: Uint8Array; entries: ZipEntry[] };

try {
  const table = await readXlsx(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), entries);
  parentPort!.postMessage({ ok: true, table } satisfies WorkerReply);
} catch (error) {
  const unreadable = error instanceof UnreadableFileError ? { code: error.code, message: error.message, detail: error.detail } : null;
  const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  parentPort!.postMessage({ ok: false, unreadable, detail } satisfies WorkerReply);
}
