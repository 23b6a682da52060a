// /api/submissions: what has been received, and one submission with the rows it stored.
//
// DOMAIN.md 8: partners see raw figures only in their own organisation's submissions. Another
// organisation's submissions are not listed for a partner at all, and asking for one by id (or
// its export) is a 404, as for an id that does not exist. Listing them without figures was
// considered and refused: the entry would still carry another organisation's file name, the
// email of the person who sent it, its warnings (which quote figures) and exactly which areas and
// quarters it changed. Others' figures reach partners the way everyone sees them. A partner's
// own submission also needs its grants to cover every row still (as before: a grant is what lets
// an organisation send and see a return for an area). Analysts and administrators see every
// submission.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorBodySchema, SubmissionDetailSchema, SubmissionSchema } from '../../schemas/api';
import { MAX_PAGE_SIZE } from '../limits';
import { getSubmission, listSubmissions, organisationScopeOf } from '../returns/store';
import { RETURN_USERS } from '../access/policy';
import { audit } from '../access/audit';
import { toCsv } from '../export/csv';
import { findReturnDefinition } from '../../schemas/returns';
import { NOTES_COLUMN, type ReturnDefinition } from '../../schemas/returns/definition';

type StoredRow = NonNullable<Awaited<ReturnType<typeof getSubmission>>>['rowsStored'][number];

/**
 * The stored rows in the template's own layout (its columns, in its order), so an exported
 * submission can be corrected and sent back as it is. Each key column is filled from the stored
 * key the definition says it makes up: the area, the period, the sub-key.
 */
export function submissionTable(definition: ReturnDefinition, stored: readonly StoredRow[]) {
  const { area, period, sub } = definition.keys;
  const cellOf = (name: string, row: StoredRow) => {
    if (name === area) return row.areaCode;
    if (name === period) return row.period;
    if (name === sub) return row.subkey;
    if (name === NOTES_COLUMN) return row.notes;
    return row.values[name] ?? null;
  };
  const header = definition.columns.map((c) => c.name);
  return { header, rows: stored.map((row) => header.map((name) => cellOf(name, row))) };
}

export const submissionRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/',
    {
      config: { access: RETURN_USERS },
      schema: {
        tags: ['returns'],
        summary: 'Submissions received, newest first (a partner: only those their organisation sent)',
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
      return listSubmissions(app.db, { returnType: type, area, period, limit, offset, organisationScope: organisationScopeOf(request.actor) });
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
      // A national return's detail is some 1,200 rows of thirty figures, built by getSubmission
      // from typed rows. Checking every cell against the response schema again cost more than the
      // query, so the answer is serialised as it is; the schema still documents it (OpenAPI) and
      // types it for the web app, and submissions-detail.test.ts checks answers against it.
      serializerCompiler: () => (data) => JSON.stringify(data),
    },
    async (request, reply) => {
      const submission = await getSubmission(app.db, request.params.id, organisationScopeOf(request.actor));
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
      const submission = await getSubmission(app.db, request.params.id, organisationScopeOf(request.actor));
      if (!submission) return reply.code(404).send({ statusCode: 404, error: 'Not Found', message: `There is no submission ${request.params.id}.` });
      const definition = findReturnDefinition(submission.returnType)!;
      const { header, rows } = submissionTable(definition, submission.rowsStored);
      await audit(request, { action: 'export', outcome: 'success', target: `submission:${submission.id}`, details: { format: 'csv', rows: rows.length } });
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="submission-${submission.id}-${definition.type}.csv"`)
        .send(toCsv(header, rows));
    },
  );
};
