// A board reads years (DOMAIN.md section 4) through the API: a summary asked for without a
// period is for the latest complete twelve months of the area's police return; a quarter is
// compared with the same quarter a year before, never the quarter before; the summary carries
// each figure's sparkline points a year apart; and a series can be rolling twelve months.
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { quarterRange } from '../../schemas/periods';
import { buildTestApp } from '../test/helpers';
import { getAs, load, valueOf } from './indicators.test-support';

let app: FastifyInstance;
beforeEach(async () => {
  app = await buildTestApp();
});
afterEach(async () => {
  await app.close();
});

const BEXLEY = 'E09000004';
const BEDFORDSHIRE = 'E23000026';
const BEDFORD = 'E06000055';
const CENTRAL_BEDFORDSHIRE = 'E06000056';
const LUTON = 'E06000032';

type Entry = { indicator: { id: string }; value: { period: string }; yearEarlier: unknown; trend: { marker: string }; sparkline: Array<{ period: string; label: string; value: number | null; status: string }> };

async function summary(area: string, query = '') {
  const { status, body } = await getAs(app, 'board', `/api/areas/${area}/summary${query}`);
  expect(status, JSON.stringify(body)).toBe(200);
  return body;
}

function entryOf(body: { aims: Array<{ indicators: Entry[] }> }, id: string): Entry {
  return body.aims.flatMap((a) => a.indicators).find((i) => i.indicator.id === id)!;
}

const police = (area: string, quarters: string[], cells: Record<string, number> = {}) => quarters.map((period) => ({ period, area_code: area, ...cells }));

describe('a summary without a period: the latest complete twelve months', () => {
  it('is the rolling year ending with the latest quarter of the area’s own police return', async () => {
    await load(app, 'police', [...police(BEXLEY, quarterRange('2019-20Q1', '2020-21Q2')), ...police(BEDFORD, quarterRange('2019-20Q1', '2020-21Q4'))]);
    // A later return of another type does not move it.
    await load(app, 'marac', [{ period: '2020-21Q3', area_code: BEXLEY }]);
    const body = await summary(BEXLEY);
    expect(body.period).toMatchObject({ id: 'R12-2020-21Q2', kind: 'rolling-year', quarters: ['2019-20Q3', '2019-20Q4', '2020-21Q1', '2020-21Q2'] });
    expect(body.periodChosen).toBe('latest-twelve-months');
    expect(entryOf(body, 'da-incident-rate').value.period).toBe('R12-2020-21Q2');
  });

  it('is the financial year when that quarter is a Q4', async () => {
    await load(app, 'police', police(BEDFORD, quarterRange('2019-20Q1', '2020-21Q4')));
    expect((await summary(BEDFORD)).period).toMatchObject({ id: '2020-21', kind: 'financial-year' });
  });

  it('for a parent, ends with the latest quarter every child has sent', async () => {
    await load(app, 'police', [
      ...police(BEDFORD, quarterRange('2019-20Q1', '2020-21Q2')),
      ...police(CENTRAL_BEDFORDSHIRE, quarterRange('2019-20Q1', '2020-21Q1')),
      ...police(LUTON, quarterRange('2019-20Q1', '2020-21Q2')),
    ]);
    expect((await summary(BEDFORDSHIRE)).period.id).toBe('R12-2020-21Q1');
  });

  it('keeps a period that was asked for, and says so', async () => {
    await load(app, 'police', police(BEXLEY, quarterRange('2019-20Q1', '2020-21Q2')));
    const body = await summary(BEXLEY, '?period=2019-20Q3');
    expect(body.period.id).toBe('2019-20Q3');
    expect(body.periodChosen).toBe('requested');
  });
});

describe('a quarter against the same quarter a year before', () => {
  // Arrests per 100 crimes (higher is better): 2018-19Q3 20 of 500 = 4.0; 2019-20Q2 10 of 500 =
  // 2.0 (the quarter before, lower still); 2019-20Q3 100 of 500 = 20.0, whose interval is far
  // above 4.0.
  beforeEach(async () => {
    await load(app, 'police', [
      { period: '2018-19Q3', area_code: BEXLEY, crimes: 500, arrests: 20 },
      { period: '2019-20Q2', area_code: BEXLEY, crimes: 500, arrests: 10 },
      { period: '2019-20Q3', area_code: BEXLEY, crimes: 500, arrests: 100 },
    ]);
  });

  it('is carried by values: the same quarter, its label and value, higher and so better', async () => {
    const v = await valueOf(app, 'arrest-rate', BEXLEY, '2019-20Q3');
    expect(v.yearEarlier).toEqual({ period: '2018-19Q3', label: '2018-19 Q3 (Oct–Dec 2018)', value: 4, status: 'ok', level: '95', significance: 'higher', assessment: 'better' });
  });

  it('is carried by the summary too, and is not compared when last year has no figures', async () => {
    expect(entryOf(await summary(BEXLEY, '?period=2019-20Q3'), 'arrest-rate').yearEarlier).toMatchObject({ period: '2018-19Q3', assessment: 'better' });
    expect((await valueOf(app, 'arrest-rate', BEXLEY, '2019-20Q2')).yearEarlier).toMatchObject({ period: '2018-19Q2', value: null, status: 'no-data', significance: 'not-compared' });
  });

  it('keeps higher and lower for an indicator with no judgement', async () => {
    await load(app, 'police', [
      { period: '2018-19Q3', area_code: BEXLEY, incidents: 1000 },
      { period: '2019-20Q3', area_code: BEXLEY, incidents: 600 },
    ]);
    await load(app, 'population', [
      { year: '2018', area_code: BEXLEY, all_ages: 245_000 },
      { year: '2019', area_code: BEXLEY, all_ages: 245_000 },
    ]);
    expect((await valueOf(app, 'da-incident-rate', BEXLEY, '2019-20Q3')).yearEarlier).toMatchObject({ significance: 'lower', assessment: 'lower' });
  });

  it('is null for a year or rolling year', async () => {
    expect((await valueOf(app, 'arrest-rate', BEXLEY, '2019-20')).yearEarlier).toBeNull();
    expect(entryOf(await summary(BEXLEY, '?period=R12-2019-20Q3'), 'arrest-rate').yearEarlier).toBeNull();
  });
});

describe('sparkline points in the summary', () => {
  it('are the same quarter in five years, labelled, with their values; the quarter is not tested for trend', async () => {
    await load(app, 'police', [2016, 2017, 2018, 2019, 2020].map((y, i) => ({ period: `${y}-${String((y + 1) % 100).padStart(2, '0')}Q1`, area_code: BEXLEY, crimes: 500, arrests: 100 + 10 * i })));
    const entry = entryOf(await summary(BEXLEY, '?period=2020-21Q1'), 'arrest-rate');
    expect(entry.sparkline.map((p) => p.period)).toEqual(['2016-17Q1', '2017-18Q1', '2018-19Q1', '2019-20Q1', '2020-21Q1']);
    expect(entry.sparkline[0]).toEqual({ period: '2016-17Q1', label: '2016-17 Q1 (Apr–Jun 2016)', value: 20, status: 'ok' });
    expect(entry.sparkline.map((p) => Math.round(p.value! * 1e9) / 1e9)).toEqual([20, 22, 24, 26, 28]);
    expect(entry.trend.marker).toBe('not-tested');
  });

  it('are years a year apart for a year, with no value where a point is not shown', async () => {
    await load(app, 'police', police(BEXLEY, quarterRange('2019-20Q1', '2020-21Q4'), { crimes: 500, arrests: 100 }));
    const entry = entryOf(await summary(BEXLEY, '?period=2020-21'), 'arrest-rate');
    expect(entry.sparkline.map((p) => [p.period, p.status, p.value])).toEqual([
      ['2016-17', 'no-data', null],
      ['2017-18', 'no-data', null],
      ['2018-19', 'no-data', null],
      ['2019-20', 'ok', 20],
      ['2020-21', 'ok', 20],
    ]);
  });
});

describe('a series of rolling twelve months', () => {
  it('gives at each quarter the twelve months ending with it, and tests the trend over rolling years a year apart', async () => {
    // Five years of quarters, arrests rising by 2 a quarter against 500 crimes.
    const quarters = quarterRange('2016-17Q1', '2020-21Q4');
    await load(app, 'police', quarters.map((period, i) => ({ period, area_code: BEXLEY, crimes: 500, arrests: 100 + 2 * i })));
    const { status, body } = await getAs(app, 'board', `/api/indicators/arrest-rate/series?area=${BEXLEY}&kind=rolling-year&from=2020-21Q1&to=2020-21Q4`);
    expect(status).toBe(200);
    expect(body.kind).toBe('rolling-year');
    expect(body.points.map((p: { period: string }) => p.period)).toEqual(['R12-2020-21Q1', 'R12-2020-21Q2', 'R12-2020-21Q3', 'R12-2020-21Q4']);
    // R12-2020-21Q4 is 2020-21: arrests 132 + 134 + 136 + 138 = 540 of 2,000 crimes.
    expect(body.points[3]).toMatchObject({ label: '12 months to Mar 2021 (Apr 2020–Mar 2021)', numerator: 540, denominator: 2000, value: 27 });
    expect(body.trend).toMatchObject({ marker: 'increasing', judgement: 'getting-better', periods: ['R12-2016-17Q4', 'R12-2017-18Q4', 'R12-2018-19Q4', 'R12-2019-20Q4', 'R12-2020-21Q4'] });
  });

  it('stays quarterly by default, and refuses a kind it does not know', async () => {
    await load(app, 'police', police(BEXLEY, ['2019-20Q3']));
    const quarterly = await getAs(app, 'board', `/api/indicators/arrest-rate/series?area=${BEXLEY}`);
    expect(quarterly.body).toMatchObject({ kind: 'quarter', points: [{ period: '2019-20Q3' }] });
    expect((await getAs(app, 'board', `/api/indicators/arrest-rate/series?area=${BEXLEY}&kind=year`)).status).toBe(400);
  });
});
