// Reading a workbook without putting the server at risk. exceljs reads a sheet synchronously and
// needs about ten times the sheet's XML in memory: a 10 MB upload that unpacks to 100 MB of XML
// takes tens of seconds and over a gigabyte. Done on the main thread, that would stall every
// other request for as long. So a workbook whose parts are larger than a typical return is read
// in a worker thread with its own memory cap and a time limit, a few at a time; a return of
// ordinary size (a national police return is well under a megabyte) is read in place, where it
// takes milliseconds and starting a thread would cost more than the read.
import { Worker } from 'node:worker_threads';
import { UnreadableFileError, workbookTooComplex } from './errors';
import type { RawTable } from './types';
import { readXlsx } from './xlsx';
import type { WorkerReply } from './xlsx-worker';
import type { ZipEntry } from './zip';

export interface IsolationLimits {
  /** Workbooks whose parts unpack to at most this many bytes are read on the calling thread. */
  inlineBytes: number;
  /** Heap for one worker: enough for the largest workbook MAX_XLSX_UNPACKED_BYTES allows. */
  workerHeapMegabytes: number;
  /** A worker still reading after this long is stopped, and the partner told to send CSV. */
  timeoutMs: number;
  /** How many workers may read at once; further workbooks wait their turn. */
  concurrency: number;
}

export const DEFAULT_ISOLATION: IsolationLimits = {
  inlineBytes: 4 * 1024 * 1024,
  workerHeapMegabytes: 2048,
  timeoutMs: 60_000,
  concurrency: 2,
};

const WORKER_URL = new URL('./xlsx-worker.mjs', import.meta.url);

/** What the workbook unpacks to, as its table of contents declares (zip.ts enforces the declaration). */
function declaredSize(entries: ZipEntry[]): number {
  return entries.filter((e) => e.name.startsWith('xl/') && /\.(xml|rels)$/i.test(e.name)).reduce((sum, e) => sum + e.uncompressedSize, 0);
}

let running = 0;
const waiting: Array<() => void> = [];

async function inTurn<T>(concurrency: number, work: () => Promise<T>): Promise<T> {
  if (running >= concurrency) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  try {
    return await work();
  } finally {
    running--;
    waiting.shift()?.();
  }
}

function readInWorker(bytes: Buffer, entries: ZipEntry[], limits: IsolationLimits): Promise<RawTable> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_URL, {
      workerData: { bytes, entries },
      resourceLimits: { maxOldGenerationSizeMb: limits.workerHeapMegabytes },
      stdout: true,
      stderr: true,
    });
    let settled = false;
    const finish = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      outcome();
    };
    const timer = setTimeout(() => finish(() => reject(workbookTooComplex(`still reading after ${limits.timeoutMs} ms`))), limits.timeoutMs);
    worker.once('message', (reply: WorkerReply) =>
      finish(() => {
        if (reply.ok) resolve(reply.table);
        else if (reply.unreadable) reject(new UnreadableFileError(reply.unreadable.code, reply.unreadable.message, reply.unreadable.detail));
        else reject(new Error(reply.detail));
      }),
    );
    // Running out of its memory cap ends the worker with an error; so would anything else unforeseen.
    worker.once('error', (error) => finish(() => reject(workbookTooComplex(`${error.name}: ${error.message}`))));
    worker.once('exit', (code) => finish(() => reject(workbookTooComplex(`worker exited with code ${code} before replying`))));
  });
}

export async function readXlsxIsolated(bytes: Buffer, entries: ZipEntry[], limits: IsolationLimits = DEFAULT_ISOLATION): Promise<RawTable> {
  if (declaredSize(entries) <= limits.inlineBytes) return readXlsx(bytes, entries);
  return inTurn(limits.concurrency, () => readInWorker(bytes, entries, limits));
}
