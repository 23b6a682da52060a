// Heavy work on a partner's file, done where it cannot hold up the server. Reading a large workbook
// (exceljs needs about ten times the sheet's XML in memory) or reading and checking a large CSV
// (about a second of CPU per megabyte when every row has problems) would, on the main thread, stall
// every other request for as long, and leave the main heap grown afterwards. So such work runs in a
// worker thread with its own memory cap and a time limit, a few at a time, and a queue of bounded
// length behind them: however many large files arrive together, at most `concurrency` are being read
// at once and at most `maxWaiting` more are held in memory waiting. A worker's heap is freed whole
// when it ends. A file of ordinary size (a national police return is about 100 KB) is handled in
// place, where it takes milliseconds and starting a thread (about 0.4 s) would cost more than the work.
//
// The database is never touched from a worker: a worker reports rows, errors and warnings, and the
// main thread stores them on its one connection, in one transaction.
import { Worker } from 'node:worker_threads';
import { UnreadableFileError } from './read/errors';
import type { WorkerJob, WorkerReply, WorkerResult } from './worker';

export interface IsolationLimits {
  /** Workbooks whose parts unpack to at most this many bytes are read (and checked) on the calling thread. */
  inlineBytes: number;
  /** Text files (CSV) of at most this many bytes are read and checked on the calling thread. */
  inlineTextBytes: number;
  /** Heap for one worker: enough for the largest workbook MAX_XLSX_UNPACKED_BYTES allows. */
  workerHeapMegabytes: number;
  /** A worker still working after this long is stopped, and the partner told what to do instead. */
  timeoutMs: number;
  /** How many workers may run at once; further files wait their turn. */
  concurrency: number;
  /** How many files may wait for a worker; one more is refused with "busy, try again shortly". */
  maxWaiting: number;
}

export const DEFAULT_ISOLATION: IsolationLimits = {
  // A national police return saved as a workbook is about 0.7 MB of sheet XML: read in place in
  // about 0.1 s. Larger workbooks go to a worker.
  inlineBytes: 1024 * 1024,
  // 256 KB of CSV (about 2,300 police rows) is read and checked in place in 40 ms, 80 ms if every
  // row has problems; a national police return (about 100 KB) in 20–30 ms.
  inlineTextBytes: 256 * 1024,
  workerHeapMegabytes: 2048,
  timeoutMs: 60_000,
  concurrency: 2,
  maxWaiting: 8,
};

/** The queue is full: the partner is asked to try again shortly (HTTP 503 with Retry-After). */
export class IsolationBusyError extends Error {
  constructor(readonly waiting: number) {
    super(`${waiting} files already waiting for a worker`);
    this.name = 'IsolationBusyError';
  }
}

/** A worker was stopped: past its time limit, out of its memory, or ended without an answer. */
export class IsolationLimitError extends Error {
  constructor(
    readonly reason: 'time' | 'memory' | 'exit',
    message: string,
  ) {
    super(message);
    this.name = 'IsolationLimitError';
  }
}

/**
 * Seams for tests, set with `configureIsolationForTests`. Production never sets them.
 *   limits            replace DEFAULT_ISOLATION for every caller that does not pass its own
 *   onWorkerStarted   called on the main thread each time a worker is started
 *   gate              shared memory each worker waits on before it starts its job (see worker.ts)
 */
export interface IsolationTestHooks {
  limits?: Partial<IsolationLimits>;
  onWorkerStarted?: (job: WorkerJob['kind']) => void;
  gate?: SharedArrayBuffer;
}

/**
 * The test gate's slots (Int32 indexes into `gate`): ACTIVE counts workers inside a job, PEAK is the
 * most there have been at once, and each worker waits until OPEN is non-zero (worker.ts).
 */
export const GATE = { OPEN: 0, ACTIVE: 1, PEAK: 2, SLOTS: 3 } as const;

let hooks: IsolationTestHooks = {};

export function configureIsolationForTests(next: IsolationTestHooks): () => void {
  const before = hooks;
  hooks = next;
  return () => {
    hooks = before;
  };
}

/** The limits in force: DEFAULT_ISOLATION unless a test has replaced some of them. */
export function isolationLimits(): IsolationLimits {
  return hooks.limits ? { ...DEFAULT_ISOLATION, ...hooks.limits } : DEFAULT_ISOLATION;
}

const WORKER_URL = new URL('./worker.mjs', import.meta.url);

let running = 0;
const waiting: Array<() => void> = [];

/** How many workers are running and how many jobs wait for one (for tests and logs). */
export function isolationQueue(): { running: number; waiting: number } {
  return { running, waiting: waiting.length };
}

async function inTurn<T>(limits: IsolationLimits, work: () => Promise<T>): Promise<T> {
  if (running >= limits.concurrency) {
    if (waiting.length >= limits.maxWaiting) throw new IsolationBusyError(waiting.length);
    // A finishing job hands its slot straight to the first waiter (`running` still counts it), so
    // a job arriving between the two cannot slip in and make one more than the limit.
    await new Promise<void>((resolve) => waiting.push(resolve));
  } else {
    running++;
  }
  try {
    return await work();
  } finally {
    const next = waiting.shift();
    if (next) next();
    else running--;
  }
}

function runWorker<K extends WorkerJob['kind']>(job: Extract<WorkerJob, { kind: K }>, limits: IsolationLimits): Promise<WorkerResult<K>> {
  return new Promise((resolve, reject) => {
    // The file is copied once into memory the worker owns outright (transferred, not cloned again),
    // so the caller's buffer stays whole for storing and both are freed independently.
    const bytes = new Uint8Array(job.bytes);
    const worker = new Worker(WORKER_URL, {
      workerData: { ...job, bytes, gate: hooks.gate } satisfies WorkerJob,
      transferList: [bytes.buffer],
      resourceLimits: { maxOldGenerationSizeMb: limits.workerHeapMegabytes },
      stdout: true,
      stderr: true,
    });
    hooks.onWorkerStarted?.(job.kind);
    let settled = false;
    const finish = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      outcome();
    };
    const timer = setTimeout(() => finish(() => reject(new IsolationLimitError('time', `still working after ${limits.timeoutMs} ms`))), limits.timeoutMs);
    worker.once('message', (reply: WorkerReply) =>
      finish(() => {
        if (reply.ok) resolve(reply.result as WorkerResult<K>);
        else if (reply.unreadable) reject(new UnreadableFileError(reply.unreadable.code, reply.unreadable.message, reply.unreadable.detail));
        else reject(new Error(reply.detail));
      }),
    );
    // Running out of its memory cap ends the worker with ERR_WORKER_OUT_OF_MEMORY; anything else
    // unforeseen ends it with an error too. Either way the main thread carries on.
    worker.once('error', (error) =>
      finish(() => reject(new IsolationLimitError((error as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'memory' : 'exit', `${error.name}: ${error.message}`))),
    );
    worker.once('exit', (code) => finish(() => reject(new IsolationLimitError('exit', `worker exited with code ${code} before replying`))));
  });
}

/**
 * Runs one job in a worker thread, in turn with every other: resolves with the worker's result;
 * rejects with IsolationBusyError (queue full), IsolationLimitError (time, memory, crash), the
 * UnreadableFileError the job threw, or an Error carrying any other failure's text.
 */
export function runIsolated<K extends WorkerJob['kind']>(job: Extract<WorkerJob, { kind: K }>, limits: IsolationLimits = isolationLimits()): Promise<WorkerResult<K>> {
  return inTurn(limits, () => runWorker(job, limits));
}
