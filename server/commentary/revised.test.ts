// "Figure revised since" on a comment (issue 13) for the figures that are not a shipped quarterly
// indicator's: a yearly return's (its figure is one stored row for the financial year, not four
// quarters) and a partnership's own measure (found in the partnership's catalogue, and only its own
// rows of the local-measure return are behind it). Each comment is written, then the rows behind
// it are sent again, through the API; a change to another measure's row or to a column the
// figure does not read leaves the comment unrevised.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appWithClock, type Clock } from '../routes/board-paper.test-support';
import { csv, signIn, upload, type Identity } from '../test/helpers';
import { csvOf, validRow } from '../test/rows';

const BEXLEY = 'E09000004';
const YEAR = '2024-25';
const QUARTERS = ['2024-25 Q1', '2024-25 Q2', '2024-25 Q3', '2024-25 Q4'];
const MEASURE_HEADER = ['period', 'area_code', 'measure', 'numerator', 'denominator', 'notes'];

const COUNT = { title: 'Champions trained', unit: 'champions', numerator: 'Staff trained as champions', denominator: null, multiplier: 1, polarity: 'higher-better', interval: 'byar', organisations: [] };

let app: FastifyInstance;
let clock: Clock;
let admin: Identity;
let analyst: Identity;
let partnership: number;

const send = (who: Identity, method: 'GET' | 'POST', url: string, payload?: unknown) =>
  app.inject({ method, url, headers: who.headers, ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }) });

async function sent(type: string, body: string) {
  const { status, body: answer } = await upload(app, type, body, { as: analyst });
  expect(status, JSON.stringify(answer)).toBe(201);
}

const yearlyRow = (overrides: Record<string, string | number>) => csvOf([validRow('safe-accommodation', { period: YEAR, area_code: BEXLEY, ...overrides })]);
const measureRows = (champions: number[], mentors: number[]) =>
  csv(MEASURE_HEADER, [...QUARTERS.map((q, i) => [q, BEXLEY, 'champions', champions[i], '', '']), ...QUARTERS.map((q, i) => [q, BEXLEY, 'mentors', mentors[i], '', ''])]);

async function comment(indicator: string, period: string): Promise<number> {
  const created = await send(analyst, 'POST', `/api/partnerships/${partnership}/commentary`, { subject: { kind: 'figure', indicator, area: BEXLEY }, period, body: 'Why it moved.' });
  expect(created.statusCode, created.body).toBe(201);
  expect(created.json().figure).toEqual({ revised: false, lastRevisedAt: null, quarters: [] });
  return created.json().id;
}

const figureOf = async (id: number) => (await send(analyst, 'GET', `/api/partnerships/${partnership}/commentary/${id}`)).json().figure;

beforeAll(async () => {
  ({ app, clock } = await appWithClock());
  admin = await signIn(app, 'admin');
  analyst = await signIn(app, 'analyst');
  partnership = (await send(admin, 'POST', '/api/partnerships', { name: 'Revisions test partnership', areas: [BEXLEY], members: [analyst.userId] })).json().id;
  for (const id of ['champions', 'mentors']) {
    const defined = await send(admin, 'POST', `/api/partnerships/${partnership}/local-measures`, { ...COUNT, id, title: `${id} trained` });
    expect(defined.statusCode, defined.body).toBe(201);
  }
  await sent('safe-accommodation', yearlyRow({}));
  await sent('local-measure', measureRows([10, 12, 9, 11], [3, 4, 5, 6]));
  clock.advance(5);
}, 60_000);
afterAll(async () => {
  await app.close();
});

describe('a comment on a yearly return’s figure', () => {
  it('says the figure was revised when the financial year’s row changes a column it reads, for the year and the rolling year that is the same months', async () => {
    const onYear = await comment('safe-accommodation-accommodated-pct', YEAR);
    const onRolling = await comment('safe-accommodation-accommodated-pct', 'R12-2024-25Q4');
    clock.advance(5);
    // A column the figure does not read: not a revision of it.
    await sent('safe-accommodation', yearlyRow({ support_counselling_therapy: 17 }));
    expect(await figureOf(onYear)).toEqual({ revised: false, lastRevisedAt: null, quarters: [] });
    const revisedAt = clock.advance(5).toISOString();
    await sent('safe-accommodation', yearlyRow({ households_accommodated: 53, households_not_accommodated: 91, not_accommodated_other: 7 }));
    for (const id of [onYear, onRolling]) expect(await figureOf(id)).toEqual({ revised: true, lastRevisedAt: revisedAt, quarters: [YEAR] });
  });
});

describe('a comment on a partnership’s own measure', () => {
  it('says the figure was revised when its own rows change, and not when another measure’s do', async () => {
    const champions = `local:${partnership}:champions`;
    const onYear = await comment(champions, YEAR);
    const onQuarter = await comment(champions, '2024-25Q1');
    clock.advance(5);
    await sent('local-measure', measureRows([10, 12, 9, 11], [3, 4, 5, 7]));
    expect(await figureOf(onYear)).toEqual({ revised: false, lastRevisedAt: null, quarters: [] });
    const revisedAt = clock.advance(5).toISOString();
    await sent('local-measure', measureRows([10, 12, 8, 11], [3, 4, 5, 7]));
    expect(await figureOf(onYear)).toEqual({ revised: true, lastRevisedAt: revisedAt, quarters: ['2024-25Q3'] });
    // The quarter commented on was not the one revised.
    expect(await figureOf(onQuarter)).toEqual({ revised: false, lastRevisedAt: null, quarters: [] });
  });
});
