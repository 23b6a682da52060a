// One config, one project per runtime: the server and shared schemas run under node.
// The web project (jsdom) and browser journeys are added beside it.
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
        },
      },
    ],
  },
});
