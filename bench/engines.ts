// `npm run bench -- --engine=postgres` (or `npm run bench:engines`; add `--quick` while
// developing): the same synthetic national data and the same work on SQLite and on PostgreSQL,
// in one run, each round taking the engines in turn (the first alternating), and reported as
// PostgreSQL's time ÷ SQLite's. The machine is shared with other work, so only ratios of
// measurements taken side by side mean anything; medians, with the range over rounds.
//
// PostgreSQL is a throwaway cluster started from the server binaries on the machine
// (server/test/postgres-cluster.ts), with its durability switched back on (fsync, synchronous
// commit, full-page writes), since SQLite runs with synchronous=FULL as the server does.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { financialYearId } from '../schemas/periods';
import { createUser } from '../server/access/accounts';
import { SYSTEM } from '../server/access/actor';
import { buildApp } from '../server/app';
import { openDatabase, type Db } from '../server/db/database';
import { IndicatorEngine } from '../server/engine/engine';
import type { AcceptedRow } from '../server/ingest/validate';
import { storeSubmission } from '../server/returns/store';
import { createDatabase, startPostgresCluster } from '../server/test/postgres-cluster';
import { AUTHORITIES, authorityCode, FIRST_YEAR, insertAreas, policeFigures, quartersOf, syntheticRegister, syntheticSubmissions, YEARS } from './synthetic';

const QUICK = process.argv.includes('--quick');
const ROUNDS = QUICK ? 3 : 9;
const REQUESTS_PER_ROUND = QUICK ? 10 : 30;
const NOW = new Date('2026-06-15T12:00:00Z');
const LAST_YEAR = FIRST_YEAR + YEARS - 1;
const PASSWORD = 'a benchmark password, never used elsewhere';
const OUT_DIR = join(dirname(fileURLToPath(import.meta.url)), 'out');

type Engine = 'sqlite' | 'postgres';
const ENGINES: Engine[] = ['sqlite', 'postgres'];

interface Row {
  measurement: string;
  sqliteMs: number;
  postgresMs: number;
  /** PostgreSQL ÷ SQLite, per round. */
  ratios: number[];
}
const rows: Row[] = [];

const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const fmt = (x: number, digits = 1) => x.toFixed(digits);

/** Runs work on each engine once per round, the engine going first alternating, and records the ratio. */
async function sideBySide(measurement: string, work: (engine: Engine) => Promise<number>) {
  const times: Record<Engine, number[]> = { sqlite: [], postgres: [] };
  const ratios: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const order = round % 2 === 0 ? ENGINES : [...ENGINES].reverse();
    const taken = {} as Record<Engine, number>;
    for (const engine of order) taken[engine] = await work(engine);
    for (const engine of ENGINES) times[engine].push(taken[engine]);
    ratios.push(taken.postgres / taken.sqlite);
  }
  const row = { measurement, sqliteMs: median(times.sqlite), postgresMs: median(times.postgres), ratios };
  rows.push(row);
  console.log(`  ${measurement}: SQLite ${fmt(row.sqliteMs)} ms, PostgreSQL ${fmt(row.postgresMs)} ms, ×${fmt(median(ratios), 2)} (${fmt(Math.min(...ratios), 2)}–${fmt(Math.max(...ratios), 2)})`);
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

/** A national police return for the latest stored year, with every figure changed: a revision of every row. */
function nationalRevision(round: number): AcceptedRow[] {
  const rows: AcceptedRow[] = [];
  let rowNumber = 2;
  for (let a = 0; a < AUTHORITIES; a++) {
    quartersOf(LAST_YEAR).forEach((period, i) => {
      const figures = policeFigures(a, (YEARS - 1) * 4 + i);
      rows.push({ rowNumber: rowNumber++, key: { areaCode: authorityCode(a), period, subkey: '' }, values: { ...figures, incidents: (figures.incidents ?? 0) + round + 1 }, notes: null });
    });
  }
  return rows;
}

async function load(db: Db): Promise<number> {
  await insertAreas(db, syntheticRegister());
  let stored = 0;
  for (const s of syntheticSubmissions()) {
    await storeSubmission(db, { returnType: s.returnType, actor: SYSTEM, fileName: `${s.returnType}.csv`, fileFormat: 'csv', fileBytes: Buffer.from(String(stored)), rows: s.rows, warnings: [], receivedAt: NOW });
    stored += s.rows.length;
  }
  return stored;
}

async function boardHeaders(app: FastifyInstance): Promise<Record<string, string>> {
  const email = 'bench-board@example.invalid';
  await createUser(app.db, { email, name: 'Bench board', role: 'board', organisationId: null, password: PASSWORD }, NOW);
  const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password: PASSWORD } });
  if (login.statusCode !== 204) throw new Error(`could not sign in: ${login.body}`);
  return { cookie: login.cookies.map((c) => `${c.name}=${c.value}`).join('; ') };
}

async function durablePostgres(adminUrl: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    for (const setting of ['fsync', 'synchronous_commit', 'full_page_writes']) await client.query(`ALTER SYSTEM SET ${setting} = on`);
    await client.query('SELECT pg_reload_conf()');
  } finally {
    await client.end();
  }
}

async function main() {
  const started = performance.now();
  const loadStart = loadavg()[0];
  console.log(`Engines bench${QUICK ? ' (--quick)' : ''}: ${cpus().length} CPUs, load average ${fmt(loadStart, 2)}, node ${process.version}, ${ROUNDS} rounds`);
  const dir = mkdtempSync(join(tmpdir(), 'da-dashboard-engines-'));
  // On the same disk as SQLite's file (not in memory, where the tests' cluster goes): fsync must cost what it costs.
  const cluster = await startPostgresCluster({ parent: tmpdir() });
  try {
    await durablePostgres(cluster.url);
    const targets: Record<Engine, string> = { sqlite: join(dir, 'bench.sqlite'), postgres: await createDatabase(cluster.url, 'bench') };
    const dbs = {} as Record<Engine, Db>;
    for (const engine of ENGINES) {
      dbs[engine] = await openDatabase(targets[engine]);
      const ms = await timed(async () => console.log(`  ${engine}: ${(await load(dbs[engine])).toLocaleString('en-GB')} synthetic rows stored`));
      console.log(`  ${engine}: loaded in ${fmt(ms / 1000)} s (one pass each, not alternated)`);
    }

    let revision = 0;
    await sideBySide(`store a national police return (${AUTHORITIES * 4} rows, every one a revision)`, async (engine) => {
      const rows = nationalRevision(revision++);
      return timed(() => storeSubmission(dbs[engine], { returnType: 'police', actor: SYSTEM, fileName: 'national-police.csv', fileFormat: 'csv', fileBytes: Buffer.from(String(revision)), rows, warnings: [], receivedAt: NOW }));
    });
    const register = syntheticRegister();
    await sideBySide("build the figures' index at start (every current row)", (engine) => timed(() => new IndicatorEngine(dbs[engine], { register }).warm()));
    for (const engine of ENGINES) await dbs[engine].close();

    const apps = {} as Record<Engine, FastifyInstance>;
    const headers = {} as Record<Engine, Record<string, string>>;
    for (const engine of ENGINES) {
      apps[engine] = await buildApp({ databasePath: targets[engine], areaRegister: register, now: () => NOW });
      headers[engine] = await boardHeaders(apps[engine]);
    }
    const year = financialYearId(LAST_YEAR);
    const requests: Array<[string, (i: number) => string]> = [
      ['GET an area summary (the dashboard)', (i) => `/api/areas/${authorityCode((i * 7919) % AUTHORITIES)}/summary?period=${year}&level=95`],
      ['GET indicator values', (i) => `/api/indicators/repeat-victim-rate/values?area=${authorityCode((i * 31) % AUTHORITIES)}&period=${year}&level=95`],
      ['GET a quarterly series (the indicator page)', (i) => `/api/indicators/repeat-victim-rate/series?area=${authorityCode((i * 31) % AUTHORITIES)}&kind=quarter&from=${quartersOf(LAST_YEAR - 2)[0]}&to=${quartersOf(LAST_YEAR)[3]}&level=95`],
      ['GET a session check (/api/auth/me)', () => '/api/auth/me'],
    ];
    for (const [name, path] of requests) {
      await sideBySide(`${name}, median of ${REQUESTS_PER_ROUND}`, async (engine) => {
        const latencies: number[] = [];
        for (let i = 0; i < REQUESTS_PER_ROUND; i++) {
          const t = performance.now();
          const response = await apps[engine].inject({ url: path(i), headers: headers[engine] });
          latencies.push(performance.now() - t);
          if (response.statusCode !== 200) throw new Error(`${engine} ${path(i)}: ${response.statusCode} ${response.body.slice(0, 200)}`);
        }
        return median(latencies);
      });
    }
    for (const engine of ENGINES) await apps[engine].close();
  } finally {
    await cluster.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  const totalS = (performance.now() - started) / 1000;
  console.log(`\nPostgreSQL ÷ SQLite, median ratio per measurement (range over rounds):`);
  for (const r of rows) console.log(`  ×${fmt(median(r.ratios), 2)}  (${fmt(Math.min(...r.ratios), 2)}–${fmt(Math.max(...r.ratios), 2)})  ${r.measurement}`);
  console.log(`Load average ${fmt(loadStart, 2)} → ${fmt(loadavg()[0], 2)}. Total ${fmt(totalS, 0)} s.`);
  mkdirSync(OUT_DIR, { recursive: true });
  writeFileSync(
    join(OUT_DIR, 'engines.json'),
    JSON.stringify({ at: new Date().toISOString(), quick: QUICK, rounds: ROUNDS, machine: { cpus: cpus().length, node: process.version, loadAverage: { start: loadStart, end: loadavg()[0] } }, totalSeconds: totalS, rows }, null, 2),
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
