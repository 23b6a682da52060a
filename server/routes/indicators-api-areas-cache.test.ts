// /api/areas is the register (88 KB for a national one) and cannot change while the process runs: it is
// built once and sent with a strong ETag, so a browser that already has it gets a 304 with no
// body. The answer is for signed-in users only, so only the browser may keep it, and must ask.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, signIn } from '../test/helpers';
import { matchesIfNoneMatch, PRIVATE_REVALIDATE } from './static-json';

let app: FastifyInstance;
let headers: Record<string, string>;

beforeAll(async () => {
  app = await buildTestApp();
  headers = (await signIn(app, 'board')).headers;
});
afterAll(async () => app.close());

const areas = (extra: Record<string, string> = {}) => app.inject({ url: '/api/areas', headers: { ...headers, ...extra } });

describe('GET /api/areas', () => {
  it('sends the register as JSON with a strong ETag, kept privately and revalidated', async () => {
    const response = await areas();
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(response.headers.etag).toMatch(/^"[A-Za-z0-9_-]{43}"$/);
    expect(response.headers['cache-control']).toBe(PRIVATE_REVALIDATE);
    expect(response.json().areas.find((a: { code: string }) => a.code === 'E09000004')).toMatchObject({ name: 'Bexley' });
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
  });

  it('sends the same bytes and the same ETag every time', async () => {
    const [first, second] = [await areas(), await areas()];
    expect(second.headers.etag).toBe(first.headers.etag);
    expect(second.rawPayload.equals(first.rawPayload)).toBe(true);
  });

  it('answers 304 with no body to If-None-Match naming the current ETag, weakly or in a list, or *', async () => {
    const { etag } = (await areas()).headers as { etag: string };
    for (const ifNoneMatch of [etag, `W/${etag}`, `"stale", ${etag}`, '*']) {
      const response = await areas({ 'if-none-match': ifNoneMatch });
      expect(response.statusCode, ifNoneMatch).toBe(304);
      expect(response.body).toBe('');
      expect(response.headers.etag).toBe(etag);
      expect(response.headers['cache-control']).toBe(PRIVATE_REVALIDATE);
    }
  });

  it('sends the whole answer to If-None-Match naming another ETag', async () => {
    const response = await areas({ 'if-none-match': '"an-older-register"' });
    expect(response.statusCode).toBe(200);
    expect(response.rawPayload.equals((await areas()).rawPayload)).toBe(true);
  });

  it('still asks for a sign-in first: no 304 and no ETag for an anonymous caller', async () => {
    const { etag } = (await areas()).headers as { etag: string };
    const response = await app.inject({ url: '/api/areas', headers: { 'if-none-match': etag } });
    expect(response.statusCode).toBe(401);
    expect(response.headers.etag).toBeUndefined();
  });
});

describe('matchesIfNoneMatch', () => {
  it.each([
    [undefined, false],
    ['', false],
    ['"abc"', true],
    ['W/"abc"', true],
    ['"x" , "abc"', true],
    ['*', true],
    ['"abcd"', false],
    ['abc', false],
  ])('%j matches "abc": %s', (header, expected) => {
    expect(matchesIfNoneMatch(header, '"abc"')).toBe(expected);
  });
});
