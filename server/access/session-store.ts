// A session store for @fastify/session in the database (either engine), so sessions survive a restart
// and are shared by every process. Ids are stored hashed. Two limits apply on every read: an
// idle timeout (no request for a while) and an absolute lifetime (however active), both from
// the sign-in settings an administrator can change, read on every request so a change applies
// at once to every process.
import { createHash } from 'node:crypto';
import type { Session } from 'fastify';
import { SignInSettingsSchema } from '../../schemas/access-api';
import type { Db } from '../db/database';
import { signInSettings } from './settings';

const MINUTE_MS = 60 * 1000;
const HOUR_MS = 60 * MINUTE_MS;

/** How stale a session's last-seen time may get before a request records it again. */
export const TOUCH_INTERVAL_MS = MINUTE_MS;

/** The longest any session can last under any allowed setting: the cookie's own lifetime. */
export const SESSION_COOKIE_MAX_AGE_MS = SignInSettingsSchema.shape.sessionLifetimeHours.maxValue! * HOUR_MS;

type Callback<T = void> = (error?: unknown, value?: T) => void;

const idHash = (sessionId: string) => createHash('sha256').update(sessionId).digest('hex');

/**
 * The store @fastify/session calls with callbacks; each callback is called once the query has
 * finished, with its error if it failed.
 */
export class DatabaseSessionStore {
  constructor(
    private readonly db: Db,
    private readonly now: () => Date,
  ) {}

  get(sessionId: string, callback: (error: unknown, session?: Session | null) => void) {
    this.load(sessionId).then(
      (session) => callback(undefined, session),
      (error: unknown) => callback(error),
    );
  }

  set(sessionId: string, session: Session, callback: Callback) {
    this.save(sessionId, session).then(
      () => callback(),
      (error: unknown) => callback(error),
    );
  }

  destroy(sessionId: string, callback: Callback) {
    this.db.kysely
      .deleteFrom('sessions')
      .where('id_hash', '=', idHash(sessionId))
      .execute()
      .then(
        () => callback(),
        (error: unknown) => callback(error),
      );
  }

  private async load(sessionId: string): Promise<Session | null> {
    const hash = idHash(sessionId);
    const row = await this.db.kysely.selectFrom('sessions').select(['data_json', 'created_at', 'last_seen_at']).where('id_hash', '=', hash).executeTakeFirst();
    if (!row) return null;
    const now = this.now().getTime();
    const settings = await signInSettings(this.db);
    const idle = now - Date.parse(row.last_seen_at) > settings.sessionIdleMinutes * MINUTE_MS;
    const tooOld = now - Date.parse(row.created_at) > settings.sessionLifetimeHours * HOUR_MS;
    if (idle || tooOld) {
      try {
        await this.db.kysely.deleteFrom('sessions').where('id_hash', '=', hash).execute();
      } catch {
        // Expired either way; the daily sweep (sweepSessions) deletes it later.
      }
      return null;
    }
    // Recording activity is a write; once a minute is precise enough for an idle timeout of
    // at least five, and spares every other request a write to the database.
    // Best effort: a session that cannot record its activity (a full disk) still reads.
    if (now - Date.parse(row.last_seen_at) >= TOUCH_INTERVAL_MS) {
      try {
        await this.db.kysely.updateTable('sessions').set({ last_seen_at: this.now().toISOString() }).where('id_hash', '=', hash).execute();
      } catch {
        // Recorded on a later request once the database takes writes again.
      }
    }
    return JSON.parse(row.data_json) as Session;
  }

  private async save(sessionId: string, session: Session) {
    const at = this.now().toISOString();
    const userId = typeof session.userId === 'number' ? session.userId : null;
    await this.db.kysely
      .insertInto('sessions')
      .values({ id_hash: idHash(sessionId), user_id: userId, data_json: JSON.stringify(session), created_at: at, last_seen_at: at })
      .onConflict((oc) =>
        oc.column('id_hash').doUpdateSet({
          user_id: (eb) => eb.ref('excluded.user_id'),
          data_json: (eb) => eb.ref('excluded.data_json'),
          last_seen_at: (eb) => eb.ref('excluded.last_seen_at'),
        }),
      )
      .execute();
  }
}

/**
 * The daily sweep: deletes every session that has expired under the sign-in settings in force
 * (allowing for last_seen_at being up to a minute stale),
 * and any not used for `retentionDays` whatever the settings, so ended sessions do not linger.
 */
export async function sweepSessions(db: Db, now: Date, retentionDays: number): Promise<number> {
  const settings = await signInSettings(db);
  const idleBefore = new Date(now.getTime() - Math.min(settings.sessionIdleMinutes * MINUTE_MS + TOUCH_INTERVAL_MS, retentionDays * 24 * HOUR_MS)).toISOString();
  const createdBefore = new Date(now.getTime() - settings.sessionLifetimeHours * HOUR_MS).toISOString();
  const result = await db.kysely
    .deleteFrom('sessions')
    .where((eb) => eb.or([eb('last_seen_at', '<', idleBefore), eb('created_at', '<', createdBefore)]))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
