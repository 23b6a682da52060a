// Disclosure control (DOMAIN.md section 8) through the API: small counts hidden from board
// members, zero shown, indicators suppressed with their counts, and totals that would give a
// hidden count back by subtraction (secondary suppression). Analysts see everything.
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp } from '../test/helpers';
import { getAs, load, valueOf } from './indicators.test-support';

let app: FastifyInstance;
beforeEach(async () => {
  app = await buildTestApp();
});
afterEach(async () => {
  await app.close();
});

const BEDFORDSHIRE = 'E23000026';
const BEDFORD = 'E06000055';
const CENTRAL_BEDFORDSHIRE = 'E06000056';
const LUTON = 'E06000032';
const YEAR = ['2019-20Q1', '2019-20Q2', '2019-20Q3', '2019-20Q4'];

const SUPPRESSED = { status: 'suppressed', numerator: null, denominator: null, value: null, lower95: null, upper95: null, lower998: null, upper998: null };

describe('small counts', () => {
  it.each([
    { charges: 0, status: 'ok' },
    { charges: 1, status: 'suppressed' },
    { charges: 4, status: 'suppressed' },
    { charges: 5, status: 'ok' },
  ])('charges $charges of 550 crimes → $status', async ({ charges, status }) => {
    await load(app, 'police', [{ area_code: BEDFORD, charges, crimes: 550 }]);
    const v = await valueOf(app, 'charge-rate', BEDFORD, '2019-20Q3');
    if (status === 'suppressed') expect(v).toMatchObject(SUPPRESSED);
    else expect(v).toMatchObject({ status: 'ok', numerator: charges, denominator: 550, value: (charges / 550) * 100 });
  });

  it('suppresses an indicator whose denominator is small, and every indicator sharing that count', async () => {
    await load(app, 'police', [{ area_code: BEDFORD, crimes: 3, arrests: 2, charges: 0 }]);
    expect(await valueOf(app, 'arrest-rate', BEDFORD, '2019-20Q3')).toMatchObject(SUPPRESSED);
    expect(await valueOf(app, 'charge-rate', BEDFORD, '2019-20Q3')).toMatchObject(SUPPRESSED);
    // Crimes are also the numerator of the crime rate: hidden there too, though population is public.
    await load(app, 'population', [{ year: '2019', area_code: BEDFORD }]);
    expect(await valueOf(app, 'da-crime-rate', BEDFORD, '2019-20Q3')).toMatchObject(SUPPRESSED);
  });

  it('does not suppress population denominators', async () => {
    await load(app, 'police', [{ area_code: BEDFORD, dvds_applications: 40 }]);
    await load(app, 'population', [{ year: '2019', area_code: BEDFORD, all_ages: 3 }]);
    expect(await valueOf(app, 'dvds-application-rate', BEDFORD, '2019-20Q3')).toMatchObject({ status: 'ok', numerator: 40, denominator: 3 });
  });

  it('hides the benchmark comparison and the trend behind a suppressed value', async () => {
    // Charges in 2019-20: 2 in Q3 and none in the other quarters, so the year's 2 is small.
    await load(app, 'police', YEAR.map((period) => ({ period, area_code: BEDFORD, charges: period === '2019-20Q3' ? 2 : 0 })));
    const v = await valueOf(app, 'charge-rate', BEDFORD, '2019-20Q3');
    expect(v.benchmark).toMatchObject({ area: BEDFORDSHIRE, significance: 'not-compared', assessment: 'not-compared' });
    const { body } = await getAs(app, 'board', `/api/indicators/charge-rate/series?area=${BEDFORD}&kind=rolling-year`);
    expect(body.points.at(-1)).toMatchObject({ period: 'R12-2019-20Q4', status: 'suppressed' });
    expect(body.trend).toMatchObject({ marker: 'cannot-be-calculated', reason: 'a point is suppressed (small numbers)' });
  });

  it('shows analysts and administrators everything, and says which view a response is', async () => {
    await load(app, 'police', [{ area_code: BEDFORD, charges: 2, crimes: 550 }]);
    for (const role of ['analyst', 'admin'] as const) {
      expect(await valueOf(app, 'charge-rate', BEDFORD, '2019-20Q3', '', role)).toMatchObject({ status: 'ok', numerator: 2, denominator: 550 });
    }
    const board = await getAs(app, 'board', `/api/indicators/charge-rate/compare?parent=${BEDFORDSHIRE}&period=2019-20Q3`);
    expect(board.body.disclosure).toEqual({ view: 'suppressed', threshold: 5 });
    const analyst = await getAs(app, 'analyst', `/api/indicators/charge-rate/compare?parent=${BEDFORDSHIRE}&period=2019-20Q3`);
    expect(analyst.body.disclosure).toEqual({ view: 'unsuppressed', threshold: 5 });
  });
});

describe('secondary suppression: totals that would give a hidden count back', () => {
  it('suppresses a year when exactly one quarter is hidden and the other three are shown', async () => {
    // 12 + 3 + 15 + 10 = 40: the year less the three shown quarters is the hidden 3.
    await load(app, 'police', YEAR.map((period, i) => ({ period, area_code: BEDFORD, crimes: 550, charges: [12, 3, 15, 10][i] })));
    expect(await valueOf(app, 'charge-rate', BEDFORD, '2019-20Q1')).toMatchObject({ status: 'ok', numerator: 12 });
    expect(await valueOf(app, 'charge-rate', BEDFORD, '2019-20Q2')).toMatchObject(SUPPRESSED);
    expect(await valueOf(app, 'charge-rate', BEDFORD, '2019-20')).toMatchObject(SUPPRESSED);
    // So is the calendar year 2019 (2018-19Q4 is missing, so it is incomplete before that) and
    // every rolling year holding the hidden quarter with three shown ones.
    await load(app, 'police', [{ period: '2018-19Q4', area_code: BEDFORD, crimes: 550, charges: 20 }]);
    expect(await valueOf(app, 'charge-rate', BEDFORD, '2019')).toMatchObject(SUPPRESSED);
    expect(await valueOf(app, 'charge-rate', BEDFORD, 'R12-2019-20Q3')).toMatchObject(SUPPRESSED);
  });

  it('shows the year when two quarters are hidden: it gives only their sum', async () => {
    await load(app, 'police', YEAR.map((period, i) => ({ period, area_code: BEDFORD, crimes: 550, charges: [12, 3, 15, 4][i] })));
    expect(await valueOf(app, 'charge-rate', BEDFORD, '2019-20')).toMatchObject({ status: 'ok', numerator: 34, denominator: 2200 });
  });

  it('suppresses a parent when exactly one child is hidden and the others are shown', async () => {
    const q = '2019-20Q1';
    await load(app, 'police', [
      { period: q, area_code: BEDFORD, crimes: 550, charges: 3 },
      { period: q, area_code: CENTRAL_BEDFORDSHIRE, crimes: 600, charges: 50 },
      { period: q, area_code: LUTON, crimes: 700, charges: 60 },
    ]);
    expect(await valueOf(app, 'charge-rate', BEDFORDSHIRE, q)).toMatchObject(SUPPRESSED);
    // In the comparison of the children the parent is hidden along with Bedford.
    const { body } = await getAs(app, 'board', `/api/indicators/charge-rate/compare?parent=${BEDFORDSHIRE}&period=${q}`);
    expect(body.parent).toMatchObject(SUPPRESSED);
    expect(body.areas.map((a: { status: string }) => a.status)).toEqual(['suppressed', 'ok', 'ok']);
    expect(body.areas[1].benchmark).toMatchObject({ status: 'suppressed', value: null, significance: 'not-compared' });
    // Analysts see the sum.
    expect(await valueOf(app, 'charge-rate', BEDFORDSHIRE, q, '', 'analyst')).toMatchObject({ status: 'ok', numerator: 113 });
  });

  it('shows a parent with two hidden children (3 + 2 = 5 is not either of them)', async () => {
    const q = '2019-20Q1';
    await load(app, 'police', [
      { period: q, area_code: BEDFORD, crimes: 550, charges: 3 },
      { period: q, area_code: CENTRAL_BEDFORDSHIRE, crimes: 600, charges: 50 },
      { period: q, area_code: LUTON, crimes: 700, charges: 2 },
    ]);
    expect(await valueOf(app, 'charge-rate', BEDFORDSHIRE, q)).toMatchObject({ status: 'ok', numerator: 55, denominator: 1850 });
  });

  it("cascades: one hidden quarter in one child hides that child's year, the parent's quarter and the parent's year", async () => {
    const rows = [BEDFORD, CENTRAL_BEDFORDSHIRE, LUTON].flatMap((area) =>
      YEAR.map((period, i) => ({ period, area_code: area, crimes: 550, charges: area === BEDFORD && i === 1 ? 3 : 40 })),
    );
    await load(app, 'police', rows);
    expect(await valueOf(app, 'charge-rate', BEDFORD, '2019-20')).toMatchObject(SUPPRESSED);
    expect(await valueOf(app, 'charge-rate', BEDFORDSHIRE, '2019-20Q2')).toMatchObject(SUPPRESSED);
    expect(await valueOf(app, 'charge-rate', BEDFORDSHIRE, '2019-20')).toMatchObject(SUPPRESSED);
    expect(await valueOf(app, 'charge-rate', BEDFORDSHIRE, '2019-20Q1')).toMatchObject({ status: 'ok', numerator: 120 });
  });

  it('suppresses an imported total that, less the shown children, gives a hidden child back', async () => {
    const q = '2019-20Q1';
    await load(app, 'police', [
      { period: q, area_code: BEDFORD, crimes: 550, charges: 3 },
      { period: q, area_code: CENTRAL_BEDFORDSHIRE, crimes: 600, charges: 50 },
      { period: q, area_code: LUTON, crimes: 700, charges: 60 },
    ]);
    await load(app, 'benchmark', [{ indicator: 'charge-rate', area_code: BEDFORDSHIRE, period: q, numerator: 113, denominator: 1850, value: '', source: 'Force' }]);
    expect(await valueOf(app, 'charge-rate', BEDFORDSHIRE, q)).toMatchObject({ ...SUPPRESSED, source: 'imported' });
  });

  it('suppresses the refuge total when exactly one accommodation type is hidden', async () => {
    await load(app, 'refuge', [
      { accommodation_type: 'refuge', departures: 7, departures_planned_move_on: 5 },
      { accommodation_type: 'dispersed', units: 10, unit_nights_available: 900, unit_nights_occupied: 800, departures: 10, departures_planned_move_on: 2, households_accommodated: 8 },
    ]);
    expect(await valueOf(app, 'refuge-planned-move-on-pct', 'E09000004', '2019-20Q3', '&accommodationType=refuge')).toMatchObject({ status: 'ok', numerator: 5, denominator: 7 });
    expect(await valueOf(app, 'refuge-planned-move-on-pct', 'E09000004', '2019-20Q3', '&accommodationType=dispersed')).toMatchObject(SUPPRESSED);
    expect(await valueOf(app, 'refuge-planned-move-on-pct', 'E09000004', '2019-20Q3')).toMatchObject(SUPPRESSED);
  });
});
