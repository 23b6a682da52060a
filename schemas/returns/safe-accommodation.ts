// DOMAIN.md 5.9: the safe accommodation duty's yearly return, per tier-one authority (county or
// unitary council), financial year and kind of accommodation. Since the Domestic Abuse Act 2021,
// Part 4, every tier-one authority must assess the need for support in safe accommodation,
// commission it, and report to the government each year on the households referred to it, those
// supported in it and those it could not take, by kind of accommodation, and on the support
// given. This return follows that national return's shape, so a council can send the same figures
// to the partnership's board: Oxfordshire's delivery plan monitors its Sanctuary Scheme
// (seeds/003), Bexley its refuge provision (seeds/004).
//
// The quarterly `refuge` return (DOMAIN.md 5.5) is the provider's operational return (bed-nights,
// departures); this one is the council's statutory count over the year, and includes sanctuary
// schemes, where a household is kept safe in its own home rather than moved.
//
// A household is counted once in the year for each kind of accommodation it was referred to; the
// main reason a household was not accommodated is recorded once, so the reasons add up to the
// households not accommodated. Support is counted by type: one household can have several.
import { choice, count, localAuthorityColumn, notesColumn, periodColumnFor, yearlyKeys } from './columns';
import type { ReturnDefinition } from './definition';
import { notMoreThan, sumEquals, sumNotMoreThan } from './rules';

/** The national return's kinds of safe accommodation; `sanctuary_scheme` is support to stay at home. */
export const SAFE_ACCOMMODATION_TYPES = ['refuge', 'second_stage', 'dispersed', 'sanctuary_scheme', 'other'] as const;
export type SafeAccommodationType = (typeof SAFE_ACCOMMODATION_TYPES)[number];

/** The main reason a referred household was not accommodated, one per household. */
export const NOT_ACCOMMODATED_REASONS: Array<[string, string]> = [
  ['not_accommodated_no_space', 'Households not accommodated mainly because there was no space'],
  ['not_accommodated_needs_not_met', 'Households not accommodated mainly because the service could not meet their support needs (such as high mental health or substance use needs)'],
  ['not_accommodated_no_recourse', 'Households not accommodated mainly because of no recourse to public funds'],
  ['not_accommodated_declined', 'Households not accommodated because the victim declined the place or withdrew'],
  ['not_accommodated_other', 'Households not accommodated for any other main reason, or the reason was not known'],
];

/** Support within safe accommodation by type (statutory guidance under Part 4); a household can have several. */
export const SUPPORT_TYPES: Array<[string, string]> = [
  ['support_advocacy', 'Households given advocacy support (a named worker developing a safety and support plan)'],
  ['support_prevention_advice', 'Households given domestic abuse prevention advice (safety planning, recognising abuse)'],
  ['support_specialist', 'Households given support specialist to their needs (for example by and for services for Black and minoritised, disabled or LGBT victims)'],
  ['support_children', "Households given children's support (play therapy, child advocacy)"],
  ['support_housing', 'Households given housing-related support (moving on, tenancy and rights)'],
  ['support_financial_legal', 'Households given advice on money, benefits, immigration or legal matters'],
  ['support_counselling_therapy', 'Households given counselling or therapy, for adults or children'],
];

const ACCOMMODATED = 'households_accommodated';
/** The sub-key, named as the refuge return's is: partners call it the accommodation type. */
export const SAFE_ACCOMMODATION_TYPE_COLUMN = 'accommodation_type';

export const safeAccommodation: ReturnDefinition = {
  type: 'safe-accommodation',
  title: 'Safe accommodation duty return (yearly)',
  sentBy: 'the council, as the tier-one authority for the safe accommodation duty',
  reference: false,
  frequency: 'yearly',
  columns: [
    periodColumnFor('yearly'),
    localAuthorityColumn,
    choice(SAFE_ACCOMMODATION_TYPE_COLUMN, 'The kind of safe accommodation, as in the national return (a sanctuary scheme keeps a household safe in its own home)', SAFE_ACCOMMODATION_TYPES),
    count('units_at_year_end', 'Units of this kind commissioned at the end of the year (bed spaces, or sanctuary scheme installations the service can make at once)'),
    count('households_referred', 'Households referred to this kind of accommodation in the year, each counted once'),
    count(ACCOMMODATED, 'Of the households referred, those accommodated (or, for a sanctuary scheme, given one)'),
    count('households_not_accommodated', 'Of the households referred, those not accommodated'),
    ...NOT_ACCOMMODATED_REASONS.map(([name, description]) => count(name, description)),
    count('children_accommodated', 'Children in the households accommodated'),
    count('households_from_outside_area', 'Of the households accommodated, those whose home was in another authority'),
    ...SUPPORT_TYPES.map(([name, description]) => count(name, description)),
    notesColumn,
  ],
  keys: yearlyKeys(SAFE_ACCOMMODATION_TYPE_COLUMN),
  rules: [
    notMoreThan(ACCOMMODATED, 'households_referred', 'error', 'Households accommodated are counted among the households referred, so there cannot be more of them.'),
    sumNotMoreThan(
      ['households_not_accommodated', ACCOMMODATED],
      'households_referred',
      'error',
      'A household referred is either accommodated or not, so together they cannot be more than the households referred.',
    ),
    sumEquals(
      NOT_ACCOMMODATED_REASONS.map(([name]) => name),
      'households_not_accommodated',
      'error',
      'Each household not accommodated has one main reason recorded, so the reasons must add up to the households not accommodated.',
    ),
    notMoreThan('households_from_outside_area', ACCOMMODATED, 'error', 'Households from another authority are counted among the households accommodated, so there cannot be more of them.'),
    ...SUPPORT_TYPES.map(([name]) =>
      notMoreThan(name, ACCOMMODATED, 'error', 'Support of each type is counted for households accommodated, each once, so there cannot be more of them.'),
    ),
  ],
};
