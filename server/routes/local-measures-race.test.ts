// A measure's arithmetic may change only while no figures are held for it (local-measures.ts). An
// upload checks its rows against the measures before it stores them; if an administrator changes
// the arithmetic in between (another server, a moment later), the rows must be checked again where
// the change cannot slip in: inside the store's transaction, under the measures' lock. Otherwise
// the measure's first figures would be stored as sent under the old definition: a denominator on
// what is now a count.
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RowCheck } from '../returns/ingest';
import { createLocalMeasure, updateLocalMeasure } from '../local-measures/store';
import { createPartnership } from '../strategy/store';
import { buildApp } from '../app';
import { TEST_ENGINE, testDatabaseTarget } from '../test/database';
import { buildTestApp, csv, signIn, tableCounts, TEST_NOW, upload } from '../test/helpers';
import { REACH } from '../test/local-measures';

const CENTRAL_BEDFORDSHIRE = 'E06000056';
const FILE = csv(['period', 'area_code', 'measure', 'numerator', 'denominator', 'notes'], [['2025-26 Q1', CENTRAL_BEDFORDSHIRE, 'campaign-reach', 120, 400, '']]);

let app: FastifyInstance;
let partnership: number;
/** How many times the rows were checked against the measures. */
let checks: number;

beforeEach(async () => {
  app = await buildTestApp();
  partnership = await createPartnership(app.db, { name: 'Central Bedfordshire test partnership', areas: [CENTRAL_BEDFORDSHIRE], benchmark: 'E92000001', members: [] }, TEST_NOW);
  await createLocalMeasure(app.db, partnership, { ...REACH, organisations: [] }, TEST_NOW);
  checks = 0;
});
afterEach(async () => {
  await app.close();
});

/**
 * Wraps the registered check so that `then` runs after check number `at`: the first is made before
 * the store, the second inside its transaction.
 */
function checkThen(then: () => Promise<void>, at = 1) {
  const check = app.returnChecks.get('local-measure') as RowCheck;
  app.returnChecks.set('local-measure', async (actor, rows) => {
    const problems = await check(actor, rows);
    checks += 1;
    if (checks === at) await then();
    return problems;
  });
}

describe('a local-measure upload while the measure changes', () => {
  it('checks the rows again inside the store, and stores them when nothing changed', async () => {
    checkThen(async () => {});
    const { status } = await upload(app, 'local-measure', FILE);
    expect(status).toBe(201);
    expect(checks).toBe(2);
  });

  it('refuses the rows, naming row and column, and stores nothing, when the measure became a count in between', async () => {
    const before = await tableCounts(app);
    checkThen(() => updateLocalMeasure(app.db, partnership, REACH.id, { denominator: null, interval: 'byar', multiplier: 1 }, TEST_NOW));
    const { status, body } = await upload(app, 'local-measure', FILE);
    expect(status).toBe(422);
    expect(body.errors).toEqual([expect.objectContaining({ row: 2, column: 'denominator', value: '400', code: 'count-has-denominator' })]);
    expect(await tableCounts(app)).toEqual(before);
  });

  it('refuses the rows when the measure was removed from the organisations that send it in between', async () => {
    // A partner's file, checked while their organisation sent the measure; the administrator then names another.
    const partner = await signIn(app, 'partner', [{ returnType: 'local-measure', areaCode: CENTRAL_BEDFORDSHIRE }], 'campaign-team');
    const user = await app.db.kysely.selectFrom('users').select('organisation_id').where('id', '=', partner.userId).executeTakeFirstOrThrow();
    await updateLocalMeasure(app.db, partnership, REACH.id, { organisations: [user.organisation_id!] }, TEST_NOW);
    const before = await tableCounts(app);
    checkThen(() => updateLocalMeasure(app.db, partnership, REACH.id, { organisations: [] }, TEST_NOW));
    const { status, body } = await upload(app, 'local-measure', FILE, { as: partner });
    expect(status).toBe(422);
    expect(body.errors).toEqual([expect.objectContaining({ row: 2, column: 'measure', code: 'not-a-sender' })]);
    expect(await tableCounts(app)).toEqual(before);
  });

  // PostgreSQL only: two servers on one SQLite file in one process would block each other's
  // thread (SQLite's write lock already orders them, across processes).
  it.runIf(TEST_ENGINE === 'postgres')('makes a change to the arithmetic on another server wait for the upload, then refuses it: figures are held', async () => {
    await app.close();
    const target = await testDatabaseTarget();
    app = await buildApp({ databasePath: target.path, now: () => TEST_NOW, afterClose: target.drop });
    partnership = await createPartnership(app.db, { name: 'Central Bedfordshire test partnership', areas: [CENTRAL_BEDFORDSHIRE], benchmark: 'E92000001', members: [] }, TEST_NOW);
    await createLocalMeasure(app.db, partnership, { ...REACH, organisations: [] }, TEST_NOW);
    const other = await buildApp({ databasePath: target.path, now: () => TEST_NOW });
    try {
      const admin = await signIn(other, 'admin');
      let change: Promise<{ statusCode: number; body: string }> | null = null;
      let changed = false;
      checkThen(async () => {
        // Inside the upload's transaction, which holds the measures' lock: the other server's
        // change must wait for it.
        change = other.inject({ method: 'PATCH', url: `/api/partnerships/${partnership}/local-measures/${REACH.id}`, headers: admin.headers, payload: { denominator: null, interval: 'byar', multiplier: 1 } });
        void change.then(() => (changed = true));
        await new Promise((resolve) => setTimeout(resolve, 300));
        expect(changed).toBe(false);
      }, 2);
      const { status } = await upload(app, 'local-measure', FILE);
      expect(status).toBe(201);
      const response = await change!;
      expect(response.statusCode, response.body).toBe(409);
      expect(JSON.parse(response.body).code).toBe('arithmetic-fixed');
    } finally {
      await other.close();
    }
  });
});
