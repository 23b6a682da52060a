// Several instances on one database (issue 15): two real server processes, started at the same
// moment on one database (a SQLite file, or a PostgreSQL database in the server-postgres project).
// Start-up work happens once; a session made on one is valid on the other; an upload on one is
// served by the other within a second; wrong passwords count across both.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from './db/database';
import { multipartBody } from './test/helpers';
import { childProcessEnv, TEST_ENGINE, testDatabaseTarget, type TestDatabaseTarget } from './test/database';
import { csvOf, validRow } from './test/rows';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const ADMIN = { email: 'root@example.test', password: 'a long admin password' };
const BEXLEY = 'E09000004';

interface Instance {
  child: ChildProcess;
  base: string;
}

function startInstance(databaseEnv: Record<string, string>): Promise<Instance> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: childProcessEnv({ PORT: '0', LOG_LEVEL: 'info', DEMO_DATA: 'false', ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password, ...databaseEnv }),
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 60_000);
    child.stdout!.on('data', (chunk) => {
      output += chunk;
      const match = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ child, base: match[1] });
      }
    });
    child.stderr!.on('data', (chunk) => (output += chunk));
    child.on('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
}

async function stopInstance(instance: Instance | undefined) {
  if (!instance || instance.child.exitCode !== null) return;
  const exited = new Promise((resolve) => instance.child.on('exit', resolve));
  instance.child.kill('SIGTERM');
  await exited;
}

/** Every request comes from 127.0.0.1: one address, as far as the sign-in limits are concerned. */
async function signIn(base: string, password = ADMIN.password) {
  return fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: ADMIN.email, password }),
  });
}

let target: TestDatabaseTarget;
let dir: string;
let a: Instance;
let b: Instance;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dap-instances-'));
  target = TEST_ENGINE === 'postgres' ? await testDatabaseTarget() : { path: join(dir, 'dashboard.sqlite'), drop: async () => {} };
  const databaseEnv: Record<string, string> = TEST_ENGINE === 'postgres' ? { DATABASE_URL: target.path } : { DATABASE_PATH: target.path };
  // At the same moment: both migrate, both bootstrap the administrator.
  [a, b] = await Promise.all([startInstance(databaseEnv), startInstance(databaseEnv)]);
}, 90_000);

afterAll(async () => {
  await Promise.all([stopInstance(a), stopInstance(b)]);
  await target?.drop();
  rmSync(dir, { recursive: true, force: true });
});

describe(`two instances on one ${TEST_ENGINE} database`, () => {
  it('did the start-up work once: one administrator, one session secret, each migration once', async () => {
    const db = await openDatabase(target.path);
    try {
      const admins = await db.kysely.selectFrom('users').select('email').where('role', '=', 'admin').execute();
      expect(admins).toEqual([{ email: ADMIN.email }]);
      const secrets = await db.kysely.selectFrom('settings').select('value').where('key', '=', 'session_secret').execute();
      expect(secrets).toHaveLength(1);
      const migrations = await db.kysely.selectFrom('schema_migrations' as never).select('name' as never).execute();
      expect(new Set(migrations.map((m) => (m as { name: string }).name)).size).toBe(migrations.length);
    } finally {
      await db.close();
    }
  });

  it('a session made on one instance is valid on the other, and an upload on one is served by the other within a second', async () => {
    const login = await signIn(a.base);
    expect(login.status).toBe(204);
    const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    const meOnB = await fetch(`${b.base}/api/auth/me`, { headers: { cookie } });
    expect(meOnB.status).toBe(200);
    const { csrfToken } = (await meOnB.json()) as { csrfToken: string };

    const valueOnB = async () => {
      const response = await fetch(`${b.base}/api/indicators/repeat-victim-rate/values?area=${BEXLEY}&period=2019-20Q3`, { headers: { cookie } });
      expect(response.status).toBe(200);
      return ((await response.json()) as { values: Array<{ numerator: number | null }> }).values[0].numerator;
    };
    expect(await valueOnB()).toBeNull();

    const { payload, headers } = multipartBody(csvOf([validRow('police', { repeat_victims: 123 })]));
    const uploaded = await fetch(`${a.base}/api/returns/police`, { method: 'POST', headers: { ...headers, cookie, 'x-csrf-token': csrfToken }, body: payload });
    expect(uploaded.status, await uploaded.clone().text()).toBe(201);
    const sentAt = Date.now();
    let seen: number | null = null;
    while (seen === null && Date.now() - sentAt < 1000) seen = await valueOnB();
    expect(seen).toBe(123);
  });

  it('counts wrong passwords across both instances: five on one make the sixth wait on the other', async () => {
    for (let i = 0; i < 5; i++) expect((await signIn(a.base, 'wrong password')).status).toBe(401);
    const sixth = await signIn(b.base, 'wrong password');
    expect(sixth.status).toBe(429);
  });
});
