// `npm run bench` (add `--quick` while developing): national-scale performance of ingest and of
// every read a page makes, each measured against a baseline in the same run, alternately, so
// that a busy machine slows both alike. One table on stdout and in bench/out/results.json.
//
// Data: a synthetic database (bench/synthetic.ts): 300 local authorities, 40 force areas, 9
// regions, eight financial years of quarters of all five returns, population and England's
// values (about 60,000 stored rows). The first 45 authorities carry the shipped register's codes
// so that returns can be uploaded for them over HTTP.
//
// How things are measured
//  - Alternation: within each round the product and its baseline run one after the other (their
//    order swapped every round). "ratio" is computed per round and reported as the median over
//    rounds with its range (min–max) in brackets, so the spread shows how noisy the run was.
//  - Wall and CPU: wall is performance.now(); CPU is process.cpuUsage() (user + system, all
//    threads of this process) around the same work. The server runs in this process and the HTTP
//    client in a child process (bench/client.mjs), so CPU here is the server's: per request, the
//    batch's CPU divided by its requests. For single requests ("first after an upload") it also
//    includes one IPC round trip to the client, a few tens of microseconds, paid alike by health.
//  - p50/p99 are nearest-rank over every sample of every round (n is given in results.json);
//    with fewer than 100 samples p99 is the slowest one or two.
//
// The rows
//  ingest …                  One national police return (300 authorities × 4 quarters, 1,200
//                            rows, 131 KB CSV) stored through ingestReturn (read, validate every
//                            cell and rule, store with revision pointers and warnings) into a
//                            copy of the national database. ratio = baseline time ÷ product time
//                            (the product's speed as a fraction of the baseline's; higher is
//                            better). Two baselines, each alternated with the product:
//                            - fair floor: the least a correct import into this schema does:
//                              papaparse; plain validation (known quarter and area, cells of
//                              digits or blank, no duplicate key; no messages, no rules); one
//                              transaction inserting the submission, the rows into the same
//                              return_rows table with all its indexes, and the same current_rows
//                              upsert. Target: product ≥ 0.5× the fair floor.
//                            - bare insert: papaparse + a prepared insert into an unindexed table
//                              (the old baseline; no target, since it does not do the job).
//  ingest … synchronous=FULL The same national return stored by the product with the database's
//  vs NORMAL                 synchronous=FULL (what the server runs: a commit is on the disk
//                            before the upload is acknowledged) and with synchronous=NORMAL (the
//                            old setting: the last commits can be lost on power failure), alternated
//                            with the others. ratio = NORMAL time ÷ FULL time (FULL's speed as a
//                            fraction of NORMAL's). The cost is one fsync per commit, so it depends
//                            on the disk: the file system of the bench's temporary directory is
//                            given beside it (tmpfs has no fsync to pay).
//  ingest steps              Where the product's time goes (read / validate / store), medians.
//  <endpoint>, cached        Each read the web pages make, as the page sends it, over loopback
//                            keep-alive, one request at a time, as a signed-in board member
//                            (submissions: an analyst). Each round requests a set of distinct
//                            paths (40 areas × indicators; detail: the 8 latest national returns,
//                            twice) once unmeasured, to warm whatever the server caches, then again
//                            measured, alternating with as many /api/health requests (same cookie).
//                            "Cached" means only that: where the server keeps no cache the row is
//                            its steady state. ratio = endpoint p50 ÷ health p50 (lower is better).
//  <endpoint>, first after   Each sample: an analyst uploads a small police return (5 of the
//  an upload                 shipped-code authorities, the latest quarter, through POST
//                            /api/returns/police), then the endpoint is requested once for one
//                            of the uploaded areas (its force area for compare), then health once.
//                            That request is the first to see the new data: whatever the server
//                            caches, it has to bring it up to date.
//  summary …, 10 connections Cached summaries over 10 concurrent connections against health the same way.
//  first summary after start The first request after the server starts (builds the engine's index).
//  overview page             /api/* requests made by a fresh load of /overview?area=… in headless
//                            Chromium (web app built into bench/out/web when stale). Target ≤ 8.
//  health during a 10 MB     /api/health back to back while an analyst uploads a 10 MB police CSV
//  upload                    (45 authorities × 144 quarters = 6,480 rows with long notes; stored,
//                            201), against health back to back for as long without an upload.
//                            No warm-up upload: the first is as cold as a real server's first big
//                            file, so p99 is also given per upload. The server's own event-loop
//                            delay (perf_hooks) meanwhile shows the stall is the server's.
//                            Target: p99 ≤ 500 ms.
//
// Targets: summary p99 (first after an upload) ≤ 20 ms; submission detail of a national return
// p50 ≤ 40× health p50 (same rounds); overview ≤ 8 API requests; ingest ≥ 0.5× the fair floor;
// health p99 during a 10 MB upload ≤ 500 ms.
//
// Flags: --quick (fewer rounds, no web build), --no-browser, --workbook (also the old large-xlsx
// read comparison, about 25 s).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import v8 from 'node:v8';
import vm from 'node:vm';
import type { FastifyInstance } from 'fastify';
import Papa from 'papaparse';
import { z } from 'zod';
import type { AreaMatch } from '../schemas/areas';
import { INDICATORS } from '../schemas/indicators';
import { financialYearId, latestCompleteQuarter, parseQuarterId, quarterId, quarterOrdinal, type Quarter } from '../schemas/periods';
import { police } from '../schemas/returns/police';
import type { ColumnSpec, ReturnDefinition } from '../schemas/returns/definition';
import { createUser } from '../server/access/accounts';
import { SYSTEM } from '../server/access/actor';
import { buildApp } from '../server/app';
import { openDatabase, type Db } from '../server/db/database';
import type { AreaRegister } from '../server/engine/register';
import { readTable } from '../server/ingest/read-table';
import { validateTable } from '../server/ingest/validate';
import { ingestReturn } from '../server/returns/ingest';
import { storeSubmission } from '../server/returns/store';
import { LoadClient, quantile } from './load';
import {
  AUTHORITIES,
  authorityCode,
  FIRST_YEAR,
  FORCE_AREAS,
  forceCode,
  insertAreas,
  policeFigures,
  quartersOf,
  REGIONS,
  regionCode,
  SHIPPED_AUTHORITIES,
  sizeOf,
  syntheticAreas,
  syntheticRegister,
  syntheticSubmissions,
  YEARS,
} from './synthetic';

const ARGS = new Set(process.argv.slice(2));
const QUICK = ARGS.has('--quick');
const BROWSER = !ARGS.has('--no-browser');
const WORKBOOK = ARGS.has('--workbook');

const CONFIG = QUICK
  ? { ingestWarmup: 1, ingestRounds: 6, ingestSteps: 2, readRounds: 2, cachedPaths: 20, detailPaths: 3, summarySamples: 5, otherSamples: 2, concurrentRequests: 100, uploadRounds: 1, buildWeb: false }
  : { ingestWarmup: 2, ingestRounds: 30, ingestSteps: 5, readRounds: 9, cachedPaths: 40, detailPaths: 8, summarySamples: 25, otherSamples: 6, concurrentRequests: 300, uploadRounds: 4, buildWeb: true };

/** After the last quarter of the data and of the ingested file, so every quarter has ended. */
const NOW = new Date('2026-06-15T12:00:00Z');
const LAST_YEAR = FIRST_YEAR + YEARS - 1; // the latest stored financial year (2024-25)
const INGEST_YEAR = LAST_YEAR + 1; // the ingested national return: the year after the stored ones
const LATEST_QUARTER = quartersOf(LAST_YEAR)[3];
const TARGETS = { ingestRatio: 0.5, summaryP99Ms: 20, detailTimesHealth: 40, overviewRequests: 8, healthDuringUploadP99Ms: 500 };
const LARGE_UPLOAD_BYTES = 10_000_000; // under the 10 MiB limit (server/limits.ts)
const UPLOAD_AREAS = 5;
const BENCH_PASSWORD = 'a benchmark password, never used elsewhere';
const ACCEPT_ENCODING = 'gzip, deflate, br';

const BENCH_DIR = dirname(fileURLToPath(import.meta.url));
const ROOT = join(BENCH_DIR, '..');
const OUT_DIR = join(BENCH_DIR, 'out');
const WEB_OUT = join(OUT_DIR, 'web');

// A full collection before each ingest measurement, so no method pays for another's garbage.
v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

const cpuMsSince = (start: NodeJS.CpuUsage) => {
  const d = process.cpuUsage(start);
  return (d.user + d.system) / 1000;
};

interface Sample<T> {
  result: T;
  wallMs: number;
  cpuMs: number;
}

async function measure<T>(work: () => T | Promise<T>): Promise<Sample<T>> {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const result = await work();
  return { result, wallMs: performance.now() - t0, cpuMs: cpuMsSince(c0) };
}

const fmt = (n: number, digits = 1) => (Number.isFinite(n) ? n.toLocaleString('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits }) : '–');
const ms = (n: number) => fmt(n, n < 10 ? 2 : n < 100 ? 1 : 0);
const rotate = <T>(xs: readonly T[], by: number) => xs.map((_, i) => xs[(i + by) % xs.length]);
const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

/** The median of a few values (the mean of the middle two for an even count): for ratios over rounds. */
function middle(xs: readonly number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  const m = sorted.length / 2;
  return sorted.length % 2 === 1 ? sorted[Math.floor(m)] : (sorted[m - 1] + sorted[m]) / 2;
}

/** A ratio per round, as "median× (min–max)". */
function ratioText(ratios: number[], digits = 2): string {
  if (ratios.length === 0) return '–';
  const sorted = [...ratios].sort((a, b) => a - b);
  return ratios.length === 1 ? `${fmt(sorted[0], digits)}×` : `${fmt(middle(sorted), digits)}× (${fmt(sorted[0], digits)}–${fmt(sorted[sorted.length - 1], digits)})`;
}

// ---------------------------------------------------------------------------------------------
// Results

interface Row {
  measurement: string;
  product: string;
  baseline: string;
  ratio: string;
  target: string;
  met: 'met' | 'NOT met' | '';
  data?: unknown;
}

const rows: Row[] = [];
const info = (measurement: string, product: string, data?: unknown, baseline = '–', ratio = '–') => rows.push({ measurement, product, baseline, ratio, target: '–', met: '', data });
const verdict = (ok: boolean): Row['met'] => (ok ? 'met' : 'NOT met');

// ---------------------------------------------------------------------------------------------
// The synthetic database

async function buildDatabase(path: string, register: AreaRegister): Promise<{ db: Db; rows: number; ms: number }> {
  const db = await openDatabase(path);
  await insertAreas(db, register);
  let stored = 0;
  const t0 = performance.now();
  for (const s of syntheticSubmissions()) {
    await storeSubmission(db, { returnType: s.returnType, actor: SYSTEM, fileName: `${s.returnType}.csv`, fileFormat: 'csv', fileBytes: Buffer.from(String(stored)), rows: s.rows, warnings: [], receivedAt: NOW });
    stored += s.rows.length;
  }
  return { db, rows: stored, ms: performance.now() - t0 };
}

// ---------------------------------------------------------------------------------------------
// Returns as files

const FIGURE_COLUMNS = police.columns.filter((c) => c.role === 'figure').map((c) => c.name);

/** The police template with its area column reading the synthetic register instead of the shipped one. */
function policeDefinitionFor(register: AreaRegister): ReturnDefinition {
  const areaColumn: ColumnSpec = {
    ...police.columns.find((c) => c.name === 'area_code')!,
    reader: () =>
      z.string().transform((raw, ctx): AreaMatch => {
        const area = register.find(raw.trim().toUpperCase());
        if (!area || area.type !== 'local-authority') {
          ctx.addIssue({ code: 'custom', message: `"${raw}" is not a local authority`, params: { code: 'unknown-area' } });
          return z.NEVER;
        }
        return { area, via: 'code' };
      }),
  };
  return { ...police, columns: police.columns.map((c) => (c.name === 'area_code' ? areaColumn : c)) };
}

function policeLine(quarter: string, authority: number, figures: Record<string, number | null>, extra: string[] = []): string {
  return [quarter, authorityCode(authority), ...FIGURE_COLUMNS.map((c) => String(figures[c] ?? '')), ...extra].join(',');
}

/** A national police return: every authority, the four quarters of INGEST_YEAR. */
function nationalPoliceReturn(): { csv: string; rows: number } {
  const lines = [['period', 'area_code', ...FIGURE_COLUMNS].join(',')];
  for (let a = 0; a < AUTHORITIES; a++) quartersOf(INGEST_YEAR).forEach((q, i) => lines.push(policeLine(q, a, policeFigures(a, YEARS * 4 + i))));
  return { csv: lines.join('\n') + '\n', rows: lines.length - 1 };
}

/** Shipped-code authorities of ordinary size: the areas small uploads revise. */
const UPLOADABLE = Array.from({ length: SHIPPED_AUTHORITIES }, (_, a) => a).filter((a) => sizeOf(a) >= 0.1);

/** Upload number u: five authorities' latest quarter, with incidents moved so each is a real revision. */
function smallReturn(u: number): { csv: string; target: number } {
  const touched = Array.from({ length: UPLOAD_AREAS }, (_, j) => UPLOADABLE[(u * UPLOAD_AREAS + j) % UPLOADABLE.length]);
  const lines = [['period', 'area_code', ...FIGURE_COLUMNS].join(',')];
  for (const a of touched) {
    const figures = policeFigures(a, (YEARS - 1) * 4 + 3);
    lines.push(policeLine(LATEST_QUARTER, a, { ...figures, incidents: (figures.incidents ?? 0) + 1 + (u % 5) }));
  }
  return { csv: lines.join('\n') + '\n', target: touched[0] };
}

/** About `bytes` of police CSV: every shipped-code authority × every quarter since 1990-91, with long notes. */
function largeReturn(bytes: number): { csv: string; rows: number } {
  const latest = parseQuarterId(latestCompleteQuarter(NOW))!;
  const quarters: string[] = [];
  for (let y = 1990; y <= latest.startYear; y++) for (let q = 1; q <= 4; q++) quarters.push(quarterId({ startYear: y, quarter: q as Quarter['quarter'] }));
  const header = ['period', 'area_code', ...FIGURE_COLUMNS, 'notes'].join(',');
  const lines: string[] = [];
  for (let a = 0; a < SHIPPED_AUTHORITIES; a++) quarters.forEach((q, i) => lines.push(policeLine(q, a, policeFigures(a, i % (YEARS * 4)))));
  const fixed = header.length + 1 + sum(lines.map((l) => l.length + 2));
  const noteLength = Math.min(2000, Math.floor((bytes - fixed) / lines.length));
  const sentence = 'Figures revised after the annual data quality review of the force crime recording system. ';
  const note = sentence.repeat(Math.ceil(noteLength / sentence.length)).slice(0, noteLength).trim();
  return { csv: [header, ...lines.map((l) => `${l},${note}`)].join('\n') + '\n', rows: lines.length };
}

function multipart(content: string, fileName: string) {
  const boundary = '----bench-boundary-7d3f2a';
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: text/csv\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { payload: Buffer.concat([head, Buffer.from(content, 'utf8'), tail]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

// ---------------------------------------------------------------------------------------------
// Ingest: the product against a fair floor and a bare insert, alternately

const DIGITS = /^\d{1,15}$/;

/**
 * The least a correct import into this schema does (see the notes at the top). Returns rows stored,
 * or throws. SQLite-only, like the bare insert below and the synchronous=FULL row: prepared
 * better-sqlite3 statements, the floor the embedded engine allows.
 */
function fairFloorIngest(db: Db, csv: string, bytes: Buffer, areas: ReadonlySet<string>, quarters: ReadonlySet<string>): number {
  const [header, ...lines] = Papa.parse<string[]>(csv, { skipEmptyLines: true }).data;
  const columns = header.slice(2);
  const rows: Array<{ period: string; area: string; values: string }> = [];
  const keys = new Set<string>();
  for (const cells of lines) {
    const [period, area] = cells;
    if (!quarters.has(period) || !areas.has(area)) throw new Error('fair floor: unknown key');
    const key = `${area}|${period}`;
    if (keys.has(key)) throw new Error('fair floor: duplicate key');
    keys.add(key);
    const values: Record<string, number | null> = {};
    for (let i = 0; i < columns.length; i++) {
      const cell = cells[i + 2] ?? '';
      if (cell === '') values[columns[i]] = null;
      else if (DIGITS.test(cell)) values[columns[i]] = Number(cell);
      else throw new Error('fair floor: not a count');
    }
    rows.push({ period, area, values: JSON.stringify(values) });
  }
  const sqlite = db.sqlite!;
  const insertSubmission = sqlite.prepare(`INSERT INTO submissions (return_type, received_at, actor_kind, actor_id, actor_name, organisation_id, file_name, file_format,
      file_sha256, row_count, periods_json, areas_json, warnings_json) VALUES ('police', ?, 'system', 'system', 'bench', NULL, 'national-police.csv', 'csv', ?, ?, ?, ?, '[]')`);
  const insertRow = sqlite.prepare(`INSERT INTO return_rows (submission_id, return_type, area_code, period, subkey, source_row, values_json, notes) VALUES (?, 'police', ?, ?, '', ?, ?, NULL)`);
  const pointCurrent = sqlite.prepare(`INSERT INTO current_rows (return_type, area_code, period, subkey, row_id)
    SELECT return_type, area_code, period, subkey, id FROM return_rows WHERE submission_id = ? AND true
    ON CONFLICT (return_type, area_code, period, subkey) DO UPDATE SET row_id = excluded.row_id`);
  const sha = createHash('sha256').update(bytes).digest('hex');
  const periods = JSON.stringify([...new Set(rows.map((r) => r.period))].sort());
  const areaList = JSON.stringify([...new Set(rows.map((r) => r.area))].sort());
  sqlite.transaction(() => {
    const id = Number(insertSubmission.run(NOW.toISOString(), sha, rows.length, periods, areaList).lastInsertRowid);
    rows.forEach((r, i) => insertRow.run(id, r.area, r.period, i + 2, r.values));
    pointCurrent.run(id);
  })();
  return rows.length;
}

/** The old baseline: parse the CSV and insert each row with a prepared statement into an unindexed table. */
function bareIngest(db: Db, csv: string): number {
  const [header, ...lines] = Papa.parse<string[]>(csv, { skipEmptyLines: true }).data;
  const insert = db.sqlite!.prepare('INSERT INTO bench_baseline (period, area_code, values_json) VALUES (?, ?, ?)');
  db.sqlite!.transaction(() => {
    for (const r of lines) {
      const values: Record<string, number | null> = {};
      for (let i = 2; i < header.length; i++) values[header[i]] = r[i] === '' ? null : Number(r[i]);
      insert.run(r[0], r[1], JSON.stringify(values));
    }
  })();
  return lines.length;
}

/** The file system type holding a directory ("ext4", "tmpfs"), from df; "unknown file system" if df cannot say. */
function fileSystemOf(dir: string): string {
  const df = spawnSync('df', ['--output=fstype', dir], { encoding: 'utf8' });
  const type = df.status === 0 ? df.stdout.trim().split('\n').pop()?.trim() : undefined;
  return type ? `on ${type}` : 'unknown file system';
}

async function measureIngest(source: Db, dir: string, register: AreaRegister) {
  // A copy of the national database, so the reads measured later see only the synthetic history.
  const path = join(dir, 'ingest.sqlite');
  source.sqlite!.exec(`VACUUM INTO '${path}'`);
  const db = await openDatabase(path);
  db.sqlite!.exec('CREATE TABLE bench_baseline (id INTEGER PRIMARY KEY, period TEXT NOT NULL, area_code TEXT NOT NULL, values_json TEXT NOT NULL) STRICT');
  const { csv, rows: rowCount } = nationalPoliceReturn();
  const bytes = Buffer.from(csv, 'utf8');
  const definition = policeDefinitionFor(register);
  const areas = new Set(register.areas.filter((a) => a.type === 'local-authority').map((a) => a.code));
  const latest = quarterOrdinal(parseQuarterId(latestCompleteQuarter(NOW))!);
  const quarters = new Set<string>();
  for (let y = 1990; y <= INGEST_YEAR; y++) for (const q of quartersOf(y)) if (quarterOrdinal(parseQuarterId(q)!) <= latest) quarters.add(q);

  const ingestProduct = async () => {
    const outcome = await ingestReturn(db, { definition, bytes, fileName: 'national-police.csv', actor: SYSTEM, now: NOW, dryRun: false, permits: () => true });
    if (outcome.kind !== 'stored') throw new Error(`the national police return was not stored: ${JSON.stringify(outcome).slice(0, 400)}`);
  };
  const methods = {
    // openDatabase sets synchronous=FULL, as the server runs.
    product: ingestProduct,
    normal: async () => {
      db.sqlite!.pragma('synchronous = NORMAL');
      try {
        await ingestProduct();
      } finally {
        db.sqlite!.pragma('synchronous = FULL');
      }
    },
    floor: () => void fairFloorIngest(db, csv, bytes, areas, quarters),
    bare: () => void bareIngest(db, csv),
  };
  type Method = keyof typeof methods;
  const order = Object.keys(methods) as Method[];
  for (let i = 0; i < CONFIG.ingestWarmup; i++) for (const m of order) await methods[m]();
  const samples: Array<Record<Method, Sample<void>>> = [];
  for (let r = 0; r < CONFIG.ingestRounds; r++) {
    const round = {} as Record<Method, Sample<void>>;
    for (const m of rotate(order, r)) {
      gc();
      round[m] = await measure(methods[m]);
    }
    samples.push(round);
  }
  // Where the product's time goes: the steps ingestReturn takes, each timed.
  const steps = { read: [] as Array<Sample<unknown>>, validate: [] as Array<Sample<unknown>>, store: [] as Array<Sample<unknown>> };
  for (let i = 0; i < CONFIG.ingestSteps; i++) {
    gc();
    const read = await measure(() => readTable(bytes, 'national-police.csv'));
    const validated = await measure(() => validateTable(read.result, definition, { now: NOW }));
    const stored = await measure(() =>
      storeSubmission(db, { returnType: 'police', actor: SYSTEM, fileName: 'national-police.csv', fileFormat: 'csv', fileBytes: bytes, rows: validated.result.rows, warnings: validated.result.warnings, receivedAt: NOW }),
    );
    steps.read.push({ ...read, result: null });
    steps.validate.push({ ...validated, result: null });
    steps.store.push({ ...stored, result: null });
  }
  await db.close();

  const of = (m: Method, k: 'wallMs' | 'cpuMs') => samples.map((s) => s[m][k]);
  const describe = (m: Method) => `${ms(middle(of(m, 'wallMs')))} ms, cpu ${ms(middle(of(m, 'cpuMs')))} ms`;
  const ratios = (base: Method, k: 'wallMs' | 'cpuMs') => samples.map((s) => s[base][k] / s.product[k]);
  const what = `national police return (${rowCount.toLocaleString('en-GB')} rows, ${fmt(bytes.length / 1024, 0)} KB)`;
  const data = { rows: rowCount, bytes: bytes.length, rounds: CONFIG.ingestRounds, samples };
  for (const k of ['wallMs', 'cpuMs'] as const) {
    const r = ratios('floor', k);
    rows.push({
      measurement: `ingest ${what} vs fair floor, ${k === 'wallMs' ? 'wall' : 'CPU'}`,
      product: `${ms(middle(of('product', k)))} ms`,
      baseline: `${ms(middle(of('floor', k)))} ms`,
      ratio: ratioText(r),
      target: `≥ ${TARGETS.ingestRatio}×`,
      met: verdict(middle(r) >= TARGETS.ingestRatio),
      data: k === 'wallMs' ? data : undefined,
    });
  }
  info(`ingest ${what} vs bare insert (unindexed, unvalidated)`, describe('product'), undefined, describe('bare'), ratioText(ratios('bare', 'wallMs')));
  info(
    `ingest ${what}, synchronous=FULL vs NORMAL (${fileSystemOf(dir)})`,
    describe('product'),
    { fullWallMs: of('product', 'wallMs'), normalWallMs: of('normal', 'wallMs') },
    describe('normal'),
    ratioText(ratios('normal', 'wallMs')),
  );
  const step = (k: 'wallMs' | 'cpuMs') => (['read', 'validate', 'store'] as const).map((s) => ms(middle(steps[s].map((x) => x[k])))).join(' / ');
  info('ingest steps: read / validate / store (medians)', `wall ${step('wallMs')} ms; cpu ${step('cpuMs')} ms`, steps);
}

// ---------------------------------------------------------------------------------------------
// HTTP: the real application over loopback

interface Identity {
  /** Sent by the client: the session cookie, and Accept-Encoding as a browser sends it. */
  headers: Record<string, string>;
  /** For app.inject uploads: the cookie and the CSRF token. */
  injectHeaders: Record<string, string>;
  cookie: { name: string; value: string };
}

async function signInAs(app: FastifyInstance, role: 'board' | 'analyst'): Promise<Identity> {
  const email = `bench-${role}@example.invalid`;
  await createUser(app.db, { email, name: `Bench ${role}`, role, organisationId: null, password: BENCH_PASSWORD }, NOW);
  const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password: BENCH_PASSWORD } });
  if (login.statusCode !== 204) throw new Error(`the benchmark could not sign in as ${role}: ${login.body}`);
  const cookie = login.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  const me = await app.inject({ url: '/api/auth/me', headers: { cookie } });
  const session = login.cookies.find((c) => c.value !== '')!;
  return {
    headers: { cookie, 'accept-encoding': ACCEPT_ENCODING },
    injectHeaders: { cookie, 'x-csrf-token': me.json().csrfToken as string },
    cookie: { name: session.name, value: session.value },
  };
}

interface Endpoint {
  name: string;
  who: 'board' | 'analyst';
  cached: string[];
  /** The path for one sample after an upload whose first area is `authority`. */
  afterUpload: (authority: number) => string;
  samples: number;
  target?: 'summary' | 'detail';
}

function endpoints(nationalSubmissions: number[], latestPoliceReturn: number): Endpoint[] {
  const areaCode = new Map(syntheticAreas().map((a) => [a.code, a]));
  const forceOf = (a: number) => areaCode.get(authorityCode(a))!.parents[0];
  const spread = (i: number) => (i * 7919) % AUTHORITIES;
  const year = financialYearId(LAST_YEAR);
  const from = quartersOf(LAST_YEAR - 2)[0]; // twelve quarters to LATEST_QUARTER, as the indicator page asks
  const policeIndicators = INDICATORS.filter((i) => i.source === 'police');
  const indicatorAt = (i: number) => INDICATORS[i % INDICATORS.length].id;
  const police = policeIndicators[0].id;
  const parents = [...Array.from({ length: FORCE_AREAS }, (_, i) => forceCode(i)), ...Array.from({ length: REGIONS }, (_, i) => regionCode(i))];
  const n = CONFIG.cachedPaths;
  const paths = (make: (i: number) => string) => Array.from({ length: n }, (_, i) => make(i));
  const series = (kind: string) => (area: string, id: string) => `/api/indicators/${id}/series?area=${area}&kind=${kind}&from=${from}&to=${LATEST_QUARTER}&level=95`;
  const values = (area: string, id: string) => `/api/indicators/${id}/values?area=${area}&period=${year}&level=95`;
  const types = ['police', 'marac', 'idva', 'csc', 'refuge'];
  return [
    { name: 'summary, latest twelve months', who: 'board', cached: paths((i) => `/api/areas/${authorityCode(spread(i))}/summary?level=95`), afterUpload: (a) => `/api/areas/${authorityCode(a)}/summary?level=95`, samples: CONFIG.summarySamples, target: 'summary' },
    { name: `summary, period=${year}`, who: 'board', cached: paths((i) => `/api/areas/${authorityCode(spread(i))}/summary?period=${year}&level=95`), afterUpload: (a) => `/api/areas/${authorityCode(a)}/summary?period=${year}&level=95`, samples: CONFIG.summarySamples, target: 'summary' },
    { name: 'indicator values', who: 'board', cached: paths((i) => values(authorityCode(spread(i)), indicatorAt(i))), afterUpload: (a) => values(authorityCode(a), police), samples: CONFIG.otherSamples },
    { name: 'series, quarters', who: 'board', cached: paths((i) => series('quarter')(authorityCode(spread(i)), indicatorAt(i))), afterUpload: (a) => series('quarter')(authorityCode(a), police), samples: CONFIG.otherSamples },
    { name: 'series, rolling-year', who: 'board', cached: paths((i) => series('rolling-year')(authorityCode(spread(i)), indicatorAt(i))), afterUpload: (a) => series('rolling-year')(authorityCode(a), police), samples: CONFIG.otherSamples },
    { name: 'compare areas', who: 'board', cached: paths((i) => `/api/indicators/${indicatorAt(i)}/compare?parent=${parents[(i * 13) % parents.length]}&period=${year}&level=95`), afterUpload: (a) => `/api/indicators/${police}/compare?parent=${forceOf(a)}&period=${year}&level=95`, samples: CONFIG.otherSamples },
    { name: 'indicator revisions', who: 'board', cached: paths((i) => `/api/indicators/${indicatorAt(i)}/revisions?area=${authorityCode(spread(i))}&period=${year}`), afterUpload: (a) => `/api/indicators/${police}/revisions?area=${authorityCode(a)}&period=${year}`, samples: CONFIG.otherSamples },
    { name: 'submissions, returns page', who: 'analyst', cached: paths((i) => `/api/submissions?${i % 6 === 0 ? '' : `type=${types[i % 5]}&`}limit=20&offset=${20 * Math.floor(i / 6)}`), afterUpload: () => '/api/submissions?limit=20&offset=0', samples: CONFIG.otherSamples },
    { name: 'submissions, completeness page', who: 'analyst', cached: paths((i) => `/api/submissions?type=${types[i % 5]}&period=${quartersOf(LAST_YEAR - (i % 8))[i % 4]}&limit=200`), afterUpload: () => `/api/submissions?type=police&period=${LATEST_QUARTER}&limit=200`, samples: CONFIG.otherSamples },
    {
      name: 'submission detail, national return',
      who: 'analyst',
      // The latest national returns, each twice, so a round has as many requests as the others' medians rest on.
      cached: [...nationalSubmissions.slice(-CONFIG.detailPaths), ...nationalSubmissions.slice(-CONFIG.detailPaths)].map((id) => `/api/submissions/${id}`),
      afterUpload: () => `/api/submissions/${latestPoliceReturn}`,
      samples: CONFIG.otherSamples,
      target: 'detail',
    },
  ];
}

interface Batch {
  latencies: number[];
  cpuMs: number;
  bytes: number;
}

function checkOk(what: string, results: Array<{ status: number; body: string | null }>) {
  const bad = results.find((r) => r.status !== 200);
  if (bad) throw new Error(`${what}: HTTP ${bad.status} ${bad.body ?? ''}`);
}

async function measureHttp(databasePath: string, register: AreaRegister, national: { all: number[]; police: number }, webRoot: string | null) {
  const app = await buildApp({ databasePath, areaRegister: register, now: () => NOW, webRoot: webRoot ?? undefined });
  const board = await signInAs(app, 'board');
  const analyst = await signInAs(app, 'analyst');
  await app.listen({ port: 0, host: '127.0.0.1' });
  const port = (app.server.address() as { port: number }).port;
  const client = await LoadClient.start(port);
  const who = { board, analyst };
  const HEALTH = '/api/health';
  try {
    // The first request after start builds the engine's index.
    const first = await measure(() => client.one(`/api/areas/${authorityCode(1)}/summary?level=95`, board.headers));
    checkOk('first summary', [first.result]);
    info('first summary after server start (builds the index)', `${ms(first.result.ms)} ms, cpu ${ms(first.cpuMs)} ms`, { wallMs: first.result.ms, cpuMs: first.cpuMs });

    let uploads = 0;
    const upload = async () => {
      const { csv, target } = smallReturn(uploads++);
      const body = multipart(csv, 'revision.csv');
      const response = await app.inject({ method: 'POST', url: '/api/returns/police', headers: { ...analyst.injectHeaders, ...body.headers }, payload: body.payload });
      if (response.statusCode !== 201) throw new Error(`small upload: HTTP ${response.statusCode} ${response.body.slice(0, 600)}`);
      return target;
    };
    const batch = async (paths: string[], headers: Record<string, string>, concurrency = 1): Promise<Batch> => {
      const { result, cpuMs } = await measure(() => client.sequence(paths, headers, concurrency));
      checkOk(paths[0], result.results);
      return { latencies: result.results.map((r) => r.ms), cpuMs, bytes: sum(result.results.map((r) => r.bytes)) };
    };
    const single = async (path: string, headers: Record<string, string>): Promise<Batch> => {
      const { result, cpuMs } = await measure(() => client.one(path, headers));
      checkOk(path, [result]);
      return { latencies: [result.ms], cpuMs, bytes: result.bytes };
    };

    const list = endpoints(national.all, national.police);
    const summary = list[0];
    const concurrent = { name: 'summary, latest twelve months, cached, 10 connections', paths: Array.from({ length: CONFIG.concurrentRequests }, (_, i) => summary.cached[i % summary.cached.length]) };
    type Pairs = { product: Batch[]; baseline: Batch[] };
    const cached = new Map<string, Pairs>(list.map((e) => [e.name, { product: [], baseline: [] }]));
    const afterUpload = new Map<string, Pairs>(list.map((e) => [e.name, { product: [], baseline: [] }]));
    const concurrentPairs: Pairs = { product: [], baseline: [] };

    for (let r = 0; r < CONFIG.readRounds; r++) {
      const productFirst = r % 2 === 0;
      // Cached: warm the paths, then the endpoint and health alternately.
      for (const e of rotate(list, r)) {
        const headers = who[e.who].headers;
        await batch(e.cached, headers);
        const health = Array.from({ length: e.cached.length }, () => HEALTH);
        const pair = cached.get(e.name)!;
        if (productFirst) pair.product.push(await batch(e.cached, headers));
        pair.baseline.push(await batch(health, headers));
        if (!productFirst) pair.product.push(await batch(e.cached, headers));
      }
      {
        const health = concurrent.paths.map(() => HEALTH);
        await batch(summary.cached, board.headers);
        if (productFirst) concurrentPairs.product.push(await batch(concurrent.paths, board.headers, 10));
        concurrentPairs.baseline.push(await batch(health, board.headers, 10));
        if (!productFirst) concurrentPairs.product.push(await batch(concurrent.paths, board.headers, 10));
      }
      // First after an upload: one upload per sample, so every sample is the first request to see new data.
      const most = Math.max(...list.map((e) => e.samples));
      for (let s = 0; s < most; s++) {
        for (const e of rotate(list, r + s)) {
          if (s >= e.samples) continue;
          const target = await upload();
          const headers = who[e.who].headers;
          const pair = afterUpload.get(e.name)!;
          pair.product.push(await single(e.afterUpload(target), headers));
          pair.baseline.push(await single(HEALTH, headers));
        }
      }
    }

    const describe = (bs: Batch[]) => {
      const latencies = bs.flatMap((b) => b.latencies);
      const n = latencies.length;
      return { n, p50: quantile(latencies, 0.5), p99: quantile(latencies, 0.99), cpuPerRequest: sum(bs.map((b) => b.cpuMs)) / n, bytesPerResponse: sum(bs.map((b) => b.bytes)) / n };
    };
    const text = (d: ReturnType<typeof describe>) => `p50 ${ms(d.p50)} · p99 ${ms(d.p99)} · cpu ${ms(d.cpuPerRequest)} ms`;
    /** Per round: the endpoint's p50 ÷ health's p50 (after an upload, samples are grouped by round). */
    const perRound = (pairs: Pairs, groups: number) => {
      const chunk = (bs: Batch[]) => Array.from({ length: groups }, (_, g) => bs.slice((g * bs.length) / groups, ((g + 1) * bs.length) / groups).flatMap((b) => b.latencies));
      const p = chunk(pairs.product);
      const b = chunk(pairs.baseline);
      return p.map((lat, g) => middle(lat) / middle(b[g]));
    };
    const addRow = (name: string, pairs: Pairs, target: Endpoint['target'], firstAfterUpload: boolean) => {
      const product = describe(pairs.product);
      const baseline = describe(pairs.baseline);
      const ratios = perRound(pairs, CONFIG.readRounds);
      let targetText = '–';
      let met: Row['met'] = '';
      if (target === 'summary' && firstAfterUpload) {
        targetText = `p99 ≤ ${TARGETS.summaryP99Ms} ms`;
        met = verdict(product.p99 <= TARGETS.summaryP99Ms);
      } else if (target === 'detail') {
        targetText = `p50 ≤ ${TARGETS.detailTimesHealth}× health`;
        met = verdict(middle(ratios) <= TARGETS.detailTimesHealth);
      }
      rows.push({ measurement: name, product: text(product), baseline: `health ${text(baseline)}`, ratio: ratioText(ratios, 1), target: targetText, met, data: { product, baseline, ratios } });
    };
    for (const e of list) addRow(`${e.name}, cached`, cached.get(e.name)!, e.target, false);
    addRow(concurrent.name, concurrentPairs, undefined, false);
    for (const e of list) addRow(`${e.name}, first after an upload`, afterUpload.get(e.name)!, e.target, true);

    if (BROWSER) await measureOverview(port, board, webRoot);
    await measureLargeUpload(client, board, analyst);
  } finally {
    client.close();
    await app.close();
  }
}

// ---------------------------------------------------------------------------------------------
// The overview page in Chromium: how many API requests a fresh load makes

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function newestMtime(path: string): number {
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  return Math.max(s.mtimeMs, ...readdirSync(path).map((name) => newestMtime(join(path, name))));
}

/** The web app built into bench/out/web, rebuilt when web/ or schemas/ changed since; null if there is none. */
function webBuild(): string | null {
  const index = join(WEB_OUT, 'index.html');
  const stale = !existsSync(index) || Math.max(newestMtime(join(ROOT, 'web')), newestMtime(join(ROOT, 'schemas'))) > statSync(index).mtimeMs;
  if (stale && CONFIG.buildWeb && BROWSER) {
    console.log('Building the web app into bench/out/web …');
    const vite = join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
    const built = spawnSync(process.execPath, [vite, 'build', '--config', join(ROOT, 'web', 'vite.config.ts'), '--outDir', WEB_OUT, '--emptyOutDir', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
    if (built.status !== 0) return null;
  }
  return existsSync(index) ? WEB_OUT : null;
}

async function measureOverview(port: number, board: Identity, webRoot: string | null) {
  const name = 'overview page: API requests on a fresh load (Chromium)';
  if (!webRoot || !existsSync(CHROMIUM)) {
    rows.push({ measurement: name, product: 'not measured', baseline: '–', ratio: '–', target: `≤ ${TARGETS.overviewRequests}`, met: '', data: { reason: !webRoot ? 'no web build (run without --quick to build it)' : `no Chromium at ${CHROMIUM}` } });
    return;
  }
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  try {
    const base = `http://127.0.0.1:${port}`;
    const context = await browser.newContext({ baseURL: base });
    await context.clock.setFixedTime(NOW);
    await context.addCookies([{ name: board.cookie.name, value: board.cookie.value, url: base }]);
    const page = await context.newPage();
    const api: string[] = [];
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.pathname.startsWith('/api/')) api.push(`${request.method()} ${url.pathname}${url.search}`);
    });
    const t0 = performance.now();
    await page.goto(`/overview?area=${authorityCode(2)}`, { waitUntil: 'networkidle' });
    await page.getByRole('heading', { level: 2 }).first().waitFor({ timeout: 20_000 });
    const loadMs = performance.now() - t0;
    rows.push({
      measurement: name,
      product: `${api.length} (${api.map((r) => r.replace(/^GET \/api\//, '').split('?')[0].replace(/E\d{8}/, ':code')).join(', ')}); ${ms(loadMs)} ms to load`,
      baseline: '–',
      ratio: '–',
      target: `≤ ${TARGETS.overviewRequests}`,
      met: verdict(api.length <= TARGETS.overviewRequests),
      data: { requests: api, loadMs },
    });
  } finally {
    await browser.close();
  }
}

// ---------------------------------------------------------------------------------------------
// Health while a 10 MB return is uploaded

async function measureLargeUpload(client: LoadClient, board: Identity, analyst: Identity) {
  const { csv, rows: rowCount } = largeReturn(LARGE_UPLOAD_BYTES);
  const dir = mkdtempSync(join(tmpdir(), 'da-dashboard-bench-upload-'));
  const file = join(dir, 'large-police.csv');
  writeFileSync(file, csv);
  const HEALTH = '/api/health';
  const during: number[][] = [];
  const without: number[][] = [];
  const uploads: Array<{ wallMs: number; cpuMs: number; status: number }> = [];
  const stalls: number[] = [];
  try {
    for (let r = 0; r < CONFIG.uploadRounds; r++) {
      const idle = async () => (await client.probeFor(HEALTH, board.headers, uploads[uploads.length - 1]?.wallMs ?? 1500)).latencies;
      if (r % 2 === 1) without.push(await idle());
      // The server's event loop delay meanwhile: a stall here is the server's, not the client's.
      const delay = monitorEventLoopDelay({ resolution: 10 });
      delay.enable();
      const sample = await measure(() => client.probeDuringUpload({ path: '/api/returns/police', file, fileName: 'large-police.csv', headers: { ...analyst.headers, 'x-csrf-token': analyst.injectHeaders['x-csrf-token'] } }, { path: HEALTH, headers: board.headers }));
      delay.disable();
      stalls.push(delay.max / 1e6);
      const result = sample.result;
      if (result.uploadStatus !== 201) throw new Error(`10 MB upload: HTTP ${result.uploadStatus} ${result.uploadBody ?? ''}`);
      if (result.errors > 0) throw new Error(`${result.errors} health requests failed during the upload`);
      uploads.push({ wallMs: result.uploadMs, cpuMs: sample.cpuMs, status: result.uploadStatus });
      during.push(result.latencies);
      if (r % 2 === 0) without.push(await idle());
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const all = during.flat();
  const base = without.flat();
  const p99 = quantile(all, 0.99);
  const ratios = during.map((d, i) => quantile(d, 0.99) / quantile(without[i], 0.99));
  const mb = fmt(Buffer.byteLength(csv) / 1e6, 1);
  rows.push({
    measurement: `health during a ${mb} MB upload (${rowCount.toLocaleString('en-GB')} rows, stored)`,
    product: `p50 ${ms(quantile(all, 0.5))} · p99 ${ms(p99)} ms (n ${all.length}); p99 per upload ${during.map((d) => fmt(quantile(d, 0.99), 0)).join(', ')}; server loop stalled ≤ ${ms(Math.max(...stalls))} ms`,
    baseline: `no upload: p50 ${ms(quantile(base, 0.5))} · p99 ${ms(quantile(base, 0.99))} ms`,
    ratio: ratioText(ratios, 1),
    target: `p99 ≤ ${TARGETS.healthDuringUploadP99Ms} ms`,
    met: verdict(p99 <= TARGETS.healthDuringUploadP99Ms),
    data: { rows: rowCount, bytes: Buffer.byteLength(csv), during, without, serverEventLoopMaxDelayMs: stalls },
  });
  info(`the ${mb} MB upload itself (201)`, `${ms(middle(uploads.map((u) => u.wallMs)))} ms, server cpu ${ms(middle(uploads.map((u) => u.cpuMs)))} ms (incl. the health requests)`, uploads);
}

// ---------------------------------------------------------------------------------------------
// Optional: the old large-workbook comparison (read in place vs in a worker thread)

async function measureWorkbook() {
  const { syntheticWorkbook } = await import('../server/test/workbooks');
  const { listZipEntries } = await import('../server/ingest/read/zip');
  const { readXlsx } = await import('../server/ingest/read/xlsx');
  const { DEFAULT_ISOLATION, readXlsxIsolated } = await import('../server/ingest/read/xlsx-isolated');
  const bytes = syntheticWorkbook(200_000);
  const entries = listZipEntries(bytes);
  const stalls: Record<string, { ms: number; stallMs: number }> = {};
  for (const [where, read] of [
    ['in place', () => readXlsx(bytes, entries)],
    ['worker', () => readXlsxIsolated(bytes, entries, { ...DEFAULT_ISOLATION, inlineBytes: 0 })],
  ] as const) {
    let stallMs = 0;
    let last = performance.now();
    const ticker = setInterval(() => {
      const now = performance.now();
      stallMs = Math.max(stallMs, now - last - 10);
      last = now;
    }, 10);
    const t0 = performance.now();
    await read();
    stalls[where] = { ms: performance.now() - t0, stallMs };
    clearInterval(ticker);
  }
  info('200,000-row workbook: longest main-thread stall, worker vs in place', `${ms(stalls.worker.stallMs)} ms (read ${ms(stalls.worker.ms)} ms)`, stalls, `${ms(stalls['in place'].stallMs)} ms (read ${ms(stalls['in place'].ms)} ms)`);
}

// ---------------------------------------------------------------------------------------------

function printTable() {
  const header: Row = { measurement: 'measurement', product: 'product', baseline: 'baseline', ratio: 'ratio', target: 'target', met: 'met?' as Row['met'] };
  const keys = ['measurement', 'product', 'baseline', 'ratio', 'target', 'met'] as const;
  const width = Object.fromEntries(keys.map((k) => [k, Math.max(...[header, ...rows].map((r) => r[k].length))])) as Record<(typeof keys)[number], number>;
  const line = (r: Row) => keys.map((k) => r[k].padEnd(width[k])).join(' | ').trimEnd();
  console.log(['', line(header), keys.map((k) => '-'.repeat(width[k])).join('-|-'), ...rows.map(line)].join('\n'));
}

async function main() {
  const started = performance.now();
  const load = { start: loadavg()[0] };
  console.log(`Bench${QUICK ? ' (--quick)' : ''}: ${cpus().length} CPUs, load average ${fmt(load.start, 2)}, node ${process.version}`);
  const webRoot = BROWSER ? webBuild() : null;
  const dir = mkdtempSync(join(tmpdir(), 'da-dashboard-bench-'));
  const register = syntheticRegister();
  const path = join(dir, 'bench.sqlite');
  const { db, rows: stored, ms: loadMs } = await buildDatabase(path, register);
  try {
    console.log(`Synthetic national data: ${AUTHORITIES} authorities, ${FORCE_AREAS} force areas, ${REGIONS} regions, ${YEARS * 4} quarters; ${stored.toLocaleString('en-GB')} rows stored in ${fmt(loadMs / 1000, 1)} s`);
    // National returns (every authority, a year of quarters); the small uploads revise the latest police one.
    const national = {
      all: (await db.kysely.selectFrom('submissions').select('id').where('row_count', '>=', AUTHORITIES * 4).orderBy('id').execute()).map((s) => s.id),
      police: (await db.kysely.selectFrom('submissions').select('id').where('return_type', '=', 'police').orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow()).id,
    };
    await measureIngest(db, dir, register);
    await db.close();
    console.log(`Ingest measured (${fmt((performance.now() - started) / 1000, 0)} s); reads …`);
    await measureHttp(path, register, national, webRoot);
    if (WORKBOOK) await measureWorkbook();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const totalS = (performance.now() - started) / 1000;
  printTable();
  const notMet = rows.filter((r) => r.met === 'NOT met').length;
  console.log(`\n${rows.filter((r) => r.met === 'met').length} targets met, ${notMet} not met. Load average ${fmt(load.start, 2)} → ${fmt(loadavg()[0], 2)}. Total ${fmt(totalS, 0)} s.`);
  mkdirSync(OUT_DIR, { recursive: true });
  writeFileSync(
    join(OUT_DIR, 'results.json'),
    JSON.stringify({ at: new Date().toISOString(), quick: QUICK, config: CONFIG, targets: TARGETS, machine: { cpus: cpus().length, node: process.version, loadAverage: { start: load.start, end: loadavg()[0] } }, storedRows: stored, totalSeconds: totalS, rows }, null, 2),
  );
}

// `--engine=postgres`: the same data and work on both engines side by side (bench/engines.ts).
const run = process.argv.includes('--engine=postgres') ? import('./engines').then(() => undefined) : main();
run.catch((error) => {
  console.error(error);
  process.exit(1);
});
