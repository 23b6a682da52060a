import { describe, expect, it } from 'vitest';
import { LOCAL_MEASURE_DEFINITION, RETURN_DEFINITIONS } from '../../../../schemas/returns';
import type { Me } from '../auth/api';
import { uploadOutcome } from './api';
import { decodeCsv, MAX_PREVIEW_ROWS, normaliseHeader, previewCsv, problemsByRow, rowsToShow } from './file-preview';
import { periodsInWords, sendableTypes } from './ReturnsPage';
import { changeBySubmission } from './SubmissionPage';

const problem = (row: number | null, column: string | null, message = 'wrong') => ({ row, column, value: null, code: 'x', message });

describe('uploadOutcome: every answer to an upload', () => {
  const summary = { id: null, returnType: 'police', rows: 2, periods: ['2020-21Q1'], areas: ['E06000060'] };
  it.each([
    [200, { submission: summary, warnings: [] }, 'checked'],
    [201, { submission: { ...summary, id: 12 }, warnings: [] }, 'stored'],
    [422, { errors: [problem(3, 'victims')], warnings: [] }, 'rejected'],
    [403, { errors: [problem(2, 'area_code')], warnings: [] }, 'rejected'],
    [415, { errors: [problem(null, null)], warnings: [] }, 'rejected'],
    [413, { statusCode: 413, message: 'The file is larger than 10 MB.' }, 'failed'],
    [400, { statusCode: 400, message: 'No file was attached.' }, 'failed'],
    [500, null, 'failed'],
  ])('%d → %s', (status, body, kind) => {
    expect(uploadOutcome(status, body).kind).toBe(kind);
  });
  it("keeps the server's sentence, or gives one of ours", () => {
    expect(uploadOutcome(413, { message: 'The file is larger than 10 MB.' })).toEqual({ kind: 'failed', status: 413, message: 'The file is larger than 10 MB.' });
    expect(uploadOutcome(413, null)).toMatchObject({ message: expect.stringContaining('too large') });
    expect(uploadOutcome(0, {})).toMatchObject({ message: expect.stringContaining('could not be reached') });
  });
});

describe('the file preview numbers rows as the spreadsheet does', () => {
  it('counts the header as row 1 and keeps blank rows’ numbers', () => {
    const preview = previewCsv('period,area_code,incidents\r\n2020-21 Q1,E06000060,100\r\n\r\n"2020-21 Q2","E06000060","1,200"\r\n')!;
    expect(preview.header).toEqual(['period', 'area_code', 'incidents']);
    expect(preview.headerRowNumber).toBe(1);
    expect(preview.rows).toEqual([
      { rowNumber: 2, cells: ['2020-21 Q1', 'E06000060', '100'] },
      { rowNumber: 4, cells: ['2020-21 Q2', 'E06000060', '1,200'] },
    ]);
  });
  it('reads semicolon files and Windows-1252 text', () => {
    expect(previewCsv('a;b\n1;2')!.rows[0].cells).toEqual(['1', '2']);
    expect(decodeCsv(new Uint8Array([0x4f, 0x27, 0x42, 0x72, 0x69, 0x65, 0x6e, 0x20, 0xa3, 0x35]))).toBe("O'Brien £5");
    expect(decodeCsv(new TextEncoder().encode('\uFEFFarea'))).toBe('area');
    expect(previewCsv('\n\n')).toBeNull();
  });
  it('groups problems by row and matches headers as the server does', () => {
    const byRow = problemsByRow([problem(2, 'victims'), problem(2, 'repeat_victims'), problem(5, 'x'), problem(null, null)]);
    expect([...byRow.keys()]).toEqual([2, 5]);
    expect(byRow.get(2)).toHaveLength(2);
    expect(normaliseHeader('Repeat Victims')).toBe(normaliseHeader('repeat_victims'));
    expect(normaliseHeader('area-code')).toBe('areacode');
  });
  it('draws only rows with problems in a very long file', () => {
    const rows = Array.from({ length: MAX_PREVIEW_ROWS + 10 }, (_, i) => ({ rowNumber: i + 2, cells: ['x'] }));
    const shown = rowsToShow({ header: ['a'], headerRowNumber: 1, rows }, problemsByRow([problem(7, 'a')]));
    expect(shown.rows.map((r) => r.rowNumber)).toEqual([7]);
    expect(shown.hidden).toBe(MAX_PREVIEW_ROWS + 9);
  });
});

describe('sendableTypes', () => {
  const me = (role: Me['user']['role'], grants: Me['user']['grants'] = []): Me => ({
    user: { id: 1, email: 'x@example.test', name: 'X', role, organisation: null, grants },
    csrfToken: 't',
  });
  it("limits a partner to its organisation's grants", () => {
    const types = sendableTypes(
      me('partner', [
        { returnType: 'police', areaCode: 'E06000060' },
        { returnType: 'police', areaCode: 'E10000025' },
      ]),
    );
    expect(types.map((t) => [t.info.type, t.areas])).toEqual([['police', ['E06000060', 'E10000025']]]);
  });
  it('offers a partner the local measure return, from the registry like any other, where it has a grant for it', () => {
    const types = sendableTypes(me('partner', [{ returnType: 'local-measure', areaCode: 'E09000004' }]));
    expect(types.map((t) => [t.info.type, t.info.title, t.areas])).toEqual([['local-measure', LOCAL_MEASURE_DEFINITION.title, ['E09000004']]]);
    expect(types[0].info.columns.map((c) => c.name)).toEqual(LOCAL_MEASURE_DEFINITION.columns.map((c) => c.name));
  });
  it('offers analysts every return, reference data included, for any area', () => {
    const types = sendableTypes(me('analyst'));
    // Partners' returns first (the local measure return among them), then reference data, each in the registry's order.
    const registry = [...RETURN_DEFINITIONS.filter((d) => !d.reference), ...RETURN_DEFINITIONS.filter((d) => d.reference)].map((d) => d.type);
    expect(registry).toContain(LOCAL_MEASURE_DEFINITION.type);
    expect(types.map((t) => t.info.type)).toEqual(registry);
    expect(registry.slice(0, 5)).toEqual(['police', 'marac', 'idva', 'csc', 'refuge']);
    expect(types.every((t) => t.areas === null)).toBe(true);
  });
  it('summarises periods', () => {
    expect(periodsInWords(['2020-21Q2', '2020-21Q1'])).toBe('Q1 2020-21 to Q2 2020-21 (2 periods)');
    expect(periodsInWords(['2020-21Q1'])).toBe('Q1 2020-21');
  });
});

describe('changeBySubmission: what one return did to a stored row', () => {
  const revision = (submissionId: number, changed: Array<{ column: string; from: number | null; to: number | null }>) => ({
    submissionId,
    receivedAt: '2024-01-01T00:00:00Z',
    submittedBy: { kind: 'user', id: 'user:1', name: 'x' },
    sourceRow: 2,
    values: {},
    notes: null,
    current: false,
    changed,
  });
  const history = [revision(3, []), revision(8, [{ column: 'incidents', from: 1020, to: 1035 }]), revision(9, [])];
  it.each([
    [3, { kind: 'first' }],
    [8, { kind: 'changed', changes: [{ column: 'incidents', from: 1020, to: 1035 }] }],
    [9, { kind: 'unchanged' }],
    [4, { kind: 'unknown' }],
  ])('submission %d', (id, expected) => expect(changeBySubmission(history, id)).toEqual(expected));
});
