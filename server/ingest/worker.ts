// Runs in a worker thread (see isolation.ts): one job on one file, then a reply. Jobs:
//   read-xlsx  read a workbook into a table (readTable's large-workbook step)
//   check      read a return file and check every cell and rule against its return type: the
//              same as checking in place (check.ts), so the answer cannot depend on where it ran
// Errors cross the thread boundary as plain objects and are rebuilt on the other side.
import { parentPort, workerData } from 'node:worker_threads';
import { findReturnDefinition } from '../../schemas/returns';
import { checkInPlace, type CheckedFile } from './check';
import { GATE } from './isolation';
import { UnreadableFileError } from './read/errors';
import type { RawTable } from './read/types';
import { readXlsx } from './read/xlsx';
import type { ZipEntry } from './read/zip';

export type WorkerJob =
  | { kind: 'read-xlsx'; bytes: Uint8Array; entries: ZipEntry[]; gate?: SharedArrayBuffer }
  | { kind: 'check'; bytes: Uint8Array; fileName: string | null; returnType: string; now: Date; gate?: SharedArrayBuffer };

export type WorkerResult<K extends WorkerJob['kind']> = K extends 'read-xlsx' ? RawTable : CheckedFile;

export type WorkerReply =
  | { ok: true; result: RawTable | CheckedFile }
  | { ok: false; unreadable: { code: UnreadableFileError['code']; message: string; detail?: string } | null; detail: string };

function enterGate(gate: SharedArrayBuffer): Int32Array {
  const slots = new Int32Array(gate);
  const active = Atomics.add(slots, GATE.ACTIVE, 1) + 1;
  for (let peak = Atomics.load(slots, GATE.PEAK); active > peak; peak = Atomics.load(slots, GATE.PEAK)) {
    if (Atomics.compareExchange(slots, GATE.PEAK, peak, active) === peak) break;
  }
  Atomics.notify(slots, GATE.ACTIVE);
  while (Atomics.load(slots, GATE.OPEN) === 0) Atomics.wait(slots, GATE.OPEN, 0);
  return slots;
}

async function run(job: WorkerJob): Promise<RawTable | CheckedFile> {
  const bytes = Buffer.from(job.bytes.buffer, job.bytes.byteOffset, job.bytes.byteLength);
  if (job.kind === 'read-xlsx') return readXlsx(bytes, job.entries);
  const definition = findReturnDefinition(job.returnType);
  if (!definition) throw new Error(`no return type ${job.returnType}`);
  return checkInPlace(bytes, job.fileName, definition, { now: job.now });
}

const job = workerData as WorkerJob;
const gate = job.gate ? enterGate(job.gate) : null;

/** Leaves the test gate before answering, so the next worker the answer lets in never overlaps this one. */
function leaveGate() {
  if (!gate) return;
  Atomics.sub(gate, GATE.ACTIVE, 1);
  Atomics.notify(gate, GATE.ACTIVE);
}

let reply: WorkerReply;
try {
  reply = { ok: true, result: await run(job) };
} catch (error) {
  const unreadable = error instanceof UnreadableFileError ? { code: error.code, message: error.message, detail: error.detail } : null;
  const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  reply = { ok: false, unreadable, detail };
}
leaveGate();
parentPort!.postMessage(reply);
