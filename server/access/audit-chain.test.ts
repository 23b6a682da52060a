// The audit trail's hash chain: every row chained as it is written, rows from before the chain
// chained when the database is first opened by this version, and a row changed, removed or
// slipped in by hand (with the triggers dropped, as someone with the file could) caught by
// verification and by `npm run audit:verify`, which names the first broken link.
import BetterSqlite3 from 'better-sqlite3';
import { sql } from 'kysely';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { migrationFiles } from '../db/migrate';
import { openDatabase, type Db } from '../db/database';
import { recordAudit } from './audit';
import { GENESIS_HASH, rowHash, verifyAuditChain, type ChainedRow } from './audit-chain';
import { SYSTEM } from './actor';
import { buildTestApp, signIn } from '../test/helpers';
import { childProcessEnv, openTestDatabase, TEST_ENGINE } from '../test/database';

/** Tests of what only SQLite has run in the server project, not again in server-postgres. */
const ON_SQLITE = TEST_ENGINE === 'sqlite';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const dirs: string[] = [];
const open: Db[] = [];
afterEach(async () => {
  for (const db of open.splice(0)) await db.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempPath() {
  const dir = mkdtempSync(join(tmpdir(), 'dap-chain-'));
  dirs.push(dir);
  return join(dir, 'db.sqlite!');
}

/** A database of the engine under test (or the SQLite file at path) holding n chained rows. */
async function databaseWithRows(n: number, path?: string): Promise<Db> {
  const db = path === undefined ? await openTestDatabase() : await openDatabase(path);
  open.push(db);
  for (let i = 0; i < n; i++) await recordAudit(db, SYSTEM, '192.0.2.1', { action: 'export', outcome: 'success', target: `submission:${i}`, details: { i } }, new Date(Date.UTC(2026, 0, 1, 0, i)));
  return db;
}

/** What someone with the file and a SQLite shell can do: the triggers are no obstacle to them. */
function tamper(db: Db, statement: string) {
  db.sqlite!.exec('DROP TRIGGER audit_events_no_update; DROP TRIGGER audit_events_no_delete; DROP TRIGGER audit_events_chained;');
  db.sqlite!.exec(statement);
}

function verifyCli(path: string) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'server/ops/audit-verify-cli.ts', path], { cwd: ROOT, encoding: 'utf8', env: childProcessEnv() });
}

describe('the audit chain', () => {
  it('chains every row to the one before, from genesis', async () => {
    const db = await databaseWithRows(5);
    const rows = (await db.kysely.selectFrom('audit_events').selectAll().orderBy('id').execute()) as Array<ChainedRow & { prev_hash: string; hash: string }>;
    expect(rows[0].prev_hash).toBe(GENESIS_HASH);
    for (let i = 1; i < rows.length; i++) expect(rows[i].prev_hash).toBe(rows[i - 1].hash);
    for (const row of rows) expect(row.hash).toBe(rowHash(row.prev_hash, row));
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, rows: 5, firstId: 1, lastId: 5, headHash: rows[4].hash, problem: null });
  });

  it('chains the rows of every request, through the app', async () => {
    const app = await buildTestApp();
    try {
      await signIn(app, 'admin');
      await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'nobody@example.test', password: 'x' } });
      const report = await verifyAuditChain(app.db);
      expect(report.ok).toBe(true);
      expect(report.rows).toBeGreaterThanOrEqual(2);
    } finally {
      await app.close();
    }
  });

  it('refuses a row written without its hash, and changes and deletes, while the triggers stand', async () => {
    const db = await databaseWithRows(2);
    const k = db.kysely;
    await expect(sql`INSERT INTO audit_events (at, actor_kind, actor_id, actor_name, action, outcome) VALUES ('2026-01-01', 'system', 'system', 'x', 'export', 'success')`.execute(k)).rejects.toThrow(/must be chained/);
    await expect(sql`UPDATE audit_events SET outcome = 'failure' WHERE id = 1`.execute(k)).rejects.toThrow(/append-only/);
    await expect(sql`UPDATE audit_events SET hash = 'x' WHERE id = 1`.execute(k)).rejects.toThrow(/append-only/);
    await expect(sql`DELETE FROM audit_events WHERE id = 1`.execute(k)).rejects.toThrow(/append-only/);
  });

  // SQLite-only: the tampering drops SQLite's triggers by name, as someone with the file could.
  it.runIf(ON_SQLITE).each([
    ['a row changed', "UPDATE audit_events SET outcome = 'failure' WHERE id = 3", { id: 3, kind: 'changed' }, /Row 3 was changed after it was written/],
    ['a row changed and its hash recomputed', null, { id: 4, kind: 'link-broken' }, /Row 4 does not follow row 3: a row between them was removed or inserted, or row 3 was changed/],
    ['a row removed', 'DELETE FROM audit_events WHERE id = 3', { id: 4, kind: 'link-broken' }, /Row 4 does not follow row 2/],
    ['the first rows removed without an anchor', 'DELETE FROM audit_events WHERE id <= 2', { id: 3, kind: 'link-broken' }, /Row 3 does not follow the start of the trail/],
    ['a row slipped in', "INSERT INTO audit_events (id, at, actor_kind, actor_id, actor_name, action, outcome, prev_hash, hash) SELECT 10, at, actor_kind, actor_id, actor_name, action, outcome, prev_hash, hash FROM audit_events WHERE id = 5", { id: 10, kind: 'link-broken' }, /Row 10 does not follow row 6/],
    ['a hash removed', 'UPDATE audit_events SET hash = NULL WHERE id = 2', { id: 2, kind: 'unchained' }, /Row 2 has no hash/],
  ])('catches %s, and names the first broken link', async (_, statement, problem, words) => {
    const db = await databaseWithRows(6);
    if (statement) tamper(db, statement);
    else {
      // The careful forger: changes row 3 and gives it a hash that matches its new contents.
      const row = db.sqlite!.prepare('SELECT * FROM audit_events WHERE id = 3').get() as ChainedRow & { prev_hash: string };
      const forged = { ...row, outcome: 'failure' as const };
      tamper(db, `UPDATE audit_events SET outcome = 'failure', hash = '${rowHash(row.prev_hash, forged)}' WHERE id = 3`);
    }
    const report = await verifyAuditChain(db);
    expect(report.ok).toBe(false);
    expect(report.problem).toMatchObject(problem);
    expect(report.problem!.message).toMatch(words);
  });

  // SQLite-only: the command reads a SQLite file, tampered with by hand.
  it.runIf(ON_SQLITE)('`npm run audit:verify` says the trail is intact, then names the row broken by hand, with exit code 1', async () => {
    const path = tempPath();
    const db = await databaseWithRows(4, path);
    const intact = verifyCli(path);
    expect(intact.status).toBe(0);
    expect(intact.stdout).toMatch(/is intact: 4 rows \(ids 1–4\), chained from the first row\./);
    tamper(db, "UPDATE audit_events SET target = 'submission:99' WHERE id = 2");
    db.sqlite!.pragma('wal_checkpoint(TRUNCATE)');
    const broken = verifyCli(path);
    expect(broken.status).toBe(1);
    expect(broken.stderr).toMatch(/is BROKEN at row 2: Row 2 was changed after it was written/);
    expect(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts['audit:verify']).toBe('tsx server/ops/audit-verify-cli.ts');
  }, 60_000);

  // SQLite-only: builds the previous version's SQLite file from the SQLite migrations.
  it.runIf(ON_SQLITE)('chains the rows written before the chain existed, when this version first opens the database', async () => {
    const path = tempPath();
    // A database as the previous version left it: every migration before 050, rows without hashes.
    const old = new BetterSqlite3(path);
    old.exec('CREATE TABLE schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL) STRICT');
    for (const file of migrationFiles().filter((f) => f < '050')) {
      old.exec(readFileSync(join(ROOT, 'migrations', file), 'utf8'));
      old.prepare('INSERT INTO schema_migrations VALUES (?, ?)').run(file, '2026-01-01T00:00:00Z');
    }
    const insert = old.prepare("INSERT INTO audit_events (at, actor_kind, actor_id, actor_name, ip, action, outcome, target) VALUES (?, 'user', 'user:1', 'a@example.test', '192.0.2.1', 'sign-in', 'success', 'a@example.test')");
    for (let i = 0; i < 3; i++) insert.run(`2026-01-0${i + 1}T00:00:00Z`);
    old.close();

    const app = await buildTestApp(undefined, { databasePath: path });
    try {
      const rows = await app.db.kysely.selectFrom('audit_events').select(['id', 'prev_hash', 'hash']).orderBy('id').execute();
      expect(rows.every((r) => r.hash !== null)).toBe(true);
      expect(rows[0].prev_hash).toBe(GENESIS_HASH);
      await signIn(app, 'board');
      expect(await verifyAuditChain(app.db)).toMatchObject({ ok: true });
      expect((await verifyAuditChain(app.db)).rows).toBeGreaterThan(3);
    } finally {
      await app.close();
    }
  });
});
