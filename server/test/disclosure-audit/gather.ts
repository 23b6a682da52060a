// Why this exists: the disclosure auditor (server/engine/disclosure-audit.test.ts) plays a board
// member who collects every figure the dashboard publishes and combines them. This module does
// the collecting, through the real read API (app.inject), exactly as a signed-in reader would:
// the catalogue, the area register, and every indicator × area × period (× accommodation type)
// value, in the board's view and, as ground truth, in the analyst's. Nothing about areas,
// periods or indicators is hard-coded: everything is derived from the API's answers.
import type { FastifyInstance } from 'fastify';
import { parsePeriodId, parseQuarterId, quarterRange, shiftQuarter, type PeriodKind } from '../../../schemas/periods';
import { ACCOMMODATION_TYPES } from '../../../schemas/returns/refuge';
import { MAX_AREAS_PER_REQUEST, MAX_PERIODS_PER_REQUEST, MAX_VALUES_PER_REQUEST } from '../../routes/indicators';
import { get } from '../helpers';

export interface CatalogueEntry {
  id: string;
  source: string;
  numerator: string[];
  denominator: { kind: 'columns'; columns: string[] } | { kind: 'population'; group: string };
  counts: 'events' | 'people';
  numeratorWithinDenominator: boolean;
}

export interface AreaEntry {
  code: string;
  name: string;
  type: string;
  children: string[];
  /** Whether the engine sums the area's figures from its children (DOMAIN.md 7). */
  computedFromChildren: boolean;
}

export type Status = 'ok' | 'no-data' | 'incomplete' | 'suppressed';

/** One published value: where it is (indicator, area, period, type) and what it shows. */
export interface GatheredValue {
  indicator: string;
  area: string;
  period: string;
  /** An accommodation type, or null for the figure over all types (and for every other return). */
  type: string | null;
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  status: Status;
  source: 'returns' | 'computed' | 'imported' | null;
  /** The benchmark's value as shown beside this one (null when none is shown). */
  benchmarkArea: string | null;
  benchmarkValue: number | null;
}

export interface PeriodInfo {
  id: string;
  kind: PeriodKind;
  quarters: string[];
}

export interface Gathered {
  indicators: CatalogueEntry[];
  areas: Map<string, AreaEntry>;
  periods: Map<string, PeriodInfo>;
  /** What a board member reads, keyed by valueKey. */
  board: Map<string, GatheredValue>;
  /** The same values unsuppressed (analyst view): the ground truth. */
  analyst: Map<string, GatheredValue>;
  /** Numbers found in the board's view of revisions (must be none). */
  revisionNumbers: string[];
  revisionRequests: number;
  requests: number;
  milliseconds: { values: number; revisions: number };
}

/** The fields of a revision a board member may see: none of them is a figure. */
const REVISION_FIELDS_WITHOUT_FIGURES = new Set(['quarter', 'quarterLabel', 'accommodationType', 'submissionId', 'receivedAt', 'columns']);

export const valueKey = (indicator: string, type: string | null, area: string, period: string) => `${indicator}|${type ?? ''}|${area}|${period}`;

/** Refuge returns are broken down by accommodation type; the values route takes a type for them. */
export const isTyped = (indicator: CatalogueEntry) => indicator.source === 'refuge';

async function getJson(app: FastifyInstance, url: string, role: 'board' | 'analyst', counter: { requests: number }) {
  counter.requests++;
  const response = await get(app, url, role);
  if (response.statusCode !== 200) throw new Error(`GET ${url} as ${role}: ${response.statusCode} ${response.body.slice(0, 300)}`);
  return response.json();
}

/**
 * Every period a reader can ask for over a source's quarters: each quarter, each financial and
 * calendar year and each rolling year that includes one of them.
 */
export function periodsOver(quarters: readonly string[]): PeriodInfo[] {
  const ids = new Set<string>();
  for (const q of quarters) {
    const { startYear, quarter } = parseQuarterId(q)!;
    ids.add(q);
    ids.add(`${startYear}-${String((startYear + 1) % 100).padStart(2, '0')}`);
    // Quarter 4 (Jan–Mar) belongs to the calendar year after the financial year starts.
    ids.add(String(quarter === 4 ? startYear + 1 : startYear));
    for (let k = 0; k < 4; k++) ids.add(`R12-${shiftQuarter(q, k)}`);
  }
  return [...ids].map((id) => {
    const p = parsePeriodId(id)!;
    return { id, kind: p.kind, quarters: p.quarters };
  });
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

async function valuesOf(
  app: FastifyInstance,
  indicator: CatalogueEntry,
  type: string | null,
  areas: readonly string[],
  periods: readonly string[],
  role: 'board' | 'analyst',
  counter: { requests: number },
): Promise<GatheredValue[]> {
  const out: GatheredValue[] = [];
  const periodChunk = Math.min(MAX_PERIODS_PER_REQUEST, periods.length);
  const areaChunk = Math.max(1, Math.min(MAX_AREAS_PER_REQUEST, Math.floor(MAX_VALUES_PER_REQUEST / periodChunk)));
  for (const ps of chunks(periods, periodChunk)) {
    for (const as of chunks(areas, areaChunk)) {
      const typeParam = type === null ? '' : `&accommodationType=${type}`;
      const body = await getJson(app, `/api/indicators/${indicator.id}/values?area=${as.join(',')}&period=${ps.join(',')}${typeParam}`, role, counter);
      for (const v of body.values) {
        out.push({
          indicator: indicator.id,
          area: v.area,
          period: v.period,
          type,
          numerator: v.numerator,
          denominator: v.denominator,
          value: v.value,
          status: v.status,
          source: v.source,
          benchmarkArea: v.benchmark?.area ?? null,
          benchmarkValue: v.benchmark?.value ?? null,
        });
      }
    }
  }
  return out;
}

/** A value is "with figures" when the analyst sees a source for it or any number in it. */
const hasFigures = (v: GatheredValue) => v.source !== null || v.numerator !== null || v.denominator !== null || v.value !== null;

export async function gather(app: FastifyInstance): Promise<Gathered> {
  const started = Date.now();
  const counter = { requests: 0 };
  const indicators = (await getJson(app, '/api/indicators', 'board', counter)).indicators as CatalogueEntry[];
  const areaList = (await getJson(app, '/api/areas', 'board', counter)).areas as AreaEntry[];
  const areas = new Map(areaList.map((a) => [a.code, { code: a.code, name: a.name, type: a.type, children: a.children, computedFromChildren: a.computedFromChildren }]));
  const allAreas = [...areas.keys()];

  // The demo span of each source: a series with no range runs from the first to the last
  // quarter with data for the indicator's return.
  const spans = new Map<string, string[]>();
  for (const indicator of indicators) {
    if (spans.has(indicator.source)) continue;
    const series = await getJson(app, `/api/indicators/${indicator.id}/series?area=${allAreas[0]}`, 'analyst', counter);
    const quarters = (series.points as Array<{ period: string }>).map((p) => p.period);
    spans.set(indicator.source, quarters.length === 0 ? [] : quarterRange(quarters[0], quarters[quarters.length - 1]));
  }

  const periods = new Map<string, PeriodInfo>();
  const board = new Map<string, GatheredValue>();
  const analyst = new Map<string, GatheredValue>();
  for (const indicator of indicators) {
    const sourcePeriods = periodsOver(spans.get(indicator.source)!);
    for (const p of sourcePeriods) periods.set(p.id, p);
    const periodIds = sourcePeriods.map((p) => p.id);
    if (periodIds.length === 0) continue;
    const types: Array<string | null> = isTyped(indicator) ? [null, ...ACCOMMODATION_TYPES] : [null];
    // Ground truth first, over every area; then the board's view of the areas with figures.
    const truth = (await Promise.all(types.map((t) => valuesOf(app, indicator, t, allAreas, periodIds, 'analyst', counter)))).flat();
    const withFigures = [...new Set(truth.filter(hasFigures).map((v) => v.area))];
    for (const v of truth) if (withFigures.includes(v.area)) analyst.set(valueKey(v.indicator, v.type, v.area, v.period), v);
    if (withFigures.length === 0) continue;
    const shown = (await Promise.all(types.map((t) => valuesOf(app, indicator, t, withFigures, periodIds, 'board', counter)))).flat();
    for (const v of shown) board.set(valueKey(v.indicator, v.type, v.area, v.period), v);
  }

  // Revisions in the board's view: when, which quarter and which columns, never a value. Every
  // quarter is covered by its financial year.
  const revisionNumbers: string[] = [];
  const before = counter.requests;
  const valuesDone = Date.now();
  const areasWithFigures = [...new Set([...analyst.values()].map((v) => v.area))];
  const years = [...periods.values()].filter((p) => p.kind === 'financial-year').map((p) => p.id);
  for (const indicator of indicators) {
    for (const area of areasWithFigures) {
      for (const year of years) {
        const body = await getJson(app, `/api/indicators/${indicator.id}/revisions?area=${area}&period=${year}`, 'board', counter);
        for (const r of body.revisions as Array<Record<string, unknown>>) {
          // Which quarter, type and columns changed, and when, are not figures; anything else
          // (the values before and after, who sent them, a field we do not know) counts as one.
          const unknownFields = Object.keys(r).filter((k) => !REVISION_FIELDS_WITHOUT_FIGURES.has(k) && r[k] !== null);
          if (unknownFields.length > 0) revisionNumbers.push(`${indicator.id} ${area} ${year}: ${unknownFields.join(', ')} in ${JSON.stringify(r).slice(0, 200)}`);
        }
      }
    }
  }
  const milliseconds = { values: valuesDone - started, revisions: Date.now() - valuesDone };
  return { indicators, areas, periods, board, analyst, revisionNumbers, revisionRequests: counter.requests - before, requests: counter.requests, milliseconds };
}
