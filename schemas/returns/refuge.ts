// DOMAIN.md 5.5: the safe accommodation provider's return, per area, accommodation type and quarter.
import { parseQuarterId, daysInQuarter } from '../periods';
import { choice, count, localAuthorityColumn, notesColumn, periodColumn, quarterlyKeys } from './columns';
import type { ReturnDefinition, RowRule } from './definition';
import { notMoreThan, sumNotMoreThan } from './rules';
import { plural } from './words';

export const ACCOMMODATION_TYPES = ['refuge', 'specialist_refuge', 'dispersed', 'second_stage', 'other'] as const;
export type AccommodationType = (typeof ACCOMMODATION_TYPES)[number];
/** The sub-key of a refuge row. */
export const ACCOMMODATION_TYPE_COLUMN = 'accommodation_type';

/** A unit can be occupied at most once a night, so capacity is bounded by units × nights in the quarter. */
const capacityWithinUnits: RowRule = {
  column: 'unit_nights_available',
  reads: ['unit_nights_available', 'units'],
  severity: 'error',
  code: 'unit-nights-more-than-units-times-days',
  check: (f, { period }) => {
    const days = daysInQuarter(parseQuarterId(period)!);
    const most = f.units * days;
    return f.unit_nights_available > most
      ? `There are more unit-nights available (${f.unit_nights_available.toLocaleString('en-GB')}) than ${plural(f.units, 'unit')} × ${days} days in the quarter = ${most.toLocaleString('en-GB')}. A unit can be available at most once a night: please check both figures.`
      : null;
  },
};

export const refuge: ReturnDefinition = {
  type: 'refuge',
  title: 'Safe accommodation return',
  sentBy: 'the refuge or safe accommodation provider',
  reference: false,
  columns: [
    periodColumn,
    localAuthorityColumn,
    choice(ACCOMMODATION_TYPE_COLUMN, 'The kind of accommodation', ACCOMMODATION_TYPES),
    count('units', 'Units (bed spaces) available at the end of the quarter'),
    count('unit_nights_available', 'Unit-nights available over the quarter'),
    count('unit_nights_occupied', 'Unit-nights occupied over the quarter'),
    count('referrals_received', 'Referrals received'),
    count('households_accommodated', 'Households admitted'),
    count('referrals_declined_no_space', 'Referrals declined because there was no space'),
    count('referrals_declined_unsuitable', 'Referrals declined as unsuitable'),
    count('adults_accommodated', 'Adults admitted'),
    count('children_accommodated', 'Children admitted'),
    count('departures', 'Households leaving'),
    count('departures_planned_move_on', 'Households leaving to a planned move-on'),
    count('nights_stayed_departures', 'Total nights stayed by the households that left'),
    count('households_from_outside_area', 'Admissions whose home was outside the area'),
    notesColumn,
  ],
  keys: quarterlyKeys(ACCOMMODATION_TYPE_COLUMN),
  rules: [
    notMoreThan('unit_nights_occupied', 'unit_nights_available', 'error', 'Units cannot be occupied for more nights than they were available.'),
    capacityWithinUnits,
    notMoreThan('departures_planned_move_on', 'departures', 'error', 'Planned move-ons are counted among all departures, so there cannot be more of them.'),
    notMoreThan('households_from_outside_area', 'households_accommodated', 'error', 'Admissions from outside the area are counted among all admissions, so there cannot be more of them.'),
    sumNotMoreThan(
      ['households_accommodated', 'referrals_declined_no_space', 'referrals_declined_unsuitable'],
      'referrals_received',
      'warning',
      'Each referral is usually either admitted or declined: please check these figures.',
    ),
  ],
};
