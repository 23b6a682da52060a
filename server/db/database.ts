// Opens the embedded SQLite database: one better-sqlite3 handle for synchronous, atomic writes
// (a whole file in one transaction) and one Kysely instance over it for typed reads.
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect, type Compilable } from 'kysely';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { AREAS } from '../../schemas/areas';
import { migrate } from './migrate';
import { StorageError, storageProblem } from './storage-errors';
import type { Database } from './tables';

/** How long a writer waits for another process's write to finish before giving up. */
const BUSY_TIMEOUT_MS = 5000;

export interface Db {
  sqlite: BetterSqlite3.Database;
  kysely: Kysely<Database>;
  close: () => Promise<void>;
  /** The file, or ':memory:': what storage problems name. */
  path: string;
}

export interface OpenOptions {
  /** For tools that only read (audit:verify): no migrations, no writes, the file must exist. */
  readonly?: boolean;
}

/**
 * Opens (creating and migrating) the database. A problem with the disk or the file (full,
 * read-only, missing folder, not a database) is thrown as a StorageError whose message says, in
 * words, what to do about it.
 */
export function openDatabase(path: string, options: OpenOptions = {}): Db {
  let sqlite: BetterSqlite3.Database | null = null;
  try {
    if (path !== ':memory:' && !options.readonly) mkdirSync(dirname(path), { recursive: true });
    sqlite = new BetterSqlite3(path, { readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false });
    sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    if (!options.readonly) {
      sqlite.pragma('journal_mode = WAL');
      sqlite.pragma('foreign_keys = ON');
      // FULL: a commit (an acknowledged upload) is on the disk before the answer goes out, even if
      // the power fails a moment later. NORMAL could lose the last commits in WAL mode. The cost,
      // one more fsync per commit, is measured in bench/run.ts ("synchronous=FULL").
      sqlite.pragma('synchronous = FULL');
      migrate(sqlite);
      syncAreas(sqlite);
    }
  } catch (error) {
    sqlite?.close();
    const problem = storageProblem(error, path);
    throw problem ? new StorageError(problem) : error;
  }
  const kysely = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  return {
    sqlite,
    kysely,
    path,
    // Kysely's destroy closes the handle only if Kysely ever used it (its driver starts lazily),
    // so the handle is closed here too: a handle left open keeps the file in use (restore refuses).
    close: async () => {
      await kysely.destroy();
      if (sqlite.open) sqlite.close();
    },
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

// Kysely queries run synchronously on the same connection, for the few places that must read and
// write inside one better-sqlite3 transaction with nothing else in between (the audit chain, the
// readiness probe, retention): Kysely's own transactions await between statements, and any
// other request's write that ran in such a gap would join the transaction.

/** Runs a Kysely write now; the number of rows it changed. */
export function runNow(db: Db, query: Compilable): number {
  const compiled = query.compile();
  return cachedStatement(db, compiled.sql).run(...(compiled.parameters as unknown[])).changes;
}

/** Runs a Kysely query now; its first row, if any. */
export function firstNow<T>(db: Db, query: Compilable<T>): T | undefined {
  const compiled = query.compile();
  return cachedStatement(db, compiled.sql).get(...(compiled.parameters as unknown[])) as T | undefined;
}

/** Runs a Kysely query now; every row. */
export function allNow<T>(db: Db, query: Compilable<T>): T[] {
  const compiled = query.compile();
  return cachedStatement(db, compiled.sql).all(...(compiled.parameters as unknown[])) as T[];
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
