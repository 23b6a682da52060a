// A consistent copy of the database while the server runs. Copying the file (cp, rsync, a disk
// snapshot of a live file) can catch it mid-write and lose acknowledged uploads still in the
// -wal file; `VACUUM INTO` reads the whole database inside one read transaction, so the copy is
// exactly the database at one moment, with every upload committed before it, and it never holds
// up writers (WAL mode). The copy is written under a temporary name, synced to disk, checked with
// `PRAGMA integrity_check`, and only then given its name.
import BetterSqlite3 from 'better-sqlite3';
import { sql } from 'kysely';
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { Db } from '../db/database';
import { storageProblem, StorageError } from '../db/storage-errors';
import { refuseUnlessSqlite } from './sqlite-only';

export interface BackupResult {
  file: string;
  bytes: number;
  ms: number;
}

function fsyncPath(path: string) {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** 'ok', or what SQLite's integrity check found wrong with the file. */
export function integrityOf(file: string): string {
  const copy = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  try {
    const rows = copy.pragma('integrity_check') as Array<{ integrity_check: string }>;
    return rows.map((r) => r.integrity_check).join('; ');
  } finally {
    copy.close();
  }
}

/** Writes a consistent copy of the open database to `file`, which must not exist yet. */
export async function backupDatabase(db: Db, file: string): Promise<BackupResult> {
  refuseUnlessSqlite(db);
  const target = resolve(file);
  if (existsSync(target)) throw new Error(`${target} already exists. Choose a new file name: a backup never overwrites another.`);
  mkdirSync(dirname(target), { recursive: true });
  const partial = `${target}.partial-${process.pid}`;
  rmSync(partial, { force: true });
  const t0 = performance.now();
  try {
    await sql`VACUUM INTO ${partial}`.execute(db.kysely);
    fsyncPath(partial);
    const integrity = integrityOf(partial);
    if (integrity !== 'ok') throw new Error(`The copy failed its integrity check (${integrity.slice(0, 300)}); it was not kept.`);
    renameSync(partial, target);
    fsyncPath(dirname(target));
  } catch (error) {
    rmSync(partial, { force: true });
    const problem = storageProblem(error, target);
    // A full or read-only disk here is the backup disk's, not the database's: name the right one.
    if (problem && (problem.code === 'disk-full' || problem.code === 'read-only' || problem.code === 'cannot-open')) {
      throw new StorageError({ code: problem.code, message: `The backup could not be written to ${target}: ${problem.message}` });
    }
    throw error;
  }
  return { file: target, bytes: statSync(target).size, ms: performance.now() - t0 };
}

/** Scheduled backups are named by the moment they were taken, so names sort by age. */
const SCHEDULED_NAME = /^dashboard-\d{8}T\d{6}Z\.sqlite$/;

export function scheduledBackupName(now: Date): string {
  return `dashboard-${now.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z')}.sqlite`;
}

/** Deletes the oldest scheduled backups in `dir` beyond the newest `keep`; the files deleted. Other files are left alone. */
export function pruneBackups(dir: string, keep: number): string[] {
  const names = readdirSync(dir).filter((n) => SCHEDULED_NAME.test(n)).sort();
  const old = names.slice(0, Math.max(0, names.length - keep));
  for (const name of old) rmSync(join(dir, name), { force: true });
  return old.map((n) => join(dir, basename(n)));
}
