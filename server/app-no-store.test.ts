// No API answer is kept by a browser or proxy (issue 14): every signed-in answer, export and
// error carries Cache-Control: no-store, generated from the route table so a route added tomorrow
// is covered. The one exception is the area register, public reference data its route marks
// for revalidation (server/routes/static-json.ts).
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PRIVATE_REVALIDATE } from './routes/static-json';
import { buildTestApp, signIn, upload, type Identity } from './test/helpers';
import { csvOf, validRow } from './test/rows';

let app: FastifyInstance;
let admin: Identity;
beforeAll(async () => {
  app = await buildTestApp();
  admin = await signIn(app, 'admin');
});
afterAll(async () => {
  await app.close();
});

const REVALIDATED = new Set(['/api/areas']);

describe('Cache-Control: no-store', () => {
  it('on every signed-in GET under /api, whatever its status', async () => {
    const routes = app.routeAccess.filter((r) => r.method === 'GET' && r.url.startsWith('/api/') && !r.url.includes(':') && !r.url.startsWith('/api/docs'));
    expect(routes.length).toBeGreaterThan(15);
    for (const route of routes) {
      const response = await app.inject({ url: route.url, headers: admin.headers });
      const expected = REVALIDATED.has(route.url) ? PRIVATE_REVALIDATE : 'no-store';
      expect(response.headers['cache-control'], `${route.url} → ${response.statusCode}`).toBe(expected);
    }
  });

  it('on /api/auth/me, which carries the CSRF token', async () => {
    const me = await app.inject({ url: '/api/auth/me', headers: admin.headers });
    expect(me.json().csrfToken).toEqual(expect.any(String));
    expect(me.headers['cache-control']).toBe('no-store');
  });

  it('on a CSV export, a change and a refusal', async () => {
    const stored = await upload(app, 'police', csvOf([validRow('police')]), { as: admin });
    expect(stored.response.headers['cache-control']).toBe('no-store');
    const csv = await app.inject({ url: `/api/submissions/${stored.body.submission.id}/export.csv`, headers: admin.headers });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['cache-control']).toBe('no-store');
    const missing = await app.inject({ url: '/api/submissions/999999', headers: admin.headers });
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['cache-control']).toBe('no-store');
    const anonymous = await app.inject({ url: '/api/auth/me' });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.headers['cache-control']).toBe('no-store');
  });

  it('on sign-in', async () => {
    const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: admin.email, password: 'wrong password' } });
    expect(login.headers['cache-control']).toBe('no-store');
  });
});
