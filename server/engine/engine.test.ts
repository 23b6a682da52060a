// The engine over a register it is given (as the national benchmark uses it), and its shared
// results: reused between requests, started afresh after a submission and kept apart by view.
import { afterEach, describe, expect, it } from 'vitest';
import { ENGLAND, type Area } from '../../schemas/areas';
import { findIndicator } from '../../schemas/indicators';
import { SYSTEM } from '../access/actor';
import { openDatabase, type Db } from '../db/database';
import { storeSubmission } from '../returns/store';
import { IndicatorEngine } from './engine';
import { createRegister } from './register';

const FORCE = 'E23900001';
const AREAS: Area[] = [
  { code: ENGLAND, name: 'England', type: 'country', parents: [], computedFromChildren: false },
  { code: FORCE, name: 'Force 1', type: 'police-force-area', parents: [ENGLAND], computedFromChildren: true },
  { code: 'E08900001', name: 'Authority 1', type: 'local-authority', parents: [FORCE], computedFromChildren: false },
  { code: 'E08900002', name: 'Authority 2', type: 'local-authority', parents: [FORCE], computedFromChildren: false },
];
const chargeRate = findIndicator('charge-rate')!;

let db: Db;
afterEach(async () => {
  await db.close();
});

/** The test register's areas, so that stored rows can reference them. */
async function openWithAreas() {
  db = await openDatabase(':memory:');
  await db.kysely
    .insertInto('areas')
    .values(AREAS.map((a) => ({ code: a.code, name: a.name, type: a.type })))
    .onConflict((oc) => oc.doNothing())
    .execute();
}

async function setUp() {
  await openWithAreas();
  return new IndicatorEngine(db, { register: createRegister(AREAS) });
}

async function storePolice(rows: Array<[string, number, number]>) {
  await storeSubmission(db, {
    returnType: 'police',
    actor: SYSTEM,
    fileName: null,
    fileFormat: 'csv',
    fileBytes: Buffer.from(JSON.stringify(rows)),
    rows: rows.map(([area, charges, crimes], i) => ({ rowNumber: i + 2, key: { areaCode: area, period: '2019-20Q1', subkey: '' }, values: { charges, crimes }, notes: null })),
    warnings: [],
    receivedAt: new Date('2026-01-01T00:00:00Z'),
  });
}

describe('IndicatorEngine', () => {
  it('sums the children of a parent in a register it is given', async () => {
    const engine = await setUp();
    await storePolice([['E08900001', 40, 400], ['E08900002', 60, 600]]);
    const value = (await engine.session('suppressed')).valueWithBenchmark(chargeRate, 'E08900001', '2019-20Q1', { benchmark: FORCE, level: '95' });
    expect(value).toMatchObject({ status: 'ok', numerator: 40, benchmark: { area: FORCE, value: 10, status: 'ok' } });
  });

  it('reuses results between sessions until a submission is stored', async () => {
    const engine = await setUp();
    await storePolice([['E08900001', 40, 400], ['E08900002', 60, 600]]);
    const first = (await engine.session('suppressed')).value(chargeRate, FORCE, '2019-20Q1');
    expect((await engine.session('suppressed')).value(chargeRate, FORCE, '2019-20Q1')).toBe(first);
    await storePolice([['E08900002', 160, 600]]);
    expect((await engine.session('suppressed')).value(chargeRate, FORCE, '2019-20Q1')).toMatchObject({ numerator: 200, denominator: 1000 });
  });

  it('keeps the suppressed and unsuppressed views apart', async () => {
    const engine = await setUp();
    await storePolice([['E08900001', 3, 400], ['E08900002', 60, 600]]);
    expect((await engine.session('suppressed')).value(chargeRate, FORCE, '2019-20Q1').status).toBe('suppressed');
    expect((await engine.session('unsuppressed')).value(chargeRate, FORCE, '2019-20Q1')).toMatchObject({ status: 'ok', numerator: 63 });
    expect((await engine.session('suppressed')).value(chargeRate, 'E08900001', '2019-20Q1').status).toBe('suppressed');
  });

  it("takes its disclosure threshold as an option", async () => {
    await openWithAreas();
    const engine = new IndicatorEngine(db, { register: createRegister(AREAS), disclosureThreshold: 10 });
    await storePolice([['E08900001', 7, 400], ['E08900002', 60, 600]]);
    expect((await engine.session('suppressed')).value(chargeRate, 'E08900001', '2019-20Q1').status).toBe('suppressed');
  });
});
