// Retention: the daily sweep deletes expired sessions and audit rows past their period, the audit
// trail still verifies from the anchor retention leaves, and the sweep runs once a day however
// many processes share the database.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { recordAudit } from '../access/audit';
import { verifyAuditChain } from '../access/audit-chain';
import { SYSTEM } from '../access/actor';
import { buildTestApp, signIn, TEST_NOW } from '../test/helpers';
import { applyAuditRetention } from './retention';

const DAY = 24 * 60 * 60 * 1000;
const apps: FastifyInstance[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const app of apps.splice(0)) await app.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function newApp(now: () => Date, options: Parameters<typeof buildTestApp>[1] = {}) {
  const app = await buildTestApp(now, options);
  apps.push(app);
  return app;
}

async function count(app: FastifyInstance, table: string) {
  const { rows } = await sql<{ n: number | string }>`SELECT count(*) AS n FROM ${sql.table(table)}`.execute(app.db.kysely);
  return Number(rows[0].n);
}

describe('audit retention', () => {
  it('deletes the oldest rows, leaves an anchor, and the chain still verifies', async () => {
    const app = await newApp(() => TEST_NOW);
    for (let day = 10; day >= 1; day--) await recordAudit(app.db, SYSTEM, null, { action: 'export', outcome: 'success', target: `day-${day}` }, new Date(TEST_NOW.getTime() - day * DAY));
    const before = await app.db.kysely.selectFrom('audit_events').select(['id', 'hash']).orderBy('id').execute();
    const result = await applyAuditRetention(app.db, TEST_NOW, 5);
    // Days 10 to 6 are older than five days.
    expect(result).toEqual({ deleted: 5, lastDeletedId: before[4].id, anchorHash: before[4].hash });
    expect((await app.db.kysely.selectFrom('audit_events').select('target').orderBy('id').execute()).map((r) => r.target)).toEqual(['day-5', 'day-4', 'day-3', 'day-2', 'day-1', 'audit_events']);
    expect(await app.db.kysely.selectFrom('audit_chain_anchors').select(['last_deleted_id', 'deleted_rows']).execute()).toEqual([{ last_deleted_id: before[4].id, deleted_rows: 5 }]);
    expect(await count(app, 'audit_deletion_permits')).toBe(0);
    const report = await verifyAuditChain(app.db);
    expect(report).toMatchObject({ ok: true, rows: 6, anchor: { lastDeletedId: before[4].id, lastDeletedHash: before[4].hash } });
    // Its own row says what it did.
    const own = await app.db.kysely.selectFrom('audit_events').select('details_json').where('action', '=', 'audit-retention').executeTakeFirstOrThrow();
    expect(JSON.parse(own.details_json)).toMatchObject({ deleted: 5, retentionDays: 5 });
  });

  it('deleting everything still leaves a chain the next row joins', async () => {
    const app = await newApp(() => TEST_NOW);
    for (let i = 0; i < 3; i++) await recordAudit(app.db, SYSTEM, null, { action: 'export', outcome: 'success' }, new Date(TEST_NOW.getTime() - 100 * DAY));
    expect((await applyAuditRetention(app.db, TEST_NOW, 30)).deleted).toBe(3);
    await recordAudit(app.db, SYSTEM, null, { action: 'export', outcome: 'success' }, TEST_NOW);
    expect(await verifyAuditChain(app.db)).toMatchObject({ ok: true, rows: 2 });
  });

  it('without a permit and an anchor, the database still refuses to delete audit rows', async () => {
    const app = await newApp(() => TEST_NOW);
    for (let i = 0; i < 3; i++) await recordAudit(app.db, SYSTEM, null, { action: 'export', outcome: 'success' }, new Date(TEST_NOW.getTime() - (100 - i) * DAY));
    const k = app.db.kysely;
    await sql`INSERT INTO audit_deletion_permits (up_to_id) VALUES (1)`.execute(k);
    await expect(sql`DELETE FROM audit_events WHERE id = 1`.execute(k)).rejects.toThrow(/append-only/);
    await sql`DELETE FROM audit_deletion_permits`.execute(k);
    await applyAuditRetention(app.db, TEST_NOW, 30);
    await expect(sql`DELETE FROM audit_chain_anchors`.execute(k)).rejects.toThrow(/append-only/);
    await expect(sql`UPDATE audit_chain_anchors SET last_deleted_hash = 'x'`.execute(k)).rejects.toThrow(/append-only/);
  });
});

describe('the daily sweep', () => {
  it('deletes expired sessions and old audit rows, once a day however many processes run it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dap-sweep-'));
    dirs.push(dir);
    const databasePath = join(dir, 'db.sqlite');
    let now = TEST_NOW;
    const retention = { sessionRetentionDays: 1, auditRetentionDays: 30 };
    const first = await newApp(() => now, { databasePath, retention });
    const second = await newApp(() => now, { databasePath, retention });
    await recordAudit(first.db, SYSTEM, null, { action: 'export', outcome: 'success', target: 'old' }, new Date(TEST_NOW.getTime() - 60 * DAY));
    await signIn(first, 'board');
    expect(await count(first, 'sessions')).toBe(1);

    now = new Date(TEST_NOW.getTime() + 2 * DAY);
    const [a, b] = [await first.ops.runDueTasks(), await second.ops.runDueTasks()];
    const ran = [a.sweep, b.sweep].filter((s) => s !== null);
    expect(ran).toHaveLength(1);
    expect(ran[0]).toMatchObject({ sessions: 1, audit: { deleted: expect.any(Number) } });
    expect(await count(first, 'sessions')).toBe(0);
    expect(await first.db.kysely.selectFrom('audit_events').select('id').where('target', '=', 'old').execute()).toEqual([]);
    expect((await first.ops.runDueTasks(new Date(now.getTime() + 60 * 60 * 1000))).sweep).toBeNull();
    expect((await second.ops.runDueTasks(new Date(now.getTime() + DAY))).sweep).not.toBeNull();
    expect(await verifyAuditChain(first.db)).toMatchObject({ ok: true });
  });

  it('keeps a session still in use', async () => {
    let now = TEST_NOW;
    const app = await newApp(() => now);
    const board = await signIn(app, 'board');
    now = new Date(TEST_NOW.getTime() + 10 * 60_000);
    await app.ops.runDueTasks();
    expect((await app.inject({ url: '/api/auth/me', headers: board.headers })).statusCode).toBe(200);
  });
});
