// Known answers for the unit wording: every figure for a quarter says so; years are unchanged.
import { describe, expect, it } from 'vitest';
import { countHeading, denominatorNoun, unitCaptionFor, unitFor, valueWithUnit, withUnit, type UnitSubject } from './units';

const INCIDENT_RATE: UnitSubject = { unit: 'per 1,000 people', decimals: 1, denominator: { kind: 'population', group: 'all_ages' } };
const REPEAT_VICTIMS: UnitSubject = { unit: '%', decimals: 1, denominator: { kind: 'columns', columns: ['victims'] } };
const MARAC_REPEAT: UnitSubject = { unit: '%', decimals: 1, denominator: { kind: 'columns', columns: ['cases_discussed'] } };
const CP_PLANS: UnitSubject = { unit: '%', decimals: 1, denominator: { kind: 'columns', columns: ['cp_plans_started'] } };
const SHARE_OF_SUM: UnitSubject = { unit: '%', decimals: 1, denominator: { kind: 'columns', columns: ['a', 'b'] } };
const ARRESTS: UnitSubject = { unit: 'per 100 crimes', decimals: 1, denominator: { kind: 'columns', columns: ['crimes'] } };
const STAY: UnitSubject = { unit: 'nights', decimals: 0, denominator: { kind: 'columns', columns: ['departures'] } };
const CHILDREN_PER_CASE: UnitSubject = { unit: 'children per case', decimals: 2 };

describe('unitFor: a quarter says it is a quarter', () => {
  it.each([
    [INCIDENT_RATE, 'per 1,000 people in the quarter'],
    [ARRESTS, 'per 100 crimes in the quarter'],
    [REPEAT_VICTIMS, '% of victims in the quarter'],
    [MARAC_REPEAT, '% of cases discussed in the quarter'],
    [CP_PLANS, '% of children starting a child protection plan in the quarter'],
    [SHARE_OF_SUM, '% (quarter)'],
    [STAY, 'nights (quarter)'],
    [CHILDREN_PER_CASE, 'children per case (quarter)'],
  ])('%o → %s', (subject, expected) => expect(unitFor(subject, 'quarter')).toBe(expected));

  it.each(['financial-year', 'calendar-year', 'rolling-year', null] as const)('leaves the unit as it is for %s', (kind) => {
    expect(unitFor(INCIDENT_RATE, kind)).toBe('per 1,000 people');
    expect(unitFor(REPEAT_VICTIMS, kind)).toBe('%');
  });
});

describe('captions, values and headings', () => {
  it('writes % as per cent under a big number', () => {
    expect(unitCaptionFor(REPEAT_VICTIMS, 'quarter')).toBe('per cent of victims in the quarter');
    expect(unitCaptionFor(REPEAT_VICTIMS, 'financial-year')).toBe('per cent');
    expect(unitCaptionFor(INCIDENT_RATE, 'quarter')).toBe('per 1,000 people in the quarter');
  });

  it('puts the unit after the value', () => {
    // Buckinghamshire 2026-27 Q2: 2,846 incidents among 577,400 people is 4.9 per 1,000 in the quarter.
    expect(valueWithUnit((2846 / 577_400) * 1000, INCIDENT_RATE, 'quarter')).toBe('4.9 per 1,000 people in the quarter');
    expect(valueWithUnit(19.5, INCIDENT_RATE, 'rolling-year')).toBe('19.5 per 1,000 people');
    expect(valueWithUnit(25, REPEAT_VICTIMS, 'quarter')).toBe('25.0% of victims in the quarter');
    expect(valueWithUnit(25, REPEAT_VICTIMS, 'financial-year')).toBe('25.0%');
    expect(valueWithUnit(34, STAY, 'quarter')).toBe('34 nights (quarter)');
    expect(valueWithUnit(null, STAY, 'quarter')).toBe('no data');
  });

  it('brackets the unit in a heading', () => {
    expect(withUnit('Bexley value', REPEAT_VICTIMS, 'quarter')).toBe('Bexley value (% of victims in the quarter)');
    expect(withUnit('Value', INCIDENT_RATE, 'financial-year')).toBe('Value (per 1,000 people)');
  });

  it('names a share’s denominator only when it is one column', () => {
    expect(denominatorNoun(REPEAT_VICTIMS)).toBe('victims');
    expect(denominatorNoun(INCIDENT_RATE)).toBeNull();
    expect(denominatorNoun(SHARE_OF_SUM)).toBeNull();
    expect(denominatorNoun({ unit: '%', decimals: 1 })).toBeNull();
  });
});

describe('countHeading: a count for a quarter says so', () => {
  it('adds "in the quarter" for a quarter only', () => {
    expect(countHeading('Numerator', 'quarter')).toBe('Numerator (in the quarter)');
    expect(countHeading('Numerator', 'rolling-year')).toBe('Numerator');
    expect(countHeading('Numerator', null)).toBe('Numerator');
  });
});
