// SQLite only: starts server/main.ts as `npm start` does, on SQLite files (server/instances.test.ts starts it on PostgreSQL too).
// The real entry point, as `npm start` runs it: creates and migrates a new database, loads the
// demo data, serves, and closes cleanly on SIGTERM.
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, openSync, closeSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { setSetting, DEMO_DATA_SETTING } from './access/settings';
import { openDatabase } from './db/database';
import { childProcessEnv } from './test/database';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/**
 * Makes a folder and its database read-only for the server: chmod for an ordinary account, and
 * for root (which chmod does not stop) the immutable attribute. Fails the test, rather than
 * passing it, if neither takes effect here.
 */
function makeReadOnly(dir: string, file: string): () => void {
  chmodSync(file, 0o444);
  chmodSync(dir, 0o555);
  const root = process.getuid?.() === 0;
  if (root) {
    const set = spawnSync('chattr', ['+i', file, dir], { encoding: 'utf8' });
    if (set.status !== 0) throw new Error(`cannot make ${file} read-only for root here: chattr says ${set.stderr || set.error}`);
  }
  let writable = true;
  try {
    closeSync(openSync(file, 'r+'));
  } catch {
    writable = false;
  }
  if (writable) throw new Error(`${file} is still writable: this environment cannot simulate a read-only database`);
  return () => {
    if (root) spawnSync('chattr', ['-i', file, dir]);
    chmodSync(dir, 0o755);
    chmodSync(file, 0o644);
  };
}

function start(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], { cwd: ROOT, env: childProcessEnv({ PORT: '0', LOG_LEVEL: 'info', ...env }) });
  let output = '';
  const listening = new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 60_000);
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const match = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, listening, exited };
}

describe('server/main.ts', () => {
  it('starts on a new database with demo data, and stops cleanly on SIGTERM', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dap-main-'));
    try {
      const databasePath = join(dir, 'nested', 'dashboard.sqlite');
      const server = start({ DATABASE_PATH: databasePath, DEMO_DATA: 'true', ADMIN_EMAIL: 'root@example.test', ADMIN_PASSWORD: 'a long admin password' });
      const base = await server.listening;
      expect(await (await fetch(`${base}/api/health`)).json()).toEqual({ status: 'ok' });
      const info = await (await fetch(`${base}/api/auth/sign-in-info`)).json();
      expect(info.demo).toBe(true);
      expect(info.demoAccounts.map((a: { role: string }) => a.role).sort()).toEqual(['admin', 'analyst', 'board', 'partner']);
      const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'root@example.test', password: 'a long admin password' }) });
      expect(login.status).toBe(204);

      server.child.kill('SIGTERM');
      expect(await server.exited).toBe(0);
      const db = new BetterSqlite3(databasePath, { readonly: true });
      const submissions = db.prepare('SELECT count(*) FROM submissions').pluck().get() as number;
      db.close();
      // Reference data, then each demo organisation's returns quarter by quarter (server/demo/senders.ts).
      expect(submissions).toBeGreaterThan(200);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 90_000);

  it('refuses to start with a configuration error it can explain', async () => {
    const server = start({ PORT: 'eighty', DATABASE_PATH: ':memory:' });
    await expect(server.listening).rejects.toThrow(/Invalid configuration: PORT/);
    expect(await server.exited).toBe(1);
  });

  it('in production: no demo data, no published passwords, and sign-in only over HTTPS (behind a proxy with TRUST_PROXY)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dap-main-'));
    try {
      const server = start({ NODE_ENV: 'production', TRUST_PROXY: 'true', DATABASE_PATH: join(dir, 'dashboard.sqlite'), ADMIN_EMAIL: 'root@example.test', ADMIN_PASSWORD: 'a long admin password' });
      const base = await server.listening;
      expect(await (await fetch(`${base}/api/auth/sign-in-info`)).json()).toEqual({ demo: false, demoAccounts: [] });
      expect(await (await fetch(`${base}/api/health/ready`)).json()).toEqual({ status: 'ready' });
      const body = JSON.stringify({ email: 'root@example.test', password: 'a long admin password' });
      const plain = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      expect(plain.status).toBe(403);
      expect(await plain.json()).toMatchObject({ code: 'https-required', message: expect.stringMatching(/Sign in over HTTPS/) });
      const proxied = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-proto': 'https' }, body });
      expect(proxied.status).toBe(204);
      expect(proxied.headers.get('set-cookie')).toMatch(/; Secure/);
      server.child.kill('SIGTERM');
      expect(await server.exited).toBe(0);
      const db = new BetterSqlite3(join(dir, 'dashboard.sqlite'), { readonly: true });
      expect(db.prepare('SELECT count(*) FROM submissions').pluck().get()).toBe(0);
      expect(db.prepare("SELECT count(*) FROM users WHERE email LIKE '%@demo.invalid'").pluck().get()).toBe(0);
      db.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 90_000);

  it('in production, refuses to start on a database holding the demo accounts, and says what to do', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dap-main-'));
    try {
      const path = join(dir, 'dashboard.sqlite');
      const db = await openDatabase(path);
      await setSetting(db, DEMO_DATA_SETTING, 'true');
      await db.close();
      const server = start({ NODE_ENV: 'production', DATABASE_PATH: path });
      await expect(server.listening).rejects.toThrow(/holds the synthetic demo data and its demo accounts, whose passwords are public\. With NODE_ENV=production, start on a new DATABASE_PATH/);
      expect(await server.exited).toBe(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 90_000);

  it('refuses to start on a read-only database, and says what to do', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dap-main-'));
    const data = join(dir, 'data');
    const path = join(data, 'dashboard.sqlite');
    const db = await openDatabase(path);
    await db.close();
    const undo = makeReadOnly(data, path);
    try {
      const server = start({ DATABASE_PATH: path, DEMO_DATA: 'false' });
      await expect(server.listening).rejects.toThrow(/cannot be (written|opened or created)\. .*(Give the account the server runs as permission to write|Check that DATABASE_PATH names a file in a folder that exists)/);
      expect(await server.exited).toBe(1);
    } finally {
      undo();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 90_000);
});
