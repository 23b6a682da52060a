// A return type that names its keys differently from every built-in one (its area column is
// `authority`, its period column `quarter`, and its rows are kept per `site`) goes through every
// route a partner and an analyst use: templates, upload, dry run, refusals, resubmission,
// submissions, export and revisions. It proves that nothing outside the definition assumes a
// column name such as `area_code`: before definitions declared their keys, this upload answered 500.
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerReturnDefinition } from '../../schemas/returns';
import { choice, count, localAuthority, notesColumn, periodColumn } from '../../schemas/returns/columns';
import type { ReturnDefinition, ReturnTypeId } from '../../schemas/returns/definition';
import { notMoreThan } from '../../schemas/returns/rules';
import { buildTestApp, csv, get, multipartBody, signIn, tableCounts, upload } from '../test/helpers';

const TYPE = 'shelter-test' as ReturnTypeId;
const BEXLEY = 'E09000004';
const BARNET = 'E09000003';
/** Buckinghamshire County Council's code before 1 April 2020; stored under E06000060. */
const OLD_BUCKINGHAMSHIRE = 'E10000002';

const shelter: ReturnDefinition = {
  type: TYPE,
  title: 'Shelter return (test)',
  sentBy: 'a test shelter provider',
  reference: false,
  columns: [
    localAuthority('authority'),
    { ...periodColumn, name: 'quarter' },
    choice('site', 'The site', ['north', 'south']),
    count('beds', 'Beds at the end of the quarter'),
    count('beds_used', 'Beds in use at the end of the quarter'),
    notesColumn,
  ],
  keys: { area: 'authority', period: 'quarter', sub: 'site' },
  rules: [notMoreThan('beds_used', 'beds', 'error', 'Beds in use are among the beds, so there cannot be more of them.')],
};

const HEADER = ['authority', 'quarter', 'site', 'beds', 'beds_used', 'notes'];

let app: FastifyInstance;
let unregister: () => void;
beforeAll(async () => {
  unregister = registerReturnDefinition(shelter);
  app = await buildTestApp();
});
afterAll(async () => {
  await app.close();
  unregister();
});

async function send(content: string, options: { dryRun?: boolean; confirmClear?: boolean; as?: { headers: Record<string, string> } } = {}) {
  const { payload, headers } = multipartBody(content);
  const identity = options.as ?? (await signIn(app, 'analyst'));
  const query = [options.dryRun ? 'dryRun=true' : '', options.confirmClear ? 'confirmClear=true' : ''].filter(Boolean).join('&');
  const response = await app.inject({ method: 'POST', url: `/api/returns/${TYPE}${query ? `?${query}` : ''}`, payload, headers: { ...identity.headers, ...headers } });
  expect(response.statusCode, response.body).toBeLessThan(500);
  return { status: response.statusCode, body: response.json() };
}

describe('a return whose area column is "authority" and whose rows are kept per site', () => {
  it('has a CSV template in its own columns, pre-filled with a row per area and site', async () => {
    const blank = await get(app, `/api/returns/${TYPE}/template.csv`);
    expect(blank.statusCode).toBe(200);
    expect(blank.body.trim()).toBe(HEADER.join(','));
    const filled = await get(app, `/api/returns/${TYPE}/template.csv?area=${BEXLEY}&period=2019-20Q3`);
    expect(filled.body.trim().split(/\r?\n/)).toEqual([HEADER.join(','), `${BEXLEY},2019-20 Q3,north,,,`, `${BEXLEY},2019-20 Q3,south,,,`]);
  });

  it('has an Excel template with drop-downs for the area, the quarter and the site', async () => {
    const response = await app.inject({ url: `/api/returns/${TYPE}/template.xlsx?area=${BEXLEY}`, headers: (await signIn(app, 'analyst')).headers });
    expect(response.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Return')!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(['authority', 'area_name', 'quarter', 'site', 'beds', 'beds_used', 'notes']);
    expect(sheet.getCell('B2').value).toMatchObject({ result: 'Bexley' });
    const validations = (sheet as unknown as { dataValidations: { model: Record<string, { formulae: string[] }> } }).dataValidations.model;
    const formulaOf = (letter: string) => Object.entries(validations).find(([range]) => range.startsWith(`${letter}2`))?.[1].formulae[0];
    expect(formulaOf('A')).toMatch(/^Lists!\$A\$2/);
    expect(formulaOf('C')).toMatch(/^Lists!\$D\$2/);
    expect(formulaOf('D')).toBe('Lists!$F$2:$F$3');
    expect(workbook.getWorksheet('Lists')!.getCell('F3').value).toBe('south');
  });

  it('stores a file made from its template, keyed by authority, quarter and site', async () => {
    const file = csv(HEADER, [
      [BEXLEY, '2019-20 Q3', 'north', 20, 15, ''],
      [BEXLEY, '2019-20 Q3', 'south', 12, 12, 'full all quarter'],
    ]);
    const dry = await send(file, { dryRun: true });
    expect(dry.status).toBe(200);
    const { status, body } = await send(file);
    expect(status).toBe(201);
    expect(body.submission).toMatchObject({ returnType: TYPE, rows: 2, areas: [BEXLEY], periods: ['2019-20Q3'] });
    const detail = await get(app, `/api/submissions/${body.submission.id}`);
    expect(detail.json().rowsStored.map((r: { subkey: string; values: object }) => [r.subkey, r.values])).toEqual([
      ['north', { beds: 20, beds_used: 15 }],
      ['south', { beds: 12, beds_used: 12 }],
    ]);
  });

  it('names its own area column in every problem about the area', async () => {
    const before = await tableCounts(app);
    const { status, body } = await send(
      csv(HEADER, [
        ['Nowhere', '2019-20 Q3', 'north', 1, 1, ''],
        [BARNET, '2019-20 Q3', 'north', 5, 6, ''],
        [BARNET, '2019-20 Q2', 'east', 5, 1, ''],
        [BARNET, '2019-20 Q3', 'south', 5, 1, ''],
        [BARNET, '2019-20 Q3', 'south', 5, 2, ''],
      ]),
    );
    expect(status).toBe(422);
    expect(body.errors.map((e: { row: number; column: string; code: string }) => [e.row, e.column, e.code])).toEqual([
      [2, 'authority', 'unknown-area'],
      [3, 'beds_used', 'beds-used-more-than-beds'],
      [4, 'site', 'invalid-choice'],
      [6, 'authority', 'duplicate-row'],
    ]);
    expect(body.errors[3].message).toContain('same area, period and site as row 5');
    expect(await tableCounts(app)).toEqual(before);
  });

  it('warns about a predecessor code in its own area column and stores the row under the successor', async () => {
    const { status, body } = await send(csv(HEADER, [[OLD_BUCKINGHAMSHIRE, '2020-21 Q1', 'north', 8, 3, '']]));
    expect(status).toBe(201);
    expect(body.warnings[0]).toMatchObject({ row: 2, column: 'authority', code: 'predecessor-area-code' });
    expect(body.submission.areas).toEqual(['E06000060']);
  });

  it("refuses a partner's row for an area their organisation is not granted, naming the area column", async () => {
    const partner = await signIn(app, 'partner', [{ returnType: TYPE, areaCode: BEXLEY }], 'shelter-partner');
    const { status, body } = await send(csv(HEADER, [[BARNET, '2019-20 Q4', 'north', 3, 1, '']]), { as: partner });
    expect(status).toBe(403);
    expect(body.errors[0]).toMatchObject({ row: 2, column: 'authority', value: BARNET, code: 'not-granted' });
  });

  it('asks before a blank clears a figure held for a site, and names the site', async () => {
    const file = csv(HEADER, [[BEXLEY, '2019-20 Q3', 'north', 20, '', '']]);
    const refused = await send(file);
    expect(refused.status).toBe(409);
    expect(refused.body.clears).toEqual([expect.objectContaining({ area: BEXLEY, period: '2019-20Q3', subkey: 'north', column: 'beds_used', from: 15, to: null })]);
    const confirmed = await send(file, { confirmClear: true });
    expect(confirmed.status).toBe(201);
  });

  it('lists every version of one site’s row', async () => {
    const response = await get(app, `/api/returns/${TYPE}/revisions?area=${BEXLEY}&period=2019-20Q3&subkey=north`);
    expect(response.statusCode).toBe(200);
    const revisions = response.json().revisions;
    expect(revisions).toHaveLength(2);
    expect(revisions[1].changed).toEqual([{ column: 'beds_used', from: 15, to: null }]);
  });

  it('exports a submission in its template layout, and the export uploads again unchanged', async () => {
    const { body: sent } = await upload(app, TYPE, csv(HEADER, [[BEXLEY, '2019-20 Q4', 'south', 9, 7, 'winter']]));
    const exported = await get(app, `/api/submissions/${sent.submission.id}/export.csv`);
    expect(exported.statusCode).toBe(200);
    const lines = exported.body.trim().split(/\r?\n/);
    expect(lines[0]).toBe(HEADER.join(','));
    expect(lines[1]).toBe(`${BEXLEY},2019-20Q4,south,9,7,winter`);
    const again = await send(exported.body, { dryRun: true });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ changes: [], clears: [], warnings: [] });
  });
});
