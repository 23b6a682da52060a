// /api/partnerships: partnerships, their strategy versions, and a strategy read against the data
// (DOMAIN.md section 9, issue 11). Administrators set partnerships up and see them all; board
// members and analysts see the partnerships they belong to (another one is a 404, as if it did
// not exist); partners are refused. Administrators, and analysts of the partnership, write its
// strategy. Every change is audited. Figures come from an indicator engine of this plugin's own
// over the same database, in the reader's disclosure view.
import type { FastifyRequest } from 'fastify';
import { auditChange } from '../access/audit';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorBodySchema } from '../../schemas/api';
import { latestCompleteQuarter, parsePeriodId } from '../../schemas/periods';
import {
  isTwelveMonthPeriod,
  PartnershipChangeSchema,
  PartnershipInputSchema,
  PartnershipListSchema,
  PartnershipSchema,
  StrategyInputSchema,
  StrategyQuerySchema,
  StrategySummarySchema,
  StrategyViewSchema,
} from '../../schemas/strategy-api';
import { seesUnsuppressed } from '../access/actor';
import { ADMINS, DASHBOARD_READERS, type Access } from '../access/policy';
import { latestTwelveMonths } from '../engine/views';
import { areaChangeClash } from '../local-measures/checks';
import { strategyInForce, strategyView } from '../strategy/assess';
import {
  createPartnership,
  createStrategy,
  findPartnership,
  listPartnerships,
  partnershipNameTaken,
  replaceStrategy,
  strategiesOf,
  strategyContent,
  strategyStartingIn,
  updatePartnership,
  usersByIds,
} from '../strategy/store';
import { lockLocalMeasures, lockPartnership, lockPartnershipNames } from '../strategy/locks';
import { areaProblems, memberProblems, strategyProblems } from '../strategy/validate';
import { problem, refused, unknownPartnership } from './problem';

/** Who writes a strategy: administrators, and analysts who belong to the partnership. */
export const STRATEGY_EDITORS: Access = { roles: ['admin', 'analyst'] };

const IdParams = z.object({ id: z.coerce.number().int().positive().meta({ example: 1 }) });
const StrategyParams = IdParams.extend({ strategyId: z.coerce.number().int().positive().meta({ example: 1 }) });

const errors = { 400: ErrorBodySchema, 404: ErrorBodySchema, 409: ErrorBodySchema };

export const strategyRoutes: FastifyPluginAsyncZod = async (app) => {
  const engine = app.engine;
  const register = engine.register;
  const sessionFor = (request: FastifyRequest) => engine.session(seesUnsuppressed(request.actor) ? 'unsuppressed' : 'suppressed');

  app.get(
    '/partnerships',
    {
      config: { access: DASHBOARD_READERS },
      schema: { tags: ['partnerships'], summary: 'The partnerships you belong to (administrators: all), with their areas, default benchmark and strategy versions', response: { 200: PartnershipListSchema } },
    },
    async (request) => ({ partnerships: await listPartnerships(app.db, request.actor) }),
  );

  app.post(
    '/partnerships',
    {
      config: { access: ADMINS },
      schema: { tags: ['partnerships'], summary: 'Set up a partnership: its name, areas, default benchmark and members', body: PartnershipInputSchema, response: { 201: PartnershipSchema, ...errors } },
    },
    async (request, reply) => {
      const body = request.body;
      const areas = [...new Set(body.areas.map((a) => a.toUpperCase()))];
      const benchmark = body.benchmark?.toUpperCase() ?? register.defaultBenchmarkOf(areas[0]) ?? 'E92000001';
      const areaProblem = areaProblems(register, [...areas, benchmark]);
      if (areaProblem) return problem(reply, 400, 'unknown-area', areaProblem);
      const memberProblem = memberProblems(body.members, await usersByIds(app.db, body.members));
      if (memberProblem) return problem(reply, 400, 'invalid-member', memberProblem);
      const id = await app.db.transaction(async () => {
        await lockPartnershipNames(app.db);
        if (await partnershipNameTaken(app.db, body.name)) return null;
        const id = await createPartnership(app.db, { ...body, areas, benchmark }, app.now());
        await auditChange(request, 'partnership-create', `partnership:${id}`, { name: body.name, areas, benchmark, members: body.members });
        return id;
      });
      if (id === null) return problem(reply, 409, 'name-taken', `There is already a partnership called "${body.name}".`);
      return reply.code(201).send((await findPartnership(app.db, request.actor, id))!);
    },
  );

  app.patch(
    '/partnerships/:id',
    {
      config: { access: ADMINS },
      schema: { tags: ['partnerships'], summary: "Change a partnership's name, areas, default benchmark or members (each replaced as sent)", params: IdParams, body: PartnershipChangeSchema, response: { 200: PartnershipSchema, ...errors } },
    },
    async (request, reply) => {
      const { id } = request.params;
      const change = { ...request.body, areas: request.body.areas && [...new Set(request.body.areas.map((a) => a.toUpperCase()))], benchmark: request.body.benchmark?.toUpperCase() };
      // The partnership as it was (for the audit trail) and the name found free are read in the
      // transaction that changes them, after any other change to partnerships has finished.
      const after = await app.db.transaction(async () => {
        await lockPartnershipNames(app.db);
        await lockPartnership(app.db, id);
        const before = await findPartnership(app.db, request.actor, id);
        if (!before) return refused(unknownPartnership(reply, id));
        const areaProblem = areaProblems(register, [...(change.areas ?? []), ...(change.benchmark ? [change.benchmark] : [])]);
        if (areaProblem) return refused(problem(reply, 400, 'unknown-area', areaProblem));
        if (change.members) {
          const memberProblem = memberProblems(change.members, await usersByIds(app.db, change.members));
          if (memberProblem) return refused(problem(reply, 400, 'invalid-member', memberProblem));
        }
        if (change.name !== undefined && (await partnershipNameTaken(app.db, change.name, id))) return refused(problem(reply, 409, 'name-taken', `There is already a partnership called "${change.name}".`));
        if (change.areas) {
          // Measure ids are checked against every partnership sharing an area, with no measure defined meanwhile.
          await lockLocalMeasures(app.db);
          const clash = await areaChangeClash(app.db, id, change.areas);
          if (clash) {
            const area = register.find(clash.area)?.name ?? clash.area;
            return refused(
              problem(reply, 409, 'local-measure-clash', `${before.name} cannot take in ${area}: ${clash.partnership} also covers ${area} and has its own measure "${clash.measure}", as ${before.name} does. Partners' figures for the two would be the same rows. Change one of the measure ids first, or leave ${area} out.`),
            );
          }
        }
        await updatePartnership(app.db, id, change, app.now());
        const after = (await findPartnership(app.db, request.actor, id))!;
        await auditChange(request, 'partnership-update', `partnership:${id}`, {
          before: { name: before.name, areas: before.areas, benchmark: before.benchmark, members: before.members?.map((m) => m.id) },
          after: { name: after.name, areas: after.areas, benchmark: after.benchmark, members: after.members?.map((m) => m.id) },
        });
        return after;
      });
      return after ?? reply;
    },
  );

  app.get(
    '/partnerships/:id/strategy',
    {
      config: { access: DASHBOARD_READERS },
      schema: {
        tags: ['partnerships'],
        summary: "The partnership's strategy read against the data: aims in its order, each measure's baseline, target, latest figure and status, each aim's status, and the delivery plan's actions",
        description:
          'Without a period: the latest complete twelve months of the partnership’s first area. The strategy shown is the version in force at the end of the period (or the latest begun before it), unless `strategy` names a version. Statuses follow the rules in the README (Strategy statuses), in your disclosure view.',
        params: IdParams,
        querystring: StrategyQuerySchema,
        response: { 200: StrategyViewSchema, ...errors },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const partnership = await findPartnership(app.db, request.actor, id);
      if (!partnership) return unknownPartnership(reply, id);
      const session = await sessionFor(request);
      const requested = request.query.period;
      if (requested !== undefined && !isTwelveMonthPeriod(requested)) {
        return problem(reply, 400, 'invalid-period', `"${requested}" is not a twelve-month period. A strategy is read over a financial year (2023-24), a calendar year (2023) or twelve months to a quarter (R12-2024-25Q2).`);
      }
      const period = requested ?? latestTwelveMonths(session, partnership.areas[0], latestCompleteQuarter(app.now()));
      const strategies = await strategiesOf(app.db, id);
      const strategy = request.query.strategy !== undefined ? strategies.find((s) => s.id === request.query.strategy) : strategyInForce(strategies, period);
      if (!strategy) {
        if (request.query.strategy !== undefined) return problem(reply, 404, 'unknown-strategy', `${partnership.name} has no strategy version ${request.query.strategy}.`);
        return problem(reply, 404, 'no-strategy', strategies.length === 0 ? `${partnership.name} has no strategy yet.` : `${partnership.name} has no strategy in force in ${parsePeriodId(period)!.label.toLowerCase()}; its first starts in ${strategies[0].from}.`);
      }
      return strategyView(session, partnership, strategy, await strategyContent(app.db, strategy.id, app.now()), { id: period, chosen: requested !== undefined ? 'requested' : 'latest-twelve-months' });
    },
  );

  app.post(
    '/partnerships/:id/strategies',
    {
      config: { access: STRATEGY_EDITORS },
      schema: { tags: ['partnerships'], summary: 'Add a strategy version with its aims and measures', params: IdParams, body: StrategyInputSchema, response: { 201: StrategySummarySchema, ...errors } },
    },
    async (request, reply) => {
      const { id } = request.params;
      const partnership = await findPartnership(app.db, request.actor, id);
      if (!partnership) return unknownPartnership(reply, id);
      const invalid = strategyProblems(register, request.body, (indicator) => engine.catalogue.findFor(id, indicator));
      if (invalid) return problem(reply, 400, 'invalid-strategy', invalid);
      const strategyId = await app.db.transaction(async () => {
        await lockPartnership(app.db, id);
        if ((await strategyStartingIn(app.db, id, request.body.from)) !== null) return null;
        const strategyId = await createStrategy(app.db, id, request.body, app.now());
        await auditChange(request, 'strategy-create', `strategy:${strategyId}`, { partnership: id, strategy: request.body });
        return strategyId;
      });
      if (strategyId === null) return problem(reply, 409, 'strategy-exists', `${partnership.name} already has a strategy starting in ${request.body.from}; change that one (PUT) instead.`);
      return reply.code(201).send({ id: strategyId, title: request.body.title, from: request.body.from, to: request.body.to });
    },
  );

  app.put(
    '/partnerships/:id/strategies/:strategyId',
    {
      config: { access: STRATEGY_EDITORS },
      schema: {
        tags: ['partnerships'],
        summary: 'Replace a strategy version: its title, years, aims and measures (those sent with their id keep it)',
        params: StrategyParams,
        body: StrategyInputSchema,
        response: { 200: StrategySummarySchema, ...errors },
      },
    },
    async (request, reply) => {
      const { id, strategyId } = request.params;
      const partnership = await findPartnership(app.db, request.actor, id);
      if (!partnership) return unknownPartnership(reply, id);
      const invalid = strategyProblems(register, request.body, (indicator) => engine.catalogue.findFor(id, indicator));
      // The version as it was (for the audit trail) is read in the transaction that replaces it.
      const replaced = await app.db.transaction(async () => {
        await lockPartnership(app.db, id);
        const before = (await strategiesOf(app.db, id)).find((s) => s.id === strategyId);
        if (!before) return refused(problem(reply, 404, 'unknown-strategy', `${partnership.name} has no strategy version ${strategyId}.`));
        if (invalid) return refused(problem(reply, 400, 'invalid-strategy', invalid));
        if ((await strategyStartingIn(app.db, id, request.body.from, strategyId)) !== null) return refused(problem(reply, 409, 'strategy-exists', `${partnership.name} already has another strategy starting in ${request.body.from}.`));
        const previous = await strategyContent(app.db, strategyId);
        await replaceStrategy(app.db, id, strategyId, request.body, app.now());
        await auditChange(request, 'strategy-update', `strategy:${strategyId}`, { partnership: id, before: { ...before, aims: previous.aims }, after: request.body });
        return { id: strategyId, title: request.body.title, from: request.body.from, to: request.body.to };
      });
      return replaced ?? reply;
    },
  );
};
