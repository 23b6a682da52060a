// DOMAIN.md 5.2: the MARAC coordinator's return, per local authority per quarter.
import { count, localAuthorityColumn, notesColumn, periodColumn, quarterlyKeys } from './columns';
import type { ReturnDefinition } from './definition';
import { notMoreThan, sumEquals } from './rules';

const REFERRAL_SOURCES = [
  'referrals_police',
  'referrals_idva',
  'referrals_health',
  'referrals_childrens_services',
  'referrals_housing',
  'referrals_other',
];

const CHARACTERISTICS: Array<[string, string]> = [
  ['cases_bame', 'Cases where the victim is from a Black, Asian or minority ethnic group'],
  ['cases_lgbt', 'Cases where the victim is lesbian, gay, bisexual or trans'],
  ['cases_disabled', 'Cases where the victim is disabled'],
  ['cases_male', 'Cases where the victim is male'],
  ['cases_age_16_17', 'Cases where the victim is aged 16 or 17'],
];

export const marac: ReturnDefinition = {
  type: 'marac',
  title: 'MARAC return',
  sentBy: 'the MARAC coordinator',
  reference: false,
  columns: [
    periodColumn,
    localAuthorityColumn,
    count('cases_discussed', 'Cases discussed at MARAC'),
    count('repeat_cases', 'Cases also heard at MARAC in the 12 months before'),
    count('referrals_police', 'Cases referred by the police'),
    count('referrals_idva', 'Cases referred by an IDVA'),
    count('referrals_health', 'Cases referred by health services'),
    count('referrals_childrens_services', "Cases referred by children's services"),
    count('referrals_housing', 'Cases referred by housing'),
    count('referrals_other', 'Cases referred by anyone else'),
    count('children_in_households', 'Children in the households of the cases'),
    ...CHARACTERISTICS.map(([name, description]) => count(name, description)),
    notesColumn,
  ],
  keys: quarterlyKeys(),
  rules: [
    notMoreThan('repeat_cases', 'cases_discussed', 'error', 'Repeat cases are counted among the cases discussed, so there cannot be more of them.'),
    ...CHARACTERISTICS.map(([name]) =>
      notMoreThan(name, 'cases_discussed', 'error', 'These cases are counted among the cases discussed, so there cannot be more of them.'),
    ),
    sumEquals(REFERRAL_SOURCES, 'cases_discussed', 'error', 'Every case discussed was referred by exactly one of these agencies, so the referral columns must add up to the cases discussed.'),
  ],
};
