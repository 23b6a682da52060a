// Support for the indicator route tests: signing in as a role, loading returns through the real
// upload route, and reading values back. Tests state their data as rows of the return.
import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import { createOrganisation, createUser, findUserByEmail } from '../access/accounts';
import type { Role } from '../access/actor';
import { multipartBody } from '../test/helpers';
import { csvOf, validRow, type Cells } from '../test/rows';

const TEST_PASSWORD = 'a long enough test password 42';

const sessions = new WeakMap<FastifyInstance, Map<Role, Record<string, string>>>();

/** Headers of a signed-in session for a user of this role (created and signed in once per app). */
export async function signIn(app: FastifyInstance, role: Role): Promise<Record<string, string>> {
  const known = sessions.get(app)?.get(role);
  if (known) return known;
  const headers = await newSession(app, role);
  if (!sessions.has(app)) sessions.set(app, new Map());
  sessions.get(app)!.set(role, headers);
  return headers;
}

async function newSession(app: FastifyInstance, role: Role): Promise<Record<string, string>> {
  const email = `${role}@indicators.test`;
  if (!findUserByEmail(app.db, email)) {
    // A partner belongs to an organisation (the police force, the refuge provider).
    const organisationId = role === 'partner' ? createOrganisation(app.db, 'Test police force', 'police', app.now()).id : null;
    await createUser(app.db, { email, name: `Test ${role}`, role, organisationId, password: TEST_PASSWORD }, app.now());
  }
  const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password: TEST_PASSWORD } });
  expect(login.statusCode, login.body).toBe(204);
  const cookie = login.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  const me = await app.inject({ url: '/api/auth/me', headers: { cookie } });
  return { cookie, 'x-csrf-token': me.json().csrfToken };
}

/**
 * Uploads rows of one return type as an analyst and expects them stored. Rows are the
 * template's valid example row with the given cells changed (see server/test/rows.ts).
 */
export async function load(app: FastifyInstance, type: string, rows: Cells[]) {
  const analyst = await signIn(app, 'analyst');
  const { payload, headers } = multipartBody(csvOf(rows.map((r) => validRow(type, r))));
  const response = await app.inject({ method: 'POST', url: `/api/returns/${type}`, payload, headers: { ...headers, ...analyst } });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
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
