// Starts the real server for a browser journey: buildApp on a temporary SQLite file with the
// demo data loaded, listening on 127.0.0.1 on a free port and serving the built web app, as
// `npm start` does.
import type { FastifyInstance } from 'fastify';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../../../server/app';
import { loadDemoData } from '../../../server/demo/load';

export interface RunningServer {
  baseUrl: string;
  app: FastifyInstance;
  close: () => Promise<void>;
}

/** Today, fixed so demo data and the default period never depend on when tests run. */
export const JOURNEY_NOW = new Date('2026-11-22T12:00:00Z');

export async function startServer(): Promise<RunningServer> {
  const dir = mkdtempSync(join(tmpdir(), 'dap-journey-'));
  const app = await buildApp({ databasePath: join(dir, 'dashboard.sqlite'), now: () => JOURNEY_NOW, secureCookies: false });
  await loadDemoData(app.db, JOURNEY_NOW);
  const baseUrl = await app.listen({ host: '127.0.0.1', port: 0 });
  return {
    baseUrl,
    app,
    close: async () => {
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
