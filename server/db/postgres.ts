// Everything specific to PostgreSQL (DATABASE_URL=postgres://…) in one place: the connection
// pool, how its values come back as the same JavaScript values SQLite gives (int8 as numbers),
// the migrations run under a lock, and serialize() as an advisory lock. Queries are Kysely's
// and the same as on SQLite.
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { migratePostgres } from './postgres-migrate';
import type { Database } from './tables';

/** Connections per instance: requests await the database, so a few carry many requests. */
const POOL_SIZE = 10;

// bigint (int8: identity ids, count(*), sum of integers) is returned by pg as a string, because
// it can exceed 2^53. Every id and count here is far below that, and SQLite gives numbers, so
// they are parsed to numbers: the same code gets the same values on both engines.
const INT8_OID = 20;
const NUMERIC_OID = 1700;
pg.types.setTypeParser(INT8_OID, (value) => Number(value));
pg.types.setTypeParser(NUMERIC_OID, (value) => Number(value));

export function isPostgresUrl(target: string): boolean {
  return /^postgres(ql)?:\/\//i.test(target);
}

/** The address as it may be shown in a message or a log: without its password. */
export function describePostgresUrl(target: string): string {
  try {
    const url = new URL(target);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    return 'postgres://…';
  }
}

export interface PostgresHandle {
  kysely: Kysely<Database>;
  pool: pg.Pool;
}

/** Connects, and (unless only reading) applies the migrations this database has not had. */
export async function openPostgres(url: string, options: { readonly?: boolean } = {}): Promise<PostgresHandle> {
  const pool = new pg.Pool({ connectionString: url, max: POOL_SIZE, allowExitOnIdle: true });
  // An idle connection dropped by the server (a restart, a failover) must not crash the process:
  // the pool discards it and the next query opens a new one.
  pool.on('error', () => undefined);
  try {
    const client = await pool.connect();
    try {
      if (!options.readonly) await migratePostgres(client);
    } finally {
      client.release();
    }
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw error;
  }
  return { kysely: new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }), pool };
}

/**
 * Waits for, then holds until the transaction ends, the advisory lock named by key: the way
 * instances on one database take turns at read-then-write work (Db.serialize).
 */
export async function advisoryTransactionLock(kysely: Kysely<Database>, key: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext(${key}))`.execute(kysely);
}
