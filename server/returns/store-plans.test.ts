// SQLite only: SQLite's EXPLAIN QUERY PLAN (PostgreSQL chooses its plans from statistics).
// A regression guard for reading submissions at national scale: opening a 1,200-row police
// return once took seconds because the detail query joined current rows on an unindexed row_id,
// and the list filtered by area and period probed every submission ever stored. Each query the
// repository runs is captured as Kysely compiles it and put to SQLite's EXPLAIN QUERY PLAN: the
// plan must name the indexes of migration 010 and never scan return_rows or current_rows.
import type { FastifyInstance } from 'fastify';
import { Kysely, SqliteDialect, type CompiledQuery } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM } from '../access/actor';
import type { Db } from '../db/database';
import type { Database } from '../db/tables';
import { readRows, readWarnings } from '../engine/data';
import { buildTestApp } from '../test/helpers';
import { getSubmission, listSubmissions, revisionHistory, storeSubmission, type SubmissionFilter } from './store';

const AREA = 'E09000004';
const PERIOD = '2024-25Q1';
/** A partner organisation's scope: no organisation has this id, and the plan does not care. */
const PARTNER_SCOPE = 1;

let app: FastifyInstance;
let submissionId: number;

beforeAll(async () => {
  app = await buildTestApp();
  for (const incidents of [100, 101]) {
    const stored = await storeSubmission(app.db, {
      returnType: 'police',
      actor: SYSTEM,
      fileName: null,
      fileFormat: 'csv',
      fileBytes: Buffer.from(String(incidents)),
      rows: [{ rowNumber: 2, key: { areaCode: AREA, period: PERIOD, subkey: '' }, values: { incidents }, notes: null }],
      warnings: [],
      receivedAt: new Date('2026-01-01T00:00:00Z'),
    });
    submissionId = stored.id;
  }
});
afterAll(async () => app.close());

interface Plan {
  sql: string;
  steps: string[];
}

/**
 * Runs some repository reads on a Kysely that logs what it compiles, over the app's own handle
 * (not destroyed afterwards: that would close the handle), and returns each query's plan.
 */
async function plansOf(read: (db: Db) => Promise<unknown>): Promise<Plan[]> {
  const queries: CompiledQuery[] = [];
  const kysely = new Kysely<Database>({ dialect: new SqliteDialect({ database: app.db.sqlite! }), log: (event) => void queries.push(event.query) });
  await read({ ...app.db, kysely });
  return queries.map((query) => ({
    sql: query.sql,
    steps: (app.db.sqlite!.prepare(`EXPLAIN QUERY PLAN ${query.sql}`).all(...(query.parameters as unknown[])) as Array<{ detail: string }>).map((row) => row.detail),
  }));
}

/** A full pass over a table of rows (SQLite writes `SCAN <table or alias>`), as opposed to a SEARCH by index. */
const SCAN_OF_ROWS = /^SCAN (return_rows|current_rows|r|c)\b/;

function expectNoScanOfRows(plans: Plan[]) {
  for (const plan of plans) expect(plan.steps.filter((step) => SCAN_OF_ROWS.test(step)), plan.sql).toEqual([]);
}

const allSteps = (plans: Plan[]) => plans.flatMap((plan) => plan.steps).join('\n');

// SQLite-only: the plans are SQLite's EXPLAIN QUERY PLAN (PostgreSQL chooses its own, from statistics).
describe('query plans for reading submissions', () => {
  it('opens a submission by id, and finds whether each of its rows is current through current_rows_by_row', async () => {
    const plans = await plansOf(async (db) => expect(await getSubmission(db, submissionId)).not.toBeNull());
    expect(plans).toHaveLength(2);
    expectNoScanOfRows(plans);
    expect(allSteps(plans)).toContain('USING INTEGER PRIMARY KEY');
    expect(allSteps(plans)).toContain('USING INDEX return_rows_by_submission (submission_id=?)');
    expect(allSteps(plans)).toContain('current_rows_by_row (row_id=?)');
  });

  it('checks a partner’s grants on a submission row by row through indexes', async () => {
    const plans = await plansOf((db) => getSubmission(db, submissionId, PARTNER_SCOPE));
    expectNoScanOfRows(plans);
    expect(allSteps(plans)).toContain('USING PRIMARY KEY (organisation_id=? AND return_type=? AND area_code=?)');
  });

  it.each<[string, Omit<SubmissionFilter, 'limit' | 'offset'>, string]>([
    ['area and period', { area: AREA, period: PERIOD }, 'return_rows_by_area_period (area_code=? AND period=?)'],
    ['area alone', { area: AREA }, 'return_rows_by_area_period (area_code=?)'],
    ['return type, area and period', { returnType: 'police', area: AREA, period: PERIOD }, 'return_rows_by_area_period (area_code=? AND period=?)'],
    ['a partner’s area and period', { area: AREA, period: PERIOD, organisationScope: PARTNER_SCOPE }, 'return_rows_by_area_period (area_code=? AND period=?)'],
  ])('lists submissions filtered by %s from the matching rows, not by probing every submission', async (_name, filter, index) => {
    const plans = await plansOf(async (db) => {
      const list = await listSubmissions(db, { ...filter, limit: 20, offset: 0 });
      if (filter.organisationScope === undefined) expect(list.total).toBe(2);
    });
    expect(plans).toHaveLength(2); // the count and the page
    expectNoScanOfRows(plans);
    for (const plan of plans) {
      expect(plan.steps.join('\n'), plan.sql).toContain(index);
      // Submissions are looked up by the ids the rows give, never read one by one.
      expect(plan.steps.filter((step) => /^SCAN submissions\b/.test(step)), plan.sql).toEqual([]);
    }
  });

  it('reads the revision history of one key through return_rows_by_key and current_rows_by_row', async () => {
    const plans = await plansOf(async (db) => {
      const history = await revisionHistory(db, { returnType: 'police', areaCode: AREA, period: PERIOD, subkey: '' });
      expect(history.map((version) => version.current)).toEqual([false, true]);
    });
    expectNoScanOfRows(plans);
    expect(allSteps(plans)).toContain('return_rows_by_key (return_type=? AND area_code=? AND period=? AND subkey=?)');
    expect(allSteps(plans)).toContain('current_rows_by_row (row_id=?)');
  });
});

// SQLite-only: as above.
describe('query plans for the engine’s update after an upload', () => {
  it('reads the rows and warnings of the newer submissions from submissions_by_data_version, never scanning rows', async () => {
    const plans = await plansOf(async (db) => {
      expect(await readRows(db, 1)).toHaveLength(1);
      await readWarnings(db, 1);
    });
    expect(plans).toHaveLength(2);
    expectNoScanOfRows(plans);
    for (const plan of plans) expect(plan.steps.join('\n'), plan.sql).toContain('submissions_by_data_version (data_version>?)');
  });
});
