// The in-memory index of current figures: built from current rows only, rebuilt when (and only
// when) a submission is stored, including one stored through another connection to the file.
import { describe, expect, it } from 'vitest';
import { SYSTEM } from '../access/actor';
import type { Db } from '../db/database';
import { testDatabases } from '../test/database';
import type { AcceptedRow } from '../ingest/validate';
import { storeSubmission } from '../returns/store';
import { buildIndex, CurrentFigures } from './data';

const { open, shared } = testDatabases();

async function store(db: Db, returnType: 'police' | 'population' | 'benchmark' | 'refuge', rows: Array<Omit<AcceptedRow, 'rowNumber' | 'notes'>>) {
  await storeSubmission(db, {
    returnType,
    actor: SYSTEM,
    fileName: null,
    fileFormat: 'csv',
    fileBytes: Buffer.from(JSON.stringify(rows)),
    rows: rows.map((r, i) => ({ ...r, rowNumber: i + 2, notes: null })),
    warnings: [],
    receivedAt: new Date('2026-01-01T00:00:00Z'),
  });
}

const key = (areaCode: string, period: string, subkey = '') => ({ areaCode, period, subkey });

describe('CurrentFigures', () => {
  it('indexes current rows by type, area, quarter and subkey; population by year; imports by indicator', async () => {
    const db = await open();
    await store(db, 'police', [{ key: key('E09000004', '2019-20Q3'), values: { incidents: 1000, crimes: null } }]);
    await store(db, 'police', [{ key: key('E09000004', '2019-20Q3'), values: { incidents: 999, crimes: 550 } }]); // a resubmission
    await store(db, 'refuge', [{ key: key('E09000004', '2019-20Q3', 'dispersed'), values: { units: 10 } }]);
    await store(db, 'population', [{ key: key('E09000004', '2019'), values: { all_ages: 248_287 } }]);
    await store(db, 'benchmark', [{ key: key('E12000007', '2019', 'da-incident-rate'), values: { numerator: null, denominator: null, value: 15.9, source: 'MOPAC' } }]);

    const index = await new CurrentFigures(db).snapshot();
    expect(index.version).toBe(5);
    expect(index.returns.get('police')?.get('E09000004')?.get('2019-20Q3')?.get('')).toEqual({ incidents: 999, crimes: 550 });
    expect(index.returns.get('refuge')?.get('E09000004')?.get('2019-20Q3')?.get('dispersed')).toEqual({ units: 10 });
    expect(index.population.get('E09000004')?.get('2019')).toEqual({ all_ages: 248_287 });
    expect(index.imported.get('da-incident-rate')?.get('E12000007')?.get('2019')).toEqual({ numerator: null, denominator: null, value: 15.9, source: 'MOPAC' });
    expect(index.quarterSpan.get('police')).toEqual({ first: '2019-20Q3', last: '2019-20Q3' });
  });

  it('keeps its index until a submission is stored, then rebuilds it', async () => {
    const db = await open();
    const figures = new CurrentFigures(db);
    const empty = await figures.snapshot();
    expect(empty.version).toBe(0);
    expect(await figures.snapshot()).toBe(empty);
    await store(db, 'police', [{ key: key('E09000004', '2019-20Q3'), values: { incidents: 1000 } }]);
    const next = await figures.snapshot();
    expect(next).not.toBe(empty);
    expect(next.returns.get('police')?.get('E09000004')?.get('2019-20Q3')?.get('')).toEqual({ incidents: 1000 });
    expect(await figures.snapshot()).toBe(next);
  });

  it('updates with only the new rows, to the same index as a full build', async () => {
    const db = await open();
    await store(db, 'police', [{ key: key('E09000004', '2019-20Q3'), values: { incidents: 1000 } }, { key: key('E09000005', '2019-20Q3'), values: { incidents: 900 } }]);
    const figures = new CurrentFigures(db);
    await figures.snapshot();
    await store(db, 'police', [{ key: key('E09000004', '2019-20Q3'), values: { incidents: 999 } }, { key: key('E09000004', '2019-20Q4'), values: { incidents: 800 } }]);
    await store(db, 'population', [{ key: key('E09000004', '2019'), values: { all_ages: 248_287 } }]);
    const updated = await figures.snapshot();
    const full = await buildIndex(db);
    expect(updated.version).toBe(full.version);
    expect(updated.returns).toEqual(full.returns);
    expect(updated.population).toEqual(full.population);
    expect(updated.quarterSpan).toEqual(full.quarterSpan);
    expect(updated.returns.get('police')?.get('E09000004')?.get('2019-20Q3')?.get('')).toEqual({ incidents: 999 });
  });

  it('sees a submission stored through another connection to the same database (another process)', async () => {
    const path = await shared();
    const server = await open(path);
    const uploader = await open(path);
    const figures = new CurrentFigures(server);
    expect((await figures.snapshot()).returns.size).toBe(0);
    await store(uploader, 'police', [{ key: key('E09000004', '2019-20Q3'), values: { incidents: 1000 } }]);
    expect((await figures.snapshot()).returns.get('police')?.get('E09000004')?.get('2019-20Q3')?.get('')).toEqual({ incidents: 1000 });
  });
});
