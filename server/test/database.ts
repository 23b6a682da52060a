// Which database a test runs on. The server suite runs twice, on SQLite (each test its own
// in-memory database) and on PostgreSQL (the `server-postgres` project: each test its own
// database, copied from a migrated template and dropped when the test's app closes).
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, inject } from 'vitest';
import { openDatabase, type Db } from '../db/database';
import { createDatabase, dropDatabase } from './postgres-cluster';

export type TestEngine = 'sqlite' | 'postgres';

export const TEST_ENGINE: TestEngine = process.env.DASHBOARD_TEST_ENGINE === 'postgres' ? 'postgres' : 'sqlite';

export interface TestDatabaseTarget {
  /** What to give buildApp as databasePath, or openDatabase. */
  path: string;
  /** Removes the database (PostgreSQL); after the app or Db using it has closed. */
  drop(): Promise<void>;
}

/** A new, empty, migrated database for one test. */
export async function testDatabaseTarget(): Promise<TestDatabaseTarget> {
  if (TEST_ENGINE === 'sqlite') return { path: ':memory:', drop: async () => {} };
  const adminUrl = inject('postgresAdminUrl');
  const name = `t_${process.pid}_${randomBytes(6).toString('hex')}`;
  // Copied from the run's migrated template (postgres-global-setup.ts).
  const path = await createDatabase(adminUrl, name, inject('postgresTemplate'));
  return {
    path,
    // Also ends any connection still open (a test that never closed its app).
    drop: () => dropDatabase(adminUrl, name),
  };
}

/** Opens a new test database; closing it also drops it. */
export async function openTestDatabase(): Promise<Db> {
  const target = await testDatabaseTarget();
  const db = await openDatabase(target.path);
  const close = db.close;
  return Object.assign(db, {
    close: async () => {
      await close();
      await target.drop();
    },
  });
}

/**
 * One database that several handles or processes open, as several servers would: a file on
 * SQLite (in a new folder, removed by drop), a new database on PostgreSQL.
 */
export async function sharedTestDatabase(): Promise<TestDatabaseTarget> {
  if (TEST_ENGINE === 'postgres') return testDatabaseTarget();
  const dir = mkdtempSync(join(tmpdir(), 'dashboard-shared-'));
  return { path: join(dir, 'dashboard.sqlite'), drop: async () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * For a test file that opens databases itself: `open()` a new one of the engine under test, or
 * `open(path)` another handle on a shared one from `shared()`; all are closed, and shared ones
 * removed, after each test.
 */
export function testDatabases() {
  const opened: Db[] = [];
  const drops: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const db of opened.splice(0)) await db.close();
    for (const drop of drops.splice(0)) await drop();
  });
  return {
    async open(path?: string): Promise<Db> {
      const db = path === undefined ? await openTestDatabase() : await openDatabase(path);
      opened.push(db);
      return db;
    },
    async shared(): Promise<string> {
      const target = await sharedTestDatabase();
      drops.push(target.drop);
      return target.path;
    },
  };
}

/**
 * The environment for a server or tool a test starts in a child process: the test run's own,
 * without the database settings a developer's shell may hold (DATABASE_URL would win over the
 * DATABASE_PATH the test gives), with the test's settings on top.
 */
export function childProcessEnv(settings: Record<string, string> = {}): NodeJS.ProcessEnv {
  const { DATABASE_URL: _url, DATABASE_PATH: _path, ...inherited } = process.env;
  return { ...inherited, ...settings };
}
