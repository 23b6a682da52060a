// DOMAIN.md 5.4: children's social care return, per local authority per quarter.
import { count, localAuthorityColumn, notesColumn, periodColumn, quarterlyKeys } from './columns';
import type { ColumnSpec, ReturnDefinition } from './definition';
import { notMoreThan } from './rules';

// Each measure is a total and the part of it where domestic abuse was a factor.
const MEASURES: Array<[string, string, string]> = [
  ['contacts', 'Contacts to the front door', 'Contacts citing domestic abuse'],
  ['referrals', "Referrals to children's social care", 'Referrals with domestic abuse as a factor'],
  ['assessments', 'Completed assessments', 'Assessments identifying domestic abuse as a factor'],
  ['cp_plans_started', 'Children becoming subject to a child protection plan', 'Child protection plans started where domestic abuse was a factor'],
  ['early_help_episodes', 'Early help episodes started', 'Early help episodes citing parental domestic abuse'],
];

export const csc: ReturnDefinition = {
  type: 'csc',
  title: "Children's social care return",
  sentBy: "the council's children's services",
  reference: false,
  columns: [
    periodColumn,
    localAuthorityColumn,
    ...MEASURES.flatMap(([name, total, da]): ColumnSpec[] => [count(name, total), count(`${name}_da`, da)]),
    notesColumn,
  ],
  keys: quarterlyKeys(),
  rules: MEASURES.map(([name]) =>
    notMoreThan(`${name}_da`, name, 'error', 'Those where domestic abuse was a factor are counted in the total, so there cannot be more of them.'),
  ),
};
