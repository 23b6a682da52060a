// Sign-in throttling that cannot be turned against an account's owner (issue 14, OWASP's
// Authentication Cheat Sheet: "login throttling" with growing delays instead of a hard lock).
//
// Wrong passwords are counted for an account and the address they come from together. After
// maxFailedSignIns of them (a sign-in setting) that address must wait before it may try that
// account again: 30 seconds, then twice as long after each further wrong password, up to
// lockoutMinutes. Nobody else waits: the owner signing in from any other address is never
// refused, however long the attack goes on. A looser limit counts wrong passwords from one
// address across every account, so one address cannot spray a common password at everyone.
// Failures for one account from every address are counted too, but only to alert administrators
// (security-alerts.ts): refusing on that count would hand the lock back to an attacker.
//
// The counts live in the database (several processes share them) and every attempt is counted
// before its password is checked, in one statement that also refuses a waiting address, so a
// burst of concurrent guesses is cut off at the limit instead of all being checked at once. A
// right password takes its count back. Unknown emails are counted exactly like known ones, so the
// answers cannot tell them apart.
import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../db/database';
import { securityDb, type SecurityKysely } from './security-tables';
import { signInSettings } from './settings';

const SECOND_MS = 1000;
const MINUTE_MS = 60 * SECOND_MS;
const HOUR_MS = 60 * MINUTE_MS;

/** The first wait, doubled by each wrong password after it. */
export const FIRST_DELAY_MS = 30 * SECOND_MS;
/** A quiet day forgets an account's count for an address. */
export const ACCOUNT_ADDRESS_FORGET_MS = 24 * HOUR_MS;
/** From one address across every account: loose enough for a council office behind one address. */
export const ADDRESS_LIMIT: Limit = { failuresBeforeDelay: 30, longestDelayMs: 15 * MINUTE_MS, forgetMs: HOUR_MS };
/** Wrong passwords for one account, from any addresses within ACCOUNT_WATCH_MS, that raise an alert. */
export const ACCOUNT_ALERT_FAILURES = 20;
export const ACCOUNT_WATCH_MS = HOUR_MS;

/** The row key of a count that spans every account (per address) or every address (per account). */
const ANY = '';

export interface Limit {
  /** The wrong password that starts the waiting (the fifth, with 5). */
  failuresBeforeDelay: number;
  longestDelayMs: number;
  /** A count not added to for this long starts again from one. */
  forgetMs: number;
}

/** How long an address waits after its n-th wrong password: 0 before the limit, then 30 s, 1 min, 2 min… up to the longest. */
export function delayAfter(failures: number, limit: Limit): number {
  if (failures < limit.failuresBeforeDelay) return 0;
  return Math.min(limit.longestDelayMs, FIRST_DELAY_MS * 2 ** Math.min(failures - limit.failuresBeforeDelay, 40));
}

/** The per-account-and-address limit from the sign-in settings in force. */
export async function accountAddressLimit(db: Db): Promise<Limit> {
  const settings = await signInSettings(db);
  return { failuresBeforeDelay: settings.maxFailedSignIns, longestDelayMs: settings.lockoutMinutes * MINUTE_MS, forgetMs: ACCOUNT_ADDRESS_FORGET_MS };
}

/** The key an email is counted under: as typed, trimmed and lower-cased (the users table compares emails without case). */
export function accountKey(email: string): string {
  // An empty email must not share the key that spans every account.
  return email.trim().toLowerCase().slice(0, 320) || '(no email)';
}

interface Scope {
  account: string;
  address: string;
}

type Claim = { admitted: true; failures: number } | { admitted: false; retryAfterMs: number };

/**
 * `blocked_until` for the count this attempt makes, as SQL: the count is only known inside the
 * statement (another process may have counted meanwhile), so every count up to the one whose wait
 * is the longest gets its own branch.
 */
function blockedUntilFor(next: RawBuilder<number>, stale: RawBuilder<boolean>, limit: Limit, now: Date): RawBuilder<string | null> {
  const until = (failures: number) => {
    const delay = delayAfter(failures, limit);
    return delay === 0 ? null : new Date(now.getTime() + delay).toISOString();
  };
  const branches = [sql`WHEN ${stale} THEN ${until(1)}`, sql`WHEN ${next} < ${limit.failuresBeforeDelay} THEN ${null}`];
  let failures = limit.failuresBeforeDelay;
  while (delayAfter(failures, limit) < limit.longestDelayMs) {
    branches.push(sql`WHEN ${next} = ${failures} THEN ${until(failures)}`);
    failures++;
  }
  return sql<string | null>`CASE ${sql.join(branches, sql` `)} ELSE ${until(failures)} END`;
}

/** Counts an attempt against a scope unless the scope is waiting; in one statement. */
async function claim(k: SecurityKysely, scope: Scope, limit: Limit, now: Date): Promise<Claim> {
  const at = now.toISOString();
  const forgetBefore = new Date(now.getTime() - limit.forgetMs).toISOString();
  const stale = sql<boolean>`sign_in_throttle.last_failure_at < ${forgetBefore}`;
  const next = sql<number>`(CASE WHEN ${stale} THEN 1 ELSE sign_in_throttle.failures + 1 END)`;
  const first = delayAfter(1, limit);
  const row = await k
    .insertInto('sign_in_throttle')
    .values({ ...scope, failures: 1, first_failure_at: at, last_failure_at: at, blocked_until: first === 0 ? null : new Date(now.getTime() + first).toISOString() })
    .onConflict((oc) =>
      oc
        .columns(['account', 'address'])
        .doUpdateSet({
          failures: next,
          first_failure_at: sql`CASE WHEN ${stale} THEN ${at} ELSE sign_in_throttle.first_failure_at END`,
          last_failure_at: at,
          blocked_until: blockedUntilFor(next, stale, limit, now),
        })
        .where((eb) => eb.or([eb('sign_in_throttle.blocked_until', 'is', null), eb('sign_in_throttle.blocked_until', '<=', at)])),
    )
    .returning(['failures'])
    .executeTakeFirst();
  if (row) return { admitted: true, failures: row.failures };
  const waiting = await k.selectFrom('sign_in_throttle').select('blocked_until').where('account', '=', scope.account).where('address', '=', scope.address).executeTakeFirst();
  return { admitted: false, retryAfterMs: Math.max(SECOND_MS, Date.parse(waiting?.blocked_until ?? at) - now.getTime()) };
}

/** Takes back the count of an attempt that was not a wrong password (refused elsewhere, or right). */
async function refund(k: SecurityKysely, scope: Scope, limit: Limit) {
  await k
    .updateTable('sign_in_throttle')
    .set({
      failures: sql`failures - 1`,
      blocked_until: sql`CASE WHEN failures - 1 < ${limit.failuresBeforeDelay} THEN NULL ELSE blocked_until END`,
    })
    .where('account', '=', scope.account)
    .where('address', '=', scope.address)
    .where('failures', '>', 0)
    .execute();
}

export type Admission =
  | { admitted: true; account: string; address: string; addressFailures: number }
  | { admitted: false; reason: 'throttled' | 'throttled-address'; retryAfterSeconds: number };

/**
 * Whether this attempt's password may be checked. Counts it (pessimistically, as if wrong) for
 * the account and address, then for the address alone; a refusal by either counts nothing.
 */
export async function admitSignIn(db: Db, email: string, address: string, now: Date): Promise<Admission> {
  const k = securityDb(db);
  const pair = { account: accountKey(email), address };
  const pairLimit = await accountAddressLimit(db);
  const pairClaim = await claim(k, pair, pairLimit, now);
  if (!pairClaim.admitted) return { admitted: false, reason: 'throttled', retryAfterSeconds: Math.ceil(pairClaim.retryAfterMs / SECOND_MS) };
  const addressClaim = await claim(k, { account: ANY, address }, ADDRESS_LIMIT, now);
  if (!addressClaim.admitted) {
    await refund(k, pair, pairLimit);
    return { admitted: false, reason: 'throttled-address', retryAfterSeconds: Math.ceil(addressClaim.retryAfterMs / SECOND_MS) };
  }
  return { admitted: true, account: pair.account, address, addressFailures: addressClaim.failures };
}

/** A right password: the account's count for this address is cleared and the address's count taken back. */
export async function signInSucceeded(db: Db, admission: Extract<Admission, { admitted: true }>) {
  const k = securityDb(db);
  await k.deleteFrom('sign_in_throttle').where('account', '=', admission.account).where('address', '=', admission.address).execute();
  await refund(k, { account: ANY, address: admission.address }, ADDRESS_LIMIT);
}

/** A wrong password (already counted on admission): adds it to the account's count from every address, for alerts. Returns that count. */
export async function signInFailed(db: Db, admission: Extract<Admission, { admitted: true }>, now: Date): Promise<{ failures: number; since: string }> {
  const k = securityDb(db);
  const at = now.toISOString();
  const forgetBefore = new Date(now.getTime() - ACCOUNT_WATCH_MS).toISOString();
  const stale = sql<boolean>`sign_in_throttle.last_failure_at < ${forgetBefore}`;
  const row = await k
    .insertInto('sign_in_throttle')
    .values({ account: admission.account, address: ANY, failures: 1, first_failure_at: at, last_failure_at: at, blocked_until: null })
    .onConflict((oc) =>
      oc.columns(['account', 'address']).doUpdateSet({
        failures: sql`CASE WHEN ${stale} THEN 1 ELSE sign_in_throttle.failures + 1 END`,
        first_failure_at: sql`CASE WHEN ${stale} THEN ${at} ELSE sign_in_throttle.first_failure_at END`,
        last_failure_at: at,
      }),
    )
    .returning(['failures', 'first_failure_at'])
    .executeTakeFirstOrThrow();
  return { failures: row.failures, since: row.first_failure_at };
}

/** An administrator's unlock, or a password reset at start: every count for this account is cleared. */
export async function clearSignInThrottle(db: Db, email: string) {
  await securityDb(db).deleteFrom('sign_in_throttle').where('account', '=', accountKey(email)).execute();
}

/** Counts nobody has added to for longer than any limit remembers: nothing in them matters any more. */
export async function sweepSignInThrottle(db: Db, now: Date): Promise<number> {
  const before = new Date(now.getTime() - Math.max(ACCOUNT_ADDRESS_FORGET_MS, ADDRESS_LIMIT.forgetMs, ACCOUNT_WATCH_MS)).toISOString();
  const result = await securityDb(db)
    .deleteFrom('sign_in_throttle')
    .where('last_failure_at', '<', before)
    .where((eb) => eb.or([eb('blocked_until', 'is', null), eb('blocked_until', '<', now.toISOString())]))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
