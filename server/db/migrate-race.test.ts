// SQLite only: several servers starting on one new SQLite file (PostgreSQL's migrator, under an
// advisory lock, is tested in postgres-schema.test.ts).
// Each process reads which migrations are applied, then applies the rest. If it only reads before
// taking the write lock, a second process that read "none applied" while the first held the lock
// fails on the first table the first one created. Here three processes read while this test holds
// the write lock, and then all start migrating at once: each must come up, every migration
// recorded once.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { childProcessEnv } from '../test/database';
import { migrationFiles } from './migrate';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SQLITE_MODULE = fileURLToPath(new URL('./sqlite.ts', import.meta.url));

/** Opens the file (as the server does: busy timeout, WAL), says "ready", and migrates when told "go". */
const CHILD = `
  const { openSqliteHandle } = await import(${JSON.stringify(SQLITE_MODULE)});
  const { createInterface } = await import('node:readline');
  process.stdout.write('ready\\n');
  for await (const line of createInterface({ input: process.stdin })) {
    if (line === 'go') break;
  }
  openSqliteHandle(process.argv[1]).close();
  // Written before exiting (stdin, still open, would keep the process alive).
  process.stdout.write('migrated\\n', () => process.exit(0));
`;

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function startChild(path: string) {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', CHILD, path], { cwd: ROOT, env: childProcessEnv() });
  let output = '';
  let errors = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (errors += chunk));
  const ready = new Promise<void>((resolve, reject) => {
    const poll = setInterval(() => {
      if (output.includes('ready')) resolve();
      if (child.exitCode !== null) reject(new Error(`child exited before it was ready: ${errors}`));
      if (output.includes('ready') || child.exitCode !== null) clearInterval(poll);
    }, 20);
  });
  const exited = new Promise<{ code: number | null; output: string; errors: string }>((resolve) => child.on('exit', (code) => resolve({ code, output, errors })));
  return { child, ready, exited };
}

describe('migrating one new SQLite file from several processes at once', () => {
  it('applies each migration once, and every process comes up', async () => {
    dir = mkdtempSync(join(tmpdir(), 'dashboard-migrate-race-'));
    const path = join(dir, 'dashboard.sqlite');
    // The file exists, in WAL mode, with nothing applied; this handle takes the write lock.
    const holder = new BetterSqlite3(path);
    holder.pragma('journal_mode = WAL');
    holder.exec('CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL) STRICT');
    holder.exec('BEGIN IMMEDIATE');

    const children = [startChild(path), startChild(path), startChild(path)];
    try {
      await Promise.all(children.map((c) => c.ready));
      for (const { child } of children) child.stdin!.write('go\n');
      // Long enough for each to read what is applied (nothing) and wait for the lock.
      await new Promise((resolve) => setTimeout(resolve, 500));
      holder.exec('ROLLBACK');
      const results = await Promise.all(children.map((c) => c.exited));
      for (const result of results) expect(result, result.errors).toMatchObject({ code: 0, output: expect.stringContaining('migrated') });
    } finally {
      for (const { child } of children) child.kill();
    }

    expect(holder.prepare('SELECT name FROM schema_migrations ORDER BY name').pluck().all()).toEqual(migrationFiles());
    holder.close();
  }, 60_000);
});
