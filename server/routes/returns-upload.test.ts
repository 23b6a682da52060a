// Uploading returns through the HTTP contract (DOMAIN.md sections 5 and 9): cell checks, header
// matching, areas, periods, file-level problems, and that a rejected file stores nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildTestApp, get, multipartBody, request, tableCounts, upload } from '../test/helpers';
import { csvOf, validRow } from '../test/rows';

let app: FastifyInstance;
beforeEach(async () => {
  app = await buildTestApp();
});
afterEach(async () => {
  await app.close();
});

describe('a count cell', () => {
  it.each([
    ['abc', 'not-a-count'],
    ['-1', 'negative-count'],
    ['12.5', 'not-whole-number'],
    ['n/a', 'not-available-marker'],
    ['<5', 'suppressed-value'],
    ['*', 'suppressed-value'],
    ['1,00', 'not-a-count'],
  ])('%j is an error (%s) naming row and column', async (value, code) => {
    const { status, body } = await upload(app, 'police', csvOf([validRow('police'), validRow('police', { area_code: 'E09000005', arrests: value })]));
    expect(status).toBe(422);
    expect(body.errors).toEqual([expect.objectContaining({ row: 3, column: 'arrests', value, code })]);
    expect((await tableCounts(app)).submissions).toBe(0);
  });

  it('explains that suppression is done by the dashboard', async () => {
    const { body } = await upload(app, 'police', csvOf([validRow('police', { arrests: '<5' })]));
    expect(body.errors[0].message).toMatch(/exact/);
    expect(body.errors[0].message).toMatch(/dashboard hides small numbers itself/);
  });

  it('reads "3,267" with a thousands separator as 3267 and a blank as missing, never zero', async () => {
    const { status, body } = await upload(app, 'police', csvOf([validRow('police', { incidents: '3,267', dapo_granted: '' })]));
    expect(status).toBe(201);
    const detail = (await get(app, `/api/submissions/${body.submission.id}`)).json();
    expect(detail.rowsStored[0].values.incidents).toBe(3267);
    expect(detail.rowsStored[0].values.dapo_granted).toBeNull();
  });
});

describe('headers', () => {
  it('match ignoring case, spaces, hyphens and underscores', async () => {
    const row = validRow('police');
    const text = csvOf([row]).replace('repeat_victims', 'Repeat Victims').replace('incidents_child_present', 'INCIDENTS-CHILD-PRESENT').replace('area_code', ' Area Code ');
    const { status } = await upload(app, 'police', text);
    expect(status).toBe(201);
  });

  it('a missing column is an error on row 1 that points to the template', async () => {
    const { area_code: _a, victims: _v, ...rest } = validRow('police');
    const { status, body } = await upload(app, 'police', csvOf([rest]));
    expect(status).toBe(422);
    expect(body.errors.map((e: { column: string }) => e.column)).toEqual(['area_code', 'victims']);
    expect(body.errors[0]).toMatchObject({ row: 1, code: 'missing-column' });
    expect(body.errors[0].message).toMatch(/template/);
  });

  it('an unknown column is ignored with a warning', async () => {
    const { status, body } = await upload(app, 'police', csvOf([validRow('police', { officer_in_charge: 'x' })]));
    expect(status).toBe(201);
    expect(body.warnings).toEqual([expect.objectContaining({ row: 1, column: 'officer_in_charge', code: 'unknown-column' })]);
  });

  it('notes are optional', async () => {
    const { notes: _n, ...rest } = validRow('police');
    expect((await upload(app, 'police', csvOf([rest]))).status).toBe(201);
  });

  it('a column given twice is an error', async () => {
    const text = csvOf([validRow('police')]).replace('arrests', 'victims');
    const { status, body } = await upload(app, 'police', text);
    expect(status).toBe(422);
    expect(body.errors[0]).toMatchObject({ row: 1, column: 'victims', code: 'duplicate-column' });
  });
});

describe('areas', () => {
  it('may be given by name', async () => {
    const { status, body } = await upload(app, 'police', csvOf([validRow('police', { area_code: 'Bexley' })]));
    expect(status).toBe(201);
    expect(body.submission.areas).toEqual(['E09000004']);
  });

  it('a predecessor code is stored under its successor, with a warning', async () => {
    const { status, body } = await upload(app, 'police', csvOf([validRow('police', { area_code: 'E10000002' })]));
    expect(status).toBe(201);
    expect(body.submission.areas).toEqual(['E06000060']);
    expect(body.warnings).toEqual([expect.objectContaining({ row: 2, column: 'area_code', value: 'E10000002', code: 'predecessor-area-code' })]);
  });

  it.each([
    ['E09999999', 'unknown-area'],
    ['Atlantis', 'unknown-area'],
    ['E23000029', 'not-local-authority'],
    ['', 'required'],
  ])('%j is an error (%s)', async (area, code) => {
    const { status, body } = await upload(app, 'police', csvOf([validRow('police', { area_code: area })]));
    expect(status).toBe(422);
    expect(body.errors[0]).toMatchObject({ row: 2, column: 'area_code', code });
  });
});

describe('periods', () => {
  it.each(['2019-20 Q3', '2019/20 Q3', 'Q3 2019/20', 'Q3 2019-20', '2019-20Q3'])('%j is accepted as 2019-20Q3', async (period) => {
    const { status, body } = await upload(app, 'police', csvOf([validRow('police', { period })]));
    expect(status).toBe(201);
    expect(body.submission.periods).toEqual(['2019-20Q3']);
  });

  it('anything else is an error that shows the accepted forms', async () => {
    const { status, body } = await upload(app, 'police', csvOf([validRow('police', { period: 'Oct-Dec 2019' })]));
    expect(status).toBe(422);
    expect(body.errors[0]).toMatchObject({ row: 2, column: 'period', code: 'invalid-period' });
    for (const form of ['2019-20 Q3', '2019/20 Q3', 'Q3 2019/20', 'Q3 2019-20', '2019-20Q3']) expect(body.errors[0].message).toContain(form);
  });

  it('a quarter that has not ended cannot be submitted', async () => {
    // Today is 22 November 2026, inside 2026-27 Q3.
    const ended = await upload(app, 'police', csvOf([validRow('police', { period: '2026-27Q2' })]));
    expect(ended.status).toBe(201);
    const current = await upload(app, 'police', csvOf([validRow('police', { period: '2026-27Q3' })]));
    expect(current.status).toBe(422);
    expect(current.body.errors[0]).toMatchObject({ column: 'period', code: 'future-period' });
  });
});

describe('rejection is whole-file', () => {
  it('a file failing only on its last row stores none of its earlier rows', async () => {
    const areas = ['E09000001', 'E09000002', 'E09000003', 'E09000004', 'E09000005', 'E09000006'];
    const rows = areas.map((area_code) => validRow('police', { area_code }));
    rows[rows.length - 1].victims = 'lots';
    const { status, body } = await upload(app, 'police', csvOf(rows));
    expect(status).toBe(422);
    expect(body.errors).toEqual([expect.objectContaining({ row: 7, column: 'victims', value: 'lots' })]);
    expect(await tableCounts(app)).toEqual({ submissions: 0, rows: 0, current: 0 });
  });

  it('every error in the file is reported at once', async () => {
    const rows = [validRow('police', { incidents: 'x' }), validRow('police', { area_code: 'E09000005', crimes: '-3', victims: '1.5' })];
    const { body } = await upload(app, 'police', csvOf(rows));
    expect(body.errors.map((e: { row: number; column: string }) => `${e.row}:${e.column}`)).toEqual(['2:incidents', '3:crimes', '3:victims']);
  });

  it('the same area and quarter twice in one file is an error naming the earlier row', async () => {
    const { status, body } = await upload(app, 'police', csvOf([validRow('police'), validRow('police')]));
    expect(status).toBe(422);
    expect(body.errors[0]).toMatchObject({ row: 3, code: 'duplicate-row' });
    expect(body.errors[0].message).toContain('row 2');
  });

  it('refuge rows are keyed by accommodation type too', async () => {
    const rows = [validRow('refuge'), validRow('refuge', { accommodation_type: 'Dispersed' })];
    const { status, body } = await upload(app, 'refuge', csvOf(rows));
    expect(status).toBe(201);
    expect(body.submission.rows).toBe(2);
  });

  it('a header with no rows under it is an error', async () => {
    const { status, body } = await upload(app, 'police', Object.keys(validRow('police')).join(',') + '\n');
    expect(status).toBe(422);
    expect(body.errors[0].code).toBe('no-rows');
  });
});

describe('dry run', () => {
  it('reports what would be stored and stores nothing', async () => {
    const { status, body } = await upload(app, 'police', csvOf([validRow('police'), validRow('police', { area_code: 'Bromley', period: '2019-20 Q2' })]), { dryRun: true });
    expect(status).toBe(200);
    expect(body).toEqual({
      submission: { id: null, returnType: 'police', rows: 2, periods: ['2019-20Q2', '2019-20Q3'], areas: ['E09000004', 'E09000006'] },
      warnings: [],
      changes: [],
      clears: [],
      locked: [],
    });
    expect(await tableCounts(app)).toEqual({ submissions: 0, rows: 0, current: 0 });
  });

  it('reports errors exactly as a real upload does', async () => {
    const { status, body } = await upload(app, 'police', csvOf([validRow('police', { victims: 'abc' })]), { dryRun: true });
    expect(status).toBe(422);
    expect(body.errors[0]).toMatchObject({ row: 2, column: 'victims' });
  });
});

describe('the request itself', () => {
  it('an unknown return type is 404', async () => {
    const { status, body } = await upload(app, 'ambulance', csvOf([validRow('police')]));
    expect(status).toBe(404);
    expect(body.message).toContain('police');
  });

  it('a file over 10 MB is 413 and stores nothing', async () => {
    const big = csvOf([validRow('police')]) + ' '.repeat(10 * 1024 * 1024);
    const { status, body } = await upload(app, 'police', big);
    expect(status).toBe(413);
    expect(body.message).toMatch(/10 MB/);
    expect((await tableCounts(app)).submissions).toBe(0);
  });

  it('a request that is not a multipart upload is 415 (more in returns-raw-bodies.test.ts)', async () => {
    const response = await request(app, { method: 'POST', url: '/api/returns/police', payload: { file: 'x' } });
    expect(response.statusCode).toBe(415);
    expect(response.json().code).toBe('not-multipart');
  });

  it('a file in the wrong field is 400', async () => {
    const { status, body } = await upload(app, 'police', csvOf([validRow('police')]), { fieldName: 'upload' });
    expect(status).toBe(400);
    expect(body.message).toContain('"file"');
  });

  it('a multipart request with no file is 400', async () => {
    const boundary = 'b0undary';
    const response = await request(app, {
      method: 'POST',
      url: '/api/returns/police',
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: `--${boundary}\r\nContent-Disposition: form-data; name="note"\r\n\r\nhello\r\n--${boundary}--\r\n`,
    });
    expect(response.statusCode).toBe(400);
  });

  it('a truncated multipart body is a 4xx', async () => {
    const { payload, headers } = multipartBody(csvOf([validRow('police')]));
    const response = await request(app, { method: 'POST', url: '/api/returns/police', payload: payload.subarray(0, payload.length - 30), headers });
    expect(response.statusCode).toBeGreaterThanOrEqual(400);
    expect(response.statusCode).toBeLessThan(500);
  });
});
