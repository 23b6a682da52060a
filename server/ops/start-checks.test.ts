// Demo accounts, whose passwords are public, never beside real returns (issue 14).
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { createDemoAccounts } from '../access/demo-accounts';
import { readConfig } from '../config';
import { buildTestApp, TEST_NOW, upload } from '../test/helpers';
import { csvOf, validRow } from '../test/rows';
import { demoDataProblem } from './start-checks';

let app: FastifyInstance;
afterEach(async () => {
  await app?.close();
});

describe('demo data and real returns', () => {
  it('an empty database may take demo data, in production only when asked for', async () => {
    app = await buildTestApp();
    expect(await demoDataProblem(readConfig({ DEMO_DATA: 'true' }), app.db)).toBeNull();
    expect(await demoDataProblem(readConfig({ NODE_ENV: 'production' }), app.db)).toBeNull();
  });

  it('refuses DEMO_DATA=true on a database holding real returns, and creating demo accounts there', async () => {
    app = await buildTestApp();
    expect((await upload(app, 'police', csvOf([validRow('police')]))).status).toBe(201);
    expect(await demoDataProblem(readConfig({ DEMO_DATA: 'true' }), app.db)).toMatch(/^DEMO_DATA=true, but .* holds real returns\. Demo accounts, whose passwords are public, must never sit beside them/);
    expect(await demoDataProblem(readConfig({ NODE_ENV: 'production', DEMO_DATA: 'true' }), app.db)).toMatch(/holds real returns/);
    // The development default (DEMO_DATA not set) leaves such a database alone, with a warning from the server.
    expect(await demoDataProblem(readConfig({}), app.db)).toBeNull();
    await expect(createDemoAccounts(app.db, TEST_NOW)).rejects.toThrow(/Refusing to create demo accounts/);
  });

  it('the sign-in page never shows demo passwords unless the server was started for demo data', async () => {
    app = await buildTestApp(TEST_NOW, { demoSignIn: false });
    await createDemoAccounts(app.db, TEST_NOW);
    app.db.sqlite.prepare("INSERT INTO settings (key, value) VALUES ('demo_data', 'true')").run();
    expect((await app.inject({ url: '/api/auth/sign-in-info' })).json()).toEqual({ demo: false, demoAccounts: [] });
  });
});
