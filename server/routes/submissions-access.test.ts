// DOMAIN.md 8, tried as an attacker would: "Partners see raw figures only in their own
// organisation's submissions." Two organisations hold the same grant (police returns for Bexley,
// as two services covering one borough would), so grants alone cannot keep them apart. Partner A
// asks for B's figures every way the returns API allows, by session and by bearer token.
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { replaceGrants } from '../access/accounts';
import { createToken } from '../access/tokens';
import { buildTestApp, partnerToken, signIn, upload, type Identity } from '../test/helpers';
import { csvOf, validRow, type Cells } from '../test/rows';

const BEXLEY = 'E09000004';
const BEXLEY_POLICE = [{ returnType: 'police', areaCode: BEXLEY }];
/** A count only organisation B ever sends: it must never reach A. */
const B_INCIDENTS = 9137;

let app: FastifyInstance;
let a: Identity;
let b: Identity;
let aToken: { headers: Record<string, string> };
let analyst: Identity;
let organisationA: number;
const ids: Record<string, number> = {};

async function send(as: Identity | { headers: Record<string, string> }, rows: Cells[], fileName: string) {
  const { status, body } = await upload(app, 'police', csvOf(rows.map((r) => validRow('police', r))), { as, fileName });
  expect(status, JSON.stringify(body)).toBe(201);
  return body.submission.id as number;
}

async function getJson(as: { headers: Record<string, string> }, url: string) {
  const response = await app.inject({ url, headers: as.headers });
  return { status: response.statusCode, body: response.body, json: () => response.json() };
}

beforeEach(async () => {
  app = await buildTestApp();
  a = await signIn(app, 'partner', BEXLEY_POLICE, 'a');
  b = await signIn(app, 'partner', BEXLEY_POLICE, 'b');
  analyst = await signIn(app, 'analyst');
  organisationA = (await app.inject({ url: '/api/auth/me', headers: a.headers })).json().user.organisation.id;
  aToken = { headers: { authorization: `Bearer ${(await createToken(app.db, organisationA, 'nightly', null, app.now())).token}` } };

  // Q3 is sent by B, corrected by A, then corrected again by B; Q2 only by A; Q1 by an analyst.
  ids.b1 = await send(b, [{ period: '2019-20Q3', incidents: B_INCIDENTS }], 'b-first.csv');
  ids.a1 = await send(a, [{ period: '2019-20Q3', incidents: 1000 }, { period: '2019-20Q2', incidents: 1001 }], 'a.csv');
  ids.b2 = await send(b, [{ period: '2019-20Q3', incidents: B_INCIDENTS + 1 }], 'b-second.csv');
  ids.analyst = await send(analyst, [{ period: '2019-20Q1', incidents: B_INCIDENTS + 2 }], 'analyst.csv');
});
afterEach(async () => {
  await app.close();
});

/** Partner A, signed in or through the organisation's API token (resolved once the test has built them). */
const WAYS = ['a session', 'an API token'] as const;
const partnerA = (how: (typeof WAYS)[number]) => (how === 'a session' ? a : aToken);

describe("a partner asking for another organisation's submissions", () => {
  it.each(WAYS)('lists only their own organisation’s, with every filter (%s)', async (how) => {
    const as = partnerA(how);
    for (const query of ['', '?type=police', `?area=${BEXLEY}`, '?period=2019-20Q3', `?type=police&area=${BEXLEY}&period=2019-20Q3`, '?limit=1&offset=0', '?limit=10&offset=1']) {
      const { status, json } = await getJson(as, `/api/submissions${query}`);
      expect(status, query).toBe(200);
      expect(json().total, query).toBe(1);
      expect(json().items.map((s: { id: number }) => s.id), query).toEqual(query.includes('offset=1') ? [] : [ids.a1]);
      expect(JSON.stringify(json()), query).not.toMatch(/b-first|b-second|analyst\.csv|b-\d+@/);
    }
    expect((await getJson(as, '/api/submissions?period=2019-20Q1')).json().total).toBe(0);
  });

  it.each(WAYS)('gets 404 for B’s submission and its export by id, as for one that does not exist (%s)', async (how) => {
    const as = partnerA(how);
    for (const id of [ids.b1, ids.b2, ids.analyst]) {
      for (const url of [`/api/submissions/${id}`, `/api/submissions/${id}/export.csv`]) {
        const response = await getJson(as, url);
        expect(response.status, url).toBe(404);
        expect(response.body).not.toContain(String(B_INCIDENTS));
      }
    }
    expect((await getJson(as, `/api/submissions/${ids.a1}`)).json().rowsStored.map((r: { values: { incidents: number } }) => r.values.incidents)).toEqual([1000, 1001]);
    expect((await getJson(as, `/api/submissions/${ids.a1}/export.csv`)).body).toContain('1001');
  });

  it.each(WAYS)('sees only its own versions in the revision history of a row B also sent (%s)', async (how) => {
    const as = partnerA(how);
    const { status, body, json } = await getJson(as, `/api/returns/police/revisions?area=${BEXLEY}&period=2019-20Q3`);
    expect(status).toBe(200);
    // A's version is listed as the first A sent, so no "from" quotes B's figures, and it is no
    // longer the one in use (B corrected it again).
    expect(json().revisions).toEqual([expect.objectContaining({ submissionId: ids.a1, current: false, changed: [] })]);
    expect(json().revisions[0].values.incidents).toBe(1000);
    expect(body).not.toContain(String(B_INCIDENTS));
    expect(body).not.toMatch(/b-\d+@/);
  });

  it('compares each of an organisation’s versions with its own previous one', async () => {
    const { json } = await getJson(b, `/api/returns/police/revisions?area=${BEXLEY}&period=2019-20Q3`);
    expect(json().revisions.map((r: { submissionId: number }) => r.submissionId)).toEqual([ids.b1, ids.b2]);
    expect(json().revisions[1].changed).toEqual([{ column: 'incidents', from: B_INCIDENTS, to: B_INCIDENTS + 1 }]);
  });

  it('still gets 403 for a row outside its grants', async () => {
    const brent = await getJson(a, '/api/returns/police/revisions?area=E09000005&period=2019-20Q3');
    expect(brent.status).toBe(403);
  });

  it.each(WAYS)('loses sight of its own submissions for an area once the grant is withdrawn (%s)', async (how) => {
    await replaceGrants(app.db, organisationA, []);
    const as = partnerA(how);
    expect((await getJson(as, '/api/submissions')).json().total).toBe(0);
    expect((await getJson(as, `/api/submissions/${ids.a1}`)).status).toBe(404);
    expect((await getJson(as, `/api/submissions/${ids.a1}/export.csv`)).status).toBe(404);
    expect((await getJson(as, `/api/returns/police/revisions?area=${BEXLEY}&period=2019-20Q3`)).status).toBe(403);
  });

  it('as a token of a third organisation with the same grant, sees nothing at all', async () => {
    const other = { headers: { authorization: `Bearer ${await partnerToken(app, BEXLEY_POLICE)}` } };
    expect((await getJson(other, '/api/submissions')).json().total).toBe(0);
    expect((await getJson(other, `/api/returns/police/revisions?area=${BEXLEY}&period=2019-20Q3`)).json().revisions).toEqual([]);
    for (const id of Object.values(ids)) expect((await getJson(other, `/api/submissions/${id}/export.csv`)).status).toBe(404);
  });
});

describe('analysts and administrators', () => {
  it('see every submission and every version', async () => {
    for (const as of [analyst, await signIn(app, 'admin')]) {
      expect((await getJson(as, '/api/submissions')).json().total).toBe(4);
      expect((await getJson(as, `/api/submissions/${ids.b1}`)).json().rowsStored[0].values.incidents).toBe(B_INCIDENTS);
      const history = (await getJson(as, `/api/returns/police/revisions?area=${BEXLEY}&period=2019-20Q3`)).json().revisions;
      expect(history.map((r: { submissionId: number }) => r.submissionId)).toEqual([ids.b1, ids.a1, ids.b2]);
      expect(history[1].changed).toEqual([{ column: 'incidents', from: B_INCIDENTS, to: 1000 }]);
    }
  });
});
