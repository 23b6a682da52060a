// A partnership's areas changed after its measures were defined (issue 13): the local-measure
// return keys a row by area, quarter and measure id, so two partnerships that share an area must
// not both define the same measure id. Defining a measure checks that (local-measures.test.ts);
// here an administrator changes a partnership's areas so that the two would share one, which is
// refused with a 409 in plain words and changes nothing, while a change that keeps them apart is
// made.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, signIn, type Identity } from '../test/helpers';
import { CHAMPIONS as COUNT } from '../test/local-measures';

const CHAMPIONS = { ...COUNT, organisations: [] };

const CENTRAL_BEDFORDSHIRE = 'E06000056';
const BEDFORD = 'E06000055';
const LUTON = 'E06000032';

let app: FastifyInstance;
let admin: Identity;
let central: number;
let bedford: number;

const send = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown) =>
  app.inject({ method, url, headers: admin.headers, ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }) });
const areasOf = async (id: number): Promise<string[]> => (await send('GET', '/api/partnerships')).json().partnerships.find((p: { id: number }) => p.id === id).areas;
const updatesAudited = async () => (await app.db.kysely.selectFrom('audit_events').select('id').where('action', '=', 'partnership-update').execute()).length;

beforeAll(async () => {
  app = await buildTestApp();
  admin = await signIn(app, 'admin');
  central = (await send('POST', '/api/partnerships', { name: 'Central Bedfordshire test partnership', areas: [CENTRAL_BEDFORDSHIRE] })).json().id;
  bedford = (await send('POST', '/api/partnerships', { name: 'Bedford test partnership', areas: [BEDFORD] })).json().id;
  // The same id in two partnerships with no area in common is allowed.
  for (const id of [central, bedford]) {
    const defined = await send('POST', `/api/partnerships/${id}/local-measures`, CHAMPIONS);
    expect(defined.statusCode, defined.body).toBe(201);
  }
  const other = await send('POST', `/api/partnerships/${bedford}/local-measures`, { ...CHAMPIONS, id: 'bedford-only' });
  expect(other.statusCode, other.body).toBe(201);
}, 60_000);
afterAll(async () => {
  await app.close();
});

describe('changing the areas of a partnership with measures of its own', () => {
  it('refuses, in plain words, an area another partnership with a measure of the same id covers, and changes nothing', async () => {
    const before = await updatesAudited();
    const refused = await send('PATCH', `/api/partnerships/${bedford}`, { areas: [BEDFORD, CENTRAL_BEDFORDSHIRE], name: 'Renamed in the same request' });
    expect(refused.statusCode, refused.body).toBe(409);
    expect(refused.json()).toMatchObject({ statusCode: 409, error: 'Conflict', code: 'local-measure-clash' });
    expect(refused.json().message).toBe(
      'Bedford test partnership cannot take in Central Bedfordshire: Central Bedfordshire test partnership also covers Central Bedfordshire and has its own measure "champions-trained", as Bedford test partnership does. Partners\' figures for the two would be the same rows. Change one of the measure ids first, or leave Central Bedfordshire out.',
    );
    expect(await areasOf(bedford)).toEqual([BEDFORD]);
    expect((await send('GET', '/api/partnerships')).json().partnerships.map((p: { name: string }) => p.name)).not.toContain('Renamed in the same request');
    expect(await updatesAudited()).toBe(before);
  });

  it('refuses it from either side', async () => {
    const refused = await send('PATCH', `/api/partnerships/${central}`, { areas: [BEDFORD] });
    expect(refused.statusCode, refused.body).toBe(409);
    expect(refused.json().message).toContain('Bedford test partnership also covers Bedford');
    expect(await areasOf(central)).toEqual([CENTRAL_BEDFORDSHIRE]);
  });

  it('makes a change that keeps the two apart, audited', async () => {
    const before = await updatesAudited();
    const changed = await send('PATCH', `/api/partnerships/${bedford}`, { areas: [BEDFORD, LUTON] });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json().areas).toEqual([BEDFORD, LUTON]);
    expect(await updatesAudited()).toBe(before + 1);
  });

  it('allows the shared area once the clashing id is only in one of them', async () => {
    // A partnership with only measures the other does not define may share its area.
    const third = (await send('POST', '/api/partnerships', { name: 'Luton test partnership', areas: [LUTON] })).json().id;
    const own = await send('POST', `/api/partnerships/${third}/local-measures`, { ...CHAMPIONS, id: 'luton-only' });
    expect(own.statusCode, own.body).toBe(201);
    const changed = await send('PATCH', `/api/partnerships/${third}`, { areas: [LUTON, CENTRAL_BEDFORDSHIRE] });
    expect(changed.statusCode, changed.body).toBe(200);
  });
});
