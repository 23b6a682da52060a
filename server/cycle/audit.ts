// Audit rows for the quarter's cycle: deadline changes, approvals and unlocks. The same
// append-only audit_events table as every other change (server/access/audit.ts), written through
// Kysely with the cycle's own action names.
import type { FastifyRequest } from 'fastify';
import { cycleDb } from './tables';

export type CycleAuditAction = 'deadline-update' | 'quarter-sign-off' | 'quarter-approve' | 'quarter-unlock' | 'correction-reason';

export async function auditCycle(request: FastifyRequest, action: CycleAuditAction, target: string, details: Record<string, unknown> = {}) {
  const actor = request.actor;
  await cycleDb(request.server.db)
    .insertInto('audit_events')
    .values({
      at: request.server.now().toISOString(),
      actor_kind: actor.kind,
      actor_id: actor.id,
      actor_name: actor.name,
      ip: request.ip,
      action,
      outcome: 'success',
      target,
      details_json: JSON.stringify(details),
    })
    .execute();
}
