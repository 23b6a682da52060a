// One journey file's setup: the real server with demo data and Chromium, started before its
// tests and closed after them, with as many browser sessions (each its own cookies) as it needs.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser, openSession, type Session } from './browser';
import { startServer, type RunningServer } from './server';

export interface Journey {
  server: RunningServer;
  browser: Browser;
  sessions: Session[];
  /** The first session, for a journey with one. */
  readonly session: Session;
}

/** Registers the file's beforeAll/afterAll; the returned object is filled in before the first test. */
export function journey(sessions = 1): Journey {
  const state = {
    sessions: [] as Session[],
    get session() {
      return this.sessions[0];
    },
  } as Journey;
  beforeAll(async () => {
    [state.server, state.browser] = await Promise.all([startServer(), launchBrowser()]);
    state.sessions = await Promise.all(Array.from({ length: sessions }, () => openSession(state.browser, state.server.baseUrl)));
  });
  afterAll(async () => {
    await Promise.all(state.sessions.map((s) => s.context.close()));
    await state.browser?.close();
    await state.server?.close();
  });
  return state;
}
