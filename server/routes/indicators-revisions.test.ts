// The revisions behind an indicator's figures: partners correct figures by sending a return again
// (DOMAIN.md 5.7), and the indicator page says which quarters were revised and when. Analysts see
// the values before and after; board members learn only that a figure changed, never the counts.
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp } from '../test/helpers';
import { getAs, load } from './indicators.test-support';

let app: FastifyInstance;
beforeEach(async () => {
  app = await buildTestApp();
});
afterEach(async () => {
  await app.close();
});

const BEXLEY = 'E09000004';
const revisionsOf = (role: 'board' | 'analyst', indicator: string, period: string, area = BEXLEY) =>
  getAs(app, role, `/api/indicators/${indicator}/revisions?area=${area}&period=${period}`);

describe('revisions of the figures behind an indicator', () => {
  beforeEach(async () => {
    await load(app, 'police', [
      { period: '2019-20Q2', victims: 600, repeat_victims: 180 },
      { period: '2019-20Q3', victims: 600, repeat_victims: 180 },
    ]);
    // Q3 resent: repeat victims corrected. Then resent again changing only arrests, a column repeat-victim-rate does not read.
    await load(app, 'police', [{ period: '2019-20Q3', victims: 600, repeat_victims: 3 }]);
    await load(app, 'police', [{ period: '2019-20Q3', victims: 600, repeat_victims: 3, arrests: 170 }]);
  });

  it('lists, for an analyst, each revision that changed a column the indicator reads, with the values', async () => {
    const { status, body } = await revisionsOf('analyst', 'repeat-victim-rate', '2019-20');
    expect(status).toBe(200);
    expect(body.area).toMatchObject({ code: BEXLEY, name: 'Bexley' });
    expect(body.period).toMatchObject({ id: '2019-20', kind: 'financial-year' });
    expect(body.revisions).toEqual([
      {
        quarter: '2019-20Q3',
        quarterLabel: '2019-20 Q3 (Oct–Dec 2019)',
        accommodationType: null,
        submissionId: expect.any(Number),
        receivedAt: expect.any(String),
        columns: ['repeat_victims'],
        submittedBy: expect.objectContaining({ kind: 'user' }),
        changes: [{ column: 'repeat_victims', from: 180, to: 3 }],
      },
    ]);
  });

  it('tells a board member that a figure was revised, and when, without any count', async () => {
    const { status, body } = await revisionsOf('board', 'repeat-victim-rate', '2019-20');
    expect(status).toBe(200);
    expect(body.revisions).toEqual([expect.objectContaining({ quarter: '2019-20Q3', columns: ['repeat_victims'], submittedBy: null, changes: null })]);
    // The small count (3) the revision set appears nowhere in the board's answer.
    expect(JSON.stringify(body)).not.toMatch(/"(from|to)"/);
  });

  it('lists the revision that changed arrests under an indicator that reads arrests', async () => {
    const { body } = await revisionsOf('analyst', 'arrest-rate', '2019-20Q3');
    expect(body.revisions.map((r: { columns: string[] }) => r.columns)).toEqual([['arrests']]);
  });

  it('lists nothing for a period or an area without revisions', async () => {
    expect((await revisionsOf('analyst', 'repeat-victim-rate', '2019-20Q2')).body.revisions).toEqual([]);
    expect((await revisionsOf('analyst', 'repeat-victim-rate', '2019-20', 'E09000008')).body.revisions).toEqual([]);
  });

  it.each([
    ['no-such-indicator', 'area=E09000004&period=2019-20', 404],
    ['repeat-victim-rate', 'area=E99999999&period=2019-20', 400],
    ['repeat-victim-rate', 'area=E09000004&period=2019-2020', 400],
    ['repeat-victim-rate', 'period=2019-20', 400],
  ])('answers %s?%s with %d', async (indicator, query, status) => {
    const response = await getAs(app, 'board', `/api/indicators/${indicator}/revisions?${query}`);
    expect(response.status).toBe(status);
    expect(response.body.message).toEqual(expect.any(String));
  });
});
