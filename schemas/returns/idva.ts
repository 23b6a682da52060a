// DOMAIN.md 5.3: the IDVA service's return, per local authority per quarter.
import { count, localAuthorityColumn, notesColumn, periodColumn, quarterlyKeys } from './columns';
import type { ReturnDefinition } from './definition';
import { notMoreThan } from './rules';

const OUTCOMES: Array<[string, string]> = [
  ['closed_abuse_ceased', 'Cases closed where the abuse had stopped'],
  ['closed_feel_safer', 'Cases closed where the client felt safer'],
  ['closed_quality_of_life_improved', "Cases closed where the client's quality of life had improved"],
];

const CLIENT_CHARACTERISTICS: Array<[string, string]> = [
  ['clients_male', 'New clients who are male'],
  ['clients_age_61_plus', 'New clients aged 61 or over'],
  ['clients_disabled', 'New clients who are disabled'],
  ['clients_lgbt', 'New clients who are lesbian, gay, bisexual or trans'],
  ['clients_bame', 'New clients from a Black, Asian or minority ethnic group'],
];

export const idva: ReturnDefinition = {
  type: 'idva',
  title: 'IDVA service return',
  sentBy: 'the IDVA service',
  reference: false,
  columns: [
    periodColumn,
    localAuthorityColumn,
    count('referrals_received', 'Referrals received'),
    count('referrals_high_risk', 'Referrals assessed as high risk'),
    count('clients_engaged', 'New clients who accepted support'),
    count('cases_closed', 'Cases closed in the quarter'),
    ...OUTCOMES.map(([name, description]) => count(name, description)),
    ...CLIENT_CHARACTERISTICS.map(([name, description]) => count(name, description)),
    notesColumn,
  ],
  keys: quarterlyKeys(),
  rules: [
    notMoreThan('referrals_high_risk', 'referrals_received', 'error', 'High-risk referrals are counted among all referrals, so there cannot be more of them.'),
    ...OUTCOMES.map(([name]) =>
      notMoreThan(name, 'cases_closed', 'error', 'Outcomes are recorded for cases closed, so there cannot be more of them than cases closed.'),
    ),
    ...CLIENT_CHARACTERISTICS.map(([name]) =>
      notMoreThan(name, 'clients_engaged', 'error', 'These clients are counted among the new clients, so there cannot be more of them.'),
    ),
    notMoreThan('clients_engaged', 'referrals_received', 'warning', 'Usually fewer clients engage than are referred; this can happen when referrals from the quarter before engage now.'),
  ],
};
