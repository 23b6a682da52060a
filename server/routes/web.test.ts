// Serving the built web app: pages from index.html (never cached) so the app's router can show a
// bookmarked address, hashed assets cached for a year, and nothing that escapes the build folder
// or shadows the API. The app is "built" into a temporary folder here so the test does not
// depend on `npm run build`.
import type { FastifyInstance } from 'fastify';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../test/helpers';

const INDEX = '<!doctype html><title>Dashboard</title><div id="root"></div>';
const ASSET = 'assets/index-abc123.js';

let dir: string;
let app: FastifyInstance;
let unbuilt: FastifyInstance;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dap-web-'));
  const root = join(dir, 'web');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), INDEX);
  writeFileSync(join(root, ASSET), 'console.log("app")');
  writeFileSync(join(root, 'robots.txt'), 'User-agent: *\nDisallow: /\n');
  writeFileSync(join(dir, 'secret.txt'), 'outside the build');
  app = await buildTestApp(undefined, { webRoot: root });
  unbuilt = await buildTestApp(undefined, { webRoot: join(dir, 'missing') });
});
afterAll(async () => {
  await app.close();
  await unbuilt.close();
  rmSync(dir, { recursive: true, force: true });
});

const page = (url: string, server = app) => server.inject({ method: 'GET', url, headers: { accept: 'text/html,application/xhtml+xml' } });

describe('the web app', () => {
  it.each(['/', '/overview', '/indicators/repeat-victim-rate?area=E06000060&period=2020-21', '/admin/users'])('serves index.html for %s, uncached, under the CSP', async (url) => {
    const response = await page(url);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    expect(response.body).toBe(INDEX);
    expect(response.headers['cache-control']).toBe('no-cache');
    expect(response.headers['content-security-policy']).toContain("script-src 'self'");
    expect(response.headers['x-frame-options']).toBe('SAMEORIGIN');
  });

  it('serves hashed assets with a year-long immutable cache', async () => {
    const response = await app.inject({ method: 'GET', url: `/${ASSET}` });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/javascript/);
    expect(response.headers['cache-control']).toContain('immutable');
    expect(response.headers['cache-control']).toContain('max-age=31536000');
  });

  it('serves plain files at the top of the build', async () => {
    const response = await app.inject({ method: 'GET', url: '/robots.txt' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('Disallow: /');
  });

  it.each(['/assets/missing.js', '/assets/../../secret.txt', '/assets/%2e%2e/%2e%2e/secret.txt', '/..%2fsecret.txt', '/.env'])('answers 404 for %s', async (url) => {
    const response = await page(url);
    if (response.statusCode === 200) expect(response.body).toBe(INDEX);
    else expect(response.statusCode).toBe(404);
    expect(response.body).not.toContain('outside the build');
  });

  it('leaves unknown API paths to the API, with its JSON 404', async () => {
    const response = await page('/api/no-such-thing');
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ statusCode: 404, message: 'There is nothing at GET /api/no-such-thing.' });
  });

  it('answers 404, not a page, to a request that does not ask for HTML', async () => {
    const response = await app.inject({ method: 'GET', url: '/overview', headers: { accept: 'application/json' } });
    expect(response.statusCode).toBe(404);
  });

  it('says how to build the app when it has not been built', async () => {
    const response = await page('/overview', unbuilt);
    expect(response.statusCode).toBe(503);
    expect(response.body).toContain('npm run build');
    expect((await unbuilt.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
  });
});
