// Applies the numbered SQL files in migrations/ in order, each in its own transaction, and
// records them. better-sqlite3's prepare() takes one statement, so files run through exec().
// Several servers may start on one new file at the same moment: each migration's transaction
// takes the write lock first (BEGIN IMMEDIATE) and asks again, under it, whether another has
// just applied it, so each is applied once and nobody fails on a table that already exists.
// (PostgreSQL's migrator does the same under an advisory lock: postgres-migrate.ts.)
import type BetterSqlite3 from 'better-sqlite3';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const MIGRATIONS_DIR = fileURLToPath(new URL('../../migrations/', import.meta.url));
const MIGRATION_FILE = /^\d{3}_[a-z0-9_]+\.sql$/;

export function migrationFiles(): string[] {
  return readdirSync(MIGRATIONS_DIR).filter((f) => MIGRATION_FILE.test(f)).sort();
}

export function migrate(sqlite: BetterSqlite3.Database): string[] {
  sqlite.exec('CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL) STRICT');
  // Read without the lock only to skip, at every start, what was applied long ago.
  const applied = new Set(sqlite.prepare('SELECT name FROM schema_migrations').pluck().all() as string[]);
  const isApplied = sqlite.prepare('SELECT 1 FROM schema_migrations WHERE name = ?').pluck();
  const record = sqlite.prepare('INSERT INTO schema_migrations (name, applied_at) VALUES (?, ?)');
  const applyUnlessApplied = sqlite.transaction((file: string): boolean => {
    if (isApplied.get(file) !== undefined) return false;
    sqlite.exec(readFileSync(MIGRATIONS_DIR + file, 'utf8'));
    record.run(file, new Date().toISOString());
    return true;
  });
  const newlyApplied: string[] = [];
  for (const file of migrationFiles()) {
    if (applied.has(file)) continue;
    if (applyUnlessApplied.immediate(file)) newlyApplied.push(file);
  }
  return newlyApplied;
}
