// A session store for @fastify/session in our SQLite database, so sessions survive a restart
// and are shared by every process. Ids are stored hashed. Two limits apply on every read: an
// idle timeout (no request for a while) and an absolute lifetime (however active), both from
// the sign-in settings an administrator can change, read on every request so a change applies
// at once to every process.
import { createHash } from 'node:crypto';
import type { Session } from 'fastify';
import { SignInSettingsSchema } from '../../schemas/access-api';
import { cachedStatement, type Db } from '../db/database';
import { signInSettings } from './settings';

const MINUTE_MS = 60 * 1000;
const HOUR_MS = 60 * MINUTE_MS;

/** How stale a session's last-seen time may get before a request records it again. */
export const TOUCH_INTERVAL_MS = MINUTE_MS;

/** The longest any session can last under any allowed setting: the cookie's own lifetime. */
export const SESSION_COOKIE_MAX_AGE_MS = SignInSettingsSchema.shape.sessionLifetimeHours.maxValue! * HOUR_MS;

type Callback<T = void> = (error?: unknown, value?: T) => void;

const idHash = (sessionId: string) => createHash('sha256').update(sessionId).digest('hex');

export class SqliteSessionStore {
  constructor(
    private readonly db: Db,
    private readonly now: () => Date,
  ) {}

  get(sessionId: string, callback: (error: unknown, session?: Session | null) => void) {
    try {
      const hash = idHash(sessionId);
      const row = cachedStatement(this.db, 'SELECT data_json, created_at, last_seen_at FROM sessions WHERE id_hash = ?').get(hash) as
        | { data_json: string; created_at: string; last_seen_at: string }
        | undefined;
      if (!row) return callback(undefined, null);
      const now = this.now().getTime();
      const settings = signInSettings(this.db);
      const idle = now - Date.parse(row.last_seen_at) > settings.sessionIdleMinutes * MINUTE_MS;
      const tooOld = now - Date.parse(row.created_at) > settings.sessionLifetimeHours * HOUR_MS;
      if (idle || tooOld) {
        try {
          cachedStatement(this.db, 'DELETE FROM sessions WHERE id_hash = ?').run(hash);
        } catch {
          // Expired either way; the daily sweep (sweepSessions) deletes it later.
        }
        return callback(undefined, null);
      }
      // Recording activity is a write; once a minute is precise enough for an idle timeout of
      // at least five, and spares every other request a write to the database.
      // Best effort: a session that cannot record its activity (a full disk) still reads.
      if (now - Date.parse(row.last_seen_at) >= TOUCH_INTERVAL_MS) {
        try {
          cachedStatement(this.db, 'UPDATE sessions SET last_seen_at = ? WHERE id_hash = ?').run(this.now().toISOString(), hash);
        } catch {
          // Recorded on a later request once the database takes writes again.
        }
      }
      callback(undefined, JSON.parse(row.data_json) as Session);
    } catch (error) {
      callback(error);
    }
  }

  set(sessionId: string, session: Session, callback: Callback) {
    try {
      const at = this.now().toISOString();
      const userId = typeof session.userId === 'number' ? session.userId : null;
      this.db.sqlite
        .prepare(
          `INSERT INTO sessions (id_hash, user_id, data_json, created_at, last_seen_at) VALUES (?, ?, ?, ?, ?)
           ON CONFLICT (id_hash) DO UPDATE SET user_id = excluded.user_id, data_json = excluded.data_json, last_seen_at = excluded.last_seen_at`,
        )
        .run(idHash(sessionId), userId, JSON.stringify(session), at, at);
      callback();
    } catch (error) {
      callback(error);
    }
  }

  destroy(sessionId: string, callback: Callback) {
    try {
      this.db.sqlite.prepare('DELETE FROM sessions WHERE id_hash = ?').run(idHash(sessionId));
      callback();
    } catch (error) {
      callback(error);
    }
  }
}

/**
 * The daily sweep: deletes every session that has expired under the sign-in settings in force
 * (allowing for last_seen_at being up to a minute stale),
 * and any not used for `retentionDays` whatever the settings, so ended sessions do not linger.
 */
export async function sweepSessions(db: Db, now: Date, retentionDays: number): Promise<number> {
  const settings = signInSettings(db);
  const idleBefore = new Date(now.getTime() - Math.min(settings.sessionIdleMinutes * MINUTE_MS + TOUCH_INTERVAL_MS, retentionDays * 24 * HOUR_MS)).toISOString();
  const createdBefore = new Date(now.getTime() - settings.sessionLifetimeHours * HOUR_MS).toISOString();
  const result = await db.kysely
    .deleteFrom('sessions')
    .where((eb) => eb.or([eb('last_seen_at', '<', idleBefore), eb('created_at', '<', createdBefore)]))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
