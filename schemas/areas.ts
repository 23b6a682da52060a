// The area register (DOMAIN.md section 3): GSS codes, names, the hierarchy used for benchmarks,
// and predecessor codes from reorganisations. Shipped with the product; shared with the web app.
import { z } from 'zod';

export type AreaType = 'country' | 'region' | 'police-force-area' | 'local-authority';

export interface Area {
  code: string;
  name: string;
  type: AreaType;
  /** Parents in the hierarchy; the first is the default benchmark (DOMAIN.md section 7). */
  parents: string[];
  /** Codes this area replaced, e.g. Buckinghamshire County Council E10000002 → E06000060. */
  predecessors?: string[];
  /**
   * Whether the register holds every child of this area, so that the area's figures can be
   * computed by summing its children. England's children are not all held: its figures come
   * only from imported published values.
   */
  computedFromChildren: boolean;
}

export const ENGLAND = 'E92000001';
export const LONDON = 'E12000007';

const LONDON_BOROUGHS: Array<[string, string]> = [
  ['E09000001', 'City of London'],
  ['E09000002', 'Barking and Dagenham'],
  ['E09000003', 'Barnet'],
  ['E09000004', 'Bexley'],
  ['E09000005', 'Brent'],
  ['E09000006', 'Bromley'],
  ['E09000007', 'Camden'],
  ['E09000008', 'Croydon'],
  ['E09000009', 'Ealing'],
  ['E09000010', 'Enfield'],
  ['E09000011', 'Greenwich'],
  ['E09000012', 'Hackney'],
  ['E09000013', 'Hammersmith and Fulham'],
  ['E09000014', 'Haringey'],
  ['E09000015', 'Harrow'],
  ['E09000016', 'Havering'],
  ['E09000017', 'Hillingdon'],
  ['E09000018', 'Hounslow'],
  ['E09000019', 'Islington'],
  ['E09000020', 'Kensington and Chelsea'],
  ['E09000021', 'Kingston upon Thames'],
  ['E09000022', 'Lambeth'],
  ['E09000023', 'Lewisham'],
  ['E09000024', 'Merton'],
  ['E09000025', 'Newham'],
  ['E09000026', 'Redbridge'],
  ['E09000027', 'Richmond upon Thames'],
  ['E09000028', 'Southwark'],
  ['E09000029', 'Sutton'],
  ['E09000030', 'Tower Hamlets'],
  ['E09000031', 'Waltham Forest'],
  ['E09000032', 'Wandsworth'],
  ['E09000033', 'Westminster'],
];

const THAMES_VALLEY = 'E23000029';
const BEDFORDSHIRE = 'E23000026';
const METROPOLITAN_POLICE = 'E23000001';

function authority(code: string, name: string, parents: string[], predecessors?: string[]): Area {
  return { code, name, type: 'local-authority', parents, predecessors, computedFromChildren: false };
}

export const AREAS: readonly Area[] = [
  { code: ENGLAND, name: 'England', type: 'country', parents: [], computedFromChildren: false },
  { code: LONDON, name: 'London', type: 'region', parents: [ENGLAND], computedFromChildren: true },
  { code: METROPOLITAN_POLICE, name: 'Metropolitan Police', type: 'police-force-area', parents: [ENGLAND], computedFromChildren: true },
  { code: THAMES_VALLEY, name: 'Thames Valley', type: 'police-force-area', parents: [ENGLAND], computedFromChildren: true },
  { code: BEDFORDSHIRE, name: 'Bedfordshire', type: 'police-force-area', parents: [ENGLAND], computedFromChildren: true },
  ...LONDON_BOROUGHS.map(([code, name]) => authority(code, name, [LONDON, METROPOLITAN_POLICE])),
  authority('E06000060', 'Buckinghamshire', [THAMES_VALLEY], ['E10000002']),
  authority('E10000025', 'Oxfordshire', [THAMES_VALLEY]),
  authority('E06000036', 'Bracknell Forest', [THAMES_VALLEY]),
  authority('E06000037', 'West Berkshire', [THAMES_VALLEY]),
  authority('E06000038', 'Reading', [THAMES_VALLEY]),
  authority('E06000039', 'Slough', [THAMES_VALLEY]),
  authority('E06000040', 'Windsor and Maidenhead', [THAMES_VALLEY]),
  authority('E06000041', 'Wokingham', [THAMES_VALLEY]),
  authority('E06000042', 'Milton Keynes', [THAMES_VALLEY]),
  authority('E06000055', 'Bedford', [BEDFORDSHIRE]),
  authority('E06000056', 'Central Bedfordshire', [BEDFORDSHIRE]),
  authority('E06000032', 'Luton', [BEDFORDSHIRE]),
];

const byCode = new Map(AREAS.map((a) => [a.code, a]));
const byPredecessor = new Map(AREAS.flatMap((a) => (a.predecessors ?? []).map((p) => [p, a] as const)));

/** Names compared without case, punctuation or "and"/"&" differences: "Windsor & Maidenhead". */
export function normaliseAreaName(name: string): string {
  return name
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/\b(london borough of|royal borough of|borough of|city of|council|county|district|unitary authority)\b/g, (m) =>
      m === 'city of' ? m : '',
    )
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

const byName = new Map(AREAS.map((a) => [normaliseAreaName(a.name), a]));

export function findArea(code: string): Area | undefined {
  return byCode.get(code);
}

export type AreaMatch = { area: Area; via: 'code' | 'name' | 'predecessor' };

/** Resolves an area written in a file: its GSS code, a predecessor code, or its name. */
export function resolveArea(text: string): AreaMatch | null {
  const t = text.trim();
  const code = t.toUpperCase();
  const direct = byCode.get(code);
  if (direct) return { area: direct, via: 'code' };
  const successor = byPredecessor.get(code);
  if (successor) return { area: successor, via: 'predecessor' };
  const named = byName.get(normaliseAreaName(t));
  return named ? { area: named, via: 'name' } : null;
}

export function childrenOf(code: string): Area[] {
  return AREAS.filter((a) => a.parents.includes(code));
}

/** The comparator an area is judged against by default: its police force area, or London for a borough. */
export function defaultBenchmarkOf(code: string): string {
  const area = byCode.get(code);
  return area?.parents[0] ?? ENGLAND;
}

/** Areas an area can be benchmarked against: its parents, then England. */
export function benchmarkChoicesFor(code: string): string[] {
  const area = byCode.get(code);
  const choices = [...(area?.parents ?? [])];
  if (!choices.includes(ENGLAND) && code !== ENGLAND) choices.push(ENGLAND);
  return choices;
}

export const AreaCodeSchema = z
  .string()
  .regex(/^[EWSN]\d{8}$/, 'a 9-character GSS code such as E09000004')
  .meta({ description: 'ONS GSS area code', example: 'E09000004' });

export const AreaSchema = z.object({
  code: AreaCodeSchema,
  name: z.string(),
  type: z.enum(['country', 'region', 'police-force-area', 'local-authority']),
  parents: z.array(z.string()),
  predecessors: z.array(z.string()).optional(),
  computedFromChildren: z.boolean(),
});
