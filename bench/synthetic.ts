// A national-scale synthetic data set for the benchmark: 300 local authorities under 40 police
// force areas and 9 regions, eight financial years of quarters, all five partner returns,
// population estimates and England's published values. Deterministic (no randomness), so two
// runs measure the same work.
//
// The synthetic areas are not in the shipped register, so the benchmark builds its own register
// (the engine takes one as a parameter) and inserts the areas into the `areas` table that
// stored rows reference. The first authorities take the codes and names of the shipped register's
// local authorities (with synthetic parents), so that a return uploaded over HTTP, which is read
// against the shipped register, can be for them; the rest have made-up codes (E089…).
import type { Area } from '../schemas/areas';
import { AREAS, ENGLAND } from '../schemas/areas';
import { INDICATORS } from '../schemas/indicators';
import { financialYearId, quarterId, type Quarter } from '../schemas/periods';
import type { Db } from '../server/db/database';
import type { AcceptedRow } from '../server/ingest/validate';
import { createRegister, type AreaRegister } from '../server/engine/register';
import { VALID_ROWS } from '../server/test/rows';

export const AUTHORITIES = 300;
export const FORCE_AREAS = 40;
export const REGIONS = 9;
export const FIRST_YEAR = 2017;
export const YEARS = 8;
/** One in this many authorities is small enough that its counts fall under the disclosure threshold. */
const SMALL_AUTHORITY_EVERY = 25;
const REFUGE_TYPES = ['refuge', 'dispersed'];

const code = (prefix: string, n: number) => `${prefix}${String(n).padStart(9 - prefix.length, '0')}`;

/** The shipped register's local authorities: authorities 0 … SHIPPED_AUTHORITIES − 1 use their codes. */
const SHIPPED = AREAS.filter((a) => a.type === 'local-authority');
export const SHIPPED_AUTHORITIES = SHIPPED.length;

export const authorityCode = (i: number) => (i < SHIPPED.length ? SHIPPED[i].code : code('E08900', i + 1));
const authorityName = (i: number) => (i < SHIPPED.length ? SHIPPED[i].name : `Authority ${i + 1}`);
export const forceCode = (i: number) => code('E23900', i + 1);
export const regionCode = (i: number) => code('E12900', i + 1);

export function syntheticAreas(): Area[] {
  const areas: Area[] = [{ code: ENGLAND, name: 'England', type: 'country', parents: [], computedFromChildren: false }];
  for (let r = 0; r < REGIONS; r++) areas.push({ code: regionCode(r), name: `Region ${r + 1}`, type: 'region', parents: [ENGLAND], computedFromChildren: true });
  for (let f = 0; f < FORCE_AREAS; f++) areas.push({ code: forceCode(f), name: `Force area ${f + 1}`, type: 'police-force-area', parents: [ENGLAND], computedFromChildren: true });
  for (let a = 0; a < AUTHORITIES; a++) {
    // Consecutive authorities share a force area (7–8 each) and a region (33–34 each).
    const force = Math.floor((a * FORCE_AREAS) / AUTHORITIES);
    const region = Math.floor((a * REGIONS) / AUTHORITIES);
    areas.push({ code: authorityCode(a), name: authorityName(a), type: 'local-authority', parents: [forceCode(force), regionCode(region)], computedFromChildren: false });
  }
  return areas;
}

export function syntheticRegister(): AreaRegister {
  return createRegister(syntheticAreas());
}

/** Puts the register's areas into the database (the shipped ones are there already), so rows can reference them. */
export async function insertAreas(db: Db, register: AreaRegister): Promise<void> {
  const areas = register.areas.map((a) => ({ code: a.code, name: a.name, type: a.type }));
  await db.transaction(async () => {
    for (let i = 0; i < areas.length; i += 200) await db.kysely.insertInto('areas').values(areas.slice(i, i + 200)).onConflict((oc) => oc.doNothing()).execute();
  });
}

export function quartersOf(startYear: number): string[] {
  return [1, 2, 3, 4].map((q) => quarterId({ startYear, quarter: q as Quarter['quarter'] }));
}

/** How big an authority is, relative to the example rows (Bexley-sized = 1). */
export function sizeOf(authority: number): number {
  if (authority % SMALL_AUTHORITY_EVERY === 0) return 0.01;
  return 0.4 + ((authority * 37) % 100) / 60;
}

/** Seasonal and yearly movement, so trends are not flat. */
function movement(authority: number, ordinal: number): number {
  return 1 + 0.08 * Math.sin((ordinal + authority) / 2) + 0.01 * ordinal * ((authority % 3) - 1);
}

/** The example row's figures scaled; scaling every count alike keeps each "not more than" rule. */
function scaled(type: string, factor: number, overrides: Record<string, number> = {}): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  for (const [column, v] of Object.entries(VALID_ROWS[type])) {
    if (typeof v === 'number' && column !== 'year') out[column] = Math.round(v * factor);
  }
  return { ...out, ...overrides };
}

/** The police figures of one authority and quarter, as a partner would send them. */
export function policeFigures(authority: number, quarterIndex: number): Record<string, number | null> {
  const f = scaled('police', sizeOf(authority) * movement(authority, quarterIndex)) as Record<string, number>;
  // Rounding two parts up can take them past their total in a small authority.
  return { ...f, victims_male: Math.min(f.victims_male, f.victims - f.victims_female) };
}

export interface SyntheticSubmission {
  returnType: 'police' | 'marac' | 'idva' | 'csc' | 'refuge' | 'population' | 'benchmark';
  rows: AcceptedRow[];
}

/** Every stored submission of the data set: one file per return type and year, as partners send them. */
export function* syntheticSubmissions(): Generator<SyntheticSubmission> {
  let rowNumber = 2;
  const row = (areaCode: string, period: string, subkey: string, values: Record<string, number | string | null>): AcceptedRow => ({
    rowNumber: rowNumber++,
    key: { areaCode, period, subkey },
    values,
    notes: null,
  });
  for (let y = 0; y < YEARS; y++) {
    const startYear = FIRST_YEAR + y;
    const quarters = quartersOf(startYear);
    for (const type of ['police', 'marac', 'idva', 'csc'] as const) {
      const rows: AcceptedRow[] = [];
      for (let a = 0; a < AUTHORITIES; a++) {
        quarters.forEach((q, i) => {
          const factor = sizeOf(a) * movement(a, y * 4 + i);
          rows.push(row(authorityCode(a), q, '', type === 'police' ? policeFigures(a, y * 4 + i) : scaled(type, factor)));
        });
      }
      yield { returnType: type, rows };
    }
    const refuge: AcceptedRow[] = [];
    for (let a = 0; a < AUTHORITIES; a++) {
      quarters.forEach((q, i) => {
        for (const t of REFUGE_TYPES) refuge.push(row(authorityCode(a), q, t, scaled('refuge', sizeOf(a) * movement(a, y * 4 + i))));
      });
    }
    yield { returnType: 'refuge', rows: refuge };
    const population: AcceptedRow[] = [];
    for (let a = 0; a < AUTHORITIES; a++) population.push(row(authorityCode(a), String(startYear), '', scaled('population', sizeOf(a) * (1 + 0.005 * y))));
    yield { returnType: 'population', rows: population };
    // England's published values (a rate only), as an analyst would load them from ONS.
    yield {
      returnType: 'benchmark',
      rows: INDICATORS.map((i) => row(ENGLAND, financialYearId(startYear), i.id, { numerator: null, denominator: null, value: 10 + (y % 3), source: 'Synthetic ONS' })),
    };
  }
}
