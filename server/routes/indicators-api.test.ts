// The shapes of the read API (catalogue, register, values, series, compare, summary), who may
// call it, and the clear 400/404 for everything a user can get wrong.
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { INDICATORS, STRATEGY_AIMS } from '../../schemas/indicators';
import { buildTestApp } from '../test/helpers';
import { getAs, load, signIn } from './indicators.test-support';

let app: FastifyInstance;
beforeEach(async () => {
  app = await buildTestApp();
});
afterEach(async () => {
  await app.close();
});

const BEXLEY = 'E09000004';
const LONDON = 'E12000007';
const THAMES_VALLEY = 'E23000029';
const VALUE_FIELDS = ['area', 'period', 'numerator', 'denominator', 'value', 'lower95', 'upper95', 'lower998', 'upper998', 'status', 'benchmark'];

describe('catalogue and register', () => {
  it('lists every indicator with its aim title, to anyone signed in', async () => {
    expect((await app.inject({ url: '/api/indicators' })).statusCode).toBe(401);
    const response = await app.inject({ url: '/api/indicators', headers: await signIn(app, 'partner') });
    expect(response.statusCode).toBe(200);
    const { indicators } = response.json();
    expect(indicators.map((i: { id: string }) => i.id)).toEqual(INDICATORS.map((i) => i.id));
    expect(indicators.find((i: { id: string }) => i.id === 'marac-case-rate')).toMatchObject({
      aim: 'safety-of-victims',
      aimTitle: STRATEGY_AIMS['safety-of-victims'],
      denominator: { kind: 'population', group: 'females_16_plus' },
      multiplier: 10_000,
      reference: { low: 40, perYear: true },
    });
  });

  it('lists the areas with their benchmark choices and children', async () => {
    const { areas } = (await app.inject({ url: '/api/areas', headers: await signIn(app, 'board') })).json();
    const byCode = new Map(areas.map((a: { code: string }) => [a.code, a]));
    expect(byCode.get(BEXLEY)).toMatchObject({ name: 'Bexley', defaultBenchmark: LONDON, benchmarkChoices: [LONDON, 'E23000001', 'E92000001'], children: [] });
    expect(byCode.get('E06000060')).toMatchObject({ defaultBenchmark: THAMES_VALLEY, benchmarkChoices: [THAMES_VALLEY, 'E92000001'] });
    expect(byCode.get('E92000001')).toMatchObject({ defaultBenchmark: null, benchmarkChoices: [] });
    expect((byCode.get(THAMES_VALLEY) as { children: string[] }).children).toHaveLength(9);
  });

  it('publishes the response schemas as OpenAPI components', async () => {
    const doc = (await app.inject({ url: '/api/docs/json', headers: await signIn(app, 'board') })).json();
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/indicators/{id}/values', '/api/indicators/{id}/series', '/api/indicators/{id}/compare', '/api/areas/{code}/summary', '/api/areas']));
    expect(Object.keys(doc.components.schemas)).toEqual(expect.arrayContaining(['IndicatorValues', 'IndicatorValue', 'BenchmarkComparison', 'AreaSummary', 'AreaComparison', 'IndicatorSeries']));
  });
});

describe('who may read values', () => {
  it('asks anonymous callers to sign in and refuses partners', async () => {
    expect((await app.inject({ url: `/api/indicators/da-incident-rate/values?area=${BEXLEY}&period=2019` })).statusCode).toBe(401);
    expect((await getAs(app, 'partner', `/api/indicators/da-incident-rate/values?area=${BEXLEY}&period=2019`)).status).toBe(403);
  });
});

describe('shapes', () => {
  beforeEach(async () => {
    await load(app, 'police', [
      { period: '2019-20Q3', area_code: BEXLEY, incidents: 1000 },
      { period: '2019-20Q3', area_code: 'E06000060', incidents: 2600 },
      { period: '2019-20Q3', area_code: 'E10000025', incidents: 3000 },
    ]);
  });

  it('values: every area × period, with the contract fields and a benchmark per value', async () => {
    const { status, body } = await getAs(app, 'board', `/api/indicators/repeat-victim-rate/values?area=${BEXLEY},E06000060&period=2019-20Q3,2019-20`);
    expect(status).toBe(200);
    expect(Object.keys(body)).toEqual(['indicator', 'values']);
    expect(body.indicator).toMatchObject({ id: 'repeat-victim-rate', polarity: 'lower-better', ci: 'wilson' });
    expect(body.values.map((v: { area: string; period: string }) => `${v.area} ${v.period}`)).toEqual([
      `${BEXLEY} 2019-20Q3`,
      `${BEXLEY} 2019-20`,
      'E06000060 2019-20Q3',
      'E06000060 2019-20',
    ]);
    for (const v of body.values) expect(Object.keys(v)).toEqual(expect.arrayContaining(VALUE_FIELDS));
    expect(body.values[0]).toMatchObject({ status: 'ok', numerator: 180, denominator: 600, value: 30 });
    expect(body.values[0].benchmark).toMatchObject({ area: LONDON, significance: 'not-compared', assessment: 'not-compared' });
    expect(body.values[2].benchmark.area).toBe(THAMES_VALLEY);
  });

  it('values: 99.8% significance on request', async () => {
    await load(app, 'benchmark', [{ indicator: 'repeat-victim-rate', area_code: LONDON, period: '2019-20Q3', numerator: '', denominator: '', value: '35.5', source: 'MOPAC' }]);
    const at = async (level: string) => (await getAs(app, 'board', `/api/indicators/repeat-victim-rate/values?area=${BEXLEY}&period=2019-20Q3&level=${level}`)).body.values[0].benchmark;
    // 180 of 600 = 30%: 95% limits 26.5–33.8 (below 35.5: lower, and better for lower-better); 99.8% 24.6–36.1 contain it.
    expect(await at('95')).toMatchObject({ value: 35.5, level: '95', significance: 'lower', assessment: 'better' });
    expect(await at('99.8')).toMatchObject({ value: 35.5, level: '99.8', significance: 'similar', assessment: 'similar' });
  });

  it('compare: every child of the parent, each against the parent', async () => {
    const { status, body } = await getAs(app, 'board', `/api/indicators/child-present-pct/compare?parent=${THAMES_VALLEY}&period=2019-20Q3`);
    expect(status).toBe(200);
    expect(body.period).toMatchObject({ id: '2019-20Q3', kind: 'quarter', quarters: ['2019-20Q3'] });
    expect(body.parent).toMatchObject({ area: THAMES_VALLEY, name: 'Thames Valley', status: 'incomplete', benchmark: null });
    expect(body.areas).toHaveLength(9);
    expect(body.areas[0]).toMatchObject({ area: 'E06000060', name: 'Buckinghamshire', status: 'ok', numerator: 250, denominator: 2600 });
    expect(body.areas[0].benchmark).toMatchObject({ area: THAMES_VALLEY, status: 'incomplete', significance: 'not-compared' });
    expect(body.areas[2]).toMatchObject({ area: 'E06000036', status: 'no-data' });
  });

  it('summary: every indicator once, grouped by aim, with value, benchmark, trend and reference', async () => {
    const { status, body } = await getAs(app, 'board', `/api/areas/${BEXLEY}/summary?period=2019-20Q3`);
    expect(status).toBe(200);
    expect(body).toMatchObject({ area: { code: BEXLEY, name: 'Bexley' }, benchmarkArea: { code: LONDON }, level: '95', disclosure: { view: 'suppressed', threshold: 5 } });
    expect(body.aims.map((a: { aim: string }) => a.aim)).toEqual(Object.keys(STRATEGY_AIMS));
    const entries = body.aims.flatMap((a: { indicators: unknown[] }) => a.indicators);
    expect(entries.map((e: { indicator: { id: string } }) => e.indicator.id).sort()).toEqual(INDICATORS.map((i) => i.id).sort());
    const repeat = entries.find((e: { indicator: { id: string } }) => e.indicator.id === 'repeat-victim-rate');
    expect(repeat).toMatchObject({ value: { status: 'ok', value: 30, benchmark: { area: LONDON } }, trend: { marker: 'not-tested' }, reference: null });
    expect(entries.find((e: { indicator: { id: string } }) => e.indicator.id === 'marac-repeat-rate').reference).toMatchObject({ comparison: 'not-compared' });
  });

  it('series: one point per quarter in the range asked for, with labels and the benchmark per quarter', async () => {
    const { status, body } = await getAs(app, 'board', `/api/indicators/child-present-pct/series?area=${BEXLEY}&from=2019-20Q2&to=2019-20Q4&benchmark=E92000001`);
    expect(status).toBe(200);
    expect(body.points.map((p: { period: string; status: string }) => [p.period, p.status])).toEqual([
      ['2019-20Q2', 'no-data'],
      ['2019-20Q3', 'ok'],
      ['2019-20Q4', 'no-data'],
    ]);
    expect(body.points[1]).toMatchObject({ label: '2019-20 Q3 (Oct–Dec 2019)', value: 25, benchmark: { area: 'E92000001', status: 'no-data' } });
    expect(body).toMatchObject({ area: { code: BEXLEY }, benchmarkArea: { code: 'E92000001', name: 'England' }, accommodationType: null });
  });
});

describe('requests that make no sense', () => {
  it.each([
    ['/api/indicators/nope/values?area=E09000004&period=2019', 404, 'unknown-indicator'],
    ['/api/indicators/nope/series?area=E09000004', 404, 'unknown-indicator'],
    ['/api/indicators/nope/compare?parent=E12000007&period=2019', 404, 'unknown-indicator'],
    ['/api/areas/E09999999/summary?period=2019', 404, 'unknown-area'],
    ['/api/indicators/da-incident-rate/values?area=E09999999&period=2019', 400, 'unknown-area'],
    ['/api/indicators/da-incident-rate/values?area=,&period=2019', 400, 'no-area'],
    ['/api/indicators/da-incident-rate/values?area=E09000004&period=2019-21', 400, 'invalid-period'],
    ['/api/indicators/da-incident-rate/values?area=E09000004&period=Q3', 400, 'invalid-period'],
    ['/api/indicators/da-incident-rate/values?area=E09000004', 400, 'invalid-request'],
    ['/api/indicators/da-incident-rate/values?area=E09000004&period=2019&level=90', 400, 'invalid-request'],
    ['/api/indicators/da-incident-rate/values?area=E09000004&period=2019&benchmark=E23000029', 400, 'invalid-benchmark'],
    ['/api/indicators/da-incident-rate/values?area=E92000001&period=2019&benchmark=E12000007', 400, 'invalid-benchmark'],
    ['/api/indicators/da-incident-rate/values?area=E09000004&period=2019&accommodationType=refuge', 400, 'not-a-refuge-indicator'],
    ['/api/indicators/refuge-occupancy/values?area=E09000004&period=2019&accommodationType=tent', 400, 'invalid-request'],
    ['/api/indicators/da-incident-rate/compare?parent=E09000004&period=2019', 400, 'no-children'],
    ['/api/indicators/da-incident-rate/series?area=E09000004&from=2020-21Q1&to=2019-20Q1', 400, 'invalid-range'],
    ['/api/indicators/da-incident-rate/series?area=E09000004&from=2000-01Q1&to=2030-31Q1', 400, 'range-too-long'],
    ['/api/indicators/da-incident-rate/series?area=E09000004&to=2019', 400, 'invalid-period'],
    ['/api/areas/E09000004/summary?period=someday', 400, 'invalid-period'],
    ['/api/areas/E09000004/summary?period=0000-01', 400, 'invalid-period'],
  ])('%s → %i %s', async (url, statusCode, code) => {
    const { status, body } = await getAs(app, 'board', url);
    expect(status).toBe(statusCode);
    expect(body).toMatchObject({ statusCode, code });
    expect(body.message.length).toBeGreaterThan(20);
  });

  it('answers odd input anywhere with a 4xx or a value, never a 5xx', async () => {
    await load(app, 'police', [{ area_code: BEXLEY }]);
    const odd = ['', '0000', '0000-01', '9999', '9999-00Q4', 'R12-0000-01Q1', 'R12-9999-00Q4', '2019-20Q5', 'r12-2019-20q3', '%00', ',,,', 'x'.repeat(2000), '2019-20Q3,'.repeat(50)];
    const urls = odd.flatMap((text) => {
      const t = encodeURIComponent(text);
      return [
        `/api/indicators/da-incident-rate/values?area=${BEXLEY}&period=${t}`,
        `/api/indicators/da-incident-rate/values?area=${t}&period=2019`,
        `/api/indicators/${t}/values?area=${BEXLEY}&period=2019`,
        `/api/areas/${BEXLEY}/summary?period=${t}`,
        `/api/areas/E92000001/summary?period=${t}`,
        `/api/areas/${t}/summary?period=2019`,
        `/api/indicators/refuge-occupancy/compare?parent=${LONDON}&period=${t}&accommodationType=refuge`,
        `/api/indicators/da-incident-rate/series?area=${BEXLEY}&to=${t}`,
        `/api/indicators/da-incident-rate/series?area=${BEXLEY}&from=${t}`,
      ];
    });
    urls.push(`/api/indicators/da-incident-rate/values?area=${BEXLEY}&area=E09000005&period=2019`);
    const board = await signIn(app, 'board');
    for (const url of urls) {
      const response = await app.inject({ url, headers: board });
      expect(response.statusCode, url.slice(0, 120)).toBeLessThan(500);
    }
  });

  it('refuses a values request for too many areas × periods', async () => {
    const areas = (await app.inject({ url: '/api/areas', headers: await signIn(app, 'board') })).json().areas.map((a: { code: string }) => a.code).join(',');
    const periods = Array.from({ length: 40 }, (_, i) => String(1991 + i)).join(',');
    expect((await getAs(app, 'board', `/api/indicators/da-incident-rate/values?area=${areas}&period=${periods}`)).status).toBe(200);
    const quarters = Array.from({ length: 41 }, (_, i) => `R12-20${String(10 + Math.floor(i / 4)).padStart(2, '0')}-${String(11 + Math.floor(i / 4))}Q${(i % 4) + 1}`).join(',');
    const { status, body } = await getAs(app, 'board', `/api/indicators/da-incident-rate/values?area=${BEXLEY}&period=${quarters}`);
    expect(status).toBe(400);
    expect(body.code).toBe('too-many-values');
  });
});
