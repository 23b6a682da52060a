// Synthetic demo returns (DOMAIN.md section 10): every partner return (the five of DOMAIN.md
// 5.1–5.5 and those of 5.9) for the Thames Valley authorities, the three Bedfordshire authorities
// and Bexley, each quarter from 2018-19 Q1 to the latest complete quarter, plus the population
// and benchmark reference files.
//
// The figures are made up, but calibrated: read the way the dashboard reads them (events summed
// over quarters, people from the twelve-month counts of a year's last quarter), they give back
// the figures the strategy documents in /work/shared/seeds publish (the CALIBRATION TARGETS
// below, each quoting its source). Everything else follows a simple model: a level per area, a
// gentle trend, seasonality (a summer peak), a Covid-19 rise in 2020-21 and small deterministic
// noise. London and England, whose returns the dashboard does not hold, run through the same
// model and become imported benchmark rows for every indicator and period. The same `now`
// always gives byte-identical files, and a quarter's figures do not depend on `now` at all, so
// history never changes as time passes.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ENGLAND, LONDON } from '../../schemas/areas';
import { INDICATORS, type IndicatorDefinition } from '../../schemas/indicators';
import {
  daysInQuarter,
  financialYearId,
  latestCompleteQuarter,
  parsePeriodId,
  parseQuarterId,
  populationYear,
  quarterOrdinal,
  quarterRange,
  shiftQuarter,
  type Period,
} from '../../schemas/periods';
import { findReturnDefinition } from '../../schemas/returns';
import { TWELVE_MONTHS_SUFFIX } from '../../schemas/returns/police';
import { calendarOfReturn, type ReturnTypeId } from '../../schemas/returns/definition';
import type { ProgrammeKind } from '../../schemas/returns/perpetrator-programme';
import type { AccommodationType } from '../../schemas/returns/refuge';
import type { SafeAccommodationType } from '../../schemas/returns/safe-accommodation';
import { TRAINING_MODULES, TRAINING_SECTORS } from '../../schemas/returns/training';

export type DemoReturnType = ReturnTypeId;
type PartnerReturnType = Exclude<DemoReturnType, 'population' | 'benchmark'>;

export interface DemoReturn {
  type: DemoReturnType;
  fileName: string;
  csv: string;
}

const FIRST_QUARTER = '2018-19Q1';
/**
 * The model starts a year before the first reported quarter: the twelve-month counts of people
 * in 2018-19 Q1–Q3 reach back into 2017-18, whose quarters are modelled but not reported.
 */
const MODEL_START = shiftQuarter(FIRST_QUARTER, -4);
const POPULATION_FIXTURE = fileURLToPath(new URL('../../fixtures/demo/population.csv', import.meta.url));
const BENCHMARK_FIXTURE = fileURLToPath(new URL('../../fixtures/demo/benchmark.csv', import.meta.url));

// ---------------------------------------------------------------------------------------
// Calibration targets: published figures, quoted from the strategy documents in seeds/.
// seeds/000 = Buckinghamshire draft DA Strategy 2021-2024; seeds/003 = Oxfordshire DA
// Strategy 2019-2024; seeds/004 = Bexley DA Strategy 2021-2026.
//
// Counts of events (incidents, referrals, cases) are the sum of a year's quarters. Counts of
// people (victims, perpetrators and their breakdowns) are the force's twelve-month count in the
// `_12m` columns of the year's last quarter (DOMAIN.md 5.1): a year's figure for people is
// never the sum of its quarters, which count someone seen in two quarters twice.

// "Thames Valley Police recorded 10,635 incidents of domestic abuse from April 2020 to March 2021 in Buckinghamshire" (seeds/000)
const BUCKS_INCIDENTS_2020_21 = 10_635;
// "Police data for Buckinghamshire in 2020 to 2021 showed that around 6,132 victims of abuse were recorded." (seeds/000)
const BUCKS_VICTIMS_2020_21 = 6_132;
// "In this period there were over 10,500 occurrences relating to domestic abuse, 5047 of which recorded children bring present." (seeds/000)
const BUCKS_CHILD_PRESENT_2020_21 = 5_047;
// "there were still 4240 women and 1778 men who reported incidents to the police in the period 1.4.2020 to 31.3.2021" (seeds/000)
const BUCKS_VICTIMS_FEMALE_2020_21 = 4_240;
const BUCKS_VICTIMS_MALE_2020_21 = 1_778;
// "Recent Police data shows that in Buckinghamshire, in 70% of cases the victim's ethnicity was not recorded." (seeds/000)
const BUCKS_ETHNICITY_RECORDED_SHARE_2020_21 = 0.3;
// "In Buckinghamshire between 2020-21 there were 3,212 domestic abuse perpetrators. This is a 13% increase (2,839) on the same period the previous year." (seeds/000)
const BUCKS_PERPETRATORS_2020_21 = 3_212;
const BUCKS_PERPETRATORS_2019_20 = 2_839;
// "25% repeat perpetrator rate in Buckinghamshire in 2020/21" (seeds/000): 803 of 3,212 is 25.0%.
const BUCKS_REPEAT_PERPETRATORS_2020_21 = 803;
// "87 Clare's Law applications in Buckinghamshire 2020/21" (seeds/000)
const BUCKS_DVDS_APPLICATIONS_2020_21 = 87;
// "1079 clients received IDVA safety planning support in 2020/21" (seeds/000), as new clients engaged.
const BUCKS_IDVA_CLIENTS_2020_21 = 1_079;
// "Police data for Buckinghamshire in 2019 to 2020 showed that 9% of victims of known age were 61 years or older.
//  However this age group only made up 4.5% of IDVA service users in the same year." (seeds/000)
const BUCKS_IDVA_AGED_61_PLUS_SHARE_2019_20 = 0.045;
// "There were 2443 referrals to Children's Social Care with Domestic Abuse as a factor" (seeds/000, local context 2020-21)
const BUCKS_CSC_REFERRALS_DA_2020_21 = 2_443;
// "1496 Early Help Family Support referrals Buckinghamshire 2020/21, related to domestic abuse" (seeds/000;
//  the narrative on the same page says 1446: the dated, labelled figure is used)
const BUCKS_EARLY_HELP_DA_2020_21 = 1_496;
// "In 2020/21 69 women and 89 children lived in refuge in Buckinghamshire." (seeds/000), as admissions;
// each woman is taken to be one household.
const BUCKS_REFUGE_WOMEN_2020_21 = 69;
const BUCKS_REFUGE_CHILDREN_2020_21 = 89;
// "In 2019/20 there were 278 referrals, 96 referrals were accommodated including 255 children" (seeds/000)
const BUCKS_REFUGE_REFERRALS_2019_20 = 278;
const BUCKS_REFUGE_HOUSEHOLDS_2019_20 = 96;
const BUCKS_REFUGE_CHILDREN_2019_20 = 255;

// "In 2018-19 there were 11,970 domestic abuse incidents reported to police in Oxfordshire." (seeds/003)
const OXON_INCIDENTS_2018_19 = 11_970;
// "In 2018-19 there were 174 referrals to Oxfordshire's IDVA service" (seeds/003)
const OXON_IDVA_REFERRALS_2018_19 = 174;
// "70% of referrals into CSC in Oxfordshire have a DA factor" (seeds/003, April 2019 consultation), applied to 2018-19.
const OXON_CSC_REFERRALS_DA_SHARE_2018_19 = 0.7;
// "In 2017-18 51% of Children's Social Care Child in Need assessments identified domestic abuse as a significant risk
//  factor" (seeds/003): before the first demo quarter, so it only sets Oxfordshire's level (not a target).
const OXON_CSC_ASSESSMENTS_DA_SHARE_2017_18 = 0.51;

// Recorded incidents Bexley compared to London (calendar year 2019 and 2020) (seeds/004):
// "2019	Bexley	3,835	15.6	245,655" and "2020	Bexley	4085	16.5	247,444"
const BEXLEY_INCIDENTS_2019 = 3_835;
const BEXLEY_INCIDENTS_2020 = 4_085;
// Recorded offences Bexley compared to London (calendar year 2019 and 2020) (seeds/004):
// "2019	Bexley	2625	10.7	245,655" and "2020	Bexley	2684	10.8	247,444"
const BEXLEY_CRIMES_2019 = 2_625;
const BEXLEY_CRIMES_2020 = 2_684;
// "On average Bexley saw an increase of 9% in the number of police reported incidents from March to December 2020
//  compared with the same period in 2019." (seeds/004) Quarterly returns can only say April to December.
const BEXLEY_APR_DEC_2020_RISE = 0.09;
// "Bexley also saw a significant increase of 39% in DA MARAC (multi agency risk assessment conference) referrals when
//  comparing 2020 to the corresponding period in the previous year." (seeds/004) The 2019 level is not published:
//  320 cases (about 31 per 10,000 women) is this demo's choice.
const BEXLEY_MARAC_CASES_2019 = 320;
const BEXLEY_MARAC_RISE_2020 = 0.39;
// London, from the MOPAC dashboard as quoted in seeds/004 (and in fixtures/demo/benchmark.csv): recorded incidents
// "London 140,902 15.7 8,956,600" (2018), "London 144,138 15.9 9,056,800" (2019), "London 156,193 16.8 9,304,000" (2020);
// recorded offences 85,458 (2018), 89,451 (2019), 94,479 (2020). The synthetic London quarters add up to them.
const LONDON_INCIDENTS: Record<number, number> = { 2018: 140_902, 2019: 144_138, 2020: 156_193 };
const LONDON_CRIMES: Record<number, number> = { 2018: 85_458, 2019: 89_451, 2020: 94_479 };
// Children's social care 2019/20 (seeds/004): "the Multi Agency Safeguarding Hub (MASH) received 13,293 contacts, of
// which 17.3% (2,294) cited domestic abuse as the presenting reason. The outcome from these contacts saw 23% (527)
// referred to Children's Social Care"; "Children's Social Care completed 3,023 assessments ... 32.5% (983) identified
// domestic abuse as a factor"; "218 children and young people became subject to a Child Protection Plan ... 57.2% (162)
// of these assessments having domestic abuse identified as a factor"; "1,314 episodes were started in the Family
// Wellbeing Service with 34.1% (448) of these having parental domestic abuse cited".
// "531 new referrals to Women's Aid" in 2020/21 (seeds/000): the specialist community service's referrals.
const BUCKS_COMMUNITY_REFERRALS_2020_21 = 531;
// "There were 493 referrals via the Oxfordshire domestic abuse helpline in the first 3 months of 2019" (seeds/003):
// January to March 2019 is 2018-19 Q4.
const OXON_HELPLINE_REFERRALS_2018_19Q4 = 493;
// "The recently developed Bexley Domestic Abuse Champions Network and Train the Trainers Programme currently has 150
// professionals" (seeds/004, 2021): taken as the champions trained over 2019-20 and 2020-21.
const BEXLEY_CHAMPIONS_2019_21 = 150;
// "1 DHR completed during 2020/21" and "15 DHRs since 2011 in Buckinghamshire" (seeds/000): one review published in
// 2020-21, and about one and a half reviews a year.
const BUCKS_DHRS_PUBLISHED_2020_21 = 1;
// Oxfordshire "has commenced 11 DHRs, involving 14 victims and 24 children (18 under the age of 18)" since 2011
// (seeds/003): before the demo's span, so it sets the model's levels: about 1.3 deaths per review and 1.3 children
// under 18 bereaved per death.
const DEATHS_PER_REVIEW = 14 / 11;
const CHILDREN_PER_DEATH = 18 / 14;

const BEXLEY_CSC_2019_20 = {
  contacts: 13_293,
  contacts_da: 2_294,
  referrals_da: 527,
  assessments: 3_023,
  assessments_da: 983,
  cp_plans_started: 218,
  // The 57.2% is of the children's assessments, not of the plans: applied to the plans as the nearest a return can say.
  cp_plans_started_da: Math.round(0.572 * 218),
  early_help_episodes: 1_314,
  early_help_episodes_da: 448,
};

// ---------------------------------------------------------------------------------------
// Areas and the model's levels.

interface AreaProfile {
  code: string;
  name: string;
  /** Police DA incidents per 1,000 residents a year in 2018-19, before calibration. */
  incidentRate: number;
  /** MARAC cases per 10,000 women aged 16+ a year. */
  maracRate: number;
  /** Share of MARAC cases and IDVA clients from Black, Asian and minority ethnic groups. */
  bameShare: number;
  /** Safe accommodation: one or two kinds, with units (bed spaces) in 2018-19. */
  accommodation: Array<{ type: AccommodationType; units: number }>;
}

const BUCKINGHAMSHIRE = 'E06000060';
const OXFORDSHIRE = 'E10000025';
const BEXLEY = 'E09000004';
const MILTON_KEYNES = 'E06000042';

const DEMO_AREAS: readonly AreaProfile[] = [
  { code: BUCKINGHAMSHIRE, name: 'Buckinghamshire', incidentRate: 16.9, maracRate: 33, bameShare: 0.13, accommodation: [{ type: 'refuge', units: 24 }, { type: 'dispersed', units: 8 }] },
  { code: OXFORDSHIRE, name: 'Oxfordshire', incidentRate: 17.4, maracRate: 34, bameShare: 0.12, accommodation: [{ type: 'refuge', units: 28 }, { type: 'dispersed', units: 12 }] },
  { code: 'E06000036', name: 'Bracknell Forest', incidentRate: 16.0, maracRate: 31, bameShare: 0.1, accommodation: [{ type: 'refuge', units: 6 }] },
  { code: 'E06000037', name: 'West Berkshire', incidentRate: 14.0, maracRate: 31, bameShare: 0.06, accommodation: [{ type: 'refuge', units: 8 }, { type: 'dispersed', units: 4 }] },
  { code: 'E06000038', name: 'Reading', incidentRate: 22.5, maracRate: 36, bameShare: 0.3, accommodation: [{ type: 'refuge', units: 14 }, { type: 'specialist_refuge', units: 6 }] },
  { code: 'E06000039', name: 'Slough', incidentRate: 24.0, maracRate: 36, bameShare: 0.48, accommodation: [{ type: 'refuge', units: 12 }, { type: 'specialist_refuge', units: 5 }] },
  { code: 'E06000040', name: 'Windsor and Maidenhead', incidentRate: 12.5, maracRate: 31, bameShare: 0.15, accommodation: [{ type: 'refuge', units: 7 }] },
  { code: 'E06000041', name: 'Wokingham', incidentRate: 11.0, maracRate: 30, bameShare: 0.13, accommodation: [{ type: 'refuge', units: 8 }, { type: 'second_stage', units: 4 }] },
  { code: MILTON_KEYNES, name: 'Milton Keynes', incidentRate: 21.0, maracRate: 35, bameShare: 0.22, accommodation: [{ type: 'refuge', units: 18 }, { type: 'dispersed', units: 6 }] },
  // Central Bedfordshire's strategy (seeds/002) gives "in 2015 there were 3,238 police incidents of domestic abuse
  // recorded": before the first demo quarter, so it only sets the level (about 11.8 per 1,000 then, rising since).
  { code: 'E06000056', name: 'Central Bedfordshire', incidentRate: 14.2, maracRate: 32, bameShare: 0.08, accommodation: [{ type: 'refuge', units: 12 }, { type: 'dispersed', units: 6 }] },
  // Bedford and Luton publish nothing in the seeds: they are here so that Bedfordshire, Central
  // Bedfordshire's police force area and default benchmark, is computed from all its authorities.
  { code: 'E06000055', name: 'Bedford', incidentRate: 17.5, maracRate: 33, bameShare: 0.28, accommodation: [{ type: 'refuge', units: 10 }, { type: 'dispersed', units: 4 }] },
  { code: 'E06000032', name: 'Luton', incidentRate: 22.0, maracRate: 36, bameShare: 0.5, accommodation: [{ type: 'refuge', units: 14 }, { type: 'specialist_refuge', units: 6 }] },
  { code: BEXLEY, name: 'Bexley', incidentRate: 15.0, maracRate: 30, bameShare: 0.22, accommodation: [{ type: 'refuge', units: 14 }, { type: 'dispersed', units: 4 }] },
];

/**
 * Areas whose returns the dashboard does not hold, modelled like the authorities and loaded as
 * imported benchmark rows (DOMAIN.md 5.6, 7): London (a London borough's default benchmark, in
 * the style of MOPAC's dashboard) and England (always on offer, in the style of ONS). Their
 * mid-year populations are approximate: for London 2018-2020 the MOPAC denominators quoted in
 * seeds/004 (so the published London rates in fixtures/demo/benchmark.csv agree with the
 * model), otherwise ONS estimates as remembered to the nearest hundred, the age and sex splits
 * from typical shares. Past mid-2024 they grow by POPULATION_GROWTH a year.
 */
interface BenchmarkAreaProfile extends AreaProfile {
  source: string;
  population: Record<number, number>;
  shares: { aged_16_plus: number; females_16_plus: number; aged_0_17: number };
}

const BENCHMARK_AREAS: readonly BenchmarkAreaProfile[] = [
  {
    code: LONDON,
    name: 'London',
    incidentRate: 15.7,
    maracRate: 34,
    bameShare: 0.45,
    accommodation: [{ type: 'refuge', units: 650 }, { type: 'dispersed', units: 250 }],
    source: 'Synthetic demo figure (in the style of MOPAC)',
    population: { 2018: 8_956_600, 2019: 9_056_800, 2020: 9_304_000, 2021: 8_796_600, 2022: 8_866_200, 2023: 8_945_300, 2024: 9_089_700 },
    shares: { aged_16_plus: 0.79, females_16_plus: 0.4, aged_0_17: 0.225 },
  },
  {
    code: ENGLAND,
    name: 'England',
    incidentRate: 20,
    maracRate: 38,
    bameShare: 0.17,
    accommodation: [{ type: 'refuge', units: 3_900 }, { type: 'dispersed', units: 1_400 }],
    source: 'Synthetic demo figure (in the style of ONS)',
    population: { 2018: 55_977_200, 2019: 56_287_000, 2020: 56_550_100, 2021: 56_536_400, 2022: 57_112_500, 2023: 57_690_300, 2024: 58_620_100 },
    shares: { aged_16_plus: 0.81, females_16_plus: 0.413, aged_0_17: 0.213 },
  },
];

/** Share of a year's incidents in each quarter: a summer peak (Jul–Sep), another around Christmas (Oct–Dec), a short Jan–Mar. */
const POLICE_SEASON = { 1: 0.246, 2: 0.268, 3: 0.254, 4: 0.232 } as const;
/** Children's services follow the school year: low in the summer holidays, high in the autumn term. */
const CSC_SEASON = { 1: 0.25, 2: 0.225, 3: 0.27, 4: 0.255 } as const;
/** MARAC and IDVA referrals follow the police peak, more gently. */
const SERVICE_SEASON = { 1: 0.25, 2: 0.26, 3: 0.25, 4: 0.24 } as const;

/**
 * People with incidents in more than one quarter are in each of those quarters' counts, but
 * once in the twelve months': the four quarters' counts add up to about 1.33 times the twelve
 * months' (within ±3%, so always between 1.25 and 1.4).
 */
const QUARTERS_OVER_TWELVE_MONTHS = 1.33;
const OVERLAP_SPREAD = 0.03;
/** Distinct victims over twelve months per incident in them (Buckinghamshire 2020-21: 6,132 of 10,635). */
const VICTIMS_PER_INCIDENT = 0.575;

/**
 * Shares of victims by sex and of repeat suspects. Buckinghamshire's are its published ones
 * (4,240 women and 1,778 men of 6,132 victims; 803 repeat perpetrators of 3,212), so that its
 * quarters and its twelve-month counts tell the same story.
 */
const PERSON_SHARES = { female: 0.775, male: 0.195, repeatPerpetrators: 0.24 };
const BUCKS_PERSON_SHARES = { female: 0.69, male: 0.29, repeatPerpetrators: 0.25 };

/**
 * Milton Keynes sent 2018-19 Q1–Q3 on the police template as it was before the twelve-month
 * columns: those rows have them blank, so the dashboard's "no twelve-month count" path has
 * something to show (no period the dashboard offers over the demo's span needs them).
 */
const EARLIER_TEMPLATE = { area: MILTON_KEYNES, until: '2018-19Q3' };

/** The lockdown rise in police-recorded domestic abuse (2020-21), on top of the trend. */
const COVID_POLICE_RISE: Record<string, number> = { '2020-21Q1': 1.13, '2020-21Q2': 1.11, '2020-21Q3': 1.04, '2020-21Q4': 1.03 };
const COVID_SERVICE_RISE: Record<string, number> = { '2020-21Q1': 1.1, '2020-21Q2': 1.12, '2020-21Q3': 1.06 };
/** Schools closed in the first lockdown, so fewer contacts reached children's services. */
const COVID_CSC_DIP: Record<string, number> = { '2020-21Q1': 0.85, '2020-21Q4': 0.93 };
/** Fewer refuge admissions in 2020-21: move-on was slow, so households stayed longer. */
const COVID_REFUGE_ADMISSIONS: Record<string, number> = { '2020-21Q1': 0.75, '2020-21Q2': 0.8, '2020-21Q3': 0.85, '2020-21Q4': 0.85 };

/** A gentle trend by financial year (1 = 2018-19), then 1% a year. */
const TREND: Record<number, number> = { 2018: 1.0, 2019: 1.05, 2020: 1.08, 2021: 1.12, 2022: 1.13, 2023: 1.12, 2024: 1.13, 2025: 1.14, 2026: 1.15 };

/**
 * Oxfordshire's IDVA service grew from the 174 referrals of 2018-19 once the new specialist service
 * ("The contract delivering the new service model commenced June 2018", seeds/003) was running.
 */
const OXON_IDVA_RAMP: Record<number, number> = { 2018: 0.11, 2019: 0.45, 2020: 0.8 };

/** IDVA referrals a year per 10,000 women aged 16+. */
const IDVA_REFERRALS_PER_10000_WOMEN = 62;

/** Clare's Law applications a year per 100,000 residents in 2018-19, growing faster than incidents as the scheme became known. */
const DVDS_APPLICATIONS_PER_100000 = 22;
const DVDS_GROWTH = 0.06;

/** DAPOs came in under the 2021 Act and were first granted in late 2024: the column is blank before. */
const FIRST_DAPO_QUARTER = '2024-25Q3';
/** DAPOs per crime once in full use, reached over six quarters. */
const DAPOS_PER_CRIME = 0.008;
/** More safe accommodation after the 2021 Act's duty: the second kind of unit grows by half. */
const SAFE_ACCOMMODATION_DUTY_QUARTER = '2022-23Q1';

const AVERAGE_STAY_NIGHTS: Record<AccommodationType, number> = { refuge: 120, specialist_refuge: 130, dispersed: 160, second_stage: 240, other: 120 };
const OUT_OF_AREA_SHARE: Record<AccommodationType, number> = { refuge: 0.65, specialist_refuge: 0.7, dispersed: 0.25, second_stage: 0.2, other: 0.4 };

/** Growth used to extend the population estimates beyond the last year in the fixture. */
const POPULATION_GROWTH = 0.007;

// ---------------------------------------------------------------------------------------
// Deterministic noise: mulberry32 seeded from a hash of what the number is for, so each figure
// has its own stream and does not depend on the order figures are made in.

const SEED = 20210429; // Royal Assent of the Domestic Abuse Act 2021

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a, 32 bits. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function streamFor(key: Array<string | number>): () => number {
  return mulberry32(hash(`${SEED}|${key.join('|')}`));
}

/** A factor around 1 (triangular, within ±spread), the same every time for the same key. */
function wobble(spread: number, ...key: Array<string | number>): number {
  const random = streamFor(key);
  return 1 + spread * (random() + random() - 1);
}

/** A number in [0, 1), the same every time for the same key. */
function uniform(...key: Array<string | number>): number {
  return streamFor(key)();
}

// ---------------------------------------------------------------------------------------
// Periods.

function startYearOf(quarter: string): number {
  return parseQuarterId(quarter)!.startYear;
}

function quarterNumber(quarter: string): 1 | 2 | 3 | 4 {
  return parseQuarterId(quarter)!.quarter;
}

function isBefore(quarter: string, other: string): boolean {
  return quarterOrdinal(parseQuarterId(quarter)!) < quarterOrdinal(parseQuarterId(other)!);
}

function quartersOf(periodId: string): string[] {
  return parsePeriodId(periodId)!.quarters;
}

function trend(startYear: number): number {
  const years = Object.keys(TREND).map(Number);
  const last = Math.max(...years);
  return startYear <= last ? (TREND[startYear] ?? 1) : TREND[last] * 1.01 ** (startYear - last);
}

/** Annual level × the quarter's share of the year × the trend. */
function quarterly(annual: number, quarter: string, season: Record<1 | 2 | 3 | 4, number>): number {
  return annual * season[quarterNumber(quarter)] * trend(startYearOf(quarter));
}

// ---------------------------------------------------------------------------------------
// Population reference data.

interface PopulationRow {
  year: number;
  area: string;
  all_ages: number;
  aged_16_plus: number;
  females_16_plus: number;
  aged_0_17: number;
  notes: string;
}

const POPULATION_FIGURES = ['all_ages', 'aged_16_plus', 'females_16_plus', 'aged_0_17'] as const;

function readPopulationFixture(): PopulationRow[] {
  const [header, ...lines] = readFileSync(POPULATION_FIXTURE, 'utf8').trim().split(/\r?\n/);
  const names = header.split(',').map((h) => h.trim());
  return lines.map((line) => {
    const cells = line.split(',');
    const cell = (name: string) => cells[names.indexOf(name)].trim();
    return {
      year: Number(cell('year')),
      area: cell('area_code'),
      all_ages: Number(cell('all_ages')),
      aged_16_plus: Number(cell('aged_16_plus')),
      females_16_plus: Number(cell('females_16_plus')),
      aged_0_17: Number(cell('aged_0_17')),
      notes: '',
    };
  });
}

/** The fixture's estimates up to `lastYear`, extended by POPULATION_GROWTH a year past its end. */
function populationRows(fixture: PopulationRow[], lastYear: number): PopulationRow[] {
  const rows = fixture.filter((r) => r.year <= lastYear).map((r) => ({ ...r }));
  for (const area of DEMO_AREAS) {
    const known = fixture.filter((r) => r.area === area.code);
    const latest = known.reduce((a, b) => (b.year > a.year ? b : a));
    for (let year = latest.year + 1; year <= lastYear; year++) rows.push(projectPopulation(latest, year));
  }
  return rows.sort((a, b) => a.year - b.year || (a.area < b.area ? -1 : a.area > b.area ? 1 : 0));
}

function projectPopulation(latest: PopulationRow, year: number): PopulationRow {
  const growth = (1 + POPULATION_GROWTH) ** (year - latest.year);
  const projected: PopulationRow = { ...latest, year, notes: `Demo projection from mid-${latest.year} at ${(POPULATION_GROWTH * 100).toFixed(1)}% a year` };
  for (const figure of POPULATION_FIGURES) projected[figure] = Math.round((latest[figure] * growth) / 100) * 100;
  return projected;
}

/** A benchmark area's mid-year estimate: its table, split by its shares, projected past the table's end. */
function benchmarkPopulation(area: BenchmarkAreaProfile, year: number): PopulationRow {
  const years = Object.keys(area.population).map(Number);
  const known = Math.min(year, Math.max(...years));
  const allAges = area.population[known];
  if (allAges === undefined) throw new Error(`no population for ${area.name} in ${year}`);
  const hundreds = (share: number) => Math.round((allAges * share) / 100) * 100;
  const row: PopulationRow = {
    year: known,
    area: area.code,
    all_ages: allAges,
    aged_16_plus: hundreds(area.shares.aged_16_plus),
    females_16_plus: hundreds(area.shares.females_16_plus),
    aged_0_17: hundreds(area.shares.aged_0_17),
    notes: '',
  };
  return known === year ? row : projectPopulation(row, year);
}

/** The mid-2018 estimate: the model's levels use it (not later revisions) so counts move smoothly. */
function basePopulation(rows: PopulationRow[], area: string): PopulationRow {
  const row = rows.find((r) => r.area === area && r.year === 2018);
  if (!row) throw new Error(`fixtures/demo/population.csv has no 2018 row for ${area}`);
  return row;
}

// ---------------------------------------------------------------------------------------
// Rows and how a return's columns are made.

interface DemoRow {
  area: AreaProfile;
  quarter: string;
  /** The accommodation type of a refuge row, else ''. */
  subkey: string;
  base: PopulationRow;
  values: Record<string, number | null>;
  notes: string;
  /** The same area's (and type's) rows for the twelve months ending with this quarter, oldest first; null before the model has four. */
  twelveMonths: DemoRow[] | null;
}

/** One column: its value for a row (null = blank), and optionally a ceiling from the rules. */
interface ColumnModel {
  name: string;
  value: (row: DemoRow) => number | null;
  atMost?: (row: DemoRow) => number;
}

/** A step is a column, or a function that fills several columns at once (e.g. a split). */
type Step = ColumnModel | ((rows: DemoRow[]) => void);

/** A value of `column` as a share of another column of the same row, with a little noise. */
function shareOf(of: string, share: number | ((row: DemoRow) => number), spread: number) {
  return (name: string) =>
    (row: DemoRow): number | null => {
      const whole = row.values[of];
      if (whole === null || whole === undefined) return null;
      const s = typeof share === 'number' ? share : share(row);
      return whole * s * wobble(spread, row.area.code, row.subkey, row.quarter, name);
    };
}

function column(name: string, make: (name: string) => (row: DemoRow) => number | null, atMost?: string | ((row: DemoRow) => number)): ColumnModel {
  const ceiling = typeof atMost === 'string' ? (row: DemoRow) => row.values[atMost] ?? Infinity : atMost;
  return { name, value: make(name), atMost: ceiling };
}

function runSteps(type: PartnerReturnType, rows: DemoRow[], steps: Step[]): void {
  for (const step of steps) {
    if (typeof step === 'function') {
      step(rows);
      continue;
    }
    for (const row of rows) row.values[step.name] = step.value(row);
    calibrate(type, step.name, rows);
    for (const row of rows) {
      const v = row.values[step.name];
      if (v === null) continue;
      let n = Math.max(0, Math.round(v));
      if (step.atMost) n = Math.min(n, step.atMost(row));
      row.values[step.name] = n;
    }
  }
}

// ---------------------------------------------------------------------------------------
// Calibration: the rows of an area in a period are made to add up exactly to a published total
// (for a twelve-month count of people, the one row of the year's last quarter is set to it).

interface CalibrationTarget {
  type: PartnerReturnType;
  area: string;
  column: string;
  quarters: string[];
  /** A published total, or one worked out from figures already made (a published share or rise). */
  total: number | ((sum: (column: string, quarters: string[]) => number) => number);
}

const FY = (id: string) => quartersOf(id);
const CY = (year: number) => quartersOf(String(year));
/** A financial year's last quarter, whose twelve-month counts are the year's people. */
const Q4 = (id: string) => [`${id}Q4`];
const twelveMonths = (person: string) => `${person}${TWELVE_MONTHS_SUFFIX}`;

const CALIBRATION_TARGETS: readonly CalibrationTarget[] = [
  // Buckinghamshire, police, 2020-21 (and perpetrators 2019-20): events summed over the year,
  // people from the twelve-month counts of its Q4.
  { type: 'police', area: BUCKINGHAMSHIRE, column: 'incidents', quarters: FY('2020-21'), total: BUCKS_INCIDENTS_2020_21 },
  { type: 'police', area: BUCKINGHAMSHIRE, column: 'incidents_child_present', quarters: FY('2020-21'), total: BUCKS_CHILD_PRESENT_2020_21 },
  { type: 'police', area: BUCKINGHAMSHIRE, column: twelveMonths('victims'), quarters: Q4('2020-21'), total: BUCKS_VICTIMS_2020_21 },
  { type: 'police', area: BUCKINGHAMSHIRE, column: twelveMonths('victims_female'), quarters: Q4('2020-21'), total: BUCKS_VICTIMS_FEMALE_2020_21 },
  { type: 'police', area: BUCKINGHAMSHIRE, column: twelveMonths('victims_male'), quarters: Q4('2020-21'), total: BUCKS_VICTIMS_MALE_2020_21 },
  {
    type: 'police',
    area: BUCKINGHAMSHIRE,
    column: twelveMonths('victims_ethnicity_recorded'),
    quarters: Q4('2020-21'),
    total: (sum) => Math.round(BUCKS_ETHNICITY_RECORDED_SHARE_2020_21 * sum(twelveMonths('victims'), Q4('2020-21'))),
  },
  { type: 'police', area: BUCKINGHAMSHIRE, column: twelveMonths('perpetrators'), quarters: Q4('2019-20'), total: BUCKS_PERPETRATORS_2019_20 },
  { type: 'police', area: BUCKINGHAMSHIRE, column: twelveMonths('perpetrators'), quarters: Q4('2020-21'), total: BUCKS_PERPETRATORS_2020_21 },
  { type: 'police', area: BUCKINGHAMSHIRE, column: twelveMonths('repeat_perpetrators'), quarters: Q4('2020-21'), total: BUCKS_REPEAT_PERPETRATORS_2020_21 },
  { type: 'police', area: BUCKINGHAMSHIRE, column: 'dvds_applications', quarters: FY('2020-21'), total: BUCKS_DVDS_APPLICATIONS_2020_21 },
  // Buckinghamshire, IDVA, children's social care and refuge.
  { type: 'idva', area: BUCKINGHAMSHIRE, column: 'clients_engaged', quarters: FY('2020-21'), total: BUCKS_IDVA_CLIENTS_2020_21 },
  {
    type: 'idva',
    area: BUCKINGHAMSHIRE,
    column: 'clients_age_61_plus',
    quarters: FY('2019-20'),
    total: (sum) => Math.round(BUCKS_IDVA_AGED_61_PLUS_SHARE_2019_20 * sum('clients_engaged', FY('2019-20'))),
  },
  { type: 'csc', area: BUCKINGHAMSHIRE, column: 'referrals_da', quarters: FY('2020-21'), total: BUCKS_CSC_REFERRALS_DA_2020_21 },
  { type: 'csc', area: BUCKINGHAMSHIRE, column: 'early_help_episodes_da', quarters: FY('2020-21'), total: BUCKS_EARLY_HELP_DA_2020_21 },
  { type: 'refuge', area: BUCKINGHAMSHIRE, column: 'households_accommodated', quarters: FY('2019-20'), total: BUCKS_REFUGE_HOUSEHOLDS_2019_20 },
  { type: 'refuge', area: BUCKINGHAMSHIRE, column: 'households_accommodated', quarters: FY('2020-21'), total: BUCKS_REFUGE_WOMEN_2020_21 },
  { type: 'refuge', area: BUCKINGHAMSHIRE, column: 'adults_accommodated', quarters: FY('2020-21'), total: BUCKS_REFUGE_WOMEN_2020_21 },
  { type: 'refuge', area: BUCKINGHAMSHIRE, column: 'children_accommodated', quarters: FY('2019-20'), total: BUCKS_REFUGE_CHILDREN_2019_20 },
  { type: 'refuge', area: BUCKINGHAMSHIRE, column: 'children_accommodated', quarters: FY('2020-21'), total: BUCKS_REFUGE_CHILDREN_2020_21 },
  { type: 'refuge', area: BUCKINGHAMSHIRE, column: 'referrals_received', quarters: FY('2019-20'), total: BUCKS_REFUGE_REFERRALS_2019_20 },
  { type: 'community-service', area: BUCKINGHAMSHIRE, column: 'referrals_received', quarters: FY('2020-21'), total: BUCKS_COMMUNITY_REFERRALS_2020_21 },
  { type: 'dhr', area: BUCKINGHAMSHIRE, column: 'reviews_published', quarters: FY('2020-21'), total: BUCKS_DHRS_PUBLISHED_2020_21 },
  { type: 'community-service', area: OXFORDSHIRE, column: 'referrals_received', quarters: ['2018-19Q4'], total: OXON_HELPLINE_REFERRALS_2018_19Q4 },
  { type: 'community-service', area: BEXLEY, column: 'champions_trained', quarters: [...FY('2019-20'), ...FY('2020-21')], total: BEXLEY_CHAMPIONS_2019_21 },

  // Oxfordshire, 2018-19.
  { type: 'police', area: OXFORDSHIRE, column: 'incidents', quarters: FY('2018-19'), total: OXON_INCIDENTS_2018_19 },
  { type: 'idva', area: OXFORDSHIRE, column: 'referrals_received', quarters: FY('2018-19'), total: OXON_IDVA_REFERRALS_2018_19 },
  {
    type: 'csc',
    area: OXFORDSHIRE,
    column: 'referrals_da',
    quarters: FY('2018-19'),
    total: (sum) => Math.round(OXON_CSC_REFERRALS_DA_SHARE_2018_19 * sum('referrals', FY('2018-19'))),
  },

  // Bexley: calendar years 2019 and 2020 as MOPAC counts them, and the Covid-period rise.
  { type: 'police', area: BEXLEY, column: 'incidents', quarters: CY(2019), total: BEXLEY_INCIDENTS_2019 },
  { type: 'police', area: BEXLEY, column: 'incidents', quarters: CY(2020), total: BEXLEY_INCIDENTS_2020 },
  {
    type: 'police',
    area: BEXLEY,
    column: 'incidents',
    quarters: quarterRange('2020-21Q1', '2020-21Q3'),
    total: (sum) => Math.round((1 + BEXLEY_APR_DEC_2020_RISE) * sum('incidents', quarterRange('2019-20Q1', '2019-20Q3'))),
  },
  {
    // Jan–Mar 2020 takes what is left of the 2020 total once April–December carries the 9% rise.
    type: 'police',
    area: BEXLEY,
    column: 'incidents',
    quarters: ['2019-20Q4'],
    total: (sum) => BEXLEY_INCIDENTS_2020 - sum('incidents', quarterRange('2020-21Q1', '2020-21Q3')),
  },
  { type: 'police', area: BEXLEY, column: 'crimes', quarters: CY(2019), total: BEXLEY_CRIMES_2019 },
  { type: 'police', area: BEXLEY, column: 'crimes', quarters: CY(2020), total: BEXLEY_CRIMES_2020 },
  { type: 'marac', area: BEXLEY, column: 'cases_discussed', quarters: CY(2019), total: BEXLEY_MARAC_CASES_2019 },
  { type: 'marac', area: BEXLEY, column: 'cases_discussed', quarters: CY(2020), total: Math.round(BEXLEY_MARAC_CASES_2019 * (1 + BEXLEY_MARAC_RISE_2020)) },
  ...Object.entries(BEXLEY_CSC_2019_20).map(
    ([column, total]): CalibrationTarget => ({ type: 'csc', area: BEXLEY, column, quarters: FY('2019-20'), total }),
  ),

  // London (a benchmark, not a return): calendar years 2018-2020 as MOPAC published them, so the
  // synthetic London rows agree with the published ones. Calendar 2018 starts in 2017-18 Q4, a
  // quarter the model runs but does not report.
  ...[2018, 2019, 2020].flatMap((year): CalibrationTarget[] => [
    { type: 'police', area: LONDON, column: 'incidents', quarters: CY(year), total: LONDON_INCIDENTS[year] },
    { type: 'police', area: LONDON, column: 'crimes', quarters: CY(year), total: LONDON_CRIMES[year] },
  ]),
];

/** The last quarter any target reads: the model always runs at least this far. */
const LAST_CALIBRATED_QUARTER = CALIBRATION_TARGETS.flatMap((t) => t.quarters).reduce((a, b) => (isBefore(a, b) ? b : a));

function sumValues(rows: DemoRow[], column: string, quarters: string[]): number {
  return rows.filter((r) => quarters.includes(r.quarter)).reduce((s, r) => s + (r.values[column] ?? 0), 0);
}

/** Whole numbers proportional to `weights` that add up exactly to `total` (largest remainder). */
function splitExactly(total: number, weights: number[]): number[] {
  const clean = weights.map((w) => Math.max(0, w));
  const sum = clean.reduce((a, b) => a + b, 0);
  const exact = clean.map((w) => (sum > 0 ? (total * w) / sum : total / clean.length));
  const parts = exact.map(Math.floor);
  let left = total - parts.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => ({ i, rest: x - parts[i] })).sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    parts[i]++;
    left--;
  }
  return parts;
}

/** Sets the cells' values to whole numbers in proportion to their current ones, adding up to `total`. */
function apportion(cells: DemoRow[], column: string, total: number): void {
  const parts = splitExactly(total, cells.map((r) => r.values[column] ?? 0));
  cells.forEach((r, i) => (r.values[column] = parts[i]));
}

/**
 * Applies the targets for one column. Fixed totals first rescale the area's whole series, so the
 * years around a published one stay in line with it; then each target's quarters are apportioned
 * to add up exactly, in the order the targets are listed.
 */
function calibrate(type: PartnerReturnType, column: string, rows: DemoRow[]): void {
  const targets = CALIBRATION_TARGETS.filter((t) => t.type === type && t.column === column);
  for (const areaCode of new Set(targets.map((t) => t.area))) {
    const mine = targets.filter((t) => t.area === areaCode);
    const areaRows = rows.filter((r) => r.area.code === areaCode);
    if (!mine.every((t) => t.quarters.every((q) => areaRows.some((r) => r.quarter === q)))) continue;

    const fixed = mine.filter((t) => typeof t.total === 'number');
    if (fixed.length > 0) {
      const wanted = fixed.reduce((s, t) => s + (t.total as number), 0);
      const made = fixed.reduce((s, t) => s + sumValues(areaRows, column, t.quarters), 0);
      const factor = made > 0 ? wanted / made : 1;
      for (const r of areaRows) if (r.values[column] !== null) r.values[column] = r.values[column]! * factor;
    }
    for (const target of mine) {
      const cells = areaRows.filter((r) => target.quarters.includes(r.quarter));
      const total = typeof target.total === 'number' ? target.total : target.total((c, qs) => sumValues(areaRows, c, qs));
      apportion(cells, column, total);
    }
  }
}

// ---------------------------------------------------------------------------------------
// The five partner returns.

function rowsFor(
  quarters: string[],
  areas: readonly AreaProfile[],
  bases: Map<string, PopulationRow>,
  subkeys: (area: AreaProfile) => string[] = () => [''],
): DemoRow[] {
  const rows: DemoRow[] = [];
  const byKey = new Map<string, DemoRow>();
  for (const quarter of quarters) {
    for (const area of areas) {
      for (const subkey of subkeys(area)) {
        const row: DemoRow = { area, quarter, subkey, base: bases.get(area.code)!, values: {}, notes: '', twelveMonths: null };
        rows.push(row);
        byKey.set(`${area.code}|${subkey}|${quarter}`, row);
      }
    }
  }
  for (const row of rows) {
    const year = [3, 2, 1, 0].map((back) => byKey.get(`${row.area.code}|${row.subkey}|${shiftQuarter(row.quarter, -back)}`));
    if (year.every((r) => r !== undefined)) row.twelveMonths = year as DemoRow[];
  }
  return rows;
}

/** Buckinghamshire recorded few victims' ethnicity (see above); recording then improves by 10 points a year. */
function ethnicityRecordedShare(row: DemoRow): number {
  if (row.area.code !== BUCKINGHAMSHIRE) return 0.86;
  const year = startYearOf(row.quarter);
  return Math.min(0.8, BUCKS_ETHNICITY_RECORDED_SHARE_2020_21 + Math.max(0, year - 2020) * 0.1);
}

function personShares(row: DemoRow) {
  return row.area.code === BUCKINGHAMSHIRE ? BUCKS_PERSON_SHARES : PERSON_SHARES;
}

/** The sum of a column over the twelve months ending with the row's quarter; null when a quarter or a cell is missing. */
function twelveMonthSum(row: DemoRow, column: string): number | null {
  if (!row.twelveMonths) return null;
  if (row.area.code === EARLIER_TEMPLATE.area && !isBefore(EARLIER_TEMPLATE.until, row.quarter)) return null;
  let total = 0;
  for (const r of row.twelveMonths) {
    const v = r.values[column];
    if (v === null || v === undefined) return null;
    total += v;
  }
  return total;
}

/** The force's count of distinct people over twelve months: its four quarters' counts less the people seen in more than one. */
function twelveMonthCount(person: string): ColumnModel {
  return column(`${person}${TWELVE_MONTHS_SUFFIX}`, (name) => (row) => {
    const quarters = twelveMonthSum(row, person);
    return quarters === null ? null : quarters / (QUARTERS_OVER_TWELVE_MONTHS * wobble(OVERLAP_SPREAD, row.area.code, row.quarter, name));
  });
}

/**
 * A part of a twelve-month count (repeat victims among victims), in the share its quarters
 * have; at most the whole, or what `atMost` leaves (men: victims less women).
 */
function twelveMonthPart(part: string, whole: string, atMost?: (row: DemoRow) => number): ColumnModel {
  const wholeColumn = `${whole}${TWELVE_MONTHS_SUFFIX}`;
  return column(
    `${part}${TWELVE_MONTHS_SUFFIX}`,
    (name) => (row) => {
      const wholeCount = row.values[wholeColumn];
      const partQuarters = twelveMonthSum(row, part);
      const wholeQuarters = twelveMonthSum(row, whole);
      if (wholeCount === null || wholeCount === undefined || partQuarters === null || !wholeQuarters) return null;
      return ((wholeCount * partQuarters) / wholeQuarters) * wobble(0.01, row.area.code, row.quarter, name);
    },
    atMost ?? wholeColumn,
  );
}

function policeSteps(): Step[] {
  return [
    {
      name: 'incidents',
      value: (row) =>
        quarterly((row.area.incidentRate * row.base.all_ages) / 1000, row.quarter, POLICE_SEASON) *
        (COVID_POLICE_RISE[row.quarter] ?? 1) *
        wobble(0.03, row.area.code, row.quarter, 'incidents'),
    },
    column('crimes', shareOf('incidents', 0.55, 0.04), 'incidents'),
    column('incidents_child_present', shareOf('incidents', 0.26, 0.06), 'incidents'),
    // Distinct people in the quarter: someone also seen in another quarter is in both quarters' counts.
    column('victims', shareOf('incidents', VICTIMS_PER_INCIDENT * QUARTERS_OVER_TWELVE_MONTHS, 0.02), 'incidents'),
    column('repeat_victims', shareOf('victims', 0.3, 0.06), 'victims'),
    column('victims_female', shareOf('victims', (row) => personShares(row).female, 0.01), 'victims'),
    column('victims_male', shareOf('victims', (row) => personShares(row).male, 0.02), (row) => row.values.victims! - row.values.victims_female!),
    column('victims_ethnicity_recorded', shareOf('victims', ethnicityRecordedShare, 0.02), 'victims'),
    column('perpetrators', shareOf('victims', 0.53, 0.02)),
    column('repeat_perpetrators', shareOf('perpetrators', (row) => personShares(row).repeatPerpetrators, 0.05), 'perpetrators'),
    column('arrests', shareOf('crimes', 0.32, 0.08)),
    column('charges', shareOf('crimes', 0.11, 0.1), 'crimes'),
    column('dvpn_issued', shareOf('crimes', 0.025, 0.2)),
    column('dvpo_granted', shareOf('dvpn_issued', 0.82, 0.1), 'dvpn_issued'),
    column(
      'dapo_granted',
      (name) => (row) => {
        if (isBefore(row.quarter, FIRST_DAPO_QUARTER)) return null;
        const quartersSinceStart = quarterRange(FIRST_DAPO_QUARTER, row.quarter).length;
        const rampUp = Math.min(1, quartersSinceStart / 6);
        return row.values.crimes! * DAPOS_PER_CRIME * rampUp * wobble(0.4, row.area.code, row.quarter, name);
      },
    ),
    column('dvds_applications', (name) => (row) => {
      const perYear = (DVDS_APPLICATIONS_PER_100000 * row.base.all_ages) / 100_000;
      const growth = (1 + DVDS_GROWTH) ** (startYearOf(row.quarter) - startYearOf(FIRST_QUARTER));
      return perYear * SERVICE_SEASON[quarterNumber(row.quarter)] * growth * wobble(0.15, row.area.code, row.quarter, name);
    }),
    column('dvds_disclosures', shareOf('dvds_applications', 0.5, 0.2), 'dvds_applications'),
    // Distinct people in the twelve months ending with the quarter, each counted once.
    twelveMonthCount('victims'),
    twelveMonthPart('repeat_victims', 'victims'),
    twelveMonthPart('victims_female', 'victims'),
    twelveMonthPart('victims_male', 'victims', (row) => row.values[`victims${TWELVE_MONTHS_SUFFIX}`]! - row.values[`victims_female${TWELVE_MONTHS_SUFFIX}`]!),
    twelveMonthPart('victims_ethnicity_recorded', 'victims'),
    twelveMonthCount('perpetrators'),
    twelveMonthPart('repeat_perpetrators', 'perpetrators'),
  ];
}

/** MARAC referral sources, split so they add up exactly to the cases discussed. */
const MARAC_REFERRAL_SHARES: Array<[string, number]> = [
  ['referrals_police', 0.58],
  ['referrals_idva', 0.16],
  ['referrals_health', 0.08],
  ['referrals_childrens_services', 0.07],
  ['referrals_housing', 0.04],
  ['referrals_other', 0.07],
];

function splitMaracReferrals(rows: DemoRow[]): void {
  for (const row of rows) {
    const weights = MARAC_REFERRAL_SHARES.map(([name, share]) => share * wobble(0.15, row.area.code, row.quarter, name));
    const parts = splitExactly(row.values.cases_discussed!, weights);
    MARAC_REFERRAL_SHARES.forEach(([name], i) => (row.values[name] = parts[i]));
  }
}

/*
 * The few blank cells of real returns (not collected) are all Bexley's: its default benchmark,
 * London, is imported, so no blank leaves a computed benchmark (Thames Valley, Bedfordshire)
 * incomplete for a period the dashboard offers.
 */
function maracSteps(): Step[] {
  return [
    {
      name: 'cases_discussed',
      value: (row) =>
        quarterly((row.area.maracRate * row.base.females_16_plus) / 10_000, row.quarter, SERVICE_SEASON) *
        (COVID_SERVICE_RISE[row.quarter] ?? 1) *
        wobble(0.06, row.area.code, row.quarter, 'cases_discussed'),
    },
    column('repeat_cases', shareOf('cases_discussed', 0.3, 0.1), 'cases_discussed'),
    splitMaracReferrals,
    column('children_in_households', shareOf('cases_discussed', 1.3, 0.08)),
    column('cases_bame', shareOf('cases_discussed', (row) => row.area.bameShare, 0.15), 'cases_discussed'),
    column(
      'cases_lgbt',
      (name) => (row) =>
        row.area.code === BEXLEY && isBefore(row.quarter, '2018-19Q3') ? null : row.values.cases_discussed! * 0.015 * wobble(0.6, row.area.code, row.quarter, name),
      'cases_discussed',
    ),
    column('cases_disabled', shareOf('cases_discussed', 0.1, 0.2), 'cases_discussed'),
    column('cases_male', shareOf('cases_discussed', 0.055, 0.3), 'cases_discussed'),
    column('cases_age_16_17', shareOf('cases_discussed', 0.012, 0.7), 'cases_discussed'),
  ];
}

function idvaSteps(): Step[] {
  return [
    {
      name: 'referrals_received',
      value: (row) => {
        const ramp = row.area.code === OXFORDSHIRE ? (OXON_IDVA_RAMP[startYearOf(row.quarter)] ?? 1) : 1;
        return (
          quarterly((IDVA_REFERRALS_PER_10000_WOMEN * row.base.females_16_plus) / 10_000, row.quarter, SERVICE_SEASON) *
          ramp *
          (COVID_SERVICE_RISE[row.quarter] ?? 1) *
          wobble(0.06, row.area.code, row.quarter, 'referrals_received')
        );
      },
    },
    column('referrals_high_risk', shareOf('referrals_received', 0.62, 0.06), 'referrals_received'),
    column('clients_engaged', shareOf('referrals_received', 0.7, 0.05), 'referrals_received'),
    column('cases_closed', shareOf('clients_engaged', 0.92, 0.08)),
    column('closed_abuse_ceased', shareOf('cases_closed', 0.64, 0.06), 'cases_closed'),
    column('closed_feel_safer', shareOf('cases_closed', 0.8, 0.05), 'cases_closed'),
    column('closed_quality_of_life_improved', shareOf('cases_closed', 0.74, 0.05), 'cases_closed'),
    column('clients_male', shareOf('clients_engaged', 0.06, 0.3), 'clients_engaged'),
    column('clients_age_61_plus', shareOf('clients_engaged', 0.055, 0.3), 'clients_engaged'),
    column('clients_disabled', shareOf('clients_engaged', 0.16, 0.2), 'clients_engaged'),
    column(
      'clients_lgbt',
      (name) => (row) =>
        row.area.code === BEXLEY && startYearOf(row.quarter) === 2018
          ? null // not recorded by this service before 2019-20
          : row.values.clients_engaged! * 0.02 * wobble(0.5, row.area.code, row.quarter, name),
      'clients_engaged',
    ),
    column('clients_bame', shareOf('clients_engaged', (row) => row.area.bameShare, 0.15), 'clients_engaged'),
  ];
}

/** Per 10,000 children a year, and the share where domestic abuse was a factor. */
const CSC_MEASURES: Array<[string, number, number]> = [
  ['contacts', 2200, 0.18],
  ['referrals', 520, 0.3],
  ['assessments', 470, 0.4],
  ['cp_plans_started', 45, 0.55],
  ['early_help_episodes', 320, 0.3],
];

/** Oxfordshire's published shares (above) set its levels. */
function cscDaShare(measure: string, share: number, row: DemoRow): number {
  if (row.area.code !== OXFORDSHIRE) return share;
  if (measure === 'referrals') return OXON_CSC_REFERRALS_DA_SHARE_2018_19;
  if (measure === 'assessments') return OXON_CSC_ASSESSMENTS_DA_SHARE_2017_18;
  return share;
}

function cscSteps(): Step[] {
  const notCollected = (row: DemoRow, measure: string) => measure === 'early_help_episodes' && row.area.code === BEXLEY && row.quarter === FIRST_QUARTER;
  return CSC_MEASURES.flatMap(([measure, rate, share]): Step[] => [
    column(measure, (name) => (row) =>
      notCollected(row, measure)
        ? null
        : quarterly((rate * row.base.aged_0_17) / 10_000, row.quarter, CSC_SEASON) * (COVID_CSC_DIP[row.quarter] ?? 1) * wobble(0.05, row.area.code, row.quarter, name),
    ),
    column(`${measure}_da`, shareOf(measure, (row) => cscDaShare(measure, share, row), 0.05), measure),
  ]);
}

function unitsOf(row: DemoRow): number {
  const kinds = row.area.accommodation;
  const units = kinds.find((k) => k.type === row.subkey)!.units;
  const grows = kinds.length > 1 && kinds[1].type === row.subkey && !isBefore(row.quarter, SAFE_ACCOMMODATION_DUTY_QUARTER);
  return grows ? Math.round(units * 1.5) : units;
}

/** A unit can be occupied at most once a night. */
function unitNightsAtMost(row: DemoRow): number {
  return row.values.units! * daysInQuarter(parseQuarterId(row.quarter)!);
}

/** Declined referrals take what the admissions leave of the referrals, so the two never exceed them. */
function splitRefugeDeclines(rows: DemoRow[]): void {
  for (const row of rows) {
    const slack = Math.max(0, row.values.referrals_received! - row.values.households_accommodated!);
    const noSpace = Math.min(slack, Math.round(slack * 0.55 * wobble(0.2, row.area.code, row.subkey, row.quarter, 'no_space')));
    const unsuitable = Math.min(slack - noSpace, Math.round(slack * 0.3 * wobble(0.2, row.area.code, row.subkey, row.quarter, 'unsuitable')));
    row.values.referrals_declined_no_space = noSpace;
    row.values.referrals_declined_unsuitable = unsuitable;
  }
}

function refugeSteps(): Step[] {
  // Fewer admissions in 2020-21 with the same occupancy means households stayed longer.
  const stay = (row: DemoRow) => AVERAGE_STAY_NIGHTS[row.subkey as AccommodationType] / (COVID_REFUGE_ADMISSIONS[row.quarter] ?? 1);
  return [
    column('units', () => (row) => unitsOf(row)),
    // Up to 3% of unit-nights lost to repairs and turnaround between households.
    column('unit_nights_available', (name) => (row) => unitNightsAtMost(row) * (1 - 0.03 * uniform(row.area.code, row.subkey, row.quarter, name)), unitNightsAtMost),
    column('unit_nights_occupied', shareOf('unit_nights_available', 0.87, 0.06), 'unit_nights_available'),
    column('households_accommodated', (name) => (row) =>
      (row.values.unit_nights_occupied! / stay(row)) * wobble(0.15, row.area.code, row.subkey, row.quarter, name),
    ),
    column('referrals_received', shareOf('households_accommodated', 2.9, 0.15)),
    (rows) => rows.forEach((r) => (r.values.referrals_received = Math.max(r.values.referrals_received!, r.values.households_accommodated!))),
    splitRefugeDeclines,
    // Mostly one adult a household; now and then two.
    column('adults_accommodated', (name) => (row) => row.values.households_accommodated! * (1 + 0.06 * uniform(row.area.code, row.subkey, row.quarter, name))),
    column('children_accommodated', shareOf('households_accommodated', 1.35, 0.25)),
    column('departures', shareOf('households_accommodated', 1, 0.2)),
    column('departures_planned_move_on', shareOf('departures', 0.62, 0.15), 'departures'),
    column('nights_stayed_departures', (name) => (row) => row.values.departures! * stay(row) * wobble(0.2, row.area.code, row.subkey, row.quarter, name)),
    column('households_from_outside_area', shareOf('households_accommodated', (row) => OUT_OF_AREA_SHARE[row.subkey as AccommodationType], 0.2), 'households_accommodated'),
  ];
}

// ---------------------------------------------------------------------------------------
// The returns of DOMAIN.md 5.9. The seeds publish few of these figures (the calibration targets
// above quote every one they do); the levels below are this demo's choices, set to the scale of
// national figures, and say so.

/** A whole number drawn from a Poisson distribution with mean `mean`, the same every time for the same key. */
function poisson(mean: number, ...key: Array<string | number>): number {
  const u = uniform(...key);
  let k = 0;
  let p = Math.exp(-mean);
  let cumulative = p;
  while (u > cumulative && k < 1000) {
    k++;
    p *= mean / k;
    cumulative += p;
  }
  return k;
}

/** Of `n`, how many pass with probability `share` (a binomial draw), the same every time for the same key. */
function binomial(n: number, share: number, ...key: Array<string | number>): number {
  const random = streamFor(key);
  let k = 0;
  for (let i = 0; i < n; i++) if (random() < share) k++;
  return k;
}

/** The rows of one area (and sub-key), oldest quarter first. */
function seriesOf(rows: DemoRow[]): DemoRow[][] {
  const series = new Map<string, DemoRow[]>();
  for (const row of rows) {
    const key = `${row.area.code}|${row.subkey}`;
    series.set(key, [...(series.get(key) ?? []), row]);
  }
  for (const list of series.values()) list.sort((a, b) => quarterOrdinal(parseQuarterId(a.quarter)!) - quarterOrdinal(parseQuarterId(b.quarter)!));
  return [...series.values()];
}

/** Courts and group work paused in the first lockdown and came back over the year. */
const COVID_FACE_TO_FACE: Record<string, number> = { '2020-21Q1': 0.55, '2020-21Q2': 0.8, '2020-21Q3': 0.9, '2020-21Q4': 0.85 };

// Perpetrator programmes. Every area has probation's accredited programme for people on a court
// order; some commission a voluntary community programme too (Oxfordshire's Positive
// Relationship Programme, seeds/003; Central Bedfordshire funds "innovative programmes (eg
// perpetrator programme)", seeds/002), and Bexley, which in 2021 set out to "identify
// opportunities for a perpetrator programme" (seeds/004), has one from 2022-23.

/** Referrals a year per 100,000 residents aged 16+, and how the people referred go on. */
const PROGRAMMES: Record<'probation_accredited' | 'community_voluntary', { referrals: number; assessed: number; starts: number; completes: number; waitDays: number }> = {
  probation_accredited: { referrals: 16, assessed: 0.9, starts: 0.78, completes: 0.55, waitDays: 110 },
  community_voluntary: { referrals: 13, assessed: 0.66, starts: 0.8, completes: 0.62, waitDays: 45 },
};
const COMMUNITY_PROGRAMME_AREAS = new Set([OXFORDSHIRE, BUCKINGHAMSHIRE, 'E06000056', 'E06000038', LONDON, ENGLAND]);
const BEXLEY_PROGRAMME_FROM = '2022-23Q1';
/** "CRC to reduce BBR waiting times" (seeds/003): probation's waits shorten by a tenth a year from 2019-20. */
const WAIT_REDUCTION_A_YEAR = 0.1;

function programmesOf(area: AreaProfile): ProgrammeKind[] {
  return area.code === BEXLEY || COMMUNITY_PROGRAMME_AREAS.has(area.code) ? ['probation_accredited', 'community_voluntary'] : ['probation_accredited'];
}

function programmeRuns(row: DemoRow): boolean {
  return !(row.area.code === BEXLEY && row.subkey === 'community_voluntary' && isBefore(row.quarter, BEXLEY_PROGRAMME_FROM));
}

const programme = (row: DemoRow) => PROGRAMMES[row.subkey as keyof typeof PROGRAMMES];

function programmeWait(row: DemoRow): number {
  const years = Math.max(0, startYearOf(row.quarter) - 2019);
  const shorter = row.subkey === 'probation_accredited' ? (1 - WAIT_REDUCTION_A_YEAR) ** Math.min(years, 4) : 1;
  return programme(row).waitDays * shorter * wobble(0.15, row.area.code, row.subkey, row.quarter, 'wait');
}

function perpetratorProgrammeSteps(): Step[] {
  return [
    {
      name: 'referrals',
      value: (row) =>
        quarterly((programme(row).referrals * row.base.aged_16_plus) / 100_000, row.quarter, SERVICE_SEASON) *
        (COVID_FACE_TO_FACE[row.quarter] ?? 1) *
        wobble(0.15, row.area.code, row.subkey, row.quarter, 'referrals'),
    },
    column('assessed_suitable', shareOf('referrals', (row) => programme(row).assessed, 0.08), 'referrals'),
    column('starts', shareOf('assessed_suitable', (row) => programme(row).starts, 0.1), 'assessed_suitable'),
    column('completions', shareOf('starts', (row) => programme(row).completes, 0.15), 'starts'),
    column('waiting_days_total', (name) => (row) => (row.values.starts ?? 0) * programmeWait(row) * wobble(0.05, row.area.code, row.subkey, row.quarter, name)),
  ];
}

// Domestic homicide reviews: rare events, so whole numbers drawn at random around the level
// Buckinghamshire's "15 DHRs since 2011" gives (about 1.5 a year for 540,000 people), not
// smooth shares. A review goes to the Home Office about a year after it is commissioned and is
// published about half a year after that.
const DHRS_A_YEAR_PER_100000 = 0.28;
const NOTIFIED_PER_REVIEW = 1.4;
const SUICIDE_SHARE = 0.2;
const QUARTERS_TO_HOME_OFFICE = 4;
const QUARTERS_TO_PUBLICATION = 6;
/** Reviews already under way when the demo starts. */
const REVIEWS_UNDER_WAY_AT_START = 2;

function dhrSteps(): Step[] {
  return [
    (rows) => {
      for (const series of seriesOf(rows)) {
        series.forEach((row, i) => {
          const { area, quarter } = row;
          const mean = (DHRS_A_YEAR_PER_100000 * row.base.all_ages) / 100_000 / 4;
          const commissioned = poisson(mean, area.code, quarter, 'commissioned');
          const notified = commissioned + poisson(mean * (NOTIFIED_PER_REVIEW - 1), area.code, quarter, 'not-commissioned');
          const deaths = commissioned + binomial(commissioned, DEATHS_PER_REVIEW - 1, area.code, quarter, 'more-deaths');
          const submitted = series[i - QUARTERS_TO_HOME_OFFICE]?.values.reviews_commissioned ?? poisson(mean, area.code, quarter, 'earlier');
          const published = series[i - (QUARTERS_TO_PUBLICATION - QUARTERS_TO_HOME_OFFICE)]?.values.reviews_submitted_home_office ?? poisson(mean, area.code, quarter, 'published');
          Object.assign(row.values, {
            notifications_received: notified,
            reviews_commissioned: commissioned,
            reviews_commissioned_suicide: binomial(commissioned, SUICIDE_SHARE, area.code, quarter, 'suicide'),
            deaths_reviewed: deaths,
            children_bereaved: poisson(deaths * CHILDREN_PER_DEATH, area.code, quarter, 'children'),
            reviews_submitted_home_office: submitted,
            reviews_published: published,
          });
        });
      }
    },
    // Calibrates reviews_published (a column model with no value of its own keeps what the step above made).
    { name: 'reviews_published', value: (row) => row.values.reviews_published ?? null },
    (rows) => {
      for (const series of seriesOf(rows)) {
        let underWay = REVIEWS_UNDER_WAY_AT_START;
        for (const row of series) {
          underWay = Math.max(0, underWay + row.values.reviews_commissioned! - row.values.reviews_published!);
          row.values.reviews_in_progress = underWay;
        }
      }
    },
  ];
}

// Training: about 20 professionals a year per 10,000 adults, fewest in the summer holidays, and
// moved online after the first lockdown. Oxfordshire's new modules (coercive control, stalking,
// so-called honour-based abuse) start "from early 2020" (seeds/003).
const TRAINED_A_YEAR_PER_10000_ADULTS = 20;
const TRAINING_SEASON = { 1: 0.26, 2: 0.18, 3: 0.3, 4: 0.26 } as const;
const COVID_TRAINING: Record<string, number> = { '2020-21Q1': 0.45, '2020-21Q2': 0.8 };
const NEW_MODULES_FROM = '2019-20Q4';
const SECTOR_SHARES: Record<string, number> = {
  trained_police: 0.08,
  trained_health: 0.25,
  trained_social_care: 0.2,
  trained_education: 0.17,
  trained_housing: 0.08,
  trained_criminal_justice: 0.05,
  trained_voluntary: 0.12,
  trained_other: 0.05,
};
const MODULE_SHARES: Record<string, number> = {
  module_basic_awareness: 0.45,
  module_risk_safety_planning: 0.25,
  module_children_families: 0.15,
  module_young_people: 0.08,
  module_champions: 0.06,
  module_coercive_control: 0.14,
  module_stalking_harassment: 0.06,
  module_honour_based_abuse: 0.04,
};
const NEW_MODULES = new Set(['module_coercive_control', 'module_stalking_harassment', 'module_honour_based_abuse']);

function splitTrainingSectors(rows: DemoRow[]): void {
  for (const row of rows) {
    const weights = TRAINING_SECTORS.map(([name]) => SECTOR_SHARES[name] * wobble(0.2, row.area.code, row.quarter, name));
    const parts = splitExactly(row.values.professionals_trained!, weights);
    TRAINING_SECTORS.forEach(([name], i) => (row.values[name] = parts[i]));
  }
}

function trainingSteps(): Step[] {
  return [
    {
      name: 'professionals_trained',
      value: (row) =>
        ((TRAINED_A_YEAR_PER_10000_ADULTS * row.base.aged_16_plus) / 10_000) *
        TRAINING_SEASON[quarterNumber(row.quarter)] *
        trend(startYearOf(row.quarter)) *
        (COVID_TRAINING[row.quarter] ?? 1) *
        wobble(0.12, row.area.code, row.quarter, 'trained'),
    },
    splitTrainingSectors,
    ...TRAINING_MODULES.map(([name]) =>
      column(
        name,
        (n) => (row) => (NEW_MODULES.has(n) && isBefore(row.quarter, NEW_MODULES_FROM) ? 0 : row.values.professionals_trained! * MODULE_SHARES[n] * wobble(0.25, row.area.code, row.quarter, n)),
        'professionals_trained',
      ),
    ),
    column('evaluations_returned', shareOf('professionals_trained', 0.7, 0.1), 'professionals_trained'),
    column('evaluations_more_confident', shareOf('evaluations_returned', 0.88, 0.05), 'evaluations_returned'),
  ];
}

// Specialist community services: referrals about 12 a year per 10,000 adults (Buckinghamshire's
// 531 in 2020-21), more where the service is the single point of access with a helpline
// (Oxfordshire's 493 in one quarter).
const COMMUNITY_REFERRALS_A_YEAR_PER_10000_ADULTS = 12;
const SINGLE_ACCESS_POINT: Record<string, number> = { [OXFORDSHIRE]: 2.9 };
const ONE_STOP_SHOP_VISITS_PER_REFERRAL = 0.6;
const CHAMPIONS_A_YEAR_PER_10000_ADULTS = 2.5;

function communityServiceSteps(): Step[] {
  return [
    {
      name: 'referrals_received',
      value: (row) =>
        quarterly((COMMUNITY_REFERRALS_A_YEAR_PER_10000_ADULTS * row.base.aged_16_plus) / 10_000, row.quarter, SERVICE_SEASON) *
        (SINGLE_ACCESS_POINT[row.area.code] ?? 1) *
        (COVID_SERVICE_RISE[row.quarter] ?? 1) *
        wobble(0.06, row.area.code, row.quarter, 'referrals_received'),
    },
    column('helpline_contacts', shareOf('referrals_received', 2.2, 0.1)),
    column('outreach_clients', shareOf('referrals_received', 0.45, 0.1), 'referrals_received'),
    column('outreach_cases_closed', shareOf('outreach_clients', 0.9, 0.1)),
    column('outreach_closed_feel_safer', shareOf('outreach_cases_closed', 0.78, 0.06), 'outreach_cases_closed'),
    column('counselling_clients', shareOf('referrals_received', 0.12, 0.2)),
    column('group_programme_starts', (name) => (row) => row.values.referrals_received! * 0.15 * (COVID_FACE_TO_FACE[row.quarter] ?? 1) * wobble(0.2, row.area.code, row.quarter, name)),
    column('group_programme_completions', shareOf('group_programme_starts', 0.68, 0.1), 'group_programme_starts'),
    column('one_stop_shop_visits', (name) => (row) => row.values.referrals_received! * ONE_STOP_SHOP_VISITS_PER_REFERRAL * (COVID_FACE_TO_FACE[row.quarter] ?? 1) * wobble(0.15, row.area.code, row.quarter, name)),
    column('champions_trained', (name) => (row) => quarterly((CHAMPIONS_A_YEAR_PER_10000_ADULTS * row.base.aged_16_plus) / 10_000, row.quarter, TRAINING_SEASON) * wobble(0.3, row.area.code, row.quarter, name)),
  ];
}

// Court outcomes: the CPS completed about 61,000 domestic abuse prosecutions in England and Wales
// in 2019-20, about 13 a year per 10,000 adults, falling since; about 77% ended in a conviction,
// most after a guilty plea. About 25,000 non-molestation order applications a year.
const PROSECUTIONS_A_YEAR_PER_10000_ADULTS = 13;
const PROSECUTION_TREND: Record<number, number> = { 2017: 1.05, 2018: 1.0, 2019: 0.93, 2020: 0.85, 2021: 0.82, 2022: 0.84, 2023: 0.86 };
const PROTECTION_ORDER_APPLICATIONS_A_YEAR_PER_10000_ADULTS = 5.5;
/** Oxfordshire's delivery plan (seeds/003): more victims supported at court from 2020-21. */
const COURT_SUPPORT_SHARE = (row: DemoRow) => (isBefore(row.quarter, '2020-21Q1') ? 0.58 : 0.72);

function courtOutcomesSteps(): Step[] {
  return [
    {
      name: 'prosecutions_completed',
      value: (row) =>
        ((PROSECUTIONS_A_YEAR_PER_10000_ADULTS * row.base.aged_16_plus) / 10_000) *
        SERVICE_SEASON[quarterNumber(row.quarter)] *
        (PROSECUTION_TREND[startYearOf(row.quarter)] ?? 0.86) *
        (COVID_FACE_TO_FACE[row.quarter] ?? 1) *
        wobble(0.08, row.area.code, row.quarter, 'prosecutions_completed'),
    },
    column('convictions', shareOf('prosecutions_completed', 0.77, 0.05), 'prosecutions_completed'),
    column('guilty_pleas', shareOf('convictions', 0.72, 0.06), 'convictions'),
    column('restraining_orders', shareOf('convictions', 0.45, 0.12)),
    column('protection_order_applications', (name) => (row) =>
      quarterly((PROTECTION_ORDER_APPLICATIONS_A_YEAR_PER_10000_ADULTS * row.base.aged_16_plus) / 10_000, row.quarter, SERVICE_SEASON) * (COVID_SERVICE_RISE[row.quarter] ?? 1) * wobble(0.1, row.area.code, row.quarter, name),
    ),
    column('protection_orders_made', shareOf('protection_order_applications', 0.8, 0.08), 'protection_order_applications'),
    column('special_measures_applications', shareOf('prosecutions_completed', 0.3, 0.15)),
    column('special_measures_granted', shareOf('special_measures_applications', 0.9, 0.06), 'special_measures_applications'),
    column('witnesses_attending', shareOf('prosecutions_completed', 0.25, 0.15)),
    column('witnesses_supported', shareOf('witnesses_attending', COURT_SUPPORT_SHARE, 0.1), 'witnesses_attending'),
  ];
}

/** A few notes, as partners write them. */
const NOTES: Array<{ type: PartnerReturnType; area: string; quarter: string; subkey?: string; text: string }> = [
  { type: 'police', area: BUCKINGHAMSHIRE, quarter: '2020-21Q1', text: 'First national lockdown from 23 March 2020: more incidents reported from April.' },
  { type: 'police', area: BEXLEY, quarter: '2024-25Q3', text: 'Domestic Abuse Protection Orders counted from this quarter.' },
  { type: 'marac', area: BEXLEY, quarter: '2020-21Q3', text: 'MARAC now meets twice a month because of rising high-risk referrals.' },
  { type: 'idva', area: OXFORDSHIRE, quarter: '2018-19Q1', text: 'New domestic abuse service contract started in June 2018.' },
  { type: 'csc', area: BEXLEY, quarter: FIRST_QUARTER, text: 'Early help episodes not available for this quarter (system migration).' },
  { type: 'police', area: EARLIER_TEMPLATE.area, quarter: FIRST_QUARTER, text: 'Sent on the earlier template: no twelve-month counts until 2018-19 Q4.' },
  { type: 'refuge', area: BUCKINGHAMSHIRE, quarter: '2020-21Q1', subkey: 'refuge', text: 'Longer stays: move-on slowed during lockdown.' },
];

interface PartnerReturnModel {
  type: PartnerReturnType;
  steps: () => Step[];
  /** The sub-keys an area returns rows for (refuge's accommodation types, the programmes run). */
  subkeys?: (area: AreaProfile) => string[];
  /** Whether a row is sent at all (a programme that started part way through the demo's span). */
  sent?: (row: DemoRow) => boolean;
}

const PARTNER_RETURNS: PartnerReturnModel[] = [
  { type: 'police', steps: policeSteps },
  { type: 'marac', steps: maracSteps },
  { type: 'idva', steps: idvaSteps },
  { type: 'csc', steps: cscSteps },
  { type: 'refuge', steps: refugeSteps, subkeys: (area) => area.accommodation.map((a) => a.type) },
  { type: 'perpetrator-programme', steps: perpetratorProgrammeSteps, subkeys: programmesOf, sent: programmeRuns },
  { type: 'dhr', steps: dhrSteps },
  { type: 'training', steps: trainingSteps },
  { type: 'community-service', steps: communityServiceSteps },
  { type: 'court-outcomes', steps: courtOutcomesSteps },
];

// ---------------------------------------------------------------------------------------
// The safe accommodation duty's yearly return (DOMAIN.md 5.9), sent by each council as the
// tier-one authority, per financial year and kind of accommodation. Calibrated to
// Buckinghamshire's strategy (seeds/000): "In 2019/20 there were 278 referrals, 96 referrals were
// accommodated" (about 8.7 referrals and 3 households a year for each of its 32 units), and "in
// 2020/21 69 women and 89 children lived in refuge" (1.3 children a household). The duty began in
// April 2021; the years before are back-loaded from the councils' commissioning records, as
// Buckinghamshire's strategy quotes them. Provision grows after the duty. Every council also runs
// a sanctuary scheme (Oxfordshire's Sanctuary Scheme, seeds/003: "keeping victims and children
// safe in their home"), where most households referred are helped and the usual reason one is
// not is that the victim chose otherwise; a refuge mostly turns households away for lack of space
// (Bexley's refuge provision, seeds/004).

/** The first financial year in the demo's yearly return. */
const FIRST_SAFE_ACCOMMODATION_YEAR = 2019;

/** Sanctuary scheme installations each council's service can make at once (larger areas, more). */
const SANCTUARY_UNITS: Record<string, number> = {
  [BUCKINGHAMSHIRE]: 30, [OXFORDSHIRE]: 40, 'E06000036': 6, 'E06000037': 8, 'E06000038': 10, 'E06000039': 10, 'E06000040': 6,
  'E06000041': 8, [MILTON_KEYNES]: 15, 'E06000056': 14, 'E06000055': 10, 'E06000032': 12, [BEXLEY]: 12,
  [LONDON]: 400, [ENGLAND]: 2_600,
};

interface YearlyKind {
  /** Households referred and accommodated a year, per unit. */
  referredPerUnit: number;
  accommodatedShare: number;
  /** The main reasons for not accommodating, as shares (the rest: another reason). */
  reasons: { no_space: number; needs_not_met: number; no_recourse: number; declined: number };
  outsideAreaShare: number;
  childrenPerHousehold: number;
}

const YEARLY_KINDS: Record<SafeAccommodationType, YearlyKind> = {
  refuge: { referredPerUnit: 8.7, accommodatedShare: 0.35, reasons: { no_space: 0.5, needs_not_met: 0.15, no_recourse: 0.08, declined: 0.15 }, outsideAreaShare: 0.65, childrenPerHousehold: 1.3 },
  second_stage: { referredPerUnit: 2.6, accommodatedShare: 0.45, reasons: { no_space: 0.55, needs_not_met: 0.1, no_recourse: 0.05, declined: 0.2 }, outsideAreaShare: 0.2, childrenPerHousehold: 1.2 },
  dispersed: { referredPerUnit: 5, accommodatedShare: 0.42, reasons: { no_space: 0.5, needs_not_met: 0.12, no_recourse: 0.08, declined: 0.18 }, outsideAreaShare: 0.3, childrenPerHousehold: 1.4 },
  sanctuary_scheme: { referredPerUnit: 4, accommodatedShare: 0.72, reasons: { no_space: 0.05, needs_not_met: 0.1, no_recourse: 0, declined: 0.6 }, outsideAreaShare: 0, childrenPerHousehold: 1.4 },
  other: { referredPerUnit: 3, accommodatedShare: 0.4, reasons: { no_space: 0.4, needs_not_met: 0.15, no_recourse: 0.05, declined: 0.2 }, outsideAreaShare: 0.25, childrenPerHousehold: 1.2 },
};

/** Shares of the households accommodated given each type of support. */
const SUPPORT_SHARES: Record<string, number> = {
  support_advocacy: 0.9, support_prevention_advice: 0.8, support_specialist: 0.2, support_children: 0.55,
  support_housing: 0.7, support_financial_legal: 0.45, support_counselling_therapy: 0.3,
};

/** Provision by financial year against 2019-20: a dip in the first lockdown, then growth under the duty. */
function provisionFactor(startYear: number): number {
  return ({ 2019: 1, 2020: 0.95 } as Record<number, number>)[startYear] ?? Math.min(1.35, 1.05 + 0.08 * (startYear - 2021));
}

/** The kinds of safe accommodation a council reports, with their units: specialist refuges are refuges. */
function yearlyKindsOf(area: AreaProfile): Array<{ type: SafeAccommodationType; units: number }> {
  const units = new Map<SafeAccommodationType, number>();
  for (const a of area.accommodation) {
    const type: SafeAccommodationType = a.type === 'specialist_refuge' ? 'refuge' : (a.type as SafeAccommodationType);
    units.set(type, (units.get(type) ?? 0) + a.units);
  }
  units.set('sanctuary_scheme', SANCTUARY_UNITS[area.code] ?? 8);
  return [...units].map(([type, n]) => ({ type, units: n }));
}

/** One council's row for a financial year and kind of accommodation. */
function safeAccommodationRow(area: AreaProfile, startYear: number, type: SafeAccommodationType, baseUnits: number): Record<string, string | number> {
  const kind = YEARLY_KINDS[type];
  const key = ['safe-accommodation', area.code, startYear, type];
  const units = Math.max(1, Math.round(baseUnits * provisionFactor(startYear) * wobble(0.05, ...key, 'units')));
  const referred = Math.max(1, Math.round(units * kind.referredPerUnit * wobble(0.12, ...key, 'referred')));
  const accommodated = binomial(referred, kind.accommodatedShare, ...key, 'accommodated');
  // A few households referred late in the year are still being assessed at its end.
  const pending = binomial(referred - accommodated, 0.04, ...key, 'pending');
  const notAccommodated = referred - accommodated - pending;
  let left = notAccommodated;
  const reason = (name: keyof YearlyKind['reasons']) => {
    const k = Math.min(left, binomial(notAccommodated, kind.reasons[name], ...key, name));
    left -= k;
    return k;
  };
  const row: Record<string, string | number> = {
    period: financialYearId(startYear),
    area_code: area.code,
    accommodation_type: type,
    units_at_year_end: units,
    households_referred: referred,
    households_accommodated: accommodated,
    households_not_accommodated: notAccommodated,
    not_accommodated_no_space: reason('no_space'),
    not_accommodated_needs_not_met: reason('needs_not_met'),
    not_accommodated_no_recourse: reason('no_recourse'),
    not_accommodated_declined: reason('declined'),
  };
  row.not_accommodated_other = left;
  row.children_accommodated = Math.round(accommodated * kind.childrenPerHousehold * wobble(0.1, ...key, 'children'));
  row.households_from_outside_area = binomial(accommodated, kind.outsideAreaShare, ...key, 'outside');
  for (const [column, share] of Object.entries(SUPPORT_SHARES)) row[column] = binomial(accommodated, share, ...key, column);
  row.notes = '';
  return row;
}

/** The yearly return's rows for these areas, for every financial year that has ended by the last reported quarter. */
function safeAccommodationRows(areas: readonly AreaProfile[], lastQuarter: string): Array<Record<string, string | number>> {
  const q = parseQuarterId(lastQuarter)!;
  const lastYear = q.quarter === 4 ? q.startYear : q.startYear - 1;
  const records: Array<Record<string, string | number>> = [];
  for (let year = FIRST_SAFE_ACCOMMODATION_YEAR; year <= lastYear; year++) {
    for (const area of areas) for (const { type, units } of yearlyKindsOf(area)) records.push(safeAccommodationRow(area, year, type, units));
  }
  return records;
}

function safeAccommodationCsv(lastQuarter: string): string {
  return toCsv(templateHeader('safe-accommodation'), safeAccommodationRows(DEMO_AREAS, lastQuarter));
}

/**
 * London's and England's yearly rows as the benchmark model reads them: area → financial year →
 * one DemoRow-like record per kind of accommodation (its `quarter` is the financial year).
 */
function yearlyBenchmarkRows(lastQuarter: string): Map<string, Map<string, DemoRow[]>> {
  const byArea = new Map<string, Map<string, DemoRow[]>>();
  for (const record of safeAccommodationRows(BENCHMARK_AREAS, lastQuarter)) {
    const area = String(record.area_code);
    const byYear = byArea.get(area) ?? new Map<string, DemoRow[]>();
    byArea.set(area, byYear);
    const values = Object.fromEntries(Object.entries(record).filter(([, v]) => typeof v === 'number')) as Record<string, number>;
    const row = { values, quarter: String(record.period), subkey: String(record.accommodation_type) } as unknown as DemoRow;
    byYear.set(String(record.period), [...(byYear.get(String(record.period)) ?? []), row]);
  }
  return byArea;
}

// ---------------------------------------------------------------------------------------
// CSV.

function csvCell(value: string | number | null): string {
  const text = value === null ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function toCsv(header: string[], records: Array<Record<string, string | number | null>>): string {
  const lines = [header.join(','), ...records.map((r) => header.map((h) => csvCell(r[h] ?? null)).join(','))];
  return `${lines.join('\n')}\n`;
}

function templateHeader(type: DemoReturnType): string[] {
  return findReturnDefinition(type)!.columns.map((c) => c.name);
}

/** The rows in the return's own template, its key columns named by its definition. */
function partnerCsv(type: PartnerReturnType, rows: DemoRow[]): string {
  const { area, period, sub } = findReturnDefinition(type)!.keys;
  const records = rows.map((row) => ({
    ...row.values,
    [period]: row.quarter,
    [area]: row.area.code,
    ...(sub === undefined ? {} : { [sub]: row.subkey }),
    notes: NOTES.find((n) => n.type === type && n.area === row.area.code && n.quarter === row.quarter && (n.subkey ?? row.subkey) === row.subkey)?.text ?? '',
  }));
  return toCsv(templateHeader(type), records);
}

// ---------------------------------------------------------------------------------------

// ---------------------------------------------------------------------------------------
// Benchmark rows: London and England, for every indicator in the catalogue and every period the
// dashboard offers over the demo's span, worked out from their modelled returns the way the
// dashboard works out an authority's value.

/**
 * Every period made only of the given quarters: each quarter, and the rolling year, financial
 * year (at Q4) and calendar year (at Q3) ending with it. In the order their last quarter ends,
 * so that the rows of a later `now` only add to those of an earlier one.
 */
function periodsWithin(quarters: readonly string[]): Period[] {
  const held = new Set(quarters);
  const periods: Period[] = [];
  for (const last of quarters) {
    const q = parseQuarterId(last)!;
    const ids = [last, `R12-${last}`];
    if (q.quarter === 4) ids.push(financialYearId(q.startYear));
    if (q.quarter === 3) ids.push(String(q.startYear));
    for (const id of ids) {
      const period = parsePeriodId(id)!;
      if (period.quarters.every((p) => held.has(p))) periods.push(period);
    }
  }
  return periods;
}

/** Return type → area → quarter → rows (one, or one per accommodation type). */
type ModelledRows = Map<string, Map<string, Map<string, DemoRow[]>>>;

/**
 * A numerator or denominator over a period, as the dashboard counts it: terms added (a blank
 * term skipped while one is present), accommodation types and quarters summed; for an
 * indicator over people, a year or rolling year takes the twelve-month counts of its last
 * quarter. Null when a figure is missing.
 */
function countOver(indicator: IndicatorDefinition, columns: readonly string[], rows: Map<string, DemoRow[]> | undefined, period: Period): number | null {
  const definition = findReturnDefinition(indicator.source);
  const persons = definition?.personColumns;
  const twelveMonthCounts = indicator.counts === 'people' && period.quarters.length > 1 && persons !== undefined;
  // A yearly return's rows are its financial years: a period that is not one has no figure.
  const calendar = calendarOfReturn(definition ?? {});
  const stored = calendar.addsUpQuarters ? null : calendar.storedPeriodFor(period);
  if (!calendar.addsUpQuarters && stored === null) return null;
  const quarters = stored !== null ? [stored] : twelveMonthCounts ? [period.quarters[period.quarters.length - 1]] : period.quarters;
  const names = columns.map((c) => (twelveMonthCounts && persons.columns.includes(c) ? `${c}${persons.twelveMonthSuffix}` : c));
  let total = 0;
  for (const quarter of quarters) {
    const quarterRows = rows?.get(quarter);
    if (!quarterRows || quarterRows.length === 0) return null;
    for (const row of quarterRows) {
      let value: number | null = null;
      for (const name of names) {
        const v = row.values[name];
        if (v !== null && v !== undefined) value = (value ?? 0) + v;
      }
      if (value === null) return null;
      total += value;
    }
  }
  return total;
}

/** The fixture's keys (indicator, area, period): a published row wins over a synthetic one. */
function publishedKeys(fixtureCsv: string): Set<string> {
  const lines = fixtureCsv.trim().split(/\r?\n/).slice(1);
  return new Set(lines.map((line) => line.split(',').slice(0, 3).join('|')));
}

function benchmarkCsv(fixtureCsv: string, modelled: ModelledRows, reported: readonly string[]): string {
  const published = publishedKeys(fixtureCsv);
  const lines: string[] = [];
  for (const period of periodsWithin(reported)) {
    for (const area of BENCHMARK_AREAS) {
      const population = benchmarkPopulation(area, populationYear(period));
      for (const indicator of INDICATORS) {
        if (published.has(`${indicator.id}|${area.code}|${period.id}`)) continue;
        // A count is not compared with another area's count, so no benchmark is published for it.
        if (indicator.denominator.kind === 'none') continue;
        const rows = modelled.get(indicator.source)?.get(area.code);
        const numerator = countOver(indicator, indicator.numerator, rows, period);
        const denominator =
          indicator.denominator.kind === 'population' ? population[indicator.denominator.group] : countOver(indicator, indicator.denominator.columns, rows, period);
        // A column the model does not make (a future indicator's) leaves the row out; the tests say which.
        if (numerator === null || denominator === null || denominator === 0) continue;
        const value = ((numerator / denominator) * indicator.multiplier).toFixed(indicator.decimals);
        lines.push([indicator.id, area.code, period.id, numerator, denominator, value, area.source].map(csvCell).join(','));
      }
    }
  }
  const head = fixtureCsv.endsWith('\n') ? fixtureCsv : `${fixtureCsv}\n`;
  return lines.length === 0 ? head : `${head}${lines.join('\n')}\n`;
}

// ---------------------------------------------------------------------------------------

export function generateDemoReturns(now: Date): DemoReturn[] {
  const last = latestCompleteQuarter(now);
  const reported = quarterRange(FIRST_QUARTER, last);
  const reportedSet = new Set(reported);
  // The model runs from a year before the first reported quarter to at least the last calibrated
  // one, so history is the same for every `now`.
  const modelled = quarterRange(MODEL_START, isBefore(last, LAST_CALIBRATED_QUARTER) ? LAST_CALIBRATED_QUARTER : last);

  const fixture = readPopulationFixture();
  const population = populationRows(fixture, startYearOf(last));
  const bases = new Map([
    ...DEMO_AREAS.map((a): [string, PopulationRow] => [a.code, basePopulation(fixture, a.code)]),
    ...BENCHMARK_AREAS.map((a): [string, PopulationRow] => [a.code, benchmarkPopulation(a, 2018)]),
  ]);
  const span = reported.length > 0 ? `${reported[0]}-to-${reported[reported.length - 1]}` : 'none';
  const demoAreas = new Set(DEMO_AREAS.map((a) => a.code));

  const partnerFiles: DemoReturn[] = [];
  const benchmarkRows: ModelledRows = new Map();
  for (const partner of PARTNER_RETURNS) {
    const rows = rowsFor(modelled, [...DEMO_AREAS, ...BENCHMARK_AREAS], bases, partner.subkeys).filter((r) => partner.sent?.(r) ?? true);
    runSteps(partner.type, rows, partner.steps());
    const kept = rows.filter((r) => reportedSet.has(r.quarter) && demoAreas.has(r.area.code));
    partnerFiles.push({ type: partner.type, fileName: `demo-${partner.type}-${span}.csv`, csv: partnerCsv(partner.type, kept) });
    const byArea = new Map<string, Map<string, DemoRow[]>>();
    for (const row of rows) {
      if (demoAreas.has(row.area.code)) continue;
      const byQuarter = byArea.get(row.area.code) ?? new Map<string, DemoRow[]>();
      byArea.set(row.area.code, byQuarter);
      byQuarter.set(row.quarter, [...(byQuarter.get(row.quarter) ?? []), row]);
    }
    benchmarkRows.set(partner.type, byArea);
  }
  benchmarkRows.set('safe-accommodation', yearlyBenchmarkRows(last));

  return [
    {
      type: 'population',
      fileName: 'demo-population.csv',
      csv: toCsv(
        templateHeader('population'),
        population.map((p) => ({ ...p, area_code: p.area })),
      ),
    },
    { type: 'benchmark', fileName: 'demo-benchmark.csv', csv: benchmarkCsv(readFileSync(BENCHMARK_FIXTURE, 'utf8'), benchmarkRows, reported) },
    ...partnerFiles,
    // Yearly: a financial year once it has ended (schemas/returns/frequency.ts).
    { type: 'safe-accommodation', fileName: `demo-safe-accommodation-${span}.csv`, csv: safeAccommodationCsv(last) },
  ];
}
