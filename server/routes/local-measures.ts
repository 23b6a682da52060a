// /api/partnerships/:id/local-measures: a partnership's own measures (issue 13, DOMAIN.md 5.9).
// An administrator defines one with no code and no restart (audited); the partnership's members
// list them (another partnership's are a 404, as if absent). Partners send figures for them in
// the local-measure return, whose template here is pre-filled with the measures they may send.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorBodySchema } from '../../schemas/api';
import { ARITHMETIC_FIELDS, LocalMeasureChangeSchema, LocalMeasureInputSchema, LocalMeasureListSchema, LocalMeasureSchema, type LocalMeasure, type LocalMeasureChange } from '../../schemas/local-measures-api';
import { ACCEPTED_QUARTER_FORMS, hasQuarterEnded, latestCompleteQuarter, parseQuarterText, quarterId, quarterLabel } from '../../schemas/periods';
import { findReturnDefinition } from '../../schemas/returns';
import { auditChange } from '../access/audit';
import { ADMINS, DASHBOARD_READERS, RETURN_USERS } from '../access/policy';
import { allLocalMeasures, createLocalMeasure, findLocalMeasure, listLocalMeasures, measuresSentBy, sharedAreaClash, unknownOrganisations, updateLocalMeasure } from '../local-measures/store';
import { LOCAL_MEASURE_RETURN } from '../local-measures/plugin';
import { localMeasureTemplateXlsx } from '../local-measures/template';
import { quarterAsWritten, templateCsv } from '../returns/templates';
import { lockLocalMeasures } from '../strategy/locks';
import { findPartnership } from '../strategy/store';
import { refused } from './problem';

const IdParams = z.object({ id: z.coerce.number().int().positive().meta({ example: 1 }) });
const MeasureParams = IdParams.extend({ measureId: z.string().min(1).max(80).meta({ example: 'champions-trained' }) });
const TemplateQuery = z.object({ period: z.string().optional().meta({ description: 'The quarter to fill in; default: the latest that has ended', example: '2026-27 Q2' }) });

type Status = 400 | 404 | 409;
const ERROR_NAMES: Record<Status, string> = { 400: 'Bad Request', 404: 'Not Found', 409: 'Conflict' };
function problem(reply: FastifyReply, statusCode: Status, code: string, message: string) {
  return reply.code(statusCode).send({ statusCode, error: ERROR_NAMES[statusCode], message, code });
}
const errors = { 400: ErrorBodySchema, 404: ErrorBodySchema, 409: ErrorBodySchema };

type Arithmetic = Pick<LocalMeasure, 'denominator' | 'multiplier' | 'interval'>;

/** Whether the interval fits what the measure divides: Wilson needs a share, a count has no denominator. */
function arithmeticProblem(m: Arithmetic): string | null {
  if (m.interval === 'wilson' && m.denominator === null) return 'A Wilson interval is for a share, and this measure has no denominator: use byar (exact Poisson) for a count, or none.';
  return null;
}

/** The arithmetic fields a change would alter. */
function arithmeticChanged(before: LocalMeasure, change: LocalMeasureChange): string[] {
  const now = { denominator: before.denominator === null ? 'none' : 'some', multiplier: before.multiplier, polarity: before.polarity, interval: before.interval };
  const asked = {
    denominator: change.denominator === undefined ? undefined : change.denominator === null ? 'none' : 'some',
    multiplier: change.multiplier,
    polarity: change.polarity,
    interval: change.interval,
  };
  return ARITHMETIC_FIELDS.filter((f) => asked[f] !== undefined && asked[f] !== now[f]);
}

/** A measure as the audit trail keeps it: every field, senders by id. */
function audited(m: LocalMeasure) {
  const { organisations, hasFigures: _held, ...rest } = m;
  return { ...rest, organisations: organisations.map((o) => o.id) };
}

export const localMeasureRoutes: FastifyPluginAsyncZod = async (app) => {
  const notFound = (reply: FastifyReply, id: number) => problem(reply, 404, 'unknown-partnership', `There is no partnership ${id} that you belong to. GET /api/partnerships lists yours.`);

  app.get(
    '/partnerships/:id/local-measures',
    {
      config: { access: DASHBOARD_READERS },
      schema: { tags: ['partnerships'], summary: "The partnership's own measures, each with the indicator id it is served under", params: IdParams, response: { 200: LocalMeasureListSchema, ...errors } },
    },
    async (request, reply) => {
      const partnership = await findPartnership(app.db, request.actor, request.params.id);
      if (!partnership) return notFound(reply, request.params.id);
      return { measures: await listLocalMeasures(app.db, partnership.id) };
    },
  );

  app.post(
    '/partnerships/:id/local-measures',
    {
      config: { access: ADMINS },
      schema: {
        tags: ['partnerships'],
        summary: "Define one of the partnership's own measures: served at once as the indicator local:<partnership id>:<measure id>, sent in the local-measure return",
        params: IdParams,
        body: LocalMeasureInputSchema,
        response: { 201: LocalMeasureSchema, ...errors },
      },
    },
    async (request, reply) => {
      const partnership = await findPartnership(app.db, request.actor, request.params.id);
      if (!partnership) return notFound(reply, request.params.id);
      const input = request.body;
      const wrongArithmetic = arithmeticProblem(input);
      if (wrongArithmetic) return problem(reply, 400, 'invalid-measure', wrongArithmetic);
      const created = await app.db.transaction(async () => {
        // The id is found free, here and among partnerships sharing an area, in the transaction
        // that takes it: two administrators defining the same id at once get one measure and a 409.
        await lockLocalMeasures(app.db);
        const unknown = await unknownOrganisations(app.db, input.organisations);
        if (unknown.length > 0) return refused(problem(reply, 400, 'unknown-organisation', `There is no organisation with the id ${unknown.join(', ')}. GET /api/admin/organisations lists them.`));
        if (await findLocalMeasure(app.db, partnership.id, input.id)) return refused(problem(reply, 409, 'measure-exists', `${partnership.name} already has a measure "${input.id}"; change it (PATCH) instead.`));
        const clash = await sharedAreaClash(app.db, partnership.id, input.id);
        if (clash) return refused(problem(reply, 409, 'measure-id-shared', `${clash.partnership} also covers ${clash.area} and has a measure "${input.id}": a return's rows would not say whose it is. Choose another id.`));
        await createLocalMeasure(app.db, partnership.id, input, app.now());
        const created = (await findLocalMeasure(app.db, partnership.id, input.id))!;
        await auditChange(request, 'local-measure-create', `partnership:${partnership.id}:local-measure:${input.id}`, { partnership: partnership.id, measure: audited(created) });
        return created;
      });
      if (!created) return reply;
      await app.localMeasures.sync();
      return reply.code(201).send(created);
    },
  );

  app.patch(
    '/partnerships/:id/local-measures/:measureId',
    {
      config: { access: ADMINS },
      schema: {
        tags: ['partnerships'],
        summary: "Change a measure's wording or who sends it; its arithmetic (denominator or none, multiplier, polarity, interval) only while no figures are held for it",
        params: MeasureParams,
        body: LocalMeasureChangeSchema,
        response: { 200: LocalMeasureSchema, ...errors },
      },
    },
    async (request, reply) => {
      const { id, measureId } = request.params;
      const partnership = await findPartnership(app.db, request.actor, id);
      if (!partnership) return notFound(reply, id);
      const change = request.body;
      const after = await app.db.transaction(async () => {
        // The measure as it was (what may change, and the audit trail's "before") is read in the
        // transaction that changes it.
        await lockLocalMeasures(app.db);
        const before = await findLocalMeasure(app.db, id, measureId);
        if (!before) return refused(problem(reply, 404, 'unknown-measure', `${partnership.name} has no measure "${measureId}". GET /api/partnerships/${id}/local-measures lists them.`));
        const fixed = before.hasFigures ? arithmeticChanged(before, change) : [];
        if (fixed.length > 0) {
          return refused(
            problem(reply, 409, 'arithmetic-fixed', `Figures are already held for "${before.title}", so its ${fixed.join(', ')} cannot change: the figures were sent as the measure was defined. Define a new measure instead.`),
          );
        }
        const wrongArithmetic = arithmeticProblem({
          denominator: change.denominator !== undefined ? change.denominator : before.denominator,
          multiplier: change.multiplier ?? before.multiplier,
          interval: change.interval ?? before.interval,
        });
        if (wrongArithmetic) return refused(problem(reply, 400, 'invalid-measure', wrongArithmetic));
        const unknown = await unknownOrganisations(app.db, change.organisations ?? []);
        if (unknown.length > 0) return refused(problem(reply, 400, 'unknown-organisation', `There is no organisation with the id ${unknown.join(', ')}. GET /api/admin/organisations lists them.`));
        await updateLocalMeasure(app.db, id, measureId, change, app.now());
        const after = (await findLocalMeasure(app.db, id, measureId))!;
        await auditChange(request, 'local-measure-update', `partnership:${id}:local-measure:${measureId}`, { partnership: id, before: audited(before), after: audited(after) });
        return after;
      });
      if (!after) return reply;
      await app.localMeasures.sync();
      return after;
    },
  );

  /** The quarter a template is for: the one asked for, which must have ended, or the latest that has. */
  const templateQuarter = (asked: string | undefined): { period: string } | { code: string; message: string } => {
    const now = app.now();
    if (asked === undefined || asked.trim() === '') return { period: latestCompleteQuarter(now) };
    const q = parseQuarterText(asked);
    if (!q) return { code: 'invalid-period', message: `"${asked}" is not a quarter we recognise. Write it like ${ACCEPTED_QUARTER_FORMS.map((f) => `"${f}"`).join(', ')}.` };
    if (!hasQuarterEnded(q, now)) return { code: 'future-period', message: `${quarterLabel(q)} has not ended yet, so there is no return due for it.` };
    return { period: quarterId(q) };
  };

  /** A partner's measures, each with the areas of its partnership their organisation is granted the return for (a measure for none of them is not theirs to send). */
  const measuresToSend = async (actor: FastifyRequest['actor']) => {
    if (actor.role !== 'partner' || actor.organisationId === null) return [];
    const granted = new Set(actor.grants.filter((g) => g.returnType === LOCAL_MEASURE_RETURN).map((g) => g.areaCode));
    return (await measuresSentBy(app.db, actor.organisationId)).map(({ measure, areas }) => ({ measure, areas: areas.filter((a) => granted.has(a)) })).filter((m) => m.areas.length > 0);
  };

  app.get(
    '/returns/local-measure/template.csv',
    {
      config: { access: RETURN_USERS },
      schema: {
        tags: ['returns'],
        summary: 'CSV template of the local measure return: for a partner, a row for each area and measure their organisation sends, for the quarter due',
        querystring: TemplateQuery,
        response: { 200: z.string(), 400: ErrorBodySchema },
      },
    },
    async (request, reply) => {
      const definition = findReturnDefinition(LOCAL_MEASURE_RETURN)!;
      const quarter = templateQuarter(request.query.period);
      if (!('period' in quarter)) return problem(reply, 400, quarter.code, quarter.message);
      const { period } = quarter;
      const rows = (await measuresToSend(request.actor)).flatMap(({ measure, areas }) => areas.map((area) => [quarterAsWritten(period), area, measure.id, '', '', '']));
      // Ids are slugs, quarters and area codes have no commas: no cell needs quoting.
      const body = templateCsv(definition, null) + rows.map((r) => `${r.slice(0, definition.columns.length).join(',')}\r\n`).join('');
      return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="local-measure-template-${period}.csv"`).send(body);
    },
  );

  app.get(
    '/returns/local-measure/template.xlsx',
    {
      config: { access: RETURN_USERS },
      schema: {
        tags: ['returns'],
        summary:
          "Excel template of the local measure return: for a partner, a row for each area and measure their organisation sends, for the quarter due, a Measures sheet with each measure's id, title, unit and what it counts, and a drop-down of the ids; for analysts and administrators, every partnership's measures listed and no rows",
        querystring: TemplateQuery,
        response: { 200: z.any(), 400: ErrorBodySchema },
      },
    },
    async (request, reply) => {
      const definition = findReturnDefinition(LOCAL_MEASURE_RETURN)!;
      const quarter = templateQuarter(request.query.period);
      if (!('period' in quarter)) return problem(reply, 400, quarter.code, quarter.message);
      const { period } = quarter;
      // Analysts and administrators load figures for any partnership (a back-load): every measure, listed only.
      const measures = request.actor.role === 'partner' ? await measuresToSend(request.actor) : (await allLocalMeasures(app.db)).map((measure) => ({ measure, areas: [] }));
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="local-measure-template-${period}.xlsx"`)
        .send(await localMeasureTemplateXlsx(definition, { measures, period, now: app.now() }));
    },
  );
};
