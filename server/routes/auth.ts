// /api/auth: sign in and out, who am I (with the CSRF token the web app sends back), password
// change, and what the sign-in page should say (demo accounts when demo data is loaded).
import type { FastifyRequest } from 'fastify';
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
import { emailAdministrators } from '../access/security-alerts';
import { checkSignIn } from '../access/sign-in';
import type { SecurityAlert } from '../../schemas/operations-api';

function minutesOrSeconds(seconds: number): string {
  if (seconds < 90) return `${seconds} second${seconds === 1 ? '' : 's'}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? '' : 's'}`;
}

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  /** Audits a security alert the sign-in raised and, with SMTP_URL, emails administrators (without holding up the answer). */
  const announce = async (request: FastifyRequest, alerts: SecurityAlert[]) => {
    for (const alert of alerts) {
      await audit(request, { action: 'security-alert', outcome: 'success', target: `security-alert:${alert.id}`, details: { kind: alert.kind, subject: alert.subject, ...alert.details } });
      const mailer = app.cycle?.mailer;
      if (mailer) emailAdministrators(app.db, mailer, alert).catch((error: unknown) => request.log.error({ err: error }, 'emailing a security alert failed'));
    }
  };

  app.post(
    '/login',
    {
      config: { access: PUBLIC },
      schema: {
        tags: ['auth'],
        summary: 'Sign in with email and password; sets the session cookie',
        description:
          'After too many wrong passwords for one account from one address, that address waits (30 seconds, doubling, up to the sign-in settings\' longest pause) before its next attempt at that account is checked: 429 with Retry-After. Other addresses are never held back.',
        body: z.object({ email: z.string().max(320), password: z.string().max(1000) }),
        response: { 204: z.null(), 401: ErrorBodySchema, 403: ErrorBodySchema, 429: ErrorBodySchema },
      },
    },
    async (request, reply) => {
      // A sign-in form posted from another site would sign the victim into the attacker's account.
      // (originHost never throws; a "null" or malformed Origin is already refused by the access plugin.)
      const origin = request.headers.origin;
      if (origin !== undefined && !originIsSameHost(request)) {
        await audit(request, { action: 'sign-in', outcome: 'denied', target: request.body.email.slice(0, 320), details: { reason: 'cross-site', origin: String(origin).slice(0, 200) } });
        return reply.code(403).send({ statusCode: 403, error: 'Forbidden', message: 'Sign in from the dashboard\'s own sign-in page.', code: 'cross-site' });
      }
      // With Secure cookies the browser would drop the session cookie over plain HTTP and the
      // person would seem to sign in and be signed straight out: say so instead.
      if (app.cookiesRequireHttps && request.protocol !== 'https') {
        await audit(request, { action: 'sign-in', outcome: 'rejected', target: request.body.email.slice(0, 320), details: { reason: 'not-https' } });
        return reply.code(403).send({
          statusCode: 403,
          error: 'Forbidden',
          message: 'Sign in over HTTPS. (If the dashboard is behind a reverse proxy that handles HTTPS, its administrator needs to set TRUST_PROXY=true.)',
          code: 'https-required',
        });
      }
      const result = await checkSignIn(app.db, request.body.email, request.body.password, request.ip, app.now());
      if (!result.ok) {
        const target = request.body.email.slice(0, 320);
        if (result.reason === 'throttled' || result.reason === 'throttled-address') {
          await audit(request, { action: 'sign-in', outcome: 'rejected', target, details: { reason: result.reason, retryAfterSeconds: result.retryAfterSeconds } });
          return reply
            .code(429)
            .header('retry-after', String(result.retryAfterSeconds))
            .send({
              statusCode: 429,
              error: 'Too Many Requests',
              message: `Too many wrong passwords have been tried from your network. Wait ${minutesOrSeconds(result.retryAfterSeconds)} and try again.`,
              code: 'sign-in-paused',
            });
        }
        await audit(request, { action: 'sign-in', outcome: 'failure', target, details: { reason: result.reason } });
        await announce(request, result.alerts);
        return reply.code(401).send({ statusCode: 401, error: 'Unauthorized', message: 'The email address or password is not right.', code: 'bad-credentials' });
      }
      // A fresh session id at sign-in, so an id planted before sign-in is worthless after it.
      await request.session.regenerate();
      request.session.userId = result.user.id;
      request.actor = { ...request.actor, kind: 'user', id: `user:${result.user.id}`, name: result.user.email };
      await audit(request, { action: 'sign-in', outcome: 'success', target: result.user.email });
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/logout',
    { config: { access: SIGNED_IN }, schema: { tags: ['auth'], summary: 'Sign out: ends the session', response: { 204: z.null() } } },
    async (request, reply) => {
      await audit(request, { action: 'sign-out', outcome: 'success' });
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
      const row = actor.userId !== null ? await findUserById(app.db, actor.userId) : undefined;
      const view = row ? await toUserView(app.db, row) : null;
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
      const user = request.actor.userId !== null ? await findUserById(app.db, request.actor.userId) : undefined;
      if (!user) return reply.code(403).send({ statusCode: 403, error: 'Forbidden', message: 'Only a signed-in person can change a password.' });
      if (!(await verifyPassword(user.password_hash, request.body.currentPassword))) {
        await audit(request, { action: 'password-change', outcome: 'failure', target: user.email });
        return reply.code(400).send({ statusCode: 400, error: 'Bad Request', message: 'Your current password is not right.' });
      }
      const problem = passwordProblem(request.body.newPassword, user.email);
      if (problem) return reply.code(400).send({ statusCode: 400, error: 'Bad Request', message: problem });
      await setPassword(app.db, user.id, request.body.newPassword, app.now());
      // End every other session of this user; keep this one.
      await app.db.kysely.deleteFrom('sessions').where('user_id', '=', user.id).execute();
      await request.session.regenerate();
      request.session.userId = user.id;
      await audit(request, { action: 'password-change', outcome: 'success', target: user.email });
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
      // The demo accounts' passwords are public by design, so they are published only by a server
      // started to show demo data (DEMO_DATA=true, or the default outside production).
      const demo = app.demoSignIn && (await holdsDemoData(app.db));
      return { demo, demoAccounts: demo ? DEMO_ACCOUNTS.map(({ role, email, password, description }) => ({ role, email, password, description })) : [] };
    },
  );
};
