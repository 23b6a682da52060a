// The figures data version (migrations/070_data_version.sql): every stored submission takes the
// next one in its own transaction and keeps it, so servers can follow the version and read only
// what is newer. A file that is refused takes none; uploads stored at once, through one
// connection or two (two instances), each take their own, in the order they were stored.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SYSTEM } from '../access/actor';
import type { Db } from '../db/database';
import { testDatabases } from '../test/database';
import { storeSubmission, WouldClearFigures, type NewSubmissionInput } from './store';
import { FIGURES_VERSION, returnsDb } from './tables';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BEXLEY = 'E09000004';
const BRENT = 'E09000005';

const { open, shared } = testDatabases();


function police(area: string, incidents: number | null, extra: Partial<NewSubmissionInput> = {}): NewSubmissionInput {
  return {
    returnType: 'police',
    actor: SYSTEM,
    fileName: null,
    fileFormat: 'csv',
    fileBytes: Buffer.from(`${area} ${incidents}`),
    rows: [{ rowNumber: 2, key: { areaCode: area, period: '2019-20Q3', subkey: '' }, values: { incidents }, notes: null }],
    warnings: [],
    receivedAt: new Date('2026-01-01T00:00:00Z'),
    ...extra,
  };
}

async function figuresVersion(db: Db): Promise<number> {
  const row = await returnsDb(db).selectFrom('data_versions').select('version').where('name', '=', FIGURES_VERSION).executeTakeFirstOrThrow();
  return Number(row.version);
}

async function storedVersions(db: Db) {
  return returnsDb(db).selectFrom('submissions').select(['id', 'data_version']).orderBy('id').execute();
}

describe('the figures data version', () => {
  it('moves with every stored submission, which keeps the version it took', async () => {
    const db = await open();
    expect(await figuresVersion(db)).toBe(0);
    const first = await storeSubmission(db, police(BEXLEY, 1000));
    const second = await storeSubmission(db, police(BRENT, 900));
    expect(await figuresVersion(db)).toBe(2);
    expect(await storedVersions(db)).toEqual([
      { id: first.id, data_version: 1 },
      { id: second.id, data_version: 2 },
    ]);
  });

  it('does not move for a file that is refused, and nothing of it is stored', async () => {
    const db = await open();
    await storeSubmission(db, police(BEXLEY, 1000));
    await expect(storeSubmission(db, police(BEXLEY, null))).rejects.toBeInstanceOf(WouldClearFigures);
    await expect(
      storeSubmission(db, {
        ...police(BRENT, 900),
        beforeStore: async () => {
          throw new Error('the quarter is locked');
        },
      }),
    ).rejects.toThrow('the quarter is locked');
    await expect(storeSubmission(db, { ...police(BRENT, 900), afterStore: async () => Promise.reject(new Error('no reason stored')) })).rejects.toThrow('no reason stored');
    expect(await figuresVersion(db)).toBe(1);
    expect(await storedVersions(db)).toHaveLength(1);
  });

  it('gives uploads stored at once in one server a version each, in the order they were stored', async () => {
    const db = await open();
    const stored = await Promise.all(Array.from({ length: 8 }, (_, i) => storeSubmission(db, police(i % 3 === 0 ? BEXLEY : BRENT, 100 + i))));
    expect(new Set(stored.map((s) => s.id)).size).toBe(8);
    expect(await figuresVersion(db)).toBe(8);
    // Later ids took later versions: each upload waited for the one before it to end.
    expect((await storedVersions(db)).map((s) => s.data_version)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('gives uploads stored at once by two servers on one database a version each, in the order they were stored', async () => {
    const path = await shared();
    const db = await open(path);
    const count = 60;
    const other = spawn(process.execPath, ['--import', 'tsx', 'server/returns/uploader-process.test-support.ts', path, String(count), BRENT], { cwd: ROOT });
    const errors: Buffer[] = [];
    other.stderr.on('data', (chunk: Buffer) => errors.push(chunk));
    const exited = new Promise<number | null>((resolve) => other.on('exit', resolve));
    // This server starts once the other has stored its first, so that the two store at once.
    await new Promise<void>((resolve, reject) => {
      other.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('stored') && resolve());
      other.on('exit', () => reject(new Error(Buffer.concat(errors).toString())));
    });
    for (let i = 0; i < count; i++) await storeSubmission(db, police(BEXLEY, 100 + i));
    expect(await exited, Buffer.concat(errors).toString()).toBe(0);

    const versions = await storedVersions(db);
    expect(versions).toHaveLength(2 * count);
    expect(versions.map((s) => s.data_version)).toEqual(Array.from({ length: 2 * count }, (_, i) => i + 1));
    expect(await figuresVersion(db)).toBe(2 * count);
  });
});
