// Checking a password with lockout: after repeated failures an account is locked for a while,
// whoever is trying, so a slow brute force across many addresses gets nowhere either. How many
// failures and how long a lock lasts are sign-in settings an administrator can change.
import type { Db } from '../db/database';
import type { UserRow } from '../db/tables';
import { findUserByEmail } from './accounts';
import { verifyDecoy, verifyPassword } from './passwords';
import { signInSettings } from './settings';

export type SignInResult =
  | { ok: true; user: UserRow }
  | { ok: false; reason: 'bad-credentials' | 'locked' | 'disabled'; userId: number | null; lockedUntil?: string };

export async function checkSignIn(db: Db, email: string, password: string, now: Date): Promise<SignInResult> {
  const user = findUserByEmail(db, email);
  if (!user) {
    await verifyDecoy(password);
    return { ok: false, reason: 'bad-credentials', userId: null };
  }
  if (user.locked_until && Date.parse(user.locked_until) > now.getTime()) {
    await verifyDecoy(password);
    return { ok: false, reason: 'locked', userId: user.id, lockedUntil: user.locked_until };
  }
  const valid = await verifyPassword(user.password_hash, password);
  if (valid && user.disabled) return { ok: false, reason: 'disabled', userId: user.id };
  if (valid) {
    db.sqlite.prepare('UPDATE users SET failed_sign_ins = 0, locked_until = NULL WHERE id = ?').run(user.id);
    return { ok: true, user };
  }
  const failures = user.failed_sign_ins + 1;
  const { maxFailedSignIns, lockoutMinutes } = signInSettings(db);
  if (failures >= maxFailedSignIns) {
    const lockedUntil = new Date(now.getTime() + lockoutMinutes * 60 * 1000).toISOString();
    db.sqlite.prepare('UPDATE users SET failed_sign_ins = 0, locked_until = ? WHERE id = ?').run(lockedUntil, user.id);
    return { ok: false, reason: 'locked', userId: user.id, lockedUntil };
  }
  db.sqlite.prepare('UPDATE users SET failed_sign_ins = ? WHERE id = ?').run(failures, user.id);
  return { ok: false, reason: 'bad-credentials', userId: user.id };
}
