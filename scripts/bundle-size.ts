// What a first visit downloads, from the Vite manifest of the built app (dist/web): the entry
// chunk, the page's own lazy chunk, every chunk either imports statically, and their CSS, each
// file measured as the server sends it: brotli and gzip at scripts/precompress-web.ts settings,
// or as it is under COMPRESS_MIN_BYTES.
// A first visit lands on the overview (where / sends a board member): that visit must stay within
// the budget, gzipped, or this fails. An indicator page, the heaviest, is measured the same way
// for a visit from a bookmark or a shared link, and only warned about. Other pages are listed
// chunk by chunk. Run with `npm run size` (builds first if needed).
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { COMPRESS_MIN_BYTES } from '../server/compression';
import { brotliBytes, gzipBytes, precompressAssets } from './precompress-web';

/** The first-visit budget (issue 5): 300 KB gzipped, JavaScript and CSS. */
export const FIRST_VISIT_BUDGET_KB = 300;
const KB = 1024;

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUT = join(ROOT, 'dist/web');
const MANIFEST = join(OUT, '.vite/manifest.json');

/** The landing page, by its source file in the manifest: its first visit is held to the budget. */
export const LANDING_PAGE = 'src/features/overview/OverviewPage.tsx';
/** Pages a visit can start on from a link, measured against the budget but not held to it. */
export const LINKED_PAGES = ['src/features/indicators/IndicatorPage.tsx'];

export interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}
export type Manifest = Record<string, ManifestChunk>;

/** The chunks from some starting keys and everything they import statically, transitively, each once. */
function withStaticImports(manifest: Manifest, starts: string[]): string[] {
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    if (!manifest[key]) throw new Error(`The manifest has no chunk "${key}".`);
    seen.add(key);
    for (const next of manifest[key].imports ?? []) visit(next);
  };
  for (const start of starts) visit(start);
  return [...seen];
}

function entryKey(manifest: Manifest): string {
  const entry = Object.keys(manifest).find((key) => manifest[key].isEntry);
  if (!entry) throw new Error('The manifest has no entry chunk.');
  return entry;
}

/**
 * Every file a first visit to a page loads: the entry chunk, the page's chunk, their static
 * imports (not the page's own lazy imports, fetched only when used), then the CSS of all of them.
 */
export function firstVisitFiles(manifest: Manifest, page: string): string[] {
  const chunks = withStaticImports(manifest, [entryKey(manifest), page]);
  const css = chunks.flatMap((key) => manifest[key].css ?? []);
  return [...new Set([...chunks.map((key) => manifest[key].file), ...css])];
}

interface Measured {
  file: string;
  raw: number;
  gzip: number;
  brotli: number;
}

async function measure(file: string): Promise<Measured> {
  const bytes = readFileSync(join(OUT, file));
  if (bytes.length < COMPRESS_MIN_BYTES) return { file, raw: bytes.length, gzip: bytes.length, brotli: bytes.length };
  const [gzip, brotli] = await Promise.all([gzipBytes(bytes), brotliBytes(bytes)]);
  return { file, raw: bytes.length, gzip: gzip.length, brotli: brotli.length };
}

const kb = (bytes: number) => `${(bytes / KB).toFixed(1).padStart(7)} KB`;
const row = (name: string, m: Omit<Measured, 'file'>) => `  ${name.padEnd(44)} ${kb(m.raw)} ${kb(m.gzip)} ${kb(m.brotli)}`;
const HEADER = `  ${'file'.padEnd(44)} ${'raw'.padStart(10)} ${'gzip'.padStart(10)} ${'brotli'.padStart(10)}`;

/** Prints a first visit file by file and returns its gzipped total in KB. */
async function reportFirstVisit(manifest: Manifest, page: string, title: string): Promise<number> {
  const files = await Promise.all(firstVisitFiles(manifest, page).map(measure));
  const total = files.reduce((sum, m) => ({ raw: sum.raw + m.raw, gzip: sum.gzip + m.gzip, brotli: sum.brotli + m.brotli }), { raw: 0, gzip: 0, brotli: 0 });
  console.log(`${title}:`);
  console.log(HEADER);
  for (const m of files) console.log(row(m.file, m));
  console.log(row(`total, ${files.length} files (budget ${FIRST_VISIT_BUDGET_KB} KB gzip)`, total));
  return total.gzip / KB;
}

async function main() {
  if (!existsSync(MANIFEST)) {
    console.log('dist/web has no manifest: building the web app first.');
    execFileSync(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--config', join(ROOT, 'web/vite.config.ts'), '--logLevel', 'warn'], { stdio: 'inherit' });
    await precompressAssets(join(OUT, 'assets'));
  }
  const manifest = JSON.parse(readFileSync(MANIFEST, 'utf8')) as Manifest;
  const pageName = (key: string) => key.split('/').pop()!.replace(/\.tsx?$/, '');

  const landing = await reportFirstVisit(manifest, LANDING_PAGE, `First visit, landing on ${pageName(LANDING_PAGE)}: the entry, the page, their static imports and CSS`);
  if (landing > FIRST_VISIT_BUDGET_KB) {
    console.error(`A first visit loads ${landing.toFixed(1)} KB gzipped, over the ${FIRST_VISIT_BUDGET_KB} KB budget.`);
    process.exitCode = 1;
  }
  for (const page of LINKED_PAGES) {
    const total = await reportFirstVisit(manifest, page, `First visit from a link to ${pageName(page)}`);
    if (total > FIRST_VISIT_BUDGET_KB) console.log(`  Warning: ${total.toFixed(1)} KB gzipped is over the ${FIRST_VISIT_BUDGET_KB} KB budget (not enforced for pages reached by a link).`);
  }

  const measured = new Set([LANDING_PAGE, ...LINKED_PAGES].flatMap((page) => firstVisitFiles(manifest, page)));
  const others = await Promise.all(
    Object.values(manifest)
      .filter((chunk) => chunk.isDynamicEntry && !measured.has(chunk.file))
      .map((chunk) => measure(chunk.file)),
  );
  console.log('Other pages, loaded on demand (each chunk alone, without the chunks it shares):');
  console.log(HEADER);
  for (const m of others.sort((a, b) => b.gzip - a.gzip)) console.log(row(m.file, m));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
