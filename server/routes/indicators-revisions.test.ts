// The revisions behind an indicator's figures: partners correct figures by sending a return again
// (DOMAIN.md 5.7), and the indicator page says which quarters were revised and when. Analysts see
// the values before and after; board members learn that a figure changed and when, never the
// counts, and not even which columns changed where the quarter's figure is suppressed for them.
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
        warnings: [],
        submittedBy: expect.objectContaining({ kind: 'user' }),
        changes: [{ column: 'repeat_victims', from: 180, to: 3 }],
        afterApproval: false,
        reason: null,
      },
    ]);
  });

  it('tells a board member that a figure was revised, and when, without any count', async () => {
    const { status, body } = await revisionsOf('board', 'arrest-rate', '2019-20Q3');
    expect(status).toBe(200);
    expect(body.revisions).toEqual([expect.objectContaining({ quarter: '2019-20Q3', receivedAt: expect.any(String), columns: ['arrests'], submittedBy: null, changes: null })]);
    expect(JSON.stringify(body)).not.toMatch(/"(from|to)"/);
  });

  it('names no column to a board member where the revised quarter is suppressed for them', async () => {
    // Q3's repeat victims were revised to 3: the board sees <5, so even "repeat_victims changed" is withheld.
    expect((await valueOf(app, 'repeat-victim-rate', BEXLEY, '2019-20Q3')).status).toBe('suppressed');
    const { body } = await revisionsOf('board', 'repeat-victim-rate', '2019-20');
    expect(body.revisions).toEqual([expect.objectContaining({ quarter: '2019-20Q3', receivedAt: expect.any(String), columns: [], submittedBy: null, changes: null })]);
    expect(JSON.stringify(body)).not.toMatch(/repeat_victims|"(from|to)"/);
    // The analyst still sees everything.
    expect((await revisionsOf('analyst', 'repeat-victim-rate', '2019-20')).body.revisions[0].columns).toEqual(['repeat_victims']);
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

describe('revisions of safe accommodation figures, by accommodation type', () => {
  const refuge = (accommodation_type: string, cells: Record<string, number>) => ({ accommodation_type, ...cells });

  it('name the columns of a type whose figure and all-types figure are shown', async () => {
    await load(app, 'refuge', [refuge('refuge', { referrals_declined_no_space: 10 }), refuge('dispersed', { referrals_declined_no_space: 20 })]);
    await load(app, 'refuge', [refuge('dispersed', { referrals_declined_no_space: 20, referrals_received: 41 })]);
    const { body } = await revisionsOf('board', 'refuge-declined-no-space-pct', '2019-20Q3');
    expect(body.revisions).toEqual([expect.objectContaining({ accommodationType: 'dispersed', columns: ['referrals_received'] })]);
  });

  it('name no column where the type is suppressed, nor for a type whose all-types figure is', async () => {
    // Turned away for lack of space: refuge 3 (suppressed), dispersed 20. The engine then
    // suppresses the total as well (23 − 20 would give the 3 away), so both revisions stay silent.
    await load(app, 'refuge', [refuge('refuge', { referrals_declined_no_space: 3 }), refuge('dispersed', { referrals_declined_no_space: 20 })]);
    await load(app, 'refuge', [refuge('refuge', { referrals_declined_no_space: 3, referrals_received: 41 }), refuge('dispersed', { referrals_declined_no_space: 20, referrals_received: 41 })]);
    expect((await valueOf(app, 'refuge-declined-no-space-pct', BEXLEY, '2019-20Q3', '&accommodationType=dispersed')).status).toBe('ok');
    const { body } = await revisionsOf('board', 'refuge-declined-no-space-pct', '2019-20Q3');
    expect(body.revisions.map((r: { accommodationType: string; columns: string[] }) => [r.accommodationType, r.columns])).toEqual([
      ['dispersed', []],
      ['refuge', []],
    ]);
    expect((await revisionsOf('analyst', 'refuge-declined-no-space-pct', '2019-20Q3')).body.revisions.map((r: { columns: string[] }) => r.columns)).toEqual([['referrals_received'], ['referrals_received']]);
  });

  it('withhold the columns of a type shown as 0 when the all-types figure is small', async () => {
    // Dispersed 0 is shown, but the total (3, all in refuge) is suppressed.
    await load(app, 'refuge', [refuge('refuge', { referrals_declined_no_space: 3 }), refuge('dispersed', { referrals_declined_no_space: 0 })]);
    await load(app, 'refuge', [refuge('dispersed', { referrals_declined_no_space: 0, referrals_received: 41 })]);
    expect((await valueOf(app, 'refuge-declined-no-space-pct', BEXLEY, '2019-20Q3', '&accommodationType=dispersed')).status).toBe('ok');
    const { body } = await revisionsOf('board', 'refuge-declined-no-space-pct', '2019-20Q3');
    expect(body.revisions).toEqual([expect.objectContaining({ accommodationType: 'dispersed', columns: [] })]);
  });
});
