// Backup and restore copy the SQLite file (VACUUM INTO, integrity_check, renames). A PostgreSQL
// database is backed up by the tools made for it, which its hosting team already runs; these
// commands say so instead of half-working.
import type { Db } from '../db/database';

export const POSTGRES_BACKUP_REFUSAL =
  'This dashboard runs on PostgreSQL: back up PostgreSQL with pg_dump (and restore with pg_restore); see the README. npm run backup and npm run restore copy a SQLite database file only.';

/** Whether a database setting names a PostgreSQL server rather than a file. */
export function isPostgresAddress(value: string | undefined): boolean {
  return value !== undefined && /^postgres(ql)?:\/\//i.test(value.trim());
}

/** Throws the refusal, in words, for a PostgreSQL database. */
export function refuseUnlessSqlite(db: Pick<Db, 'engine'>) {
  if (db.engine === 'postgres') throw new Error(POSTGRES_BACKUP_REFUSAL);
}
