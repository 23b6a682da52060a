// Whether the database can take a write now: the readiness check (/api/health/ready) and the
// check at start. A server that answers but cannot save is not ready: with a full disk every
// upload and sign-in would fail while a plain liveness check still said "ok".
import { statfsSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Db } from './database';
import { storageProblem, type StorageProblem } from './storage-errors';

/** Below this much free space on the database's disk the server is not ready: a national return and its WAL need tens of megabytes. */
export const MIN_FREE_DISK_BYTES = 64 * 1024 * 1024;
/** The probe's row: larger than a page, so it must allocate pages as a real write would. */
const PROBE_BYTES = 16 * 1024;

class ProbeRolledBack extends Error {}

/**
 * Free bytes on the disk holding the database file; null for an in-memory database, for
 * PostgreSQL (its disk is the database server's, watched by whoever runs it), or where the
 * platform cannot say.
 */
export function freeDiskBytes(db: Db): number | null {
  if (db.engine !== 'sqlite' || db.path === ':memory:') return null;
  try {
    const stats = statfsSync(dirname(db.path));
    return Number(stats.bavail) * Number(stats.bsize);
  } catch {
    return null;
  }
}

/**
 * Null when the database can be written; else the problem in words. Writes a row larger than a
 * page inside a transaction of its own and rolls it back by throwing. Only queries awaited inside
 * that callback join the transaction, so no other request's write can fall inside it and be
 * rolled back with it. Call it outside any transaction: inside one it would join it, and roll
 * the caller's work back too.
 */
export async function writeProblem(db: Db, minFreeBytes = MIN_FREE_DISK_BYTES): Promise<StorageProblem | null> {
  const free = freeDiskBytes(db);
  if (free !== null && free < minFreeBytes) {
    return {
      code: 'disk-full',
      message: `The disk that holds the database (${db.path}) has only ${Math.floor(free / (1024 * 1024))} MB free, too little to take an upload safely. Free space on that disk (old backups and logs are the usual culprits); the dashboard is ready again by itself once there is at least ${minFreeBytes / (1024 * 1024)} MB.`,
    };
  }
  try {
    await db.transaction(async () => {
      await db.kysely.insertInto('health_probe').values({ payload: 'x'.repeat(PROBE_BYTES) }).execute();
      throw new ProbeRolledBack();
    });
  } catch (error) {
    if (error instanceof ProbeRolledBack) return null;
    return storageProblem(error, db.path) ?? { code: 'disk-error', message: `The database could not take a write: ${(error as Error).message}` };
  }
  return null;
}
