// For tests of work done in worker threads: a gate the workers wait at (so a test decides, without
// timers, when a worker may start its job), a count of workers started, and return files large
// enough to be sent to a worker.
import { AREAS } from '../../schemas/areas';
import { quarterFromOrdinal, quarterId, quarterOrdinal } from '../../schemas/periods';
import { csvOf, validRow, type Cells } from '../test/rows';
import { configureIsolationForTests, GATE, type IsolationLimits } from './isolation';

/** Atomics.waitAsync (Node 16+; not yet in TypeScript's ES2022 library). */
const waitAsync = (Atomics as unknown as { waitAsync(array: Int32Array, index: number, value: number): { value: Promise<string> | string } }).waitAsync;

export class WorkerGate {
  readonly shared = new SharedArrayBuffer(GATE.SLOTS * Int32Array.BYTES_PER_ELEMENT);
  private readonly slots = new Int32Array(this.shared);

  /** Workers inside a job now (waiting at the gate or working). */
  get active(): number {
    return Atomics.load(this.slots, GATE.ACTIVE);
  }

  /** The most workers that have been inside a job at once. */
  get peak(): number {
    return Atomics.load(this.slots, GATE.PEAK);
  }

  /** Resolves once `count` workers are inside a job (they wait there until the gate opens). */
  async whenActive(count: number): Promise<void> {
    for (let now = this.active; now < count; now = this.active) await waitAsync(this.slots, GATE.ACTIVE, now).value;
  }

  open(): void {
    Atomics.store(this.slots, GATE.OPEN, 1);
    Atomics.notify(this.slots, GATE.OPEN);
  }
}

/**
 * Replaces the isolation limits for one test and counts the workers started; with a gate, every
 * worker waits at it. Call `restore` (afterEach) to go back to the defaults.
 */
export function isolateForTest(options: { limits?: Partial<IsolationLimits>; gate?: WorkerGate } = {}) {
  const started: string[] = [];
  const restore = configureIsolationForTests({ limits: options.limits, gate: options.gate?.shared, onWorkerStarted: (kind) => started.push(kind) });
  return { started, restore };
}

const LOCAL_AUTHORITIES = AREAS.filter((a) => a.type === 'local-authority').map((a) => a.code);

/**
 * A police return of at least `minBytes`, every row valid and for a different area and quarter
 * (quarters from 1995-96 Q1 onwards, all long ended), so that nothing but its size sets it apart.
 */
export function largePoliceRows(minBytes: number, overrides: (index: number) => Cells = () => ({})): Cells[] {
  const rows: Cells[] = [];
  const first = quarterOrdinal({ startYear: 1995, quarter: 1 });
  let size = 0;
  for (let i = 0; size < minBytes; i++) {
    const period = quarterId(quarterFromOrdinal(first + Math.floor(i / LOCAL_AUTHORITIES.length)));
    const row = validRow('police', { period, area_code: LOCAL_AUTHORITIES[i % LOCAL_AUTHORITIES.length], ...overrides(i) });
    rows.push(row);
    size += Object.values(row).join(',').length + 1;
  }
  return rows;
}

export function largePoliceCsv(minBytes: number, overrides?: (index: number) => Cells): Buffer {
  return Buffer.from(csvOf(largePoliceRows(minBytes, overrides)), 'utf8');
}
