// How return types, columns, counts and periods are written inside a sentence a partner reads:
// acronyms in capitals (DA, DVPO, IDVA, MARAC), the right article ("an IDVA service return",
// "a MARAC return", "published benchmark values"), plurals ("1 row", "2 rows") and population
// years ("mid-2017 population estimate"). Shared by the server's messages and the web app.
import { parsePeriodId } from '../periods';

/** Plain words for every column of every return, short enough to sit in a sentence. */
const COLUMN_WORDS: Record<string, string> = {
  period: 'period',
  area_code: 'area',
  notes: 'notes',
  // police
  incidents: 'DA-related incidents',
  crimes: 'DA-related crimes',
  incidents_child_present: 'incidents with a child present',
  victims: 'victims',
  repeat_victims: 'repeat victims',
  victims_female: 'female victims',
  victims_male: 'male victims',
  victims_ethnicity_recorded: 'victims with their ethnicity recorded',
  perpetrators: 'perpetrators',
  repeat_perpetrators: 'repeat perpetrators',
  arrests: 'arrests',
  charges: 'charges',
  dvpn_issued: 'DVPNs issued',
  dvpo_granted: 'DVPOs granted',
  dapo_granted: 'DAPOs granted',
  dvds_applications: "Clare's Law applications",
  dvds_disclosures: "Clare's Law disclosures",
  // marac
  cases_discussed: 'cases discussed',
  repeat_cases: 'repeat cases',
  referrals_police: 'referrals from the police',
  referrals_idva: 'referrals from IDVAs',
  referrals_health: 'referrals from health services',
  referrals_childrens_services: "referrals from children's services",
  referrals_housing: 'referrals from housing',
  referrals_other: 'referrals from anyone else',
  children_in_households: 'children in the households',
  cases_bame: 'cases with a Black, Asian or minority ethnic victim',
  cases_lgbt: 'cases with an LGBT victim',
  cases_disabled: 'cases with a disabled victim',
  cases_male: 'cases with a male victim',
  cases_age_16_17: 'cases with a victim aged 16 or 17',
  // idva
  referrals_received: 'referrals received',
  referrals_high_risk: 'high-risk referrals',
  clients_engaged: 'new clients',
  cases_closed: 'cases closed',
  closed_abuse_ceased: 'closed cases where the abuse had stopped',
  closed_feel_safer: 'closed cases where the client felt safer',
  closed_quality_of_life_improved: "closed cases where the client's quality of life had improved",
  clients_male: 'new male clients',
  clients_age_61_plus: 'new clients aged 61 or over',
  clients_disabled: 'new disabled clients',
  clients_lgbt: 'new LGBT clients',
  clients_bame: 'new Black, Asian or minority ethnic clients',
  // csc
  contacts: 'contacts',
  contacts_da: 'contacts citing DA',
  referrals: 'referrals',
  referrals_da: 'referrals with DA as a factor',
  assessments: 'assessments',
  assessments_da: 'assessments with DA as a factor',
  cp_plans_started: 'child protection plans started',
  cp_plans_started_da: 'child protection plans started with DA as a factor',
  early_help_episodes: 'early help episodes',
  early_help_episodes_da: 'early help episodes citing parental DA',
  // refuge
  accommodation_type: 'accommodation type',
  units: 'units',
  unit_nights_available: 'unit-nights available',
  unit_nights_occupied: 'unit-nights occupied',
  households_accommodated: 'households admitted',
  referrals_declined_no_space: 'referrals declined for lack of space',
  referrals_declined_unsuitable: 'referrals declined as unsuitable',
  adults_accommodated: 'adults admitted',
  children_accommodated: 'children admitted',
  departures: 'households leaving',
  departures_planned_move_on: 'households leaving to a planned move-on',
  nights_stayed_departures: 'nights stayed by the households leaving',
  households_from_outside_area: 'admissions from outside the area',
  // perpetrator-programme
  programme: 'programme',
  assessed_suitable: 'people assessed as suitable',
  starts: 'people starting',
  completions: 'people completing',
  waiting_days_total: 'days waited',
  // dhr
  notifications_received: 'deaths notified',
  reviews_commissioned: 'reviews commissioned',
  reviews_commissioned_suicide: 'reviews commissioned into a suicide',
  deaths_reviewed: 'deaths under review',
  children_bereaved: 'children bereaved',
  reviews_in_progress: 'reviews in progress',
  reviews_submitted_home_office: 'reviews sent to the Home Office',
  reviews_published: 'reviews published',
  // training
  professionals_trained: 'professionals trained',
  trained_police: 'professionals trained from the police',
  trained_health: 'professionals trained from health services',
  trained_social_care: 'professionals trained from social care',
  trained_education: 'professionals trained from education',
  trained_housing: 'professionals trained from housing',
  trained_criminal_justice: 'professionals trained from criminal justice',
  trained_voluntary: 'professionals trained from voluntary organisations',
  trained_other: 'professionals trained from other sectors',
  module_basic_awareness: 'places on basic awareness training',
  module_risk_safety_planning: 'places on risk and safety planning training',
  module_children_families: 'places on children and families training',
  module_young_people: 'places on young people training',
  module_champions: 'places on champions training',
  module_coercive_control: 'places on coercive control training',
  module_stalking_harassment: 'places on stalking and harassment training',
  module_honour_based_abuse: "places on 'honour'-based abuse training",
  evaluations_returned: 'evaluations returned',
  evaluations_more_confident: 'evaluations saying the professional feels more confident',
  // community-service
  helpline_contacts: 'helpline contacts',
  outreach_clients: 'new outreach clients',
  outreach_cases_closed: 'outreach cases closed',
  outreach_closed_feel_safer: 'closed outreach cases where the client felt safer',
  counselling_clients: 'people starting counselling',
  group_programme_starts: 'people starting a group programme',
  group_programme_completions: 'people completing a group programme',
  one_stop_shop_visits: 'One Stop Shop visits',
  champions_trained: 'DA champions trained',
  // court-outcomes
  prosecutions_completed: 'prosecutions completed',
  convictions: 'convictions',
  guilty_pleas: 'guilty pleas',
  restraining_orders: 'restraining orders',
  protection_order_applications: 'protection order applications',
  protection_orders_made: 'protection orders made',
  special_measures_applications: 'special measures applications',
  special_measures_granted: 'special measures granted',
  witnesses_attending: 'victims attending court to give evidence',
  witnesses_supported: 'victims supported at court',
  // safe-accommodation
  units_at_year_end: 'units at the end of the year',
  households_referred: 'households referred',
  households_not_accommodated: 'households not accommodated',
  not_accommodated_no_space: 'households not accommodated for lack of space',
  not_accommodated_needs_not_met: 'households not accommodated as their needs could not be met',
  not_accommodated_no_recourse: 'households not accommodated for no recourse to public funds',
  not_accommodated_declined: 'households not accommodated as the victim declined',
  not_accommodated_other: 'households not accommodated for another reason',
  support_advocacy: 'households given advocacy support',
  support_prevention_advice: 'households given DA prevention advice',
  support_specialist: 'households given specialist support',
  support_children: "households given children's support",
  support_housing: 'households given housing-related support',
  support_financial_legal: 'households given money or legal advice',
  support_counselling_therapy: 'households given counselling or therapy',
  // population
  year: 'year',
  all_ages: 'residents of all ages',
  aged_16_plus: 'residents aged 16 and over',
  females_16_plus: 'women aged 16 and over',
  aged_0_17: 'children aged 0 to 17',
  // local-measure
  measure: 'measure',
  // benchmark
  indicator: 'indicator',
  numerator: 'people or events counted in the numerator',
  denominator: 'people or events counted in the denominator',
  value: 'published value',
  source: 'source',
};

/** A person column's twelve-month count (DOMAIN.md 5.1): `repeat_victims_12m`. */
const TWELVE_MONTHS = /_12m$/;

/**
 * A column in words, lower case except for acronyms and names: `dvpo_granted` → "DVPOs granted",
 * `repeat_victims_12m` → "12-month repeat victims". A column not listed is spelt out from its name.
 */
export function columnWords(column: string): string {
  if (TWELVE_MONTHS.test(column)) return `12-month ${columnWords(column.replace(TWELVE_MONTHS, ''))}`;
  return COLUMN_WORDS[column] ?? column.replace(/_/g, ' ');
}

/** Whether every column name has words written for it (checked by the tests). */
export function hasColumnWords(column: string): boolean {
  return column.replace(TWELVE_MONTHS, '') in COLUMN_WORDS;
}

/** The first letter in capitals, for the start of a sentence. */
export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * A description written to stand alone ("Distinct victims", "DA-related crimes", "Clare's Law
 * applications") as it reads inside a sentence: the first letter is lowered only when the first
 * word is an ordinary word, not an acronym ("DA-related") or the start of a name ("Clare's Law",
 * "Domestic Violence Protection Notices").
 */
export function inSentence(text: string): string {
  const [first, second] = text.split(/\s+/);
  if (!first || !/^[A-Z][a-z'’]*([-,][a-z]+)*[,]?$/.test(first)) return text;
  if (/^[A-Z]/.test(second ?? '') && !/^[A-Z]{2,}/.test(second ?? '')) return text;
  if (/['’]s$/.test(first)) return text;
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** "1 row", "2 rows", "1,000 rows"; `many` defaults to `one` + "s". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;
}

/** "a", "a and b", "a, b and c". */
export function listInWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/**
 * How a return type is named inside a sentence. `name` keeps its acronyms ("IDVA service
 * return"); `article` is "a" or "an", or empty for a plural name ("published benchmark values").
 */
const RETURN_NAMES: Record<string, { name: string; article: 'a' | 'an' | '' }> = {
  police: { name: 'police return', article: 'a' },
  marac: { name: 'MARAC return', article: 'a' },
  idva: { name: 'IDVA service return', article: 'an' },
  csc: { name: "children's social care return", article: 'a' },
  refuge: { name: 'safe accommodation return', article: 'a' },
  'perpetrator-programme': { name: 'perpetrator programme return', article: 'a' },
  dhr: { name: 'domestic homicide review return', article: 'a' },
  training: { name: 'training return', article: 'a' },
  'community-service': { name: 'community services return', article: 'a' },
  'court-outcomes': { name: 'court outcomes return', article: 'a' },
  'safe-accommodation': { name: 'yearly safe accommodation duty return', article: 'a' },
  'local-measure': { name: 'local measure return', article: 'a' },
  population: { name: 'population estimates', article: '' },
  benchmark: { name: 'published benchmark values', article: '' },
};

/** A return type in a sentence without an article: "IDVA service return", "published benchmark values". */
export function returnName(type: string): string {
  return RETURN_NAMES[type]?.name ?? `${type} return`;
}

/** "an IDVA service return", "a MARAC return", "published benchmark values" (as in "Upload …"). */
export function aReturn(type: string): string {
  const named = RETURN_NAMES[type];
  if (!named) return `a ${type} return`;
  return named.article ? `${named.article} ${named.name}` : named.name;
}

/** "the IDVA service return", "the published benchmark values". */
export function theReturn(type: string): string {
  return `the ${returnName(type)}`;
}

/** "the MARAC return template", "the published benchmark values template". */
export function theTemplate(type: string): string {
  return `the ${returnName(type)} template`;
}

/**
 * A stored period in words for its return type. Population rows are keyed by the year of the
 * ONS mid-year estimate ("2017" → "mid-2017 population estimate"), which is not the calendar year
 * 2017 that a return's "2017" stands for; every other period uses its own label.
 */
export function periodInWords(returnType: string, period: string): string {
  if (returnType === 'population' && /^\d{4}$/.test(period)) return `mid-${period} population estimate`;
  return parsePeriodId(period)?.label ?? period;
}
