// Health that tells the truth (issue 14): liveness stays as DOMAIN.md section 9 says; readiness
// proves the database can take a write, and a full disk or a read-only database is said in words
// (503), on /api/health/ready and on the request that could not be saved, while reads, token
// reads included, carry on.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/database';
import { freeDiskBytes, writeProblem } from '../db/storage';
import { StorageError } from '../db/storage-errors';
import { quarterId } from '../../schemas/periods';
import { buildTestApp, partnerToken, signIn, upload } from '../test/helpers';
import { csvOf, validRow } from '../test/rows';
import { TEST_ENGINE } from '../test/database';

/** Tests of what only SQLite has run in the server project, not again in server-postgres. */
const ON_SQLITE = TEST_ENGINE === 'sqlite';

let app: FastifyInstance | undefined;
const dirs: string[] = [];
afterEach(async () => {
  await app?.close();
  app = undefined;
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDir() {
  const dir = mkdtempSync(join(tmpdir(), 'dap-health-'));
  dirs.push(dir);
  return dir;
}

/** No page beyond those the file has: every write that needs a new page fails, as on a full disk. */
function fillTheDisk(app: FastifyInstance) {
  app.db.sqlite!.pragma(`max_page_count = ${app.db.sqlite!.pragma('page_count', { simple: true }) as number}`);
}

describe('liveness', () => {
  it.each(['/api/health', '/api/health/live'])('%s answers 200 {"status":"ok"}', async (url) => {
    app = await buildTestApp();
    const response = await app.inject({ url });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok' });
  });
});

describe('readiness', () => {
  it('is ready when the database takes a write, and the probe leaves nothing behind', async () => {
    app = await buildTestApp(undefined, { databasePath: join(tempDir(), 'db.sqlite!') });
    const response = await app.inject({ url: '/api/health/ready' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ready' });
    const left = await app.db.kysely.selectFrom('health_probe').select(({ fn }) => fn.countAll().as('n')).executeTakeFirstOrThrow();
    expect(Number(left.n)).toBe(0);
  });

  // SQLite-only: a full disk is simulated with SQLite's max_page_count pragma.
  it.runIf(ON_SQLITE)('with the disk full: 503 in words on /api/health/ready, 503 in words for an upload, and liveness still 200', async () => {
    app = await buildTestApp();
    const analyst = await signIn(app, 'analyst');
    fillTheDisk(app);
    const ready = await app.inject({ url: '/api/health/ready' });
    expect(ready.statusCode).toBe(503);
    expect(ready.json()).toMatchObject({ status: 'not-ready', code: 'disk-full' });
    expect(ready.json().reason).toMatch(/is full, so nothing can be saved\. Free space on that disk/);
    expect((await app.inject({ url: '/api/health' })).statusCode).toBe(200);

    // Five years of quarters: storing them needs new pages, as any sizeable upload does.
    const quarters = Array.from({ length: 20 }, (_, i) => quarterId({ startYear: 2015 + Math.floor(i / 4), quarter: ((i % 4) + 1) as 1 | 2 | 3 | 4 }));
    const stored = await upload(app, 'police', csvOf(quarters.map((period) => validRow('police', { period, notes: 'Figures revised after review. '.repeat(20) }))), { as: analyst });
    expect(stored.status).toBe(503);
    expect(stored.body).toMatchObject({ code: 'disk-full' });
    expect(stored.body.message).toMatch(/^Nothing was saved\. The disk that holds the database/);
    expect(stored.response.body).not.toMatch(/SQLITE|at .*\.ts/);
    expect(Number((await app.db.kysely.selectFrom('submissions').select(({ fn }) => fn.countAll().as('n')).executeTakeFirstOrThrow()).n)).toBe(0);

    // Room again: ready again, without a restart.
    app.db.sqlite!.pragma('max_page_count = 1073741823');
    expect((await app.inject({ url: '/api/health/ready' })).statusCode).toBe(200);
  });

  // SQLite-only: a read-only database is simulated with SQLite's query_only pragma.
  it.runIf(ON_SQLITE)('with the database read-only: 503 on readiness, while signed-in and token reads carry on', async () => {
    app = await buildTestApp();
    const board = await signIn(app, 'board');
    const token = await partnerToken(app, [{ returnType: 'police', areaCode: 'E09000004' }]);
    // Every write fails from here on, as on a file or disk that has become read-only.
    app.db.sqlite!.pragma('query_only = ON');
    const ready = await app.inject({ url: '/api/health/ready' });
    expect(ready.statusCode).toBe(503);
    expect(ready.json()).toMatchObject({ status: 'not-ready', code: 'read-only' });
    expect(ready.json().reason).toMatch(/cannot be written: the file or its folder is read-only/);
    // The token's first use would record last_used_at; that write fails and the read goes on.
    const partnerRead = await app.inject({ url: '/api/submissions', headers: { authorization: `Bearer ${token}` } });
    expect(partnerRead.statusCode).toBe(200);
    expect((await app.inject({ url: '/api/auth/me', headers: board.headers })).statusCode).toBe(200);
  });

  // SQLite-only: a read-only database is simulated with SQLite's query_only pragma.
  it.runIf(ON_SQLITE)('with the database read-only, a session due to record its activity still reads', async () => {
    let now = new Date('2026-11-22T12:00:00Z');
    app = await buildTestApp(() => now);
    const board = await signIn(app, 'board');
    const seen = async () => (await app!.db.kysely.selectFrom('sessions').select('last_seen_at').executeTakeFirstOrThrow()).last_seen_at;
    const before = await seen();
    app.db.sqlite!.pragma('query_only = ON');
    now = new Date(now.getTime() + 2 * 60_000);
    expect((await app.inject({ url: '/api/auth/me', headers: board.headers })).statusCode).toBe(200);
    expect(await seen()).toBe(before);
    app.db.sqlite!.pragma('query_only = OFF');
    expect((await app.inject({ url: '/api/auth/me', headers: board.headers })).statusCode).toBe(200);
    expect(await seen()).toBe(now.toISOString());
  });

  // SQLite-only: free space is that of the disk holding the database file.
  it.runIf(ON_SQLITE)('counts a disk nearly full as not ready, before writes start failing', async () => {
    const db = await openDatabase(join(tempDir(), 'db.sqlite!'));
    try {
      expect(await writeProblem(db)).toBeNull();
      const problem = await writeProblem(db, Number.MAX_SAFE_INTEGER);
      expect(problem).toMatchObject({ code: 'disk-full' });
      expect(problem!.message).toMatch(/has only \d+ MB free, too little to take an upload safely/);
      // PostgreSQL's disk is its server's: no file here to measure.
      expect(freeDiskBytes(db)).toBeGreaterThan(0);
      expect(freeDiskBytes({ ...db, engine: 'postgres' })).toBeNull();
    } finally {
      await db.close();
    }
  });

  it('rolls the probe back without touching a write made beside it', async () => {
    app = await buildTestApp();
    const [problem] = await Promise.all([writeProblem(app.db), app.db.kysely.insertInto('settings').values({ key: 'beside-the-probe', value: 'kept' }).execute()]);
    expect(problem).toBeNull();
    expect(await app.db.kysely.selectFrom('settings').select('value').where('key', '=', 'beside-the-probe').executeTakeFirst()).toEqual({ value: 'kept' });
    const left = await app.db.kysely.selectFrom('health_probe').select(({ fn }) => fn.countAll().as('n')).executeTakeFirstOrThrow();
    expect(Number(left.n)).toBe(0);
  });
});

// SQLite-only: what happens to a database file on a disk.
describe.runIf(ON_SQLITE)('opening a database that cannot be used', () => {
  it('says so in words: a folder that cannot exist', async () => {
    const dir = tempDir();
    const path = join(dir, 'not-a-folder');
    await (await openDatabase(path)).close();
    // A file where the database's folder should be.
    await expect(openDatabase(join(path, 'db.sqlite!'))).rejects.toThrow(StorageError);
    await expect(openDatabase(join(path, 'db.sqlite!'))).rejects.toThrow(/cannot be opened or created\. Check that DATABASE_PATH names a file in a folder that exists/);
  });

  it('says so in words: a file that is not a database', async () => {
    const { writeFileSync } = await import('node:fs');
    const path = join(tempDir(), 'db.sqlite!');
    writeFileSync(path, 'this is a spreadsheet, not a database'.repeat(200));
    await expect(openDatabase(path)).rejects.toThrow(/is damaged or is not a dashboard database\. Stop the server and restore the latest backup/);
  });
});
