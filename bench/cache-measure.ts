// Measures the engine's result cache at national scale (bench/synthetic.ts: 300 authorities,
// eight years): the working set of every authority's summary over the usual periods, its memory
// per entry, summaries re-run with room and at a small cap, and what an upload costs the next
// request. A development script beside the benchmark whose synthetic data it uses:
//
//   node --expose-gc --import tsx bench/cache-measure.ts
//
// Memory is process.memoryUsage().heapUsed after a full collection, before and after the
// summaries, over the entries the engine then holds: a whole entry (its map slot, recency node,
// and the tally, cell, value or trend object it keeps), not the bookkeeping alone.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AUTHORITIES, authorityCode, FIRST_YEAR, insertAreas, policeFigures, quartersOf, syntheticRegister, syntheticSubmissions, YEARS } from './synthetic';
import { financialYearId } from '../schemas/periods';
import { SYSTEM } from '../server/access/actor';
import { openDatabase, type Db } from '../server/db/database';
import { storeSubmission } from '../server/returns/store';
import { DEFAULT_MAX_CACHED_ENTRIES, IndicatorEngine } from '../server/engine/engine';
import type { AreaRegister } from '../server/engine/register';
import { areaSummary } from '../server/engine/views';

const NOW = new Date('2026-06-15T12:00:00Z');
/** The cap the engine shipped with (per view, then emptied in one go). */
const SHIPPED_CAP = 300_000;
const RERUN_SUMMARIES = 600;
const MB = 1024 * 1024;

function gc(): void {
  const collect = (globalThis as { gc?: () => void }).gc;
  if (!collect) throw new Error('run with node --expose-gc (see the top of this file)');
  collect();
  collect();
}

function heapUsed(): number {
  gc();
  return process.memoryUsage().heapUsed;
}

async function time(work: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await work();
  return performance.now() - t0;
}

const fmt = (n: number, digits = 0) => n.toLocaleString('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** The periods a board reads: the last two years' quarters, both financial years, a rolling year and the calendar year (as bench/run.ts asks for). */
function usualPeriods(): string[] {
  const last = FIRST_YEAR + YEARS - 1;
  const quarters = [...quartersOf(last - 1), ...quartersOf(last)];
  return [...quarters, financialYearId(last - 1), financialYearId(last), `R12-${quarters[quarters.length - 2]}`, String(last)];
}

async function store(db: Db, returnType: 'police', rows: Array<{ area: string; quarter: string; figures: Record<string, number | null> }>): Promise<void> {
  await storeSubmission(db, {
    returnType,
    actor: SYSTEM,
    fileName: null,
    fileFormat: 'csv',
    fileBytes: Buffer.from(String(performance.now())),
    rows: rows.map((r, i) => ({ rowNumber: i + 2, key: { areaCode: r.area, period: r.quarter, subkey: '' }, values: r.figures, notes: null })),
    warnings: [],
    receivedAt: NOW,
  });
}

async function buildDatabase(path: string, register: AreaRegister): Promise<Db> {
  const db = await openDatabase(path);
  await insertAreas(db, register);
  for (const s of syntheticSubmissions()) {
    await storeSubmission(db, { returnType: s.returnType, actor: SYSTEM, fileName: null, fileFormat: 'csv', fileBytes: Buffer.from(String(s.rows.length)), rows: s.rows, warnings: [], receivedAt: NOW });
  }
  return db;
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'da-dashboard-cache-'));
  const register = syntheticRegister();
  const db = await buildDatabase(join(dir, 'cache.sqlite'), register);
  try {
    const periods = usualPeriods();
    const authorities = Array.from({ length: AUTHORITIES }, (_, i) => authorityCode(i));
    const summaries = authorities.flatMap((area) => periods.map((period) => ({ area, period })));
    const rerun = Array.from({ length: RERUN_SUMMARIES }, (_, i) => summaries[(i * 7919) % summaries.length]);
    const summarise = async (engine: IndicatorEngine, list: typeof summaries) => {
      const session = await engine.session('suppressed');
      for (const { area, period } of list) areaSummary(session, area, period, register.defaultBenchmarkOf(area), '95');
    };
    console.log(`National synthetic data: ${AUTHORITIES} authorities, ${YEARS * 4} quarters; ${summaries.length} summaries (${periods.length} periods: ${periods.join(', ')}), suppressed view`);

    // 1. The index build, at warm() rather than in the first request.
    const h0 = heapUsed();
    const engine = new IndicatorEngine(db, { register, maxCachedEntries: Number.MAX_SAFE_INTEGER });
    const warmMs = await time(() => engine.warm());
    const h1 = heapUsed();
    console.log(`warm(): full index build ${fmt(warmMs)} ms, index ${fmt((h1 - h0) / MB, 1)} MB`);

    // 2. The working set and its memory.
    const coldMs = await time(() => summarise(engine, summaries));
    const h2 = heapUsed();
    const { entries } = engine.stats();
    const perEntry = (h2 - h1) / entries;
    console.log(`working set: ${fmt(entries)} entries after all ${summaries.length} summaries (${fmt(coldMs)} ms cold)`);
    console.log(`memory: ${fmt((h2 - h1) / MB, 1)} MB heap for them, ${fmt(perEntry)} bytes an entry; at the default cap of ${fmt(DEFAULT_MAX_CACHED_ENTRIES)}: ${fmt((perEntry * DEFAULT_MAX_CACHED_ENTRIES) / MB)} MB`);
    console.log(`process: heapUsed ${fmt(process.memoryUsage().heapUsed / MB)} MB, rss ${fmt(process.memoryUsage().rss / MB)} MB`);
    const warmRerunMs = await time(() => summarise(engine, rerun));
    console.log(`${RERUN_SUMMARIES} summaries again, all cached: ${fmt(warmRerunMs)} ms`);

    // 3. An upload of one authority's quarter: the next request's index update and invalidation, then the summaries again.
    const quarter = quartersOf(FIRST_YEAR + YEARS - 1)[2];
    await store(db, 'police', [{ area: authorityCode(7), quarter, figures: policeFigures(7, YEARS * 4 - 2) }]);
    const before = engine.stats();
    const oneUpdateMs = await time(() => engine.session('suppressed'));
    const afterOne = engine.stats();
    const afterOneMs = await time(() => summarise(engine, rerun));
    console.log(
      `after a police row for one authority and quarter: next request's update ${fmt(oneUpdateMs, 1)} ms, ${fmt(afterOne.invalidated - before.invalidated)} entries dropped of ${fmt(before.entries)}; ${RERUN_SUMMARIES} summaries ${fmt(afterOneMs)} ms`,
    );

    // 4. A national police return for the latest year (every authority, four quarters).
    const year = FIRST_YEAR + YEARS - 1;
    await store(db, 'police', authorities.flatMap((area, a) => quartersOf(year).map((q, i) => ({ area, quarter: q, figures: policeFigures(a, (YEARS - 1) * 4 + i) }))));
    const national = engine.stats();
    const nationalUpdateMs = await time(() => engine.session('suppressed'));
    const afterNational = engine.stats();
    const afterNationalMs = await time(() => summarise(engine, rerun));
    console.log(
      `after a national police return for ${financialYearId(year)}: next request's update ${fmt(nationalUpdateMs, 1)} ms, ${fmt(afterNational.invalidated - national.invalidated)} entries dropped of ${fmt(national.entries)}; ${RERUN_SUMMARIES} summaries ${fmt(afterNationalMs)} ms`,
    );

    // 5. The same summaries at the shipped cap (now evicting the least recently used) and at the default.
    for (const cap of [SHIPPED_CAP, DEFAULT_MAX_CACHED_ENTRIES]) {
      const capped = new IndicatorEngine(db, { register, maxCachedEntries: cap });
      await capped.warm();
      await summarise(capped, summaries);
      const ms = await time(() => summarise(capped, rerun));
      const stats = capped.stats();
      console.log(`cap ${fmt(cap)}: ${RERUN_SUMMARIES} summaries after the whole working set ${fmt(ms)} ms (${fmt(stats.entries)} entries held, ${fmt(stats.evictions)} evicted)`);
    }
  } finally {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main();
