// One config, one project per runtime: the server and shared schemas run under node; the web
// app's pure functions and components under jsdom; the browser journeys drive the built app in
// real Chromium against the real server.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

/**
 * The server test files that use a database, which run a second time on PostgreSQL: every file
 * that opens one (through buildTestApp, openTestDatabase or openDatabase) or reads app.db, except a file that
 * says at its top that it tests something only SQLite has (a backup file, a query plan, a
 * damaged file), with the words "SQLite only:" in its first comment lines. One file is marked so
 * for time, not for SQLite: the disclosure auditor, whose minutes of attacks are the same
 * arithmetic on either engine (engines-agree.test.ts finds the figures it attacks identical on
 * both). (Single tests of the first kind in other files run on SQLite only through TEST_ENGINE,
 * server/test/database.ts.)
 */
function databaseTestFiles(): string[] {
  const files = (readdirSync('server', { recursive: true }) as string[]).map((f) => join('server', f)).filter((f) => f.endsWith('.test.ts'));
  return files.filter((file) => {
    const text = readFileSync(file, 'utf8');
    const head = text.split('\n').slice(0, 15).join('\n');
    if (/^\/\/.*SQLite[ -]only:/m.test(head)) return false;
    return /\b(buildTestApp|openTestDatabase|testDatabases|openDatabase|buildApp|appWithClock)\(|\.db\b/.test(text);
  });
}

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'server',
          environment: 'node',
          include: ['server/**/*.test.ts', 'schemas/**/*.test.ts', 'fixtures/**/*.test.ts'],
          testTimeout: 20_000,
          // Each file spent seconds importing the server before its first test; on a two-CPU
          // machine the default of one worker left the other CPU idle through all of that. The
          // server keeps no state in its modules between apps (each test builds its own app on
          // its own database), so the files of a worker share one import of it.
          maxWorkers: 3,
          isolate: false,
        },
      },
      {
        test: {
          name: 'server-postgres',
          environment: 'node',
          include: databaseTestFiles(),
          env: { DASHBOARD_TEST_ENGINE: 'postgres' },
          // One throwaway cluster for the run, from the PostgreSQL 15 binaries on the machine.
          globalSetup: ['server/test/postgres-global-setup.ts'],
          testTimeout: 20_000,
          hookTimeout: 30_000,
          maxWorkers: 3,
          isolate: false,
        },
      },
      {
        test: {
          name: 'web',
          environment: 'jsdom',
          include: ['web/**/*.test.{ts,tsx}'],
          setupFiles: ['web/test/setup.ts'],
          testTimeout: 20_000,
          // Vitest runs the projects of one group in one pool, which needs one worker count.
          maxWorkers: 3,
        },
      },
      {
        test: {
          name: 'browser',
          environment: 'node',
          include: ['tests/browser/**/*.test.ts'],
          globalSetup: ['tests/browser/global-setup.ts'],
          // Each journey file starts its own server and browser; a few at a time keep the machine
          // responsive, and they run after the other projects rather than competing with them.
          maxWorkers: 3,
          sequence: { groupOrder: 1 },
          testTimeout: 90_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
