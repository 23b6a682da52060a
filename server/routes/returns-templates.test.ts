// Templates a partner can fill without reading a manual (issue 12): pre-filled with their areas and
// the quarter due, Excel drop-downs, column notes and guidance; and a file made from another
// return's template recognised and named in one error.
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findReturnDefinition } from '../../schemas/returns';
import { ACCOMMODATION_TYPES } from '../../schemas/returns/refuge';
import { validateTable } from '../ingest/validate';
import { buildTestApp, signIn, TEST_NOW, upload } from '../test/helpers';
import { csvOf, validRow } from '../test/rows';

let app: FastifyInstance;
beforeEach(async () => {
  app = await buildTestApp();
});
afterEach(async () => {
  await app.close();
});

// TEST_NOW is 22 November 2026: the latest ended quarter is Jul–Sep 2026.
const DUE = '2026-27 Q2';
const BARNET = 'E09000003';
const BEXLEY = 'E09000004';

async function partner(grants: Array<[string, string]>) {
  return signIn(app, 'partner', grants.map(([returnType, areaCode]) => ({ returnType, areaCode })), `p${grants.length}`);
}

async function fetchAs(url: string, identity: { headers: Record<string, string> }) {
  return app.inject({ method: 'GET', url, headers: identity.headers });
}

function csvLines(body: string): string[][] {
  return body.trimEnd().split('\r\n').map((l) => l.split(','));
}

async function workbookOf(payload: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(payload as unknown as ArrayBuffer);
  return workbook;
}

describe("a partner's template", () => {
  it('CSV: the header is exactly the columns, then a row per granted area for the quarter due', async () => {
    const me = await partner([['police', BEXLEY], ['police', BARNET], ['marac', 'E09000005']]);
    const response = await fetchAs('/api/returns/police/template.csv', me);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-disposition']).toContain('police-return-2026-27Q2.csv');
    const [header, ...rows] = csvLines(response.body);
    expect(header).toEqual(findReturnDefinition('police')!.columns.map((c) => c.name));
    // Barnet before Bexley: by name. The MARAC grant is not a police area.
    expect(rows.map((r) => [r[0], r[1]])).toEqual([[DUE, BARNET], [DUE, BEXLEY]]);
    expect(rows.every((r) => r.length === header.length && r.slice(2).every((c) => c === ''))).toBe(true);
  });

  it('CSV: filled in, it uploads as it is', async () => {
    const me = await partner([['police', BEXLEY], ['police', BARNET]]);
    const text = (await fetchAs('/api/returns/police/template.csv', me)).body;
    const [header, ...rows] = csvLines(text);
    const figures = validRow('police');
    const filled = [header.join(','), ...rows.map((r) => header.map((h, i) => (i < 2 ? r[i] : String(figures[h] ?? ''))).join(','))].join('\r\n');
    const { status, body } = await upload(app, 'police', filled, { as: me });
    expect(status).toBe(201);
    expect(body.warnings).toEqual([]);
    expect(body.submission).toMatchObject({ rows: 2, periods: ['2026-27Q2'] });
  });

  it('safe accommodation: a row per area and accommodation type', async () => {
    const me = await partner([['refuge', BEXLEY]]);
    const [, ...rows] = csvLines((await fetchAs('/api/returns/refuge/template.csv', me)).body);
    const header = findReturnDefinition('refuge')!.columns.map((c) => c.name);
    const typeAt = header.indexOf('accommodation_type');
    expect(rows.map((r) => r[typeAt])).toEqual([...ACCOMMODATION_TYPES]);
  });

  it('Excel: names beside codes, drop-downs for area, period and type, a note on every heading, a guidance sheet; filled in, it uploads with no warnings', async () => {
    const me = await partner([['refuge', BEXLEY], ['refuge', BARNET]]);
    const response = await fetchAs('/api/returns/refuge/template.xlsx', me);
    expect(response.statusCode).toBe(200);
    const workbook = await workbookOf(response.rawPayload);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Return', 'Guidance', 'Lists']);
    const sheet = workbook.worksheets[0];
    const header = (sheet.getRow(1).values as unknown[]).slice(1) as string[];
    expect(header.slice(0, 4)).toEqual(['period', 'area_code', 'area_name', 'accommodation_type']);
    expect(sheet.rowCount).toBe(1 + 2 * ACCOMMODATION_TYPES.length);
    expect(sheet.getCell('A2').value).toBe(DUE);
    expect(sheet.getCell('B2').value).toBe(BARNET);
    expect(sheet.getCell('C2').value).toMatchObject({ formula: expect.stringContaining('VLOOKUP(B2,Lists!'), result: 'Barnet' });
    for (let i = 1; i <= header.length; i++) expect(String(sheet.getRow(1).getCell(i).note ?? '')).not.toBe('');
    expect(String(sheet.getCell('H1').note)).toMatch(/^Referrals received\. A whole number\./);

    const validations = (sheet as unknown as { dataValidations: { model: Record<string, { type: string; formulae: unknown[] }> } }).dataValidations.model;
    // Read back cell by cell, down to row 1,000.
    for (const row of [2, 1000]) {
      expect(validations[`A${row}`]).toMatchObject({ type: 'list', formulae: ['Lists!$D$2:$D$13'] });
      expect(validations[`B${row}`]).toMatchObject({ type: 'list', formulae: ['Lists!$A$2:$A$3'] });
      expect(validations[`D${row}`]).toMatchObject({ type: 'list', formulae: ['Lists!$F$2:$F$6'] });
      expect(validations[`E${row}`]).toMatchObject({ type: 'whole', formulae: [0] });
    }
    const lists = workbook.getWorksheet('Lists')!;
    expect([lists.getCell('A2').value, lists.getCell('B2').value, lists.getCell('D2').value, lists.getCell('E2').value]).toEqual([BARNET, 'Barnet', DUE, 'Jul–Sep 2026']);
    const guidance = workbook.getWorksheet('Guidance')!;
    const guidanceText = guidance.getSheetValues().flat().join(' ');
    expect(guidanceText).toContain('10 rows ready for 2026-27 Q2 (Jul–Sep 2026)');
    expect(guidanceText).toContain('Upload the file as a safe accommodation return');

    // Fill in every figure; keep the keys and the area names as they came.
    const figures = validRow('refuge', { unit_nights_available: 1840, units: 20 });
    for (let r = 2; r <= sheet.rowCount; r++) {
      header.forEach((name, i) => {
        if (!['period', 'area_code', 'area_name', 'accommodation_type'].includes(name) && figures[name] !== undefined) sheet.getRow(r).getCell(i + 1).value = figures[name];
      });
    }
    const { status, body } = await upload(app, 'refuge', Buffer.from(await workbook.xlsx.writeBuffer()), { fileName: 'refuge.xlsx', as: me });
    expect(status).toBe(201);
    expect(body.warnings).toEqual([]);
    expect(body.submission.rows).toBe(10);
  });

  it('may ask for some of its areas or another ended quarter, but not for an area it is not granted or a quarter not over', async () => {
    const me = await partner([['police', BEXLEY], ['police', BARNET]]);
    const some = csvLines((await fetchAs('/api/returns/police/template.csv?area=Bexley&period=2025-26%20Q4', me)).body);
    expect(some.slice(1).map((r) => [r[0], r[1]])).toEqual([['2025-26 Q4', BEXLEY]]);
    const other = await fetchAs('/api/returns/police/template.csv?area=E09000005', me);
    expect(other.statusCode).toBe(403);
    expect(other.json().message).toBe('Your organisation is not set up to send a police return for Brent.');
    const future = await fetchAs('/api/returns/police/template.xlsx?period=2026-27Q3', me);
    expect(future.statusCode).toBe(400);
    expect(future.json().message).toMatch(/has not ended yet/);
    const blank = csvLines((await fetchAs('/api/returns/police/template.csv?blank=true', me)).body);
    expect(blank).toHaveLength(1);
  });
});

describe("an analyst's template", () => {
  it('is blank unless areas are asked for', async () => {
    const analyst = await signIn(app, 'analyst');
    const blank = await fetchAs('/api/returns/marac/template.csv', analyst);
    expect(blank.headers['content-disposition']).toContain('marac-return-template.csv');
    expect(csvLines(blank.body)).toHaveLength(1);
    const asked = csvLines((await fetchAs('/api/returns/marac/template.csv?area=Bexley,E09000003', analyst)).body);
    expect(asked.slice(1).map((r) => [r[0], r[1]])).toEqual([[DUE, BARNET], [DUE, BEXLEY]]);
    const unknown = await fetchAs('/api/returns/marac/template.csv?area=Atlantis', analyst);
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().message).toContain('"Atlantis" is not a local authority we know');
  });

  it('reference data is always blank, with every area in its drop-down', async () => {
    const analyst = await signIn(app, 'analyst');
    const response = await fetchAs('/api/returns/population/template.xlsx?area=Bexley', analyst);
    const workbook = await workbookOf(response.rawPayload);
    expect(workbook.worksheets[0].rowCount).toBe(1);
    expect(workbook.getWorksheet('Lists')!.getColumn(2).values).toContain('London');
  });
});

describe('a file made from another return type’s template', () => {
  it('is named in one error, not a list of missing columns', async () => {
    const { status, body } = await upload(app, 'police', csvOf([validRow('marac')]));
    expect(status).toBe(422);
    expect(body.errors).toEqual([
      {
        row: 1,
        column: null,
        value: null,
        code: 'wrong-template',
        message:
          'This looks like the MARAC return template (cases_discussed, repeat_cases, …), not the police return. Upload it as a MARAC return, or use the police return template.',
      },
    ]);
  });

  it.each([
    ['marac', 'police', 'a police return'],
    ['refuge', 'idva', 'an IDVA service return'],
    ['idva', 'refuge', 'a safe accommodation return'],
    ['csc', 'marac', 'a MARAC return'],
  ])('a %s upload of a %s file says which template it is', async (sentAs, madeFrom, named) => {
    const { status, body } = await upload(app, sentAs, csvOf([validRow(madeFrom)]));
    expect(status).toBe(422);
    expect(body.errors).toHaveLength(1);
    expect(body.errors[0].code).toBe('wrong-template');
    expect(body.errors[0].message).toContain(`Upload it as ${named}`);
  });

  it('a file of the right type with columns missing still lists them', async () => {
    const { area_code: _a, victims: _v, ...rest } = validRow('police');
    const { body } = await upload(app, 'police', csvOf([rest]));
    expect(body.errors.map((e: { code: string }) => e.code)).toEqual(['missing-column', 'missing-column']);
    expect(body.errors[1].message).toBe(
      'The column "victims" (distinct victims) is missing. Every column of the template must be there, even if its cells are empty: this usually means the file was made from a different template. Download the police return template and copy the figures into it.',
    );
  });
});

describe('file-level messages', () => {
  it('an unknown column names the template in words', async () => {
    const { body } = await upload(app, 'idva', csvOf([validRow('idva', { officer: 'x' })]));
    expect(body.warnings[0].message).toBe('The column "officer" is not part of the IDVA service return template, so it has been ignored.');
  });

  it('one problem beyond those listed is "1 more error"', () => {
    const definition = findReturnDefinition('police')!;
    const header = Object.keys(validRow('police'));
    const rows = Array.from({ length: 1001 }, (_, i) => ({ rowNumber: i + 2, cells: header.map((h) => (h === 'arrests' ? 'abc' : String(validRow('police', { area_code: BEXLEY })[h]))) }));
    const result = validateTable({ format: 'csv', header, headerRowNumber: 1, rows }, definition, { now: TEST_NOW });
    expect(result.errors.at(-1)!.message).toMatch(/^There is 1 more error not listed here\./);
  });
});
