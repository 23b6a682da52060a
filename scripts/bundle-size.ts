// What a first visit downloads: the entry chunk and every chunk it imports statically, gzipped,
// from the Vite manifest of the built app (dist/web). Fails above the budget. Pages are lazy
// chunks and are listed for information only. Run with `npm run size` (builds first if needed).
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

/** The first-visit JavaScript budget (issue 5): 300 KB gzipped. */
export const INITIAL_JS_BUDGET_KB = 300;
const KB = 1024;

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUT = join(ROOT, 'dist/web');
const MANIFEST = join(OUT, '.vite/manifest.json');

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}
type Manifest = Record<string, ManifestChunk>;

function gzipKb(file: string): number {
  return gzipSync(readFileSync(join(OUT, file)), { level: 9 }).length / KB;
}

/** The entry and its static imports, transitively, each once. */
export function initialChunks(manifest: Manifest): string[] {
  const entry = Object.keys(manifest).find((key) => manifest[key].isEntry);
  if (!entry) throw new Error('The manifest has no entry chunk.');
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    for (const next of manifest[key].imports ?? []) visit(next);
  };
  visit(entry);
  return [...seen];
}

function main() {
  if (!existsSync(MANIFEST)) {
    console.log('dist/web has no manifest: building the web app first.');
    execFileSync(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--config', join(ROOT, 'web/vite.config.ts'), '--logLevel', 'warn'], { stdio: 'inherit' });
  }
  const manifest = JSON.parse(readFileSync(MANIFEST, 'utf8')) as Manifest;
  const initial = initialChunks(manifest);
  let total = 0;
  console.log('Initial JavaScript (entry chunk and its static imports), gzipped:');
  for (const key of initial) {
    const kb = gzipKb(manifest[key].file);
    total += kb;
    console.log(`  ${manifest[key].file.padEnd(48)} ${kb.toFixed(1).padStart(7)} KB`);
  }
  const css = [...new Set(initial.flatMap((key) => manifest[key].css ?? []))];
  const cssKb = css.reduce((sum, file) => sum + gzipKb(file), 0);
  console.log(`  ${'total'.padEnd(48)} ${total.toFixed(1).padStart(7)} KB (budget ${INITIAL_JS_BUDGET_KB} KB)`);
  console.log(`Initial CSS, gzipped: ${cssKb.toFixed(1)} KB`);

  const lazy = Object.values(manifest)
    .filter((chunk) => chunk.isDynamicEntry)
    .map((chunk) => ({ file: chunk.file, kb: gzipKb(chunk.file) }))
    .sort((a, b) => b.kb - a.kb);
  console.log('Pages loaded on demand (each alone, gzipped):');
  for (const { file, kb } of lazy) console.log(`  ${file.padEnd(48)} ${kb.toFixed(1).padStart(7)} KB`);

  if (total > INITIAL_JS_BUDGET_KB) {
    console.error(`Initial JavaScript is ${total.toFixed(1)} KB gzipped, over the ${INITIAL_JS_BUDGET_KB} KB budget.`);
    process.exitCode = 1;
  }
}

main();
