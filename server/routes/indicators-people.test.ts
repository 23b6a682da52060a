// People counted once (DOMAIN.md 5.1 and 6): a year of a person-based indicator takes the
// force's twelve-month counts of its last quarter, never the sum of its quarters, and says why
// when they are missing. Files from the template before the twelve-month columns still load.
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, upload } from '../test/helpers';
import { csvOf, validRow } from '../test/rows';
import { getAs, load, valueOf } from './indicators.test-support';

let app: FastifyInstance;
beforeEach(async () => {
  app = await buildTestApp();
});
afterEach(async () => {
  await app.close();
});

const BEDFORD = 'E06000055';
const LUTON = 'E06000032';
const CENTRAL_BEDFORDSHIRE = 'E06000056';
const BEDFORDSHIRE = 'E23000026';
const FY_2020_21 = ['2020-21Q1', '2020-21Q2', '2020-21Q3', '2020-21Q4'];

const defined = (cells: Record<string, number | string | undefined>) => Object.fromEntries(Object.entries(cells).filter(([, v]) => v !== undefined)) as Record<string, number | string>;

/** A year of quarters whose people add up to far more than the twelve months' distinct people. */
function year(area: string, twelveMonths: (quarter: string) => Record<string, number | string | undefined>) {
  return FY_2020_21.map((period) => ({ period, area_code: area, victims: 600, repeat_victims: 200, ...defined(twelveMonths(period)) }));
}

describe('a year counts each person once', () => {
  it('takes a financial year from the twelve-month counts of its Q4, not the sum of its quarters', async () => {
    await load(app, 'police', year(BEDFORD, (q) => (q === '2020-21Q4' ? { victims_12m: 1900, repeat_victims_12m: 570 } : {})));
    const v = await valueOf(app, 'repeat-victim-rate', BEDFORD, '2020-21', '', 'analyst');
    // The quarters add up to 800 of 2,400 (33.3%); the year is 570 of 1,900 (30%).
    expect(v).toMatchObject({ status: 'ok', numerator: 570, denominator: 1900, value: 30 });
  });

  it('takes a calendar year from Q3 of the financial year that starts in it, and a rolling year from its own last quarter', async () => {
    await load(
      app,
      'police',
      year(BEDFORD, (q) => ({ victims_12m: { '2020-21Q1': 1800, '2020-21Q2': 1850, '2020-21Q3': 1900, '2020-21Q4': 2000 }[q]!, repeat_victims_12m: 500 })),
    );
    expect(await valueOf(app, 'repeat-victim-rate', BEDFORD, 'R12-2020-21Q2', '', 'analyst')).toMatchObject({ numerator: 500, denominator: 1850 });
    // 2020 = 2019-20Q4 + 2020-21Q1..Q3: its people are the twelve months ending 2020-21Q3, even
    // though 2019-20Q4 itself was never sent.
    expect(await valueOf(app, 'repeat-victim-rate', BEDFORD, '2020', '', 'analyst')).toMatchObject({ status: 'ok', numerator: 500, denominator: 1900 });
  });

  it('has no value without the twelve-month counts, and says why instead of adding up quarters', async () => {
    await load(app, 'police', year(BEDFORD, () => ({ victims_12m: '', repeat_victims_12m: '' })));
    const v = await valueOf(app, 'repeat-victim-rate', BEDFORD, '2020-21', '', 'analyst');
    expect(v).toMatchObject({ status: 'no-data', numerator: null, value: null });
    expect(v.note).toContain('repeat_victims_12m');
    expect(v.note).toContain('2020-21 Q4');
    expect(v.note).toMatch(/never added up/);
    // Events still add up: incidents over the same quarters.
    expect(await valueOf(app, 'child-present-pct', BEDFORD, '2020-21', '', 'analyst')).toMatchObject({ status: 'ok', numerator: 1000, denominator: 4000 });
  });

  it('adds up children’s twelve-month counts for a parent, which is incomplete while a child has none', async () => {
    const twelve = (victims: number) => (q: string) => (q === '2020-21Q4' ? { victims_12m: victims, repeat_victims_12m: 300 } : {});
    await load(app, 'police', [...year(BEDFORD, twelve(1900)), ...year(LUTON, twelve(2100))]);
    const parent = await valueOf(app, 'repeat-victim-rate', BEDFORDSHIRE, '2020-21', '', 'analyst');
    expect(parent).toMatchObject({ status: 'incomplete', missing: [CENTRAL_BEDFORDSHIRE] });
    await load(app, 'police', year(CENTRAL_BEDFORDSHIRE, twelve(2000)));
    expect(await valueOf(app, 'repeat-victim-rate', BEDFORDSHIRE, '2020-21', '', 'analyst')).toMatchObject({ status: 'ok', numerator: 900, denominator: 6000 });
  });

  it('suppresses a person year by its own twelve-month count, not by its quarters', async () => {
    // A quarter with 2 repeat victims is hidden, but the year is a count of its own (not a sum
    // that could give the quarter back), so it is shown.
    await load(
      app,
      'police',
      FY_2020_21.map((period, i) => ({ period, area_code: BEDFORD, victims: 600, repeat_victims: i === 1 ? 2 : 200, victims_12m: 1900, repeat_victims_12m: i === 3 ? 570 : 3 })),
    );
    expect(await valueOf(app, 'repeat-victim-rate', BEDFORD, '2020-21Q2')).toMatchObject({ status: 'suppressed' });
    expect(await valueOf(app, 'repeat-victim-rate', BEDFORD, '2020-21')).toMatchObject({ status: 'ok', numerator: 570, denominator: 1900 });
    // A rolling year whose twelve-month count is small is hidden.
    expect(await valueOf(app, 'repeat-victim-rate', BEDFORD, 'R12-2020-21Q3')).toMatchObject({ status: 'suppressed', numerator: null });
  });
});

describe('files from the template before the twelve-month columns', () => {
  it('are accepted with one warning naming the missing columns, which count as blank', async () => {
    const row = validRow('police', { area_code: BEDFORD, period: '2020-21Q4' });
    const old = Object.fromEntries(Object.entries(row).filter(([column]) => !column.endsWith('_12m')));
    const { status, body } = await upload(app, 'police', csvOf([old]));
    expect(status).toBe(201);
    expect(body.warnings).toHaveLength(1);
    expect(body.warnings[0]).toMatchObject({ row: 1, column: 'victims_12m', code: 'earlier-template' });
    expect(body.warnings[0].message).toContain('earlier version of the police return template');
    expect(body.warnings[0].message).toContain('repeat_perpetrators_12m');
    const v = await valueOf(app, 'repeat-victim-rate', BEDFORD, '2020-21Q4', '', 'analyst');
    expect(v).toMatchObject({ status: 'ok', numerator: 180, denominator: 600 });
    const { body: year } = await getAs(app, 'analyst', `/api/indicators/repeat-victim-rate/values?area=${BEDFORD}&period=R12-2020-21Q4`);
    expect(year.values[0]).toMatchObject({ status: 'no-data' });
  });

  it('still refuse a file that lacks a column the earlier template had', async () => {
    const row = validRow('police', { area_code: BEDFORD });
    const broken = Object.fromEntries(Object.entries(row).filter(([column]) => column !== 'crimes' && !column.endsWith('_12m')));
    const { status, body } = await upload(app, 'police', csvOf([broken]));
    expect(status).toBe(422);
    expect(body.errors.map((e: { column: string }) => e.column)).toEqual(['crimes']);
  });
});
