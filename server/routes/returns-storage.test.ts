// Versioned storage (DOMAIN.md 5.7): resubmission replaces exactly the keys it carries, every
// version stays readable, and concurrent uploads both end correctly. Plus the read routes.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import ExcelJS from 'exceljs';
import { buildTestApp, get, tableCounts, upload } from '../test/helpers';
import { csvOf, validRow } from '../test/rows';

let app: FastifyInstance;
beforeEach(async () => {
  app = await buildTestApp();
});
afterEach(async () => {
  await app.close();
});

async function currentValue(type: string, area: string, period: string, column: string, subkey = '') {
  const { revisions } = (await get(app, `/api/returns/${type}/revisions?area=${area}&period=${period}&subkey=${subkey}`)).json();
  return revisions.find((r: { current: boolean }) => r.current)?.values[column];
}

describe('resubmission', () => {
  it('replaces exactly the keys the new file carries and keeps every earlier version', async () => {
    const first = await upload(app, 'police', csvOf([
      validRow('police', { area_code: 'E09000004', incidents: 1000 }),
      validRow('police', { area_code: 'E09000005', incidents: 900 }),
    ]));
    expect(first.status).toBe(201);
    // Bexley's figure is corrected (as Bexley's strategy revises 3,836 to 3,835); Brent is not in the new file.
    const second = await upload(app, 'police', csvOf([validRow('police', { area_code: 'E09000004', incidents: 999 })]));
    expect(second.status).toBe(201);

    expect(await currentValue('police', 'E09000004', '2019-20Q3', 'incidents')).toBe(999);
    expect(await currentValue('police', 'E09000005', '2019-20Q3', 'incidents')).toBe(900);

    const { revisions } = (await get(app, '/api/returns/police/revisions?area=E09000004&period=2019-20Q3')).json();
    expect(revisions).toHaveLength(2);
    expect(revisions[0]).toMatchObject({ submissionId: first.body.submission.id, current: false, changed: [] });
    expect(revisions[1]).toMatchObject({
      submissionId: second.body.submission.id,
      current: true,
      submittedBy: { kind: 'user', id: expect.stringMatching(/^user:\d+$/) },
      changed: [{ column: 'incidents', from: 1000, to: 999 }],
    });
    expect(await tableCounts(app)).toEqual({ submissions: 2, rows: 3, current: 2 });
  });

  it('a rejected resubmission leaves the stored figures untouched', async () => {
    await upload(app, 'police', csvOf([validRow('police', { incidents: 1000 })]));
    const before = await tableCounts(app);
    const bad = await upload(app, 'police', csvOf([validRow('police', { incidents: 1001 }), validRow('police', { area_code: 'E09000005', victims: '?' })]));
    expect(bad.status).toBe(422);
    expect(await tableCounts(app)).toEqual(before);
    expect(await currentValue('police', 'E09000004', '2019-20Q3', 'incidents')).toBe(1000);
  });

  it('two uploads arriving at once both end correctly', async () => {
    const a = csvOf([validRow('police', { incidents: 1111 }), validRow('police', { area_code: 'E09000005' })]);
    const b = csvOf([validRow('police', { incidents: 2222 }), validRow('police', { area_code: 'E09000006' })]);
    const [ra, rb] = await Promise.all([upload(app, 'police', a), upload(app, 'police', b)]);
    expect([ra.status, rb.status]).toEqual([201, 201]);
    const later = ra.body.submission.id > rb.body.submission.id ? 1111 : 2222;
    expect(await currentValue('police', 'E09000004', '2019-20Q3', 'incidents')).toBe(later);
    const { revisions } = (await get(app, '/api/returns/police/revisions?area=E09000004&period=2019-20Q3')).json();
    expect(revisions).toHaveLength(2);
    expect(await tableCounts(app)).toEqual({ submissions: 2, rows: 4, current: 3 });
  });

  it('keeps refuge accommodation types apart', async () => {
    await upload(app, 'refuge', csvOf([validRow('refuge'), validRow('refuge', { accommodation_type: 'dispersed', units: 10, unit_nights_available: 900, unit_nights_occupied: 800 })]));
    await upload(app, 'refuge', csvOf([validRow('refuge', { units: 21 })]));
    expect(await currentValue('refuge', 'E09000004', '2019-20Q3', 'units', 'refuge')).toBe(21);
    expect(await currentValue('refuge', 'E09000004', '2019-20Q3', 'units', 'dispersed')).toBe(10);
  });
});

describe('submissions', () => {
  beforeEach(async () => {
    await upload(app, 'police', csvOf([validRow('police'), validRow('police', { area_code: 'E09000005', period: '2019-20Q2' })]), { fileName: 'met-q3.csv' });
    await upload(app, 'marac', csvOf([validRow('marac', { notes: 'Two meetings cancelled' })]));
  });

  it('are listed newest first and filtered by type, area and period', async () => {
    const all = (await get(app, '/api/submissions')).json();
    expect(all.total).toBe(2);
    expect(all.items.map((s: { returnType: string }) => s.returnType)).toEqual(['marac', 'police']);
    const byType = (await get(app, '/api/submissions?type=police')).json();
    expect(byType.items).toHaveLength(1);
    expect(byType.items[0]).toMatchObject({ fileName: 'met-q3.csv', rows: 2, periods: ['2019-20Q2', '2019-20Q3'], areas: ['E09000004', 'E09000005'] });
    expect((await get(app, '/api/submissions?area=E09000005')).json().total).toBe(1);
    expect((await get(app, '/api/submissions?period=2019-20Q3')).json().total).toBe(2);
    expect((await get(app, '/api/submissions?period=2018-19Q1')).json().total).toBe(0);
  });

  it('one shows its rows, warnings, when and by whom', async () => {
    const list = (await get(app, '/api/submissions?type=marac')).json();
    const detail = (await get(app, `/api/submissions/${list.items[0].id}`)).json();
    expect(detail).toMatchObject({ returnType: 'marac', fileFormat: 'csv', submittedBy: { kind: 'user', name: expect.stringMatching(/^analyst/) }, warnings: [] });
    expect(new Date(detail.receivedAt).toISOString()).toBe('2026-11-22T12:00:00.000Z');
    expect(detail.fileSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(detail.rowsStored).toEqual([
      expect.objectContaining({ areaCode: 'E09000004', period: '2019-20Q3', sourceRow: 2, notes: 'Two meetings cancelled', current: true }),
    ]);
    expect(detail.rowsStored[0].values.cases_discussed).toBe(100);
  });

  it('an unknown or malformed id is a 4xx', async () => {
    expect((await get(app, '/api/submissions/999')).statusCode).toBe(404);
    expect((await get(app, '/api/submissions/abc')).statusCode).toBe(400);
    expect((await get(app, '/api/submissions?limit=100000')).statusCode).toBe(400);
  });
});

describe('templates', () => {
  it('the CSV template is the header row of the return', async () => {
    const response = await get(app, '/api/returns/marac/template.csv');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/text\/csv/);
    expect(response.headers['content-disposition']).toContain('marac-return-template.csv');
    expect(response.body.trim()).toBe(Object.keys(validRow('marac')).join(','));
  });

  it('the Excel template has the header on its first sheet and can be filled in and uploaded', async () => {
    const response = await get(app, '/api/returns/idva/template.xlsx');
    expect(response.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    const row = validRow('idva');
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(Object.keys(row));
    sheet.addRow(Object.values(row));
    const filled = Buffer.from(await workbook.xlsx.writeBuffer());
    const { status, body } = await upload(app, 'idva', filled, { fileName: 'idva.xlsx' });
    expect(status).toBe(201);
    expect(body.submission.rows).toBe(1);
  });

  it('an unknown type has no template', async () => {
    expect((await get(app, '/api/returns/nope/template.csv')).statusCode).toBe(404);
  });
});

describe('the service', () => {
  it('GET /api/health', async () => {
    const response = await get(app, '/api/health');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok' });
  });

  it('publishes OpenAPI generated from the schemas at /api/docs', async () => {
    const doc = (await get(app, '/api/docs/json')).json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/returns/{type}', '/api/returns/{type}/template.csv', '/api/submissions/', '/api/health']));
    expect(doc.components.schemas.Problem.properties).toHaveProperty('row');
    expect((await get(app, '/api/docs')).statusCode).toBeLessThan(400);
  });

  it('an unknown route is a 404 with a message', async () => {
    const response = await get(app, '/api/nothing-here');
    expect(response.statusCode).toBe(404);
    expect(response.json().message).toContain('/api/nothing-here');
  });
});
