// /api/admin: users, organisations and their grants, API tokens, the audit trail and security alerts.
// Administrators only; every change is written to the audit trail.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { findArea } from '../../schemas/areas';
import { ApiTokenSchema, AUDIT_OUTCOMES, AuditPageSchema, CreatedApiTokenSchema, GrantSchema, ORGANISATION_KINDS, OrganisationSchema, RoleSchema, SignInSettingsSchema, UserSchema } from '../../schemas/access-api';
import { ErrorBodySchema } from '../../schemas/api';
import { findReturnDefinition } from '../../schemas/returns';
import { createOrganisation, createUser, findOrganisation, findUserByEmail, isConstraintViolation, listOrganisations, listUsers, replaceGrants, updateUser } from '../access/accounts';
import { audit, listAudit } from '../access/audit';
import { passwordProblem } from '../access/passwords';
import { ADMINS } from '../access/policy';
import { acknowledgeAlert, listSecurityAlerts } from '../access/security-alerts';
import { setSignInSettings, signInSettings } from '../access/settings';
import { clearSignInThrottle } from '../access/throttle';
import { SecurityAlertSchema, SecurityAlertsSchema } from '../../schemas/operations-api';
import { createToken, findToken, listTokens, revokeToken } from '../access/tokens';
import { MAX_PAGE_SIZE } from '../limits';

const IdParams = z.object({ id: z.coerce.number().int().positive() });
const config = { access: ADMINS };

function badRequest(message: string) {
  return { statusCode: 400, error: 'Bad Request', message };
}
function notFound(message: string) {
  return { statusCode: 404, error: 'Not Found', message };
}

export const adminRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/users', { config, schema: { tags: ['admin'], response: { 200: z.object({ items: z.array(UserSchema) }) } } }, async () => ({ items: await listUsers(app.db) }));

  app.post(
    '/users',
    {
      config,
      schema: {
        tags: ['admin'],
        summary: 'Create a user; partners belong to an organisation',
        body: z.object({
          email: z.string().email().max(320),
          name: z.string().min(1).max(200),
          role: RoleSchema,
          organisationId: z.number().int().positive().nullable().default(null),
          password: z.string().max(1000),
        }),
        response: { 201: UserSchema, 400: ErrorBodySchema, 409: ErrorBodySchema },
      },
    },
    async (request, reply) => {
      const body = request.body;
      if ((body.role === 'partner') !== (body.organisationId !== null)) {
        return reply.code(400).send(badRequest('A partner must belong to an organisation, and only partners do.'));
      }
      if (body.organisationId !== null && !(await findOrganisation(app.db, body.organisationId))) return reply.code(400).send(badRequest('There is no such organisation.'));
      const problem = passwordProblem(body.password, body.email);
      if (problem) return reply.code(400).send(badRequest(problem));
      if (await findUserByEmail(app.db, body.email)) return reply.code(409).send({ statusCode: 409, error: 'Conflict', message: 'A user with this email address already exists.' });
      const user = await createUser(app.db, body, app.now());
      await audit(request, { action: 'user-create', outcome: 'success', target: `user:${user.id}`, details: { email: user.email, role: user.role, organisationId: body.organisationId } });
      return reply.code(201).send(user);
    },
  );

  app.patch(
    '/users/:id',
    {
      config,
      schema: {
        tags: ['admin'],
        summary: 'Change a user: name, role, organisation, disabled; unlock after failed sign-ins',
        params: IdParams,
        body: z.object({
          name: z.string().min(1).max(200).optional(),
          role: RoleSchema.optional(),
          organisationId: z.number().int().positive().nullable().optional(),
          disabled: z.boolean().optional(),
          unlock: z.boolean().optional(),
        }),
        response: { 200: UserSchema, 400: ErrorBodySchema, 404: ErrorBodySchema },
      },
    },
    async (request, reply) => {
      if (request.actor.userId === request.params.id && (request.body.disabled || (request.body.role && request.body.role !== 'admin'))) {
        return reply.code(400).send(badRequest('You cannot disable yourself or remove your own administrator role.'));
      }
      try {
        const user = await updateUser(app.db, request.params.id, request.body);
        if (!user) return reply.code(404).send(notFound(`There is no user ${request.params.id}.`));
        // Unlocking lets every address that was made to wait try this account again at once.
        if (request.body.unlock) await clearSignInThrottle(app.db, user.email);
        await audit(request, { action: 'user-update', outcome: 'success', target: `user:${user.id}`, details: request.body });
        return user;
      } catch (error) {
        // The database refuses a partner without an organisation, or an organisation for a non-partner.
        if (isConstraintViolation(error)) {
          return reply.code(400).send(badRequest('A partner must belong to an organisation, and only partners do.'));
        }
        throw error;
      }
    },
  );

  app.get('/organisations', { config, schema: { tags: ['admin'], response: { 200: z.object({ items: z.array(OrganisationSchema) }) } } }, async () => ({
    items: await listOrganisations(app.db),
  }));

  app.post(
    '/organisations',
    {
      config,
      schema: {
        tags: ['admin'],
        body: z.object({ name: z.string().min(1).max(200), kind: z.enum(ORGANISATION_KINDS) }),
        response: { 201: OrganisationSchema, 409: ErrorBodySchema },
      },
    },
    async (request, reply) => {
      const exists = (await listOrganisations(app.db)).some((o) => o.name.toLowerCase() === request.body.name.trim().toLowerCase());
      if (exists) return reply.code(409).send({ statusCode: 409, error: 'Conflict', message: 'An organisation with this name already exists.' });
      const organisation = await createOrganisation(app.db, request.body.name, request.body.kind, app.now());
      await audit(request, { action: 'organisation-create', outcome: 'success', target: `organisation:${organisation.id}`, details: request.body });
      return reply.code(201).send(organisation);
    },
  );

  app.put(
    '/organisations/:id/grants',
    {
      config,
      schema: {
        tags: ['admin'],
        summary: "Replace an organisation's grants: the return types it may send for which areas",
        params: IdParams,
        body: z.object({ grants: z.array(GrantSchema).max(5000) }),
        response: { 200: OrganisationSchema, 400: ErrorBodySchema, 404: ErrorBodySchema },
      },
    },
    async (request, reply) => {
      const before = await findOrganisation(app.db, request.params.id);
      if (!before) return reply.code(404).send(notFound(`There is no organisation ${request.params.id}.`));
      for (const g of request.body.grants) {
        const definition = findReturnDefinition(g.returnType);
        if (!definition || definition.reference) return reply.code(400).send(badRequest(`"${g.returnType}" is not a partner return type.`));
        if (findArea(g.areaCode)?.type !== 'local-authority') return reply.code(400).send(badRequest(`"${g.areaCode}" is not a local authority.`));
      }
      const after = await replaceGrants(app.db, request.params.id, request.body.grants);
      await audit(request, { action: 'grants-update', outcome: 'success', target: `organisation:${after.id}`, details: { before: before.grants, after: after.grants } });
      return after;
    },
  );

  app.get('/tokens', { config, schema: { tags: ['admin'], response: { 200: z.object({ items: z.array(ApiTokenSchema) }) } } }, async () => ({ items: await listTokens(app.db) }));

  app.post(
    '/tokens',
    {
      config,
      schema: {
        tags: ['admin'],
        summary: 'Create an API token for an organisation. The token is in this response only.',
        body: z.object({ organisationId: z.number().int().positive(), name: z.string().min(1).max(200) }),
        response: { 201: CreatedApiTokenSchema, 400: ErrorBodySchema },
      },
    },
    async (request, reply) => {
      if (!(await findOrganisation(app.db, request.body.organisationId))) return reply.code(400).send(badRequest('There is no such organisation.'));
      const { token, view } = await createToken(app.db, request.body.organisationId, request.body.name, request.actor.userId, app.now());
      await audit(request, { action: 'token-create', outcome: 'success', target: `token:${view.id}`, details: { organisationId: view.organisation.id, name: view.name } });
      return reply.code(201).send({ ...view, token });
    },
  );

  app.delete(
    '/tokens/:id',
    { config, schema: { tags: ['admin'], summary: 'Revoke a token', params: IdParams, response: { 200: ApiTokenSchema, 404: ErrorBodySchema } } },
    async (request, reply) => {
      if (!(await findToken(app.db, request.params.id))) return reply.code(404).send(notFound(`There is no token ${request.params.id}.`));
      const view = (await revokeToken(app.db, request.params.id, app.now()))!;
      await audit(request, { action: 'token-revoke', outcome: 'success', target: `token:${view.id}` });
      return view;
    },
  );

  app.get(
    '/sign-in-settings',
    { config, schema: { tags: ['admin'], summary: 'Session timeouts and lockout after failed sign-ins', response: { 200: SignInSettingsSchema } } },
    async () => signInSettings(app.db),
  );

  app.put(
    '/sign-in-settings',
    {
      config,
      schema: {
        tags: ['admin'],
        summary: 'Change session timeouts and lockout; applies at once to every session',
        body: SignInSettingsSchema,
        response: { 200: SignInSettingsSchema },
      },
    },
    async (request) => {
      const before = await signInSettings(app.db);
      await setSignInSettings(app.db, request.body);
      await audit(request, { action: 'sign-in-settings-update', outcome: 'success', target: 'sign-in-settings', details: { before, after: request.body } });
      return signInSettings(app.db);
    },
  );

  app.get(
    '/security-alerts',
    {
      config,
      schema: {
        tags: ['admin'],
        summary: 'Alerts of sustained attacks on sign-in, newest first, with how many are not yet acknowledged',
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(50) }),
        response: { 200: SecurityAlertsSchema },
      },
    },
    async (request) => listSecurityAlerts(app.db, request.query.limit),
  );

  app.post(
    '/security-alerts/:id/acknowledge',
    {
      config,
      schema: {
        tags: ['admin'],
        summary: 'Acknowledge an alert: someone has looked at it',
        params: IdParams,
        response: { 200: SecurityAlertSchema, 404: ErrorBodySchema },
      },
    },
    async (request, reply) => {
      const alert = await acknowledgeAlert(app.db, request.params.id, request.actor.name, app.now());
      if (!alert) return reply.code(404).send(notFound(`There is no security alert ${request.params.id}.`));
      await audit(request, { action: 'security-alert-acknowledge', outcome: 'success', target: `security-alert:${alert.id}`, details: { kind: alert.kind, subject: alert.subject } });
      return alert;
    },
  );

  app.get(
    '/audit',
    {
      config,
      schema: {
        tags: ['admin'],
        summary: 'The audit trail, newest first',
        querystring: z.object({
          action: z.string().max(50).optional(),
          actor: z.string().max(50).optional().meta({ description: 'Actor id, e.g. user:3 or token:2' }),
          outcome: z.enum(AUDIT_OUTCOMES).optional(),
          limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(50),
          offset: z.coerce.number().int().min(0).default(0),
        }),
        response: { 200: AuditPageSchema },
      },
    },
    async (request) => listAudit(app.db, request.query),
  );
};
