// Disclosure control (DOMAIN.md section 8) through the API: small counts hidden from board
// members, zero shown, indicators suppressed with their counts, and totals that would give a
// hidden count back by subtraction or a solver (closed sums: a total is shown only if every
// cell below it could be), complements of numerators. Analysts see everything.
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

describe('closed sums: a total is shown only if every cell it adds up could be', () => {
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

  it('hides the year when two quarters are hidden: their sum, with rolling years beside it, could pin each', async () => {
    await load(app, 'police', YEAR.map((period, i) => ({ period, area_code: BEDFORD, crimes: 550, charges: [12, 3, 15, 4][i] })));
    expect(await valueOf(app, 'charge-rate', BEDFORD, '2019-20')).toMatchObject(SUPPRESSED);
    expect(await valueOf(app, 'charge-rate', BEDFORD, '2019-20', '', 'analyst')).toMatchObject({ status: 'ok', numerator: 34, denominator: 2200 });
  });

  it('hides a year of 16 whose four quarters are each 4: bounds alone would pin every quarter', async () => {
    await load(app, 'police', YEAR.map((period) => ({ period, area_code: BEDFORD, crimes: 550, charges: 4 })));
    expect(await valueOf(app, 'charge-rate', BEDFORD, '2019-20')).toMatchObject(SUPPRESSED);
  });

  it('hides the rolling years that hold a hidden quarter, so R12(t) − R12(t−1) + Q(t−4) gives nothing back', async () => {
    const quarters = ['2018-19Q1', '2018-19Q2', '2018-19Q3', '2018-19Q4', ...YEAR];
    await load(app, 'police', quarters.map((period) => ({ period, area_code: BEDFORD, crimes: 550, charges: period === '2019-20Q2' ? 2 : 30 })));
    const shown = [];
    for (const q of quarters.slice(3)) shown.push([q, (await valueOf(app, 'charge-rate', BEDFORD, `R12-${q}`)).status]);
    expect(Object.fromEntries(shown)).toEqual({
      '2018-19Q4': 'ok',
      '2019-20Q1': 'ok',
      '2019-20Q2': 'suppressed',
      '2019-20Q3': 'suppressed',
      '2019-20Q4': 'suppressed',
    });
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

  it('hides a parent with two hidden children (3 + 2 = 5: each child is pinned to a few values)', async () => {
    const q = '2019-20Q1';
    await load(app, 'police', [
      { period: q, area_code: BEDFORD, crimes: 550, charges: 3 },
      { period: q, area_code: CENTRAL_BEDFORDSHIRE, crimes: 600, charges: 50 },
      { period: q, area_code: LUTON, crimes: 700, charges: 2 },
    ]);
    expect(await valueOf(app, 'charge-rate', BEDFORDSHIRE, q)).toMatchObject(SUPPRESSED);
    expect(await valueOf(app, 'charge-rate', BEDFORDSHIRE, q, '', 'analyst')).toMatchObject({ status: 'ok', numerator: 55, denominator: 1850 });
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

  it('suppresses the refuge total when an accommodation type is hidden', async () => {
    await load(app, 'refuge', [
      { accommodation_type: 'refuge', departures: 7, departures_planned_move_on: 5 },
      { accommodation_type: 'dispersed', units: 10, unit_nights_available: 900, unit_nights_occupied: 800, departures: 10, departures_planned_move_on: 2, households_accommodated: 8 },
    ]);
    // 5 of 7 leaves 2 departures not to planned move-on: the complement is small, so hidden too.
    expect(await valueOf(app, 'refuge-planned-move-on-pct', 'E09000004', '2019-20Q3', '&accommodationType=refuge')).toMatchObject(SUPPRESSED);
    expect(await valueOf(app, 'refuge-planned-move-on-pct', 'E09000004', '2019-20Q3', '&accommodationType=dispersed')).toMatchObject(SUPPRESSED);
    expect(await valueOf(app, 'refuge-planned-move-on-pct', 'E09000004', '2019-20Q3')).toMatchObject(SUPPRESSED);
  });
});

describe('complements: denominator − numerator is a count too', () => {
  it('hides 597 repeat victims of 600 (3 victims were not repeats)', async () => {
    await load(app, 'police', YEAR.map((period, i) => ({ period, area_code: BEDFORD, victims: 600, repeat_victims: i === 2 ? 597 : 400 })));
    expect(await valueOf(app, 'repeat-victim-rate', BEDFORD, '2019-20Q3')).toMatchObject(SUPPRESSED);
    expect(await valueOf(app, 'repeat-victim-rate', BEDFORD, '2019-20Q2')).toMatchObject({ status: 'ok', numerator: 400, denominator: 600 });
    expect(await valueOf(app, 'repeat-victim-rate', BEDFORD, '2019-20Q3', '', 'analyst')).toMatchObject({ status: 'ok', numerator: 597 });
  });

  it('hides every year holding a quarter whose complement is small (997 of 1,000 incidents with a child present)', async () => {
    await load(app, 'police', YEAR.map((period, i) => ({ period, area_code: BEDFORD, incidents: 1000, incidents_child_present: i === 0 ? 997 : 250 })));
    expect(await valueOf(app, 'child-present-pct', BEDFORD, '2019-20Q1')).toMatchObject(SUPPRESSED);
    expect(await valueOf(app, 'child-present-pct', BEDFORD, '2019-20')).toMatchObject(SUPPRESSED);
    expect(await valueOf(app, 'child-present-pct', BEDFORD, '2019-20', '', 'analyst')).toMatchObject({ status: 'ok', numerator: 1747, denominator: 4000 });
  });

  it('does not apply to a numerator that is not part of its denominator (arrests per 100 crimes)', async () => {
    await load(app, 'police', [{ area_code: BEDFORD, crimes: 100, arrests: 98 }]);
    expect(await valueOf(app, 'arrest-rate', BEDFORD, '2019-20Q3')).toMatchObject({ status: 'ok', numerator: 98, denominator: 100 });
  });
});
