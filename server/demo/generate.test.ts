// The demo returns: every file passes the checks a partner's upload passes, and the figures,
// read from the parsed files as the dashboard reads them (events summed over quarters, people
// from the twelve-month counts of a year's last quarter), give back the figures the strategy
// documents publish (fixtures/demo/README.md lists each with its source). Loaded, they give
// every default benchmark and England a value for every indicator and period.
import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INDICATORS, isCount } from '../../schemas/indicators';
import { financialYearId, parsePeriodId, quarterRange, shiftQuarter } from '../../schemas/periods';
import { findReturnDefinition, PARTNER_RETURN_DEFINITIONS, RETURN_TYPES } from '../../schemas/returns';
import { calendarOfReturn, expectedOnlyWhereDefined } from '../../schemas/returns/definition';
import { IndicatorEngine } from '../engine/engine';
import { readTable } from '../ingest/read-table';
import { validateTable, type AcceptedRow, type ValidationResult } from '../ingest/validate';
import { buildTestApp, get } from '../test/helpers';
import { generateDemoReturns, type DemoReturn } from './generate';
import { loadDemoData } from './load';

const NOW = new Date('2026-11-22T12:00:00Z');
const QUARTERS = quarterRange('2018-19Q1', '2026-27Q2');
/** Financial years with all four quarters in the demo at NOW. */
const COMPLETE_YEARS = [2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025].map((y) => `${y}-${String((y + 1) % 100).padStart(2, '0')}`);

const BUCKINGHAMSHIRE = 'E06000060';
const OXFORDSHIRE = 'E10000025';
const BEXLEY = 'E09000004';
const MILTON_KEYNES = 'E06000042';
const LONDON = 'E12000007';
const ENGLAND = 'E92000001';
const THAMES_VALLEY = 'E23000029';
const BEDFORDSHIRE = 'E23000026';
const AREAS = [
  BUCKINGHAMSHIRE,
  OXFORDSHIRE,
  'E06000036',
  'E06000037',
  'E06000038',
  'E06000039',
  'E06000040',
  'E06000041',
  'E06000042',
  BEXLEY,
  'E06000056',
  'E06000055',
  'E06000032',
];
/**
 * The partner returns the generated files hold: every one but those expected only where a
 * partnership defines what they report (local measures), which the demo defines and sends on its
 * own (server/demo/local-measures.ts), for the two areas that define one, not for every area.
 */
const PARTNER_TYPES = PARTNER_RETURN_DEFINITIONS.filter((d) => !expectedOnlyWhereDefined(d)).map((d) => d.type);
const GENERATED_TYPES = RETURN_TYPES.filter((t) => !expectedOnlyWhereDefined(findReturnDefinition(t)!));
/** The yearly safe accommodation return's financial years at NOW (schemas/returns/frequency.ts). */
const YEARLY_RETURN_YEARS = COMPLETE_YEARS.slice(1);
/** Indicators that divide by something: those a benchmark is published and compared for (a count is not). */
const COMPARED = INDICATORS.filter((i) => !isCount(i));
/** The police columns that count people, each with a twelve-month count in `<column>_12m`. */
const PEOPLE = ['victims', 'repeat_victims', 'victims_female', 'victims_male', 'victims_ethnicity_recorded', 'perpetrators', 'repeat_perpetrators'];

/**
 * Every period the dashboard offers that the demo's quarters cover: quarters, rolling years from
 * 2018-19 Q4, financial years 2018-19 to 2025-26 and calendar years 2019 to 2025.
 */
const PERIODS = [
  ...QUARTERS,
  ...QUARTERS.slice(3).map((q) => `R12-${q}`),
  ...COMPLETE_YEARS,
  ...[2019, 2020, 2021, 2022, 2023, 2024, 2025].map(String),
];

/** The periods an indicator has figures for: a yearly return's, only those that are one of its financial years. */
function periodsOf(indicator: (typeof INDICATORS)[number]): string[] {
  const calendar = calendarOfReturn(findReturnDefinition(indicator.source)!);
  if (calendar.addsUpQuarters) return PERIODS;
  return PERIODS.filter((p) => YEARLY_RETURN_YEARS.includes(calendar.storedPeriodFor(parsePeriodId(p)!) ?? ''));
}

let files: DemoReturn[];
const checked: Record<string, ValidationResult> = {};

beforeAll(async () => {
  files = generateDemoReturns(NOW);
  for (const file of files) {
    const table = await readTable(Buffer.from(file.csv, 'utf8'), file.fileName);
    checked[file.type] = validateTable(table, findReturnDefinition(file.type)!, { now: NOW });
  }
});

function rowsOf(type: string): AcceptedRow[] {
  return checked[type].rows;
}

/** The sum of a column over an area and period, refusing a period with a quarter or a cell missing. */
function sum(type: string, area: string, column: string, periodId: string): number {
  const quarters = parsePeriodId(periodId)!.quarters;
  const rows = rowsOf(type).filter((r) => r.key.areaCode === area && quarters.includes(r.key.period));
  for (const q of quarters) expect(rows.some((r) => r.key.period === q), `${type} ${area} ${q}`).toBe(true);
  return rows.reduce((s, r) => {
    const v = r.values[column];
    if (typeof v !== 'number') throw new Error(`${type} ${area} ${r.key.period} ${column} is blank`);
    return s + v;
  }, 0);
}

function rowAt(type: string, area: string, quarter: string): AcceptedRow {
  const row = rowsOf(type).find((r) => r.key.areaCode === area && r.key.period === quarter);
  if (!row) throw new Error(`no ${type} row for ${area} ${quarter}`);
  return row;
}

/** A police count of people over twelve months: the `_12m` column of the period's last quarter. */
function twelveMonths(area: string, column: string, quarter: string): number {
  const v = rowAt('police', area, quarter).values[`${column}_12m`];
  if (typeof v !== 'number') throw new Error(`police ${area} ${quarter} ${column}_12m is blank`);
  return v;
}

/** A year's figure as the dashboard reads it: people from the twelve-month count of its last quarter, events summed. */
function yearFigure(type: string, area: string, column: string, year: string): number {
  if (type === 'police' && PEOPLE.includes(column)) return twelveMonths(area, column, `${year}Q4`);
  return sum(type, area, column, year);
}

function population(area: string, year: number, column = 'all_ages'): number {
  const row = rowsOf('population').find((r) => r.key.areaCode === area && r.key.period === String(year));
  if (!row) throw new Error(`no population for ${area} ${year}`);
  return row.values[column] as number;
}

/** Rounded as the publisher rounded it. */
function round(value: number, decimals: number): number {
  return Number(value.toFixed(decimals));
}

const percent = (part: number, whole: number, decimals = 0) => round((100 * part) / whole, decimals);
const rise = (after: number, before: number) => percent(after - before, before);

describe('the demo files', () => {
  it('are every registered return, reference data first, each with its template header', () => {
    expect(files.map((f) => f.type)).toEqual(['population', 'benchmark', ...PARTNER_TYPES]);
    expect(new Set(files.map((f) => f.type))).toEqual(new Set(GENERATED_TYPES));
    for (const file of files.filter((f) => f.type !== 'benchmark')) {
      const header = file.csv.split('\n')[0];
      expect(header).toBe(findReturnDefinition(file.type)!.columns.map((c) => c.name).join(','));
      expect(file.fileName).toMatch(/^demo-[a-z]+.*\.csv$/);
    }
  });

  it('pass every check with no errors and no warnings', () => {
    for (const file of files) {
      expect(checked[file.type].errors, file.type).toEqual([]);
      expect(checked[file.type].warnings, file.type).toEqual([]);
      expect(checked[file.type].rows.length, file.type).toBeGreaterThan(0);
    }
  });

  it('hold every quarter from 2018-19 Q1 to 2026-27 Q2 for every area (a yearly return, every financial year from 2019-20 to 2025-26)', () => {
    for (const type of PARTNER_TYPES) {
      const expected = calendarOfReturn(findReturnDefinition(type)!).frequency === 'yearly' ? YEARLY_RETURN_YEARS : QUARTERS;
      for (const area of AREAS) {
        const periods = rowsOf(type).filter((r) => r.key.areaCode === area).map((r) => r.key.period);
        expect(new Set(periods), `${type} ${area}`).toEqual(new Set(expected));
      }
      const areas = new Set(rowsOf(type).map((r) => r.key.areaCode));
      expect(areas).toEqual(new Set(AREAS));
    }
    // Refuge: one or two kinds of accommodation per area, each reported every quarter.
    for (const area of AREAS) {
      const rows = rowsOf('refuge').filter((r) => r.key.areaCode === area);
      const kinds = new Set(rows.map((r) => r.key.subkey));
      expect(kinds.size).toBeGreaterThanOrEqual(1);
      expect(kinds.size).toBeLessThanOrEqual(2);
      expect(rows.length).toBe(kinds.size * QUARTERS.length);
    }
  });

  it('write periods in canonical form and areas by code', () => {
    for (const type of PARTNER_TYPES) {
      const lines = files.find((f) => f.type === type)!.csv.trim().split('\n').slice(1);
      const period = calendarOfReturn(findReturnDefinition(type)!).frequency === 'yearly' ? '\\d{4}-\\d{2}' : '\\d{4}-\\d{2}Q[1-4]';
      for (const line of lines) expect(line).toMatch(new RegExp(`^${period},E\\d{8},`));
    }
  });

  it('are deterministic, and a quarter does not change as time passes', () => {
    expect(generateDemoReturns(NOW)).toEqual(files);
    const earlier = generateDemoReturns(new Date('2024-05-01T09:00:00Z'));
    for (const type of GENERATED_TYPES) {
      const before = earlier.find((f) => f.type === type)!.csv;
      const now = files.find((f) => f.type === type)!.csv;
      expect(now.startsWith(before), type).toBe(true);
      expect(now.length).toBeGreaterThan(before.length);
    }
  });

  it('have population estimates for every area and every year a quarter needs, extended by plausible growth', () => {
    for (const area of AREAS) {
      for (let year = 2018; year <= 2026; year++) {
        expect(population(area, year)).toBeGreaterThan(100_000);
        const all = population(area, year);
        expect(population(area, year, 'aged_16_plus')).toBeLessThan(all);
        expect(population(area, year, 'females_16_plus')).toBeLessThan(population(area, year, 'aged_16_plus'));
        expect(population(area, year, 'aged_0_17')).toBeLessThan(all / 3);
      }
      // Past the fixture (mid-2024), the generator projects 0.5–1% a year.
      for (let year = 2025; year <= 2026; year++) {
        const growth = population(area, year) / population(area, year - 1) - 1;
        expect(growth).toBeGreaterThanOrEqual(0.005);
        expect(growth).toBeLessThanOrEqual(0.01);
      }
    }
    expect(rowsOf('population').every((r) => Number(r.key.period) <= 2026)).toBe(true);
    expect(rowsOf('population')).toHaveLength(AREAS.length * 9);
  });

  it('start the benchmarks with the fixture, London as MOPAC published it', () => {
    const benchmark = files.find((f) => f.type === 'benchmark')!;
    expect(benchmark.csv.startsWith(readFileSync(new URL('../../fixtures/demo/benchmark.csv', import.meta.url), 'utf8'))).toBe(true);
    const london = (indicator: string, period: string) =>
      rowsOf('benchmark').find((r) => r.key.areaCode === LONDON && r.key.subkey === indicator && r.key.period === period)!;
    for (const [indicator, period, value] of [
      ['da-incident-rate', '2018', 15.7],
      ['da-incident-rate', '2019', 15.9],
      ['da-incident-rate', '2020', 16.8],
      ['da-crime-rate', '2018', 9.5],
      ['da-crime-rate', '2019', 9.9],
      ['da-crime-rate', '2020', 10.2],
    ] as const) {
      expect(london(indicator, period).values.value).toBe(value);
      expect(london(indicator, period).values.source).toMatch(/^MOPAC/);
    }
  });

  it('add synthetic London and England rows, labelled as such, for every indicator and period (but counts, which are not compared)', () => {
    const synthetic = rowsOf('benchmark').filter((r) => String(r.values.source).startsWith('Synthetic demo figure'));
    for (const area of [LONDON, ENGLAND]) {
      const mine = rowsOf('benchmark').filter((r) => r.key.areaCode === area);
      for (const indicator of INDICATORS.filter(isCount)) expect(mine.filter((r) => r.key.subkey === indicator.id), indicator.id).toEqual([]);
      for (const indicator of COMPARED) {
        const periods = new Set(mine.filter((r) => r.key.subkey === indicator.id).map((r) => r.key.period));
        expect(periodsOf(indicator).filter((p) => !periods.has(p)), `${indicator.id} ${area}`).toEqual([]);
      }
    }
    const expected = COMPARED.reduce((n, indicator) => n + 2 * periodsOf(indicator).length, 0);
    expect(synthetic.length).toBe(expected - 4); // less London's four published 2019 and 2020 rates
    for (const row of synthetic) {
      expect(row.values.numerator, `${row.key.subkey} ${row.key.period}`).toEqual(expect.any(Number));
      expect(row.values.denominator).toEqual(expect.any(Number));
    }
  });

  it('keep the synthetic London in line with what MOPAC published: calendar 2019 and 2020 add up from its quarters', () => {
    const london = (indicator: string, period: string) =>
      rowsOf('benchmark').find((r) => r.key.areaCode === LONDON && r.key.subkey === indicator && r.key.period === period)!.values;
    for (const [year, incidents, crimes] of [
      [2019, 144_138, 89_451],
      [2020, 156_193, 94_479],
    ]) {
      const quarters = parsePeriodId(String(year))!.quarters;
      expect(quarters.reduce((s, q) => s + (london('da-incident-rate', q).numerator as number), 0)).toBe(incidents);
      expect(quarters.reduce((s, q) => s + (london('da-crime-rate', q).numerator as number), 0)).toBe(crimes);
    }
    // England about 56.5 million people, London about 8.9 million.
    expect(rowsOf('benchmark').find((r) => r.key.areaCode === ENGLAND && r.key.subkey === 'da-incident-rate' && r.key.period === '2020-21')!.values.denominator).toBeCloseTo(56.5e6, -6);
    expect(rowsOf('benchmark').find((r) => r.key.areaCode === LONDON && r.key.subkey === 'da-incident-rate' && r.key.period === '2022-23')!.values.denominator).toBeCloseTo(8.9e6, -6);
  });

  it('take a benchmark year of people from its own count, not the sum of its quarters', () => {
    for (const area of [LONDON, ENGLAND]) {
      const row = (period: string) => rowsOf('benchmark').find((r) => r.key.areaCode === area && r.key.subkey === 'repeat-victim-rate' && r.key.period === period)!.values;
      const quarters = parsePeriodId('2023-24')!.quarters.reduce((s, q) => s + (row(q).denominator as number), 0);
      const ratio = quarters / (row('2023-24').denominator as number);
      expect(ratio).toBeGreaterThan(1.25);
      expect(ratio).toBeLessThan(1.4);
    }
  });
});

describe('twelve-month counts of people', () => {
  it('are given in every police row, except Milton Keynes 2018-19 Q1–Q3 (sent on the earlier template)', () => {
    // Those quarters end no year or rolling year the dashboard offers over the demo's quarters.
    const earlier = quarterRange('2018-19Q1', '2018-19Q3');
    expect(PERIODS.filter((p) => parsePeriodId(p)!.quarters.length > 1 && earlier.includes(parsePeriodId(p)!.quarters[3]))).toEqual([]);
    for (const row of rowsOf('police')) {
      const blank = row.key.areaCode === MILTON_KEYNES && quarterRange('2018-19Q1', '2018-19Q3').includes(row.key.period);
      for (const column of PEOPLE) {
        expect(row.values[`${column}_12m`] === null, `${row.key.areaCode} ${row.key.period} ${column}_12m`).toBe(blank);
      }
    }
  });

  it('count each quarter\'s people among the twelve months\', and people seen in several quarters once: the quarters add up to 1.25–1.4 times the count', () => {
    let compared = 0;
    for (const row of rowsOf('police')) {
      const quarters = quarterRange(shiftQuarter(row.key.period, -3), row.key.period);
      if (!quarters.every((q) => QUARTERS.includes(q)) || row.values.victims_12m === null) continue;
      for (const column of PEOPLE) {
        const twelve = row.values[`${column}_12m`] as number;
        expect(row.values[column] as number).toBeLessThanOrEqual(twelve);
        const ratio = quarters.reduce((s, q) => s + (rowAt('police', row.key.areaCode, q).values[column] as number), 0) / twelve;
        expect(ratio, `${row.key.areaCode} ${row.key.period} ${column}`).toBeGreaterThanOrEqual(1.25);
        expect(ratio, `${row.key.areaCode} ${row.key.period} ${column}`).toBeLessThanOrEqual(1.4);
        compared++;
      }
    }
    expect(compared).toBe(AREAS.length * (QUARTERS.length - 3) * PEOPLE.length);
  });
});

describe('calibration to the published figures', () => {
  it('Buckinghamshire police 2020-21: 10,635 incidents (summed), 6,132 victims, 3,212 perpetrators, 25% repeat perpetrators (twelve months to 2020-21 Q4)', () => {
    expect(sum('police', BUCKINGHAMSHIRE, 'incidents', '2020-21')).toBe(10_635);
    expect(twelveMonths(BUCKINGHAMSHIRE, 'victims', '2020-21Q4')).toBe(6_132);
    expect(twelveMonths(BUCKINGHAMSHIRE, 'perpetrators', '2020-21Q4')).toBe(3_212);
    expect(twelveMonths(BUCKINGHAMSHIRE, 'repeat_perpetrators', '2020-21Q4')).toBe(803);
    expect(percent(twelveMonths(BUCKINGHAMSHIRE, 'repeat_perpetrators', '2020-21Q4'), 3_212, 1)).toBe(25);
  });

  it('Buckinghamshire police: children present, victims by sex, ethnicity, perpetrators the year before, Clare\'s Law', () => {
    expect(sum('police', BUCKINGHAMSHIRE, 'incidents_child_present', '2020-21')).toBe(5_047);
    expect(twelveMonths(BUCKINGHAMSHIRE, 'victims_female', '2020-21Q4')).toBe(4_240);
    expect(twelveMonths(BUCKINGHAMSHIRE, 'victims_male', '2020-21Q4')).toBe(1_778);
    // "in 70% of cases the victim's ethnicity was not recorded"
    expect(twelveMonths(BUCKINGHAMSHIRE, 'victims_ethnicity_recorded', '2020-21Q4')).toBe(1_840);
    expect(100 - percent(twelveMonths(BUCKINGHAMSHIRE, 'victims_ethnicity_recorded', '2020-21Q4'), 6_132)).toBe(70);
    // "3,212 domestic abuse perpetrators. This is a 13% increase (2,839) on the same period the previous year."
    expect(twelveMonths(BUCKINGHAMSHIRE, 'perpetrators', '2019-20Q4')).toBe(2_839);
    expect(rise(3_212, twelveMonths(BUCKINGHAMSHIRE, 'perpetrators', '2019-20Q4'))).toBe(13);
    expect(sum('police', BUCKINGHAMSHIRE, 'dvds_applications', '2020-21')).toBe(87);
  });

  it("Buckinghamshire's quarters count more people than its twelve months: someone seen in two quarters is in both", () => {
    for (const column of PEOPLE) {
      const quarters = sum('police', BUCKINGHAMSHIRE, column, '2020-21');
      const year = twelveMonths(BUCKINGHAMSHIRE, column, '2020-21Q4');
      expect(quarters, column).toBeGreaterThan(1.25 * year);
      expect(quarters, column).toBeLessThan(1.4 * year);
    }
    expect(sum('police', BUCKINGHAMSHIRE, 'victims', '2020-21')).not.toBe(6_132);
  });

  it('Buckinghamshire IDVA, children\'s social care and refuge', () => {
    expect(sum('idva', BUCKINGHAMSHIRE, 'clients_engaged', '2020-21')).toBe(1_079);
    expect(percent(sum('idva', BUCKINGHAMSHIRE, 'clients_age_61_plus', '2019-20'), sum('idva', BUCKINGHAMSHIRE, 'clients_engaged', '2019-20'), 1)).toBe(4.5);
    expect(sum('csc', BUCKINGHAMSHIRE, 'referrals_da', '2020-21')).toBe(2_443);
    expect(sum('csc', BUCKINGHAMSHIRE, 'early_help_episodes_da', '2020-21')).toBe(1_496);
    expect(sum('refuge', BUCKINGHAMSHIRE, 'adults_accommodated', '2020-21')).toBe(69);
    expect(sum('refuge', BUCKINGHAMSHIRE, 'children_accommodated', '2020-21')).toBe(89);
    expect(sum('refuge', BUCKINGHAMSHIRE, 'referrals_received', '2019-20')).toBe(278);
    expect(sum('refuge', BUCKINGHAMSHIRE, 'households_accommodated', '2019-20')).toBe(96);
    expect(sum('refuge', BUCKINGHAMSHIRE, 'children_accommodated', '2019-20')).toBe(255);
  });

  it('Bexley calendar 2019: 3,835 incidents, 15.6 per 1,000 with the mid-2019 population', () => {
    const incidents = sum('police', BEXLEY, 'incidents', '2019');
    expect(incidents).toBe(3_835);
    expect(round((incidents / population(BEXLEY, 2019)) * 1000, 1)).toBe(15.6);
  });

  it('Bexley calendar 2020: 4,085 incidents (16.5 per 1,000); offences 2,625 (10.7) and 2,684 (10.8); rises of 7% and 2%', () => {
    const incidents2020 = sum('police', BEXLEY, 'incidents', '2020');
    expect(incidents2020).toBe(4_085);
    expect(round((incidents2020 / population(BEXLEY, 2020)) * 1000, 1)).toBe(16.5);
    const crimes2019 = sum('police', BEXLEY, 'crimes', '2019');
    const crimes2020 = sum('police', BEXLEY, 'crimes', '2020');
    expect(crimes2019).toBe(2_625);
    expect(crimes2020).toBe(2_684);
    expect(round((crimes2019 / population(BEXLEY, 2019)) * 1000, 1)).toBe(10.7);
    expect(round((crimes2020 / population(BEXLEY, 2020)) * 1000, 1)).toBe(10.8);
    // "Bexley has seen an increase between the two periods of 7% and 2% respectively"
    expect(rise(incidents2020, 3_835)).toBe(7);
    expect(rise(crimes2020, crimes2019)).toBe(2);
  });

  it('Bexley: a 9% Covid-period rise in incidents and a 39% rise in MARAC cases in 2020', () => {
    const aprToDec = (year: string) => quarterRange(`${year}Q1`, `${year}Q3`).reduce((s, q) => s + sum('police', BEXLEY, 'incidents', q), 0);
    expect(rise(aprToDec('2020-21'), aprToDec('2019-20'))).toBe(9);
    expect(rise(sum('marac', BEXLEY, 'cases_discussed', '2020'), sum('marac', BEXLEY, 'cases_discussed', '2019'))).toBe(39);
  });

  it("Bexley children's social care 2019-20", () => {
    const csc = (column: string) => sum('csc', BEXLEY, column, '2019-20');
    expect(csc('contacts')).toBe(13_293);
    expect(csc('contacts_da')).toBe(2_294);
    expect(percent(csc('contacts_da'), csc('contacts'), 1)).toBe(17.3);
    expect(csc('referrals_da')).toBe(527);
    expect(csc('assessments')).toBe(3_023);
    expect(csc('assessments_da')).toBe(983);
    expect(percent(csc('assessments_da'), csc('assessments'), 1)).toBe(32.5);
    expect(csc('cp_plans_started')).toBe(218);
    expect(percent(csc('cp_plans_started_da'), csc('cp_plans_started'))).toBe(57);
    expect(csc('early_help_episodes')).toBe(1_314);
    expect(csc('early_help_episodes_da')).toBe(448);
    expect(percent(csc('early_help_episodes_da'), csc('early_help_episodes'), 1)).toBe(34.1);
  });

  it('Oxfordshire 2018-19: 11,970 incidents, 174 IDVA referrals, 70% of CSC referrals with a DA factor', () => {
    expect(sum('police', OXFORDSHIRE, 'incidents', '2018-19')).toBe(11_970);
    expect(sum('idva', OXFORDSHIRE, 'referrals_received', '2018-19')).toBe(174);
    expect(percent(sum('csc', OXFORDSHIRE, 'referrals_da', '2018-19'), sum('csc', OXFORDSHIRE, 'referrals', '2018-19'))).toBe(70);
  });
});

describe('calibration of the returns of DOMAIN.md 5.9', () => {
  it("Buckinghamshire 2020-21: 531 referrals to the specialist service (Women's Aid) and 1 domestic homicide review published", () => {
    expect(sum('community-service', BUCKINGHAMSHIRE, 'referrals_received', '2020-21')).toBe(531);
    expect(sum('dhr', BUCKINGHAMSHIRE, 'reviews_published', '2020-21')).toBe(1);
  });

  it('Oxfordshire: 493 referrals through its helpline in January to March 2019', () => {
    expect(sum('community-service', OXFORDSHIRE, 'referrals_received', '2018-19Q4')).toBe(493);
  });

  it("Bexley: a Champions Network of 150 trained over 2019-20 and 2020-21, and a perpetrator programme of its own from 2022-23", () => {
    expect(sum('community-service', BEXLEY, 'champions_trained', '2019-20') + sum('community-service', BEXLEY, 'champions_trained', '2020-21')).toBe(150);
    const community = rowsOf('perpetrator-programme').filter((r) => r.key.areaCode === BEXLEY && r.key.subkey === 'community_voluntary').map((r) => r.key.period);
    expect(community[0]).toBe('2022-23Q1');
    expect(community).toEqual(quarterRange('2022-23Q1', '2026-27Q2'));
  });

  it('domestic homicide reviews: about 1.5 a year for 540,000 people (Buckinghamshire: 15 since 2011), each into at least one death', () => {
    const all = rowsOf('dhr');
    const commissioned = all.reduce((s, r) => s + (r.values.reviews_commissioned as number), 0);
    const people = AREAS.reduce((s, area) => s + population(area, 2022), 0);
    const perYear = commissioned / (QUARTERS.length / 4);
    expect((perYear / people) * 100_000).toBeGreaterThan(0.18);
    expect((perYear / people) * 100_000).toBeLessThan(0.4);
    for (const r of all) expect(r.values.deaths_reviewed as number).toBeGreaterThanOrEqual(r.values.reviews_commissioned as number);
    expect(all.some((r) => (r.values.reviews_in_progress as number) > 0)).toBe(true);
  });

  it('perpetrator programmes: half to two thirds of starters complete over a year, probation waits shorten from 2019-20', () => {
    for (const area of AREAS) {
      for (const year of COMPLETE_YEARS) {
        const share = sum('perpetrator-programme', area, 'completions', year) / sum('perpetrator-programme', area, 'starts', year);
        expect(share, `${area} ${year}`).toBeGreaterThan(0.35);
        expect(share, `${area} ${year}`).toBeLessThan(0.85);
      }
    }
    const wait = (year: string) => {
      const rows = rowsOf('perpetrator-programme').filter((r) => r.key.subkey === 'probation_accredited' && parsePeriodId(year)!.quarters.includes(r.key.period));
      return rows.reduce((s, r) => s + (r.values.waiting_days_total as number), 0) / rows.reduce((s, r) => s + (r.values.starts as number), 0);
    };
    expect(wait('2018-19')).toBeGreaterThan(90);
    expect(wait('2023-24')).toBeLessThan(wait('2018-19') * 0.8);
  });

  it('courts: about three quarters of domestic abuse prosecutions end in a conviction', () => {
    for (const area of AREAS) {
      const share = sum('court-outcomes', area, 'convictions', '2022-23') / sum('court-outcomes', area, 'prosecutions_completed', '2022-23');
      expect(share, area).toBeGreaterThan(0.68);
      expect(share, area).toBeLessThan(0.86);
    }
  });
});

describe('plausibility', () => {
  /** [numerator, denominator, low, high] of years (people from twelve-month counts), with exceptions where a published figure says otherwise. */
  type Check = { type: string; part: string; whole: string; low: number; high: number; except?: Record<string, [number, number]> };
  const CHECKS: Check[] = [
    // Bexley's published offences are 68% of its incidents (2,625 of 3,835).
    { type: 'police', part: 'crimes', whole: 'incidents', low: 0.5, high: 0.6, except: { [BEXLEY]: [0.6, 0.72] } },
    // Buckinghamshire's published 5,047 of 10,635 incidents with children present.
    { type: 'police', part: 'incidents_child_present', whole: 'incidents', low: 0.2, high: 0.3, except: { [BUCKINGHAMSHIRE]: [0.45, 0.5] } },
    { type: 'police', part: 'victims', whole: 'incidents', low: 0.55, high: 0.6 },
    { type: 'police', part: 'repeat_victims', whole: 'victims', low: 0.25, high: 0.35 },
    // Buckinghamshire's published 4,240 women and 1,778 men of 6,132 victims.
    { type: 'police', part: 'victims_female', whole: 'victims', low: 0.75, high: 0.8, except: { [BUCKINGHAMSHIRE]: [0.68, 0.71] } },
    { type: 'police', part: 'victims_male', whole: 'victims', low: 0.18, high: 0.22, except: { [BUCKINGHAMSHIRE]: [0.28, 0.3] } },
    // Buckinghamshire: "in 70% of cases the victim's ethnicity was not recorded", improving since.
    { type: 'police', part: 'victims_ethnicity_recorded', whole: 'victims', low: 0.8, high: 0.9, except: { [BUCKINGHAMSHIRE]: [0.25, 0.85] } },
    { type: 'police', part: 'repeat_perpetrators', whole: 'perpetrators', low: 0.2, high: 0.28 },
    { type: 'police', part: 'arrests', whole: 'crimes', low: 0.25, high: 0.4 },
    { type: 'police', part: 'charges', whole: 'crimes', low: 0.08, high: 0.15 },
    { type: 'police', part: 'dvpo_granted', whole: 'dvpn_issued', low: 0.5, high: 1 },
    { type: 'police', part: 'dvds_disclosures', whole: 'dvds_applications', low: 0.3, high: 0.7 },
    { type: 'marac', part: 'repeat_cases', whole: 'cases_discussed', low: 0.25, high: 0.35 },
    { type: 'marac', part: 'referrals_police', whole: 'cases_discussed', low: 0.5, high: 0.65 },
    { type: 'idva', part: 'referrals_high_risk', whole: 'referrals_received', low: 0.5, high: 0.75 },
    { type: 'idva', part: 'clients_engaged', whole: 'referrals_received', low: 0.6, high: 0.8 },
    { type: 'idva', part: 'closed_abuse_ceased', whole: 'cases_closed', low: 0.5, high: 0.8 },
    { type: 'idva', part: 'closed_feel_safer', whole: 'cases_closed', low: 0.65, high: 0.9 },
    { type: 'csc', part: 'contacts_da', whole: 'contacts', low: 0.12, high: 0.25 },
    // Oxfordshire: "70% of referrals into CSC in Oxfordshire have a DA factor".
    { type: 'csc', part: 'referrals_da', whole: 'referrals', low: 0.15, high: 0.45, except: { [OXFORDSHIRE]: [0.65, 0.75] } },
    { type: 'csc', part: 'assessments_da', whole: 'assessments', low: 0.3, high: 0.55 },
    { type: 'csc', part: 'cp_plans_started_da', whole: 'cp_plans_started', low: 0.45, high: 0.65 },
    { type: 'refuge', part: 'unit_nights_occupied', whole: 'unit_nights_available', low: 0.8, high: 0.95 },
    { type: 'refuge', part: 'departures_planned_move_on', whole: 'departures', low: 0.5, high: 0.75 },
  ];

  it('keep the usual ratios in every area and financial year', () => {
    for (const check of CHECKS) {
      for (const area of AREAS) {
        const [low, high] = check.except?.[area] ?? [check.low, check.high];
        for (const year of COMPLETE_YEARS) {
          const ratio = yearFigure(check.type, area, check.part, year) / yearFigure(check.type, area, check.whole, year);
          expect(ratio, `${check.part}/${check.whole} ${area} ${year}`).toBeGreaterThanOrEqual(low);
          expect(ratio, `${check.part}/${check.whole} ${area} ${year}`).toBeLessThanOrEqual(high);
        }
      }
    }
  });

  it('have MARAC at 28–46 cases per 10,000 women aged 16+ a year', () => {
    for (const area of AREAS) {
      for (const year of COMPLETE_YEARS) {
        const women = population(area, Number(year.slice(0, 4)), 'females_16_plus');
        const rate = (sum('marac', area, 'cases_discussed', year) / women) * 10_000;
        expect(rate, `${area} ${year}`).toBeGreaterThanOrEqual(28);
        expect(rate, `${area} ${year}`).toBeLessThanOrEqual(46);
      }
    }
  });

  it('leave DAPOs blank before they existed (first granted late 2024) and report them after', () => {
    for (const row of rowsOf('police')) {
      const dapoEra = !quarterRange('2018-19Q1', '2024-25Q2').includes(row.key.period);
      expect(row.values.dapo_granted === null, `${row.key.areaCode} ${row.key.period}`).toBe(!dapoEra);
    }
  });

  it('have a few small counts (1–4) for the dashboard to suppress, and few blank cells', () => {
    const small = rowsOf('marac').filter((r) => typeof r.values.cases_age_16_17 === 'number' && (r.values.cases_age_16_17 as number) >= 1 && (r.values.cases_age_16_17 as number) <= 4);
    expect(small.length).toBeGreaterThan(20);
    let cells = 0;
    let blank = 0;
    for (const type of PARTNER_TYPES) {
      for (const row of rowsOf(type)) {
        for (const [column, value] of Object.entries(row.values)) {
          if (column === 'dapo_granted' || typeof value === 'string') continue;
          cells++;
          if (value === null) blank++;
        }
      }
    }
    expect(blank).toBeGreaterThan(0);
    expect(blank / cells).toBeLessThan(0.005);
    const notes = PARTNER_TYPES.flatMap((type) => rowsOf(type).filter((r) => r.notes !== null));
    expect(notes.length).toBeGreaterThan(0);
    expect(notes.length).toBeLessThan(20);
  });

  it('peak in the summer: Q2 is above the year\'s quarterly mean in most years', () => {
    for (const area of AREAS) {
      const summerPeaks = COMPLETE_YEARS.filter((year) => {
        const q2 = sum('police', area, 'incidents', `${year}Q2`);
        return q2 > sum('police', area, 'incidents', year) / 4;
      });
      expect(summerPeaks.length, area).toBeGreaterThanOrEqual(6);
    }
  });

  it('rise in the first Covid-19 lockdowns (2020-21 Q1–Q2 against the year before)', () => {
    const rises = AREAS.map((area) => {
      const during = sum('police', area, 'incidents', '2020-21Q1') + sum('police', area, 'incidents', '2020-21Q2');
      const before = sum('police', area, 'incidents', '2019-20Q1') + sum('police', area, 'incidents', '2019-20Q2');
      return during / before - 1;
    });
    for (const r of rises) expect(r).toBeGreaterThan(0.05);
    const mean = rises.reduce((a, b) => a + b, 0) / rises.length;
    expect(mean).toBeGreaterThan(0.1);
    expect(mean).toBeLessThan(0.2);
  });
});

describe('benchmarks, once the demo is loaded', () => {
  let app: FastifyInstance;

  // Loading the whole demo takes a few seconds, more on a busy machine.
  beforeAll(async () => {
    app = await buildTestApp(NOW);
    await loadDemoData(app.db, NOW);
  }, 120_000);

  afterAll(async () => {
    await app.close();
  });

  it('every area has its default benchmark: Thames Valley, Bedfordshire or London', async () => {
    const areas = (await get(app, '/api/areas')).json().areas as Array<{ code: string; defaultBenchmark: string | null }>;
    const defaults = new Set(AREAS.map((code) => areas.find((a) => a.code === code)!.defaultBenchmark));
    expect([...defaults].sort()).toEqual([LONDON, BEDFORDSHIRE, THAMES_VALLEY].sort());
  });

  it('gives every default benchmark and England a value for every indicator in the latest complete financial year (a count: the areas summed from returns)', async () => {
    const latestYear = financialYearId(2025);
    for (const indicator of INDICATORS) {
      const comparators = isCount(indicator) ? [THAMES_VALLEY, BEDFORDSHIRE] : [ENGLAND, LONDON, THAMES_VALLEY, BEDFORDSHIRE];
      const response = await get(app, `/api/indicators/${indicator.id}/values?area=${comparators.join(',')}&period=${latestYear}`);
      expect(response.statusCode).toBe(200);
      const values = response.json().values as Array<{ area: string; status: string; value: number | null; source: string }>;
      for (const area of comparators) {
        const value = values.find((v) => v.area === area)!;
        expect(value.status, `${indicator.id} ${area}`).toBe('ok');
        expect(value.value, `${indicator.id} ${area}`).toEqual(expect.any(Number));
        expect(value.source, `${indicator.id} ${area}`).toBe([ENGLAND, LONDON].includes(area) ? 'imported' : 'computed');
      }
    }
  });

  it("and in every period the dashboard offers over the demo's quarters (a yearly return's: its financial years)", async () => {
    const session = await new IndicatorEngine(app.db).session('unsuppressed');
    const missing: string[] = [];
    for (const indicator of INDICATORS) {
      for (const area of isCount(indicator) ? [THAMES_VALLEY, BEDFORDSHIRE] : [ENGLAND, LONDON, THAMES_VALLEY, BEDFORDSHIRE]) {
        for (const period of periodsOf(indicator)) {
          const value = session.value(indicator, area, period);
          if (value.status !== 'ok' || value.value === null) missing.push(`${indicator.id} ${area} ${period}: ${value.status}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });
});
