// The yearly safe accommodation duty return (DOMAIN.md 5.9) end to end, through the real routes:
// a partner's file for a financial year uploaded, its indicators' known answers, the periods a
// yearly return answers (a financial year, or the rolling year ending with its Q4) and those it
// does not (a quarter, a calendar year, other rolling years: no data, with a note saying why),
// a figure by kind of accommodation, its template's drop-downs, and its deadline and status.
//
// The example row (server/test/rows.ts) is Bexley's refuge in 2022-23: 150 households referred,
// 52 accommodated, 50 not accommodated for lack of space, 34 of the 52 from another authority;
// Bexley's mid-2022 population (the estimate a financial year 2022-23 uses) 248,287. The limits
// were worked out by hand from DOMAIN.md section 7's formulas (Wilson; Byar from 10 events),
// independently of server/engine/statistics.ts.
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INDICATORS } from '../../schemas/indicators';
import { getAs, load, valueOf } from '../routes/indicators.test-support';
import { buildTestApp, get, request, signIn, upload } from '../test/helpers';
import { csvOf, validRow } from '../test/rows';

const NOW = new Date('2026-11-22T12:00:00Z');
const BEXLEY = 'E09000004';
const YEAR = '2022-23';

type Answer = [id: string, numerator: number, denominator: number, value: number, lower95: number, upper95: number];
const ANSWERS: Answer[] = [
  ['safe-accommodation-accommodated-pct', 52, 150, 34.6666667, 27.5195089, 42.5795786],
  ['safe-accommodation-households-rate', 52, 248_287, 0.2094350, 0.1564049, 0.2746518],
  ['safe-accommodation-no-space-pct', 50, 150, 33.3333333, 26.2887648, 41.2102434],
  ['safe-accommodation-out-of-area-pct', 34, 52, 65.3846154, 51.8035541, 76.8489924],
];

let app: FastifyInstance;
beforeAll(async () => {
  app = await buildTestApp(NOW);
  await load(app, 'population', [{ year: '2022' }]);
  // A sanctuary scheme row beside the refuge's: all kinds add up unless one is chosen.
  await load(app, 'safe-accommodation', [
    {},
    {
      accommodation_type: 'sanctuary_scheme', units_at_year_end: 12, households_referred: 40, households_accommodated: 30, households_not_accommodated: 10,
      not_accommodated_no_space: 0, not_accommodated_needs_not_met: 1, not_accommodated_no_recourse: 0, not_accommodated_declined: 7, not_accommodated_other: 2,
      children_accommodated: 41, households_from_outside_area: 0, support_advocacy: 27, support_prevention_advice: 30, support_specialist: 5, support_children: 16,
      support_housing: 9, support_financial_legal: 12, support_counselling_therapy: 6,
    },
  ]);
});
afterAll(async () => {
  await app.close();
});

describe('known answers for the safe accommodation indicators (one kind of accommodation: refuge)', () => {
  it('has an answer for every indicator of the return', () => {
    expect(ANSWERS.map(([id]) => id).sort()).toEqual(INDICATORS.filter((i) => i.source === 'safe-accommodation').map((i) => i.id).sort());
  });

  it.each(ANSWERS)('%s', async (id, numerator, denominator, value, lower95, upper95) => {
    const v = await valueOf(app, id, BEXLEY, YEAR, '&accommodationType=refuge', 'analyst');
    expect(v).toMatchObject({ status: 'ok', numerator, denominator });
    expect(v.value).toBeCloseTo(value, 6);
    expect(v.lower95).toBeCloseTo(lower95, 6);
    expect(v.upper95).toBeCloseTo(upper95, 6);
  });

  it('adds up the kinds of accommodation when none is chosen', async () => {
    expect(await valueOf(app, 'safe-accommodation-accommodated-pct', BEXLEY, YEAR, '', 'analyst')).toMatchObject({ status: 'ok', numerator: 82, denominator: 190 });
    expect(await valueOf(app, 'safe-accommodation-accommodated-pct', BEXLEY, YEAR, '&accommodationType=sanctuary_scheme', 'analyst')).toMatchObject({ numerator: 30, denominator: 40 });
  });
});

describe('the periods a yearly return answers', () => {
  it('gives the rolling year ending with the Q4 the financial year’s figure', async () => {
    expect(await valueOf(app, 'safe-accommodation-accommodated-pct', BEXLEY, 'R12-2022-23Q4', '', 'analyst')).toMatchObject({ status: 'ok', numerator: 82, denominator: 190 });
  });

  it.each(['2022-23Q4', '2022-23Q1', '2022', 'R12-2022-23Q2'])('has no figure for %s, and says the return is yearly', async (period) => {
    const v = await valueOf(app, 'safe-accommodation-accommodated-pct', BEXLEY, period, '', 'analyst');
    expect(v).toMatchObject({ status: 'no-data', numerator: null, value: null });
    expect(v.note).toMatch(/once a year, for a financial year/);
    expect(v.note).toMatch(/such as 2022-23/);
  });

  it('shows a board member a year with a small count as suppressed', async () => {
    // 0 households from another authority in the sanctuary scheme is shown; 1 to 4 would not be.
    const { status } = await upload(app, 'safe-accommodation', csvOf([validRow('safe-accommodation', { period: '2023-24', households_from_outside_area: 3 })]));
    expect(status).toBe(201);
    expect(await valueOf(app, 'safe-accommodation-out-of-area-pct', BEXLEY, '2023-24')).toMatchObject({ status: 'suppressed', value: null });
    expect(await valueOf(app, 'safe-accommodation-out-of-area-pct', BEXLEY, 'R12-2023-24Q4')).toMatchObject({ status: 'suppressed', value: null });
    expect(await valueOf(app, 'safe-accommodation-out-of-area-pct', BEXLEY, YEAR, '&accommodationType=sanctuary_scheme', 'board')).toMatchObject({ status: 'ok', value: 0 });
  });
});

describe('uploading a yearly return', () => {
  it('refuses a quarter in the period column, saying which financial year to write, and stores nothing', async () => {
    const { status, body } = await upload(app, 'safe-accommodation', csvOf([validRow('safe-accommodation', { period: '2022-23 Q3' })]));
    expect(status).toBe(422);
    expect(body.errors).toEqual([expect.objectContaining({ row: 2, column: 'period', value: '2022-23 Q3', code: 'invalid-period', message: expect.stringMatching(/"2022-23"/) })]);
  });

  it('refuses a financial year that has not ended', async () => {
    const { status, body } = await upload(app, 'safe-accommodation', csvOf([validRow('safe-accommodation', { period: '2026/27' })]));
    expect(status).toBe(422);
    expect(body.errors[0]).toMatchObject({ column: 'period', code: 'future-period' });
  });

  it('accepts a year written 2021/22, stored as 2021-22, and keeps its revisions', async () => {
    const first = await upload(app, 'safe-accommodation', csvOf([validRow('safe-accommodation', { period: '2021/22' })]));
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body.submission.periods).toEqual(['2021-22']);
    const second = await upload(app, 'safe-accommodation', csvOf([validRow('safe-accommodation', { period: '2021-22', units_at_year_end: 19 })]));
    expect(second.status).toBe(201);
    const revisions = (await get(app, `/api/returns/safe-accommodation/revisions?area=${BEXLEY}&period=2021-22&subkey=refuge`)).json().revisions;
    expect(revisions).toHaveLength(2);
  });
});

describe('its template', () => {
  it('is pre-filled for the latest financial year ended, a row per kind of accommodation, with the years in the drop-down', async () => {
    const response = await request(app, { method: 'GET', url: `/api/returns/safe-accommodation/template.xlsx?area=${BEXLEY}` });
    expect(response.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Return')!;
    expect(sheet.getRow(2).getCell(1).value).toBe('2025-26');
    expect(sheet.actualRowCount - 1).toBe(5);
    const lists = workbook.getWorksheet('Lists')!;
    expect([2, 3, 4].map((r) => lists.getRow(r).getCell(4).value)).toEqual(['2025-26', '2024-25', '2023-24']);
    expect(lists.getRow(1).getCell(4).value).toBe('Financial year');
    const validations = (sheet as unknown as { dataValidations: { model: Record<string, { type: string; formulae: string[] }> } }).dataValidations.model;
    expect(Object.entries(validations).find(([range]) => range.startsWith('A2'))?.[1]).toMatchObject({ type: 'list', formulae: ['Lists!$D$2:$D$4'] });
  });

  it('is pre-filled for a year asked for, and refuses a quarter or a year not yet ended', async () => {
    const csv = await request(app, { method: 'GET', url: `/api/returns/safe-accommodation/template.csv?area=${BEXLEY}&period=2023/24` });
    expect(csv.body.split('\r\n')[1]).toMatch(/^2023-24,E09000004,refuge,/);
    expect((await request(app, { method: 'GET', url: `/api/returns/safe-accommodation/template.csv?area=${BEXLEY}&period=2023-24 Q2` })).json()).toMatchObject({ code: 'invalid-period' });
    expect((await request(app, { method: 'GET', url: `/api/returns/safe-accommodation/template.csv?area=${BEXLEY}&period=2026-27` })).json()).toMatchObject({ code: 'future-period' });
  });
});

describe('its deadline and status in the cycle', () => {
  it('is due on 31 July after the financial year by default', async () => {
    const deadlines = (await get(app, '/api/cycle/deadlines')).json().deadlines as Array<{ returnType: string; frequency: string; daysAfterQuarterEnd: number }>;
    expect(deadlines.find((d) => d.returnType === 'safe-accommodation')).toMatchObject({ frequency: 'yearly', daysAfterQuarterEnd: 122 });
    expect(deadlines.find((d) => d.returnType === 'police')).toMatchObject({ frequency: 'quarterly', daysAfterQuarterEnd: 30 });
  });

  it('has a cell for each financial year ending in the quarters asked for, after its Q4', async () => {
    const body = (await get(app, `/api/cycle/status?type=safe-accommodation,police&area=${BEXLEY}&from=2022-23Q3&to=2025-26Q1`)).json();
    expect(body.quarters.slice(0, 4)).toEqual(['2022-23Q3', '2022-23Q4', '2022-23', '2023-24Q1']);
    const yearly = body.items.filter((c: { returnType: string }) => c.returnType === 'safe-accommodation');
    expect(yearly.map((c: { quarter: string }) => c.quarter)).toEqual(['2022-23', '2023-24', '2024-25']);
    // Sent in November 2026: received after 31 July 2023, so late; 2024-25 never sent.
    expect(yearly[0]).toMatchObject({ dueOn: '2023-07-31', status: 'late' });
    expect(yearly[2]).toMatchObject({ dueOn: '2025-07-31', status: 'overdue' });
    const police = body.items.filter((c: { returnType: string }) => c.returnType === 'police');
    expect(police.map((c: { quarter: string }) => c.quarter)).toHaveLength(11);
  });

  it('lets an administrator move one year’s deadline, and refuses a quarter for it', async () => {
    const admin = await signIn(app, 'admin');
    const put = (payload: object) => app.inject({ method: 'PUT', url: '/api/admin/deadlines', headers: admin.headers, payload });
    expect((await put({ returnType: 'safe-accommodation', quarter: '2025-26', dueOn: '2026-12-31' })).statusCode).toBe(200);
    const cell = (await get(app, `/api/cycle/status?type=safe-accommodation&area=${BEXLEY}&from=2025-26Q4&to=2025-26Q4`)).json().items[0];
    expect(cell).toMatchObject({ quarter: '2025-26', dueOn: '2026-12-31', status: 'due' });
    const quarter = await put({ returnType: 'safe-accommodation', quarter: '2025-26Q4', dueOn: '2026-12-31' });
    expect(quarter.statusCode).toBe(400);
    expect(quarter.json().message).toMatch(/financial year/);
  });

  it('lets the sending partner sign off a financial year', async () => {
    const partner = await signIn(app, 'partner', [{ returnType: 'safe-accommodation', areaCode: BEXLEY }], 'council');
    const response = await app.inject({ method: 'POST', url: '/api/cycle/sign-offs', headers: partner.headers, payload: { returnType: 'safe-accommodation', area: BEXLEY, quarter: YEAR } });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({ quarter: YEAR, status: 'signed-off' });
  });

  it('is shown to a board member as the dashboard shows any indicator', async () => {
    const { status, body } = await getAs(app, 'board', `/api/indicators/safe-accommodation-accommodated-pct/values?area=${BEXLEY}&period=${YEAR}`);
    expect(status).toBe(200);
    expect(body.values[0]).toMatchObject({ status: 'ok', numerator: 82 });
  });
});
