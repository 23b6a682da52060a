// The real entry point, as `npm start` runs it: creates and migrates a new database, loads the
// demo data, serves, and closes cleanly on SIGTERM.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

function start(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], { cwd: ROOT, env: { ...process.env, PORT: '0', LOG_LEVEL: 'info', ...env } });
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
});
