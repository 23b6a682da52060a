// Retention (issue 14): what is kept, for how long, and the daily sweep that deletes the rest.
//  - Sessions: deleted once expired under the sign-in settings, and at the latest
//    SESSION_RETENTION_DAYS after their last use.
//  - Sign-in throttle counts: deleted once no limit remembers them (a quiet day).
//  - The audit trail and security alerts: kept AUDIT_RETENTION_DAYS, then the oldest rows go.
//
// The audit table refuses deletes (migrations/050_audit_chain.sql). Retention is the one
// deliberate way round that, and only for the oldest rows: in one transaction it records an
// anchor holding the hash of the last row it deletes (so the first row kept still verifies with
// `npm run audit:verify`), writes a permit naming that row's id, deletes every row up to it,
// removes the permit, and records what it did in the audit trail itself.
import type { Db } from '../db/database';
import { recordAudit } from '../access/audit';
import { sweepSecurityAlerts } from '../access/security-alerts';
import { sweepSessions } from '../access/session-store';
import { sweepSignInThrottle } from '../access/throttle';

const DAY_MS = 24 * 60 * 60 * 1000;

export const RETENTION_ACTOR = { kind: 'system' as const, id: 'system', name: 'System (retention sweep)' };

export interface RetentionSettings {
  sessionRetentionDays: number;
  auditRetentionDays: number;
}

export interface AuditRetentionResult {
  deleted: number;
  lastDeletedId: number | null;
  anchorHash: string | null;
}

/** Deletes the audit rows older than `days`, oldest first, leaving an anchor. Nothing newer is touched, even if its clock went backwards. */
export async function applyAuditRetention(db: Db, now: Date, days: number): Promise<AuditRetentionResult> {
  const cutoff = new Date(now.getTime() - days * DAY_MS).toISOString();
  const result = await db.transaction(async (): Promise<AuditRetentionResult> => {
    // No append may link to a row while it is being deleted.
    await db.serialize('audit-chain');
    const firstKept = await db.kysely.selectFrom('audit_events').select('id').where('at', '>=', cutoff).orderBy('id').limit(1).executeTakeFirst();
    let last = db.kysely.selectFrom('audit_events').select(['id', 'hash']).orderBy('id', 'desc').limit(1);
    if (firstKept) last = last.where('id', '<', firstKept.id);
    const lastDeleted = await last.executeTakeFirst();
    if (!lastDeleted) return { deleted: 0, lastDeletedId: null, anchorHash: null };
    if (lastDeleted.hash === null) throw new Error('The audit trail has rows without a hash; start the server once to chain them before retention runs.');
    const count = Number((await db.kysely.selectFrom('audit_events').select(({ fn }) => fn.countAll<number>().as('n')).where('id', '<=', lastDeleted.id).executeTakeFirstOrThrow()).n);
    await db.kysely
      .insertInto('audit_chain_anchors')
      .values({
        at: now.toISOString(),
        last_deleted_id: lastDeleted.id,
        last_deleted_hash: lastDeleted.hash,
        deleted_rows: count,
        reason: `AUDIT_RETENTION_DAYS=${days}: rows before ${cutoff}`,
      })
      .execute();
    await db.kysely.insertInto('audit_deletion_permits').values({ up_to_id: lastDeleted.id }).execute();
    const deleted = Number((await db.kysely.deleteFrom('audit_events').where('id', '<=', lastDeleted.id).executeTakeFirst()).numDeletedRows);
    await db.kysely.deleteFrom('audit_deletion_permits').execute();
    return { deleted, lastDeletedId: lastDeleted.id, anchorHash: lastDeleted.hash };
  });
  if (result.deleted > 0) {
    await recordAudit(db, RETENTION_ACTOR, null, { action: 'audit-retention', outcome: 'success', target: 'audit_events', details: { ...result, retentionDays: days } }, now);
  }
  return result;
}

export interface SweepResult {
  sessions: number;
  throttle: number;
  alerts: number;
  audit: AuditRetentionResult;
}

/** The daily sweep: everything past its retention period. */
export async function sweep(db: Db, now: Date, settings: RetentionSettings): Promise<SweepResult> {
  const sessions = await sweepSessions(db, now, settings.sessionRetentionDays);
  const throttle = await sweepSignInThrottle(db, now);
  const alerts = await sweepSecurityAlerts(db, new Date(now.getTime() - settings.auditRetentionDays * DAY_MS));
  const audit = await applyAuditRetention(db, now, settings.auditRetentionDays);
  return { sessions, throttle, alerts, audit };
}
