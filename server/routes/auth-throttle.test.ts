// Sign-in under attack (issue 14): a brute force from one address while the owner signs in from
// another, a burst of concurrent guesses, the same answers for unknown and known accounts, alerts
// to administrators, and the counts shared by every process on the database.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { createUser } from '../access/accounts';
import type { Mail } from '../cycle/mailer';
import { buildTestApp, signIn, TEST_NOW, TEST_PASSWORD } from '../test/helpers';

const apps: FastifyInstance[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const app of apps.splice(0)) await app.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function newApp(now: () => Date = () => TEST_NOW, databasePath?: string) {
  const app = await buildTestApp(now, databasePath ? { databasePath } : {});
  apps.push(app);
  return app;
}

function login(app: FastifyInstance, email: string, password: string, remoteAddress = '127.0.0.1') {
  return app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password }, remoteAddress });
}

function auditRows(app: FastifyInstance, action: string) {
  return app.db.kysely.selectFrom('audit_events').selectAll().where('action', '=', action).orderBy('id').execute();
}

const OWNER = 'owner@example.test';
const ATTACKER = '203.0.113.66';
const OWNERS_OFFICE = '198.51.100.20';

describe('a brute force from one address', () => {
  it('never keeps the owner out from another address, however long it goes on, and every refusal is audited', async () => {
    let now = TEST_NOW;
    const app = await newApp(() => now);
    await createUser(app.db, { email: OWNER, name: 'Owner', role: 'admin', organisationId: null, password: TEST_PASSWORD }, TEST_NOW);
    let checked = 0;
    let refused = 0;
    // Six hours of guessing as fast as the server allows, the owner signing in every half hour.
    const end = TEST_NOW.getTime() + 6 * 60 * 60_000;
    let nextOwnerSignIn = TEST_NOW.getTime();
    while (now.getTime() < end) {
      const guess = await login(app, OWNER, `guess ${checked + refused}`, ATTACKER);
      if (guess.statusCode === 401) checked++;
      else {
        expect(guess.statusCode).toBe(429);
        refused++;
      }
      if (now.getTime() >= nextOwnerSignIn) {
        expect((await login(app, OWNER, TEST_PASSWORD, OWNERS_OFFICE)).statusCode, `owner at ${now.toISOString()}`).toBe(204);
        nextOwnerSignIn += 30 * 60_000;
      }
      now = new Date(now.getTime() + 20_000);
    }
    // Five free guesses, then one per growing wait, capped at fifteen minutes: a few dozen in six hours, not thousands.
    expect(checked).toBeLessThan(40);
    expect(refused).toBeGreaterThan(1000);
    const rejected = (await auditRows(app, 'sign-in')).filter((r) => r.outcome === 'rejected');
    expect(rejected).toHaveLength(refused);
    expect(new Set(rejected.map((r) => r.ip))).toEqual(new Set([ATTACKER]));
  });

  it('a burst of concurrent guesses is cut off at the limit: only five passwords are checked', async () => {
    const app = await newApp();
    await createUser(app.db, { email: OWNER, name: 'Owner', role: 'board', organisationId: null, password: TEST_PASSWORD }, TEST_NOW);
    const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => login(app, OWNER, `guess ${i}`, ATTACKER)));
    const statuses = answers.map((a) => a.statusCode);
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(35);
    expect((await login(app, OWNER, TEST_PASSWORD, OWNERS_OFFICE)).statusCode).toBe(204);
  });

  it('is counted in the database, so another process on the same database refuses the next guess too', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dap-throttle-'));
    dirs.push(dir);
    const path = join(dir, 'shared.sqlite');
    const first = await newApp(() => TEST_NOW, path);
    const second = await newApp(() => TEST_NOW, path);
    await createUser(first.db, { email: OWNER, name: 'Owner', role: 'board', organisationId: null, password: TEST_PASSWORD }, TEST_NOW);
    for (let i = 0; i < 5; i++) expect((await login(i % 2 ? first : second, OWNER, `guess ${i}`, ATTACKER)).statusCode).toBe(401);
    expect((await login(second, OWNER, TEST_PASSWORD, ATTACKER)).statusCode).toBe(429);
    expect((await login(first, OWNER, TEST_PASSWORD, ATTACKER)).statusCode).toBe(429);
    expect((await login(first, OWNER, TEST_PASSWORD, OWNERS_OFFICE)).statusCode).toBe(204);
  });

  it('an administrator unlocking the account lets the waiting address try again at once', async () => {
    const app = await newApp();
    const admin = await signIn(app, 'admin');
    const user = await createUser(app.db, { email: OWNER, name: 'Owner', role: 'board', organisationId: null, password: TEST_PASSWORD }, TEST_NOW);
    for (let i = 0; i < 5; i++) await login(app, OWNER, `guess ${i}`, ATTACKER);
    expect((await login(app, OWNER, TEST_PASSWORD, ATTACKER)).statusCode).toBe(429);
    expect((await app.inject({ method: 'PATCH', url: `/api/admin/users/${user.id}`, headers: admin.headers, payload: { unlock: true } })).statusCode).toBe(200);
    expect((await login(app, OWNER, TEST_PASSWORD, ATTACKER)).statusCode).toBe(204);
  });
});

describe('unknown and known accounts', () => {
  it('get the same status and words, wrong password after wrong password, and the same pause', async () => {
    const app = await newApp();
    await createUser(app.db, { email: OWNER, name: 'Owner', role: 'board', organisationId: null, password: TEST_PASSWORD }, TEST_NOW);
    const answers = async (email: string, address: string) => {
      const out = [];
      for (let i = 0; i < 7; i++) {
        const r = await login(app, email, `guess ${i}`, address);
        out.push({ status: r.statusCode, body: r.body, retryAfter: r.headers['retry-after'] ?? null });
      }
      return out;
    };
    const known = await answers(OWNER, '192.0.2.1');
    const unknown = await answers('nobody@example.test', '192.0.2.2');
    expect(unknown).toEqual(known);
    expect(known.map((a) => a.status)).toEqual([401, 401, 401, 401, 401, 429, 429]);
  });

  it('take as long to refuse: an unknown email is checked against a decoy hash', async () => {
    const app = await newApp();
    await createUser(app.db, { email: OWNER, name: 'Owner', role: 'board', organisationId: null, password: TEST_PASSWORD }, TEST_NOW);
    const time = async (email: string, i: number) => {
      const t0 = performance.now();
      // A new address each time, so no attempt is paused and every one checks a password.
      expect((await login(app, email, 'a wrong password', `192.0.2.${10 + i}`)).statusCode).toBe(401);
      return performance.now() - t0;
    };
    const known: number[] = [];
    const unknown: number[] = [];
    // Alternately, so a busy machine slows both alike.
    for (let i = 0; i < 8; i++) {
      known.push(await time(OWNER, 2 * i));
      unknown.push(await time(`nobody${i}@example.test`, 2 * i + 1));
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length / 2];
    // An Argon2id check takes tens of milliseconds; answering without one would take about one.
    expect(median(unknown)).toBeGreaterThan(median(known) / 2);
    expect(median(unknown)).toBeLessThan(median(known) * 2);
  });
});

describe('alerts to administrators', () => {
  it('a guessing campaign on one account from many addresses raises one alert, in the audit trail, the API and by email', async () => {
    let now = TEST_NOW;
    const app = await newApp(() => now);
    const admin = await signIn(app, 'admin');
    const sent: Mail[] = [];
    app.cycle.mailer = { send: async (mail) => void sent.push(mail), close: () => undefined };
    await createUser(app.db, { email: OWNER, name: 'Owner', role: 'board', organisationId: null, password: TEST_PASSWORD }, TEST_NOW);
    // Three guesses from each of ten addresses: never paused, but sustained.
    for (let i = 0; i < 30; i++) {
      expect((await login(app, OWNER, `guess ${i}`, `10.9.0.${i % 10}`)).statusCode).toBe(401);
      now = new Date(now.getTime() + 60_000);
    }
    const alerts = await app.inject({ url: '/api/admin/security-alerts', headers: admin.headers });
    expect(alerts.statusCode).toBe(200);
    expect(alerts.json()).toMatchObject({ unacknowledged: 1, items: [{ kind: 'account-under-attack', subject: OWNER, acknowledgedAt: null, details: { failures: 20, addresses: 10 } }] });
    expect(alerts.json().items[0].message).toMatch(/^20 wrong passwords for owner@example\.test since .* from several addresses\. Its owner can still sign in/);
    expect(await auditRows(app, 'security-alert')).toEqual([expect.objectContaining({ outcome: 'success', target: `security-alert:${alerts.json().items[0].id}` })]);
    await new Promise((resolve) => setImmediate(resolve));
    expect(sent).toEqual([expect.objectContaining({ to: [admin.email], subject: `Dashboard security alert: Sign-in attack on ${OWNER}` })]);
    // The owner is not held back by any of it.
    expect((await login(app, OWNER, TEST_PASSWORD, OWNERS_OFFICE)).statusCode).toBe(204);

    const id = alerts.json().items[0].id;
    const acknowledged = await app.inject({ method: 'POST', url: `/api/admin/security-alerts/${id}/acknowledge`, headers: admin.headers });
    expect(acknowledged.json()).toMatchObject({ acknowledgedBy: admin.email });
    expect((await app.inject({ url: '/api/admin/security-alerts', headers: admin.headers })).json().unacknowledged).toBe(0);
    expect(await auditRows(app, 'security-alert-acknowledge')).toHaveLength(1);
  });

  it('one address trying a password on many accounts raises an address alert once', async () => {
    const app = await newApp();
    const admin = await signIn(app, 'admin');
    for (let i = 0; i < 35; i++) await login(app, `person${i}@example.test`, 'Summer2026!', ATTACKER);
    const items = (await app.inject({ url: '/api/admin/security-alerts', headers: admin.headers })).json().items;
    expect(items).toEqual([expect.objectContaining({ kind: 'address-blocked', subject: ATTACKER, details: expect.objectContaining({ failures: 30 }) })]);
  });

  it('are for administrators only', async () => {
    const app = await newApp();
    const analyst = await signIn(app, 'analyst');
    expect((await app.inject({ url: '/api/admin/security-alerts', headers: analyst.headers })).statusCode).toBe(403);
    expect((await app.inject({ url: '/api/admin/security-alerts' })).statusCode).toBe(401);
  });
});
