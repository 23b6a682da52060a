// Loads the synthetic demo returns into an empty database (DEMO_DATA=true), through the same
// checks and storage as a partner's upload, so demo data can never be something a partner
// could not have sent.
import { findReturnDefinition } from '../../schemas/returns';
import { SYSTEM } from '../access/actor';
import { DEMO_DATA_SETTING, setSetting } from '../access/settings';
import { createDemoAccounts } from '../access/demo-accounts';
import type { Db } from '../db/database';
import { ingestReturn } from '../returns/ingest';
import { generateDemoReturns } from './generate';
import { loadDemoStrategies } from './strategies';

export function databaseIsEmpty(db: Db): boolean {
  return db.sqlite.prepare('SELECT count(*) FROM submissions').pluck().get() === 0;
}

export async function loadDemoData(db: Db, now: Date): Promise<{ submissions: number; rows: number }> {
  let submissions = 0;
  let rows = 0;
  for (const file of generateDemoReturns(now)) {
    const outcome = await ingestReturn(db, {
      definition: findReturnDefinition(file.type)!,
      bytes: Buffer.from(file.csv, 'utf8'),
      fileName: file.fileName,
      actor: SYSTEM,
      now,
      dryRun: false,
      permits: () => true,
    });
    if (outcome.kind !== 'stored') {
      throw new Error(`Demo file ${file.fileName} was not accepted: ${JSON.stringify(outcome).slice(0, 500)}`);
    }
    submissions++;
    rows += outcome.submission.rows;
  }
  await createDemoAccounts(db, now);
  await loadDemoStrategies(db, now);
  setSetting(db, DEMO_DATA_SETTING, 'true');
  return { submissions, rows };
}
