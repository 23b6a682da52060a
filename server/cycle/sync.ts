// Runs a query built with Kysely synchronously on the raw better-sqlite3 handle, so it can take
// part in a synchronous transaction (an upload stores its whole file in one: server/returns/store.ts).
// The query is still typed and built by Kysely; only its execution is synchronous.
import type { Compilable, InferResult } from 'kysely';
import type { Db } from '../db/database';

export function selectSync<Q extends Compilable<unknown>>(db: Db, query: Q): Array<InferResult<Q>[number]> {
  const compiled = query.compile();
  return db.sqlite.prepare(compiled.sql).all(...(compiled.parameters as unknown[])) as Array<InferResult<Q>[number]>;
}

export function executeSync(db: Db, query: Compilable<unknown>): number {
  const compiled = query.compile();
  return db.sqlite.prepare(compiled.sql).run(...(compiled.parameters as unknown[])).changes;
}
