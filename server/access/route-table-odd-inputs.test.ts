// Nothing a client sends gives a 5xx (DOMAIN.md 9), generated from the route table like the
// authorisation test beside it: every route, as an administrator, a partner and an anonymous
// caller, gets odd inputs (wrong content types, empty, garbage, huge and deeply nested bodies,
// bad parameters and query values, odd Origin headers) and must answer each with less than 500.
// A route added tomorrow is swept without anyone remembering to add it.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { buildTestApp, signIn, type Identity } from '../test/helpers';
import { csvOf, validRow } from '../test/rows';
import { MAX_JSON_BODY_BYTES } from '../limits';

let app: FastifyInstance;
let webRoot: string;
const callers = new Map<string, Identity | null>();

beforeAll(async () => {
  // A built web app in a temporary folder (as web.test.ts does), so its routes answer as deployed.
  webRoot = mkdtempSync(join(tmpdir(), 'dap-odd-'));
  mkdirSync(join(webRoot, 'assets'));
  writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>Dashboard</title><div id="root"></div>');
  writeFileSync(join(webRoot, 'assets', 'index-abc123.js'), 'console.log("app")');
  app = await buildTestApp(undefined, { webRoot });
  callers.set('anonymous', null);
  callers.set('admin', await signIn(app, 'admin'));
  callers.set('partner', await signIn(app, 'partner'));
  // Something stored, so routes that read a submission or figures have data to trip over.
  const analyst = await signIn(app, 'analyst');
  const { multipartBody } = await import('../test/helpers');
  const { payload, headers } = multipartBody(csvOf([validRow('police')]));
  const stored = await app.inject({ method: 'POST', url: '/api/returns/police', payload, headers: { ...analyst.headers, ...headers } });
  expect(stored.statusCode).toBe(201);
});
afterAll(async () => {
  await app.close();
  rmSync(webRoot, { recursive: true, force: true });
});

/** Odd values for a path parameter, whatever it names. */
const ODD_PARAMS = ['x', '0', '-1', '1.5', '99999999999999999999999', '%00', '%ZZ', 'a'.repeat(2000), '..%2F..%2Fetc', '%F0%9F%92%A9'];

/** Odd query strings, tried on every route. */
const ODD_QUERIES = [
  '?area=&period=',
  '?area=E09000004&area=E09000005&period=2019-20Q3&period=x',
  '?period=%ZZ&area=%00',
  '?period=9999-00Q9&area=nowhere&benchmark=x',
  '?limit=-1&offset=abc',
  '?limit=1e400&offset=99999999999999999999',
  `?area=${'E09000004,'.repeat(500)}`,
  '?dryRun=maybe&confirmClear=1',
  '?subkey[]=x&type[a]=b',
  '?__proto__[polluted]=1&constructor[prototype][x]=1',
];

type Body = Pick<InjectOptions, 'payload' | 'headers'>;

/** Odd bodies with their content types, tried on every route. */
function oddBodies(): Array<[string, Body]> {
  const nested = '['.repeat(5000) + ']'.repeat(5000);
  // A body sign-in accepts, so that the Origin is what is tested there (first, before sign-in's rate limit).
  const signInBody = JSON.stringify({ email: 'nobody@example.test', password: 'not the password' });
  return [
    ['null Origin', { payload: signInBody, headers: { 'content-type': 'application/json', origin: 'null' } }],
    ['malformed Origin', { payload: signInBody, headers: { 'content-type': 'application/json', origin: 'http://[::1' } }],
    ['no body', {}],
    ['empty JSON', { payload: '', headers: { 'content-type': 'application/json' } }],
    ['garbage JSON', { payload: '{"email": "a@b", ', headers: { 'content-type': 'application/json' } }],
    ['JSON null', { payload: 'null', headers: { 'content-type': 'application/json' } }],
    ['JSON array', { payload: '[1,2,3]', headers: { 'content-type': 'application/json' } }],
    ['JSON with odd values', { payload: JSON.stringify({ email: ['x'], password: { a: 1 }, name: 1e308, role: 'god', grants: 'all', id: -1, __proto__x: 1 }), headers: { 'content-type': 'application/json' } }],
    ['JSON __proto__', { payload: '{"__proto__": {"polluted": true}, "constructor": {"prototype": {"x": 1}}}', headers: { 'content-type': 'application/json' } }],
    ['deeply nested JSON', { payload: nested, headers: { 'content-type': 'application/json' } }],
    ['huge JSON', { payload: JSON.stringify({ email: 'x'.repeat(MAX_JSON_BODY_BYTES * 2) }), headers: { 'content-type': 'application/json' } }],
    ['JSON declared as another charset', { payload: '{}', headers: { 'content-type': 'application/json; charset=utf-16' } }],
    ['raw CSV', { payload: csvOf([validRow('police')]), headers: { 'content-type': 'text/csv' } }],
    ['octet-stream', { payload: Buffer.from([0, 1, 2, 255, 254]), headers: { 'content-type': 'application/octet-stream' } }],
    ['form-encoded', { payload: 'email=a&password=b', headers: { 'content-type': 'application/x-www-form-urlencoded' } }],
    ['text/plain', { payload: 'hello', headers: { 'content-type': 'text/plain' } }],
    ['multipart without boundary', { payload: 'x', headers: { 'content-type': 'multipart/form-data' } }],
    ['truncated multipart', { payload: '--b\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\nperiod,', headers: { 'content-type': 'multipart/form-data; boundary=b' } }],
    ['nonsense content type', { payload: 'x', headers: { 'content-type': ';;;/' } }],
  ];
}

function routes() {
  // Signing out ends the sessions the other requests use, so it is left out (auth tests cover it).
  return [...app.routeAccess].filter((r) => r.method !== 'HEAD' && !r.url.endsWith('/logout'));
}

/** The route's URL with every parameter replaced by the given value (or a plausible one). */
function withParams(url: string, value?: string): string {
  const plausible: Record<string, string> = { type: 'police', id: '1', code: 'E09000004' };
  return url.replace(/:(\w+)/g, (_, name: string) => value ?? plausible[name] ?? 'x').replace(/\*$/, value ?? 'x');
}

/** Sends each request and lists every one answered with a 5xx, so a failure shows them all at once. */
async function fiveHundreds(requests: Array<[string, InjectOptions & { url: string }]>): Promise<string[]> {
  const failures: string[] = [];
  for (const [label, options] of requests) {
    const response = await app.inject(options);
    if (response.statusCode >= 500) failures.push(`${label} → ${response.statusCode} ${response.body.slice(0, 160)}`);
  }
  return failures;
}

describe('no route answers an odd request with a 5xx', () => {
  for (const caller of ['anonymous', 'admin', 'partner']) {
    it(`odd bodies, as ${caller}`, async () => {
      const identity = callers.get(caller)!;
      const requests: Array<[string, InjectOptions & { url: string }]> = [];
      for (const route of routes()) {
        if (route.method === 'GET' || route.method === 'DELETE') continue;
        for (const [name, body] of oddBodies()) {
          requests.push([
            `${caller} ${route.method} ${route.url} with ${name}`,
            { method: route.method as 'POST', url: withParams(route.url), payload: body.payload, headers: { ...(identity?.headers ?? {}), ...(body.headers as Record<string, string> | undefined) } },
          ]);
        }
      }
      expect(requests.length).toBeGreaterThan(50);
      expect(await fiveHundreds(requests)).toEqual([]);
    }, 120_000);

    it(`odd parameters and query values, as ${caller}`, async () => {
      const identity = callers.get(caller)!;
      const requests: Array<[string, InjectOptions & { url: string }]> = [];
      for (const route of routes()) {
        const urls = [...ODD_PARAMS.filter(() => /[:*]/.test(route.url)).map((v) => withParams(route.url, v)), ...ODD_QUERIES.map((q) => withParams(route.url) + q)];
        for (const url of urls) {
          const payload = route.method === 'GET' || route.method === 'DELETE' ? undefined : {};
          requests.push([`${caller} ${route.method} ${url.slice(0, 120)}`, { method: route.method as 'GET', url, payload, headers: identity?.headers }]);
        }
      }
      expect(await fiveHundreds(requests)).toEqual([]);
    }, 120_000);
  }
});
