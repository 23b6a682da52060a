// /api/submissions: what has been received, and one submission with the rows it stored.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorBodySchema, SubmissionDetailSchema, SubmissionSchema } from '../../schemas/api';
import { MAX_PAGE_SIZE } from '../limits';
import { getSubmission, listSubmissions } from '../returns/store';
import type { Actor } from '../access/actor';
import { RETURN_USERS } from '../access/policy';
import { audit } from '../access/audit';
import { toCsv } from '../export/csv';
import { findReturnDefinition } from '../../schemas/returns';

/** Partners see only what their organisation's grants cover. */
function scopeOf(actor: Actor): number | undefined {
  return actor.role === 'partner' ? (actor.organisationId ?? -1) : undefined;
}

export const submissionRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/',
    {
      config: { access: RETURN_USERS },
      schema: {
        tags: ['returns'],
        summary: 'Submissions received, newest first',
        querystring: z.object({
          type: z.string().optional().meta({ example: 'police' }),
          area: z.string().optional().meta({ description: 'Only submissions that stored a row for this area', example: 'E09000004' }),
          period: z.string().optional().meta({ description: 'Only submissions that stored a row for this period', example: '2019-20Q3' }),
          limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(50),
          offset: z.coerce.number().int().min(0).default(0),
        }),
        response: { 200: z.object({ total: z.number().int(), items: z.array(SubmissionSchema) }) },
      },
    },
    async (request) => {
      const { type, area, period, limit, offset } = request.query;
      return listSubmissions(app.db, { returnType: type, area, period, limit, offset, organisationScope: scopeOf(request.actor) });
    },
  );

  app.get(
    '/:id',
    {
      config: { access: RETURN_USERS },
      schema: {
        tags: ['returns'],
        summary: 'One submission: when, by whom, its warnings and every row it stored',
        params: z.object({ id: z.coerce.number().int().positive() }),
        response: { 200: SubmissionDetailSchema, 404: ErrorBodySchema },
      },
    },
    async (request, reply) => {
      const submission = await getSubmission(app.db, request.params.id, scopeOf(request.actor));
      if (!submission) return reply.code(404).send({ statusCode: 404, error: 'Not Found', message: `There is no submission ${request.params.id}.` });
      return submission;
    },
  );

  app.get(
    '/:id/export.csv',
    {
      config: { access: RETURN_USERS },
      schema: {
        tags: ['returns'],
        summary: 'The rows one submission stored, as CSV in its template layout',
        params: z.object({ id: z.coerce.number().int().positive() }),
        response: { 200: z.string(), 404: ErrorBodySchema },
      },
    },
    async (request, reply) => {
      const submission = await getSubmission(app.db, request.params.id, scopeOf(request.actor));
      if (!submission) return reply.code(404).send({ statusCode: 404, error: 'Not Found', message: `There is no submission ${request.params.id}.` });
      const definition = findReturnDefinition(submission.returnType)!;
      const valueColumns = definition.columns.filter((c) => c.role !== 'key' && c.name !== 'notes').map((c) => c.name);
      const subkeyName = definition.type === 'refuge' ? ['accommodation_type'] : definition.type === 'benchmark' ? ['indicator'] : [];
      const header = ['area_code', definition.type === 'population' ? 'year' : 'period', ...subkeyName, ...valueColumns, 'notes'];
      const rows = submission.rowsStored.map((r) => [r.areaCode, r.period, ...(subkeyName.length ? [r.subkey] : []), ...valueColumns.map((c) => r.values[c] ?? null), r.notes]);
      audit(request, { action: 'export', outcome: 'success', target: `submission:${submission.id}`, details: { format: 'csv', rows: rows.length } });
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="submission-${submission.id}-${definition.type}.csv"`)
        .send(toCsv(header, rows));
    },
  );
};
