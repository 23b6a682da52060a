// Sign-in, sessions, CSRF, lockout, tokens and partner grants, tried as an attacker would.
import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { buildTestApp, get, partnerToken, signIn, tableCounts, TEST_NOW, TEST_PASSWORD, upload } from '../test/helpers';
import { csvOf, validRow } from '../test/rows';
import { createUser } from '../access/accounts';
import { ensureAdministrator } from '../access/bootstrap';
import { getSetting, sessionSecret } from '../access/settings';
import { DEFAULT_SIGN_IN_SETTINGS } from '../../schemas/access-api';

let app: FastifyInstance;
afterEach(async () => {
  await app?.close();
});

function auditRows(action: string) {
  return app.db.kysely.selectFrom('audit_events').selectAll().where('action', '=', action).orderBy('id').execute();
}

async function login(email: string, password: string, headers: Record<string, string> = {}, from: { remoteAddress?: string } = {}) {
  return app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password }, headers, ...from });
}

describe('sign-in', () => {
  it('sets an HttpOnly, SameSite session cookie and records the sign-in', async () => {
    app = await buildTestApp();
    await createUser(app.db, { email: 'a@example.test', name: 'A', role: 'board', organisationId: null, password: TEST_PASSWORD }, TEST_NOW);
    const response = await login('A@Example.test', TEST_PASSWORD);
    expect(response.statusCode).toBe(204);
    const cookie = response.cookies.find((c) => c.name === 'dap_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    expect(cookie.path).toBe('/');
    expect(await auditRows('sign-in')).toEqual([expect.objectContaining({ outcome: 'success', target: 'a@example.test', ip: '127.0.0.1' })]);
    // The session is stored server-side under a hash of its id, never the id itself.
    const stored = (await app.db.kysely.selectFrom('sessions').select('id_hash').execute()).map((r) => r.id_hash);
    expect(stored).toHaveLength(1);
    expect(cookie.value).not.toContain(stored[0]);
  });

  it('marks the cookie Secure behind a TLS-terminating proxy', async () => {
    app = await buildTestApp(TEST_NOW, { secureCookies: true, trustProxy: true });
    await createUser(app.db, { email: 'a@example.test', name: 'A', role: 'board', organisationId: null, password: TEST_PASSWORD }, TEST_NOW);
    const response = await login('a@example.test', TEST_PASSWORD, { 'x-forwarded-proto': 'https' });
    expect(response.cookies.find((c) => c.name === 'dap_session')!.secure).toBe(true);
  });

  it('says the same thing for an unknown email and a wrong password, and records both', async () => {
    app = await buildTestApp();
    await createUser(app.db, { email: 'a@example.test', name: 'A', role: 'board', organisationId: null, password: TEST_PASSWORD }, TEST_NOW);
    const unknown = await login('nobody@example.test', TEST_PASSWORD);
    const wrong = await login('a@example.test', 'not the password');
    expect(unknown.statusCode).toBe(401);
    expect(wrong.statusCode).toBe(401);
    expect(unknown.json().message).toBe(wrong.json().message);
    expect((await auditRows('sign-in')).map((r) => r.outcome)).toEqual(['failure', 'failure']);
  });

  it('makes an address wait after five wrong passwords, while its owner signs in from another address', async () => {
    app = await buildTestApp();
    await createUser(app.db, { email: 'a@example.test', name: 'A', role: 'board', organisationId: null, password: TEST_PASSWORD }, TEST_NOW);
    const attacker = { remoteAddress: '203.0.113.9' };
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await login('a@example.test', `guess ${i}`, {}, attacker)).statusCode);
    expect(statuses).toEqual([401, 401, 401, 401, 401]);
    // The attacker's address now waits, even with the right password…
    const paused = await login('a@example.test', TEST_PASSWORD, {}, attacker);
    expect(paused.statusCode).toBe(429);
    expect(paused.headers['retry-after']).toBe('30');
    expect(paused.json()).toMatchObject({ code: 'sign-in-paused', message: 'Too many wrong passwords have been tried from your network. Wait 30 seconds and try again.' });
    // …and the owner, anywhere else, does not.
    expect((await login('a@example.test', TEST_PASSWORD, {}, { remoteAddress: '198.51.100.7' })).statusCode).toBe(204);
    expect((await auditRows('sign-in')).map((r) => [r.outcome, JSON.parse(r.details_json).reason ?? null, r.ip])).toEqual([
      ...Array.from({ length: 5 }, () => ['failure', 'bad-credentials', '203.0.113.9']),
      ['rejected', 'throttled', '203.0.113.9'],
      ['success', null, '198.51.100.7'],
    ]);
  });

  it('the wait lifts after thirty seconds, and a right password then clears the count', async () => {
    let now = TEST_NOW;
    app = await buildTestApp(() => now);
    await createUser(app.db, { email: 'a@example.test', name: 'A', role: 'board', organisationId: null, password: TEST_PASSWORD }, TEST_NOW);
    for (let i = 0; i < 5; i++) await login('a@example.test', `guess ${i}`);
    expect((await login('a@example.test', TEST_PASSWORD)).statusCode).toBe(429);
    now = new Date(TEST_NOW.getTime() + 31_000);
    expect((await login('a@example.test', TEST_PASSWORD)).statusCode).toBe(204);
    // Counted afresh: four more wrong passwords are answered, not paused.
    for (let i = 0; i < 4; i++) expect((await login('a@example.test', `again ${i}`)).statusCode).toBe(401);
  });

  it('doubles the wait with each further wrong password, up to the longest pause in the sign-in settings', async () => {
    let now = TEST_NOW;
    app = await buildTestApp(() => now);
    const admin = await signIn(app, 'admin');
    const payload = { sessionIdleMinutes: 30, sessionLifetimeHours: 12, maxFailedSignIns: 3, lockoutMinutes: 2 };
    expect((await app.inject({ method: 'PUT', url: '/api/admin/sign-in-settings', headers: admin.headers, payload })).statusCode).toBe(200);
    await createUser(app.db, { email: 'a@example.test', name: 'A', role: 'board', organisationId: null, password: TEST_PASSWORD }, TEST_NOW);
    for (let i = 0; i < 3; i++) expect((await login('a@example.test', `guess ${i}`)).statusCode).toBe(401);
    const waits: string[] = [];
    for (let i = 0; i < 4; i++) {
      const paused = await login('a@example.test', `guess again ${i}`);
      expect(paused.statusCode).toBe(429);
      waits.push(paused.headers['retry-after'] as string);
      now = new Date(now.getTime() + Number(paused.headers['retry-after']) * 1000);
      expect((await login('a@example.test', `guess after waiting ${i}`)).statusCode).toBe(401);
    }
    expect(waits).toEqual(['30', '60', '120', '120']);
    expect((await login('a@example.test', TEST_PASSWORD)).statusCode).toBe(429);
    now = new Date(now.getTime() + 120_000);
    expect((await login('a@example.test', TEST_PASSWORD)).statusCode).toBe(204);
  });

  it.each([
    ['an idle timeout under five minutes', { sessionIdleMinutes: 1, sessionLifetimeHours: 12, maxFailedSignIns: 5, lockoutMinutes: 15 }],
    ['sessions longer than a day', { sessionIdleMinutes: 30, sessionLifetimeHours: 48, maxFailedSignIns: 5, lockoutMinutes: 15 }],
    ['lockout turned off', { sessionIdleMinutes: 30, sessionLifetimeHours: 12, maxFailedSignIns: 0, lockoutMinutes: 15 }],
    ['a missing setting', { sessionIdleMinutes: 30, sessionLifetimeHours: 12, maxFailedSignIns: 5 }],
  ])('refuses sign-in settings with %s, and keeps the ones in force', async (_, payload) => {
    app = await buildTestApp();
    const admin = await signIn(app, 'admin');
    const response = await app.inject({ method: 'PUT', url: '/api/admin/sign-in-settings', headers: admin.headers, payload });
    expect(response.statusCode).toBe(400);
    expect(response.json().message).toMatch(/^The request is not valid/);
    expect((await app.inject({ url: '/api/admin/sign-in-settings', headers: admin.headers })).json()).toEqual(DEFAULT_SIGN_IN_SETTINGS);
  });

  it('makes one address wait after thirty wrong passwords across accounts, and audits every refusal', async () => {
    app = await buildTestApp();
    const statuses = [];
    for (let i = 0; i < 32; i++) statuses.push((await login(`user${i}@example.test`, 'guess')).statusCode);
    expect(statuses.slice(0, 30).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(30)).toEqual([429, 429]);
    const refused = (await auditRows('sign-in')).filter((r) => r.outcome === 'rejected');
    expect(refused.map((r) => JSON.parse(r.details_json).reason)).toEqual(['throttled-address', 'throttled-address']);
    // Another address is not held back.
    expect((await login('user0@example.test', 'guess', {}, { remoteAddress: '198.51.100.7' })).statusCode).toBe(401);
  });

  it('refuses a sign-in form posted from another site', async () => {
    app = await buildTestApp();
    await createUser(app.db, { email: 'a@example.test', name: 'A', role: 'board', organisationId: null, password: TEST_PASSWORD }, TEST_NOW);
    const response = await login('a@example.test', TEST_PASSWORD, { origin: 'https://evil.example', host: 'dashboard.example' });
    expect(response.statusCode).toBe(403);
    expect(response.cookies).toHaveLength(0);
  });
});

describe('sessions', () => {
  it('end after the idle timeout', async () => {
    let now = TEST_NOW;
    app = await buildTestApp(() => now);
    const board = await signIn(app, 'board');
    expect((await app.inject({ url: '/api/auth/me', headers: board.headers })).statusCode).toBe(200);
    now = new Date(TEST_NOW.getTime() + DEFAULT_SIGN_IN_SETTINGS.sessionIdleMinutes * 60_000 + 1000);
    expect((await app.inject({ url: '/api/auth/me', headers: board.headers })).statusCode).toBe(401);
  });

  it('end at the lifetime however active, and follow the sign-in settings an administrator sets', async () => {
    let now = TEST_NOW;
    app = await buildTestApp(() => now);
    const admin = await signIn(app, 'admin');
    const board = await signIn(app, 'board');
    const settings = { sessionIdleMinutes: 10, sessionLifetimeHours: 1, maxFailedSignIns: 5, lockoutMinutes: 15 };
    const put = await app.inject({ method: 'PUT', url: '/api/admin/sign-in-settings', headers: admin.headers, payload: settings });
    expect(put.statusCode).toBe(200);
    expect(put.json()).toEqual(settings);
    // Active every nine minutes: the ten-minute idle timeout never fires, the one-hour lifetime does.
    for (let minutes = 9; minutes <= 54; minutes += 9) {
      now = new Date(TEST_NOW.getTime() + minutes * 60_000);
      expect((await app.inject({ url: '/api/auth/me', headers: board.headers })).statusCode, `after ${minutes} minutes`).toBe(200);
    }
    now = new Date(TEST_NOW.getTime() + 61 * 60_000);
    expect((await app.inject({ url: '/api/auth/me', headers: board.headers })).statusCode).toBe(401);
    expect(await auditRows('sign-in-settings-update')).toEqual([
      expect.objectContaining({ outcome: 'success', actor_id: `user:${admin.userId}`, details_json: JSON.stringify({ before: DEFAULT_SIGN_IN_SETTINGS, after: settings }) }),
    ]);
  });

  it('record activity at most once a minute, and do not re-send the cookie on every response', async () => {
    let now = TEST_NOW;
    app = await buildTestApp(() => now);
    const board = await signIn(app, 'board');
    const lastSeen = async () => (await app.db.kysely.selectFrom('sessions').select('last_seen_at').executeTakeFirstOrThrow()).last_seen_at;
    const before = await lastSeen();
    now = new Date(TEST_NOW.getTime() + 30_000);
    const soon = await app.inject({ url: '/api/auth/me', headers: board.headers });
    expect(soon.statusCode).toBe(200);
    expect(soon.headers['set-cookie']).toBeUndefined();
    expect(await lastSeen()).toBe(before);
    now = new Date(TEST_NOW.getTime() + 2 * 60_000);
    expect((await app.inject({ url: '/api/auth/me', headers: board.headers })).statusCode).toBe(200);
    expect(await lastSeen()).toBe(now.toISOString());
  });

  it('end at sign-out, and the old cookie no longer works', async () => {
    app = await buildTestApp();
    const board = await signIn(app, 'board');
    const out = await app.inject({ method: 'POST', url: '/api/auth/logout', headers: board.headers });
    expect(out.statusCode).toBe(204);
    expect((await app.inject({ url: '/api/auth/me', headers: board.headers })).statusCode).toBe(401);
    expect(await auditRows('sign-out')).toHaveLength(1);
  });

  it('a password change needs the current password and keeps you signed in', async () => {
    app = await buildTestApp();
    const board = await signIn(app, 'board');
    const change = (currentPassword: string, newPassword: string) =>
      app.inject({ method: 'POST', url: '/api/auth/password', headers: board.headers, payload: { currentPassword, newPassword } });
    expect((await change('wrong', 'a much longer new password')).statusCode).toBe(400);
    expect((await change(TEST_PASSWORD, 'short')).statusCode).toBe(400);
    const ok = await change(TEST_PASSWORD, 'a much longer new password');
    expect(ok.statusCode).toBe(204);
    expect((await login(board.email, TEST_PASSWORD)).statusCode).toBe(401);
    expect((await login(board.email, 'a much longer new password')).statusCode).toBe(204);
  });
});

describe('cross-site request forgery', () => {
  it('refuses a state-changing request that has the session cookie but not the CSRF token', async () => {
    app = await buildTestApp();
    const analyst = await signIn(app, 'analyst');
    const forged = await upload(app, 'police', csvOf([validRow('police')]), { as: { headers: { cookie: analyst.headers.cookie } } });
    expect(forged.status).toBe(403);
    expect((await tableCounts(app)).submissions).toBe(0);
    const withOtherToken = await upload(app, 'police', csvOf([validRow('police')]), { as: { headers: { cookie: analyst.headers.cookie, 'x-csrf-token': 'made-up' } } });
    expect(withOtherToken.status).toBe(403);
    expect((await auditRows('access-denied')).filter((r) => JSON.parse(r.details_json).reason === 'csrf')).toHaveLength(2);
    expect((await upload(app, 'police', csvOf([validRow('police')]), { as: analyst })).status).toBe(201);
  });

  it("another session's CSRF token does not work", async () => {
    app = await buildTestApp();
    const analyst = await signIn(app, 'analyst');
    const other = await signIn(app, 'analyst', [], 'other');
    const response = await upload(app, 'police', csvOf([validRow('police')]), { as: { headers: { cookie: analyst.headers.cookie, 'x-csrf-token': other.headers['x-csrf-token'] } } });
    expect(response.status).toBe(403);
  });
});

describe('partners and their grants', () => {
  it('upload only for the areas and return types they were granted, and nothing else is stored', async () => {
    app = await buildTestApp();
    const bexleyPolice = await signIn(app, 'partner', [{ returnType: 'police', areaCode: 'E09000004' }]);
    expect((await upload(app, 'police', csvOf([validRow('police')]), { as: bexleyPolice })).status).toBe(201);
    const mixed = await upload(app, 'police', csvOf([validRow('police'), validRow('police', { area_code: 'E09000005' })]), { as: bexleyPolice });
    expect(mixed.status).toBe(403);
    expect(mixed.body.errors).toEqual([expect.objectContaining({ row: 3, column: 'area_code', code: 'not-granted' })]);
    expect((await upload(app, 'marac', csvOf([validRow('marac')]), { as: bexleyPolice })).status).toBe(403);
    expect((await upload(app, 'population', csvOf([validRow('population')]), { as: bexleyPolice })).status).toBe(403);
    expect(await tableCounts(app)).toMatchObject({ submissions: 1, rows: 1 });
    expect((await auditRows('upload')).map((r) => r.outcome)).toEqual(['success', 'denied', 'denied', 'denied']);
  });

  it("cannot see another partner's submissions or figures", async () => {
    app = await buildTestApp();
    const bexley = await signIn(app, 'partner', [{ returnType: 'police', areaCode: 'E09000004' }], 'bexley');
    const brent = await signIn(app, 'partner', [{ returnType: 'police', areaCode: 'E09000005' }], 'brent');
    const mine = await upload(app, 'police', csvOf([validRow('police')]), { as: bexley });
    const list = await app.inject({ url: '/api/submissions', headers: brent.headers });
    expect(list.json().total).toBe(0);
    expect((await app.inject({ url: `/api/submissions/${mine.body.submission.id}`, headers: brent.headers })).statusCode).toBe(404);
    expect((await app.inject({ url: `/api/submissions/${mine.body.submission.id}/export.csv`, headers: brent.headers })).statusCode).toBe(404);
    expect((await app.inject({ url: '/api/returns/police/revisions?area=E09000004&period=2019-20Q3', headers: brent.headers })).statusCode).toBe(403);
    expect((await app.inject({ url: '/api/submissions', headers: bexley.headers })).json().total).toBe(1);
  });
});

describe('API tokens', () => {
  it('send returns within the organisation grants, and stop working when revoked', async () => {
    app = await buildTestApp();
    const admin = await signIn(app, 'admin');
    const organisation = await app.inject({ method: 'POST', url: '/api/admin/organisations', headers: admin.headers, payload: { name: 'Met Police', kind: 'police' } });
    const orgId = organisation.json().id;
    await app.inject({ method: 'PUT', url: `/api/admin/organisations/${orgId}/grants`, headers: admin.headers, payload: { grants: [{ returnType: 'police', areaCode: 'E09000004' }] } });
    const created = await app.inject({ method: 'POST', url: '/api/admin/tokens', headers: admin.headers, payload: { organisationId: orgId, name: 'nightly' } });
    expect(created.statusCode).toBe(201);
    const { token, id } = created.json();
    expect(token).toMatch(/^dap_/);
    // Shown once: the list never carries it, and the database holds only its hash.
    expect((await app.inject({ url: '/api/admin/tokens', headers: admin.headers })).body).not.toContain(token);
    expect(JSON.stringify(await app.db.kysely.selectFrom('api_tokens').selectAll().execute())).not.toContain(token);

    const bearer = { headers: { authorization: `Bearer ${token}` } };
    expect((await upload(app, 'police', csvOf([validRow('police')]), { as: bearer })).status).toBe(201);
    expect((await upload(app, 'police', csvOf([validRow('police', { area_code: 'E09000005' })]), { as: bearer })).status).toBe(403);
    expect((await app.inject({ url: '/api/admin/users', ...bearer })).statusCode).toBe(403);
    const used = (await app.inject({ url: '/api/admin/tokens', headers: admin.headers })).json().items[0];
    expect(used.lastUsedAt).not.toBeNull();

    expect((await app.inject({ method: 'DELETE', url: `/api/admin/tokens/${id}`, headers: admin.headers })).statusCode).toBe(200);
    const revoked = await upload(app, 'police', csvOf([validRow('police')]), { as: bearer });
    expect(revoked.status).toBe(401);
    expect(await auditRows('token-use-rejected')).toHaveLength(1);
    expect(await auditRows('token-create')).toHaveLength(1);
    expect(await auditRows('token-revoke')).toHaveLength(1);
  });

  it('a made-up token is refused', async () => {
    app = await buildTestApp();
    await partnerToken(app, [{ returnType: 'police', areaCode: 'E09000004' }]);
    const response = await app.inject({ url: '/api/submissions', headers: { authorization: 'Bearer dap_madeup' } });
    expect(response.statusCode).toBe(401);
  });
});

describe('administration', () => {
  it('creates users and changes them, all in the audit trail, which cannot be altered', async () => {
    app = await buildTestApp();
    const admin = await signIn(app, 'admin');
    const created = await app.inject({ method: 'POST', url: '/api/admin/users', headers: admin.headers, payload: { email: 'new@example.test', name: 'New', role: 'board', password: 'a long enough password' } });
    expect(created.statusCode).toBe(201);
    const partnerWithoutOrg = await app.inject({ method: 'POST', url: '/api/admin/users', headers: admin.headers, payload: { email: 'p@example.test', name: 'P', role: 'partner', password: 'a long enough password' } });
    expect(partnerWithoutOrg.statusCode).toBe(400);
    const disabled = await app.inject({ method: 'PATCH', url: `/api/admin/users/${created.json().id}`, headers: admin.headers, payload: { disabled: true } });
    expect(disabled.json().disabled).toBe(true);
    expect((await login('new@example.test', 'a long enough password')).statusCode).toBe(401);

    const audit = await app.inject({ url: '/api/admin/audit?action=user-create', headers: admin.headers });
    expect(audit.json().items).toEqual([expect.objectContaining({ action: 'user-create', outcome: 'success', actor: expect.objectContaining({ kind: 'user' }) })]);
    await expect(sql`UPDATE audit_events SET outcome = 'failure'`.execute(app.db.kysely)).rejects.toThrow(/append-only/);
    await expect(sql`DELETE FROM audit_events`.execute(app.db.kysely)).rejects.toThrow(/append-only/);
  });

  it('refuses a second user whose email differs only in case, and a partner without an organisation made by a change', async () => {
    app = await buildTestApp();
    const admin = await signIn(app, 'admin');
    const payload = { email: 'case@example.test', name: 'Case', role: 'board', password: 'a long enough password' };
    const created = await app.inject({ method: 'POST', url: '/api/admin/users', headers: admin.headers, payload });
    expect(created.statusCode).toBe(201);
    const again = await app.inject({ method: 'POST', url: '/api/admin/users', headers: admin.headers, payload: { ...payload, email: 'CASE@Example.TEST' } });
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toBe('A user with this email address already exists.');
    // The database's own rule, reached through a change that the route does not check itself.
    const partner = await app.inject({ method: 'PATCH', url: `/api/admin/users/${created.json().id}`, headers: admin.headers, payload: { role: 'partner' } });
    expect(partner.statusCode).toBe(400);
    expect(partner.json().message).toBe('A partner must belong to an organisation, and only partners do.');
    const users = (await app.inject({ url: '/api/admin/users', headers: admin.headers })).json().items;
    expect(users.filter((u: { email: string }) => u.email.toLowerCase() === 'case@example.test')).toEqual([expect.objectContaining({ role: 'board' })]);
  });

  it('two instances starting together with ADMIN_EMAIL create the administrator once', async () => {
    app = await buildTestApp();
    const outcomes = await Promise.all([
      ensureAdministrator(app.db, 'root@example.test', 'first long password', TEST_NOW),
      ensureAdministrator(app.db, 'Root@Example.test', 'first long password', TEST_NOW),
    ]);
    expect(outcomes.sort()).toEqual(['created', 'reset']);
    const admins = await app.db.kysely.selectFrom('users').select(['email', 'role']).execute();
    expect(admins).toEqual([{ email: 'root@example.test', role: 'admin' }]);
    expect((await auditRows('user-create')).map((r) => r.target)).toHaveLength(1);
  });

  it('the session secret is made once: every instance on the database signs sessions with the same one', async () => {
    app = await buildTestApp();
    const secrets = await Promise.all([sessionSecret(app.db), sessionSecret(app.db)]);
    expect(secrets[0]).toBe(secrets[1]);
    expect(secrets[0]).toBe(await getSetting(app.db, 'session_secret'));
    expect(secrets[0].length).toBeGreaterThanOrEqual(64);
  });

  it('the first administrator is created, or reset, from the environment', async () => {
    app = await buildTestApp();
    expect(await ensureAdministrator(app.db, 'root@example.test', 'first long password', TEST_NOW)).toBe('created');
    expect((await login('root@example.test', 'first long password')).statusCode).toBe(204);
    expect(await ensureAdministrator(app.db, 'root@example.test', 'second long password', TEST_NOW)).toBe('reset');
    expect((await login('root@example.test', 'second long password')).statusCode).toBe(204);
  });
});

describe('hardening', () => {
  it('sends security headers with a strict content security policy', async () => {
    app = await buildTestApp();
    const response = await app.inject({ url: '/api/health' });
    expect(response.headers['content-security-policy']).toContain("script-src 'self'");
    expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
  });

  it('never sends a stack trace or SQL to a client', async () => {
    app = await buildTestApp();
    const analyst = await signIn(app, 'analyst');
    await sql`DROP TABLE current_rows`.execute(app.db.kysely);
    const response = await upload(app, 'police', csvOf([validRow('police')]), { as: analyst });
    expect(response.status).toBe(500);
    expect(response.response.body).not.toMatch(/current_rows|SQLITE|at .*\.ts/);
    expect(response.body.message).toMatch(/Nothing was changed/);
  });

  it('neutralises a formula smuggled into a return when the return is exported as CSV', async () => {
    app = await buildTestApp();
    const stored = await upload(app, 'police', csvOf([validRow('police', { notes: '=HYPERLINK("http://evil.example","x")' })]));
    const csv = await get(app, `/api/submissions/${stored.body.submission.id}/export.csv`);
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain(`"'=HYPERLINK(""http://evil.example"",""x"")"`);
    expect(await auditRows('export')).toHaveLength(1);
  });
});
