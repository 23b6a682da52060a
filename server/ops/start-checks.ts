// What the server checks before it listens, beside its configuration (server/config.ts): demo
// accounts, whose passwords are public, never beside real returns.
import { holdsDemoData } from '../access/settings';
import type { Config } from '../config';
import type { Db } from '../db/database';
import { databaseIsEmpty } from '../demo/load';

/** Why this configuration must not run on this database, or null. */
export async function demoDataProblem(config: Config, db: Db): Promise<string | null> {
  const demo = holdsDemoData(db);
  if (config.DEMO_DATA && !demo && !(await databaseIsEmpty(db)) && (config.production || config.demoDataAsked)) {
    return `DEMO_DATA=true, but ${config.DATABASE_PATH} holds real returns. Demo accounts, whose passwords are public, must never sit beside them. Remove DEMO_DATA=true, or give the demonstration its own DATABASE_PATH.`;
  }
  if (config.production && !config.DEMO_DATA && demo) {
    return `${config.DATABASE_PATH} holds the synthetic demo data and its demo accounts, whose passwords are public. With NODE_ENV=production, start on a new DATABASE_PATH (reference data is loaded by itself), or set DEMO_DATA=true to run a demonstration.`;
  }
  return null;
}

