// Every route declares who may call it, in its config. The access plugin refuses to start if a
// route has no declaration, so a new route cannot be forgotten; the route-table test then checks
// every declared route against anonymous callers and every role.
import type { Role } from './actor';

export type Access = { public: true } | { roles: readonly Role[] };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
}

/** Health, sign-in and the web app's static files: nothing about the data. */
export const PUBLIC: Access = { public: true };
export const SIGNED_IN: Access = { roles: ['admin', 'analyst', 'board', 'partner'] };
/** The dashboard: indicator values (suppressed for board members). */
export const DASHBOARD_READERS: Access = { roles: ['admin', 'analyst', 'board'] };
/** Returns and stored rows; partners are further limited to their grants by the route. */
export const RETURN_USERS: Access = { roles: ['admin', 'analyst', 'partner'] };
export const ADMINS: Access = { roles: ['admin'] };

export function isPublic(access: Access): access is { public: true } {
  return 'public' in access;
}
