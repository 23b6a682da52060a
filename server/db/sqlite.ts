// Everything specific to the embedded engine, SQLite through better-sqlite3, in one place: the
// pragmas, the write transaction that takes SQLite's lock at BEGIN, and the prepared-statement
// cache. Queries themselves are Kysely's and are the same on both engines.
import BetterSqlite3 from 'better-sqlite3';
import { CompiledQuery, SqliteDialect, type DatabaseConnection, type Driver, type SqliteDatabase } from 'kysely';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { migrate } from './migrate';

/** How long a writer waits for another process's write to finish before giving up. */
const BUSY_TIMEOUT_MS = 5000;
/** Prepared statements kept per database: every query the app makes, with room to spare. */
const STATEMENT_CACHE_SIZE = 1000;

export interface SqliteOpenOptions {
  /** For tools that only read (audit:verify): no migrations, no writes, the file must exist. */
  readonly?: boolean;
}

/** Opens (creating and migrating, unless read-only) the database file, or ':memory:'. */
export function openSqliteHandle(path: string, options: SqliteOpenOptions = {}): BetterSqlite3.Database {
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
    }
    return sqlite;
  } catch (error) {
    sqlite?.close();
    throw error;
  }
}

/**
 * Kysely's SQLite dialect, with two changes. A transaction begins IMMEDIATE: it takes the write
 * lock before its first read, so a transaction that reads and then writes (the corrections an
 * upload makes, the audit chain's next link) decides on exactly what it then replaces, even with
 * another process writing. And statements are prepared once and reused, since preparing costs
 * more than running the small queries every request makes (session, user, grants).
 */
export function sqliteDialect(sqlite: BetterSqlite3.Database): SqliteDialect {
  return new ImmediateSqliteDialect(sqlite, { database: cachingDatabase(sqlite) });
}

class ImmediateSqliteDialect extends SqliteDialect {
  constructor(
    private readonly sqlite: BetterSqlite3.Database,
    config: ConstructorParameters<typeof SqliteDialect>[0],
  ) {
    super(config);
  }

  override createDriver(): Driver {
    const driver = super.createDriver();
    driver.beginTransaction = async (connection: DatabaseConnection) => {
      await connection.executeQuery(CompiledQuery.raw('begin immediate'));
    };
    // After some errors (a full disk, an I/O error) SQLite has already rolled the transaction
    // back itself; a ROLLBACK then fails, and its error would hide the one that says why.
    driver.rollbackTransaction = async (connection: DatabaseConnection) => {
      if (this.sqlite.inTransaction) await connection.executeQuery(CompiledQuery.raw('rollback'));
    };
    return driver;
  }
}

function cachingDatabase(sqlite: BetterSqlite3.Database): SqliteDatabase {
  const statements = new Map<string, BetterSqlite3.Statement>();
  return {
    close: () => {
      if (sqlite.open) sqlite.close();
    },
    prepare: (sql: string) => {
      let statement = statements.get(sql);
      if (statement) {
        // Most recently used last, so the oldest is the first key when the cache is full.
        statements.delete(sql);
      } else {
        statement = sqlite.prepare(sql);
        if (statements.size >= STATEMENT_CACHE_SIZE) statements.delete(statements.keys().next().value!);
      }
      statements.set(sql, statement);
      return statement;
    },
  };
}
