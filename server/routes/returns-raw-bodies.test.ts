// Nothing a client sends gives a 5xx (DOMAIN.md 9): a return posted as anything but a multipart
// upload is 415 with a plain message, and a "null" or malformed Origin on a state-changing
// request (sign-in included) is refused with 403.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildTestApp, partnerToken, signIn, tableCounts, TEST_PASSWORD } from '../test/helpers';
import { csvOf, validRow } from '../test/rows';

let app: FastifyInstance;
beforeEach(async () => {
  app = await buildTestApp();
});
afterEach(async () => {
  await app.close();
});

const file = () => csvOf([validRow('police')]);

describe('a return that is not a multipart upload', () => {
  it.each([
    ['text/csv', () => file()],
    ['text/csv; charset=utf-8', () => file()],
    ['text/plain', () => file()],
    ['application/octet-stream', () => Buffer.from(file())],
    ['application/x-www-form-urlencoded', () => 'file=period%2Carea_code'],
    ['application/json', () => JSON.stringify({ file: file() })],
    ['application/json', () => '{not json'],
    ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', () => Buffer.from('PK\u0003\u0004')],
    ['multipartform-data', () => file()],
  ])('sent as %s is 415 with a plain message, for the dry run and the upload', async (contentType, body) => {
    const identity = await signIn(app, 'analyst');
    for (const query of ['?dryRun=true', '']) {
      const response = await app.inject({ method: 'POST', url: `/api/returns/police${query}`, payload: body(), headers: { ...identity.headers, 'content-type': contentType } });
      expect(response.statusCode, response.body).toBe(415);
      expect(response.json()).toMatchObject({ statusCode: 415, code: 'not-multipart' });
      expect(response.json().message).toMatch(/multipart\/form-data/);
      expect(response.json().message).toMatch(/field called "file"/);
    }
    expect((await tableCounts(app)).submissions).toBe(0);
  });

  it('with no body and no content type is 415', async () => {
    const identity = await signIn(app, 'analyst');
    const response = await app.inject({ method: 'POST', url: '/api/returns/police', headers: identity.headers });
    expect(response.statusCode).toBe(415);
    expect(response.json().code).toBe('not-multipart');
  });

  it('from an API token is 415 too', async () => {
    const token = await partnerToken(app, [{ returnType: 'police', areaCode: 'E09000004' }]);
    const response = await app.inject({ method: 'POST', url: '/api/returns/police', payload: file(), headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' } });
    expect(response.statusCode).toBe(415);
  });

  it('still needs a signed-in caller first (401 before 415)', async () => {
    const response = await app.inject({ method: 'POST', url: '/api/returns/police', payload: file(), headers: { 'content-type': 'text/csv' } });
    expect(response.statusCode).toBe(401);
  });

  it('a multipart body without a boundary is a 4xx', async () => {
    const identity = await signIn(app, 'analyst');
    const response = await app.inject({ method: 'POST', url: '/api/returns/police', payload: file(), headers: { ...identity.headers, 'content-type': 'multipart/form-data' } });
    expect(response.statusCode).toBeGreaterThanOrEqual(400);
    expect(response.statusCode).toBeLessThan(500);
  });
});

describe('an odd Origin header', () => {
  const BAD_ORIGINS = ['null', 'not a url', 'http://', '://x', 'javascript:alert(1)', 'file:///etc/passwd', 'http://localhost:80/path', 'http://a.example, http://b.example', 'http://[::1', '\u00ff'];
  const login = (origin: string, email = 'nobody@example.test') =>
    app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password: TEST_PASSWORD }, headers: { origin } });

  it.each(BAD_ORIGINS)('%j on sign-in is refused with 403, never 500', async (origin) => {
    const response = await login(origin);
    expect(response.statusCode, response.body).toBe(403);
    expect(response.json()).toMatchObject({ statusCode: 403, code: 'bad-origin' });
    expect(response.headers['set-cookie']).toBeUndefined();
  });

  it('another site is refused as before, and the dashboard itself is let in', async () => {
    await signIn(app, 'analyst', undefined, 'ann'); // creates ann-0@example.test
    expect((await login('https://evil.example', 'ann-0@example.test')).statusCode).toBe(403);
    expect((await login('http://localhost:80', 'ann-0@example.test')).statusCode).toBe(204);
  });

  it('on an upload, a sign-out and an admin change is refused with 403, never 500', async () => {
    const identity = await signIn(app, 'admin');
    for (const [method, url] of [['POST', '/api/returns/police'], ['POST', '/api/auth/logout'], ['POST', '/api/auth/password']] as const) {
      for (const origin of ['null', 'not a url']) {
        const response = await app.inject({ method, url, headers: { ...identity.headers, origin }, payload: {} });
        expect(response.statusCode, `${method} ${url} ${origin}`).toBe(403);
        expect(response.json().code).toBe('bad-origin');
      }
    }
  });

  it('is ignored on reading requests', async () => {
    const response = await app.inject({ url: '/api/health', headers: { origin: 'null' } });
    expect(response.statusCode).toBe(200);
  });
});
