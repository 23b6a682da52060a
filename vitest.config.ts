// One config, one project per runtime: the server and shared schemas run under node; the web
// app's pure functions and components under jsdom; the browser journeys drive the built app in
// real Chromium against the real server.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'server',
          environment: 'node',
          include: ['server/**/*.test.ts', 'schemas/**/*.test.ts', 'fixtures/**/*.test.ts'],
          testTimeout: 20_000,
          // Each file spends seconds importing the server before its first test; on a two-CPU
          // machine the default of one worker left the other CPU idle through all of that.
          maxWorkers: 2,
        },
      },
      {
        test: {
          name: 'web',
          environment: 'jsdom',
          include: ['web/**/*.test.{ts,tsx}'],
          setupFiles: ['web/test/setup.ts'],
          testTimeout: 20_000,
          maxWorkers: 2,
        },
      },
      {
        test: {
          name: 'browser',
          environment: 'node',
          include: ['tests/browser/**/*.test.ts'],
          globalSetup: ['tests/browser/global-setup.ts'],
          // Each journey file starts its own server and browser; a few at a time keep the machine
          // responsive, and they run after the other projects rather than competing with them.
          maxWorkers: 3,
          sequence: { groupOrder: 1 },
          testTimeout: 90_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
