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
  'prevention-and-workforce': 'Prevention, awareness and a skilled workforce',
} as const;
export type StrategyAim = keyof typeof STRATEGY_AIMS;

/**
 * What a value is divided by: columns of the same return, a population, or nothing at all (a
 * count such as reviews published, shown as the count itself, with an exact Poisson interval
 * where its `ci` is 'byar' and it is not compared with another area's count).
 */
export type Denominator =
  | { kind: 'columns'; columns: string[] }
  | { kind: 'population'; group: PopulationGroup }
  | { kind: 'none' };

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
  /**
   * A partnership's own measure (DOMAIN.md 5.9), defined at run time: the partnership it belongs
   * to (no one else sees it) and the one sub-key of its return it reads (the measure's id).
   */
  partnership?: number;
  subkey?: string;
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
const PER_100000_ADULTS = { multiplier: 100_000, unit: 'per 100,000 people aged 16+', decimals: 1 };
const PER_10000_ADULTS = { multiplier: 10_000, unit: 'per 10,000 people aged 16+', decimals: 1 };

const cols = (...columns: string[]): Denominator => ({ kind: 'columns', columns });
/** A count: no denominator. */
const COUNT: Denominator = { kind: 'none' };
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

/** What a count's interval says, for the board: chance, not measurement error. */
const POISSON_COUNT_NOTE =
  'A count, not a rate: its interval (exact Poisson below 10, Byar from 10) shows how much the number could differ by chance alone in a period of the same length. It is not compared with other areas, whose sizes differ.';

/** A count of something delivered (not a chance event), shown as it is, without an interval. */
function deliveredCount(id: string, title: string, definition: string, aim: StrategyAim, source: ReturnTypeId, column: string, unit: string, polarity: Polarity, extra: Partial<Draft> = {}): Draft {
  return { id, title, definition, aim, source, numerator: [column], denominator: COUNT, multiplier: 1, unit, decimals: 0, polarity, ci: 'none', ...extra };
}

/** The safe accommodation duty is reported once a year (DOMAIN.md 5.9). */
const SAFE_ACCOMMODATION_YEARLY_CAVEAT =
  'Reported once a year for the financial year, as the council reports it to the government (Domestic Abuse Act 2021, Part 4): there are no figures for a quarter or a calendar year.';
const SAFE_ACCOMMODATION_VALUE_NOTE = 'For a financial year (April to March): this return is made once a year.';

/** Perpetrator programme flows (referrals, starts, completions) are counted in the period they happen, not followed as a group. */
const PROGRAMME_FLOWS_CAVEAT =
  'A programme lasts months: the people completing in a period mostly started in an earlier one. Over a year the share comes close to the share of starters who go on to complete.';

const TRAINING_SECTOR_SHARES: Array<[string, string, string]> = [
  ['training-health-pct', 'trained_health', 'health services'],
  ['training-social-care-pct', 'trained_social_care', "children's and adult social care"],
  ['training-education-pct', 'trained_education', 'schools, colleges and early years'],
  ['training-housing-pct', 'trained_housing', 'housing'],
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

  // Perpetrator programmes (DOMAIN.md 5.9), summed over the kinds of programme.
  percentOf('perpetrator-programme-completion-pct', 'Perpetrator programme completions', 'People completing a domestic abuse perpetrator programme in the period, as a share of the people starting one in it.', 'perpetrators', 'perpetrator-programme', 'completions', 'starts', 'higher-better', {
    numeratorWithinDenominator: false,
    caveats: [PROGRAMME_FLOWS_CAVEAT],
    valueNote: 'Completions in the period over starts in it, not the share of one group of starters who completed: a quarter can pass 100%, and then has no interval.',
  }),
  {
    id: 'perpetrator-programme-mean-wait',
    title: 'Average wait to start a perpetrator programme',
    definition: 'Days from referral to the first session, averaged over the people who started a perpetrator programme in the period.',
    aim: 'perpetrators',
    source: 'perpetrator-programme',
    numerator: ['waiting_days_total'],
    denominator: cols('starts'),
    multiplier: 1,
    unit: 'days',
    decimals: 0,
    polarity: 'lower-better',
    // Waiting times are not counts of independent events, and the return carries no spread, so
    // no interval: the figure is judged against a target, not tested against a benchmark.
    ci: 'none',
    caveats: ['People still waiting at the end of the period are not in it, so a growing waiting list can lower it for a while.'],
    valueNote: 'A mean over the people who started in the period: a few long waits raise it, and people still waiting are not counted.',
  },
  {
    id: 'perpetrator-programme-referral-rate',
    title: 'Referrals to perpetrator programmes per 100,000 adults',
    definition: 'People referred to a domestic abuse perpetrator programme, per 100,000 residents aged 16 and over.',
    aim: 'perpetrators',
    source: 'perpetrator-programme',
    numerator: ['referrals'],
    denominator: population('aged_16_plus'),
    ...PER_100000_ADULTS,
    polarity: 'no-judgement',
    ci: 'byar',
    caveats: ['Referrals follow the places commissioned as much as the need, so a rise is not judged better or worse.'],
  },

  // Domestic homicide reviews: counts (DOMAIN.md 5.9).
  {
    id: 'dhr-reviews-commissioned',
    title: 'Domestic homicide reviews commissioned',
    definition: 'Domestic homicide reviews the community safety partnership decided to hold in the period, including reviews into a suicide where domestic abuse was a factor.',
    aim: 'safety-of-victims',
    source: 'dhr',
    numerator: ['reviews_commissioned'],
    denominator: COUNT,
    multiplier: 1,
    unit: 'reviews',
    decimals: 0,
    polarity: 'no-judgement',
    ci: 'byar',
    caveats: ['A review is decided on some weeks after a death, so the reviews of a period are not its deaths.'],
    valueNote: POISSON_COUNT_NOTE,
  },
  {
    id: 'dhr-deaths-reviewed',
    title: 'Deaths under domestic homicide review',
    definition: 'People whose deaths the domestic homicide reviews commissioned in the period are into (a review can be into more than one death).',
    aim: 'safety-of-victims',
    source: 'dhr',
    numerator: ['deaths_reviewed'],
    denominator: COUNT,
    multiplier: 1,
    unit: 'deaths',
    decimals: 0,
    polarity: 'no-judgement',
    ci: 'byar',
    valueNote: POISSON_COUNT_NOTE,
  },
  deliveredCount('dhr-reviews-published', 'Domestic homicide reviews published', 'Domestic homicide reviews published in the period, after the Home Office quality assurance panel.', 'safety-of-victims', 'dhr', 'reviews_published', 'reviews', 'no-judgement', {
    caveats: ['A review usually takes more than a year from being commissioned to being published.'],
    valueNote: 'A count of reviews finished, not a chance event: shown without an interval and not compared with other areas.',
  }),

  // Training (DOMAIN.md 5.9).
  deliveredCount('training-professionals-trained', 'Professionals trained in domestic abuse', 'Professionals who completed multi-agency domestic abuse training in the period, each counted once a quarter.', 'prevention-and-workforce', 'training', 'professionals_trained', 'professionals', 'higher-better', {
    valueNote: 'A count of training delivered, shown without an interval and not compared with other areas; someone trained again in a later quarter counts again in a year.',
  }),
  ...TRAINING_SECTOR_SHARES.map(([id, column, sector]) =>
    percentOf(id, `Professionals trained from ${sector}`, `Professionals trained in domestic abuse who work in ${sector}, as a share of all professionals trained.`, 'prevention-and-workforce', 'training', column, 'professionals_trained', 'no-judgement'),
  ),
  percentOf('training-confidence-pct', 'Professionals more confident after training', 'Evaluations in which the professional said they feel more confident to identify and respond to domestic abuse, as a share of evaluations returned.', 'prevention-and-workforce', 'training', 'evaluations_more_confident', 'evaluations_returned', 'higher-better', {
    caveats: ['Only professionals who returned an evaluation are counted; those who did not may differ.'],
  }),

  // Specialist community services (DOMAIN.md 5.9).
  {
    id: 'community-referral-rate',
    title: 'Referrals to specialist community services per 10,000 adults',
    definition: 'Referrals received by the specialist domestic abuse service (outreach, helpline, groups and counselling; not IDVAs), per 10,000 residents aged 16 and over.',
    aim: 'support-and-recovery',
    source: 'community-service',
    numerator: ['referrals_received'],
    denominator: population('aged_16_plus'),
    ...PER_10000_ADULTS,
    polarity: 'no-judgement',
    ci: 'byar',
    caveats: ['A rise can mean more abuse or more confidence to ask for help; it is not judged better or worse.'],
  },
  {
    id: 'community-helpline-contact-rate',
    title: 'Local helpline contacts per 10,000 adults',
    definition: 'Calls, messages and web chats answered by the local domestic abuse helpline or access point, per 10,000 residents aged 16 and over.',
    aim: 'support-and-recovery',
    source: 'community-service',
    numerator: ['helpline_contacts'],
    denominator: population('aged_16_plus'),
    ...PER_10000_ADULTS,
    polarity: 'no-judgement',
    ci: 'byar',
    valueNote: 'Contacts, not people: someone who calls three times counts three times.',
  },
  percentOf('community-outreach-feel-safer-pct', 'Outreach clients feeling safer at closure', 'Outreach cases closed where the client said they felt safer, as a share of outreach cases closed.', 'support-and-recovery', 'community-service', 'outreach_closed_feel_safer', 'outreach_cases_closed', 'higher-better'),
  deliveredCount('community-one-stop-shop-visits', 'One Stop Shop visits', 'Visits to the domestic abuse One Stop Shop in the period, each visit counted.', 'support-and-recovery', 'community-service', 'one_stop_shop_visits', 'visits', 'no-judgement', {
    valueNote: 'A count of visits, not people, shown without an interval and not compared with other areas.',
  }),
  deliveredCount('community-champions-trained', 'Domestic abuse champions trained', 'New domestic abuse champions trained in partner organisations in the period.', 'prevention-and-workforce', 'community-service', 'champions_trained', 'champions', 'higher-better', {
    valueNote: 'A count of champions trained, not the size of the network (people leave it too), shown without an interval.',
  }),

  // Court outcomes (DOMAIN.md 5.9).
  percentOf('conviction-rate', 'Domestic abuse prosecutions ending in a conviction', 'Domestic abuse-flagged prosecutions completed in the period that ended in a conviction, as a share of all completed (the CPS measure).', 'perpetrators', 'court-outcomes', 'convictions', 'prosecutions_completed', 'higher-better', {
    caveats: ['Counted when a prosecution completes, which can be more than a year after the crime.'],
  }),
  {
    id: 'protection-order-application-rate',
    title: 'Protection order applications per 100,000 adults',
    definition: 'Applications for non-molestation orders, occupation orders and Domestic Abuse Protection Orders, per 100,000 residents aged 16 and over.',
    aim: 'safety-of-victims',
    source: 'court-outcomes',
    numerator: ['protection_order_applications'],
    denominator: population('aged_16_plus'),
    ...PER_100000_ADULTS,
    polarity: 'higher-better',
    ci: 'byar',
    caveats: ["Central Bedfordshire's and Bexley's strategies count more applications to the courts as success: victims using the protection the law offers."],
  },
  percentOf('special-measures-granted-pct', 'Special measures applications granted', 'Applications for special measures (screens, live links, video-recorded evidence) for victims giving evidence that were granted, as a share of applications made.', 'safety-of-victims', 'court-outcomes', 'special_measures_granted', 'special_measures_applications', 'higher-better', {
    numeratorWithinDenominator: false,
    valueNote: 'Applications granted in the period over applications made in it: one made late in a quarter may be granted in the next.',
  }),
  percentOf('court-support-pct', 'Victims with specialist support at court', 'Victims of domestic abuse giving evidence who had specialist support (an IDVA or ISVA) at the hearing, as a share of those who attended court.', 'support-and-recovery', 'court-outcomes', 'witnesses_supported', 'witnesses_attending', 'higher-better'),

  // The safe accommodation duty's yearly return (DOMAIN.md 5.9): financial years only, summed over
  // the kinds of accommodation unless one is chosen.
  percentOf('safe-accommodation-accommodated-pct', 'Households referred to safe accommodation who were accommodated', 'Households accommodated in safe accommodation (or given a sanctuary scheme) in the financial year, as a share of the households referred to it, as in the national safe accommodation return.', 'safe-accommodation', 'safe-accommodation', 'households_accommodated', 'households_referred', 'higher-better', {
    caveats: [SAFE_ACCOMMODATION_YEARLY_CAVEAT],
    valueNote: SAFE_ACCOMMODATION_VALUE_NOTE,
    // Households accommodated and households referred are both published on their own (the
    // households rate, the no-space share), so referred − accommodated is not held back as a
    // count: hiding it would protect nothing the two shown figures do not already give.
    numeratorWithinDenominator: false,
  }),
  {
    id: 'safe-accommodation-households-rate',
    title: 'Households accommodated in safe accommodation per 1,000 people',
    definition: 'Households accommodated in safe accommodation (or given a sanctuary scheme) in the financial year, per 1,000 residents of all ages (the population estimates hold no household counts).',
    aim: 'safe-accommodation',
    source: 'safe-accommodation',
    numerator: ['households_accommodated'],
    denominator: population('all_ages'),
    multiplier: 1000,
    unit: 'households per 1,000 people',
    decimals: 2,
    polarity: 'no-judgement',
    ci: 'byar',
    caveats: [SAFE_ACCOMMODATION_YEARLY_CAVEAT, 'Follows the places commissioned as much as the need, so a rise is not judged better or worse.'],
    valueNote: SAFE_ACCOMMODATION_VALUE_NOTE,
  },
  percentOf('safe-accommodation-no-space-pct', 'Households referred to safe accommodation not accommodated for lack of space', 'Households referred to safe accommodation in the financial year whose main reason for not being accommodated was that there was no space, as a share of the households referred.', 'safe-accommodation', 'safe-accommodation', 'not_accommodated_no_space', 'households_referred', 'lower-better', {
    caveats: [SAFE_ACCOMMODATION_YEARLY_CAVEAT],
    valueNote: SAFE_ACCOMMODATION_VALUE_NOTE,
  }),
  percentOf('safe-accommodation-out-of-area-pct', 'Households in safe accommodation from another authority', 'Households accommodated in the financial year whose home was in another authority, as a share of the households accommodated.', 'safe-accommodation', 'safe-accommodation', 'households_from_outside_area', 'households_accommodated', 'no-judgement', {
    caveats: [SAFE_ACCOMMODATION_YEARLY_CAVEAT, 'Refuges take victims from elsewhere so that they are far from the perpetrator: a high share is expected, not a failing.'],
    valueNote: SAFE_ACCOMMODATION_VALUE_NOTE,
  }),
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

/** Whether an indicator is a count (no denominator): shown as the count, never compared with another area's. */
export function isCount(indicator: Pick<IndicatorDefinition, 'denominator'>): boolean {
  return indicator.denominator.kind === 'none';
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
      z.object({ kind: z.literal('none') }),
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
    partnership: z.number().int().optional().meta({ description: "A partnership's own measure: the partnership (only its members see it)" }),
    subkey: z.string().optional().meta({ description: "A partnership's own measure: its id in the local-measure return" }),
  })
  .meta({ id: 'Indicator' });
