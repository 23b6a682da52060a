// Reading and checking a large file in a worker thread gives exactly the answer checking it in
// place gives; above the size limits the worker is used (counted, not timed); a worker past its
// time or memory limit becomes a message for the partner; and the queue holds the number of
// workers to its limit.
import { afterEach, describe, expect, it } from 'vitest';
import { findReturnDefinition } from '../../schemas/returns';
import { TEST_NOW } from '../test/helpers';
import { csvOf, validRow, type Cells } from '../test/rows';
import { syntheticWorkbook } from '../test/workbooks';
import { checkInPlace, checkReturnFile } from './check';
import { DEFAULT_ISOLATION, IsolationBusyError, isolationQueue, type IsolationLimits } from './isolation';
import { isolateForTest, largePoliceCsv, largePoliceRows, WorkerGate } from './isolation.test-support';
import { UnreadableFileError } from './read/errors';

const police = findReturnDefinition('police')!;
const context = { now: TEST_NOW };
/** Every file goes to a worker. */
const ALWAYS_WORKER: IsolationLimits = { ...DEFAULT_ISOLATION, inlineBytes: 0, inlineTextBytes: 0 };

let restore = () => {};
afterEach(() => restore());

function counted(options: Parameters<typeof isolateForTest>[0] = {}) {
  const test = isolateForTest(options);
  restore = test.restore;
  return test.started;
}

async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => null,
    (e: unknown) => e,
  );
}

/** A valid file with warnings (an unknown column, an old area code) and one with errors of several kinds. */
const VALID_WITH_WARNINGS = csvOf([
  validRow('police', { officer: 'x' }),
  validRow('police', { area_code: 'E10000002', period: '2019-20Q4', officer: 'y' }), // Buckinghamshire's predecessor code
  validRow('police', { area_code: 'E09000005', incidents: '3,267' }),
]);
const BROKEN = csvOf([
  validRow('police', { arrests: 'abc' }),
  validRow('police', { area_code: 'E09000005', victims: '-1', crimes: '12.5' }),
  validRow('police', { area_code: 'E09000005' }), // repeats the row above
  validRow('police', { area_code: 'E09000006', period: '2030-31Q1' }),
  validRow('police', { area_code: 'E09000007', repeat_victims: 700 }),
]);

describe('checking a file in a worker thread', () => {
  it.each([
    ['a valid CSV with warnings', Buffer.from(VALID_WITH_WARNINGS)],
    ['a CSV with errors', Buffer.from(BROKEN)],
    ['a large CSV, half its rows broken', largePoliceCsv(300 * 1024, (i): Cells => (i % 2 ? { arrests: 'n/a' } : {}))],
  ])('gives the same rows, errors and warnings as checking in place: %s', async (_name, bytes) => {
    const started = counted();
    const inPlace = await checkInPlace(bytes, 'r.csv', police, context);
    const inWorker = await checkReturnFile(bytes, 'r.csv', police, context, ALWAYS_WORKER);
    expect(started).toEqual(['check']);
    expect(inWorker).toEqual(inPlace);
    expect(inPlace.rows.length + inPlace.errors.length + inPlace.warnings.length).toBeGreaterThan(0);
  });

  it('gives the same answer for a workbook, and for a file that cannot be read', async () => {
    const started = counted();
    const workbook = syntheticWorkbook(50); // headers a–e: every police column is missing
    expect(await checkReturnFile(workbook, 'r.xlsx', police, context, ALWAYS_WORKER)).toEqual(await checkInPlace(workbook, 'r.xlsx', police, context));
    const pdf = Buffer.from('%PDF-1.7\n...');
    const [inWorker, inPlace] = [await failure(checkReturnFile(pdf, 'r.pdf', police, context, ALWAYS_WORKER)), await failure(checkInPlace(pdf, 'r.pdf', police, context))];
    expect(inWorker).toBeInstanceOf(UnreadableFileError);
    expect({ ...(inWorker as UnreadableFileError), message: (inWorker as Error).message }).toEqual({ ...(inPlace as UnreadableFileError), message: (inPlace as Error).message });
    expect(started).toEqual(['check', 'check']);
  });

  it('checks an ordinary return in place and one above the size limit in a worker', async () => {
    const started = counted();
    const ordinary = largePoliceCsv(100 * 1024); // about a national police return
    expect(ordinary.length).toBeLessThanOrEqual(DEFAULT_ISOLATION.inlineTextBytes);
    expect((await checkReturnFile(ordinary, 'r.csv', police, context)).errors).toEqual([]);
    expect(started).toEqual([]);

    const large = largePoliceCsv(DEFAULT_ISOLATION.inlineTextBytes + 1);
    expect((await checkReturnFile(large, 'r.csv', police, context)).rows).toHaveLength(largePoliceRows(DEFAULT_ISOLATION.inlineTextBytes + 1).length);
    expect(started).toEqual(['check']);
  });

  it('checks in place a definition of the caller’s own, which a worker could not rebuild', async () => {
    const started = counted();
    const own = { ...police };
    expect((await checkReturnFile(Buffer.from(BROKEN), 'r.csv', own, context, ALWAYS_WORKER)).errors.length).toBeGreaterThan(0);
    expect(started).toEqual([]);
  });
});

describe('a worker past its limits', () => {
  it('is stopped at its time limit, and the partner is asked to split the file', async () => {
    const gate = new WorkerGate(); // never opened: the worker cannot finish
    counted({ gate });
    const error = (await failure(checkReturnFile(Buffer.from(BROKEN), 'r.csv', police, context, { ...ALWAYS_WORKER, timeoutMs: 200 }))) as UnreadableFileError;
    expect(error).toBeInstanceOf(UnreadableFileError);
    expect(error.code).toBe('too-complex');
    expect(error.message).toMatch(/too large for us to check in one go\. Nothing has been stored\. Please split the return into smaller files/);
    expect(error.detail).toMatch(/still working after 200 ms/);
    expect(isolationQueue()).toEqual({ running: 0, waiting: 0 });
  });

  it('a workbook stopped at its time limit asks for CSV instead', async () => {
    const gate = new WorkerGate();
    counted({ gate });
    const error = (await failure(checkReturnFile(syntheticWorkbook(10), 'r.xlsx', police, context, { ...ALWAYS_WORKER, timeoutMs: 200 }))) as UnreadableFileError;
    expect(error.code).toBe('too-complex');
    expect(error.message).toMatch(/Excel workbook is too large or complex for us to read\. Please save the return as a CSV file/);
  });

  it('is stopped when it runs out of its memory, and the next file is checked', async () => {
    const started = counted();
    const large = largePoliceCsv(2 * 1024 * 1024);
    const error = (await failure(checkReturnFile(large, 'r.csv', police, context, { ...ALWAYS_WORKER, workerHeapMegabytes: 16 }))) as UnreadableFileError;
    expect(error).toBeInstanceOf(UnreadableFileError);
    expect(error.code).toBe('too-complex');
    expect(error.detail).toMatch(/memory limit/);
    expect((await checkReturnFile(Buffer.from(BROKEN), 'r.csv', police, context, ALWAYS_WORKER)).errors.length).toBeGreaterThan(0);
    expect(started).toEqual(['check', 'check']);
  });
});

describe('the queue', () => {
  it('runs at most `concurrency` workers at once; the others wait their turn and all get their answer', async () => {
    const gate = new WorkerGate();
    const started = counted({ gate });
    const files = [1, 2, 3, 4, 5].map((n) => Buffer.from(csvOf(Array.from({ length: n }, (_, i) => validRow('police', { area_code: `E0900000${4 + i}` })))));
    const checks = files.map((bytes) => checkReturnFile(bytes, 'r.csv', police, context, { ...ALWAYS_WORKER, concurrency: 2 }));

    await gate.whenActive(2);
    // Two workers are inside their job and held there; the other three files have no worker.
    expect(started).toHaveLength(2);
    expect(isolationQueue()).toEqual({ running: 2, waiting: 3 });

    gate.open();
    expect((await Promise.all(checks)).map((c) => c.rows.length)).toEqual([1, 2, 3, 4, 5]);
    expect(started).toHaveLength(5);
    expect(gate.peak).toBe(2);
    expect(isolationQueue()).toEqual({ running: 0, waiting: 0 });
  });

  it('refuses a file when the queue is full, rather than hold it in memory', async () => {
    const gate = new WorkerGate();
    const started = counted({ gate });
    const limits = { ...ALWAYS_WORKER, concurrency: 1, maxWaiting: 1 };
    const bytes = Buffer.from(csvOf([validRow('police')]));
    const running = checkReturnFile(bytes, 'r.csv', police, context, limits);
    const waiting = checkReturnFile(bytes, 'r.csv', police, context, limits);
    await gate.whenActive(1);
    expect(await failure(checkReturnFile(bytes, 'r.csv', police, context, limits))).toBeInstanceOf(IsolationBusyError);
    gate.open();
    expect((await Promise.all([running, waiting])).map((c) => c.rows.length)).toEqual([1, 1]);
    expect(started).toHaveLength(2);
  });
});
