// Who is making a request. Every request carries an actor, found once by the access plugin
// before any route runs, so every stored change and audit row can say who made it.
import type { Grant, Role } from '../../schemas/access-api';

export { ROLES, type Grant, type Role } from '../../schemas/access-api';

export interface Actor {
  kind: 'anonymous' | 'user' | 'token' | 'system';
  /** Stable id for the audit trail: `user:12`, `token:3`, `anonymous`, `system`. */
  id: string;
  name: string;
  role: Role | null;
  userId: number | null;
  organisationId: number | null;
  /** For partners (users and tokens): what their organisation has been granted. */
  grants: Grant[];
}

export const ANONYMOUS: Actor = { kind: 'anonymous', id: 'anonymous', name: 'Anonymous', role: null, userId: null, organisationId: null, grants: [] };

/** The demo-data loader and start-up tasks: trusted code, not a person. */
export const SYSTEM: Actor = { kind: 'system', id: 'system', name: 'System (demo data loader)', role: 'admin', userId: null, organisationId: null, grants: [] };

/** Analysts and administrators see unsuppressed figures; everyone else sees the suppressed view. */
export function seesUnsuppressed(actor: Actor): boolean {
  return actor.role === 'admin' || actor.role === 'analyst';
}

/** Whether the actor may send (and see) figures of this return type for this area. */
export function isGranted(actor: Actor, returnType: string, areaCode: string): boolean {
  if (actor.role === 'admin' || actor.role === 'analyst') return true;
  if (actor.role !== 'partner') return false;
  return actor.grants.some((g) => g.returnType === returnType && g.areaCode === areaCode);
}
