// Health for load balancers and monitoring; public, says nothing about the data.
//  - /api/health and /api/health/live: liveness. The process answers; restart it if not.
//  - /api/health/ready: readiness. The database can take a write now (a write rolled back, and
//    enough free disk): 503 with the reason in words when not, so a full disk or a read-only file
//    is seen before uploads and sign-ins start failing.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { LiveSchema, ReadySchema } from '../../schemas/operations-api';
import { PUBLIC } from '../access/policy';
import { writeProblem } from '../db/storage';

export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  const live = { config: { access: PUBLIC }, schema: { tags: ['system'], summary: 'Liveness: the process answers', response: { 200: z.object({ status: z.literal('ok') }) } } };
  app.get('/health', live, async () => ({ status: 'ok' as const }));
  app.get('/health/live', { ...live, schema: { ...live.schema, response: { 200: LiveSchema } } }, async () => ({ status: 'ok' as const }));

  app.get(
    '/health/ready',
    {
      config: { access: PUBLIC },
      schema: {
        tags: ['system'],
        summary: 'Readiness: the database can take a write now',
        description: '503 with the reason, in words, when it cannot: a full disk, a read-only file, a damaged database.',
        response: { 200: ReadySchema, 503: ReadySchema },
      },
    },
    async (request, reply) => {
      const problem = await writeProblem(app.db);
      if (!problem) return { status: 'ready' as const };
      request.log.warn({ problem }, 'not ready');
      return reply.code(503).send({ status: 'not-ready' as const, reason: problem.message, code: problem.code });
    },
  );
};
