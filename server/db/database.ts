// The database: one interface over both engines, SQLite embedded (a file, the quick start's
// default) and PostgreSQL (DATABASE_URL=postgres://…, several instances on one database). Every
// query is Kysely's and asynchronous; what differs between the engines is confined to
// server/db/sqlite.ts and server/db/postgres.ts.
import type BetterSqlite3 from 'better-sqlite3';
import { Kysely, sql } from 'kysely';
import { AsyncLocalStorage } from 'node:async_hooks';
import { AREAS } from '../../schemas/areas';
import { advisoryTransactionLock, describePostgresUrl, isPostgresUrl, openPostgres } from './postgres';
import { openSqliteHandle, sqliteDialect } from './sqlite';
import { StorageError, storageProblem } from './storage-errors';
import type { Database } from './tables';

export type DatabaseEngine = 'sqlite' | 'postgres';

export interface Db {
  readonly engine: DatabaseEngine;
  /**
   * Where every query starts. Inside db.transaction(…) it is that transaction, for every query
   * made in the callback and anything it awaits: a store called from inside a transaction joins
   * it without being handed a transaction object (and on SQLite, whose one connection the
   * transaction holds, could not run otherwise).
   */
  readonly kysely: Kysely<Database>;
  /**
   * Runs fn in one transaction: all of it is stored, or none. A transaction inside another joins
   * the outer one. On SQLite it takes the write lock at BEGIN (server/db/sqlite.ts).
   */
  transaction<T>(fn: () => Promise<T>): Promise<T>;
  /**
   * Inside a transaction, waits until no other transaction holding the same key (in this or any
   * other instance) is running, and keeps others waiting until this one ends: for work that
   * reads and then writes what it read (an upload's corrections, the audit chain's next link).
   * SQLite's write lock, taken at BEGIN, already orders every writer.
   */
  serialize(key: string): Promise<void>;
  /** The embedded engine's handle, for SQLite-only operations on the file (backup, restore); null on PostgreSQL. */
  readonly sqlite: BetterSqlite3.Database | null;
  /** The file, ':memory:', or the PostgreSQL address without its password: what problems name. */
  readonly path: string;
  close(): Promise<void>;
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
export async function openDatabase(path: string, options: OpenOptions = {}): Promise<Db> {
  if (isPostgresUrl(path)) return openPostgresDatabase(path, options);
  let sqlite: BetterSqlite3.Database;
  try {
    sqlite = openSqliteHandle(path, options);
  } catch (error) {
    const problem = storageProblem(error, path);
    throw problem ? new StorageError(problem) : error;
  }
  const base = new Kysely<Database>({ dialect: sqliteDialect(sqlite) });
  const db = withAmbientTransactions(base, {
    engine: 'sqlite',
    sqlite,
    path,
    // SQLite's write lock, taken at BEGIN IMMEDIATE, already orders every writer.
    lock: async () => {},
    // Kysely's destroy closes the handle only if Kysely ever used it (its driver starts lazily),
    // so the handle is closed here too: a handle left open keeps the file in use (restore refuses).
    close: async () => {
      await base.destroy();
      if (sqlite.open) sqlite.close();
    },
  });
  if (!options.readonly) {
    try {
      await syncAreas(db);
    } catch (error) {
      await db.close();
      const problem = storageProblem(error, path);
      throw problem ? new StorageError(problem) : error;
    }
  }
  return db;
}

async function openPostgresDatabase(url: string, options: OpenOptions): Promise<Db> {
  const shown = describePostgresUrl(url);
  let handle;
  try {
    handle = await openPostgres(url, options);
  } catch (error) {
    throw new StorageError({
      code: 'cannot-open',
      message: `The PostgreSQL database at ${shown} cannot be used: ${(error as Error).message}. Check DATABASE_URL, that the server is running and that the user may connect and create tables.`,
    });
  }
  const { kysely: base, pool } = handle;
  const db = withAmbientTransactions(base, {
    engine: 'postgres',
    sqlite: null,
    path: shown,
    lock: advisoryTransactionLock,
    close: async () => {
      await base.destroy();
      await pool.end().catch(() => undefined);
    },
  });
  if (!options.readonly) await syncAreas(db);
  return db;
}

const ambient = new AsyncLocalStorage<{ base: Kysely<Database>; transaction: Kysely<Database> }>();

interface EngineParts extends Omit<Db, 'kysely' | 'transaction' | 'serialize'> {
  /** Takes the engine's lock for key inside the transaction given (see Db.serialize). */
  lock(transaction: Kysely<Database>, key: string): Promise<void>;
}

/** Builds a Db whose kysely is the ambient transaction, if one of this database's is running. */
function withAmbientTransactions(base: Kysely<Database>, { lock, ...rest }: EngineParts): Db {
  const current = () => {
    const store = ambient.getStore();
    return store?.base === base ? store.transaction : null;
  };
  return {
    ...rest,
    async serialize(key: string) {
      const transaction = current();
      // Outside a transaction a lock would end with the statement that took it: a mistake on either engine.
      if (!transaction) throw new Error(`serialize('${key}') was called outside a transaction, where it would hold nothing.`);
      await lock(transaction, key);
    },
    get kysely() {
      return current() ?? base;
    },
    transaction<T>(fn: () => Promise<T>): Promise<T> {
      if (current()) return fn();
      return base.transaction().execute((transaction) => ambient.run({ base, transaction }, fn));
    },
  };
}

/** The area register ships with the code; the table mirrors it so rows can reference areas. */
async function syncAreas(db: Db) {
  await db.transaction(async () => {
    for (let i = 0; i < AREAS.length; i += 200) {
      await db.kysely
        .insertInto('areas')
        .values(AREAS.slice(i, i + 200).map((a) => ({ code: a.code, name: a.name, type: a.type })))
        .onConflict((oc) => oc.column('code').doUpdateSet({ name: sql`excluded.name`, type: sql`excluded.type` }))
        .execute();
    }
  });
}
