// Large workbooks are read in a worker thread, with a memory cap and a time limit; the answer is
// the same as reading in place, and a workbook that is too much for the worker gets a message
// telling the partner to send CSV instead of taking the server down with it.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { UnreadableFileError } from './errors';
import { readXlsx } from './xlsx';
import { DEFAULT_ISOLATION, readXlsxIsolated, type IsolationLimits } from './xlsx-isolated';
import { syntheticWorkbook as bigWorkbook } from '../../test/workbooks';
import { listZipEntries } from './zip';

const fixture = (name: string) => readFileSync(new URL(`../../../fixtures/files/${name}`, import.meta.url));
/** Every workbook goes to a worker. */
const ALWAYS_WORKER: IsolationLimits = { ...DEFAULT_ISOLATION, inlineBytes: 0 };

async function failure(read: Promise<unknown>): Promise<UnreadableFileError> {
  const error = await read.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UnreadableFileError);
  return error as UnreadableFileError;
}

describe('reading a workbook in a worker thread', () => {
  it.each(['police-return.xlsx', 'police-excel-like.xlsx', 'police-hidden-first-sheet.xlsx', 'police-formula-not-calculated.xlsx'])('gives the same table as reading in place: %s', async (name) => {
    const bytes = fixture(name);
    const entries = listZipEntries(bytes);
    expect(await readXlsxIsolated(bytes, entries, ALWAYS_WORKER)).toEqual(await readXlsx(bytes, entries));
  });

  it.each(['empty-first-sheet.xlsx', 'zip-bomb-understated.xlsx'])('gives the same message as reading in place for an unreadable workbook: %s', async (name) => {
    const bytes = fixture(name);
    const entries = listZipEntries(bytes);
    const inWorker = await failure(readXlsxIsolated(bytes, entries, ALWAYS_WORKER));
    const inPlace = await failure(readXlsx(bytes, entries));
    expect({ code: inWorker.code, message: inWorker.message }).toEqual({ code: inPlace.code, message: inPlace.message });
  });

  it('stops a worker that runs past the time limit and asks for CSV', async () => {
    const bytes = bigWorkbook(2000);
    const error = await failure(readXlsxIsolated(bytes, listZipEntries(bytes), { ...ALWAYS_WORKER, timeoutMs: 1 }));
    expect(error.message).toMatch(/too large or complex for us to read\. Please save the return as a CSV file/);
    expect(error.detail).toMatch(/still working after 1 ms/);
  });

  it('stops a worker that runs out of its memory and asks for CSV, and the next workbook is read', async () => {
    const bytes = bigWorkbook(60_000);
    const error = await failure(readXlsxIsolated(bytes, listZipEntries(bytes), { ...ALWAYS_WORKER, workerHeapMegabytes: 16 }));
    expect(error.message).toMatch(/too large or complex for us to read/);
    expect(error.detail).toMatch(/memory|exited/i);

    const small = fixture('police-return.xlsx');
    expect((await readXlsxIsolated(small, listZipEntries(small), ALWAYS_WORKER)).rows.length).toBeGreaterThan(0);
  });

  it('reads several workbooks at once, a few workers at a time, each getting its own answer', async () => {
    const workbooks = [10, 20, 30, 40, 50].map(bigWorkbook);
    const tables = await Promise.all(workbooks.map((b) => readXlsxIsolated(b, listZipEntries(b), { ...ALWAYS_WORKER, concurrency: 2 })));
    expect(tables.map((t) => t.rows.length)).toEqual([10, 20, 30, 40, 50]);
  });

  it('reads a workbook of ordinary size in place and a large one in a worker', async () => {
    const small = bigWorkbook(100);
    const large = bigWorkbook(40_000); // about 5 MB of sheet XML, above the in-place limit
    expect(listZipEntries(large).reduce((n, e) => n + e.uncompressedSize, 0)).toBeGreaterThan(DEFAULT_ISOLATION.inlineBytes);
    // With a time limit no worker can meet, only a read done in place succeeds.
    const noWorkerCanFinish = { ...DEFAULT_ISOLATION, timeoutMs: 1 };
    expect((await readXlsxIsolated(small, listZipEntries(small), noWorkerCanFinish)).rows).toHaveLength(100);
    expect((await failure(readXlsxIsolated(large, listZipEntries(large), noWorkerCanFinish))).detail).toMatch(/still working after 1 ms/);
    // And with the real limits the large one is read whole.
    const table = await readXlsxIsolated(large, listZipEntries(large));
    expect(table.rows).toHaveLength(40_000);
    expect(table.rows.at(-1)).toEqual({ rowNumber: 40_001, cells: ['40001', '40002', '40003', '40004', '40005'] });
  });
});
