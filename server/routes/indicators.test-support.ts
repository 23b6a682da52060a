// Support for the indicator route tests: signing in as a role, loading returns through the real
// upload route, and reading values back. Tests state their data as rows of the return.
import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import type { Role } from '../access/actor';
import { signIn as signInAs, upload } from '../test/helpers';
import { csvOf, validRow, type Cells } from '../test/rows';

/** Headers of a signed-in session for a user of this role (created and signed in once per app). */
export async function signIn(app: FastifyInstance, role: Role): Promise<Record<string, string>> {
  return (await signInAs(app, role)).headers;
}

/**
 * Uploads rows of one return type as an analyst and expects them stored. Rows are the
 * template's valid example row with the given cells changed (see server/test/rows.ts).
 */
export async function load(app: FastifyInstance, type: string, rows: Cells[]) {
  const { status, body } = await upload(app, type, csvOf(rows.map((r) => validRow(type, r))));
  expect(status, JSON.stringify(body)).toBe(201);
  return body;
}

/** GET as a role (board members see the suppressed view; analysts the unsuppressed one). */
export async function getAs(app: FastifyInstance, role: Role, url: string) {
  const response = await app.inject({ url, headers: await signIn(app, role) });
  return { status: response.statusCode, body: response.json() };
}

/** The first value of a values request, as a board member sees it unless another role is given. */
export async function valueOf(app: FastifyInstance, indicator: string, area: string, period: string, extra = '', role: Role = 'board') {
  const { status, body } = await getAs(app, role, `/api/indicators/${indicator}/values?area=${area}&period=${period}${extra}`);
  expect(status, JSON.stringify(body)).toBe(200);
  return body.values[0];
}

/** Four quarters' police rows for one area, with the given figures in each quarter. */
export function policeQuarters(area: string, quarters: string[], cells: Array<Record<string, number | string>>): Cells[] {
  return quarters.map((period, i) => ({ period, area_code: area, ...cells[i] }));
}
