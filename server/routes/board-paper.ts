// /api/partnerships/:id/board-paper (JSON and .docx) and /board-papers (issued papers), issue 11
// item 5. Access is the strategy routes': board members, analysts and administrators read the
// partnerships they may see (another one is a 404), partners are refused; administrators and
// analysts of the partnership issue a paper, which is audited. Figures come from the reader's
// engine session, so a board member's paper and Word file hide what the dashboard hides.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorBodySchema } from '../../schemas/api';
import { BoardPaperQuerySchema, BoardPaperSchema, IssuedPaperListSchema, IssuedPaperSchema, IssuePaperInputSchema } from '../../schemas/board-paper-api';
import { latestCompleteQuarter, parsePeriodId } from '../../schemas/periods';
import { isTwelveMonthPeriod, type Partnership } from '../../schemas/strategy-api';
import { seesUnsuppressed } from '../access/actor';
import { audit, auditChange } from '../access/audit';
import { DASHBOARD_READERS } from '../access/policy';
import { holdsDemoData } from '../access/settings';
import { buildBoardPaper } from '../board-paper/build';
import { boardPaperDocx, boardPaperFileName } from '../board-paper/docx';
import { takeSnapshot } from '../board-paper/snapshot';
import { issuedPapers, issuePaper, lastIssuedPaper } from '../board-paper/store';
import { problem, unknownPartnership } from './problem';
import { authorOf } from '../commentary/store';
import type { EngineSession } from '../engine/engine';
import { latestTwelveMonths } from '../engine/views';
import { strategyInForce } from '../strategy/assess';
import { findPartnership, strategiesOf, strategyContent, type StoredStrategy } from '../strategy/store';
import { STRATEGY_EDITORS } from './strategy';

const IdParams = z.object({ id: z.coerce.number().int().positive().meta({ example: 1 }) });
const errors = { 400: ErrorBodySchema, 404: ErrorBodySchema };
const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

type Resolved = { partnership: Partnership; session: EngineSession; period: { id: string; chosen: 'requested' | 'latest-twelve-months' }; strategy: StoredStrategy };

export const boardPaperRoutes: FastifyPluginAsyncZod = async (app) => {
  const sessionFor = (request: FastifyRequest) => app.engine.session(seesUnsuppressed(request.actor) ? 'unsuppressed' : 'suppressed');

  /** The partnership, period and strategy version a paper is for; null once a 4xx is sent. */
  async function resolve(request: FastifyRequest, reply: FastifyReply, id: number, requested: string | undefined): Promise<Resolved | null> {
    const partnership = await findPartnership(app.db, request.actor, id);
    if (!partnership) {
      await unknownPartnership(reply, id);
      return null;
    }
    if (requested !== undefined && !isTwelveMonthPeriod(requested)) {
      await problem(reply, 400, 'invalid-period', `"${requested}" is not a twelve-month period. A board paper covers a financial year (2023-24), a calendar year (2023) or twelve months to a quarter (R12-2024-25Q2).`);
      return null;
    }
    const session = await sessionFor(request);
    const period = requested ?? latestTwelveMonths(session, partnership.areas[0], latestCompleteQuarter(app.now()));
    const strategies = await strategiesOf(app.db, id);
    const strategy = strategyInForce(strategies, period);
    if (!strategy) {
      await problem(
        reply,
        404,
        'no-strategy',
        strategies.length === 0 ? `${partnership.name} has no strategy yet, so there is no paper to write.` : `${partnership.name} has no strategy in force in ${parsePeriodId(period)!.label.toLowerCase()}; its first starts in ${strategies[0].from}.`,
      );
      return null;
    }
    return { partnership, session, period: { id: period, chosen: requested !== undefined ? 'requested' : 'latest-twelve-months' }, strategy };
  }

  async function paperFor(resolved: Resolved) {
    return buildBoardPaper({
      db: app.db,
      session: resolved.session,
      partnership: resolved.partnership,
      strategy: resolved.strategy,
      content: await strategyContent(app.db, resolved.strategy.id),
      period: resolved.period,
      now: app.now(),
      demo: await holdsDemoData(app.db),
      lastIssued: await lastIssuedPaper(app.db, resolved.partnership.id),
    });
  }

  app.get(
    '/partnerships/:id/board-paper',
    {
      config: { access: DASHBOARD_READERS },
      schema: {
        tags: ['board paper'],
        summary: 'The board paper for a period, in the order a board reads: summary, exceptions, commentary, actions, data notes',
        description:
          'Without a period: the latest complete twelve months of the partnership’s first area. The strategy is the version in force at the end of the period. Figures are in your disclosure view. "Revised" compares with the last paper issued (POST /board-papers).',
        params: IdParams,
        querystring: BoardPaperQuerySchema,
        response: { 200: BoardPaperSchema, ...errors },
      },
    },
    async (request, reply) => {
      const resolved = await resolve(request, reply, request.params.id, request.query.period);
      if (!resolved) return reply;
      return paperFor(resolved);
    },
  );

  app.get(
    '/partnerships/:id/board-paper.docx',
    {
      config: { access: DASHBOARD_READERS },
      schema: {
        tags: ['board paper'],
        summary: 'The board paper as a Word document the board’s secretary can edit: headings, tables, A4 portrait, page numbers',
        description: 'The same paper as the JSON, in your disclosure view; an analyst’s copy is marked unsuppressed and not to be circulated. Every download is recorded in the audit trail.',
        params: IdParams,
        querystring: BoardPaperQuerySchema,
        response: { 200: z.any().meta({ description: 'The .docx file' }), ...errors },
      },
    },
    async (request, reply) => {
      const resolved = await resolve(request, reply, request.params.id, request.query.period);
      if (!resolved) return reply;
      const paper = await paperFor(resolved);
      const file = await boardPaperDocx(paper);
      await audit(request, { action: 'export', outcome: 'success', target: `board-paper:${resolved.partnership.id}/${paper.period.id}`, details: { format: 'docx', view: paper.disclosure.view } });
      return reply.type(DOCX_TYPE).header('content-disposition', `attachment; filename="${boardPaperFileName(paper)}"`).send(file);
    },
  );

  app.get(
    '/partnerships/:id/board-papers',
    {
      config: { access: DASHBOARD_READERS },
      schema: { tags: ['board paper'], summary: 'The papers issued for a partnership, the latest first', params: IdParams, response: { 200: IssuedPaperListSchema, ...errors } },
    },
    async (request, reply) => {
      const { id } = request.params;
      if (!(await findPartnership(app.db, request.actor, id))) return unknownPartnership(reply, id);
      return { papers: (await issuedPapers(app.db, id)).map(({ snapshot: _snapshot, ...paper }) => paper) };
    },
  );

  app.post(
    '/partnerships/:id/board-papers',
    {
      config: { access: STRATEGY_EDITORS },
      schema: {
        tags: ['board paper'],
        summary: 'Record that the paper for a period was issued: who, when, and the figures it showed, so that the next paper lists those revised since',
        params: IdParams,
        body: IssuePaperInputSchema,
        response: { 201: IssuedPaperSchema, ...errors },
      },
    },
    async (request, reply) => {
      const resolved = await resolve(request, reply, request.params.id, request.body.period);
      if (!resolved) return reply;
      const content = await strategyContent(app.db, resolved.strategy.id);
      const snapshot = await takeSnapshot(app.engine, content.aims, resolved.period.id);
      const issuedBy = await authorOf(app.db, request.actor);
      const id = await app.db.transaction(async () => {
        const id = await issuePaper(app.db, { partnershipId: resolved.partnership.id, period: resolved.period.id, strategyId: resolved.strategy.id, issuedBy, snapshot, now: app.now() });
        await auditChange(request, 'board-paper-issue', `board-paper:${id}`, { partnership: resolved.partnership.id, period: resolved.period.id, strategy: resolved.strategy.id, figures: snapshot.figures.length });
        return id;
      });
      const [issued] = (await issuedPapers(app.db, resolved.partnership.id)).filter((p) => p.id === id);
      const { snapshot: _snapshot, ...summary } = issued;
      return reply.code(201).send(summary);
    },
  );
};
