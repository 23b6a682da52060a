// /api/returns: templates, uploads (with dry run) and the revision history of one stored key.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AcceptedBodySchema, DryRunBodySchema, ErrorBodySchema, RejectedBodySchema, RevisionSchema, WouldClearBodySchema } from '../../schemas/api';
import { findReturnDefinition, RETURN_TYPES } from '../../schemas/returns';
import { ingestReturn } from '../returns/ingest';
import { organisationScopeOf, revisionHistory } from '../returns/store';
import { TemplateQuery, templateCsv, templateFileName, templatePrefill, templateXlsx } from '../returns/templates';
import { isMultipartRequest, NOT_MULTIPART, readUpload } from './upload';
import { isGranted } from '../access/actor';
import { audit } from '../access/audit';
import { RETURN_USERS } from '../access/policy';

const TypeParams = z.object({
  type: z.string().meta({ description: `Return type: ${RETURN_TYPES.join(', ')}`, example: 'police' }),
});

const UploadQuery = z.object({
  dryRun: z.enum(['true', 'false']).optional().meta({ description: 'true: check the file and report, without storing anything' }),
  confirmClear: z.enum(['true', 'false']).optional().meta({
    description: 'true: blank cells may clear figures already held. Without it, a file that would clear any figure is refused (409) and nothing is stored.',
  }),
});

function plural(n: number, one: string, many = `${one}s`) {
  return `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;
}

function unknownType(type: string) {
  return {
    statusCode: 404,
    error: 'Not Found',
    message: `There is no return type "${type}". The return types are: ${RETURN_TYPES.join(', ')}.`,
    code: 'unknown-return-type',
  };
}

export const returnRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/:type/template.csv',
    {
      config: { access: RETURN_USERS },
      schema: {
        tags: ['returns'],
        summary: "CSV template for a return type, pre-filled with a row per area for the quarter due (a partner's own areas)",
        params: TypeParams,
        querystring: TemplateQuery,
        response: { 200: z.string(), 400: ErrorBodySchema, 403: ErrorBodySchema, 404: ErrorBodySchema },
      },
    },
    async (request, reply) => {
      const definition = findReturnDefinition(request.params.type);
      if (!definition) return reply.code(404).send(unknownType(request.params.type));
      const filled = templatePrefill(definition, request.actor, request.query, app.now());
      if (!filled.ok) return reply.code(filled.statusCode).send({ statusCode: filled.statusCode, error: filled.statusCode === 403 ? 'Forbidden' : 'Bad Request', message: filled.message, code: filled.code });
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${templateFileName(definition, 'csv', filled.prefill)}"`)
        .send(templateCsv(definition, filled.prefill));
    },
  );

  app.get(
    '/:type/template.xlsx',
    {
      config: { access: RETURN_USERS },
      schema: {
        tags: ['returns'],
        summary: 'Excel template for a return type: pre-filled like the CSV, with drop-downs, column notes and a guidance sheet',
        params: TypeParams,
        querystring: TemplateQuery,
        response: { 200: z.any(), 400: ErrorBodySchema, 403: ErrorBodySchema, 404: ErrorBodySchema },
      },
    },
    async (request, reply) => {
      const definition = findReturnDefinition(request.params.type);
      if (!definition) return reply.code(404).send(unknownType(request.params.type));
      const now = app.now();
      const filled = templatePrefill(definition, request.actor, request.query, now);
      if (!filled.ok) return reply.code(filled.statusCode).send({ statusCode: filled.statusCode, error: filled.statusCode === 403 ? 'Forbidden' : 'Bad Request', message: filled.message, code: filled.code });
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="${templateFileName(definition, 'xlsx', filled.prefill)}"`)
        .send(await templateXlsx(definition, { prefill: filled.prefill, now }));
    },
  );

  app.post(
    '/:type',
    {
      config: { access: RETURN_USERS },
      schema: {
        tags: ['returns'],
        summary: 'Upload a return (multipart field "file", CSV or XLSX)',
        description:
          'Checks every cell and rule. A file with any error is rejected whole and nothing is stored. A file over the size limit is refused (413) as soon as the limit is crossed. Large files are checked a few at a time: a file too much to check within the time and memory allowed is refused with code too-complex (422), and when too many are already waiting the answer is 503 with Retry-After. ' +
          'A body that is not multipart/form-data is refused with 415 before it is read. ' +
          'Corrections (DOMAIN 5.7): the dry run lists in `changes` every figure already held that the file would replace, and in `clears` every one its blank cells would clear. ' +
          'A file that would clear any figure is stored only with confirmClear=true; otherwise the answer is 409 with the same lists, and nothing is stored. ' +
          "A partner is not shown figures held from another organisation's submissions: those are listed with fromWithheld true and from null.",
        consumes: ['multipart/form-data'],
        params: TypeParams,
        querystring: UploadQuery,
        response: {
          200: DryRunBodySchema,
          201: AcceptedBodySchema,
          400: ErrorBodySchema,
          403: z.union([ErrorBodySchema, RejectedBodySchema]),
          404: ErrorBodySchema,
          409: WouldClearBodySchema,
          413: ErrorBodySchema,
          415: z.union([ErrorBodySchema, RejectedBodySchema]),
          422: RejectedBodySchema,
          503: ErrorBodySchema,
        },
      },
      // Before the body is parsed: anything but multipart/form-data is refused here, unread,
      // rather than parsed as JSON, text or nothing and failing later (or, as a raw text/csv or
      // octet-stream body did, as a 500).
      onRequest: async (request, reply) => {
        if (!isMultipartRequest(request)) return reply.code(415).send(NOT_MULTIPART);
      },
    },
    async (request, reply) => {
      const definition = findReturnDefinition(request.params.type);
      if (!definition) return reply.code(404).send(unknownType(request.params.type));
      const actor = request.actor;
      const dryRun = request.query.dryRun === 'true';
      const action = dryRun ? 'upload-dry-run' : 'upload';
      const target = definition.type;
      if (actor.role === 'partner' && (definition.reference || !actor.grants.some((g) => g.returnType === definition.type))) {
        audit(request, { action, outcome: 'denied', target, details: { reason: 'return type not granted' } });
        return reply.code(403).send({ statusCode: 403, error: 'Forbidden', message: `Your organisation is not set up to send the ${definition.title.toLowerCase()}.`, code: 'forbidden' });
      }
      const upload = await readUpload(request);
      if (!upload.ok) {
        audit(request, { action, outcome: 'rejected', target, details: { status: upload.statusCode, code: upload.body.code } });
        return reply.code(upload.statusCode).send(upload.body);
      }

      const outcome = await ingestReturn(app.db, {
        definition,
        bytes: upload.bytes,
        fileName: upload.fileName,
        actor,
        now: app.now(),
        dryRun,
        confirmClear: request.query.confirmClear === 'true',
        permits: (key) => isGranted(actor, definition.type, key.areaCode),
      });
      const file = { fileName: upload.fileName, bytes: upload.bytes.length };
      switch (outcome.kind) {
        case 'unreadable':
        case 'rejected':
          audit(request, { action, outcome: 'rejected', target, details: { ...file, reason: outcome.kind, errors: outcome.kind === 'rejected' ? outcome.errors.length : 1 } });
          break;
        case 'forbidden':
          audit(request, { action, outcome: 'denied', target, details: { ...file, rowsRefused: outcome.errors.length } });
          break;
        case 'checked':
          audit(request, { action, outcome: 'success', target, details: { ...file, rows: outcome.summary.rows } });
          break;
        case 'stored':
          audit(request, { action, outcome: 'success', target: `submission:${outcome.submission.id}`, details: { ...file, returnType: definition.type, rows: outcome.submission.rows } });
          break;
        case 'busy':
          audit(request, { action, outcome: 'rejected', target, details: { ...file, reason: 'busy' } });
          break;
        case 'would-clear':
          audit(request, { action, outcome: 'rejected', target, details: { ...file, reason: 'would-clear', clears: outcome.corrections.clears.length } });
          break;
      }
      switch (outcome.kind) {
        case 'forbidden':
          return reply.code(403).send({ errors: outcome.errors, warnings: [] });
        case 'unreadable': {
          const problem = { row: null, column: null, value: null, code: outcome.code, message: outcome.message };
          return reply.code(outcome.code === 'unsupported-file-type' ? 415 : 422).send({ errors: [problem], warnings: [] });
        }
        case 'rejected':
          return reply.code(422).send({ errors: outcome.errors, warnings: outcome.warnings });
        case 'busy':
          return reply.code(503).header('retry-after', '60').send({ statusCode: 503, error: 'Service Unavailable', message: outcome.message, code: 'busy' });
        case 'would-clear': {
          const { changes, clears } = outcome.corrections;
          return reply.code(409).send({
            statusCode: 409,
            error: 'Conflict',
            message: `Nothing has been stored. This file has blank cells where ${plural(clears.length, 'figure is', 'figures are')} already held, and sending it would clear ${clears.length === 1 ? 'it' : 'them'}. If ${clears.length === 1 ? 'it should' : 'they should'} be cleared, confirm it (tick “I want to clear these figures”, or send confirmClear=true) and send the file again; if not, fill in the blank cells.`,
            code: 'would-clear-figures',
            changes,
            clears,
            warnings: outcome.warnings,
          });
        }
        case 'checked':
          return reply.code(200).send({ submission: { id: null, returnType: definition.type, ...outcome.summary }, warnings: outcome.warnings, ...outcome.corrections });
        case 'stored': {
          const { id, returnType, rows, periods, areas } = outcome.submission;
          return reply.code(201).send({ submission: { id, returnType, rows, periods, areas }, warnings: outcome.warnings, ...outcome.corrections });
        }
      }
    },
  );

  app.get(
    '/:type/revisions',
    {
      config: { access: RETURN_USERS },
      schema: {
        tags: ['returns'],
        summary: 'Every stored version of one row: (type, area, period[, subkey]), oldest first',
        description:
          "A partner sees only the versions their organisation sent, each compared with their previous one; another organisation's versions of the row are not listed.",
        params: TypeParams,
        querystring: z.object({
          area: z.string().meta({ example: 'E09000004' }),
          period: z.string().meta({ example: '2019-20Q3' }),
          subkey: z.string().default('').meta({ description: 'Accommodation type for refuge rows, indicator id for benchmark rows' }),
        }),
        response: { 200: z.object({ revisions: z.array(RevisionSchema) }), 403: ErrorBodySchema, 404: ErrorBodySchema },
      },
    },
    async (request, reply) => {
      const definition = findReturnDefinition(request.params.type);
      if (!definition) return reply.code(404).send(unknownType(request.params.type));
      const { area, period, subkey } = request.query;
      if (!isGranted(request.actor, definition.type, area)) {
        return reply.code(403).send({ statusCode: 403, error: 'Forbidden', message: 'Your organisation is not set up to see these figures.', code: 'not-granted' });
      }
      // DOMAIN.md 8: a partner's raw view is limited to what their organisation sent.
      const revisions = await revisionHistory(app.db, { returnType: definition.type, areaCode: area, period, subkey }, organisationScopeOf(request.actor));
      return { revisions };
    },
  );
};
