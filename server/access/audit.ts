// The audit trail: an append-only record of every upload, sign-in, token and permission change
// and export. The application only ever inserts (the database refuses updates and deletes), and
// each row is chained to the one before by its hash (audit-chain.ts), so tampering shows.
import type { FastifyRequest } from 'fastify';
import type { Db } from '../db/database';
import type { Actor } from './actor';
import { appendChained } from './audit-chain';
import type { AuditAction } from '../../schemas/audit-actions';

/** Every action's name lives in schemas/audit-actions.ts, which the web app's audit filter reads too. */
export type { AuditAction };

export interface AuditEntry {
  action: AuditAction;
  outcome: 'success' | 'failure' | 'rejected' | 'denied';
  target?: string | null;
  details?: Record<string, unknown>;
}

export async function recordAudit(db: Db, actor: Pick<Actor, 'kind' | 'id' | 'name'>, ip: string | null, entry: AuditEntry, at: Date = new Date()): Promise<void> {
  await appendChained(db, {
    at: at.toISOString(),
    actor_kind: actor.kind,
    actor_id: actor.id,
    actor_name: actor.name,
    ip,
    action: entry.action,
    outcome: entry.outcome,
    target: entry.target ?? null,
    details_json: JSON.stringify(entry.details ?? {}),
  });
}

/** A change the request's actor made, recorded as a success: `await auditChange(request, 'quarter-approve', 'police/E09000004/2026-27Q1')`. */
export function auditChange(request: FastifyRequest, action: AuditAction, target: string, details: Record<string, unknown> = {}): Promise<void> {
  return audit(request, { action, outcome: 'success', target, details });
}

/** Records an event for the request's actor and address. */
export function audit(request: FastifyRequest, entry: AuditEntry): Promise<void> {
  return recordAudit(request.server.db, request.actor, request.ip, entry, request.server.now());
}

export interface AuditFilter {
  action?: string;
  actor?: string;
  outcome?: string;
  limit: number;
  offset: number;
}

export async function listAudit(db: Db, filter: AuditFilter) {
  let query = db.kysely.selectFrom('audit_events');
  if (filter.action) query = query.where('action', '=', filter.action);
  if (filter.actor) query = query.where('actor_id', '=', filter.actor);
  if (filter.outcome) query = query.where('outcome', '=', filter.outcome as 'success');
  const total = await query.select(({ fn }) => fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await query.selectAll().orderBy('id', 'desc').limit(filter.limit).offset(filter.offset).execute();
  return {
    total: Number(total.n),
    items: rows.map((r) => ({
      id: r.id,
      at: r.at,
      actor: { kind: r.actor_kind, id: r.actor_id, name: r.actor_name },
      ip: r.ip,
      action: r.action,
      outcome: r.outcome,
      target: r.target,
      details: JSON.parse(r.details_json) as Record<string, unknown>,
    })),
  };
}
