// The `financial-year` series (issue 13): one point per financial year, for a source made once a
// year (the safe accommodation duty's return), which as quarters or rolling twelve months would
// have a point only every fourth quarter. Known answers: each point is the value the engine gives
// for that financial year through the values route, labelled with the period module's label,
// and the trend at the last point is tested over those five years.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePeriodId } from '../../schemas/periods';
import { buildTestApp } from '../test/helpers';
import { getAs, load } from './indicators.test-support';

const OXFORDSHIRE = 'E10000025';
const YEARS = ['2019-20', '2020-21', '2021-22', '2022-23', '2023-24'];
/** Households accommodated of 150 referred, rising year on year (the example row's support counts fit within 52). */
const ACCOMMODATED = [52, 60, 68, 76, 85];
const INDICATOR = 'safe-accommodation-accommodated-pct';

let app: FastifyInstance;
beforeAll(async () => {
  app = await buildTestApp();
  await load(
    app,
    'safe-accommodation',
    YEARS.map((period, i) => ({
      period,
      area_code: OXFORDSHIRE,
      households_referred: 150,
      households_accommodated: ACCOMMODATED[i],
      households_not_accommodated: 150 - ACCOMMODATED[i] - 6,
      not_accommodated_no_space: 150 - ACCOMMODATED[i] - 6 - 42,
    })),
  );
  await load(app, 'police', ['2022-23Q1', '2022-23Q2', '2022-23Q3', '2022-23Q4', '2023-24Q1'].map((period, i) => ({ period, area_code: OXFORDSHIRE, incidents: 1000 + i, crimes: 500 + i, charges: 60 + i })));
}, 60_000);
afterAll(async () => {
  await app.close();
});

async function series(indicator: string, query: string) {
  const { status, body } = await getAs(app, 'analyst', `/api/indicators/${indicator}/series?area=${OXFORDSHIRE}&${query}`);
  expect(status, JSON.stringify(body)).toBe(200);
  return body;
}

describe('a series by financial year', () => {
  it('has one point for each financial year ending within the quarters asked for, each the engine’s value for that year', async () => {
    const body = await series(INDICATOR, 'kind=financial-year&from=2019-20Q2&to=2024-25Q1');
    expect(body.kind).toBe('financial-year');
    // 2019-20Q2 … 2024-25Q1 holds the Q4 of 2019-20 to 2023-24.
    expect(body.points.map((p: { period: string }) => p.period)).toEqual(YEARS);
    expect(body.points.map((p: { label: string }) => p.label)).toEqual(YEARS.map((y) => parsePeriodId(y)!.label));
    const values = (await getAs(app, 'analyst', `/api/indicators/${INDICATOR}/values?area=${OXFORDSHIRE}&period=${YEARS.join(',')}`)).body.values;
    for (const [i, point] of body.points.entries()) {
      const year = values.find((v: { period: string }) => v.period === YEARS[i]);
      expect(point.status).toBe('ok');
      expect(point.numerator).toBe(ACCOMMODATED[i]);
      expect(point.value).toBeCloseTo((ACCOMMODATED[i] / 150) * 100, 12);
      for (const key of ['numerator', 'denominator', 'value', 'lower95', 'upper95', 'lower998', 'upper998', 'status']) expect(point[key], `${YEARS[i]} ${key}`).toEqual(year[key]);
    }
    // Five years a year apart: the trend is tested, and rising accommodation is getting better.
    expect(body.trend.periods).toEqual(YEARS);
    expect(body.trend.marker).toBe('increasing');
    expect(body.trend.judgement).toBe('getting-better');
  });

  it('gives a yearly source a point only every fourth quarter as rolling twelve months, which is why the page asks for years', async () => {
    const rolling = await series(INDICATOR, 'kind=rolling-year&from=2022-23Q1&to=2023-24Q4');
    expect(rolling.points.filter((p: { status: string }) => p.status === 'ok').map((p: { period: string }) => p.period)).toEqual(['R12-2022-23Q4', 'R12-2023-24Q4']);
  });

  it('adds up a quarterly source’s four quarters for each year', async () => {
    const body = await series('charge-rate', 'kind=financial-year&from=2022-23Q1&to=2023-24Q1');
    expect(body.points.map((p: { period: string; numerator: number; denominator: number }) => [p.period, p.numerator, p.denominator])).toEqual([['2022-23', 60 + 61 + 62 + 63, 500 + 501 + 502 + 503]]);
  });

  it('has no points, and says the trend cannot be calculated, when no year ends within the quarters asked for', async () => {
    const body = await series(INDICATOR, 'kind=financial-year&from=2023-24Q1&to=2023-24Q3');
    expect(body.points).toEqual([]);
    expect(body.trend.marker).toBe('cannot-be-calculated');
  });

  it('refuses a kind it does not know with a 400', async () => {
    const { status, body } = await getAs(app, 'analyst', `/api/indicators/${INDICATOR}/series?area=${OXFORDSHIRE}&kind=calendar-year`);
    expect(status).toBe(400);
    expect(body.message).toContain('financial-year');
  });
});
