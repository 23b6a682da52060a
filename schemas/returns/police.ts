// DOMAIN.md 5.1: the police force's return, per local authority per quarter.
import { count, localAuthorityColumn, notesColumn, periodColumn, quarterlyKeys } from './columns';
import type { ReturnDefinition } from './definition';
import { notMoreThan, sumNotMoreThan } from './rules';

/**
 * The columns that count distinct people (DOMAIN.md 5.1), with what they count. A person with
 * incidents in two quarters is in both quarters' counts, so these are never added across
 * quarters: a year or a rolling twelve months takes them from the `_12m` column of its last
 * quarter, the force's own count of distinct people over the twelve months ending then.
 */
const PEOPLE: Record<string, string> = {
  victims: 'Distinct victims',
  repeat_victims: 'Victims with another DA incident in the 12 months before',
  victims_female: 'Victims recorded as female',
  victims_male: 'Victims recorded as male',
  victims_ethnicity_recorded: 'Victims whose ethnicity was recorded',
  perpetrators: 'Distinct suspects',
  repeat_perpetrators: 'Suspects with another DA incident in the 12 months before',
};

/** The suffix of a person column's twelve-month count: `victims` → `victims_12m`. */
export const TWELVE_MONTHS_SUFFIX = '_12m';

/** When the `_12m` columns joined the template; a file without them is from the earlier version. */
const TWELVE_MONTH_COLUMNS_ADDED = 'December 2026';

function twelveMonths(column: string) {
  const description = PEOPLE[column];
  return {
    ...count(`${column}${TWELVE_MONTHS_SUFFIX}`, `${description}, each counted once over the 12 months ending with the quarter`),
    addedIn: TWELVE_MONTH_COLUMNS_ADDED,
  };
}

/** Person rules hold for the quarter's counts and for the twelve months' counts alike. */
const personRules = (suffix: string) => [
  notMoreThan(`repeat_victims${suffix}`, `victims${suffix}`, 'error', 'Repeat victims are counted among all victims, so there cannot be more of them.'),
  sumNotMoreThan([`victims_female${suffix}`, `victims_male${suffix}`], `victims${suffix}`, 'error', 'Female and male victims are part of all victims, so together they cannot be more.'),
  notMoreThan(`victims_ethnicity_recorded${suffix}`, `victims${suffix}`, 'error', 'Victims with ethnicity recorded are counted among all victims, so there cannot be more of them.'),
  notMoreThan(`repeat_perpetrators${suffix}`, `perpetrators${suffix}`, 'error', 'Repeat perpetrators are counted among all perpetrators, so there cannot be more of them.'),
];

export const police: ReturnDefinition = {
  type: 'police',
  title: 'Police domestic abuse return',
  sentBy: 'the police force',
  reference: false,
  columns: [
    periodColumn,
    localAuthorityColumn,
    count('incidents', 'DA-related incidents recorded (crimes and non-crime incidents)'),
    count('crimes', 'DA-related crimes recorded'),
    count('incidents_child_present', 'Incidents where a child was present'),
    count('victims', PEOPLE.victims),
    count('repeat_victims', PEOPLE.repeat_victims),
    count('victims_female', PEOPLE.victims_female),
    count('victims_male', PEOPLE.victims_male),
    count('victims_ethnicity_recorded', PEOPLE.victims_ethnicity_recorded),
    count('perpetrators', PEOPLE.perpetrators),
    count('repeat_perpetrators', PEOPLE.repeat_perpetrators),
    count('arrests', 'Arrests for DA-related crimes'),
    count('charges', 'DA-related crimes resulting in a charge or summons'),
    count('dvpn_issued', 'Domestic Violence Protection Notices issued'),
    count('dvpo_granted', 'Domestic Violence Protection Orders granted'),
    count('dapo_granted', 'Domestic Abuse Protection Orders granted'),
    count('dvds_applications', "Clare's Law applications (right to ask and right to know)"),
    count('dvds_disclosures', "Clare's Law disclosures made"),
    ...Object.keys(PEOPLE).map(twelveMonths),
    notesColumn,
  ],
  keys: quarterlyKeys(),
  personColumns: { columns: Object.keys(PEOPLE), twelveMonthSuffix: TWELVE_MONTHS_SUFFIX },
  rules: [
    ...personRules(''),
    notMoreThan('incidents_child_present', 'incidents', 'error', 'Incidents with a child present are counted among all incidents, so there cannot be more of them.'),
    ...personRules(TWELVE_MONTHS_SUFFIX),
    notMoreThan('crimes', 'incidents', 'warning', 'Crimes are usually counted among incidents: please check both figures.'),
    notMoreThan('charges', 'crimes', 'warning', 'Usually fewer crimes are charged than recorded: please check both figures.'),
    notMoreThan('dvpo_granted', 'dvpn_issued', 'warning', 'A protection order usually follows a notice: please check both figures.'),
    notMoreThan('dvds_disclosures', 'dvds_applications', 'warning', 'Disclosures usually follow applications: please check both figures.'),
    ...Object.keys(PEOPLE).map((column) =>
      notMoreThan(column, `${column}${TWELVE_MONTHS_SUFFIX}`, 'warning', 'Everyone counted in the quarter is also in the twelve months ending with it: please check both figures.'),
    ),
  ],
};
