// A second process storing submissions into the same database file, for tests of uploads stored
// at once by two servers (store-versions.test.ts): `node --import tsx <this file> <path> <count>`.
// It says "stored" after each of its police returns, stored one after another.
import { SYSTEM } from '../access/actor';
import { openDatabase } from '../db/database';
import { storeSubmission } from './store';

const [path, count, area] = process.argv.slice(2);
const db = await openDatabase(path);
for (let i = 0; i < Number(count); i++) {
  await storeSubmission(db, {
    returnType: 'police',
    actor: SYSTEM,
    fileName: `other-process-${i}.csv`,
    fileFormat: 'csv',
    fileBytes: Buffer.from(`other process ${i}`),
    rows: [{ rowNumber: 2, key: { areaCode: area, period: '2019-20Q3', subkey: '' }, values: { incidents: 1000 + i }, notes: null }],
    warnings: [],
    receivedAt: new Date('2026-01-01T00:00:00Z'),
  });
  process.stdout.write('stored\n');
}
await db.close();
