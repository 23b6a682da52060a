// Two servers on one database (issue 15): an upload stored through one is served by the other's
// next request, without a restart, because every request looks at the figures data version.
import type { FastifyInstance } from 'fastify';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { buildTestApp, signIn, upload } from '../test/helpers';
import { csvOf, validRow } from '../test/rows';

const BEXLEY = 'E09000004';
const QUARTER = '2019-20Q3';

let dir: string;
const apps: FastifyInstance[] = [];
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'indicators-instances-'));
});
afterEach(async () => {
  for (const app of apps.splice(0)) await app.close();
  rmSync(dir, { recursive: true, force: true });
});

async function server(): Promise<FastifyInstance> {
  const app = await buildTestApp(undefined, { databasePath: join(dir, 'shared.sqlite') });
  await app.ready();
  apps.push(app);
  return app;
}

it('serves figures uploaded through another server from its next request', async () => {
  const reader = await server();
  const writer = await server();
  // Named apart: both servers create their users in the one database.
  const board = await signIn(reader, 'board', undefined, 'reader');
  const analyst = await signIn(writer, 'analyst', undefined, 'uploader');
  const chargesSeen = async () => {
    const response = await reader.inject({ url: `/api/indicators/charge-rate/values?area=${BEXLEY}&period=${QUARTER}`, headers: board.headers });
    expect(response.statusCode, response.body).toBe(200);
    return response.json().values[0].numerator as number | null;
  };

  expect(await chargesSeen()).toBeNull();
  for (const charges of [70, 90]) {
    const sent = await upload(writer, 'police', csvOf([validRow('police', { area_code: BEXLEY, period: QUARTER, charges })]), { as: analyst });
    expect(sent.status, JSON.stringify(sent.body)).toBe(201);
    expect(await chargesSeen()).toBe(charges);
  }
});
