// Warnings travel with the figures (DOMAIN.md 5.7): a value built from a row stored with a
// warning carries it, in words without figures for the suppressed view, and loses it when the
// row is corrected; a hidden value carries none; revisions say which versions had one.
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

const BEDFORD = 'E06000055';
const BEDFORDSHIRE = 'E23000026';
const Q = '2019-20Q3';

describe('a figure stored with a warning', () => {
  it('carries it on the value: the sender’s words for analysts, words without figures for the board', async () => {
    await load(app, 'police', [{ area_code: BEDFORD, crimes: 55, charges: 57 }]);
    const analyst = await valueOf(app, 'charge-rate', BEDFORD, Q, '', 'analyst');
    expect(analyst.warnings).toEqual([expect.objectContaining({ area: BEDFORD, quarter: Q, code: 'charges-more-than-crimes', column: 'charges' })]);
    expect(analyst.warnings[0].message).toMatch(/57/);
    const board = await valueOf(app, 'charge-rate', BEDFORD, Q);
    expect(board).toMatchObject({ status: 'ok', value: (57 / 55) * 100 });
    expect(board.warnings).toHaveLength(1);
    expect(board.warnings[0].message).not.toMatch(/\d/);
    expect(board.warnings[0].message).toMatch(/charges/);
  });

  it('carries it up to the year and to the parent that add the row up, and not to indicators that do not read its columns', async () => {
    await load(app, 'police', [{ area_code: BEDFORD, crimes: 55, charges: 57 }]);
    await load(app, 'police', ['E06000056', 'E06000032'].map((area_code) => ({ area_code })));
    const parent = await valueOf(app, 'charge-rate', BEDFORDSHIRE, Q, '', 'analyst');
    expect(parent.warnings).toEqual([expect.objectContaining({ area: BEDFORD, code: 'charges-more-than-crimes' })]);
    // The arrest rate reads crimes, one of the two figures the check compared; the repeat-victim rate reads neither.
    expect((await valueOf(app, 'arrest-rate', BEDFORD, Q, '', 'analyst')).warnings).toHaveLength(1);
    expect((await valueOf(app, 'repeat-victim-rate', BEDFORD, Q, '', 'analyst')).warnings).toEqual([]);
    const rolling = ['2019-20Q1', '2019-20Q2', '2019-20Q4', '2018-19Q4'];
    await load(app, 'police', rolling.map((period) => ({ period, area_code: BEDFORD })));
    const year = await valueOf(app, 'charge-rate', BEDFORD, '2019-20', '', 'analyst');
    expect(year.warnings).toEqual([expect.objectContaining({ quarter: Q, code: 'charges-more-than-crimes' })]);
    const { body } = await getAs(app, 'board', `/api/areas/${BEDFORD}/summary?period=${Q}`);
    const entries = body.aims.flatMap((a: { indicators: Array<{ indicator: { id: string }; value: { warnings?: unknown[] } }> }) => a.indicators);
    const chargeRate = entries.find((e: { indicator: { id: string } }) => e.indicator.id === 'charge-rate');
    expect(chargeRate.value.warnings).toHaveLength(1);
  });

  it('loses it when a clean resubmission replaces the row', async () => {
    await load(app, 'police', [{ area_code: BEDFORD, crimes: 55, charges: 57 }]);
    await load(app, 'police', [{ area_code: BEDFORD, crimes: 60, charges: 57 }]);
    expect((await valueOf(app, 'charge-rate', BEDFORD, Q, '', 'analyst')).warnings).toEqual([]);
    const { body } = await getAs(app, 'analyst', `/api/indicators/charge-rate/revisions?area=${BEDFORD}&period=${Q}`);
    expect(body.revisions).toHaveLength(1);
    expect(body.revisions[0].warnings).toEqual([]);
  });

  it('is listed with the revision that brought it', async () => {
    await load(app, 'police', [{ area_code: BEDFORD, crimes: 60, charges: 57 }]);
    await load(app, 'police', [{ area_code: BEDFORD, crimes: 55, charges: 57 }]);
    const { body } = await getAs(app, 'board', `/api/indicators/charge-rate/revisions?area=${BEDFORD}&period=${Q}`);
    expect(body.revisions[0].warnings).toHaveLength(1);
    expect(body.revisions[0].warnings[0]).not.toMatch(/\d/);
  });

  it('is not attached to a hidden value', async () => {
    // dvpo 4 > dvpn 3: a warning, but both counts are small, so the value is suppressed.
    await load(app, 'police', [{ area_code: BEDFORD, crimes: 550, dvpn_issued: 3, dvpo_granted: 4, dapo_granted: 0 }]);
    const board = await valueOf(app, 'protection-order-rate', BEDFORD, Q);
    expect(board.status).toBe('suppressed');
    expect(board.warnings ?? []).toEqual([]);
  });
});
