// Global setup of the server suite on PostgreSQL (the `server-postgres` project): one throwaway
// cluster for the whole run, started from the server binaries on the machine, or a server of
// one's own named by POSTGRES_TEST_URL (a user there who may create databases; a CI service
// container, say). On it, one migrated template database that every test's database is copied
// from (server/test/database.ts), so no test pays for the migrations. Everything the run creates
// is dropped at the end.
import { randomBytes } from 'node:crypto';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../db/database';
import { createDatabase, dropDatabase, startPostgresCluster } from './postgres-cluster';

declare module 'vitest' {
  interface ProvidedContext {
    postgresAdminUrl: string;
    /** The template database of this run (a name of its own, so runs sharing a server do not meet). */
    postgresTemplate: string;
  }
}

export default async function setup(project: TestProject) {
  const external = process.env.POSTGRES_TEST_URL;
  const cluster = external ? null : await startPostgresCluster();
  const adminUrl = external ?? cluster!.url;
  const template = `dashboard_template_${randomBytes(4).toString('hex')}`;
  const templateDb = await openDatabase(await createDatabase(adminUrl, template));
  await templateDb.close();
  project.provide('postgresAdminUrl', adminUrl);
  project.provide('postgresTemplate', template);
  return async () => {
    if (cluster) return cluster.stop();
    // A server of one's own outlives the run: drop the template (each test drops its own database).
    await dropDatabase(adminUrl, template);
  };
}
