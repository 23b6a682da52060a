// The local measure return's Excel template (issue 13): like every template it has notes, the area
// and quarter drop-downs and a guidance sheet; beyond them it lists the measures the partner may
// send (id, title, unit, what the numerator and denominator count) on a Measures sheet, offers their
// ids as a drop-down in the measure column and in the heading's note, and is pre-filled with a row
// for each area and measure. A partner's filled-in copy uploads as it is.
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, signIn, upload, type Identity } from '../test/helpers';

const CENTRAL_BEDFORDSHIRE = 'E06000056';
const BEDFORD = 'E06000055';
const NOW_QUARTER = '2026-27 Q2';

const COUNT = { unit: 'champions', numerator: 'Staff who completed champion training', denominator: null, multiplier: 1, polarity: 'higher-better', interval: 'byar' } as const;
const SHARE = { unit: '%', numerator: 'Residents who recall the campaign', denominator: 'Residents surveyed', multiplier: 100, polarity: 'higher-better', interval: 'wilson' } as const;

let app: FastifyInstance;
let admin: Identity;
let partner: Identity;
let analyst: Identity;

const send = (method: 'POST', url: string, payload: unknown) => app.inject({ method, url, headers: admin.headers, payload: payload as Record<string, unknown> });

async function workbookOf(who: Identity, query = ''): Promise<ExcelJS.Workbook> {
  const response = await app.inject({ url: `/api/returns/local-measure/template.xlsx${query}`, headers: who.headers });
  expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
  expect(response.headers['content-type']).toContain('spreadsheetml');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
  return workbook;
}

const cellsOf = (sheet: ExcelJS.Worksheet) =>
  sheet.getSheetValues().slice(1).map((row) => ((row as unknown[]) ?? []).slice(1).map((v) => (v && typeof v === 'object' && 'result' in v ? (v as { result: unknown }).result : v)));

beforeAll(async () => {
  app = await buildTestApp();
  admin = await signIn(app, 'admin');
  analyst = await signIn(app, 'analyst');
  partner = await signIn(app, 'partner', [{ returnType: 'local-measure', areaCode: CENTRAL_BEDFORDSHIRE }], 'council-team');
  const organisation = (await app.db.kysely.selectFrom('users').select('organisation_id').where('email', '=', partner.email).executeTakeFirstOrThrow()).organisation_id!;
  const central = (await send('POST', '/api/partnerships', { name: 'Central Bedfordshire test', areas: [CENTRAL_BEDFORDSHIRE] })).json().id;
  const bedford = (await send('POST', '/api/partnerships', { name: 'Bedford test', areas: [BEDFORD] })).json().id;
  const define = async (partnership: number, body: Record<string, unknown>) => {
    const response = await send('POST', `/api/partnerships/${partnership}/local-measures`, body);
    expect(response.statusCode, response.body).toBe(201);
  };
  await define(central, { ...COUNT, id: 'champions-trained', title: 'DA champions trained', organisations: [organisation] });
  await define(central, { ...SHARE, id: 'campaign-reach', title: 'Campaign reach', organisations: [organisation] });
  // Sent by someone else, and one for an area the partner is not granted: neither is theirs.
  await define(central, { ...COUNT, id: 'someone-elses', title: 'Not theirs', organisations: [] });
  await define(bedford, { ...COUNT, id: 'bedford-only', title: 'Bedford only', organisations: [organisation] });
}, 60_000);
afterAll(async () => {
  await app.close();
});

describe("a partner's Excel template of the local measure return", () => {
  it('lists the measures they send, with id, title, unit and what each counts', async () => {
    const workbook = await workbookOf(partner);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Return', 'Guidance', 'Lists', 'Measures']);
    expect(cellsOf(workbook.getWorksheet('Measures')!)).toEqual([
      ['Measure id', 'Title', 'Unit', 'Numerator: what it counts', 'Denominator: what it is out of'],
      ['champions-trained', 'DA champions trained', 'champions', 'Staff who completed champion training', 'None: a count (leave the denominator blank)'],
      ['campaign-reach', 'Campaign reach', '%', 'Residents who recall the campaign', 'Residents surveyed'],
    ]);
  });

  it('has a row for each area and measure, for the quarter due, with the area’s name beside its code', async () => {
    const sheet = (await workbookOf(partner)).getWorksheet('Return')!;
    expect(cellsOf(sheet)).toEqual([
      ['period', 'area_code', 'area_name', 'measure', 'numerator', 'denominator', 'notes'],
      [NOW_QUARTER, CENTRAL_BEDFORDSHIRE, 'Central Bedfordshire', 'campaign-reach'],
      [NOW_QUARTER, CENTRAL_BEDFORDSHIRE, 'Central Bedfordshire', 'champions-trained'],
    ]);
    expect(cellsOf((await workbookOf(partner, '?period=2025-26 Q3')).getWorksheet('Return')!)[1][0]).toBe('2025-26 Q3');
  });

  it('offers the measure ids as a drop-down, and names each in the heading’s note', async () => {
    const sheet = (await workbookOf(partner)).getWorksheet('Return')!;
    const validations = (sheet as unknown as { dataValidations: { model: Record<string, { type: string; formulae: string[] }> } }).dataValidations.model;
    const measure = Object.entries(validations).find(([range]) => range.startsWith('D2'));
    expect(measure?.[1]).toMatchObject({ type: 'list', formulae: ['Measures!$A$2:$A$3'] });
    // The area and quarter drop-downs of every template are still there.
    expect(Object.keys(validations).some((range) => range.startsWith('A2'))).toBe(true);
    expect(Object.keys(validations).some((range) => range.startsWith('B2'))).toBe(true);
    const note = sheet.getCell('D1').note as unknown as { texts: Array<{ text: string }> } | string;
    const text = typeof note === 'string' ? note : note.texts.map((t) => t.text).join('');
    expect(text).toContain('champions-trained: DA champions trained (champions; a count, leave the denominator blank)');
    expect(text).toContain('campaign-reach: Campaign reach (%; out of residents surveyed)');
    expect(text).not.toContain('someone-elses');
  });

  it('uploads once filled in, as it is', async () => {
    const workbook = await workbookOf(partner, '?period=2025-26 Q3');
    const sheet = workbook.getWorksheet('Return')!;
    sheet.getCell('E2').value = 120;
    sheet.getCell('F2').value = 400;
    sheet.getCell('E3').value = 9;
    const file = Buffer.from(await workbook.xlsx.writeBuffer());
    const { status, body } = await upload(app, 'local-measure', file, { as: partner, fileName: 'local-measure.xlsx' });
    expect(status, JSON.stringify(body)).toBe(201);
    expect(body.submission).toMatchObject({ returnType: 'local-measure', rows: 2, periods: ['2025-26Q3'], areas: [CENTRAL_BEDFORDSHIRE] });
  });
});

describe("an analyst's Excel template of the local measure return", () => {
  it('lists every partnership’s measures and pre-fills no rows', async () => {
    const workbook = await workbookOf(analyst);
    expect(cellsOf(workbook.getWorksheet('Measures')!).slice(1).map((r) => r[0])).toEqual(['champions-trained', 'campaign-reach', 'someone-elses', 'bedford-only']);
    expect(workbook.getWorksheet('Return')!.actualRowCount).toBe(1);
  });

  it('refuses a quarter that has not ended with a 400 in words', async () => {
    const response = await app.inject({ url: '/api/returns/local-measure/template.xlsx?period=2030-31 Q1', headers: analyst.headers });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'future-period' });
  });
});
