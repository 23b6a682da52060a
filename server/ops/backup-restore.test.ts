// SQLite only: backups and restores copy the SQLite file; PostgreSQL is backed up with pg_dump (README).
// Backups and restores, in process: a consistent copy that passes its integrity check, scheduled
// backups once per interval across processes with the oldest pruned, and a restore that ends
// every session and, when asked, revokes again the tokens and re-applies the password changes
// and disabled accounts the backup does not know about.
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { createUser, setPassword } from '../access/accounts';
import { verifyAuditChain } from '../access/audit-chain';
import { createToken, revokeToken } from '../access/tokens';
import { openDatabase } from '../db/database';
import { buildTestApp, partnerToken, signIn, TEST_NOW, TEST_PASSWORD, upload } from '../test/helpers';
import { csvOf, validRow } from '../test/rows';
import { backupDatabase, integrityOf, pruneBackups, scheduledBackupName } from './backup';
import { restoreDatabase } from './restore';

const apps: FastifyInstance[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const app of apps.splice(0)) await app.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDir() {
  const dir = mkdtempSync(join(tmpdir(), 'dap-backup-'));
  dirs.push(dir);
  return dir;
}

async function newApp(databasePath: string, options: Parameters<typeof buildTestApp>[1] = {}, now: () => Date = () => TEST_NOW) {
  const app = await buildTestApp(now, { databasePath, ...options });
  apps.push(app);
  return app;
}

// SQLite-only: backups are copies of the SQLite file (VACUUM INTO, integrity_check).
describe('npm run backup', () => {
  it('writes a copy that passes its integrity check and holds every committed upload', async () => {
    const dir = tempDir();
    const app = await newApp(join(dir, 'live.sqlite'));
    const analyst = await signIn(app, 'analyst');
    expect((await upload(app, 'police', csvOf([validRow('police')]), { as: analyst })).status).toBe(201);
    const result = await backupDatabase(app.db, join(dir, 'copies', 'one.sqlite'));
    expect(result.bytes).toBeGreaterThan(0);
    expect(integrityOf(result.file)).toBe('ok');
    const copy = await openDatabase(result.file, { readonly: true });
    try {
      expect(Number((await copy.kysely.selectFrom('submissions').select(({ fn }) => fn.countAll().as('n')).executeTakeFirstOrThrow()).n)).toBe(1);
    } finally {
      await copy.close();
    }
    expect(readdirSync(join(dir, 'copies'))).toEqual(['one.sqlite']);
  });

  it('never overwrites a file', async () => {
    const dir = tempDir();
    const app = await newApp(join(dir, 'live.sqlite'));
    writeFileSync(join(dir, 'taken.sqlite'), 'someone else’s file');
    await expect(backupDatabase(app.db, join(dir, 'taken.sqlite'))).rejects.toThrow(/already exists\. Choose a new file name/);
  });
});

// SQLite-only: scheduled backups are copies of the SQLite file.
describe('scheduled backups', () => {
  it('are taken once per interval however many processes run, named by time, and the oldest pruned', async () => {
    const dir = tempDir();
    const backups = join(dir, 'backups');
    let now = TEST_NOW;
    const options = { backups: { dir: backups, intervalHours: 6, keep: 2 } };
    const first = await newApp(join(dir, 'live.sqlite'), options, () => now);
    const second = await newApp(join(dir, 'live.sqlite'), options, () => now);
    for (let run = 0; run < 4; run++) {
      const done = [await first.ops.runDueTasks(), await second.ops.runDueTasks()].filter((d) => d.backup !== null);
      expect(done, `run ${run}`).toHaveLength(1);
      now = new Date(now.getTime() + 6 * 60 * 60 * 1000);
    }
    // An hour after the last one (taken at +18 h): not due yet.
    expect((await first.ops.runDueTasks(new Date(TEST_NOW.getTime() + 19 * 3600_000))).backup).toBeNull();
    const kept = readdirSync(backups).sort();
    expect(kept).toEqual([scheduledBackupName(new Date(TEST_NOW.getTime() + 12 * 3600_000)), scheduledBackupName(new Date(TEST_NOW.getTime() + 18 * 3600_000))]);
    for (const name of kept) expect(integrityOf(join(backups, name))).toBe('ok');
    expect(Number((await first.db.kysely.selectFrom('audit_events').select(({ fn }) => fn.countAll().as('n')).where('action', '=', 'backup').where('outcome', '=', 'success').executeTakeFirstOrThrow()).n)).toBe(4);
  });

  it('pruning leaves files it did not write alone', () => {
    const dir = tempDir();
    for (const name of ['dashboard-20260101T000000Z.sqlite', 'dashboard-20260102T000000Z.sqlite', 'dashboard-20260103T000000Z.sqlite', 'before-the-migration.sqlite']) writeFileSync(join(dir, name), '');
    pruneBackups(dir, 1);
    expect(readdirSync(dir).sort()).toEqual(['before-the-migration.sqlite', 'dashboard-20260103T000000Z.sqlite']);
  });
});

// SQLite-only: a restore puts a SQLite file in place of another.
describe('npm run restore', () => {
  async function liveWithBackup() {
    const dir = tempDir();
    const live = join(dir, 'live.sqlite');
    const backup = join(dir, 'backup.sqlite');
    const app = await newApp(live);
    await signIn(app, 'board');
    const user = await createUser(app.db, { email: 'leaky@example.test', name: 'Leaky', role: 'analyst', organisationId: null, password: TEST_PASSWORD }, TEST_NOW);
    const disabledLater = await createUser(app.db, { email: 'leaver@example.test', name: 'Leaver', role: 'board', organisationId: null, password: TEST_PASSWORD }, TEST_NOW);
    const token = await partnerToken(app, [{ returnType: 'police', areaCode: 'E09000004' }]);
    await backupDatabase(app.db, backup);
    // After the backup: the token leaks and is revoked, a password is changed, someone leaves.
    const { id: tokenId } = await app.db.kysely.selectFrom('api_tokens').select('id').executeTakeFirstOrThrow();
    await revokeToken(app.db, tokenId, new Date(TEST_NOW.getTime() + 60_000));
    await setPassword(app.db, user.id, 'a brand new long password', new Date(TEST_NOW.getTime() + 60_000));
    await app.db.kysely.updateTable('users').set({ disabled: 1 }).where('id', '=', disabledLater.id).execute();
    const { id: organisationId } = await app.db.kysely.selectFrom('organisations').select('id').executeTakeFirstOrThrow();
    const newToken = (await createToken(app.db, organisationId, 'made after the backup', null, TEST_NOW)).token;
    await app.close();
    apps.splice(apps.indexOf(app), 1);
    return { dir, live, backup, token, newToken };
  }

  it('refuses while the database is in use', async () => {
    const { live, backup } = await liveWithBackup();
    await newApp(live);
    await expect(restoreDatabase({ backupFile: backup, databasePath: live, now: TEST_NOW })).rejects.toThrow(/is in use: stop the server/);
  });

  it('ends every session, re-applies revocations, password changes and disabled accounts, and keeps the old file', async () => {
    const { live, backup, token, newToken } = await liveWithBackup();
    const report = await restoreDatabase({ backupFile: backup, databasePath: live, reapplyFrom: live, now: new Date(TEST_NOW.getTime() + 120_000) });
    expect(report).toMatchObject({ sessionsEnded: 1, tokensRevokedAgain: 1, passwordsReapplied: 1, accountsDisabledAgain: 1 });
    expect(existsSync(report.previousKeptAt!)).toBe(true);
    expect(integrityOf(live)).toBe('ok');

    const app = await newApp(live);
    const bearer = (t: string) => app.inject({ url: '/api/submissions', headers: { authorization: `Bearer ${t}` } });
    expect((await bearer(token)).statusCode).toBe(401);
    // Not in the backup at all: gone with it (it is in the kept file).
    expect((await bearer(newToken)).statusCode).toBe(401);
    const login = (email: string, password: string) => app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
    expect((await login('leaky@example.test', TEST_PASSWORD)).statusCode).toBe(401);
    expect((await login('leaky@example.test', 'a brand new long password')).statusCode).toBe(204);
    expect((await login('leaver@example.test', TEST_PASSWORD)).statusCode).toBe(401);
    expect(Number((await app.db.kysely.selectFrom('audit_events').select(({ fn }) => fn.countAll().as('n')).where('action', '=', 'restore').executeTakeFirstOrThrow()).n)).toBe(1);
    expect(await verifyAuditChain(app.db)).toMatchObject({ ok: true });
  });

  it('without the live database, the backup is taken as it is: the revoked token is live again (which is why it asks)', async () => {
    const { live, backup, token } = await liveWithBackup();
    const report = await restoreDatabase({ backupFile: backup, databasePath: live, reapplyFrom: null, now: TEST_NOW });
    expect(report).toMatchObject({ sessionsEnded: 1, tokensRevokedAgain: 0 });
    const app = await newApp(live);
    expect((await app.inject({ url: '/api/submissions', headers: { authorization: `Bearer ${token}` } })).statusCode).toBe(200);
    expect(Number((await app.db.kysely.selectFrom('sessions').select(({ fn }) => fn.countAll().as('n')).executeTakeFirstOrThrow()).n)).toBe(0);
  });

  it('refuses a damaged backup and changes nothing', async () => {
    const { dir, live } = await liveWithBackup();
    const damaged = join(dir, 'damaged.sqlite');
    writeFileSync(damaged, 'not a database at all '.repeat(500));
    await expect(restoreDatabase({ backupFile: damaged, databasePath: live, now: TEST_NOW })).rejects.toThrow();
    expect(readdirSync(dir).filter((n) => n.includes('before-restore') || n.includes('restoring'))).toEqual([]);
  });
});

describe('on PostgreSQL', () => {
  it('backup and restore refuse, and say to use pg_dump', async () => {
    const app = await newApp(':memory:');
    const postgres = { ...app.db, engine: 'postgres' as const };
    const dir = tempDir();
    await expect(backupDatabase(postgres, join(dir, 'copy.sqlite'))).rejects.toThrow(/back up PostgreSQL with pg_dump .*see the README/);
    expect(readdirSync(dir)).toEqual([]);
    const address = 'postgres://dashboard@db.example.internal/dashboard';
    await expect(restoreDatabase({ backupFile: join(dir, 'copy.sqlite'), databasePath: address, now: TEST_NOW })).rejects.toThrow(/back up PostgreSQL with pg_dump/);
    await expect(restoreDatabase({ backupFile: join(dir, 'copy.sqlite'), databasePath: join(dir, 'live.sqlite'), reapplyFrom: address, now: TEST_NOW })).rejects.toThrow(/back up PostgreSQL with pg_dump/);
  });
});
