// /api/partnerships/:id/commentary and /partner-notes (issue 11, item 4): a partnership's
// narrative on its figures, measures and aims for a period, versioned, and the notes partners
// wrote on the return rows a figure is built from. Access is the strategy routes': board
// members, analysts and administrators read the partnerships they may see (another one is a
// 404, as if it did not exist); partners are refused; administrators, and analysts of the
// partnership, write. Every change is audited.
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorBodySchema } from '../../schemas/api';
import { CommentaryQuerySchema, CommentInputSchema, CommentListSchema, CommentRevisionSchema, CommentSchema, PartnerNotesQuerySchema, PartnerNotesSchema } from '../../schemas/commentary-api';
import { parsePeriodId } from '../../schemas/periods';
import { seesUnsuppressed } from '../access/actor';
import { auditChange } from '../access/audit';
import { DASHBOARD_READERS } from '../access/policy';
import { notesBehind, WITHHELD_REASON } from '../commentary/notes';
import { isPeriodId, notAPeriod, problem, unknownPartnership } from './problem';
import { authorOf, createComment, findComment, listComments, reviseComment } from '../commentary/store';
import { parseSubjectFilter, resolveSubject } from '../commentary/subjects';
import { commentViews } from '../commentary/view';
import { lockPartnership } from '../strategy/locks';
import { findPartnership } from '../strategy/store';
import { STRATEGY_EDITORS } from './strategy';

const IdParams = z.object({ id: z.coerce.number().int().positive().meta({ example: 1 }) });
const CommentParams = IdParams.extend({ commentId: z.coerce.number().int().positive().meta({ example: 1 }) });
const errors = { 400: ErrorBodySchema, 404: ErrorBodySchema, 409: ErrorBodySchema };

/** The periods a period filter matches: itself, and for a year or rolling year its quarters. */
function periodsMatching(periodId: string): string[] {
  const period = parsePeriodId(periodId)!;
  return period.kind === 'quarter' ? [periodId] : [periodId, ...period.quarters];
}

export const commentaryRoutes: FastifyPluginAsyncZod = async (app) => {
  const register = app.engine.register;
  const sessionFor = (request: FastifyRequest) => app.engine.session(seesUnsuppressed(request.actor) ? 'unsuppressed' : 'suppressed');

  app.get(
    '/partnerships/:id/commentary',
    {
      config: { access: DASHBOARD_READERS },
      schema: {
        tags: ['commentary'],
        summary: "A partnership's commentary, oldest first, each comment with its history and whether its figure was revised since",
        description:
          'period: comments on that period, and for a year or rolling year on its quarters too. subject: figure:INDICATOR:AREA (comments on the figure and on measures of the same indicator and area), measure:ID or aim:ID.',
        params: IdParams,
        querystring: CommentaryQuerySchema,
        response: { 200: CommentListSchema, ...errors },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const partnership = await findPartnership(app.db, request.actor, id);
      if (!partnership) return unknownPartnership(reply, id);
      const { period, subject } = request.query;
      if (period !== undefined && !isPeriodId(period)) return notAPeriod(reply, period);
      const filter = subject !== undefined ? parseSubjectFilter(subject) : undefined;
      if (filter === null) return problem(reply, 400, 'invalid-subject', `"${subject}" is not a subject. Write figure:INDICATOR:AREA (e.g. figure:repeat-victim-rate:E09000004), measure:ID or aim:ID.`);
      const comments = await listComments(app.db, id, { periods: period !== undefined ? periodsMatching(period) : undefined, subject: filter });
      return { commentary: await commentViews(app.db, comments, app.engine.catalogue) };
    },
  );

  app.get(
    '/partnerships/:id/commentary/:commentId',
    {
      config: { access: DASHBOARD_READERS },
      schema: { tags: ['commentary'], summary: 'One comment with every version', params: CommentParams, response: { 200: CommentSchema, ...errors } },
    },
    async (request, reply) => {
      const { id, commentId } = request.params;
      const partnership = await findPartnership(app.db, request.actor, id);
      if (!partnership) return unknownPartnership(reply, id);
      const comment = await findComment(app.db, id, commentId);
      if (!comment) return problem(reply, 404, 'unknown-comment', `${partnership.name} has no comment ${commentId}.`);
      return (await commentViews(app.db, [comment], app.engine.catalogue))[0];
    },
  );

  app.post(
    '/partnerships/:id/commentary',
    {
      config: { access: STRATEGY_EDITORS },
      schema: {
        tags: ['commentary'],
        summary: 'Write a comment on a figure (indicator × area), a measure or an aim, for a period',
        description: 'Administrators, and analysts who belong to the partnership. The text is plain text, shown as written.',
        params: IdParams,
        body: CommentInputSchema,
        response: { 201: CommentSchema, ...errors },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const partnership = await findPartnership(app.db, request.actor, id);
      if (!partnership) return unknownPartnership(reply, id);
      const { subject: input, period, body } = request.body;
      if (!isPeriodId(period)) return notAPeriod(reply, period);
      const author = await authorOf(app.db, request.actor);
      const written = await app.db.transaction(async () => {
        // The measure or aim commented on is found in the transaction that refers to it, which a
        // strategy change removing it waits for.
        await lockPartnership(app.db, id);
        const resolved = await resolveSubject(app.db, register, partnership, input, (indicator) => app.engine.catalogue.findFor(partnership.id, indicator));
        if (!resolved.ok) return resolved;
        const commentId = await createComment(app.db, { partnershipId: id, subject: resolved.subject, period, body, author, now: app.now() });
        const { label, ...subject } = resolved.subject;
        await auditChange(request, 'commentary-create', `comment:${commentId}`, { partnership: id, subject, label, period, version: 1, characters: body.length });
        return { ok: true as const, commentId };
      });
      if (!written.ok) return problem(reply, 400, written.code, written.message);
      const created = (await findComment(app.db, id, written.commentId))!;
      return reply.code(201).send((await commentViews(app.db, [created], app.engine.catalogue))[0]);
    },
  );

  for (const method of ['PUT', 'PATCH'] as const) {
    app.route({
      method,
      url: '/partnerships/:id/commentary/:commentId',
      config: { access: STRATEGY_EDITORS },
      schema: {
        tags: ['commentary'],
        summary: 'Revise a comment: its new text becomes a new version, and every earlier version is kept',
        description: 'Send the version you revised to be told (409) if someone revised it in the meantime. The same text again stores nothing.',
        params: CommentParams,
        body: CommentRevisionSchema,
        response: { 200: CommentSchema, ...errors },
      },
      handler: async (request, reply) => {
        const { id, commentId } = request.params;
        const partnership = await findPartnership(app.db, request.actor, id);
        if (!partnership) return unknownPartnership(reply, id);
        const before = await findComment(app.db, id, commentId);
        if (!before) return problem(reply, 404, 'unknown-comment', `${partnership.name} has no comment ${commentId}.`);
        const author = await authorOf(app.db, request.actor);
        const outcome = await app.db.transaction(async () => {
          const outcome = await reviseComment(app.db, { commentId, body: request.body.body, expected: request.body.version, author, now: app.now() });
          if (outcome.kind === 'revised') {
            await auditChange(request, 'commentary-revise', `comment:${commentId}`, { partnership: id, period: before.period, label: before.subject.label, version: outcome.version, characters: request.body.body.length });
          }
          return outcome;
        });
        if (outcome.kind === 'conflict') {
          return problem(reply, 409, 'comment-changed', `This comment has been revised since version ${request.body.version} (it is now at version ${outcome.current}). Read it again, then make your change.`);
        }
        return (await commentViews(app.db, [(await findComment(app.db, id, commentId))!], app.engine.catalogue))[0];
      },
    });
  }

  app.get(
    '/partnerships/:id/partner-notes',
    {
      config: { access: DASHBOARD_READERS },
      schema: {
        tags: ['commentary'],
        summary: "Partners' notes on the return rows a figure is built from (the indicator's return, the area, the period's quarters), with the organisation that sent each",
        description:
          "The area must be one of the partnership's. Notes are partners' free text: show them as text, never as HTML. In the suppressed view a note is shown only where its quarter's figure is published.",
        params: IdParams,
        querystring: PartnerNotesQuerySchema,
        response: { 200: PartnerNotesSchema, ...errors },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const partnership = await findPartnership(app.db, request.actor, id);
      if (!partnership) return unknownPartnership(reply, id);
      // The catalogue as this partnership sees it: its own local measures included.
      const indicator = app.engine.catalogue.findFor(id, request.query.indicator);
      if (!indicator) return problem(reply, 400, 'unknown-indicator', `There is no indicator "${request.query.indicator}". GET /api/indicators lists them.`);
      const area = request.query.area.toUpperCase();
      if (!partnership.areas.includes(area)) {
        return problem(reply, 404, 'area-not-in-partnership', `${register.find(area)?.name ?? request.query.area} is not one of ${partnership.name}'s areas, so its partners' notes are not shown here.`);
      }
      if (!isPeriodId(request.query.period)) return notAPeriod(reply, request.query.period);
      const session = await sessionFor(request);
      const found = await notesBehind(app.db, session, indicator, area, session.period(request.query.period));
      return { indicator: indicator.id, area, period: request.query.period, notes: found.notes, withheld: found.withheld, withheldReason: found.withheld > 0 ? WITHHELD_REASON : null };
    },
  );
};
