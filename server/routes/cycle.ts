// /api/cycle and /api/admin/deadlines|approvals: the quarter's cycle (DOMAIN.md 5.8). Statuses
// for everyone signed in (partners: only their grants), sign-off by partners, approval by
// analysts, unlocking and the reporting calendar by administrators, and reminders sent.
import { auditChange } from '../access/audit';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { findArea } from '../../schemas/areas';
import { ApproveRequestSchema, CycleCellSchema, CycleStatusBodySchema, DeadlineChangeSchema, DeadlineSchema, ReminderSchema, SignOffRequestSchema, UnlockRequestSchema } from '../../schemas/cycle-api';
import { ErrorBodySchema } from '../../schemas/api';
import { latestCompleteQuarter, parseQuarterId, quarterOrdinal, quarterRange, shiftQuarter } from '../../schemas/periods';
import { isGranted, type Actor } from '../access/actor';
import { ADMINS, SIGNED_IN, type Access } from '../access/policy';
import { approve, checkLock, signOff, unlock } from '../cycle/approvals';
import { CYCLE_RETURN_TYPES, isCycleReturnType, listDeadlines, setDaysAfterQuarterEnd, setQuarterDeadline } from '../cycle/deadlines';
import { listReminders } from '../cycle/reminders';
import { cycleStatusGrid, gridPeriods, isReceived } from '../cycle/status';
import { MAX_PAGE_SIZE } from '../limits';

/** The most quarters one status request may cover: three years. */
export const MAX_STATUS_QUARTERS = 12;
/** Quarters shown when none are asked for: the one under way and the four before it. */
const DEFAULT_STATUS_QUARTERS = 5;

const PARTNERS: Access = { roles: ['partner'] };
const APPROVERS: Access = { roles: ['admin', 'analyst'] };
const REMINDER_READERS: Access = { roles: ['admin', 'analyst', 'partner'] };

type Problem = { statusCode: number; error: string; message: string; code: string };
const problem = (statusCode: 400 | 403 | 404 | 409, code: string, message: string): Problem => ({
  statusCode,
  error: { 400: 'Bad Request', 403: 'Forbidden', 404: 'Not Found', 409: 'Conflict' }[statusCode],
  message,
  code,
});

function typeProblem(type: string): Problem | null {
  return isCycleReturnType(type) ? null : problem(400, 'unknown-return-type', `"${type}" is not a return type partners send. The return types are: ${CYCLE_RETURN_TYPES.join(', ')}.`);
}
function areaProblem(area: string): Problem | null {
  return findArea(area) ? null : problem(400, 'unknown-area', `There is no area with the code "${area}".`);
}
const list = (text: string | undefined) => (text ? [...new Set(text.split(',').map((s) => s.trim()).filter(Boolean))] : null);

async function cellOf(app: Parameters<FastifyPluginAsyncZod>[0], actor: Actor, type: string, area: string, quarter: string) {
  const [cell] = await cycleStatusGrid(app.db, { types: [type], areas: [area], quarters: [quarter], grants: actor.role === 'partner' ? actor.grants : null, organisation: actor.organisationId }, app.now());
  return cell;
}

export const cycleRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/cycle/status',
    {
      config: { access: SIGNED_IN },
      schema: {
        tags: ['cycle'],
        summary: 'Deadline and status of each return for each area and quarter',
        description: `Partners see only the return types and areas their organisation is granted. Without from and to: the quarter under way and the ${DEFAULT_STATUS_QUARTERS - 1} before it; at most ${MAX_STATUS_QUARTERS} quarters.`,
        querystring: z.object({
          type: z.string().optional().meta({ description: 'Return types, comma-separated (default: all partners send)', example: 'police' }),
          area: z.string().optional().meta({ description: 'Area codes, comma-separated (default: all expected)', example: 'E09000004' }),
          from: z.string().optional().meta({ example: '2026-27Q1' }),
          to: z.string().optional().meta({ example: '2026-27Q2' }),
        }),
        response: { 200: CycleStatusBodySchema, 400: ErrorBodySchema },
      },
    },
    async (request, reply) => {
      const types = list(request.query.type) ?? CYCLE_RETURN_TYPES;
      const areas = list(request.query.area);
      for (const t of types) {
        const p = typeProblem(t);
        if (p) return reply.code(400).send(p);
      }
      for (const a of areas ?? []) {
        const p = areaProblem(a);
        if (p) return reply.code(400).send(p);
      }
      const to = request.query.to ?? shiftQuarter(latestCompleteQuarter(app.now()), 1);
      const from = request.query.from ?? shiftQuarter(to, 1 - DEFAULT_STATUS_QUARTERS);
      const a = parseQuarterId(from);
      const b = parseQuarterId(to);
      if (!a || !b) return reply.code(400).send(problem(400, 'invalid-quarter', 'from and to must be quarters, written like 2026-27Q1.'));
      if (quarterOrdinal(a) > quarterOrdinal(b)) return reply.code(400).send(problem(400, 'invalid-quarter', 'from must not be after to.'));
      if (quarterOrdinal(b) - quarterOrdinal(a) + 1 > MAX_STATUS_QUARTERS) return reply.code(400).send(problem(400, 'too-many-quarters', `Ask for at most ${MAX_STATUS_QUARTERS} quarters at a time.`));
      const quarters = quarterRange(from, to);
      const actor = request.actor;
      const items = await cycleStatusGrid(app.db, { types, areas, quarters, grants: actor.role === 'partner' ? actor.grants : null, organisation: actor.organisationId }, app.now());
      // A yearly return's column (its financial year) follows the quarter that ends the year.
      return { quarters: gridPeriods(types, quarters), items };
    },
  );

  app.get(
    '/cycle/deadlines',
    { config: { access: SIGNED_IN }, schema: { tags: ['cycle'], summary: 'The reporting calendar: each return type’s deadline', response: { 200: z.object({ deadlines: z.array(DeadlineSchema) }) } } },
    async () => ({ deadlines: await listDeadlines(app.db) }),
  );

  app.get(
    '/cycle/reminders',
    {
      config: { access: REMINDER_READERS },
      schema: {
        tags: ['cycle'],
        summary: 'Reminders sent, newest first',
        description: 'A partner sees the reminders sent to their organisation; analysts and administrators see all.',
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(50) }),
        response: { 200: z.object({ items: z.array(ReminderSchema) }) },
      },
    },
    async (request) => {
      const actor = request.actor;
      if (actor.role === 'partner') return { items: actor.organisationId === null ? [] : await listReminders(app.db, actor.organisationId, request.query.limit) };
      return { items: await listReminders(app.db, null, request.query.limit) };
    },
  );

  app.post(
    '/cycle/sign-offs',
    {
      config: { access: PARTNERS },
      schema: {
        tags: ['cycle'],
        summary: 'Confirm a return for an area and quarter complete and accurate',
        description: 'Partners only, for their grants, once figures are held. A later submission for the same area and quarter needs a new sign-off.',
        body: SignOffRequestSchema,
        response: { 201: CycleCellSchema, 400: ErrorBodySchema, 403: ErrorBodySchema, 409: ErrorBodySchema },
      },
    },
    async (request, reply) => {
      const { returnType: type, area, quarter } = request.body;
      const p = typeProblem(type) ?? areaProblem(area);
      if (p) return reply.code(400).send(p);
      if (!isGranted(request.actor, type, area)) return reply.code(403).send(problem(403, 'not-granted', 'Your organisation is not set up to send this return for this area.'));
      if (!(await isReceived(app.db, type, area, quarter))) return reply.code(409).send(problem(409, 'not-received', 'There is nothing to sign off: no figures are held for this return, area and quarter. Send the return first.'));
      if ((await checkLock(app.db, { type, area, quarter })).locked) return reply.code(409).send(problem(409, 'already-approved', 'This return has already been approved by an analyst, so it no longer needs signing off.'));
      const signed = await signOff(app.db, request.actor, { type, area, quarter }, app.now());
      await auditChange(request, 'quarter-sign-off', `${type}/${area}/${quarter}`, { at: signed.at });
      return reply.code(201).send(await cellOf(app, request.actor, type, area, quarter));
    },
  );

  app.post(
    '/cycle/approvals',
    {
      config: { access: APPROVERS },
      schema: {
        tags: ['cycle'],
        summary: 'Approve an area’s quarter, which locks it',
        description:
          'Approves each return type given (by default every type held for the area and quarter). Approval is per return type, area and quarter; a locked return can still be corrected, but only with a reason, and the correction is marked as made after approval.',
        body: ApproveRequestSchema,
        response: { 201: z.object({ approved: z.array(z.string()), alreadyApproved: z.array(z.string()) }), 400: ErrorBodySchema, 409: ErrorBodySchema },
      },
    },
    async (request, reply) => {
      const { area, quarter } = request.body;
      const ap = areaProblem(area);
      if (ap) return reply.code(400).send(ap);
      const asked = request.body.returnTypes ? [...new Set(request.body.returnTypes)] : null;
      for (const t of asked ?? []) {
        const p = typeProblem(t);
        if (p) return reply.code(400).send(p);
      }
      const held: string[] = [];
      for (const t of asked ?? CYCLE_RETURN_TYPES) if (await isReceived(app.db, t, area, quarter)) held.push(t);
      const missing = (asked ?? []).filter((t) => !held.includes(t));
      if (missing.length > 0 || held.length === 0) {
        const what = missing.length > 0 ? `the ${missing.join(', ')} return${missing.length === 1 ? ' has' : 's have'}` : 'no return has';
        return reply.code(409).send(problem(409, 'not-received', `Nothing was approved: ${what} not been received for this area and quarter.`));
      }
      const approved = await approve(app.db, request.actor, held.map((type) => ({ type, area, quarter })), app.now());
      const approvedTypes = approved.map((k) => k.type);
      for (const type of approvedTypes) await auditChange(request, 'quarter-approve', `${type}/${area}/${quarter}`);
      return reply.code(201).send({ approved: approvedTypes, alreadyApproved: held.filter((t) => !approvedTypes.includes(t)) });
    },
  );

  app.post(
    '/admin/approvals/unlock',
    {
      config: { access: ADMINS },
      schema: {
        tags: ['admin', 'cycle'],
        summary: 'Unlock an approved return, with a reason (audited)',
        body: UnlockRequestSchema,
        response: { 200: z.object({ unlocked: z.literal(true) }), 400: ErrorBodySchema, 404: ErrorBodySchema },
      },
    },
    async (request, reply) => {
      const { returnType: type, area, quarter, reason } = request.body;
      const p = typeProblem(type) ?? areaProblem(area);
      if (p) return reply.code(400).send(p);
      const lock = await checkLock(app.db, { type, area, quarter });
      if (!lock.approval || !(await unlock(app.db, request.actor, { type, area, quarter }, reason, app.now()))) {
        return reply.code(404).send(problem(404, 'not-approved', 'This return is not approved for this area and quarter, so there is nothing to unlock.'));
      }
      await auditChange(request, 'quarter-unlock', `${type}/${area}/${quarter}`, { reason, approval: lock.approval });
      return { unlocked: true as const };
    },
  );

  app.get(
    '/admin/deadlines',
    { config: { access: ADMINS }, schema: { tags: ['admin', 'cycle'], summary: 'The reporting calendar', response: { 200: z.object({ deadlines: z.array(DeadlineSchema) }) } } },
    async () => ({ deadlines: await listDeadlines(app.db) }),
  );

  app.put(
    '/admin/deadlines',
    {
      config: { access: ADMINS },
      schema: {
        tags: ['admin', 'cycle'],
        summary: 'Change a return type’s deadline, or one quarter’s (audited)',
        description: 'daysAfterQuarterEnd sets the rule for every quarter; quarter with dueOn sets (or with null removes) one quarter’s own deadline.',
        body: DeadlineChangeSchema,
        response: { 200: z.object({ deadlines: z.array(DeadlineSchema) }), 400: ErrorBodySchema },
      },
    },
    async (request, reply) => {
      const { returnType: type, daysAfterQuarterEnd, quarter, dueOn } = request.body;
      const p = typeProblem(type);
      if (p) return reply.code(400).send(p);
      if (daysAfterQuarterEnd === undefined && quarter === undefined) return reply.code(400).send(problem(400, 'nothing-to-change', 'Give daysAfterQuarterEnd, or a quarter with its dueOn.'));
      if ((quarter === undefined) !== (dueOn === undefined)) return reply.code(400).send(problem(400, 'invalid-request', 'A quarter’s deadline needs both quarter and dueOn.'));
      const before = (await listDeadlines(app.db)).find((d) => d.returnType === type);
      const by = request.actor.name;
      if (quarter !== undefined && dueOn !== undefined) {
        const problemText = await setQuarterDeadline(app.db, type, quarter, dueOn, by, app.now());
        if (problemText) return reply.code(400).send(problem(400, 'invalid-deadline', problemText));
      }
      if (daysAfterQuarterEnd !== undefined) await setDaysAfterQuarterEnd(app.db, type, daysAfterQuarterEnd, by, app.now());
      const deadlines = await listDeadlines(app.db);
      await auditChange(request, 'deadline-update', `deadline:${type}`, { before, after: deadlines.find((d) => d.returnType === type) });
      return { deadlines };
    },
  );
};
