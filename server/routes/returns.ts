// /api/returns: templates, uploads (with dry run) and the revision history of one stored key.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AcceptedBodySchema,
  CORRECTION_REASON_MAX,
  CORRECTION_REASON_MIN,
  CorrectionReasonSchema,
  DryRunBodySchema,
  ErrorBodySchema,
  QuarterApprovedBodySchema,
  RejectedBodySchema,
  RevisionSchema,
  WouldClearBodySchema,
} from '../../schemas/api';
import { findArea } from '../../schemas/areas';
import { parseQuarterId, quarterLabel } from '../../schemas/periods';
import { findReturnDefinition, RETURN_TYPES } from '../../schemas/returns';
import { theReturn } from '../../schemas/returns/words';
import { ingestReturn, type LockedKey } from '../returns/ingest';
import { organisationScopeOf, revisionHistory } from '../returns/store';
import { TemplateQuery, templateCsv, templateFileName, templatePrefill, templateXlsx } from '../returns/templates';
import { isMultipartRequest, NOT_MULTIPART, readUpload } from './upload';
import { isGranted } from '../access/actor';
import { audit, auditChange } from '../access/audit';
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

/** The locked keys as the API gives them. */
const lockedBody = (locked: readonly LockedKey[]) => locked.map(({ area, quarter, approvedAt }) => ({ area, quarter, approvedAt }));

function approvedOn(iso: string) {
  return new Date(iso).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' });
}

/** "Bexley, 2026-27 Q1 (April–June 2026), approved on 5 August 2026" for each locked key, in words. */
function lockedInWords(locked: readonly LockedKey[]) {
  const items = locked.map((l) => {
    const q = parseQuarterId(l.quarter);
    return `${findArea(l.area)?.name ?? l.area}, ${q ? quarterLabel(q) : l.quarter}, approved on ${approvedOn(l.approvedAt)}`;
  });
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join('; ')}; and ${items[items.length - 1]}`;
}

/** The reason sent with an upload: null when none (or only blanks) was sent; a 400 body when it is too short or too long. */
function checkReason(sent: string | null): { ok: true; reason: string | null } | { ok: false; body: { statusCode: 400; error: string; message: string; code: string } } {
  if (sent === null || sent.trim() === '') return { ok: true, reason: null };
  const parsed = CorrectionReasonSchema.safeParse(sent);
  if (parsed.success) return { ok: true, reason: parsed.data };
  const tooShort = sent.trim().length < CORRECTION_REASON_MIN;
  return {
    ok: false,
    body: {
      statusCode: 400,
      error: 'Bad Request',
      message: tooShort
        ? `The reason is too short. Say in at least ${CORRECTION_REASON_MIN} characters why the approved figures are being corrected.`
        : `The reason is too long. Say in no more than ${CORRECTION_REASON_MAX.toLocaleString('en-GB')} characters why the approved figures are being corrected.`,
      code: 'invalid-reason',
    },
  };
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
          "A partner is not shown figures held from another organisation's submissions: those are listed with fromWithheld true and from null. " +
          'Approved quarters (DOMAIN 5.8): the dry run lists in `locked` the areas and quarters of the file an analyst has approved. A file touching any of them is stored only with a reason, ' +
          `sent as the multipart field "reason" (${CORRECTION_REASON_MIN} to ${CORRECTION_REASON_MAX} characters once trimmed; before or after the file); without one the answer is 409 with code quarter-approved and the same list, and nothing is stored. ` +
          'The reason is stored with the submission in the same transaction, and the revision is marked as made after approval. A reason sent for a file touching no approved quarter is not stored; one too short or too long is 400 (invalid-reason).',
        consumes: ['multipart/form-data'],
        params: TypeParams,
        querystring: UploadQuery,
        response: {
          200: DryRunBodySchema,
          201: AcceptedBodySchema,
          400: ErrorBodySchema,
          403: z.union([ErrorBodySchema, RejectedBodySchema]),
          404: ErrorBodySchema,
          409: z.union([WouldClearBodySchema, QuarterApprovedBodySchema]),
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
        await audit(request, { action, outcome: 'denied', target, details: { reason: 'return type not granted' } });
        return reply.code(403).send({ statusCode: 403, error: 'Forbidden', message: `Your organisation is not set up to send ${theReturn(definition.type)}.`, code: 'forbidden' });
      }
      const upload = await readUpload(request);
      if (!upload.ok) {
        await audit(request, { action, outcome: 'rejected', target, details: { status: upload.statusCode, code: upload.body.code } });
        return reply.code(upload.statusCode).send(upload.body);
      }

      const reason = checkReason(upload.reason);
      if (!reason.ok) {
        await audit(request, { action, outcome: 'rejected', target, details: { status: 400, code: reason.body.code } });
        return reply.code(400).send(reason.body);
      }

      const outcome = await ingestReturn(app.db, {
        definition,
        bytes: upload.bytes,
        fileName: upload.fileName,
        actor,
        now: app.now(),
        dryRun,
        confirmClear: request.query.confirmClear === 'true',
        correctionReason: reason.reason,
        permits: (key) => isGranted(actor, definition.type, key.areaCode),
        checkRows: app.returnChecks.get(definition.type),
      });
      const file = { fileName: upload.fileName, bytes: upload.bytes.length };
      switch (outcome.kind) {
        case 'unreadable':
        case 'rejected':
          await audit(request, { action, outcome: 'rejected', target, details: { ...file, reason: outcome.kind, errors: outcome.kind === 'rejected' ? outcome.errors.length : 1 } });
          break;
        case 'forbidden':
          await audit(request, { action, outcome: 'denied', target, details: { ...file, rowsRefused: outcome.errors.length } });
          break;
        case 'checked':
          await audit(request, { action, outcome: 'success', target, details: { ...file, rows: outcome.summary.rows, locked: outcome.locked.length } });
          break;
        case 'stored': {
          const afterApproval = outcome.correctionReason ? { reason: outcome.correctionReason, approvals: outcome.locked.map((l) => l.approvalId), locked: lockedBody(outcome.locked) } : undefined;
          await audit(request, { action, outcome: 'success', target: `submission:${outcome.submission.id}`, details: { ...file, returnType: definition.type, rows: outcome.submission.rows, ...(afterApproval ? { afterApproval } : {}) } });
          if (afterApproval) await auditChange(request, 'correction-reason', `submission:${outcome.submission.id}`, { returnType: definition.type, ...afterApproval });
          break;
        }
        case 'quarter-approved':
          await audit(request, { action, outcome: 'rejected', target, details: { ...file, reason: 'quarter-approved', locked: lockedBody(outcome.locked) } });
          break;
        case 'busy':
          await audit(request, { action, outcome: 'rejected', target, details: { ...file, reason: 'busy' } });
          break;
        case 'would-clear':
          await audit(request, { action, outcome: 'rejected', target, details: { ...file, reason: 'would-clear', clears: outcome.corrections.clears.length } });
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
        case 'quarter-approved': {
          const n = outcome.locked.length;
          return reply.code(409).send({
            statusCode: 409,
            error: 'Conflict',
            message: `Nothing has been stored. This file corrects figures an analyst has approved (${lockedInWords(outcome.locked)}). ${n === 1 ? 'That quarter is' : 'Those quarters are'} locked: say why the approved figures are being corrected (the reason is kept with the figures and shown with them), then send the file again.`,
            code: 'quarter-approved',
            locked: lockedBody(outcome.locked),
          });
        }
        case 'checked':
          return reply.code(200).send({ submission: { id: null, returnType: definition.type, ...outcome.summary }, warnings: outcome.warnings, ...outcome.corrections, locked: lockedBody(outcome.locked) });
        case 'stored': {
          const { id, returnType, rows, periods, areas } = outcome.submission;
          return reply.code(201).send({ submission: { id, returnType, rows, periods, areas }, warnings: outcome.warnings, ...outcome.corrections, locked: lockedBody(outcome.locked) });
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
          subkey: z.string().default('').meta({ description: "The value of the return's sub-key column, for a return that has one (its definition's keys.sub: a refuge row's accommodation type, a benchmark row's indicator id)" }),
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
