// SQLite only: runs the SQLite migration files on a raw handle (postgres-schema.test.ts covers PostgreSQL's).
// Migration 003 on a database that already holds submissions: each submission gets the
// organisation of the partner user or token that sent it (none for anyone else), and the
// warnings kept in each submission's summary are attached to the rows they were found on.
import BetterSqlite3 from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { migrate, migrationFiles } from '../db/migrate';

const BEFORE = ['001_returns.sql', '002_access.sql'];
let sqlite: BetterSqlite3.Database;

beforeEach(() => {
  sqlite = new BetterSqlite3(':memory:');
  sqlite.exec('CREATE TABLE schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL) STRICT');
  for (const file of BEFORE) {
    sqlite.exec(readFileSync(new URL(`../../migrations/${file}`, import.meta.url), 'utf8'));
    sqlite.prepare('INSERT INTO schema_migrations VALUES (?, ?)').run(file, 'then');
  }
  sqlite.exec(`
    INSERT INTO areas VALUES ('E09000004', 'Bexley', 'lad');
    INSERT INTO organisations VALUES (7, 'Bexley police', 'police', 'then');
    INSERT INTO users VALUES (3, 'p@example.test', 'P', 'partner', 7, 'x', 0, 0, NULL, 'then', 'then');
    INSERT INTO users VALUES (4, 'a@example.test', 'A', 'analyst', NULL, 'x', 0, 0, NULL, 'then', 'then');
    INSERT INTO api_tokens VALUES (5, 7, 'nightly', 'h', 'dap_', NULL, 'then', NULL, NULL);
  `);
  const submission = sqlite.prepare(`INSERT INTO submissions (id, return_type, received_at, actor_kind, actor_id, actor_name, file_format, file_sha256, row_count, periods_json, areas_json, warnings_json)
    VALUES (?, 'police', 'then', ?, ?, 'n', 'csv', 's', 1, '[]', '[]', ?)`);
  const warning = { row: 2, column: 'charges', value: '57', code: 'charges-more-than-crimes', message: 'Charges (57) is more than crimes (55).' };
  const header = { row: 1, column: 'colour', value: 'colour', code: 'unknown-column', message: 'ignored' };
  submission.run(1, 'user', 'user:3', JSON.stringify([header, warning]));
  submission.run(2, 'token', 'token:5', '[]');
  submission.run(3, 'user', 'user:4', '[]');
  submission.run(4, 'system', 'system', '[]');
  sqlite.prepare(`INSERT INTO return_rows (submission_id, return_type, area_code, period, subkey, source_row, values_json) VALUES (1, 'police', 'E09000004', '2019-20Q3', '', 2, '{}')`).run();
});
afterEach(() => {
  sqlite.close();
});

// SQLite-only: runs the SQLite migration files on a raw handle (server/db/postgres-schema.test.ts carries
// 003's data over on PostgreSQL).
it('records who sent each earlier submission and moves its warnings onto its rows', () => {
  expect(migrationFiles()).toContain('003_figure_warnings.sql');
  expect(migrate(sqlite)).toContain('003_figure_warnings.sql');
  expect(sqlite.prepare('SELECT id, organisation_id FROM submissions ORDER BY id').all()).toEqual([
    { id: 1, organisation_id: 7 },
    { id: 2, organisation_id: 7 },
    { id: 3, organisation_id: null },
    { id: 4, organisation_id: null },
  ]);
  const warnings = sqlite.prepare('SELECT row_id, code, column_name, reads_json, message, public_message FROM row_warnings').all() as Array<Record<string, string>>;
  expect(warnings).toEqual([
    { row_id: 1, code: 'charges-more-than-crimes', column_name: 'charges', reads_json: '["charges"]', message: 'Charges (57) is more than crimes (55).', public_message: expect.any(String) },
  ]);
  expect(warnings[0].public_message).not.toMatch(/\d/);
});
