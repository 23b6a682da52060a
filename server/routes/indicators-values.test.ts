// Known answers for indicator values: published figures from the strategies in shared/seeds,
// parents summed from their children, aggregate periods, refuge types, numerator terms, the
// MARAC reference and the recent trend. Figures go in through the real upload route.
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

const BEXLEY = 'E09000004';
const LONDON = 'E12000007';
const ENGLAND = 'E92000001';
const BUCKINGHAMSHIRE = 'E06000060';
const BEDFORDSHIRE = 'E23000026';
const BEDFORD = 'E06000055';
const CENTRAL_BEDFORDSHIRE = 'E06000056';
const LUTON = 'E06000032';

/** Rounds as the strategies publish: one decimal place. */
const oneDecimal = (x: number) => Math.round(x * 10) / 10;

describe('Bexley against London, calendar years 2018–2020 (shared/seeds/004, MOPAC figures)', () => {
  // The Bexley strategy's tables "Recorded incidents Bexley compared to London": count, rate per
  // 1,000 and population. 2019 uses the revised count 3,835 (the earlier table says 3,836).
  // Each calendar year Y is 2018-19Q4 … of the financial quarters: Jan–Mar Y, then Apr–Dec Y.
  const published = [
    { year: '2018', quarters: ['2017-18Q4', '2018-19Q1', '2018-19Q2', '2018-19Q3'], incidents: [780, 830, 850, 807], count: 3267, population: 243_831, rate: 13.5, london: { count: 140_902, population: 8_956_600, rate: 15.7 } },
    { year: '2019', quarters: ['2018-19Q4', '2019-20Q1', '2019-20Q2', '2019-20Q3'], incidents: [900, 980, 1000, 955], count: 3835, population: 245_655, rate: 15.6, london: { count: 144_138, population: 9_056_800, rate: 15.9 } },
    { year: '2020', quarters: ['2019-20Q4', '2020-21Q1', '2020-21Q2', '2020-21Q3'], incidents: [950, 1050, 1100, 985], count: 4085, population: 247_444, rate: 16.5, london: { count: 156_193, population: 9_304_000, rate: 16.8 } },
  ];

  beforeEach(async () => {
    await load(app, 'police', published.flatMap((y) => y.quarters.map((period, i) => ({ period, area_code: BEXLEY, incidents: y.incidents[i] }))));
    await load(app, 'population', published.map((y) => ({ year: y.year, area_code: BEXLEY, all_ages: y.population })));
    await load(app, 'benchmark', published.map((y) => ({ indicator: 'da-incident-rate', area_code: LONDON, period: y.year, numerator: y.london.count, denominator: y.london.population, value: y.london.rate, source: 'MOPAC DA dashboard' })));
  });

  it.each(published)('$year: the quarters add up to the published count and rate', async (y) => {
    expect(y.incidents.reduce((a, b) => a + b)).toBe(y.count);
    const v = await valueOf(app, 'da-incident-rate', BEXLEY, y.year);
    expect(v).toMatchObject({ status: 'ok', numerator: y.count, denominator: y.population, source: 'returns' });
    expect(v.value).toBeCloseTo((y.count / y.population) * 1000, 12);
    // The published 2018 rate (13.5) does not follow from its own count and population:
    // 3,267 / 243,831 × 1,000 = 13.399, which rounds to 13.4. 2019 and 2020 agree.
    expect(oneDecimal(v.value)).toBe(y.year === '2018' ? 13.4 : y.rate);
  });

  it.each([
    // Byar's 95% limits for Bexley; London's rate from its imported count and population.
    { year: '2018', lower95: 12.943074811281573, upper95: 13.866114282026738, london: 15.731639238103744, significance: 'lower' },
    { year: '2019', lower95: 15.121101656431605, upper95: 16.11339418122482, london: 15.914892677325325, significance: 'similar' },
    { year: '2020', lower95: 16.006370860924818, upper95: 17.02295935740583, london: 16.787725709372314, significance: 'similar' },
  ])('$year: compared with London imported as its benchmark → $significance', async (c) => {
    const v = await valueOf(app, 'da-incident-rate', BEXLEY, c.year);
    expect(v.lower95).toBeCloseTo(c.lower95, 9);
    expect(v.upper95).toBeCloseTo(c.upper95, 9);
    expect(v.benchmark.area).toBe(LONDON); // a London borough's default benchmark is London
    expect(v.benchmark.status).toBe('ok');
    expect(v.benchmark.value).toBeCloseTo(c.london, 12);
    // Incidents are not judged better or worse, so the assessment keeps the direction.
    expect(v.benchmark).toMatchObject({ significance: c.significance, assessment: c.significance, level: '95' });
  });

  it("London's imported value wins over the sum of its boroughs, and is shown as London's own value", async () => {
    const london = await valueOf(app, 'da-incident-rate', LONDON, '2019');
    expect(london).toMatchObject({ status: 'ok', source: 'imported', numerator: 144_138, denominator: 9_056_800 });
    expect(oneDecimal(london.value)).toBe(15.9);
  });

  it('without an imported value London is incomplete (32 boroughs have sent nothing), so there is no comparison', async () => {
    const v = await valueOf(app, 'da-incident-rate', BEXLEY, '2019-20Q1');
    expect(v.status).toBe('ok');
    expect(v.benchmark).toMatchObject({ area: LONDON, status: 'incomplete', value: null, significance: 'not-compared', assessment: 'not-compared' });
    expect(v.benchmark.note).toMatch(/^Not compared: London \(E12000007\) is summed from its areas, and .*City of London.* have no figures for 2019-20 Q1/);
  });

  it('England can be chosen as the benchmark; with nothing imported for England it is not compared', async () => {
    const v = await valueOf(app, 'da-incident-rate', BEXLEY, '2019', `&benchmark=${ENGLAND}`);
    expect(v.benchmark).toMatchObject({ area: ENGLAND, status: 'no-data', significance: 'not-compared' });
    // …and says which figures would make the comparison.
    expect(v.benchmark.note).toBe(
      'Not compared: no figures for England (E92000001) for calendar year 2019 are held. An analyst can load its published figures as a benchmark return (indicator, area_code, period, numerator, denominator, value, source).',
    );
  });
});

describe('Buckinghamshire 2020-21 (shared/seeds/000): 25% repeat perpetrators', () => {
  it('803 of 3,212 perpetrators is 25.0% with its Wilson interval', async () => {
    // Each quarter's distinct suspects add up to more than the year's 3,212: people are counted
    // once, from the force's twelve-month count at Q4, never summed over quarters.
    const perpetrators = [980, 1000, 1010, 1002];
    const repeat = [260, 255, 270, 266];
    await load(
      app,
      'police',
      ['2020-21Q1', '2020-21Q2', '2020-21Q3', '2020-21Q4'].map((period, i) => ({
        period,
        area_code: BUCKINGHAMSHIRE,
        perpetrators: perpetrators[i],
        repeat_perpetrators: repeat[i],
        perpetrators_12m: i === 3 ? 3212 : 3100,
        repeat_perpetrators_12m: i === 3 ? 803 : 780,
      })),
    );
    const v = await valueOf(app, 'repeat-perpetrator-rate', BUCKINGHAMSHIRE, '2020-21');
    expect(v).toMatchObject({ status: 'ok', numerator: 803, denominator: 3212, value: 25 });
    // (2O + z² ± z√(z² + 4O(1 − O/n))) / (2(n + z²)) × 100 with O = 803, n = 3,212.
    expect(v.lower95).toBeCloseTo(23.532980549810652, 9);
    expect(v.upper95).toBeCloseTo(26.526746567802018, 9);
    expect(v.lower998).toBeCloseTo(22.71540069171557, 9);
    expect(v.upper998).toBeCloseTo(27.432812700632443, 9);
    expect(v.benchmark).toMatchObject({ area: 'E23000029', status: 'incomplete' }); // Thames Valley: eight authorities missing
  });
});

describe("Bexley 2019/20 children's social care (shared/seeds/004, on the Children in Need census base)", () => {
  // "MASH received 13,293 contacts, of which 17.3% (2,294) cited domestic abuse"; "completed
  // 3,023 assessments … 32.5% (983) identified domestic abuse as a factor".
  const quarters = ['2019-20Q1', '2019-20Q2', '2019-20Q3', '2019-20Q4'];
  const split = (total: number) => [0, 1, 2, 3].map((i) => Math.floor(total / 4) + (i < total % 4 ? 1 : 0));
  it('reproduces the published contact and assessment shares from quarters that add up to them', async () => {
    const contacts = split(13293);
    const contactsDa = split(2294);
    const assessments = split(3023);
    const assessmentsDa = split(983);
    await load(app, 'csc', quarters.map((period, i) => ({ period, area_code: BEXLEY, contacts: contacts[i], contacts_da: contactsDa[i], assessments: assessments[i], assessments_da: assessmentsDa[i] })));
    expect(oneDecimal((await valueOf(app, 'csc-contacts-da-pct', BEXLEY, '2019-20')).value)).toBe(17.3);
    expect(oneDecimal((await valueOf(app, 'csc-assessments-da-pct', BEXLEY, '2019-20')).value)).toBe(32.5);
    expect(await valueOf(app, 'csc-referrals-da-pct', BEXLEY, '2019-20')).toMatchObject({ status: 'ok', numerator: 1000, denominator: 3200 });
  });
});

describe('parents computed from their children', () => {
  const q = '2019-20Q1';
  const incidents = (area: string, n: number, childPresent: number) => ({ period: q, area_code: area, incidents: n, incidents_child_present: childPresent });

  it('a parent with a child missing is incomplete and names the child; with every child it is the sum', async () => {
    await load(app, 'police', [incidents(BEDFORD, 400, 100), incidents(CENTRAL_BEDFORDSHIRE, 500, 150)]);
    expect(await valueOf(app, 'child-present-pct', BEDFORDSHIRE, q)).toMatchObject({ status: 'incomplete', numerator: null, value: null, missing: [LUTON] });

    await load(app, 'police', [incidents(LUTON, 600, 200)]);
    const v = await valueOf(app, 'child-present-pct', BEDFORDSHIRE, q);
    expect(v).toMatchObject({ status: 'ok', source: 'computed', numerator: 450, denominator: 1500, value: 30 });
  });

  it('sums population too, so a parent rate is the children’s incidents over the children’s residents', async () => {
    await load(app, 'police', [incidents(BEDFORD, 400, 100), incidents(CENTRAL_BEDFORDSHIRE, 500, 150), incidents(LUTON, 600, 200)]);
    await load(app, 'population', [
      { year: '2019', area_code: BEDFORD, all_ages: 173_000 },
      { year: '2019', area_code: CENTRAL_BEDFORDSHIRE, all_ages: 288_000 },
      { year: '2019', area_code: LUTON, all_ages: 213_000 },
    ]);
    const v = await valueOf(app, 'da-incident-rate', BEDFORDSHIRE, q);
    expect(v).toMatchObject({ status: 'ok', numerator: 1500, denominator: 674_000 });
    expect(v.value).toBeCloseTo((1500 / 674_000) * 1000, 12);
  });

  it('an imported published value wins over the computed one', async () => {
    await load(app, 'police', [incidents(BEDFORD, 400, 100), incidents(CENTRAL_BEDFORDSHIRE, 500, 150), incidents(LUTON, 600, 200)]);
    await load(app, 'benchmark', [{ indicator: 'child-present-pct', area_code: BEDFORDSHIRE, period: q, numerator: 460, denominator: 1520, value: '', source: 'Force dashboard' }]);
    const v = await valueOf(app, 'child-present-pct', BEDFORDSHIRE, q);
    expect(v).toMatchObject({ status: 'ok', source: 'imported', numerator: 460, denominator: 1520 });
    expect(v.value).toBeCloseTo((460 / 1520) * 100, 12);
  });

  it('a value published without its counts is shown as published, with no interval', async () => {
    await load(app, 'benchmark', [{ indicator: 'da-incident-rate', area_code: ENGLAND, period: '2019', numerator: '', denominator: '', value: '14.2', source: 'ONS' }]);
    expect(await valueOf(app, 'da-incident-rate', ENGLAND, '2019')).toMatchObject({ status: 'ok', source: 'imported', value: 14.2, numerator: null, lower95: null, benchmark: null });
  });
});

describe('aggregate periods', () => {
  const quarters = ['2019-20Q1', '2019-20Q2', '2019-20Q3', '2019-20Q4'];

  it('a year with a quarter missing is incomplete, never a smaller sum; with all four it is the sum', async () => {
    await load(app, 'police', quarters.slice(0, 3).map((period) => ({ period, area_code: BEXLEY, charges: 70, crimes: 550 })));
    expect(await valueOf(app, 'charge-rate', BEXLEY, '2019-20')).toMatchObject({ status: 'incomplete', numerator: null, value: null, missing: ['2019-20Q4'] });
    await load(app, 'police', [{ period: '2019-20Q4', area_code: BEXLEY, charges: 90, crimes: 450 }]);
    expect(await valueOf(app, 'charge-rate', BEXLEY, '2019-20')).toMatchObject({ status: 'ok', numerator: 300, denominator: 2100 });
  });

  it('a quarter whose cell was left blank makes the year incomplete too', async () => {
    await load(app, 'police', quarters.map((period, i) => ({ period, area_code: BEXLEY, charges: i === 2 ? '' : 70 })));
    expect(await valueOf(app, 'charge-rate', BEXLEY, '2019-20Q3')).toMatchObject({ status: 'no-data' });
    expect(await valueOf(app, 'charge-rate', BEXLEY, '2019-20')).toMatchObject({ status: 'incomplete', missing: ['2019-20Q3'] });
  });

  it('calendar and rolling years are their own four quarters', async () => {
    const all = ['2018-19Q4', ...quarters, '2020-21Q1'];
    await load(app, 'police', all.map((period, i) => ({ period, area_code: BEXLEY, charges: 10 * (i + 1), crimes: 500 })));
    // 2019 = 2018-19Q4 + 2019-20Q1..Q3: 10 + 20 + 30 + 40; R12-2020-21Q1 = 2019-20Q2..2020-21Q1: 30 + 40 + 50 + 60.
    expect(await valueOf(app, 'charge-rate', BEXLEY, '2019')).toMatchObject({ status: 'ok', numerator: 100, denominator: 2000 });
    expect(await valueOf(app, 'charge-rate', BEXLEY, 'R12-2020-21Q1')).toMatchObject({ status: 'ok', numerator: 180, denominator: 2000 });
  });

  it('a population rate uses one mid-year estimate for the period, not one per quarter', async () => {
    await load(app, 'police', quarters.map((period) => ({ period, area_code: BEXLEY, incidents: 1000 })));
    await load(app, 'population', [{ year: '2019', area_code: BEXLEY, all_ages: 250_000 }]);
    // A quarter's rate is that quarter's incidents per 1,000 residents (not annualised).
    expect(await valueOf(app, 'da-incident-rate', BEXLEY, '2019-20Q2')).toMatchObject({ numerator: 1000, denominator: 250_000, value: 4 });
    expect(await valueOf(app, 'da-incident-rate', BEXLEY, '2019-20')).toMatchObject({ numerator: 4000, denominator: 250_000, value: 16 });
  });

  it('a zero denominator, or no population, is no data', async () => {
    await load(app, 'police', [{ period: '2019-20Q1', area_code: BEXLEY, crimes: 0, charges: 0, arrests: 0 }]);
    expect(await valueOf(app, 'charge-rate', BEXLEY, '2019-20Q1')).toMatchObject({ status: 'no-data', numerator: 0, denominator: 0, value: null });
    expect(await valueOf(app, 'da-incident-rate', BEXLEY, '2019-20Q1')).toMatchObject({ status: 'no-data', value: null });
  });
});

describe('refuge accommodation types and numerator terms', () => {
  it('sums refuge figures over accommodation types unless one type is asked for', async () => {
    await load(app, 'refuge', [
      { accommodation_type: 'refuge', unit_nights_available: 1840, unit_nights_occupied: 1600 },
      { accommodation_type: 'dispersed', units: 10, unit_nights_available: 900, unit_nights_occupied: 800 },
    ]);
    const all = await valueOf(app, 'refuge-occupancy', BEXLEY, '2019-20Q3');
    expect(all).toMatchObject({ status: 'ok', numerator: 2400, denominator: 2740 });
    expect(await valueOf(app, 'refuge-occupancy', BEXLEY, '2019-20Q3', '&accommodationType=dispersed')).toMatchObject({ status: 'ok', numerator: 800, denominator: 900 });
    // A type the area did not return that quarter is none of that accommodation: 0 of 0.
    expect(await valueOf(app, 'refuge-occupancy', BEXLEY, '2019-20Q3', '&accommodationType=second_stage')).toMatchObject({ status: 'no-data', numerator: 0, denominator: 0 });
  });

  it.each([
    { dvpo: 15, dapo: 3, numerator: 18, status: 'ok' },
    { dvpo: 15, dapo: '', numerator: 15, status: 'ok' },
    { dvpo: '', dapo: 6, numerator: 6, status: 'ok' },
    { dvpo: '', dapo: '', numerator: null, status: 'no-data' },
  ])('protection orders: dvpo $dvpo + dapo $dapo → $numerator', async ({ dvpo, dapo, numerator, status }) => {
    await load(app, 'police', [{ crimes: 550, dvpo_granted: dvpo, dapo_granted: dapo }]);
    const v = await valueOf(app, 'protection-order-rate', BEXLEY, '2019-20Q3');
    expect(v).toMatchObject({ status, numerator });
    if (numerator !== null) expect(v.value).toBeCloseTo((numerator / 550) * 100, 12);
  });
});

describe('the MARAC references (SafeLives)', () => {
  const quarters = ['2019-20Q1', '2019-20Q2', '2019-20Q3', '2019-20Q4'];

  async function summaryEntry(period: string, id: string) {
    const { body } = await getAs(app, 'board', `/api/areas/${BEXLEY}/summary?period=${period}`);
    return body.aims.flatMap((a: { indicators: unknown[] }) => a.indicators).find((i: { indicator: { id: string } }) => i.indicator.id === id);
  }

  it('scales 40 cases a year per 10,000 women to 10 for a quarter and 40 for a year', async () => {
    // 101,000 women: 100 cases in a quarter is 9.9 per 10,000 (below 10); 408 in the year is 40.4.
    await load(app, 'population', [{ year: '2019', area_code: BEXLEY, females_16_plus: 101_000 }]);
    await load(app, 'marac', quarters.map((period, i) => ({ period, cases_discussed: i === 0 ? 100 : 102 + (i === 3 ? 2 : 0), referrals_other: i === 0 ? 5 : 7 + (i === 3 ? 2 : 0) })));
    const quarter = await summaryEntry('2019-20Q1', 'marac-case-rate');
    expect(quarter.reference).toMatchObject({ low: 10, high: null, scale: 0.25, comparison: 'below' });
    const year = await summaryEntry('2019-20', 'marac-case-rate');
    expect(year.value.numerator).toBe(408);
    expect(year.reference).toMatchObject({ low: 40, high: null, scale: 1, comparison: 'within' });
  });

  it.each([
    { repeat: 20, comparison: 'below' },
    { repeat: 28, comparison: 'within' },
    { repeat: 40, comparison: 'within' },
    { repeat: 45, comparison: 'above' },
  ])('repeat cases $repeat% against 28–40% → $comparison (not scaled)', async ({ repeat, comparison }) => {
    await load(app, 'marac', [{ period: '2019-20Q1', repeat_cases: repeat }]);
    const entry = await summaryEntry('2019-20Q1', 'marac-repeat-rate');
    expect(entry.reference).toMatchObject({ low: 28, high: 40, scale: 1, comparison });
  });
});

describe('recent trend over five comparable points', () => {
  it('does not test a rise over five quarters: quarterly figures are seasonal', async () => {
    const quarters = ['2019-20Q1', '2019-20Q2', '2019-20Q3', '2019-20Q4', '2020-21Q1'];
    await load(app, 'police', quarters.map((period, i) => ({ period, area_code: BEXLEY, victims: 600, repeat_victims: 100 + 30 * i })));
    const { body } = await getAs(app, 'board', `/api/indicators/repeat-victim-rate/series?area=${BEXLEY}`);
    expect(body.points.map((p: { period: string }) => p.period)).toEqual(quarters);
    expect(body.trend).toMatchObject({ marker: 'not-tested', judgement: 'not-tested', chiSquared: null });
    expect(body.trend.reason).toMatch(/seasonal/);
  });

  it('cannot calculate a trend over years with a quarter missing among them', async () => {
    const years = [2016, 2017, 2018, 2019, 2020];
    const quarters = years.flatMap((y) => [1, 2, 3, 4].map((q) => `${y}-${String((y + 1) % 100).padStart(2, '0')}Q${q}`)).filter((q) => q !== '2018-19Q3');
    await load(app, 'police', quarters.map((period, i) => ({ period, area_code: BEXLEY, crimes: 500, arrests: 100 + 5 * i })));
    const { body } = await getAs(app, 'board', `/api/areas/${BEXLEY}/summary?period=2020-21`);
    const entry = body.aims.flatMap((a: { indicators: unknown[] }) => a.indicators).find((i: { indicator: { id: string } }) => i.indicator.id === 'arrest-rate');
    expect(entry.trend).toMatchObject({ marker: 'cannot-be-calculated', reason: 'missing data in the 5 most recent points', periods: ['2016-17', '2017-18', '2018-19', '2019-20', '2020-21'] });
  });

  it('steps financial years by a year', async () => {
    const years = [2016, 2017, 2018, 2019, 2020];
    await load(app, 'police', years.flatMap((y, i) => [1, 2, 3, 4].map((q) => ({ period: `${y}-${String((y + 1) % 100).padStart(2, '0')}Q${q}`, area_code: BEXLEY, crimes: 500, arrests: 100 + 20 * i }))));
    const { body } = await getAs(app, 'board', `/api/areas/${BEXLEY}/summary?period=2020-21`);
    const entry = body.aims.flatMap((a: { indicators: unknown[] }) => a.indicators).find((i: { indicator: { id: string } }) => i.indicator.id === 'arrest-rate');
    expect(entry.trend).toMatchObject({ marker: 'increasing', judgement: 'getting-better', periods: ['2016-17', '2017-18', '2018-19', '2019-20', '2020-21'] });
  });
});
