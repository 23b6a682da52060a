// Authorisation of every route, generated from the route table itself: a route added tomorrow
// is in this test without anyone remembering to add it. Anonymous callers get 401 from every
// non-public route; each role gets 403 exactly where its access does not reach.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildTestApp, signIn, type Identity } from '../test/helpers';
import { ROLES, type Role } from './actor';
import { isPublic } from './policy';

let app: FastifyInstance;
const identities = new Map<Role, Identity>();

beforeAll(async () => {
  app = await buildTestApp();
  for (const role of ROLES) identities.set(role, await signIn(app, role));
});
afterAll(async () => {
  await app.close();
});

/** A concrete URL for a route pattern: parameters get plausible values. */
function concrete(url: string): string {
  const values: Record<string, string> = { type: 'police', id: '1', code: 'E09000004' };
  return url.replace(/:(\w+)/g, (_, name: string) => values[name] ?? 'x').replace(/\*$/, 'x');
}

function routes() {
  // Signing out ends the session the other checks use, so it goes last.
  return [...app.routeAccess]
    .filter((r) => r.method !== 'HEAD')
    .sort((a, b) => Number(a.url.endsWith('/logout')) - Number(b.url.endsWith('/logout')));
}

describe('the route table', () => {
  it('declares access on every route, and only health, sign-in and the web app are public', () => {
    expect(app.routeAccess.length).toBeGreaterThan(15);
    const publicApi = app.routeAccess.filter((r) => isPublic(r.access) && r.url.startsWith('/api') && r.method !== 'HEAD').map((r) => `${r.method} ${r.url}`);
    expect(publicApi.sort()).toEqual(['GET /api/auth/sign-in-info', 'GET /api/health', 'GET /api/health/live', 'GET /api/health/ready', 'POST /api/auth/login'].sort());
    // Outside /api only the web app's pages and assets, which never answer an /api path.
    const publicWeb = app.routeAccess.filter((r) => isPublic(r.access) && !r.url.startsWith('/api') && r.method !== 'HEAD').map((r) => `${r.method} ${r.url}`);
    expect(publicWeb.sort()).toEqual(['GET /', 'GET /*']);
  });

  it('refuses anonymous callers on every other route with 401', async () => {
    for (const route of routes()) {
      const response = await app.inject({ method: route.method as 'GET', url: concrete(route.url) });
      const label = `${route.method} ${route.url}`;
      if (isPublic(route.access)) expect(response.statusCode, label).toBeLessThan(500);
      else expect(response.statusCode, label).toBe(401);
    }
  });

  for (const role of ROLES) {
    it(`gives ${role} exactly the routes its role allows`, async () => {
      const identity = identities.get(role)!;
      for (const route of routes()) {
        if (isPublic(route.access)) continue;
        const response = await app.inject({ method: route.method as 'GET', url: concrete(route.url), headers: identity.headers, payload: route.method === 'GET' || route.method === 'DELETE' ? undefined : {} });
        const label = `${role} ${route.method} ${route.url} → ${response.statusCode} ${response.body.slice(0, 120)}`;
        expect(response.statusCode, label).toBeLessThan(500);
        expect(response.statusCode, label).not.toBe(401);
        if (route.access.roles.includes(role)) expect(response.statusCode, label).not.toBe(403);
        else expect(response.statusCode, label).toBe(403);
      }
    });
  }

  it('records every refusal in the audit trail', async () => {
    const denied = Number((await app.db.kysely.selectFrom('audit_events').select(({ fn }) => fn.countAll().as('n')).where('action', '=', 'access-denied').executeTakeFirstOrThrow()).n);
    expect(denied).toBeGreaterThan(20);
  });
});
