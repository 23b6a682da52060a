// The engine over a register it is given (as the national benchmark uses it), and its shared
// results: reused between requests, started afresh after a submission and kept apart by view.
import { afterEach, describe, expect, it } from 'vitest';
import { ENGLAND, type Area } from '../../schemas/areas';
import { findIndicator } from '../../schemas/indicators';
import type { Problem } from '../../schemas/api';
import { SYSTEM } from '../access/actor';
import type { Db } from '../db/database';
import { openTestDatabase, TEST_ENGINE } from '../test/database';
import { storeSubmission } from '../returns/store';
import { FIGURES_VERSION, returnsDb } from '../returns/tables';
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
  db = await openTestDatabase();
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

function storePolice(rows: Array<[string, number, number]>, warnings: Problem[] = []) {
  return storeSubmission(db, {
    returnType: 'police',
    actor: SYSTEM,
    fileName: null,
    fileFormat: 'csv',
    fileBytes: Buffer.from(JSON.stringify(rows)),
    rows: rows.map(([area, charges, crimes], i) => ({ rowNumber: i + 2, key: { areaCode: area, period: '2019-20Q1', subkey: '' }, values: { charges, crimes }, notes: null })),
    warnings,
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

  it('follows the figures version, not the largest submission id: a submission made current last is read even with a lower id', async () => {
    const engine = await setUp();
    const older = await storePolice([['E08900001', 40, 400]]);
    await storePolice([['E08900001', 50, 400]]);
    await storePolice([['E08900002', 60, 600]]);
    expect((await engine.session('unsuppressed')).value(chargeRate, 'E08900001', '2019-20Q1').numerator).toBe(50);
    // What PostgreSQL allows: an upload that took a lower id at insert commits after one with a
    // higher id. Here the oldest submission takes the newest version and its row becomes current.
    await db.transaction(async () => {
      const { version } = await returnsDb(db)
        .updateTable('data_versions')
        .set((eb) => ({ version: eb('version', '+', 1) }))
        .where('name', '=', FIGURES_VERSION)
        .returning('version')
        .executeTakeFirstOrThrow();
      await returnsDb(db).updateTable('submissions').set({ data_version: version }).where('id', '=', older.id).execute();
      const row = await db.kysely.selectFrom('return_rows').select('id').where('submission_id', '=', older.id).executeTakeFirstOrThrow();
      await db.kysely.updateTable('current_rows').set({ row_id: row.id }).where('area_code', '=', 'E08900001').execute();
    });
    const session = await engine.session('unsuppressed');
    expect(session.value(chargeRate, 'E08900001', '2019-20Q1').numerator).toBe(40);
    expect(session.value(chargeRate, FORCE, '2019-20Q1').numerator).toBe(100);
  });

  it('answers sessions asked for while uploads are stored from one state of the figures, and ends where a new engine starts', async () => {
    const engine = await setUp();
    await storePolice([['E08900001', 40, 400], ['E08900002', 60, 600]]);
    await engine.warm();
    const work: Array<Promise<unknown>> = [];
    const seen: number[] = [];
    for (let i = 1; i <= 12; i++) {
      // Charges above crimes: each upload carries a warning on its row, which replaces the one before.
      const area = i % 2 === 0 ? 'E08900001' : 'E08900002';
      work.push(storePolice([[area, 500 + i, 400]], [{ row: 2, column: 'charges', value: String(500 + i), code: 'charges-more-than-crimes', message: `charges (${500 + i}) is more than crimes (400)` }]));
      work.push(
        engine.session('unsuppressed').then((session) => {
          const [one, two, force] = ['E08900001', 'E08900002', FORCE].map((area) => session.value(chargeRate, area, '2019-20Q1'));
          expect(force.numerator).toBe(one.numerator! + two.numerator!);
          for (const value of [one, two]) expect((value.warnings ?? []).length).toBeLessThanOrEqual(1);
          seen.push(force.numerator!);
        }),
      );
    }
    await Promise.all(work);
    // Each session saw the figures of a moment no earlier than the one before it. On SQLite the
    // uploads are stored in the order sent, so the total only grows; on PostgreSQL they commit in
    // whatever order their connections reach the database, and each session is still one
    // moment's figures (the parent is the sum of its children, checked above).
    if (TEST_ENGINE === 'sqlite') expect(seen).toEqual([...seen].sort((a, b) => a - b));
    const fresh = new IndicatorEngine(db, { register: createRegister(AREAS) });
    const [after, expected] = await Promise.all([engine.session('unsuppressed'), fresh.session('unsuppressed')]);
    for (const area of ['E08900001', 'E08900002', FORCE]) expect(after.value(chargeRate, area, '2019-20Q1')).toEqual(expected.value(chargeRate, area, '2019-20Q1'));
    // The figures held are the last upload stored for each area: the latest of the twelve on
    // SQLite, whose one connection stores them in the order sent; on PostgreSQL, whichever of
    // the concurrent uploads committed last.
    const held = await db.kysely
      .selectFrom('current_rows as c')
      .innerJoin('return_rows as r', 'r.id', 'c.row_id')
      .select(['c.area_code', 'r.values_json'])
      .where('c.period', '=', '2019-20Q1')
      .execute();
    const charges = held.map((row) => (JSON.parse(row.values_json) as { charges: number }).charges);
    for (const c of charges) expect(c).toBeGreaterThan(500);
    expect(after.value(chargeRate, FORCE, '2019-20Q1').numerator).toBe(charges[0] + charges[1]);
    if (TEST_ENGINE === 'sqlite') expect(after.value(chargeRate, FORCE, '2019-20Q1').numerator).toBe(511 + 512);
  });
});
