// Safe corrections (DOMAIN.md 5.7): a blank cell in a resubmission never clears a figure already
// held without the sender saying so. The dry run lists every figure that would change and every
// one that would be cleared; the upload clears only with confirmClear=true (otherwise 409 with
// the same lists, and nothing stored). A partner is not shown figures another organisation sent
// (DOMAIN.md 8).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildTestApp, multipartBody, partnerToken, signIn, tableCounts, upload, type Identity } from '../test/helpers';
import { csvOf, validRow } from '../test/rows';

let app: FastifyInstance;
beforeEach(async () => {
  app = await buildTestApp();
});
afterEach(async () => {
  await app.close();
});

async function send(type: string, content: string, query: string, as?: Pick<Identity, 'headers'>) {
  const { payload, headers } = multipartBody(content);
  const identity = as ?? (await signIn(app, 'analyst'));
  const response = await app.inject({ method: 'POST', url: `/api/returns/${type}${query}`, payload, headers: { ...identity.headers, ...headers } });
  return { status: response.statusCode, body: response.json() };
}

/** The police workbook of the report: only some columns filled in. */
const partial = () => csvOf([validRow('police', { crimes: '', arrests: '', charges: '', incidents: 1001 })]);

describe('a resubmission with blanks where figures are held', () => {
  beforeEach(async () => {
    expect((await upload(app, 'police', csvOf([validRow('police', { crimes: 1513 })]))).status).toBe(201);
  });

  it('is listed by the dry run: every figure changed and every figure cleared, with from and to', async () => {
    const { status, body } = await send('police', partial(), '?dryRun=true');
    expect(status).toBe(200);
    const base = { area: 'E09000004', period: '2019-20Q3', accommodationType: null, subkey: '', fromWithheld: false };
    expect(body.changes).toEqual([{ ...base, column: 'incidents', from: 1000, to: 1001 }]);
    expect(body.clears).toEqual([
      { ...base, column: 'crimes', from: 1513, to: null },
      { ...base, column: 'arrests', from: 180, to: null },
      { ...base, column: 'charges', from: 70, to: null },
    ]);
  });

  it('is refused with 409 and the same lists without confirmClear, and nothing is stored', async () => {
    const before = await tableCounts(app);
    for (const query of ['', '?confirmClear=false']) {
      const { status, body } = await send('police', partial(), query);
      expect(status).toBe(409);
      expect(body).toMatchObject({ statusCode: 409, code: 'would-clear-figures' });
      expect(body.message).toMatch(/Nothing has been stored/);
      expect(body.message).toMatch(/3 figures are already held/);
      expect(body.clears.map((c: { column: string }) => c.column)).toEqual(['crimes', 'arrests', 'charges']);
      expect(body.changes).toHaveLength(1);
    }
    expect(await tableCounts(app)).toEqual(before);
    const audit = await app.db.kysely.selectFrom('audit_events').select('details_json').where('action', '=', 'upload').where('outcome', '=', 'rejected').execute();
    expect(audit.some((a) => a.details_json.includes('would-clear'))).toBe(true);
  });

  it('is stored with confirmClear=true, clearing the figures, and the answer says what changed', async () => {
    const { status, body } = await send('police', partial(), '?confirmClear=true');
    expect(status).toBe(201);
    expect(body.clears).toHaveLength(3);
    const detail = await app.db.kysely.selectFrom('return_rows').select('values_json').orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
    expect(JSON.parse(detail.values_json)).toMatchObject({ crimes: null, incidents: 1001 });
  });

  it('a file that only changes figures is stored without confirmation', async () => {
    const { status, body } = await send('police', csvOf([validRow('police', { crimes: 1512 })]), '');
    expect(status).toBe(201);
    expect(body.changes).toEqual([expect.objectContaining({ column: 'crimes', from: 1513, to: 1512 })]);
    expect(body.clears).toEqual([]);
  });

  it('a new area and quarter, or a figure blank before, lists nothing', async () => {
    const { body } = await send('police', csvOf([validRow('police', { period: '2019-20Q4', crimes: '' }), validRow('police', { crimes: 1513 })]), '?dryRun=true');
    expect(body).toMatchObject({ changes: [], clears: [] });
  });
});

it('a blank where nothing was held before is not a clear', async () => {
  await upload(app, 'police', csvOf([validRow('police', { crimes: '' })]));
  const { status, body } = await send('police', csvOf([validRow('police', { crimes: '' })]), '');
  expect(status).toBe(201);
  expect(body.clears).toEqual([]);
});

it('names the accommodation type of a refuge row', async () => {
  await upload(app, 'refuge', csvOf([validRow('refuge', { accommodation_type: 'dispersed' })]));
  const { status, body } = await send('refuge', csvOf([validRow('refuge', { accommodation_type: 'dispersed', referrals_received: '' })]), '?dryRun=true');
  expect(status).toBe(200);
  expect(body.clears).toEqual([expect.objectContaining({ accommodationType: 'dispersed', subkey: 'dispersed', column: 'referrals_received', from: 40, to: null })]);
});

describe('what a partner is shown', () => {
  const grants = [{ returnType: 'police' as const, areaCode: 'E09000004' }];

  it('quotes figures their own organisation sent', async () => {
    const partner = await signIn(app, 'partner', grants, 'met');
    expect((await upload(app, 'police', csvOf([validRow('police', { crimes: 1513 })]), { as: partner })).status).toBe(201);
    const { body } = await send('police', partial(), '?dryRun=true', partner);
    expect(body.clears).toContainEqual(expect.objectContaining({ column: 'crimes', from: 1513, fromWithheld: false }));
  });

  it("says another organisation's figures are held without quoting them, and lists them even when unchanged", async () => {
    const other = await signIn(app, 'partner', grants, 'other-force');
    expect((await upload(app, 'police', csvOf([validRow('police', { crimes: 3 })]), { as: other })).status).toBe(201);
    const partner = await signIn(app, 'partner', grants, 'met');
    // crimes: 3 again; a dry run must not confirm a guess at another organisation's figure.
    const guess = csvOf([validRow('police', { crimes: 3, arrests: '' })]);
    for (const query of ['?dryRun=true', '']) {
      const { status, body } = await send('police', guess, query, partner);
      expect(status).toBe(query ? 200 : 409);
      expect(JSON.stringify(body)).not.toMatch(/"from":(?!null)/);
      expect(body.changes).toContainEqual(expect.objectContaining({ column: 'crimes', from: null, fromWithheld: true, to: 3 }));
      expect(body.changes).toContainEqual(expect.objectContaining({ column: 'incidents', from: null, fromWithheld: true, to: 1000 }));
      expect(body.clears).toEqual([expect.objectContaining({ column: 'arrests', from: null, fromWithheld: true, to: null })]);
    }
    // An analyst sees the figures.
    const { body } = await send('police', guess, '?dryRun=true');
    expect(body.changes).toEqual([]);
    expect(body.clears).toEqual([expect.objectContaining({ column: 'arrests', from: 180, fromWithheld: false })]);
  });

  it('a partner API token is scoped the same way', async () => {
    await upload(app, 'police', csvOf([validRow('police')]));
    const token = await partnerToken(app, grants);
    const { body } = await send('police', partial(), '?dryRun=true', { headers: { authorization: `Bearer ${token}` } });
    expect(body.clears.every((c: { from: unknown; fromWithheld: boolean }) => c.from === null && c.fromWithheld)).toBe(true);
  });
});

it('publishes the lists and the 409 in OpenAPI', async () => {
  const doc = (await app.inject({ url: '/api/docs/json', headers: (await signIn(app, 'analyst')).headers })).json();
  const post = doc.paths['/api/returns/{type}'].post;
  expect(post.parameters.map((p: { name: string }) => p.name)).toContain('confirmClear');
  expect(Object.keys(post.responses)).toEqual(expect.arrayContaining(['200', '201', '409', '415']));
  expect(doc.components.schemas.FigureChange.properties).toHaveProperty('fromWithheld');
});
