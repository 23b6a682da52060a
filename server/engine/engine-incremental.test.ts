// The engine keeps what a submission cannot have changed and recomputes the rest
// (invalidation.ts). Proof by comparison: after each kind of upload, an engine that had cached a
// broad sample before it gives, for every indicator × area × period × view, exactly the value
// and trend a newly built engine gives; and the results that do not read the upload's rows are
// the very objects it had cached (identity, so not recomputed).
import { afterEach, describe, expect, it } from 'vitest';
import { ENGLAND, type Area } from '../../schemas/areas';
import { INDICATORS, findIndicator, type IndicatorDefinition } from '../../schemas/indicators';
import { financialYearId, parsePeriodId, quarterId, type Quarter } from '../../schemas/periods';
import type { ReturnTypeId } from '../../schemas/returns/definition';
import type { Problem } from '../../schemas/api';
import { SYSTEM } from '../access/actor';
import type { Db } from '../db/database';
import { openTestDatabase } from '../test/database';
import type { AcceptedRow } from '../ingest/validate';
import { storeSubmission } from '../returns/store';
import { VALID_ROWS } from '../test/rows';
import type { DisclosureView } from './disclosure';
import { IndicatorEngine } from './engine';
import { createRegister } from './register';
import { comparablePeriods } from './trend';

const REGION = 'E12900001';
const FORCE_1 = 'E23900001';
const FORCE_2 = 'E23900002';
const LA = ['E08900001', 'E08900002', 'E08900003', 'E08900004', 'E08900005', 'E08900006'];
const AREAS: Area[] = [
  { code: ENGLAND, name: 'England', type: 'country', parents: [], computedFromChildren: false },
  { code: REGION, name: 'Region', type: 'region', parents: [ENGLAND], computedFromChildren: true },
  { code: FORCE_1, name: 'Force 1', type: 'police-force-area', parents: [ENGLAND], computedFromChildren: true },
  { code: FORCE_2, name: 'Force 2', type: 'police-force-area', parents: [ENGLAND], computedFromChildren: true },
  ...LA.map((code, i): Area => ({ code, name: `Authority ${i + 1}`, type: 'local-authority', parents: [i < 3 ? FORCE_1 : FORCE_2, REGION], computedFromChildren: false })),
];
const register = createRegister(AREAS);
const YEARS = [2018, 2019, 2020];
const QUARTERS = YEARS.flatMap((startYear) => [1, 2, 3, 4].map((quarter) => quarterId({ startYear, quarter: quarter as Quarter['quarter'] })));
/** Quarters, financial and calendar years, and rolling years: every kind of period, overlapping. */
const PERIODS = [...QUARTERS, ...YEARS.map(financialYearId), '2019', '2020', ...QUARTERS.slice(3).map((q) => `R12-${q}`)];
const VIEWS: DisclosureView[] = ['suppressed', 'unsuppressed'];
const REFUGE_TYPES = ['refuge', 'dispersed'];
/** The third authority is small: its counts fall under the disclosure threshold, so parents' sums are hidden too. */
const sizeOf = (la: number) => (la === 2 ? 0.01 : 0.5 + la / 4);

let db: Db;
afterEach(async () => {
  await db.close();
});

function figures(type: string, factor: number, overrides: Record<string, number> = {}): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [column, v] of Object.entries(VALID_ROWS[type])) if (typeof v === 'number') out[column] = Math.round(v * factor);
  return { ...out, ...overrides };
}

let rowNumber = 2;
function row(areaCode: string, period: string, subkey: string, values: Record<string, number | string | null>): AcceptedRow {
  return { rowNumber: rowNumber++, key: { areaCode, period, subkey }, values, notes: null };
}

async function store(returnType: ReturnTypeId, rows: AcceptedRow[], warnings: Problem[] = []) {
  await storeSubmission(db, { returnType, actor: SYSTEM, fileName: null, fileFormat: 'csv', fileBytes: Buffer.from(String(rowNumber)), rows, warnings, receivedAt: new Date('2026-01-01T00:00:00Z') });
}

/** Three years of every return for six authorities, their population, and published values for England and the region. */
async function setUp(): Promise<void> {
  db = await openTestDatabase();
  await db.kysely
    .insertInto('areas')
    .values(AREAS.map((a) => ({ code: a.code, name: a.name, type: a.type })))
    .onConflict((oc) => oc.doNothing())
    .execute();
  for (const [t, q] of QUARTERS.entries()) {
    const factor = (la: number) => sizeOf(la) * (1 + 0.1 * Math.sin(t + la));
    for (const type of ['police', 'marac', 'idva', 'csc'] as const) await store(type, LA.map((code, la) => row(code, q, '', figures(type, factor(la)))));
    await store('refuge', LA.flatMap((code, la) => REFUGE_TYPES.map((type, k) => row(code, q, type, figures('refuge', factor(la) * (1 + k / 2))))));
  }
  for (const y of YEARS) await store('population', LA.map((code, la) => row(code, String(y), '', figures('population', sizeOf(la) * (1 + y / 10_000)))));
  const published = (area: string, indicator: string, period: string, numerator: number | null, denominator: number | null, value: number) =>
    row(area, period, indicator, { numerator, denominator, value, source: 'test' });
  await store('benchmark', [
    ...YEARS.map((y) => published(ENGLAND, 'da-incident-rate', financialYearId(y), null, null, 12 + y - 2018)),
    published(REGION, 'charge-rate', '2019-20', 900, 9000, 10),
    published(REGION, 'charge-rate', '2019-20Q3', 200, 2000, 10),
    published(ENGLAND, 'repeat-victim-rate', '2019-20Q3', 3000, 10000, 30),
  ]);
}

interface Cell {
  indicator: IndicatorDefinition;
  type: string | null;
  area: string;
  period: string;
  view: DisclosureView;
}

/** Every indicator (refuge ones also for one accommodation type) × area × period × view. */
const SAMPLE: Cell[] = INDICATORS.flatMap((indicator) =>
  (indicator.source === 'refuge' ? [null, 'dispersed'] : [null]).flatMap((type) =>
    AREAS.flatMap(({ code: area }) => PERIODS.flatMap((period) => VIEWS.map((view) => ({ indicator, type, area, period, view })))),
  ),
);

/** Each cell's value and trend, as objects (so that identity shows what was not recomputed). */
async function read(engine: IndicatorEngine) {
  const sessions = await engine.sessionsInBothViews();
  return SAMPLE.map((c) => ({
    value: sessions[c.view].value(c.indicator, c.area, c.period, c.type),
    trend: sessions[c.view].trend(c.indicator, c.area, c.period, c.type),
  }));
}

const name = (c: Cell) => `${c.indicator.id}${c.type ? `:${c.type}` : ''} ${c.area} ${c.period} ${c.view}`;

interface Upload {
  title: string;
  store: () => Promise<void>;
  /** Whether a result for this indicator, area and period plainly does not read the upload (a deliberately simple rule). */
  untouched: (indicator: IndicatorDefinition, area: string, period: string) => boolean;
}

const quartersOf = (period: string) => parsePeriodId(period)!.quarters;
/** The upload's area with its ancestors, for an authority in force 1. */
const LINEAGE_1 = new Set([LA[1], FORCE_1, REGION, ENGLAND]);

const UPLOADS: Upload[] = [
  {
    title: 'a police correction for one authority and quarter (now small, with a warning)',
    store: async () => {
      const r = row(LA[1], '2019-20Q3', '', figures('police', 0.8, { crimes: 40, charges: 3 }));
      await store('police', [r], [{ row: r.rowNumber, column: 'charges', value: '3', code: 'charges-more-than-crimes', message: 'charges (3) is more than crimes (2)' }]);
    },
    untouched: (indicator, area, period) => indicator.source !== 'police' || !LINEAGE_1.has(area) || !quartersOf(period).includes('2019-20Q3'),
  },
  {
    title: 'a refuge return for one authority, quarter and accommodation type',
    store: () => store('refuge', [row(LA[4], '2019-20Q2', 'dispersed', figures('refuge', 0.02))]),
    untouched: (indicator, area, period) => indicator.source !== 'refuge' || [LA[0], LA[1], LA[2], LA[3], LA[5], FORCE_1].includes(area) || !quartersOf(period).includes('2019-20Q2'),
  },
  {
    title: 'a revised mid-year population for one authority',
    store: () => store('population', [row(LA[0], '2019', '', figures('population', 2))]),
    untouched: (indicator, area) => indicator.denominator.kind !== 'population' || [LA[1], LA[2], LA[3], LA[4], LA[5], FORCE_2].includes(area),
  },
  {
    title: "a region's published value for a quarter, now with a small numerator",
    store: () => store('benchmark', [row(REGION, '2019-20Q3', 'charge-rate', { numerator: 3, denominator: 2000, value: 0.15, source: 'test' })]),
    untouched: (indicator, area, period) => indicator.id !== 'charge-rate' || ![REGION, ENGLAND].includes(area) || !quartersOf(period).includes('2019-20Q3'),
  },
  {
    title: "England's published rate for a year",
    store: () => store('benchmark', [row(ENGLAND, '2019-20', 'da-incident-rate', { numerator: null, denominator: null, value: 20.5, source: 'test' })]),
    untouched: (indicator, area, period) => indicator.id !== 'da-incident-rate' || area !== ENGLAND || !quartersOf(period).some((q) => quartersOf('2019-20').includes(q)),
  },
];

describe('IndicatorEngine after an upload', () => {
  it.each(UPLOADS)('$title: gives what a new engine gives, and keeps what the upload cannot change', async (upload) => {
    await setUp();
    const engine = new IndicatorEngine(db, { register });
    await engine.warm();
    const before = await read(engine);
    await upload.store();
    const after = await read(engine);
    const fresh = await read(new IndicatorEngine(db, { register }));

    const wrong = SAMPLE.filter((_, i) => JSON.stringify(after[i]) !== JSON.stringify(fresh[i]));
    expect(wrong.map(name)).toEqual([]);
    // Deep equality as well as the JSON form (which would not tell undefined from a missing key).
    expect(after).toEqual(fresh);

    // The upload changed something in the sample, so the comparison has teeth.
    const changed = SAMPLE.filter((_, i) => JSON.stringify(before[i]) !== JSON.stringify(after[i]));
    expect(changed.length).toBeGreaterThan(0);

    // What plainly does not read the upload was not recomputed: the same objects as before.
    const recomputed = SAMPLE.filter((c, i) => upload.untouched(c.indicator, c.area, c.period) && after[i].value !== before[i].value);
    expect(recomputed.map(name)).toEqual([]);
    const trendsRecomputed = SAMPLE.filter(
      (c, i) => comparablePeriods(parsePeriodId(c.period)!).every((p) => upload.untouched(c.indicator, c.area, p)) && after[i].trend !== before[i].trend,
    );
    expect(trendsRecomputed.map(name)).toEqual([]);
    // And most of the cache survived.
    const kept = SAMPLE.filter((_, i) => after[i].value === before[i].value).length;
    expect(kept / SAMPLE.length).toBeGreaterThan(0.8);
    expect(engine.stats().invalidated).toBeGreaterThan(0);
  });

  it('starts with the figures of several submissions stored between two looks', async () => {
    await setUp();
    const engine = new IndicatorEngine(db, { register });
    const before = await read(engine);
    for (const upload of UPLOADS) await upload.store();
    const after = await read(engine);
    expect(after).toEqual(await read(new IndicatorEngine(db, { register })));
    expect(after.filter((r, i) => r.value === before[i].value).length).toBeGreaterThan(0);
  });
});

describe('IndicatorEngine cache budget', () => {
  const chargeRate = findIndicator('charge-rate')!;

  it('forgets the least recently used results one by one at its cap, and still answers correctly', async () => {
    await setUp();
    const cap = 500;
    const small = new IndicatorEngine(db, { register, maxCachedEntries: cap });
    const roomy = new IndicatorEngine(db, { register });
    const fresh = await read(roomy);
    expect(await read(small)).toEqual(fresh);
    const stats = small.stats();
    expect(stats.capacity).toBe(cap);
    // Full, not emptied: each new result pushed out one old one.
    expect(stats.entries).toBe(cap);
    expect(stats.evictions).toBeGreaterThan(0);
    expect(roomy.stats().evictions).toBe(0);

    // A result in use stays while others come and go.
    const session = await small.session('suppressed');
    const kept = session.value(chargeRate, FORCE_1, '2019-20');
    for (const period of PERIODS) {
      session.value(chargeRate, FORCE_2, period);
      expect(session.value(chargeRate, FORCE_1, '2019-20')).toBe(kept);
    }
  });
});
