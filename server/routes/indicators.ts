// /api/indicators and /api/areas: the catalogue, the area register, and indicator values with
// benchmarks, series, comparisons and area summaries (issue 3). Every figure comes from the
// engine through its disclosure gate: analysts and administrators get the unsuppressed view,
// everyone else the suppressed one. The catalogue and register hold no figures but, like
// everything but health and sign-in, need a signed-in user.
// Anything a user can send that makes no sense is a 400 or 404 that says why.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorBodySchema } from '../../schemas/api';
import {
  AreaComparisonSchema,
  AreaListSchema,
  AreaSummarySchema,
  CompareQuerySchema,
  IndicatorListSchema,
  IndicatorRevisionsSchema,
  IndicatorSeriesSchema,
  IndicatorValuesSchema,
  RevisionsQuerySchema,
  SeriesQuerySchema,
  SummaryQuerySchema,
  ValuesQuerySchema,
} from '../../schemas/indicator-api';
import { findIndicator, INDICATORS, type IndicatorDefinition } from '../../schemas/indicators';
import { latestCompleteQuarter, parsePeriodId, parseQuarterId, quarterId, quarterOrdinal, quarterRange, shiftQuarter } from '../../schemas/periods';
import { findReturnDefinition } from '../../schemas/returns';
import { seesUnsuppressed } from '../access/actor';
import { DASHBOARD_READERS, SIGNED_IN } from '../access/policy';
import type { DisclosureView } from '../engine/disclosure';
import type { EngineSession } from '../engine/engine';
import { storedPeriodsOf } from '../engine/periods-read';
import { areaEntries, areaRef, areaSummary, compareChildren, indicatorMetadata, indicatorSeries, indicatorValues, latestTwelveMonths, periodRef } from '../engine/views';
import { correctionsAfterApproval } from '../cycle/approvals';
import { revisionsOfArea } from '../returns/store';
import { sendStaticJson, staticJson, type StaticJson } from './static-json';
import { localGroupsFor, visibleIndicator, visibleLocalIndicators } from '../local-measures/visibility';

/** One values request is bounded so that it cannot ask for the whole database at once. */
export const MAX_AREAS_PER_REQUEST = 400;
export const MAX_PERIODS_PER_REQUEST = 40;
export const MAX_VALUES_PER_REQUEST = 4000;
/** Twenty years of quarters. */
export const MAX_SERIES_QUARTERS = 80;
/** A series with no data yet shows the last two years. */
const DEFAULT_EMPTY_SERIES_QUARTERS = 8;

export interface IndicatorRoutesOptions {
  /** The view a request may see; by default unsuppressed for analysts and administrators only (DOMAIN.md section 8). */
  viewFor?: (request: FastifyRequest) => DisclosureView;
}

function defaultView(request: FastifyRequest): DisclosureView {
  return request.actor && seesUnsuppressed(request.actor) ? 'unsuppressed' : 'suppressed';
}

const IdParams = z.object({ id: z.string().meta({ example: 'da-incident-rate' }) });
const CodeParams = z.object({ code: z.string().meta({ example: 'E09000004' }) });

class RequestProblem extends Error {
  constructor(
    readonly statusCode: 400 | 404,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

function send(reply: FastifyReply, problem: RequestProblem) {
  return reply.code(problem.statusCode).send({
    statusCode: problem.statusCode,
    error: problem.statusCode === 404 ? 'Not Found' : 'Bad Request',
    message: problem.message,
    code: problem.code,
  });
}

function list(text: string): string[] {
  return [...new Set(text.split(',').map((s) => s.trim()).filter((s) => s !== ''))];
}

/** `found`: the indicator the requester may see (a partnership's own measure only for its members). */
function indicatorOr404(id: string, found: IndicatorDefinition | undefined = findIndicator(id)): IndicatorDefinition {
  const indicator = found;
  if (!indicator) throw new RequestProblem(404, 'unknown-indicator', `There is no indicator "${id}". GET /api/indicators lists them, e.g. ${INDICATORS[0].id}.`);
  return indicator;
}

function checkAreas(session: EngineSession, codes: string[], status: 400 | 404 = 400): string[] {
  const unknown = codes.filter((c) => !session.register.find(c.toUpperCase()));
  if (codes.length === 0) throw new RequestProblem(400, 'no-area', 'Give at least one area code, e.g. area=E09000004.');
  if (unknown.length > 0) {
    throw new RequestProblem(status, 'unknown-area', `${unknown.map((c) => `"${c}"`).join(', ')} ${unknown.length === 1 ? 'is not an area' : 'are not areas'} we know. GET /api/areas lists the areas and their codes, e.g. E09000004 for Bexley.`);
  }
  return codes.map((c) => c.toUpperCase());
}

const PERIOD_FORMS = '2019-20Q3 (a quarter), 2019-20 (a financial year), 2019 (a calendar year) or R12-2019-20Q3 (the twelve months to a quarter)';

/**
 * Whether text is a period id whose quarters are ids too. schemas/periods.ts does not pad years
 * before 1000 ('0000-01' expands to '0-01Q1', and calendar year '0000' throws), so such ids are
 * refused here rather than failing deeper down.
 */
function isPeriodId(text: string): boolean {
  try {
    const period = parsePeriodId(text);
    return period !== null && period.quarters.every((q) => parseQuarterId(q) !== null && quarterId(parseQuarterId(q)!) === q);
  } catch {
    return false;
  }
}

function checkPeriods(codes: string[]): string[] {
  if (codes.length === 0) throw new RequestProblem(400, 'no-period', `Give at least one period: ${PERIOD_FORMS}.`);
  const bad = codes.filter((p) => !isPeriodId(p));
  if (bad.length > 0) throw new RequestProblem(400, 'invalid-period', `${bad.map((p) => `"${p}"`).join(', ')} is not a period id. Write ${PERIOD_FORMS}.`);
  return codes;
}

function checkQuarter(id: string, name: string): string {
  if (!parseQuarterId(id) || !isPeriodId(id)) throw new RequestProblem(400, 'invalid-period', `${name} "${id}" is not a quarter id. Write a financial quarter like 2019-20Q3 (Q1 is April to June).`);
  return id;
}

function checkAccommodationType(indicator: IndicatorDefinition, type: string | undefined): string | null {
  if (type === undefined) return null;
  if (findReturnDefinition(indicator.source)?.keys.sub !== 'accommodation_type') {
    throw new RequestProblem(400, 'not-a-refuge-indicator', `accommodationType applies only to safe accommodation indicators; ${indicator.id} comes from the ${indicator.source} return.`);
  }
  return type;
}

function benchmarkFor(session: EngineSession, area: string, requested: string | undefined): string | null {
  const choice = session.chooseBenchmark(area, requested?.toUpperCase());
  if (!choice.ok) throw new RequestProblem(400, 'invalid-benchmark', choice.message);
  return choice.code;
}

export const indicatorRoutes: FastifyPluginAsyncZod<IndicatorRoutesOptions> = async (app, options) => {
  const engine = app.engine;
  const viewFor = options.viewFor ?? defaultView;
  const sessionFor = (request: FastifyRequest) => engine.session(viewFor(request));

  /** Runs a handler, turning a RequestProblem into its 400/404 answer. */
  const answer = async <T>(reply: FastifyReply, work: () => T) => {
    try {
      return work();
    } catch (error) {
      if (error instanceof RequestProblem) return send(reply, error);
      throw error;
    }
  };

  const errors = { 400: ErrorBodySchema, 404: ErrorBodySchema };

  app.get(
    '/indicators',
    { config: { access: SIGNED_IN }, schema: { tags: ['indicators'], summary: 'The indicator catalogue', response: { 200: IndicatorListSchema } } },
    async (request) => ({ indicators: [...INDICATORS, ...(await visibleLocalIndicators(app, request))].map(indicatorMetadata) }),
  );

  // The register cannot change while the process runs: its answer (88 KB for a national register) is built
  // on first use, then kept, and revalidated by its ETag.
  let areaList: StaticJson | null = null;
  app.get(
    '/areas',
    {
      config: { access: SIGNED_IN },
      schema: {
        tags: ['areas'],
        summary: 'The area register, with each area’s benchmark choices and children',
        description: 'Sent with a strong ETag: send it back in If-None-Match to get 304 Not Modified while the register is unchanged.',
        response: { 200: AreaListSchema, 304: z.void().describe('Not modified: the ETag in If-None-Match is current.') },
      },
    },
    async (request, reply) => {
      areaList ??= staticJson(AreaListSchema, { areas: areaEntries(engine.register) });
      return sendStaticJson(request, reply, areaList);
    },
  );

  app.get(
    '/indicators/:id/values',
    {
      config: { access: DASHBOARD_READERS },
      schema: {
        tags: ['indicators'],
        summary: 'Values of one indicator for areas × periods, each with its benchmark comparison',
        params: IdParams,
        querystring: ValuesQuerySchema,
        response: { 200: IndicatorValuesSchema, ...errors },
      },
    },
    async (request, reply) => {
      const found = await visibleIndicator(app, request, request.params.id);
      const session = await sessionFor(request);
      return answer(reply, () => {
        const indicator = indicatorOr404(request.params.id, found);
        const areas = checkAreas(session, list(request.query.area));
        const periods = checkPeriods(list(request.query.period));
        if (areas.length > MAX_AREAS_PER_REQUEST || periods.length > MAX_PERIODS_PER_REQUEST || areas.length * periods.length > MAX_VALUES_PER_REQUEST) {
          throw new RequestProblem(400, 'too-many-values', `Ask for at most ${MAX_AREAS_PER_REQUEST} areas, ${MAX_PERIODS_PER_REQUEST} periods and ${MAX_VALUES_PER_REQUEST} values in one request.`);
        }
        const type = checkAccommodationType(indicator, request.query.accommodationType);
        const benchmarks = new Map(areas.map((a) => [a, benchmarkFor(session, a, request.query.benchmark)]));
        return indicatorValues(session, indicator, areas, periods, (a) => benchmarks.get(a)!, { level: request.query.level, accommodationType: type });
      });
    },
  );

  app.get(
    '/indicators/:id/series',
    {
      config: { access: DASHBOARD_READERS },
      schema: {
        tags: ['indicators'],
        summary: 'Series of one indicator for one area at every quarter (the quarter, or the twelve months ending with it) or every financial year (for a return made once a year), with intervals and the benchmark value',
        params: IdParams,
        querystring: SeriesQuerySchema,
        response: { 200: IndicatorSeriesSchema, ...errors },
      },
    },
    async (request, reply) => {
      const found = await visibleIndicator(app, request, request.params.id);
      const session = await sessionFor(request);
      return answer(reply, () => {
        const indicator = indicatorOr404(request.params.id, found);
        const [area] = checkAreas(session, [request.query.area]);
        const type = checkAccommodationType(indicator, request.query.accommodationType);
        const span = session.quarterSpan.get(indicator.source);
        const to = request.query.to !== undefined ? checkQuarter(request.query.to, 'to') : (span?.last ?? latestCompleteQuarter(app.now()));
        let from = request.query.from !== undefined ? checkQuarter(request.query.from, 'from') : (span?.first ?? shiftQuarter(to, 1 - DEFAULT_EMPTY_SERIES_QUARTERS));
        const length = quarterOrdinal(parseQuarterId(to)!) - quarterOrdinal(parseQuarterId(from)!) + 1;
        if (length < 1) throw new RequestProblem(400, 'invalid-range', `from (${from}) is after to (${to}).`);
        if (length > MAX_SERIES_QUARTERS) {
          if (request.query.from !== undefined) throw new RequestProblem(400, 'range-too-long', `A series covers at most ${MAX_SERIES_QUARTERS} quarters; ${from} to ${to} is ${length}.`);
          from = shiftQuarter(to, 1 - MAX_SERIES_QUARTERS);
        }
        const benchmark = benchmarkFor(session, area, request.query.benchmark);
        return indicatorSeries(session, indicator, area, quarterRange(from, to), benchmark, { level: request.query.level, accommodationType: type, kind: request.query.kind });
      });
    },
  );

  app.get(
    '/indicators/:id/compare',
    {
      config: { access: DASHBOARD_READERS },
      schema: {
        tags: ['indicators'],
        summary: 'Every child of a parent area, each compared with the parent',
        params: IdParams,
        querystring: CompareQuerySchema,
        response: { 200: AreaComparisonSchema, ...errors },
      },
    },
    async (request, reply) => {
      const found = await visibleIndicator(app, request, request.params.id);
      const session = await sessionFor(request);
      return answer(reply, () => {
        const indicator = indicatorOr404(request.params.id, found);
        const [parent] = checkAreas(session, [request.query.parent]);
        const [period] = checkPeriods([request.query.period]);
        if (session.register.childrenOf(parent).length === 0) {
          throw new RequestProblem(400, 'no-children', `${session.register.find(parent)!.name} (${parent}) has no areas under it to compare. Choose a region or police force area, e.g. E23000029 Thames Valley.`);
        }
        const type = checkAccommodationType(indicator, request.query.accommodationType);
        return compareChildren(session, indicator, parent, period, { level: request.query.level, accommodationType: type });
      });
    },
  );

  app.get(
    '/indicators/:id/revisions',
    {
      config: { access: DASHBOARD_READERS },
      schema: {
        tags: ['indicators'],
        summary: "Revisions of the stored figures behind one area's indicator for a period: when, and which columns; values before and after for analysts",
        description:
          'In the suppressed view a revision names its columns only where the quarter’s figure (and, for an accommodation type, the all-types figure) is published; otherwise columns is empty. ' +
          'A revision made after the quarter was approved (locked) has afterApproval true and carries the reason its sender gave, where its columns may be named; elsewhere reason is null.',
        params: IdParams,
        querystring: RevisionsQuerySchema,
        response: { 200: IndicatorRevisionsSchema, ...errors },
      },
    },
    async (request, reply) => {
      try {
        const indicator = indicatorOr404(request.params.id, await visibleIndicator(app, request, request.params.id));
        const session = await sessionFor(request);
        const [area] = checkAreas(session, [request.query.area]);
        const [periodId] = checkPeriods([request.query.period]);
        const period = session.period(periodId);
        // The columns the figure is computed from in its own return (a population denominator is reference data).
        const columns = new Set([...indicator.numerator, ...(indicator.denominator.kind === 'columns' ? indicator.denominator.columns : [])]);
        const withValues = viewFor(request) === 'unsuppressed';
        /**
         * Whether the reader may learn which columns a revision of this quarter changed. Revisions
         * can move a small count (DOMAIN.md 8), so in the suppressed view only where the figure is
         * published ('ok'): not where it is suppressed, nor where another status (incomplete,
         * no-data) is decided before suppression and could hide a small count. A revised
         * accommodation type also needs the all-types figure published, since the type's count is
         * part of it.
         */
        const namesColumns = (quarter: string, subkey: string) => {
          if (withValues) return true;
          const types = subkey !== '' ? [subkey, null] : [null];
          return types.every((type) => session.value(indicator, area, quarter, type).status === 'ok');
        };
        const revised = (await revisionsOfArea(app.db, indicator.source, area, storedPeriodsOf(indicator.source, period)))
          // A partnership's own measure is one sub-key of its return.
          .filter((r) => indicator.subkey === undefined || r.subkey === indicator.subkey)
          .map((r) => ({ ...r, changed: r.changed.filter((c) => columns.has(c.column)) }))
          .filter((r) => r.changed.length > 0);
        // A correction to an approved (locked) quarter carries its sender's reason (DOMAIN.md 5.8).
        const corrections = await correctionsAfterApproval(app.db, [...new Set(revised.map((r) => r.submissionId))]);
        const afterApprovalOf = (r: (typeof revised)[number]) => {
          const c = corrections.get(r.submissionId);
          return c && c.keys.has(`${area}|${r.period}`) ? c.reason : null;
        };
        const revisions = revised.map((r) => {
          const reason = afterApprovalOf(r);
          return {
            quarter: r.period,
            quarterLabel: parsePeriodId(r.period)!.label,
            accommodationType: r.subkey === '' ? null : r.subkey,
            submissionId: r.submissionId,
            receivedAt: r.receivedAt,
            columns: namesColumns(r.period, r.subkey) ? r.changed.map((c) => c.column) : [],
            // A revision stored with a warning says so, where its figure may be named at all.
            warnings: namesColumns(r.period, r.subkey)
              ? r.warnings.filter((w) => w.reads.some((c) => columns.has(c))).map((w) => (withValues ? w.message : w.publicMessage))
              : [],
            submittedBy: withValues ? r.submittedBy : null,
            changes: withValues ? r.changed : null,
            afterApproval: reason !== null,
            // The sender's words, shown wherever the revision's columns may be named.
            reason: reason !== null && namesColumns(r.period, r.subkey) ? reason : null,
          };
        });
        return { indicator: indicator.id, area: areaRef(session.register, area), period: periodRef(period), revisions };
      } catch (error) {
        if (error instanceof RequestProblem) return send(reply, error);
        throw error;
      }
    },
  );

  app.get(
    '/areas/:code/summary',
    {
      config: { access: DASHBOARD_READERS },
      schema: {
        tags: ['areas'],
        summary:
          'Every indicator for one area and period, grouped by strategy aim: value, interval, benchmark comparison, the same quarter a year before, trend, sparkline points and reference. Without a period: the latest complete twelve months',
        params: CodeParams,
        querystring: SummaryQuerySchema,
        response: { 200: AreaSummarySchema, ...errors },
      },
    },
    async (request, reply) => {
      const local = await localGroupsFor(app, request, request.params.code.toUpperCase());
      const session = await sessionFor(request);
      return answer(reply, () => {
        const [area] = checkAreas(session, [request.params.code], 404);
        const requested = request.query.period;
        const period = requested !== undefined ? checkPeriods([requested])[0] : latestTwelveMonths(session, area, latestCompleteQuarter(app.now()));
        const benchmark = benchmarkFor(session, area, request.query.benchmark);
        const groups = local.map((g) => ({ aim: `local:${g.partnership}`, title: `${g.name}: local measures`, indicators: g.indicators }));
        return areaSummary(session, area, period, benchmark, request.query.level, requested !== undefined ? 'requested' : 'latest-twelve-months', groups);
      });
    },
  );
};
