// Restoring a backup over the live database, with the server stopped. A backup holds the
// database as it was, so left alone it would bring back what has since been taken away:
// sessions that have since ended, API tokens that were revoked, passwords that were changed
// (perhaps because they leaked), accounts that were disabled. So a restore:
//  - ends every session (everyone signs in again);
//  - with the live database to read from (--re-revoke-tokens FROM_LIVE_DB, or yes to the
//    question), revokes again every token revoked there, re-applies every password changed there
//    since the backup, and disables again every account disabled there;
//  - keeps the live database beside the restored one (FILE.before-restore-TIME), never deletes it;
//  - records itself in the restored audit trail.
// Users, tokens and uploads created after the backup are not in it and are not brought across:
// they are in the kept file, and the README says so.
import BetterSqlite3 from 'better-sqlite3';
import { copyFileSync, existsSync, renameSync, rmSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { recordAudit } from '../access/audit';
import { openDatabase, type Db } from '../db/database';
import { integrityOf } from './backup';
import { isPostgresAddress, POSTGRES_BACKUP_REFUSAL } from './sqlite-only';

export const RESTORE_ACTOR = { kind: 'system' as const, id: 'system', name: 'System (npm run restore)' };

export interface RestoreOptions {
  backupFile: string;
  databasePath: string;
  /** The live database to re-apply revocations, password changes and disabled accounts from. */
  reapplyFrom?: string | null;
  now: Date;
}

export interface RestoreReport {
  restoredFrom: string;
  sessionsEnded: number;
  tokensRevokedAgain: number;
  passwordsReapplied: number;
  accountsDisabledAgain: number;
  /** Where the database that was live before the restore now is, if there was one. */
  previousKeptAt: string | null;
}

/** What the live database knows that a backup may not: revocations, password changes, disabled accounts. */
interface LiveChanges {
  revokedTokens: Array<{ token_hash: string; revoked_at: string }>;
  users: Array<{ email: string; password_hash: string; password_changed_at: string; disabled: number }>;
}

async function readLiveChanges(path: string): Promise<LiveChanges> {
  if (!existsSync(path)) throw new Error(`There is no live database at ${path} to re-apply changes from.`);
  const live = await openDatabase(path, { readonly: true });
  try {
    return {
      revokedTokens: (await live.kysely.selectFrom('api_tokens').select(['token_hash', 'revoked_at']).where('revoked_at', 'is not', null).execute()) as LiveChanges['revokedTokens'],
      users: await live.kysely.selectFrom('users').select(['email', 'password_hash', 'password_changed_at', 'disabled']).execute(),
    };
  } finally {
    await live.close();
  }
}

/** Throws, in words, if another process (a running server) has the database open. */
export function assertNotInUse(path: string) {
  if (!existsSync(path)) return;
  const probe = new BetterSqlite3(path, { timeout: 0 });
  try {
    probe.pragma('locking_mode = EXCLUSIVE');
    probe.exec('BEGIN EXCLUSIVE');
    probe.exec('COMMIT');
  } catch (error) {
    if ((error as { code?: string }).code?.startsWith('SQLITE_BUSY')) {
      throw new Error(`${path} is in use: stop the server (every process using it) before restoring.`);
    }
    throw error;
  } finally {
    probe.close();
  }
}

async function applyLiveChanges(db: Db, live: LiveChanges) {
  let tokens = 0;
  let passwords = 0;
  let disabled = 0;
  const updated = (result: { numUpdatedRows: bigint }) => Number(result.numUpdatedRows);
  for (const t of live.revokedTokens) {
    tokens += updated(
      await db.kysely.updateTable('api_tokens').set({ revoked_at: t.revoked_at }).where('token_hash', '=', t.token_hash).where('revoked_at', 'is', null).executeTakeFirst(),
    );
  }
  for (const u of live.users) {
    passwords += updated(
      await db.kysely
        .updateTable('users')
        .set({ password_hash: u.password_hash, password_changed_at: u.password_changed_at })
        .where('email', '=', u.email)
        .where('password_changed_at', '<', u.password_changed_at)
        .executeTakeFirst(),
    );
    if (u.disabled) disabled += updated(await db.kysely.updateTable('users').set({ disabled: 1 }).where('email', '=', u.email).where('disabled', '=', 0).executeTakeFirst());
  }
  return { tokens, passwords, disabled };
}

export async function restoreDatabase(options: RestoreOptions): Promise<RestoreReport> {
  if ([options.databasePath, options.reapplyFrom ?? undefined].some(isPostgresAddress)) throw new Error(POSTGRES_BACKUP_REFUSAL);
  const backupFile = resolve(options.backupFile);
  const databasePath = resolve(options.databasePath);
  if (!existsSync(backupFile)) throw new Error(`There is no backup at ${backupFile}.`);
  const integrity = integrityOf(backupFile);
  if (integrity !== 'ok') throw new Error(`${backupFile} failed its integrity check (${integrity.slice(0, 300)}); nothing was restored.`);
  assertNotInUse(databasePath);
  // Read before anything moves, so a live database that cannot be read stops the restore here.
  const live = options.reapplyFrom ? await readLiveChanges(resolve(options.reapplyFrom)) : null;

  const stamp = options.now.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z');
  const staging = `${databasePath}.restoring-${process.pid}`;
  for (const suffix of ['', '-wal', '-shm']) rmSync(staging + suffix, { force: true });
  copyFileSync(backupFile, staging);
  let report: Omit<RestoreReport, 'previousKeptAt'>;
  const db = await openDatabase(staging);
  try {
    report = await db.transaction(async () => {
      const sessionsEnded = Number((await db.kysely.deleteFrom('sessions').executeTakeFirst()).numDeletedRows);
      const applied = live ? await applyLiveChanges(db, live) : { tokens: 0, passwords: 0, disabled: 0 };
      return { restoredFrom: backupFile, sessionsEnded, tokensRevokedAgain: applied.tokens, passwordsReapplied: applied.passwords, accountsDisabledAgain: applied.disabled };
    });
    await recordAudit(db, RESTORE_ACTOR, null, { action: 'restore', outcome: 'success', target: basename(backupFile), details: { ...report, reappliedFrom: options.reapplyFrom ?? null } }, options.now);
  } finally {
    await db.close();
  }

  let previousKeptAt: string | null = null;
  if (existsSync(databasePath)) {
    previousKeptAt = `${databasePath}.before-restore-${stamp}`;
    for (const suffix of ['', '-wal', '-shm']) if (existsSync(databasePath + suffix)) renameSync(databasePath + suffix, previousKeptAt + suffix);
  }
  renameSync(staging, databasePath);
  for (const suffix of ['-wal', '-shm']) if (existsSync(staging + suffix)) renameSync(staging + suffix, databasePath + suffix);
  return { ...report, previousKeptAt };
}
