// Several servers on one database (issue 15): a measure an administrator defines or changes
// through one server is served by another from its next request, because both follow the
// local-measures data version, which moves in the transaction that changes the measures (and
// only then: a refused definition leaves it).
import type { FastifyInstance } from 'fastify';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, signIn, type Identity } from '../test/helpers';

const CENTRAL_BEDFORDSHIRE = 'E06000056';

let dir: string;
let one: FastifyInstance;
let other: FastifyInstance;
let admin: Identity;
let board: Identity;
let partnership: number;

const MEASURE = {
  id: 'refuge-nights',
  title: 'Nights in refuge',
  unit: 'nights',
  numerator: 'Nights spent in the partnership’s refuges',
  denominator: null,
  multiplier: 1,
  polarity: 'no-judgement',
  interval: 'byar',
  organisations: [],
} as const;

const send = (app: FastifyInstance, who: Identity, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown) =>
  app.inject({ method, url, headers: who.headers, ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }) });

const values = (app: FastifyInstance) => send(app, board, 'GET', `/api/indicators/local:${partnership}:${MEASURE.id}/values?area=${CENTRAL_BEDFORDSHIRE}&period=2024-25`);

const version = async () => (await one.db.kysely.selectFrom('data_versions').select('version').where('name', '=', 'local-measures').executeTakeFirstOrThrow()).version;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'local-measures-instances-'));
  one = await buildTestApp(undefined, { databasePath: join(dir, 'shared.sqlite') });
  other = await buildTestApp(undefined, { databasePath: join(dir, 'shared.sqlite') });
  // Users and sessions live in the database, so either server knows them.
  admin = await signIn(one, 'admin');
  board = await signIn(one, 'board');
  const created = await send(one, admin, 'POST', '/api/partnerships', { name: 'Two servers partnership', areas: [CENTRAL_BEDFORDSHIRE], members: [board.userId] });
  expect(created.statusCode, created.body).toBe(201);
  partnership = created.json().id;
}, 60_000);
afterAll(async () => {
  await one?.close();
  await other?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('a local measure on two servers', () => {
  it('is served by the other server from its next request once defined on one', async () => {
    // The other server has loaded its catalogue before the measure exists.
    expect((await values(other)).statusCode).toBe(404);
    const before = await version();
    const defined = await send(one, admin, 'POST', `/api/partnerships/${partnership}/local-measures`, MEASURE);
    expect(defined.statusCode, defined.body).toBe(201);
    expect(await version()).toBe(before + 1);
    const served = await values(other);
    expect(served.statusCode, served.body).toBe(200);
    expect(served.json().indicator).toMatchObject({ id: `local:${partnership}:${MEASURE.id}`, title: 'Nights in refuge' });
  });

  it('serves a change made on one server under its new wording on the other', async () => {
    const before = await version();
    const changed = await send(other, admin, 'PATCH', `/api/partnerships/${partnership}/local-measures/${MEASURE.id}`, { title: 'Nights in refuge accommodation' });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(await version()).toBe(before + 1);
    expect((await values(one)).json().indicator.title).toBe('Nights in refuge accommodation');
  });

  it('leaves the version where it was when a definition is refused', async () => {
    const before = await version();
    const twice = await send(other, admin, 'POST', `/api/partnerships/${partnership}/local-measures`, MEASURE);
    expect(twice.statusCode).toBe(409);
    const wilsonCount = await send(one, admin, 'POST', `/api/partnerships/${partnership}/local-measures`, { ...MEASURE, id: 'refuge-share', interval: 'wilson' });
    expect(wilsonCount.statusCode).toBe(400);
    expect(await version()).toBe(before);
  });
});
