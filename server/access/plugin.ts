// Access control for every request: finds the actor (session cookie or bearer token), enforces
// the route's declared access, and checks the CSRF token on every state-changing request that a
// cookie authenticates. Also refuses to start if any route lacks an access declaration.
import fastifyCookie from '@fastify/cookie';
import fastifyCsrfProtection from '@fastify/csrf-protection';
import fastifySession from '@fastify/session';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { findUserById, grantsOf } from './accounts';
import { ANONYMOUS, type Actor } from './actor';
import { audit } from './audit';
import { isPublic, SIGNED_IN, type Access } from './policy';
import { SESSION_COOKIE_MAX_AGE_MS, DatabaseSessionStore } from './session-store';
import { sessionSecret } from './settings';
import { useToken } from './tokens';

export const SESSION_COOKIE = 'dap_session';
export const CSRF_HEADER = 'x-csrf-token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor;
  }
  interface Session {
    userId?: number;
  }
}

export interface RouteAccess {
  method: string;
  url: string;
  access: Access;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route with its declared access: the source of the route-table authorisation test. */
    routeAccess: RouteAccess[];
    /** Session cookies are Secure whatever the request: sign-in over plain HTTP is refused in words. */
    cookiesRequireHttps: boolean;
  }
}

// Routes added by plugins we do not write (the OpenAPI viewer) get their access here.
const PLUGIN_ROUTE_ACCESS: Array<[RegExp, Access]> = [[/^\/api\/docs(\/|$)/, SIGNED_IN]];

/**
 * The host of a request's Origin header when it is a well-formed http(s) origin
 * ("https://dash.example.org:8443"); null when the header is "null" (a sandboxed frame, a file,
 * a privacy-sensitive redirect) or anything else that is not an origin; undefined when absent.
 * Never throws: a client's header is never a reason for a 5xx.
 */
export function originHost(request: FastifyRequest): string | null | undefined {
  const header = request.headers.origin;
  if (header === undefined) return undefined;
  if (typeof header !== 'string') return null;
  try {
    const url = new URL(header);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    // Only scheme, host and port: not a path, credentials, a query or a list of origins.
    if (url.username || url.password || url.search || url.hash || /^[a-z]+:\/\/[^/]*\//i.test(header.trim())) return null;
    return url.host;
  } catch {
    return null;
  }
}

/** Whether a request's Origin names the host it was sent to (default ports compared as equal). Never throws. */
export function originIsSameHost(request: FastifyRequest): boolean {
  const host = originHost(request);
  if (!host || !request.headers.host) return false;
  try {
    return new URL(`${String(request.headers.origin).trim().split(':')[0]}://${request.headers.host}`).host === host;
  } catch {
    return false;
  }
}

function problem(reply: FastifyReply, statusCode: 401 | 403, message: string, code: string) {
  return reply.code(statusCode).send({ statusCode, error: statusCode === 401 ? 'Unauthorized' : 'Forbidden', message, code });
}

async function actorForUser(request: FastifyRequest, userId: number): Promise<Actor | null> {
  const user = await findUserById(request.server.db, userId);
  if (!user || user.disabled) return null;
  return {
    kind: 'user',
    id: `user:${user.id}`,
    name: user.email,
    role: user.role,
    userId: user.id,
    organisationId: user.organisation_id,
    grants: await grantsOf(request.server.db, user.organisation_id),
  };
}

export const accessPlugin = fp(
  async (app: FastifyInstance, options: { secureCookies: boolean | 'auto' }) => {
    const routeAccess: RouteAccess[] = [];
    app.decorate('routeAccess', routeAccess);
    app.addHook('onRoute', (route) => {
      const declared = route.config?.access ?? PLUGIN_ROUTE_ACCESS.find(([pattern]) => pattern.test(route.url))?.[1];
      if (!declared) throw new Error(`Route ${route.method} ${route.url} declares no access: add config.access (see server/access/policy.ts).`);
      route.config = { ...route.config, access: declared };
      for (const method of [route.method].flat()) routeAccess.push({ method, url: route.url, access: declared });
    });

    await app.register(fastifyCookie);
    await app.register(fastifySession, {
      secret: await sessionSecret(app.db),
      cookieName: SESSION_COOKIE,
      store: new DatabaseSessionStore(app.db, app.now),
      saveUninitialized: false,
      // Not rolling: the store enforces the idle timeout and lifetime in force, so the cookie need
      // not be re-sent (and the session rewritten) on every response. It only must not outlive
      // the longest lifetime any setting allows.
      rolling: false,
      cookie: { httpOnly: true, sameSite: 'lax', secure: options.secureCookies, path: '/', maxAge: SESSION_COOKIE_MAX_AGE_MS },
    });
    await app.register(fastifyCsrfProtection, {
      sessionPlugin: '@fastify/session',
      getToken: (request) => request.headers[CSRF_HEADER] as string | undefined,
    });
    // Sign-in is throttled per account and address in the database (throttle.ts), not per process.
    app.decorate('cookiesRequireHttps', options.secureCookies === true);

    app.decorateRequest('actor', null as unknown as Actor);
    app.addHook('onRequest', async (request, reply) => {
      request.actor = ANONYMOUS;
      const access = request.routeOptions.config?.access;

      // A state-changing request whose Origin is "null" or not an origin at all cannot be shown to
      // come from the dashboard's pages, and no client of ours sends one: refuse it plainly (it was
      // a 500 when sign-in tried to parse it). Requests without an Origin (API clients) are unaffected.
      if (!SAFE_METHODS.has(request.method) && originHost(request) === null) {
        await audit(request, { action: 'access-denied', outcome: 'denied', target: `${request.method} ${request.routeOptions.url ?? request.url.split('?')[0]}`, details: { status: 403, reason: 'bad-origin' } });
        return problem(reply, 403, 'This request was refused because it did not say which site it came from in a form we accept. Use the dashboard\'s own pages, or send the request without an Origin header.', 'bad-origin');
      }

      const authorization = request.headers.authorization;
      if (authorization !== undefined) {
        const match = /^Bearer\s+(\S+)$/i.exec(authorization);
        const token = match ? await useToken(app.db, match[1], app.now()) : null;
        if (!token) {
          await audit(request, { action: 'token-use-rejected', outcome: 'denied', target: `${request.method} ${request.url}` });
          return problem(reply, 401, 'The API token is not valid: it may have been revoked. Ask your administrator for a new one.', 'invalid-token');
        }
        request.actor = {
          kind: 'token',
          id: `token:${token.id}`,
          name: `${token.organisationName}: ${token.name}`,
          role: 'partner',
          userId: null,
          organisationId: token.organisationId,
          grants: await grantsOf(app.db, token.organisationId),
        };
      } else if (request.session?.userId !== undefined) {
        const actor = await actorForUser(request, request.session.userId);
        if (actor) request.actor = actor;
        else await request.session.destroy();
      }

      if (!access || isPublic(access)) return;
      if (request.actor.kind === 'anonymous') {
        await audit(request, { action: 'access-denied', outcome: 'denied', target: `${request.method} ${request.routeOptions.url}`, details: { status: 401 } });
        return problem(reply, 401, 'Please sign in to do this.', 'not-signed-in');
      }
      if (!access.roles.includes(request.actor.role!)) {
        await audit(request, { action: 'access-denied', outcome: 'denied', target: `${request.method} ${request.routeOptions.url}`, details: { status: 403, role: request.actor.role } });
        return problem(reply, 403, 'Your account does not have permission to do this.', 'forbidden');
      }
      // A cookie is sent by the browser on its own, so a state-changing request it authenticates
      // must also carry the CSRF token that only our pages can read. Bearer tokens are not ambient.
      if (request.actor.kind === 'user' && !SAFE_METHODS.has(request.method)) {
        let passed = false;
        let refusal: unknown = null;
        // csrfProtection sends its refusal itself; it is held here and sent once the refusal is
        // in the audit trail, so that whoever reads the trail after the answer finds it there.
        const holdRefusal = { send: (error: unknown) => void (refusal = error) } as unknown as FastifyReply;
        app.csrfProtection(request, holdRefusal, () => {
          passed = true;
        });
        if (!passed) {
          await audit(request, { action: 'access-denied', outcome: 'denied', target: `${request.method} ${request.routeOptions.url}`, details: { status: 403, reason: 'csrf' } });
          return reply.send(refusal);
        }
      }
    });
  },
  { name: 'access', dependencies: [] },
);
