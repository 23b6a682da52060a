// Shared test helpers: a fresh app on an in-memory database per test, and a multipart upload
// built by hand so tests send exactly the bytes a browser would.
import type { FastifyInstance, InjectOptions } from 'fastify';
import { buildApp, type AppOptions } from '../app';
import { createOrganisation, createUser, replaceGrants } from '../access/accounts';
import type { Grant, Role } from '../access/actor';
import { createToken } from '../access/tokens';
import { testDatabaseTarget } from './database';

/** A day inside 2026-27 Q3: every quarter up to 2026-27 Q2 (Jul–Sep 2026) has ended. */
export const TEST_NOW = new Date('2026-11-22T12:00:00Z');

/** An app on a new empty database of the engine under test (server/test/database.ts), dropped when the app closes. */
export async function buildTestApp(now: Date | (() => Date) = TEST_NOW, options: Partial<AppOptions> = {}): Promise<FastifyInstance> {
  const target = options.databasePath ? null : await testDatabaseTarget();
  return buildApp({ databasePath: target?.path ?? ':memory:', afterClose: target?.drop, now: typeof now === 'function' ? now : () => now, ...options });
}

export const TEST_PASSWORD = 'correct horse battery staple';

export interface Identity {
  headers: Record<string, string>;
  email: string;
  userId: number;
}

const identities = new WeakMap<FastifyInstance, Map<string, Promise<Identity>>>();

/**
 * Signs in a user of the given role through the real sign-in route and returns the headers a
 * browser would send: the session cookie and the CSRF token from /api/auth/me. Partners belong
 * to an organisation with the given grants (by default police returns for Bexley).
 */
export function signIn(app: FastifyInstance, role: Role, grants: Grant[] = [{ returnType: 'police', areaCode: 'E09000004' }], name: string = role): Promise<Identity> {
  const cache = identities.get(app) ?? new Map<string, Promise<Identity>>();
  identities.set(app, cache);
  const key = `${role}:${name}:${JSON.stringify(grants)}`;
  // The promise is cached, so concurrent requests in one test share one user.
  if (!cache.has(key)) cache.set(key, createAndSignIn(app, role, grants, name, cache.size));
  return cache.get(key)!;
}

async function createAndSignIn(app: FastifyInstance, role: Role, grants: Grant[], name: string, n: number): Promise<Identity> {
  const email = `${name}-${n}@example.test`;
  let organisationId: number | null = null;
  if (role === 'partner') {
    organisationId = (await createOrganisation(app.db, `Partner ${name} ${n}`, 'police', app.now())).id;
    await replaceGrants(app.db, organisationId, grants);
  }
  const user = await createUser(app.db, { email, name, role, organisationId, password: TEST_PASSWORD }, app.now());
  const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password: TEST_PASSWORD } });
  if (login.statusCode !== 204) throw new Error(`sign-in failed: ${login.statusCode} ${login.body}`);
  const cookie = login.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  const me = await app.inject({ url: '/api/auth/me', headers: { cookie } });
  return { headers: { cookie, 'x-csrf-token': me.json().csrfToken as string }, email, userId: user.id };
}

/** A bearer token for a new partner organisation with the given grants. */
export async function partnerToken(app: FastifyInstance, grants: Grant[]): Promise<string> {
  const organisation = await createOrganisation(app.db, `Token partner ${Math.random().toString(36).slice(2)}`, 'police', app.now());
  await replaceGrants(app.db, organisation.id, grants);
  return (await createToken(app.db, organisation.id, 'nightly export', null, app.now())).token;
}

/** GET (or any request) as a signed-in user; analysts see everything unsuppressed. */
export async function request(app: FastifyInstance, options: InjectOptions & { url: string }, role: Role = 'analyst') {
  const identity = await signIn(app, role);
  return app.inject({ ...options, headers: { ...identity.headers, ...(options.headers as Record<string, string> | undefined) } });
}

export async function get(app: FastifyInstance, url: string, role: Role = 'analyst') {
  return request(app, { method: 'GET', url }, role);
}

export function multipartBody(content: Buffer | string, fileName = 'return.csv', fieldName = 'file', contentType = 'text/csv') {
  const boundary = '----test-boundary-7d3f2a';
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="${fieldName}"; filename="${fileName}"\r\nContent-Type: ${contentType}\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return {
    payload: Buffer.concat([head, Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8'), tail]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

export async function upload(
  app: FastifyInstance,
  type: string,
  content: Buffer | string,
  options: { fileName?: string; dryRun?: boolean; fieldName?: string; as?: Identity | { headers: Record<string, string> } } = {},
) {
  const { payload, headers } = multipartBody(content, options.fileName, options.fieldName);
  const identity = options.as ?? (await signIn(app, 'analyst'));
  const response = await app.inject({
    method: 'POST',
    url: `/api/returns/${type}${options.dryRun ? '?dryRun=true' : ''}`,
    payload,
    headers: { ...identity.headers, ...headers },
  });
  return { status: response.statusCode, body: response.json(), response };
}

/** Counts rows in every data table: "nothing stored" means all of these are unchanged. */
export async function tableCounts(app: FastifyInstance) {
  const count = async (table: 'submissions' | 'return_rows' | 'current_rows') =>
    Number((await app.db.kysely.selectFrom(table).select(({ fn }) => fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  return { submissions: await count('submissions'), rows: await count('return_rows'), current: await count('current_rows') };
}

/** A CSV from a header and rows; cells are written as given (quote them yourself where needed). */
export function csv(header: string[], rows: Array<Array<string | number>>, eol = '\n'): string {
  return [header.join(','), ...rows.map((r) => r.join(','))].join(eol) + eol;
}
