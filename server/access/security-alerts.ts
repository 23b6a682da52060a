// Alerts to administrators of a sustained attack on sign-in: many wrong passwords for one account
// from anywhere (someone is guessing it, perhaps from many addresses, which throttling per
// address only slows), or one address throttled across accounts (someone is trying a password
// on everyone). Each alert is raised once per subject and attack, however many processes see it
// (a unique key), recorded in the audit trail by the caller, listed at /api/admin/security-alerts
// and, with SMTP_URL, emailed to every administrator.
import type { SecurityAlert } from '../../schemas/operations-api';
import type { Mailer } from '../cycle/mailer';
import type { Db } from '../db/database';
import { securityDb, type SecurityAlertsTable } from './security-tables';
import type { Selectable } from 'kysely';

export interface NewAlert {
  kind: SecurityAlert['kind'];
  subject: string;
  /** The same attack raises one alert: kind, subject and when its count started. */
  key: string;
  details: Record<string, unknown>;
}

function message(kind: SecurityAlert['kind'], subject: string, details: Record<string, unknown>): string {
  if (kind === 'account-under-attack') {
    return (
      `${details.failures} wrong passwords for ${subject} since ${details.since}, from ${details.addresses === 1 ? 'one address' : 'several addresses'}. ` +
      'Its owner can still sign in from their usual network. If the account is real, make sure its password is long and not used elsewhere; if it keeps happening, tell your IT security team.'
    );
  }
  return (
    `The address ${subject} was made to wait after ${details.failures} wrong passwords across accounts since ${details.since}. ` +
    'Someone there may be trying one password on many accounts. If it is not one of your offices, tell your IT security team, who can block it at the firewall.'
  );
}

function toAlert(row: Selectable<SecurityAlertsTable>): SecurityAlert {
  const details = JSON.parse(row.details_json) as Record<string, unknown>;
  return {
    id: row.id,
    raisedAt: row.raised_at,
    kind: row.kind,
    subject: row.subject,
    message: message(row.kind, row.subject, details),
    details,
    acknowledgedAt: row.acknowledged_at,
    acknowledgedBy: row.acknowledged_by,
  };
}

/** Records the alert unless this attack already raised it; the new alert, or null. */
export async function raiseAlert(db: Db, alert: NewAlert, now: Date): Promise<SecurityAlert | null> {
  const row = await securityDb(db)
    .insertInto('security_alerts')
    .values({ key: alert.key, raised_at: now.toISOString(), kind: alert.kind, subject: alert.subject, details_json: JSON.stringify(alert.details) })
    .onConflict((oc) => oc.column('key').doNothing())
    .returningAll()
    .executeTakeFirst();
  return row ? toAlert(row) : null;
}

/** Newest first, with how many are still to be acknowledged. */
export async function listSecurityAlerts(db: Db, limit: number): Promise<{ unacknowledged: number; items: SecurityAlert[] }> {
  const k = securityDb(db);
  const open = await k.selectFrom('security_alerts').select(({ fn }) => fn.countAll<number>().as('n')).where('acknowledged_at', 'is', null).executeTakeFirstOrThrow();
  const rows = await k.selectFrom('security_alerts').selectAll().orderBy('id', 'desc').limit(limit).execute();
  return { unacknowledged: Number(open.n), items: rows.map(toAlert) };
}

export async function acknowledgeAlert(db: Db, id: number, by: string, now: Date): Promise<SecurityAlert | null> {
  const k = securityDb(db);
  await k.updateTable('security_alerts').set({ acknowledged_at: now.toISOString(), acknowledged_by: by }).where('id', '=', id).where('acknowledged_at', 'is', null).execute();
  const row = await k.selectFrom('security_alerts').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toAlert(row) : null;
}

/** Alerts older than the audit trail is kept are deleted with it (server/ops/retention.ts). */
export async function sweepSecurityAlerts(db: Db, before: Date): Promise<number> {
  const result = await securityDb(db).deleteFrom('security_alerts').where('raised_at', '<', before.toISOString()).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Emails every administrator who can sign in. The alert is already recorded; a failed email is only logged by the caller. */
export async function emailAdministrators(db: Db, mailer: Mailer, alert: SecurityAlert) {
  const admins = await db.kysely.selectFrom('users').select('email').where('role', '=', 'admin').where('disabled', '=', 0).execute();
  if (admins.length === 0) return;
  const subject = alert.kind === 'account-under-attack' ? `Sign-in attack on ${alert.subject}` : `Sign-in attempts on many accounts from ${alert.subject}`;
  await mailer.send({
    to: admins.map((a) => a.email),
    subject: `Dashboard security alert: ${subject}`,
    text: `${alert.message}\n\nRaised at ${alert.raisedAt}. Administration → Security alerts lists it until someone acknowledges it.\n`,
  });
}
