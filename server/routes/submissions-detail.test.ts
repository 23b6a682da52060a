// The submission detail is serialised without the response schema's per-cell check (see
// submissions.ts), so this holds it to the schema: what is sent is exactly what the schema
// allows, for every return type's rows.
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { SubmissionDetailSchema } from '../../schemas/api';
import { buildTestApp, get, upload } from '../test/helpers';
import { csvOf, validRow } from '../test/rows';

let app: FastifyInstance;
beforeEach(async () => {
  app = await buildTestApp();
});
afterEach(async () => {
  await app.close();
});

it.each(['police', 'marac', 'idva', 'csc', 'refuge', 'population', 'benchmark'])('a %s submission’s detail matches its schema exactly', async (type) => {
  const { status, body } = await upload(app, type, csvOf([validRow(type, type === 'police' ? { crimes: 55, charges: 57 } : {})]));
  expect(status, JSON.stringify(body)).toBe(201);
  const response = await get(app, `/api/submissions/${body.submission.id}`);
  expect(response.statusCode).toBe(200);
  const sent = response.json();
  expect(SubmissionDetailSchema.parse(sent)).toEqual(sent);
  expect(sent.rowsStored.length).toBe(1);
});
