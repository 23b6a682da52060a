// Checking a password behind the throttle (throttle.ts): an address that guessed wrong too often
// waits before its next guess at that account is even checked, while the owner signing in from
// anywhere else is never refused. An unknown email is checked against a decoy hash and counted
// like a known one, so the answer (status, words and time taken) does not say which emails have
// accounts. A sustained attack raises an alert for administrators (security-alerts.ts).
import type { Db } from '../db/database';
import type { UserRow } from '../db/tables';
import { findUserByEmail } from './accounts';
import { verifyDecoy, verifyPassword } from './passwords';
import { raiseAlert, type NewAlert } from './security-alerts';
import { securityDb } from './security-tables';
import { ACCOUNT_ALERT_FAILURES, ADDRESS_LIMIT, admitSignIn, signInFailed, signInSucceeded } from './throttle';
import type { SecurityAlert } from '../../schemas/operations-api';

export type SignInResult =
  | { ok: true; user: UserRow }
  | { ok: false; reason: 'bad-credentials' | 'disabled'; userId: number | null; alerts: SecurityAlert[] }
  | { ok: false; reason: 'throttled' | 'throttled-address'; userId: null; retryAfterSeconds: number; alerts: SecurityAlert[] };

export async function checkSignIn(db: Db, email: string, password: string, address: string, now: Date): Promise<SignInResult> {
  const admission = await admitSignIn(db, email, address, now);
  if (!admission.admitted) return { ok: false, reason: admission.reason, userId: null, retryAfterSeconds: admission.retryAfterSeconds, alerts: [] };

  const alerts: SecurityAlert[] = [];
  const raise = async (alert: NewAlert) => {
    const raised = await raiseAlert(db, alert, now);
    if (raised) alerts.push(raised);
  };
  const user = await findUserByEmail(db, email);
  const valid = user ? await verifyPassword(user.password_hash, password) : await verifyDecoy(password);
  if (user && valid && !user.disabled) {
    await signInSucceeded(db, admission);
    return { ok: true, user };
  }

  // The wrong password that made this address wait for the first time since its count started.
  if (admission.addressFailures === ADDRESS_LIMIT.failuresBeforeDelay) {
    const row = await securityDb(db).selectFrom('sign_in_throttle').select('first_failure_at').where('account', '=', '').where('address', '=', address).executeTakeFirst();
    const since = row?.first_failure_at ?? now.toISOString();
    await raise({ kind: 'address-blocked', subject: address, key: `address-blocked|${address}|${since}`, details: { failures: admission.addressFailures, since } });
  }
  const watch = await signInFailed(db, admission, now);
  if (watch.failures === ACCOUNT_ALERT_FAILURES) {
    const addresses = await securityDb(db)
      .selectFrom('sign_in_throttle')
      .select(({ fn }) => fn.countAll<number>().as('n'))
      .where('account', '=', admission.account)
      .where('address', '<>', '')
      .executeTakeFirstOrThrow();
    await raise({
      kind: 'account-under-attack',
      subject: admission.account,
      key: `account-under-attack|${admission.account}|${watch.since}`,
      details: { failures: watch.failures, since: watch.since, addresses: Number(addresses.n), accountExists: Boolean(user) },
    });
  }
  return { ok: false, reason: user && valid ? 'disabled' : 'bad-credentials', userId: user?.id ?? null, alerts };
}
