// Builds the web app once before the journeys, unless dist/web is newer than every source file
// it is built from (web/, schemas/ and the config), so a run after an edit never tests old code.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CONFIG = join(ROOT, 'web/vite.config.ts');
const BUILT = join(ROOT, 'dist/web/.vite/manifest.json');
const SOURCES = ['web', 'schemas', 'server/ingest/read', 'package-lock.json'];

function newestChange(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || entry.startsWith('.')) continue;
    newest = Math.max(newest, newestChange(join(path, entry)));
  }
  return newest;
}

export default async function setup() {
  const built = existsSync(BUILT) ? statSync(BUILT).mtimeMs : 0;
  const sources = Math.max(...SOURCES.map((s) => join(ROOT, s)).filter(existsSync).map(newestChange));
  if (built > sources) return;
  // Vitest sets NODE_ENV=test, which would give React's development build: build for production.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ configFile: CONFIG, mode: 'production', logLevel: 'warn' });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
}
