// Files as partners really produce them, through the upload API: every encoding, delimiter and
// line ending Excel and other tools write, Excel workbooks, and a corpus of files that are not
// returns at all. Nothing a partner can send produces a 5xx.
import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import ExcelJS from 'exceljs';
import { buildTestApp, get, tableCounts, upload } from '../test/helpers';
import { csvOf, validRow } from '../test/rows';

let app: FastifyInstance;
beforeAll(async () => {
  app = await buildTestApp();
});
afterAll(async () => {
  await app.close();
});

const NOTE = 'Café referral – partner’s £50 grant';
const ROWS = [validRow('police', { incidents: '3,267', notes: NOTE }), validRow('police', { area_code: 'Bromley', incidents: 900 })];

/** Windows-1252, as Excel's plain "CSV" writes it: the characters this test uses. */
function windows1252(text: string): Buffer {
  const special: Record<string, number> = { '’': 0x92, '–': 0x96, '£': 0xa3, 'é': 0xe9 };
  return Buffer.from([...text].map((ch) => special[ch] ?? ch.charCodeAt(0)));
}

function utf16be(text: string): Buffer {
  const le = Buffer.from(text, 'utf16le');
  for (let i = 0; i < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1], le[i]];
  return le;
}

const text = csvOf(ROWS);
const VARIANTS: Array<[string, Buffer]> = [
  ['UTF-8', Buffer.from(text)],
  ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])],
  ['Windows-1252', windows1252(text)],
  ['UTF-16 LE with BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])],
  ['UTF-16 BE with BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(text)])],
  ['semicolon-delimited', Buffer.from(text.replace(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/g, ';'))],
  ['tab-delimited', Buffer.from(text.replace(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/g, '\t'))],
  ['CRLF line ends', Buffer.from(csvOf(ROWS, '\r\n'))],
  ['trailing blank lines', Buffer.from(csvOf(ROWS, '\r\n') + '\r\n\r\n,,,\r\n')],
  ['empty trailing columns', Buffer.from(text.split('\n').map((l) => (l ? `${l},,,` : l)).join('\n'))],
];

describe('encodings, delimiters and line endings', () => {
  it.each(VARIANTS)('%s is read correctly', async (_name, bytes) => {
    const { status, body } = await upload(app, 'police', bytes, { dryRun: false });
    expect(status).toBe(201);
    expect(body.submission.areas).toEqual(['E09000004', 'E09000006']);
    const stored = (await get(app, `/api/submissions/${body.submission.id}`)).json();
    const bexley = stored.rowsStored.find((r: { areaCode: string }) => r.areaCode === 'E09000004');
    expect(bexley.values.incidents).toBe(3267);
    expect(bexley.notes).toBe(NOTE);
  });
});

describe('Excel workbooks', () => {
  async function workbook(build: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
    const wb = new ExcelJS.Workbook();
    build(wb);
    return Buffer.from(await wb.xlsx.writeBuffer());
  }

  it('reads the first sheet, cached formula values and numbers stored as text', async () => {
    const header = Object.keys(validRow('police'));
    const bytes = await workbook((wb) => {
      const sheet = wb.addWorksheet('Q3 return');
      sheet.addRow(header);
      const row = sheet.addRow(header.map((h) => validRow('police')[h]));
      // incidents as a formula whose cached result is 1000, victims as text.
      row.getCell(header.indexOf('incidents') + 1).value = { formula: 'SUM(600,400)', result: 1000 };
      row.getCell(header.indexOf('victims') + 1).value = '600';
      wb.addWorksheet('Notes').addRow(['this sheet is not read']);
    });
    const { status, body } = await upload(app, 'police', bytes, { fileName: 'return.xlsx' });
    expect(status).toBe(201);
    const stored = (await get(app, `/api/submissions/${body.submission.id}`)).json();
    expect(stored.fileFormat).toBe('xlsx');
    expect(stored.rowsStored[0].values).toMatchObject({ incidents: 1000, victims: 600 });
  });

  it('names the Excel row and column of a bad cell', async () => {
    const header = Object.keys(validRow('police'));
    const bytes = await workbook((wb) => {
      const sheet = wb.addWorksheet('Return');
      sheet.addRow(header);
      sheet.addRow(header.map((h) => validRow('police')[h]));
      sheet.addRow(header.map((h) => validRow('police', { area_code: 'E09000005', arrests: 'n/a' })[h]));
    });
    const { status, body } = await upload(app, 'police', bytes, { fileName: 'return.xlsx' });
    expect(status).toBe(422);
    expect(body.errors).toEqual([expect.objectContaining({ row: 3, column: 'arrests', value: 'n/a', code: 'not-available-marker' })]);
  });
});

describe('the corpus of real-world and malformed files in fixtures/files', () => {
  const dir = new URL('../../fixtures/files/', import.meta.url);
  const files = readdirSync(dir).filter((f) => !f.endsWith('.ts') && !f.endsWith('.md'));

  it('holds a corpus worth testing', () => {
    expect(files.length).toBeGreaterThan(20);
  });

  it.each(files)('%s gets a clear answer, never a 5xx, and a rejected file stores nothing', async (file) => {
    const before = await tableCounts(app);
    const { status, body } = await upload(app, 'police', readFileSync(new URL(file, dir)), { fileName: file });
    expect(status).toBeLessThan(500);
    if (status >= 400) {
      expect(await tableCounts(app)).toEqual(before);
      const first = body.errors?.[0] ?? body;
      expect(first.message.length).toBeGreaterThan(20);
    }
  });

  it.each([
    ['report.pdf', 415, 'unsupported-file-type'],
    ['screenshot.png', 415, 'unsupported-file-type'],
    ['not-a-spreadsheet.docx', 415, 'unsupported-file-type'],
    ['old-excel.xls', 415, 'unsupported-file-type'],
    ['random.bin', 415, 'unsupported-file-type'],
    ['police-corrupt.xlsx', 422, 'damaged-file'],
    ['police-truncated.xlsx', 422, 'damaged-file'],
    ['empty.csv', 422, 'empty-file'],
    ['bom-only.csv', 422, 'empty-file'],
  ])('%s is refused with %i (%s), whatever it is called', async (file, statusCode, code) => {
    const bytes = readFileSync(new URL(file, dir));
    for (const fileName of [file, 'return.csv']) {
      const { status, body } = await upload(app, 'police', bytes, { fileName });
      expect(status).toBe(statusCode);
      expect(body.errors[0]).toMatchObject({ row: null, column: null, code });
    }
  });
});
