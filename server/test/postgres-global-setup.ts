// Global setup of the server suite on PostgreSQL (the `server-postgres` project): one throwaway
// cluster for the whole run, and one migrated template database that every test's database is
// copied from (server/test/database.ts), so no test pays for the migrations.
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../db/database';
import { TEMPLATE_DATABASE } from './database';
import { createDatabase, startPostgresCluster } from './postgres-cluster';

declare module 'vitest' {
  interface ProvidedContext {
    postgresAdminUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const cluster = await startPostgresCluster();
  const templateUrl = await createDatabase(cluster.url, TEMPLATE_DATABASE);
  const template = await openDatabase(templateUrl);
  await template.close();
  project.provide('postgresAdminUrl', cluster.url);
  return () => cluster.stop();
}
