// The same results to the last digit on both engines (issue 15): the demo data loaded into a
// PostgreSQL database and into a SQLite one, and every figure the engine publishes from them
// compared, value, interval, disclosure and trend, exactly (deep equality of the objects the API
// serialises). The other server tests check PostgreSQL against fixed expected figures; this
// checks it against SQLite on realistic data: every indicator, the partnerships' own measures,
// every area with figures and its parents, quarters, years and rolling years, both views.
//
// It needs both engines at once, so it runs in the server-postgres project (in `server` there is
// no PostgreSQL to compare with, and it is skipped there).
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findArea } from '../../schemas/areas';
import { INDICATORS, type IndicatorDefinition } from '../../schemas/indicators';
import { financialYearId, parsePeriodId, parseQuarterId } from '../../schemas/periods';
import { buildApp } from '../app';
import { loadDemoData } from '../demo/load';
import { strategyDb } from '../strategy/tables';
import { TEST_ENGINE } from '../test/database';
import { buildTestApp, TEST_NOW } from '../test/helpers';
import type { DisclosureView } from './disclosure';

const VIEWS: DisclosureView[] = ['suppressed', 'unsuppressed'];

interface Cell {
  indicator: IndicatorDefinition;
  type: string | null;
  area: string;
  period: string;
  view: DisclosureView;
}

describe.runIf(TEST_ENGINE === 'postgres')('the demo data on PostgreSQL and on SQLite', () => {
  let postgres: FastifyInstance;
  let sqlite: FastifyInstance;

  beforeAll(async () => {
    postgres = await buildTestApp();
    sqlite = await buildApp({ databasePath: ':memory:', now: () => TEST_NOW });
    for (const app of [postgres, sqlite]) {
      await loadDemoData(app.db, TEST_NOW);
      await app.localMeasures.sync();
    }
  }, 120_000);
  afterAll(async () => {
    await postgres?.close();
    await sqlite?.close();
  });

  /** Every figure to compare: read from SQLite's data, so PostgreSQL missing one shows as a difference. */
  async function cells(): Promise<Cell[]> {
    const rows = await sqlite.db.kysely.selectFrom('current_rows').select(['area_code', 'period']).distinct().execute();
    const areas = new Set<string>();
    for (const { area_code } of rows) for (const code of [area_code, ...(findArea(area_code)?.parents ?? [])]) areas.add(code);
    const quarters = [...new Set(rows.map((r) => r.period))].filter((p) => parsePeriodId(p)?.kind === 'quarter').sort();
    const years = [...new Set(quarters.map((q) => parseQuarterId(q)!.startYear))];
    // Every year; the last two years' quarters and rolling years (each built the same way as the
    // earlier ones, which the years add up).
    const recent = quarters.slice(-8);
    const periods = [...recent, ...years.map(financialYearId), ...years.map(String), ...recent.map((q) => `R12-${q}`)];
    const partnerships = await strategyDb(sqlite.db).selectFrom('partnerships').select('id').execute();
    const indicators = [...INDICATORS, ...partnerships.flatMap((p) => sqlite.engine.catalogue.localOf(p.id))];
    return indicators.flatMap((indicator) =>
      (indicator.source === 'refuge' ? [null, 'refuge'] : [null]).flatMap((type) =>
        [...areas].flatMap((area) => periods.flatMap((period) => VIEWS.map((view) => ({ indicator, type, area, period, view })))),
      ),
    );
  }

  it('publishes the same figures, value by value', async () => {
    const sample = await cells();
    const read = async (app: FastifyInstance) => {
      const sessions = await app.engine.sessionsInBothViews();
      return sample.map((c) => ({ value: sessions[c.view].value(c.indicator, c.area, c.period, c.type), trend: sessions[c.view].trend(c.indicator, c.area, c.period, c.type) }));
    };
    const [onPostgres, onSqlite] = [await read(postgres), await read(sqlite)];
    const name = (c: Cell) => `${c.indicator.id}${c.type ? `:${c.type}` : ''} ${c.area} ${c.period} ${c.view}`;
    const differing = sample.filter((_, i) => JSON.stringify(onPostgres[i]) !== JSON.stringify(onSqlite[i])).map(name);
    expect(differing).toEqual([]);
    expect(onPostgres).toEqual(onSqlite);
    // The comparison has teeth: most cells hold a figure, some hidden from the board.
    const withValue = onSqlite.filter((r) => r.value.value !== null).length;
    expect(withValue / sample.length).toBeGreaterThan(0.3);
    expect(onSqlite.some((r, i) => sample[i].view === 'suppressed' && r.value.status === 'suppressed')).toBe(true);
    console.log(`compared ${sample.length} figures (${withValue} with a value) on both engines`);
  }, 120_000);
});
