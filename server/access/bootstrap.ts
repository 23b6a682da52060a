// The first administrator, created or reset at start from ADMIN_EMAIL / ADMIN_PASSWORD, so a
// new installation (or a locked-out one) can always be reached.
import type { Db } from '../db/database';
import { createUser, findUserByEmail, setPassword } from './accounts';
import { recordAudit } from './audit';
import { SYSTEM } from './actor';
import { passwordProblem } from './passwords';
import { clearSignInThrottle } from './throttle';

/** The key under which instances starting together take turns at the bootstrap (Db.serialize). */
const BOOTSTRAP_LOCK = 'bootstrap';

export async function ensureAdministrator(db: Db, email: string, password: string, now: Date): Promise<'created' | 'reset'> {
  const problem = passwordProblem(password, email);
  if (problem) throw new Error(`ADMIN_PASSWORD is not acceptable: ${problem}`);
  // Two instances starting together must not both create the account: the second, waiting for
  // the first, finds it and resets it instead.
  return db.transaction(async () => {
    await db.serialize(BOOTSTRAP_LOCK);
    const existing = await findUserByEmail(db, email);
    // Whatever addresses were made to wait for this account may try again.
    await clearSignInThrottle(db, email);
    if (existing) {
      await setPassword(db, existing.id, password, now);
      await db.kysely.updateTable('users').set({ role: 'admin', organisation_id: null, disabled: 0 }).where('id', '=', existing.id).execute();
      await recordAudit(db, SYSTEM, null, { action: 'user-update', outcome: 'success', target: `user:${existing.id}`, details: { reason: 'ADMIN_PASSWORD reset at start' } }, now);
      return 'reset';
    }
    const user = await createUser(db, { email, name: 'Administrator', role: 'admin', organisationId: null, password }, now);
    await recordAudit(db, SYSTEM, null, { action: 'user-create', outcome: 'success', target: `user:${user.id}`, details: { reason: 'ADMIN_EMAIL at start' } }, now);
    return 'created';
  });
}
