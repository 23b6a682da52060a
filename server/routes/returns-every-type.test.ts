// Everything the dashboard does for a return, shown for every partner return in the registry,
// with the demo data loaded: its periods (a year is its quarters, unless it counts people),
// benchmarks (a parent is its children), disclosure control (a small count hides its quarter and
// every year that contains it), revisions, exports, the quarter's cycle and templates with
// drop-downs. Nothing here names a return type: a new one in schemas/returns/index.ts is tested
// as soon as it is registered, and the demo data must send it. A yearly return (its definition's
// frequency) is made for financial years: its year is one stored row, and it has no figure for a
// quarter, a calendar year or twelve months that are not a financial year. A return expected only
// where a partnership defines what it reports (the local-measure return) is read through the
// measures the demo defines, each for its partnership's area; a check that cannot apply to it says
// why where it returns early.
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INDICATORS, isCount, type IndicatorDefinition } from '../../schemas/indicators';
import { parsePeriodId } from '../../schemas/periods';
import { PARTNER_RETURN_DEFINITIONS } from '../../schemas/returns';
import { calendarOfReturn, expectedOnlyWhereDefined, keyColumn } from '../../schemas/returns/definition';
import { loadDemoData } from '../demo/load';
import { buildTestApp, get, multipartBody, signIn } from '../test/helpers';

const NOW = new Date('2026-11-22T12:00:00Z');
const BEDFORDSHIRE = 'E23000026';
const BEDFORDSHIRE_AUTHORITIES = ['E06000055', 'E06000056', 'E06000032'];
const THAMES_VALLEY_AUTHORITIES = ['E06000060', 'E10000025', 'E06000036', 'E06000037', 'E06000038', 'E06000039', 'E06000040', 'E06000041', 'E06000042'];
const OXFORDSHIRE = 'E10000025';
const YEAR = '2022-23';
const PERIODS_OF_A_YEAR = [YEAR, '2022', 'R12-2022-23Q2'];
/** Financial years searched for small counts: every other one of the demo's complete years. */
const YEARS_SEARCHED = ['2018-19', '2020-21', '2022-23', '2024-25'];
/** Exports start with a byte-order mark, so that Excel reads them as UTF-8. */
const withoutBom = (text: string) => text.replace(/^\ufeff/, '');

interface Value {
  area: string;
  period: string;
  numerator: number | null;
  denominator: number | null;
  status: string;
  benchmark: { area: string; significance: string } | null;
}

let app: FastifyInstance;
/** Loading the whole demo takes a few seconds, more on a busy machine. */
const DEMO_LOAD_TIMEOUT_MS = 120_000;

/**
 * Counts from 1 to 19 are suppressed here (the default hides 1 to 4; the threshold is set by
 * SUPPRESSION_THRESHOLD), so that every return's demo data has small counts to hide: the
 * children's social care return's smallest are in the teens.
 */
const THRESHOLD = 20;

beforeAll(async () => {
  app = await buildTestApp(NOW, { suppressionThreshold: THRESHOLD });
  await loadDemoData(app.db, NOW);
}, DEMO_LOAD_TIMEOUT_MS);
afterAll(async () => {
  await app.close();
});

async function values(indicator: string, areas: string[], periods: string[], role: 'analyst' | 'board' = 'analyst'): Promise<Value[]> {
  const response = await get(app, `/api/indicators/${indicator}/values?area=${areas.join(',')}&period=${periods.join(',')}`, role);
  expect(response.statusCode, response.body).toBe(200);
  return response.json().values;
}

const at = (list: Value[], area: string, period: string) => list.find((v) => v.area === area && v.period === period)!;

describe.each(PARTNER_RETURN_DEFINITIONS.map((d) => [d.type, d] as const))('%s', (type, definition) => {
  const whereDefined = expectedOnlyWhereDefined(definition);
  /** The return's indicators: the catalogue's, or for a where-defined return every partnership's own measures of it. */
  let indicators: IndicatorDefinition[] = INDICATORS.filter((i) => i.source === type);
  let events = indicators.filter((i) => i.counts === 'events');
  /** The area an indicator is read for: Oxfordshire, or a local measure's partnership's first area. */
  const areaOf = new Map<string, string>();
  const areaFor = (indicator: IndicatorDefinition) => areaOf.get(indicator.id) ?? OXFORDSHIRE;
  /** The area whose rows the correction and cycle checks read. */
  let AREA = OXFORDSHIRE;
  beforeAll(async () => {
    if (!whereDefined) return;
    const partnerships = (await get(app, '/api/partnerships', 'admin')).json().partnerships as Array<{ id: number; areas: string[]; members: Array<{ id: number }> }>;
    indicators = partnerships.flatMap((p) => app.engine.catalogue.localOf(p.id).filter((i) => i.source === type));
    // Only a partnership's members see its own measures: this test's analyst and board member join each.
    const readers = [(await signIn(app, 'analyst')).userId, (await signIn(app, 'board')).userId];
    const admin = await signIn(app, 'admin');
    for (const p of partnerships.filter((p) => indicators.some((i) => i.partnership === p.id))) {
      const joined = await app.inject({ method: 'PATCH', url: `/api/partnerships/${p.id}`, headers: admin.headers, payload: { members: [...new Set([...p.members.map((m) => m.id), ...readers])] } });
      expect(joined.statusCode, joined.body).toBe(200);
    }
    events = indicators.filter((i) => i.counts === 'events');
    for (const i of indicators) areaOf.set(i.id, partnerships.find((p) => p.id === i.partnership)!.areas[0]);
    AREA = areaOf.get(indicators[0]?.id) ?? OXFORDSHIRE;
  });
  const calendar = calendarOfReturn(definition);
  const yearly = calendar.frequency === 'yearly';
  /** The stored periods a year is made of: its quarters, or a yearly return's year itself. */
  const storedIn = (year: string) => (yearly ? [year] : parsePeriodId(year)!.quarters);
  /** A period whose row the correction test changes: 2019-20 Q3, or a yearly return's 2019-20. */
  const CORRECTED = yearly ? '2019-20' : '2019-20Q3';

  it('has indicators in the catalogue', () => {
    expect(indicators.length).toBeGreaterThan(0);
  });

  it('adds up a financial, calendar and rolling year from its quarters (a yearly return: answers its financial year, and no other period)', async () => {
    if (yearly) {
      for (const indicator of indicators) {
        const area = areaFor(indicator);
        const list = await values(indicator.id, [area], [YEAR, 'R12-2022-23Q4', ...PERIODS_OF_A_YEAR.slice(1), ...parsePeriodId(YEAR)!.quarters]);
        expect(at(list, area, YEAR).status, indicator.id).toBe('ok');
        expect(at(list, area, 'R12-2022-23Q4')).toMatchObject({ status: 'ok', numerator: at(list, area, YEAR).numerator });
        for (const v of list.filter((v) => v.period !== YEAR && v.period !== 'R12-2022-23Q4')) {
          expect(v.status, `${indicator.id} ${v.period}`).toBe('no-data');
          expect((v as Value & { note: string }).note, `${indicator.id} ${v.period}`).toMatch(/once a year/);
        }
      }
      return;
    }
    for (const indicator of events) {
      const area = areaFor(indicator);
      const list = await values(indicator.id, [area], [...PERIODS_OF_A_YEAR, ...new Set(PERIODS_OF_A_YEAR.flatMap((p) => parsePeriodId(p)!.quarters))]);
      for (const period of PERIODS_OF_A_YEAR) {
        const quarters = parsePeriodId(period)!.quarters.map((q) => at(list, area, q));
        expect(at(list, area, period).status, `${indicator.id} ${period}`).toBe('ok');
        expect(at(list, area, period).numerator, `${indicator.id} ${period}`).toBe(quarters.reduce((s, q) => s + q.numerator!, 0));
      }
    }
  });

  it("works out a police force area's figure from its authorities, and compares each authority with it (a count: not compared)", async () => {
    // A partnership's own measure is reported only by its own areas, so a police force area is not
    // the sum of authorities that all report it: it has a benchmark only where every area of the
    // comparator reports the same measure, which local-measures.test.ts shows.
    if (whereDefined) return;
    for (const indicator of indicators) {
      const list = await values(indicator.id, [BEDFORDSHIRE, ...BEDFORDSHIRE_AUTHORITIES], [YEAR]);
      const parent = at(list, BEDFORDSHIRE, YEAR);
      expect(parent.status, indicator.id).toBe('ok');
      expect(parent.numerator, indicator.id).toBe(BEDFORDSHIRE_AUTHORITIES.reduce((s, a) => s + at(list, a, YEAR).numerator!, 0));
      const child = at(list, BEDFORDSHIRE_AUTHORITIES[1], YEAR);
      expect(child.benchmark?.area, indicator.id).toBe(BEDFORDSHIRE);
      if (isCount(indicator)) expect(child.benchmark?.significance, indicator.id).toBe('not-compared');
    }
  });

  it('hides from a board member a small count, its quarter, and every year that contains it', async () => {
    const areas = [...THAMES_VALLEY_AUTHORITIES, ...BEDFORDSHIRE_AUTHORITIES];
    let small = 0;
    for (const year of YEARS_SEARCHED) {
      const quarters = storedIn(year);
      for (const indicator of events) {
        const truth = await values(indicator.id, areas, quarters, 'analyst');
        const board = await values(indicator.id, areas, [...new Set([...quarters, year])], 'board');
        const byColumns = indicator.denominator.kind === 'columns';
        for (const v of truth) {
          const counts = [v.numerator, byColumns ? v.denominator : null, byColumns && indicator.numeratorWithinDenominator ? v.denominator! - v.numerator! : null];
          if (!counts.some((c) => c !== null && c >= 1 && c < THRESHOLD)) continue;
          small++;
          expect(at(board, v.area, v.period).status, `${indicator.id} ${v.area} ${v.period}`).toBe('suppressed');
          expect(at(board, v.area, year).status, `${indicator.id} ${v.area} ${year}`).toBe('suppressed');
        }
      }
    }
    // The demo has small counts in every return, so this test can fail.
    expect(small).toBeGreaterThan(0);
  });

  it('exports a submission in its template layout, which uploads again without a change', async () => {
    const list = (await get(app, `/api/submissions?type=${type}&limit=1`)).json();
    expect(list.total).toBeGreaterThan(0);
    const id = list.items[0].id;
    const exported = await get(app, `/api/submissions/${id}/export.csv`);
    expect(exported.statusCode).toBe(200);
    expect(withoutBom(exported.body).split(/\r?\n/)[0]).toBe(definition.columns.map((c) => c.name).join(','));
    const { payload, headers } = multipartBody(exported.body);
    const again = await app.inject({ method: 'POST', url: `/api/returns/${type}?dryRun=true`, payload, headers: { ...(await signIn(app, 'analyst')).headers, ...headers } });
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toMatchObject({ changes: [], clears: [] });
  });

  it('keeps a correction as a revision of the row it replaces', async () => {
    const detail = (await get(app, `/api/submissions?type=${type}&area=${AREA}&period=${CORRECTED}&limit=1`)).json();
    const submission = (await get(app, `/api/submissions/${detail.items[0].id}`)).json();
    const row = submission.rowsStored.find((r: { areaCode: string; period: string }) => r.areaCode === AREA && r.period === CORRECTED);
    const exported = withoutBom((await get(app, `/api/submissions/${submission.id}/export.csv`)).body).split(/\r?\n/);
    const line = exported.find((l) => l.includes(AREA) && l.startsWith(`${CORRECTED},`) && (row.subkey === '' || l.includes(row.subkey)))!;
    // Notes are free text: a change there is a correction as good as any figure's.
    const corrected = `${exported[0]}\n${line.replace(/,[^,]*$/, ',Corrected after checking the source system.')}\n`;
    const { payload, headers } = multipartBody(corrected);
    const stored = await app.inject({ method: 'POST', url: `/api/returns/${type}`, payload, headers: { ...(await signIn(app, 'analyst')).headers, ...headers } });
    expect(stored.statusCode, stored.body).toBe(201);
    const revisions = (await get(app, `/api/returns/${type}/revisions?area=${AREA}&period=${CORRECTED}&subkey=${row.subkey}`)).json().revisions;
    expect(revisions.length).toBe(2);
    expect(revisions[1]).toMatchObject({ current: true, notes: 'Corrected after checking the source system.' });
  });

  it('has a deadline and a status in the quarter’s cycle', async () => {
    const deadlines = (await get(app, '/api/cycle/deadlines')).json().deadlines as Array<{ returnType: string }>;
    expect(deadlines.map((d) => d.returnType)).toContain(type);
    // The quarter that ends 2022-23: a yearly return's cell is that financial year.
    const status = (await get(app, `/api/cycle/status?type=${type}&area=${AREA}&from=2022-23Q4&to=2022-23Q4`)).json();
    expect(status.items.map((i: { quarter: string }) => i.quarter)).toEqual(yearly ? [YEAR] : ['2022-23Q4']);
    expect(status.items.length, JSON.stringify(status)).toBeGreaterThan(0);
    // Every demo sender, local measures' included (server/demo/local-measures.ts), sends each
    // quarter before its deadline.
    for (const item of status.items) expect(item.status, JSON.stringify(item)).toBe('received');
  });

  it('has an Excel template with drop-downs for its area, its period and any column with choices', async () => {
    const response = await app.inject({ url: `/api/returns/${type}/template.xlsx?area=${OXFORDSHIRE}`, headers: (await signIn(app, 'analyst')).headers });
    expect(response.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Return')!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1) as string[];
    const validations = (sheet as unknown as { dataValidations: { model: Record<string, { type: string }> } }).dataValidations.model;
    const listed = (name: string) => {
      const letter = String.fromCharCode(65 + header.indexOf(name));
      return Object.entries(validations).some(([range, v]) => range.startsWith(`${letter}2`) && v.type === 'list');
    };
    expect(listed(definition.keys.area)).toBe(true);
    expect(listed(definition.keys.period)).toBe(true);
    const sub = keyColumn(definition, 'sub');
    if (sub?.choices) {
      expect(listed(sub.name)).toBe(true);
      // Pre-filled: a row for each choice.
      expect(sheet.actualRowCount - 1).toBe(sub.choices.length);
    }
  });
});
