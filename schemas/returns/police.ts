// DOMAIN.md 5.1: the police force's return, per local authority per quarter.
import { count, localAuthorityColumn, notesColumn, periodColumn, quarterlyKey } from './columns';
import type { ReturnDefinition } from './definition';
import { notMoreThan, sumNotMoreThan } from './rules';

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
    count('victims', 'Distinct victims'),
    count('repeat_victims', 'Victims with another DA incident in the 12 months before'),
    count('victims_female', 'Victims recorded as female'),
    count('victims_male', 'Victims recorded as male'),
    count('victims_ethnicity_recorded', 'Victims whose ethnicity was recorded'),
    count('perpetrators', 'Distinct suspects'),
    count('repeat_perpetrators', 'Suspects with another DA incident in the 12 months before'),
    count('arrests', 'Arrests for DA-related crimes'),
    count('charges', 'DA-related crimes resulting in a charge or summons'),
    count('dvpn_issued', 'Domestic Violence Protection Notices issued'),
    count('dvpo_granted', 'Domestic Violence Protection Orders granted'),
    count('dapo_granted', 'Domestic Abuse Protection Orders granted'),
    count('dvds_applications', "Clare's Law applications (right to ask and right to know)"),
    count('dvds_disclosures', "Clare's Law disclosures made"),
    notesColumn,
  ],
  key: quarterlyKey(),
  rules: [
    notMoreThan('repeat_victims', 'victims', 'error', 'Repeat victims are counted among all victims, so there cannot be more of them.'),
    sumNotMoreThan(['victims_female', 'victims_male'], 'victims', 'error', 'Female and male victims are part of all victims, so together they cannot be more.'),
    notMoreThan('victims_ethnicity_recorded', 'victims', 'error', 'Victims with ethnicity recorded are counted among all victims, so there cannot be more of them.'),
    notMoreThan('repeat_perpetrators', 'perpetrators', 'error', 'Repeat perpetrators are counted among all perpetrators, so there cannot be more of them.'),
    notMoreThan('incidents_child_present', 'incidents', 'error', 'Incidents with a child present are counted among all incidents, so there cannot be more of them.'),
    notMoreThan('crimes', 'incidents', 'warning', 'Crimes are usually counted among incidents: please check both figures.'),
    notMoreThan('charges', 'crimes', 'warning', 'Usually fewer crimes are charged than recorded: please check both figures.'),
    notMoreThan('dvpo_granted', 'dvpn_issued', 'warning', 'A protection order usually follows a notice: please check both figures.'),
    notMoreThan('dvds_disclosures', 'dvds_applications', 'warning', 'Disclosures usually follow applications: please check both figures.'),
  ],
};
