// Applies the numbered SQL files in migrations/postgres/ in order, each in its own transaction,
// and records them: the PostgreSQL counterpart of migrate.ts. Several servers may start on one
// database at the same moment, so the whole run holds an advisory lock and reads the applied
// list only once it holds it: the second server waits, then finds nothing left to do.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';

const MIGRATIONS_DIR = fileURLToPath(new URL('../../migrations/postgres/', import.meta.url));
const MIGRATION_FILE = /^\d{3}_[a-z0-9_]+\.sql$/;
// Any fixed number will do, as long as nothing else on the database locks the same one.
const MIGRATION_LOCK_KEY = '7015070150';

export function postgresMigrationFiles(): string[] {
  return readdirSync(MIGRATIONS_DIR).filter((f) => MIGRATION_FILE.test(f)).sort();
}

export function postgresMigrationSql(file: string): string {
  return readFileSync(MIGRATIONS_DIR + file, 'utf8');
}

/** Applies the migrations this database has not had yet; returns their names, oldest first. */
export async function migratePostgres(client: pg.ClientBase): Promise<string[]> {
  // A session lock, not a transaction one: it has to span the transactions of every file.
  await client.query('SELECT pg_advisory_lock($1::bigint)', [MIGRATION_LOCK_KEY]);
  try {
    await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, applied_at text NOT NULL)');
    const { rows } = await client.query<{ name: string }>('SELECT name FROM schema_migrations');
    const applied = new Set(rows.map((row) => row.name));
    const newlyApplied: string[] = [];
    for (const file of postgresMigrationFiles()) {
      if (applied.has(file)) continue;
      const sql = postgresMigrationSql(file);
      await client.query('BEGIN');
      try {
        // Without parameters pg sends the simple query protocol, which takes several statements.
        await client.query(sql);
        await client.query('INSERT INTO schema_migrations (name, applied_at) VALUES ($1, $2)', [file, new Date().toISOString()]);
        await client.query('COMMIT');
      } catch (error) {
        // If the connection itself broke, the server rolls back on its own; the first error is the one to report.
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      }
      newlyApplied.push(file);
    }
    return newlyApplied;
  } finally {
    // A session that has gone has let go of its lock already.
    await client.query('SELECT pg_advisory_unlock($1::bigint)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
  }
}
