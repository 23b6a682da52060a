// The indicator catalogue (DOMAIN.md section 6). Each indicator is one definition: what it
// divides by what, how it is scaled, how its interval is computed and how it is judged. The
// ids are part of the public contract. Adding an indicator means adding an entry here and a
// known-answer test for it.
import { z } from 'zod';
import type { ReturnTypeId } from './returns/definition';

export type Polarity = 'higher-better' | 'lower-better' | 'no-judgement';
export type CiMethod = 'byar' | 'wilson' | 'none';
export type PopulationGroup = 'all_ages' | 'aged_16_plus' | 'females_16_plus' | 'aged_0_17';

export const STRATEGY_AIMS = {
  'scale-and-response': 'Understanding the scale of abuse and the response to it',
  'safety-of-victims': 'Keeping victims safe and reducing repeat victimisation',
  'perpetrators': 'Holding perpetrators to account',
  'support-and-recovery': 'Support and recovery for victims and survivors',
  'children-and-young-people': 'Protecting children and young people',
  'safe-accommodation': 'Safe accommodation',
} as const;
export type StrategyAim = keyof typeof STRATEGY_AIMS;

export type Denominator =
  | { kind: 'columns'; columns: string[] }
  | { kind: 'population'; group: PopulationGroup };

export interface Reference {
  /** Lower and upper ends; one may be absent for a single recommended level. */
  low?: number;
  high?: number;
  /** A reference stated per year (SafeLives' 40 cases per 10,000 women a year) is scaled to the period's length. */
  perYear: boolean;
  label: string;
}

export interface IndicatorDefinition {
  id: string;
  title: string;
  /** Plain-English definition for the board. */
  definition: string;
  aim: StrategyAim;
  source: ReturnTypeId;
  /** Columns added together; a blank term is skipped as long as one term is present. */
  numerator: string[];
  denominator: Denominator;
  multiplier: number;
  unit: string;
  decimals: number;
  polarity: Polarity;
  ci: CiMethod;
  reference?: Reference;
  caveats: string[];
  /**
   * What the counts count. `events` (incidents, crimes, cases, referrals) add up over quarters;
   * `people` (distinct victims or suspects) do not: a year takes the twelve-month counts of its
   * last quarter (DOMAIN.md 5.1), and has no value without them.
   */
  counts: 'events' | 'people';
  /**
   * Whether the numerator counts some of what the denominator counts (repeat victims among
   * victims). Then `denominator − numerator` is a count of people or events too, and disclosure
   * control treats it as one (server/engine/disclosure.ts).
   */
  numeratorWithinDenominator: boolean;
  /** A sentence shown with every value, where the figure is easily misread. */
  valueNote: string | null;
}

type Draft = Omit<IndicatorDefinition, 'caveats' | 'decimals' | 'counts' | 'numeratorWithinDenominator' | 'valueNote'> & {
  caveats?: string[];
  decimals?: number;
  counts?: IndicatorDefinition['counts'];
  numeratorWithinDenominator?: boolean;
  valueNote?: string;
};

const PER_1000 = { multiplier: 1000, unit: 'per 1,000 people', decimals: 1 };
const PER_10000_WOMEN = { multiplier: 10_000, unit: 'per 10,000 women aged 16+', decimals: 1 };
const PER_100000 = { multiplier: 100_000, unit: 'per 100,000 people', decimals: 1 };
const PER_100_CRIMES = { multiplier: 100, unit: 'per 100 crimes', decimals: 1 };
const PERCENT = { multiplier: 100, unit: '%', decimals: 1 };

const cols = (...columns: string[]): Denominator => ({ kind: 'columns', columns });
const population = (group: PopulationGroup): Denominator => ({ kind: 'population', group });

function percentOf(
  id: string,
  title: string,
  definition: string,
  aim: StrategyAim,
  source: ReturnTypeId,
  numerator: string,
  denominator: string,
  polarity: Polarity,
  extra: Partial<Draft> = {},
): Draft {
  return { id, title, definition, aim, source, numerator: [numerator], denominator: cols(denominator), ...PERCENT, polarity, ci: 'wilson', numeratorWithinDenominator: true, ...extra };
}

/** A year counts each person once, from the force's twelve-month counts. */
const PEOPLE: Partial<Draft> = { counts: 'people', valueNote: 'A year or rolling year counts each person once (the force’s twelve-month count), so it is not the sum of its quarters.' };

/** Children's social care shares follow the Children in Need census. */
const CIN_CENSUS_CAVEAT =
  'As in the Children in Need census, factors such as domestic abuse are recorded at the end of an assessment (about the child, a parent or carer, or another person in the household); the share is of assessments completed, whose factors were recorded.';

const MARAC_CHARACTERISTICS: Array<[string, string, string]> = [
  ['marac-male-pct', 'cases_male', 'male victims'],
  ['marac-bame-pct', 'cases_bame', 'victims from Black, Asian and minority ethnic groups'],
  ['marac-lgbt-pct', 'cases_lgbt', 'lesbian, gay, bisexual or trans victims'],
  ['marac-disabled-pct', 'cases_disabled', 'disabled victims'],
  ['marac-age-16-17-pct', 'cases_age_16_17', 'victims aged 16 or 17'],
];

const IDVA_CHARACTERISTICS: Array<[string, string, string]> = [
  ['idva-male-clients-pct', 'clients_male', 'male'],
  ['idva-disabled-clients-pct', 'clients_disabled', 'disabled'],
  ['idva-lgbt-clients-pct', 'clients_lgbt', 'lesbian, gay, bisexual or trans'],
];

const drafts: Draft[] = [
  {
    id: 'da-incident-rate',
    title: 'Domestic abuse incidents per 1,000 people',
    definition: 'Domestic abuse-related incidents and crimes recorded by the police, per 1,000 residents of all ages.',
    aim: 'scale-and-response',
    source: 'police',
    numerator: ['incidents'],
    denominator: population('all_ages'),
    ...PER_1000,
    polarity: 'no-judgement',
    ci: 'byar',
    caveats: ['A rise can mean more abuse or more confidence to report it; it is not judged better or worse.'],
    valueNote: 'Per 1,000 residents of all ages (children included), as in MOPAC’s dashboard: not per adult.',
  },
  {
    id: 'da-crime-rate',
    title: 'Domestic abuse crimes per 1,000 people',
    definition: 'Domestic abuse-related crimes recorded by the police, per 1,000 residents of all ages.',
    aim: 'scale-and-response',
    source: 'police',
    numerator: ['crimes'],
    denominator: population('all_ages'),
    ...PER_1000,
    polarity: 'no-judgement',
    ci: 'byar',
  },
  percentOf('repeat-victim-rate', 'Repeat victims', 'Victims who had another domestic abuse incident in the 12 months before, as a share of all victims.', 'safety-of-victims', 'police', 'repeat_victims', 'victims', 'lower-better', PEOPLE),
  percentOf('repeat-perpetrator-rate', 'Repeat perpetrators', 'Suspects with another domestic abuse incident in the 12 months before, as a share of all suspects.', 'perpetrators', 'police', 'repeat_perpetrators', 'perpetrators', 'lower-better', PEOPLE),
  percentOf('child-present-pct', 'Incidents with a child present', 'Domestic abuse incidents where a child was present, as a share of all incidents.', 'children-and-young-people', 'police', 'incidents_child_present', 'incidents', 'no-judgement'),
  {
    id: 'arrest-rate',
    title: 'Arrests per 100 domestic abuse crimes',
    definition: 'Arrests for domestic abuse-related crimes for every 100 such crimes recorded.',
    aim: 'perpetrators',
    source: 'police',
    numerator: ['arrests'],
    denominator: cols('crimes'),
    ...PER_100_CRIMES,
    polarity: 'higher-better',
    ci: 'byar',
    caveats: ['One crime can lead to more than one arrest, so the rate can exceed 100.'],
    valueNote: 'Arrests in the period per 100 crimes recorded in it; one crime can lead to more than one arrest, so it can pass 100.',
  },
  percentOf('charge-rate', 'Crimes resulting in a charge', 'Domestic abuse-related crimes resulting in a charge or summons, as a share of all such crimes.', 'perpetrators', 'police', 'charges', 'crimes', 'higher-better', {
    caveats: ['A charge can follow in a later quarter than the crime, so recent quarters may rise when revised.'],
    valueNote: 'Charges in the period over crimes recorded in the period, not the share of those crimes later charged: a charge can follow months after the crime.',
  }),
  {
    id: 'protection-order-rate',
    title: 'Protection orders per 100 domestic abuse crimes',
    definition: 'Domestic Violence Protection Orders and Domestic Abuse Protection Orders granted for every 100 domestic abuse crimes.',
    aim: 'safety-of-victims',
    source: 'police',
    numerator: ['dvpo_granted', 'dapo_granted'],
    denominator: cols('crimes'),
    ...PER_100_CRIMES,
    decimals: 2,
    polarity: 'higher-better',
    ci: 'byar',
    caveats: ['DAPOs replace DVPOs under the Domestic Abuse Act 2021; both are counted.'],
  },
  {
    id: 'dvds-application-rate',
    title: "Clare's Law applications per 100,000 people",
    definition: "Applications under the Domestic Violence Disclosure Scheme (Clare's Law: right to ask and right to know), per 100,000 residents.",
    aim: 'safety-of-victims',
    source: 'police',
    numerator: ['dvds_applications'],
    denominator: population('all_ages'),
    ...PER_100000,
    polarity: 'higher-better',
    ci: 'byar',
  },
  {
    id: 'dvds-disclosure-rate',
    title: "Clare's Law disclosures per 100,000 people",
    definition: "Disclosures made under the Domestic Violence Disclosure Scheme (Clare's Law), per 100,000 residents.",
    aim: 'safety-of-victims',
    source: 'police',
    numerator: ['dvds_disclosures'],
    denominator: population('all_ages'),
    ...PER_100000,
    polarity: 'no-judgement',
    ci: 'byar',
    caveats: ['A disclosure is made only where the police find a risk, so more disclosures are neither better nor worse in themselves.'],
  },
  percentOf('victim-ethnicity-recorded-pct', 'Victims with ethnicity recorded', 'Victims whose ethnicity was recorded by the police, as a share of all victims.', 'scale-and-response', 'police', 'victims_ethnicity_recorded', 'victims', 'higher-better', PEOPLE),
  percentOf('victims-female-pct', 'Victims recorded as female', 'Victims recorded by the police as female, as a share of all victims.', 'scale-and-response', 'police', 'victims_female', 'victims', 'no-judgement', PEOPLE),
  percentOf('victims-male-pct', 'Victims recorded as male', 'Victims recorded by the police as male, as a share of all victims.', 'scale-and-response', 'police', 'victims_male', 'victims', 'no-judgement', PEOPLE),
  {
    id: 'marac-case-rate',
    title: 'MARAC cases per 10,000 women',
    definition: 'High-risk cases discussed at the Multi-Agency Risk Assessment Conference, per 10,000 women aged 16 and over.',
    aim: 'safety-of-victims',
    source: 'marac',
    numerator: ['cases_discussed'],
    denominator: population('females_16_plus'),
    ...PER_10000_WOMEN,
    polarity: 'higher-better',
    ci: 'byar',
    reference: { low: 40, perYear: true, label: 'SafeLives recommends 40 cases a year per 10,000 women aged 16+' },
  },
  percentOf('marac-repeat-rate', 'MARAC repeat cases', 'Cases also heard at MARAC in the 12 months before, as a share of all cases discussed.', 'safety-of-victims', 'marac', 'repeat_cases', 'cases_discussed', 'no-judgement', {
    reference: { low: 28, high: 40, perYear: false, label: 'SafeLives expects 28% to 40% repeat cases' },
    caveats: ['A low repeat rate can mean repeat incidents are not being identified, so it is judged against a range rather than as better or worse.'],
  }),
  {
    id: 'marac-children-per-case',
    title: 'Children in the households of MARAC cases',
    definition: 'Children living in the households of the cases discussed at MARAC, per case discussed.',
    aim: 'children-and-young-people',
    source: 'marac',
    numerator: ['children_in_households'],
    denominator: cols('cases_discussed'),
    multiplier: 1,
    unit: 'children per case',
    decimals: 2,
    polarity: 'no-judgement',
    ci: 'byar',
    valueNote: 'A household with several children counts each child, so this is an average over cases, not a share.',
  },
  percentOf('marac-police-referral-pct', 'MARAC cases referred by the police', 'Cases referred to MARAC by the police, as a share of all cases discussed.', 'safety-of-victims', 'marac', 'referrals_police', 'cases_discussed', 'no-judgement'),
  ...MARAC_CHARACTERISTICS.map(([id, column, who]) =>
    percentOf(id, `MARAC cases: ${who}`, `Cases discussed at MARAC involving ${who}, as a share of all cases discussed.`, 'safety-of-victims', 'marac', column, 'cases_discussed', 'no-judgement'),
  ),
  percentOf('idva-high-risk-pct', 'IDVA referrals assessed high risk', 'Referrals to the IDVA service assessed as high risk, as a share of all referrals received.', 'support-and-recovery', 'idva', 'referrals_high_risk', 'referrals_received', 'no-judgement'),
  percentOf('idva-engagement-pct', 'IDVA referrals engaging with support', 'New clients who accepted IDVA support, as a share of referrals received.', 'support-and-recovery', 'idva', 'clients_engaged', 'referrals_received', 'higher-better', {
    caveats: ['Clients engaged in a quarter may have been referred in the quarter before.'],
    numeratorWithinDenominator: false,
    valueNote: 'Clients engaged in the period over referrals received in it: clients referred late in one period engage in the next, so it can pass 100%.',
  }),
  percentOf('idva-abuse-ceased-pct', 'IDVA cases closed with abuse ceased', 'Cases closed by the IDVA service where the abuse had stopped, as a share of cases closed.', 'support-and-recovery', 'idva', 'closed_abuse_ceased', 'cases_closed', 'higher-better'),
  percentOf('idva-feel-safer-pct', 'IDVA clients feeling safer at closure', 'Cases closed where the client said they felt safer, as a share of cases closed.', 'support-and-recovery', 'idva', 'closed_feel_safer', 'cases_closed', 'higher-better'),
  percentOf('idva-older-clients-pct', 'IDVA clients aged 61 and over', 'New IDVA clients aged 61 or over, as a share of all new clients.', 'support-and-recovery', 'idva', 'clients_age_61_plus', 'clients_engaged', 'no-judgement'),
  ...IDVA_CHARACTERISTICS.map(([id, column, who]) =>
    percentOf(id, `IDVA clients: ${who}`, `New IDVA clients who are ${who}, as a share of all new clients.`, 'support-and-recovery', 'idva', column, 'clients_engaged', 'no-judgement'),
  ),
  percentOf('csc-contacts-da-pct', "Children's social care contacts citing domestic abuse", 'Contacts to the children\'s services front door that cite domestic abuse, as a share of all contacts.', 'children-and-young-people', 'csc', 'contacts_da', 'contacts', 'no-judgement', {
    valueNote: 'Domestic abuse as the reason given at the front door, before any assessment: not the census factor.',
  }),
  percentOf('csc-referrals-da-pct', "Referrals to children's social care with domestic abuse as a factor", "Referrals to children's social care where domestic abuse was a factor, as a share of all referrals.", 'children-and-young-people', 'csc', 'referrals_da', 'referrals', 'no-judgement'),
  percentOf('csc-assessments-da-pct', 'Assessments identifying domestic abuse', 'Children\'s social care assessments completed in the period that identified domestic abuse as a factor at their end, as a share of all assessments completed (the Children in Need census base).', 'children-and-young-people', 'csc', 'assessments_da', 'assessments', 'no-judgement', {
    caveats: [CIN_CENSUS_CAVEAT],
  }),
  percentOf('csc-cp-plans-da-pct', 'Child protection plans where domestic abuse was a factor', 'Children becoming subject to a child protection plan whose assessment identified domestic abuse as a factor, as a share of all children starting a plan.', 'children-and-young-people', 'csc', 'cp_plans_started_da', 'cp_plans_started', 'no-judgement', {
    caveats: [CIN_CENSUS_CAVEAT],
    valueNote: 'A share of children, not of assessments: a child may have had several assessments, so it differs from an assessment-based figure (Bexley 2019/20: 57.2% of 283 assessments).',
  }),
  percentOf('early-help-da-pct', 'Early help episodes citing parental domestic abuse', 'Early help episodes started that cite parental domestic abuse, as a share of all episodes started.', 'children-and-young-people', 'csc', 'early_help_episodes_da', 'early_help_episodes', 'no-judgement'),
  {
    id: 'csc-da-referral-rate',
    title: "Referrals to children's social care with domestic abuse as a factor, per 10,000 children",
    definition: "Referrals to children's social care where domestic abuse was a factor, per 10,000 children aged 0 to 17.",
    aim: 'children-and-young-people',
    source: 'csc',
    numerator: ['referrals_da'],
    denominator: population('aged_0_17'),
    multiplier: 10_000,
    unit: 'per 10,000 children',
    decimals: 1,
    polarity: 'no-judgement',
    ci: 'byar',
  },
  percentOf('refuge-occupancy', 'Safe accommodation occupancy', 'Unit-nights occupied as a share of unit-nights available over the period.', 'safe-accommodation', 'refuge', 'unit_nights_occupied', 'unit_nights_available', 'no-judgement', {
    // Bed-nights are not independent trials (a stay averages months), so a binomial interval
    // would be many times too narrow and flag ordinary differences; and a full refuge turns
    // people away, so higher is not better.
    ci: 'none',
    numeratorWithinDenominator: false,
    valueNote: 'A share of bed-nights, which are not independent (one stay fills many nights), so no interval or significance is given; a full refuge turns people away, so higher is not better.',
  }),
  percentOf('refuge-declined-no-space-pct', 'Referrals turned away for lack of space', 'Referrals to safe accommodation declined because there was no space, as a share of referrals received.', 'safe-accommodation', 'refuge', 'referrals_declined_no_space', 'referrals_received', 'lower-better'),
  percentOf('refuge-planned-move-on-pct', 'Departures to planned move-on', 'Households leaving safe accommodation to a planned move-on, as a share of all departures.', 'safe-accommodation', 'refuge', 'departures_planned_move_on', 'departures', 'higher-better'),
  {
    id: 'refuge-average-stay',
    title: 'Average length of stay in safe accommodation',
    definition: 'Total nights stayed by the households that left, divided by the number of households that left.',
    aim: 'safe-accommodation',
    source: 'refuge',
    numerator: ['nights_stayed_departures'],
    denominator: cols('departures'),
    multiplier: 1,
    unit: 'nights',
    decimals: 0,
    polarity: 'no-judgement',
    ci: 'none',
  },
  percentOf('refuge-out-of-area-pct', 'Safe accommodation admissions from outside the area', 'Households admitted whose home was outside the area, as a share of all households admitted.', 'safe-accommodation', 'refuge', 'households_from_outside_area', 'households_accommodated', 'no-judgement'),
];

export const INDICATORS: readonly IndicatorDefinition[] = drafts.map((d) => ({
  decimals: 1,
  caveats: [],
  counts: 'events',
  numeratorWithinDenominator: false,
  valueNote: null,
  ...d,
}));

const byId = new Map(INDICATORS.map((i) => [i.id, i]));

export function findIndicator(id: string): IndicatorDefinition | undefined {
  return byId.get(id);
}

export const IndicatorSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    definition: z.string(),
    aim: z.string(),
    aimTitle: z.string(),
    source: z.string(),
    numerator: z.array(z.string()),
    denominator: z.union([
      z.object({ kind: z.literal('columns'), columns: z.array(z.string()) }),
      z.object({ kind: z.literal('population'), group: z.string() }),
    ]),
    multiplier: z.number(),
    unit: z.string(),
    decimals: z.number().int(),
    polarity: z.enum(['higher-better', 'lower-better', 'no-judgement']),
    ci: z.enum(['byar', 'wilson', 'none']),
    reference: z.object({ low: z.number().optional(), high: z.number().optional(), perYear: z.boolean(), label: z.string() }).optional(),
    caveats: z.array(z.string()),
    counts: z.enum(['events', 'people']),
    numeratorWithinDenominator: z.boolean(),
    valueNote: z.string().nullable(),
  })
  .meta({ id: 'Indicator' });
