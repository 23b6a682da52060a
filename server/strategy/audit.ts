// Audit rows for partnerships and strategies: the same append-only audit_events table as every
// other change (server/access/audit.ts), written through Kysely with this module's own actions.
import type { FastifyRequest } from 'fastify';
import { strategyDb } from './tables';

export type StrategyAuditAction = 'partnership-create' | 'partnership-update' | 'strategy-create' | 'strategy-update';

export async function auditStrategy(request: FastifyRequest, action: StrategyAuditAction, target: string, details: Record<string, unknown> = {}) {
  const actor = request.actor;
  await strategyDb(request.server.db)
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
