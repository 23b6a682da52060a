// The delivery plan over HTTP (issue 11, item 3): a partnership's actions with their leads,
// timescales, due dates, statuses and dated progress updates; adding, changing, removing and
// importing them. Access follows the strategy's (server/routes/strategy.ts): everyone who may
// read the partnership reads its plan, administrators and the partnership's analysts change it,
// another partnership's action is a 404, partners are refused. Every change is audited.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ActionChangeSchema,
  ActionImportQuerySchema,
  ActionImportResultSchema,
  ActionInputSchema,
  ActionUpdateInputSchema,
  DeletedActionSchema,
  DeliveryPlanQuerySchema,
  DeliveryPlanSchema,
  PlanActionSchema,
  type PlanAction,
} from '../../schemas/actions-api';
import { ErrorBodySchema, RejectedBodySchema } from '../../schemas/api';
import { latestCompleteQuarter, shiftQuarter } from '../../schemas/periods';
import { audit, auditChange } from '../access/audit';
import { DASHBOARD_READERS } from '../access/policy';
import { toCsv } from '../export/csv';
import { problem, refused, unknownPartnership } from './problem';
import { IsolationBusyError } from '../ingest/isolation';
import { readTable, UnreadableFileError } from '../ingest/read-table';
import { strategyInForce } from '../strategy/assess';
import { actionOwner, actionTitles, addActionUpdate, changeAction, countByStatus, createActions, deleteAction, deliveryPlan, planAction, planLinks, userName, type ActionValues } from '../strategy/actions';
import { IMPORT_COLUMNS, readPlanTable } from '../strategy/actions-import';
import { resolveLinks } from '../strategy/actions-links';
import { isCalendarDay, londonDay, parseTimescale } from '../strategy/actions-timescale';
import { lockPartnership } from '../strategy/locks';
import { findPartnership, strategiesOf, type StoredStrategy } from '../strategy/store';
import { STRATEGY_EDITORS } from './strategy';
import { isMultipartRequest, readUpload } from './upload';

/** A delivery plan is a page of a spreadsheet; a file past this is not one. */
export const MAX_PLAN_FILE_BYTES = 1024 * 1024;

const IdParams = z.object({ id: z.coerce.number().int().positive().meta({ example: 1 }) });
const StrategyParams = IdParams.extend({ strategyId: z.coerce.number().int().positive().meta({ example: 1 }) });
const ActionParams = IdParams.extend({ actionId: z.coerce.number().int().positive().meta({ example: 1 }) });

const errors = { 400: ErrorBodySchema, 404: ErrorBodySchema };

const NOT_MULTIPART_PLAN = {
  statusCode: 415,
  error: 'Unsupported Media Type',
  message: 'Send the delivery plan as a file upload (multipart/form-data) with the CSV or Excel file in a field called "file".',
  code: 'not-multipart',
} as const;

/** What the audit trail keeps of an action: its fields, not its updates. */
function recorded(action: PlanAction) {
  return {
    title: action.title,
    aim: action.aim?.id ?? null,
    measure: action.measure?.id ?? null,
    leadAgency: action.leadAgency,
    leadPerson: action.leadPerson,
    timescale: action.timescale,
    due: action.due,
    status: action.status,
  };
}

function valuesOf(action: PlanAction): ActionValues {
  return { title: action.title, aimId: action.aim?.id ?? null, measureId: action.measure?.id ?? null, leadAgency: action.leadAgency, leadPerson: action.leadPerson, timescale: action.timescale, due: action.due, status: action.status };
}

export const actionRoutes: FastifyPluginAsyncZod = async (app) => {
  const today = () => londonDay(app.now());
  const noAction = (reply: FastifyReply, name: string, actionId: number) => problem(reply, 404, 'unknown-action', `${name}'s delivery plan has no action ${actionId}.`);
  const invalidDue = (reply: FastifyReply, due: string) => problem(reply, 400, 'invalid-due', `${due} is not a day of the calendar.`);

  /** The partnership and one of its strategy versions, or the 404 already sent. */
  async function strategyOf(request: FastifyRequest, reply: FastifyReply, id: number, strategyId: number): Promise<{ name: string; strategy: StoredStrategy } | null> {
    const partnership = await findPartnership(app.db, request.actor, id);
    if (!partnership) {
      unknownPartnership(reply, id);
      return null;
    }
    const strategy = (await strategiesOf(app.db, id)).find((s) => s.id === strategyId);
    if (!strategy) {
      problem(reply, 404, 'unknown-strategy', `${partnership.name} has no strategy version ${strategyId}.`);
      return null;
    }
    return { name: partnership.name, strategy };
  }

  /** The partnership and one of its actions, or the 404 already sent. */
  async function actionOf(request: FastifyRequest, reply: FastifyReply, id: number, actionId: number) {
    const partnership = await findPartnership(app.db, request.actor, id);
    if (!partnership) {
      unknownPartnership(reply, id);
      return null;
    }
    const owner = await actionOwner(app.db, id, actionId);
    const action = owner && (await planAction(app.db, owner.strategyId, actionId, today()));
    if (!owner || !action) {
      noAction(reply, partnership.name, actionId);
      return null;
    }
    return { partnership, strategyFrom: owner.strategyFrom, action };
  }

  app.get(
    '/partnerships/:id/actions',
    {
      config: { access: DASHBOARD_READERS },
      schema: {
        tags: ['delivery plan'],
        summary: "The partnership's delivery plan: each action with its aim, measure, leads, timescale, due date, status, whether it is overdue, and its progress updates (newest first)",
        description: 'Without `strategy`: the version in force today (or the latest begun). `status` and `overdue` filter the actions; the summary counts the whole plan.',
        params: IdParams,
        querystring: DeliveryPlanQuerySchema,
        response: { 200: DeliveryPlanSchema, ...errors },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const partnership = await findPartnership(app.db, request.actor, id);
      if (!partnership) return unknownPartnership(reply, id);
      const strategies = await strategiesOf(app.db, id);
      const asked = request.query.strategy;
      const strategy = asked !== undefined ? strategies.find((s) => s.id === asked) : strategyInForce(strategies, shiftQuarter(latestCompleteQuarter(app.now()), 1));
      if (!strategy) {
        if (asked !== undefined) return problem(reply, 404, 'unknown-strategy', `${partnership.name} has no strategy version ${asked}.`);
        return problem(reply, 404, 'no-strategy', strategies.length === 0 ? `${partnership.name} has no strategy yet, so no delivery plan.` : `${partnership.name} has no strategy in force yet; its first starts in ${strategies[0].from}.`);
      }
      const day = today();
      const actions = await deliveryPlan(app.db, strategy.id, day);
      const { status, overdue } = request.query;
      const shown = actions.filter((a) => (status === undefined || status.length === 0 || status.includes(a.status)) && (overdue === undefined || a.overdue === (overdue === 'true')));
      return {
        partnership: { id: partnership.id, name: partnership.name },
        strategy: { id: strategy.id, title: strategy.title, from: strategy.from, to: strategy.to },
        today: day,
        summary: { total: actions.length, overdue: actions.filter((a) => a.overdue).length, byStatus: countByStatus(actions) },
        actions: shown,
      };
    },
  );

  app.get(
    '/partnerships/:id/actions/template.csv',
    {
      config: { access: STRATEGY_EDITORS },
      schema: {
        tags: ['delivery plan'],
        summary: 'The CSV template for importing a delivery plan: activity, aim, measure, lead, lead person, timescale, due, status',
        params: IdParams,
        response: { 200: z.string(), 404: ErrorBodySchema },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      if (!(await findPartnership(app.db, request.actor, id))) return unknownPartnership(reply, id);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="delivery-plan-template.csv"')
        .send(toCsv(IMPORT_COLUMNS.map((c) => c.name), []));
    },
  );

  app.get(
    '/partnerships/:id/actions/:actionId',
    {
      config: { access: DASHBOARD_READERS },
      schema: { tags: ['delivery plan'], summary: 'One action of the delivery plan, with its progress updates (newest first)', params: ActionParams, response: { 200: PlanActionSchema, ...errors } },
    },
    async (request, reply) => {
      const found = await actionOf(request, reply, request.params.id, request.params.actionId);
      return found ? found.action : reply;
    },
  );

  app.post(
    '/partnerships/:id/strategies/:strategyId/actions',
    {
      config: { access: STRATEGY_EDITORS },
      schema: {
        tags: ['delivery plan'],
        summary: 'Add an action to a strategy version’s delivery plan',
        description: 'Without `due`, the due date is the one the timescale states ("March 2022", "Q3 2022-23", "2023", "Year 2" of the strategy), or none.',
        params: StrategyParams,
        body: ActionInputSchema,
        response: { 201: PlanActionSchema, ...errors },
      },
    },
    async (request, reply) => {
      const { id, strategyId } = request.params;
      const found = await strategyOf(request, reply, id, strategyId);
      if (!found) return reply;
      const body = request.body;
      const action = await app.db.transaction(async () => {
        // The aim and measure linked to are checked in the transaction that links them, which a
        // strategy change removing them waits for.
        await lockPartnership(app.db, id);
        const linked = resolveLinks(await planLinks(app.db, strategyId), { aim: body.aim, measure: body.measure });
        if (!linked.ok) return refused(problem(reply, 400, 'invalid-link', linked.message));
        const due = body.due !== undefined ? body.due : parseTimescale(body.timescale, found.strategy.from);
        if (due !== null && !isCalendarDay(due)) return refused(invalidDue(reply, due));
        const values: ActionValues = { title: body.title, aimId: linked.aimId, measureId: linked.measureId, leadAgency: body.leadAgency, leadPerson: body.leadPerson ?? null, timescale: body.timescale ?? null, due, status: body.status };
        const [actionId] = await createActions(app.db, strategyId, [values], app.now());
        const action = (await planAction(app.db, strategyId, actionId, today()))!;
        await auditChange(request, 'action-create', `action:${actionId}`, { partnership: id, strategy: strategyId, action: recorded(action) });
        return action;
      });
      return action ? reply.code(201).send(action) : reply;
    },
  );

  app.patch(
    '/partnerships/:id/actions/:actionId',
    {
      config: { access: STRATEGY_EDITORS },
      schema: {
        tags: ['delivery plan'],
        summary: 'Change an action: its activity, aim, measure, leads, timescale, due date or status',
        description: 'A new timescale sent without `due` also sets the due date to the one it states (or none). Progress is reported with POST …/updates, which keeps each report.',
        params: ActionParams,
        body: ActionChangeSchema,
        response: { 200: PlanActionSchema, ...errors },
      },
    },
    async (request, reply) => {
      const { id, actionId } = request.params;
      const after = await app.db.transaction(async () => {
        // The action as it was is read in the transaction that changes it: the change is made to
        // what was read, and the audit trail's "before" is what it replaced.
        await lockPartnership(app.db, id);
        const found = await actionOf(request, reply, id, actionId);
        if (!found) return null;
        const { action: before, strategyFrom } = found;
        const body = request.body;
        const linked = resolveLinks(await planLinks(app.db, before.strategyId), { aim: body.aim, measure: body.measure }, { aimId: before.aim?.id ?? null, measureId: before.measure?.id ?? null });
        if (!linked.ok) return refused(problem(reply, 400, 'invalid-link', linked.message));
        const timescale = body.timescale !== undefined ? body.timescale : before.timescale;
        const due = body.due !== undefined ? body.due : body.timescale !== undefined ? parseTimescale(timescale, strategyFrom) : before.due;
        if (due !== null && !isCalendarDay(due)) return refused(invalidDue(reply, due));
        const values: ActionValues = {
          title: body.title ?? before.title,
          aimId: linked.aimId,
          measureId: linked.measureId,
          leadAgency: body.leadAgency ?? before.leadAgency,
          leadPerson: body.leadPerson !== undefined ? body.leadPerson : before.leadPerson,
          timescale,
          due,
          status: body.status ?? before.status,
        };
        const held = valuesOf(before);
        const changed = (Object.keys(values) as Array<keyof ActionValues>).filter((k) => values[k] !== held[k]);
        if (changed.length === 0) return before;
        await changeAction(app.db, actionId, values, app.now());
        const after = (await planAction(app.db, before.strategyId, actionId, today()))!;
        const was = recorded(before);
        const is = recorded(after);
        const fields = (Object.keys(is) as Array<keyof typeof is>).filter((k) => is[k] !== was[k]);
        await auditChange(request, 'action-update', `action:${actionId}`, {
          partnership: id,
          strategy: before.strategyId,
          before: Object.fromEntries(fields.map((k) => [k, was[k]])),
          after: Object.fromEntries(fields.map((k) => [k, is[k]])),
        });
        return after;
      });
      return after ?? reply;
    },
  );

  app.delete(
    '/partnerships/:id/actions/:actionId',
    {
      config: { access: STRATEGY_EDITORS },
      schema: {
        tags: ['delivery plan'],
        summary: 'Remove an action entered by mistake, with its updates',
        description: 'The audit trail keeps a copy of the action and every update it had. An action that was dropped from the plan is better marked so in an update.',
        params: ActionParams,
        response: { 200: DeletedActionSchema, ...errors },
      },
    },
    async (request, reply) => {
      const { id, actionId } = request.params;
      const deleted = await app.db.transaction(async () => {
        // The copy the audit trail keeps is read in the transaction that removes the action.
        await lockPartnership(app.db, id);
        const found = await actionOf(request, reply, id, actionId);
        if (!found) return false;
        await deleteAction(app.db, actionId);
        await auditChange(request, 'action-delete', `action:${actionId}`, {
          partnership: id,
          strategy: found.action.strategyId,
          before: { ...recorded(found.action), updates: found.action.updates.map((u) => ({ on: u.on, text: u.text, author: u.author, createdAt: u.createdAt })) },
        });
        return true;
      });
      return deleted ? { id: actionId, deleted: true as const } : reply;
    },
  );

  app.post(
    '/partnerships/:id/actions/:actionId/updates',
    {
      config: { access: STRATEGY_EDITORS },
      schema: {
        tags: ['delivery plan'],
        summary: 'Report progress on an action: a dated update (today or earlier), and its new status if it changes',
        description: 'Updates are kept as written: to correct one, add another.',
        params: ActionParams,
        body: ActionUpdateInputSchema,
        response: { 201: PlanActionSchema, ...errors },
      },
    },
    async (request, reply) => {
      const { id, actionId } = request.params;
      const { on, text, status } = request.body;
      const day = today();
      const strategyId = await app.db.transaction(async () => {
        // Whether the status changes is decided on the status read in the same transaction.
        await lockPartnership(app.db, id);
        const found = await actionOf(request, reply, id, actionId);
        if (!found) return null;
        if (!isCalendarDay(on)) return refused(problem(reply, 400, 'invalid-date', `${on} is not a day of the calendar.`));
        if (on > day) return refused(problem(reply, 400, 'future-update', `An update reports what has happened, so its date (${on}) cannot be after today (${day}).`));
        const before = found.action;
        const newStatus = status !== undefined && status !== before.status ? status : undefined;
        const authorId = request.actor.userId;
        const authorName = (authorId !== null ? await userName(app.db, authorId) : null) ?? request.actor.name;
        const updateId = await addActionUpdate(app.db, actionId, { on, text, authorId, authorName, status: newStatus }, app.now());
        await auditChange(request, 'action-progress', `action:${actionId}`, {
          partnership: id,
          strategy: before.strategyId,
          update: { id: updateId, on, text },
          ...(newStatus ? { status: { before: before.status, after: newStatus } } : {}),
        });
        return before.strategyId;
      });
      if (strategyId === null) return reply;
      return reply.code(201).send((await planAction(app.db, strategyId, actionId, day))!);
    },
  );

  app.post(
    '/partnerships/:id/strategies/:strategyId/actions/import',
    {
      config: { access: STRATEGY_EDITORS },
      schema: {
        tags: ['delivery plan'],
        summary: 'Import a delivery plan from a spreadsheet (multipart field "file", CSV or XLSX), adding its actions to the strategy version’s plan',
        description:
          'Columns: activity, lead, timescale, measure (timescale and measure may be blank), and optionally aim, lead person, due, status; headings are matched whatever their case or spacing (GET …/actions/template.csv). ' +
          'An aim is given by its number, letter or title; a measure by its number (2.1) or indicator. A timescale that states a day gives the due date; otherwise it is kept as text. ' +
          'Every problem is reported by row and column (422), and a file with any problem adds nothing. dryRun=true reports what would be added.',
        consumes: ['multipart/form-data'],
        params: StrategyParams,
        querystring: ActionImportQuerySchema,
        response: { 200: ActionImportResultSchema, 201: ActionImportResultSchema, ...errors, 413: ErrorBodySchema, 415: z.union([ErrorBodySchema, RejectedBodySchema]), 422: RejectedBodySchema, 503: ErrorBodySchema },
      },
      onRequest: async (request, reply) => {
        if (!isMultipartRequest(request)) return reply.code(415).send(NOT_MULTIPART_PLAN);
      },
    },
    async (request, reply) => {
      const { id, strategyId } = request.params;
      const dryRun = request.query.dryRun === 'true';
      const found = await strategyOf(request, reply, id, strategyId);
      if (!found) return reply;
      const target = `strategy:${strategyId}`;
      const rejected = async (details: Record<string, unknown>) => {
        if (!dryRun) await audit(request, { action: 'action-import', outcome: 'rejected', target, details: { partnership: id, ...details } });
      };
      const upload = await readUpload(request);
      if (!upload.ok) {
        await rejected({ status: upload.statusCode, code: upload.body.code });
        return reply.code(upload.statusCode).send(upload.statusCode === 415 ? NOT_MULTIPART_PLAN : upload.body);
      }
      const file = { fileName: upload.fileName, bytes: upload.bytes.length };
      if (upload.bytes.length > MAX_PLAN_FILE_BYTES) {
        await rejected({ ...file, code: 'file-too-large' });
        return problem(reply, 413, 'file-too-large', `The file is larger than ${MAX_PLAN_FILE_BYTES / 1024 / 1024} MB. A delivery plan is far smaller: check that it is the right file, and save only the plan's sheet.`);
      }
      let table;
      try {
        table = await readTable(upload.bytes, upload.fileName ?? undefined);
      } catch (error) {
        if (error instanceof IsolationBusyError) return reply.code(503).header('retry-after', '60').send({ statusCode: 503, error: 'Service Unavailable', message: 'Many large files are being read just now. Please try again in a minute.', code: 'busy' });
        if (!(error instanceof UnreadableFileError)) throw error;
        await rejected({ ...file, code: error.code });
        return reply.code(error.code === 'unsupported-file-type' ? 415 : 422).send({ errors: [{ row: null, column: null, value: null, code: error.code, message: error.message }], warnings: [] });
      }
      // The aims, measures and titles the file is read against are those of the transaction that
      // adds its actions: a plan changed in between cannot get a title twice or a removed link.
      const result = await app.db.transaction(async () => {
        await lockPartnership(app.db, id);
        const outcome = readPlanTable(table, await planLinks(app.db, strategyId), found.strategy.from, await actionTitles(app.db, strategyId));
        if (!outcome.ok) return { outcome, created: [] };
        const created = dryRun ? [] : await createActions(app.db, strategyId, outcome.rows.map((r) => r.values), app.now());
        if (!dryRun) await auditChange(request, 'action-import', target, { partnership: id, ...file, rows: outcome.rows.length, created });
        return { outcome, created };
      });
      const { outcome, created } = result;
      if (!outcome.ok) {
        await rejected({ ...file, errors: outcome.errors.length });
        return reply.code(422).send({ errors: outcome.errors, warnings: outcome.warnings });
      }
      return reply.code(dryRun ? 200 : 201).send({
        dryRun,
        strategy: { id: strategyId, title: found.strategy.title },
        rows: outcome.rows.length,
        created,
        actions: outcome.rows.map((r) => ({
          row: r.row,
          title: r.values.title,
          aim: r.aim && { id: r.aim.id, number: r.aim.number, title: r.aim.title },
          measure: r.measure && { id: r.measure.id, indicator: r.measure.indicator },
          leadAgency: r.values.leadAgency!,
          leadPerson: r.values.leadPerson,
          timescale: r.values.timescale,
          due: r.values.due,
          status: r.values.status,
        })),
        warnings: outcome.warnings,
      });
    },
  );
};
