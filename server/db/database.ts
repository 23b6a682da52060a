// Opens the embedded SQLite database: one better-sqlite3 handle for synchronous, atomic writes
// (a whole file in one transaction) and one Kysely instance over it for typed reads.
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { AREAS } from '../../schemas/areas';
import { migrate } from './migrate';
import type { Database } from './tables';

/** How long a writer waits for another process's write to finish before giving up. */
const BUSY_TIMEOUT_MS = 5000;

export interface Db {
  sqlite: BetterSqlite3.Database;
  kysely: Kysely<Database>;
  close: () => Promise<void>;
}

export function openDatabase(path: string): Db {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const sqlite = new BetterSqlite3(path);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  sqlite.pragma('synchronous = NORMAL');
  migrate(sqlite);
  syncAreas(sqlite);
  const kysely = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  return {
    sqlite,
    kysely,
    // Kysely's destroy closes the better-sqlite3 handle it was given.
    close: () => kysely.destroy(),
  };
}

const statementCache = new WeakMap<BetterSqlite3.Database, Map<string, BetterSqlite3.Statement>>();

/**
 * A statement prepared once per database and reused, for the queries every request makes
 * (session, user, grants, settings): preparing costs more than running them. Callers must not
 * switch the statement's mode (pluck, raw, expand), since other callers share it.
 */
export function cachedStatement(db: Db, sql: string): BetterSqlite3.Statement {
  let statements = statementCache.get(db.sqlite);
  if (!statements) statementCache.set(db.sqlite, (statements = new Map()));
  let statement = statements.get(sql);
  if (!statement) statements.set(sql, (statement = db.sqlite.prepare(sql)));
  return statement;
}

/** The area register ships with the code; the table mirrors it so rows can reference areas. */
function syncAreas(sqlite: BetterSqlite3.Database) {
  const upsert = sqlite.prepare(
    'INSERT INTO areas (code, name, type) VALUES (?, ?, ?) ON CONFLICT (code) DO UPDATE SET name = excluded.name, type = excluded.type',
  );
  sqlite.transaction(() => {
    for (const a of AREAS) upsert.run(a.code, a.name, a.type);
  })();
}
