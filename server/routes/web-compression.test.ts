// Compressed answers: a built asset is sent as the brotli or gzip copy written at build time
// (scripts/precompress-web.ts), and JSON answers are compressed on the fly. Each comes back
// compressed only when asked (app.inject sends no Accept-Encoding, so every other test sees plain
// bodies), decompresses to exactly the plain bytes, and keeps the security headers. Bodies under
// COMPRESS_MIN_BYTES, index.html among them, are sent as they are.
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { precompressAssets } from '../../scripts/precompress-web';
import { COMPRESS_MIN_BYTES } from '../compression';
import { buildTestApp, signIn } from '../test/helpers';

const INDEX = '<!doctype html><title>Dashboard</title><div id="root"></div>';
/** Script text long enough to be worth compressing, different in each file. */
const script = (name: string) => Array.from({ length: 400 }, (_, i) => `export const ${name}${i} = ${i} * 2; // line ${i}`).join('\n');
const PRECOMPRESSED = 'assets/index-abc123.js';
const UNCOMPRESSED = 'assets/Page-def456.js';
const CSS = 'assets/index-ghi789.css';
const TINY = 'assets/tiny-jkl012.js';
const TINY_TEXT = 'export const a = 1;';

let dir: string;
let app: FastifyInstance;
let board: Record<string, string>;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dap-web-compression-'));
  const root = join(dir, 'web');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), INDEX);
  writeFileSync(join(root, PRECOMPRESSED), script('entry'));
  writeFileSync(join(root, CSS), Array.from({ length: 200 }, (_, i) => `.govuk-c${i} { margin: ${i}px; }`).join('\n'));
  writeFileSync(join(root, TINY), TINY_TEXT);
  // As `npm run build:web` does: copies beside every asset, then one asset written after them.
  await precompressAssets(join(root, 'assets'));
  writeFileSync(join(root, UNCOMPRESSED), script('page'));
  app = await buildTestApp(undefined, { webRoot: root });
  board = (await signIn(app, 'board')).headers;
});
afterAll(async () => {
  await app.close();
  rmSync(dir, { recursive: true, force: true });
});

const get = (url: string, headers: Record<string, string> = {}) => app.inject({ method: 'GET', url, headers });

const DECODE = { br: brotliDecompressSync, gzip: gunzipSync } as const;
type Encoding = keyof typeof DECODE;

/** The plain answer, and the same request asking for an encoding: the second must decode to the first's bytes. */
async function expectCompressed(url: string, encoding: Encoding, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
  const plain = await get(url, headers);
  expect(plain.statusCode).toBe(200);
  expect(plain.headers['content-encoding']).toBeUndefined();
  const compressed = await get(url, { ...headers, 'accept-encoding': encoding });
  expect(compressed.statusCode).toBe(200);
  expect(compressed.headers['content-encoding']).toBe(encoding);
  expect(compressed.headers.vary).toContain('accept-encoding');
  expect(compressed.headers['content-type']).toBe(plain.headers['content-type']);
  expect(compressed.rawPayload.length).toBeLessThan(plain.rawPayload.length / 2);
  expect(DECODE[encoding](compressed.rawPayload).equals(plain.rawPayload)).toBe(true);
  // Compression happens after the security headers are set, and leaves them alone.
  expect(compressed.headers['content-security-policy']).toBe(plain.headers['content-security-policy']);
  expect(compressed.headers['x-content-type-options']).toBe('nosniff');
  return compressed;
}

describe('built assets', () => {
  it.each<Encoding>(['br', 'gzip'])('sends the %s copy written at build time, still immutable', async (encoding) => {
    const response = await expectCompressed(`/${PRECOMPRESSED}`, encoding);
    expect(response.headers['content-type']).toMatch(/javascript/);
    expect(response.headers['cache-control']).toContain('immutable');
    expect(Number(response.headers['content-length'])).toBe(response.rawPayload.length);
  });

  it('prefers brotli when the browser accepts both, as browsers do', async () => {
    const response = await get(`/${PRECOMPRESSED}`, { 'accept-encoding': 'gzip, deflate, br, zstd' });
    expect(response.headers['content-encoding']).toBe('br');
  });

  it('sends stylesheets compressed', async () => {
    const response = await expectCompressed(`/${CSS}`, 'br');
    expect(response.headers['content-type']).toMatch(/^text\/css/);
  });

  it('sends an asset without a copy (a bare `vite build`) as it is, not compressing it per request', async () => {
    const response = await get(`/${UNCOMPRESSED}`, { 'accept-encoding': 'br, gzip' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-encoding']).toBeUndefined();
    expect(response.body).toBe(script('page'));
  });

  it('sends plain bytes, with Vary, to a request that does not ask for compression', async () => {
    const response = await get(`/${PRECOMPRESSED}`);
    expect(response.headers['content-encoding']).toBeUndefined();
    expect(response.headers.vary).toBe('accept-encoding');
    expect(response.body).toBe(script('entry'));
  });

  it(`sends a file under ${COMPRESS_MIN_BYTES} bytes as it is, even when asked: it has no copy`, async () => {
    const response = await get(`/${TINY}`, { 'accept-encoding': 'br, gzip' });
    expect(response.headers['content-encoding']).toBeUndefined();
    expect(response.body).toBe(TINY_TEXT);
  });

  it('sends index.html as it is, under the CSP', async () => {
    const response = await get('/overview', { accept: 'text/html', 'accept-encoding': 'br, gzip' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-encoding']).toBeUndefined();
    expect(response.body).toBe(INDEX);
    expect(response.headers['content-security-policy']).toContain("script-src 'self'");
  });
});

describe('JSON answers', () => {
  it.each<Encoding>(['br', 'gzip'])('compresses /api/areas with %s, keeping its ETag', async (encoding) => {
    const response = await expectCompressed('/api/areas', encoding, board);
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(response.headers.etag).toMatch(/^"/);
    expect(JSON.parse(DECODE[encoding](response.rawPayload).toString('utf8')).areas.length).toBeGreaterThan(0);
  });

  it.each<Encoding>(['br', 'gzip'])('compresses a serialised route answer (the indicator catalogue) with %s', async (encoding) => {
    await expectCompressed('/api/indicators', encoding, board);
  });

  it('answers a request without Accept-Encoding with plain JSON, as every other test relies on', async () => {
    const response = await get('/api/indicators', board);
    expect(response.headers['content-encoding']).toBeUndefined();
    expect(response.json().indicators.length).toBeGreaterThan(0);
  });

  it(`sends an answer under ${COMPRESS_MIN_BYTES} bytes as it is`, async () => {
    const response = await get('/api/auth/me', { ...board, 'accept-encoding': 'br, gzip' });
    expect(response.statusCode).toBe(200);
    expect(response.rawPayload.length).toBeLessThan(COMPRESS_MIN_BYTES);
    expect(response.headers['content-encoding']).toBeUndefined();
    expect(response.json().user.role).toBe('board');
  });

  it('leaves a 304 without a body', async () => {
    const { etag } = (await get('/api/areas', board)).headers as { etag: string };
    const response = await get('/api/areas', { ...board, 'accept-encoding': 'br', 'if-none-match': etag });
    expect(response.statusCode).toBe(304);
    expect(response.rawPayload.length).toBe(0);
    expect(response.headers['content-encoding']).toBeUndefined();
  });
});
