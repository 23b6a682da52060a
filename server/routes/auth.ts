// /api/auth: sign in and out, who am I (with the CSRF token the web app sends back), password
// change, and what the sign-in page should say (demo accounts when demo data is loaded).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { MeSchema, SignInInfoSchema } from '../../schemas/access-api';
import { ErrorBodySchema } from '../../schemas/api';
import { findUserById, setPassword, toUserView } from '../access/accounts';
import { audit } from '../access/audit';
import { DEMO_ACCOUNTS } from '../access/demo-accounts';
import { originIsSameHost } from '../access/plugin';
import { passwordProblem, verifyPassword } from '../access/passwords';
import { PUBLIC, SIGNED_IN } from '../access/policy';
import { holdsDemoData } from '../access/settings';
import { checkSignIn } from '../access/sign-in';

/** Per address: enough for a person who mistypes, far too few for guessing. */
export const SIGN_IN_RATE_LIMIT = { max: 10, timeWindow: 60_000 };

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/login',
    {
      config: { access: PUBLIC, rateLimit: SIGN_IN_RATE_LIMIT },
      schema: {
        tags: ['auth'],
        summary: 'Sign in with email and password; sets the session cookie',
        body: z.object({ email: z.string().max(320), password: z.string().max(1000) }),
        response: { 204: z.null(), 401: ErrorBodySchema, 403: ErrorBodySchema, 429: ErrorBodySchema },
      },
    },
    async (request, reply) => {
      // A sign-in form posted from another site would sign the victim into the attacker's account.
      // (originHost never throws; a "null" or malformed Origin is already refused by the access plugin.)
      const origin = request.headers.origin;
      if (origin !== undefined && !originIsSameHost(request)) {
        audit(request, { action: 'sign-in', outcome: 'denied', target: request.body.email, details: { reason: 'cross-site', origin: String(origin).slice(0, 200) } });
        return reply.code(403).send({ statusCode: 403, error: 'Forbidden', message: 'Sign in from the dashboard\'s own sign-in page.' });
      }
      const result = await checkSignIn(app.db, request.body.email, request.body.password, app.now());
      if (!result.ok) {
        audit(request, { action: 'sign-in', outcome: 'failure', target: request.body.email.slice(0, 320), details: { reason: result.reason } });
        if (result.reason === 'locked') {
          const minutes = Math.max(1, Math.ceil((Date.parse(result.lockedUntil!) - app.now().getTime()) / 60_000));
          return reply.code(429).send({
            statusCode: 429,
            error: 'Too Many Requests',
            message: `This account is locked for ${minutes} minute${minutes === 1 ? '' : 's'} after too many failed sign-in attempts. Try again later, or ask an administrator to unlock it.`,
          });
        }
        return reply.code(401).send({ statusCode: 401, error: 'Unauthorized', message: 'The email address or password is not right.' });
      }
      // A fresh session id at sign-in, so an id planted before sign-in is worthless after it.
      await request.session.regenerate();
      request.session.userId = result.user.id;
      request.actor = { ...request.actor, kind: 'user', id: `user:${result.user.id}`, name: result.user.email };
      audit(request, { action: 'sign-in', outcome: 'success', target: result.user.email });
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/logout',
    { config: { access: SIGNED_IN }, schema: { tags: ['auth'], summary: 'Sign out: ends the session', response: { 204: z.null() } } },
    async (request, reply) => {
      audit(request, { action: 'sign-out', outcome: 'success' });
      if (request.actor.kind === 'user') await request.session.destroy();
      reply.clearCookie('dap_session', { path: '/' });
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/me',
    { config: { access: SIGNED_IN }, schema: { tags: ['auth'], summary: 'The signed-in user, their grants and the CSRF token', response: { 200: MeSchema } } },
    async (request, reply) => {
      const actor = request.actor;
      const row = actor.userId !== null ? findUserById(app.db, actor.userId) : undefined;
      const view = row ? toUserView(app.db, row) : null;
      return {
        user: view ? { id: view.id, email: view.email, name: view.name, role: view.role, organisation: view.organisation, grants: actor.grants } : null,
        actor: { kind: actor.kind, name: actor.name, role: actor.role, grants: actor.grants },
        csrfToken: actor.kind === 'user' ? reply.generateCsrf() : null,
      };
    },
  );

  app.post(
    '/password',
    {
      config: { access: SIGNED_IN },
      schema: {
        tags: ['auth'],
        summary: 'Change your password',
        body: z.object({ currentPassword: z.string().max(1000), newPassword: z.string().max(1000) }),
        response: { 204: z.null(), 400: ErrorBodySchema, 403: ErrorBodySchema },
      },
    },
    async (request, reply) => {
      const user = request.actor.userId !== null ? findUserById(app.db, request.actor.userId) : undefined;
      if (!user) return reply.code(403).send({ statusCode: 403, error: 'Forbidden', message: 'Only a signed-in person can change a password.' });
      if (!(await verifyPassword(user.password_hash, request.body.currentPassword))) {
        audit(request, { action: 'password-change', outcome: 'failure', target: user.email });
        return reply.code(400).send({ statusCode: 400, error: 'Bad Request', message: 'Your current password is not right.' });
      }
      const problem = passwordProblem(request.body.newPassword, user.email);
      if (problem) return reply.code(400).send({ statusCode: 400, error: 'Bad Request', message: problem });
      await setPassword(app.db, user.id, request.body.newPassword, app.now());
      // End every other session of this user; keep this one.
      app.db.sqlite.prepare('DELETE FROM sessions WHERE user_id = ?').run(user.id);
      await request.session.regenerate();
      request.session.userId = user.id;
      audit(request, { action: 'password-change', outcome: 'success', target: user.email });
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/sign-in-info',
    {
      config: { access: PUBLIC },
      schema: {
        tags: ['auth'],
        summary: 'What the sign-in page shows: whether demo data is loaded, and the demo accounts if so',
        response: { 200: SignInInfoSchema },
      },
    },
    async () => {
      const demo = holdsDemoData(app.db);
      return { demo, demoAccounts: demo ? DEMO_ACCOUNTS.map(({ role, email, password, description }) => ({ role, email, password, description })) : [] };
    },
  );
};
