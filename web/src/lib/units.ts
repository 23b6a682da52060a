// How a figure's unit is written for the period it covers. A board reads years, so every figure
// for a quarter says that it is for a quarter (DOMAIN.md section 4): 4.9 incidents per 1,000
// people in a quarter is not to be read against a strategy's 19.5 a year. Cards, charts, the
// tables beside them, downloads and print all take the wording from here. Worked examples are
// in units.test.ts.
import type { PeriodKind } from '../../../schemas/periods';
import { formatValue, isPercent, type UnitFormat } from './format';

/** An indicator's unit, and what a percentage is a share of. */
export interface UnitSubject extends UnitFormat {
  denominator?: { kind: 'columns'; columns: string[] } | { kind: 'population'; group: string } | { kind: 'none' };
}

/**
 * What a share is of, from the denominator's column: "victims", "crimes", "referrals received".
 * Column names read as plain words once underscores are spaces, except these.
 */
const DENOMINATOR_NOUNS: Record<string, string> = {
  cp_plans_started: 'children starting a child protection plan',
  unit_nights_available: 'unit-nights available',
};

export function denominatorNoun(subject: UnitSubject): string | null {
  const d = subject.denominator;
  if (!d || d.kind !== 'columns' || d.columns.length !== 1) return null;
  const column = d.columns[0];
  return DENOMINATOR_NOUNS[column] ?? column.replace(/_/g, ' ');
}

const IN_THE_QUARTER = 'in the quarter';
const QUARTER_TAG = '(quarter)';

/**
 * The unit as written beside a figure for a period of this kind. For a quarter:
 *   "per 1,000 people" → "per 1,000 people in the quarter"
 *   "%" (of victims)   → "% of victims in the quarter"
 *   "%" (no single denominator column) → "% (quarter)"
 *   "nights"           → "nights (quarter)"
 * For a year, a rolling year or an unknown period the unit is unchanged.
 */
export function unitFor(subject: UnitSubject, kind: PeriodKind | null): string {
  if (kind !== 'quarter') return subject.unit;
  if (isPercent(subject)) {
    const noun = denominatorNoun(subject);
    return noun ? `% of ${noun} ${IN_THE_QUARTER}` : `% ${QUARTER_TAG}`;
  }
  return subject.unit.startsWith('per ') ? `${subject.unit} ${IN_THE_QUARTER}` : `${subject.unit} ${QUARTER_TAG}`;
}

/** The unit as a caption under a big number, where "%" is written "per cent": "per cent of victims in the quarter". */
export function unitCaptionFor(subject: UnitSubject, kind: PeriodKind | null): string {
  const unit = unitFor(subject, kind);
  return isPercent(subject) ? unit.replace(/^%/, 'per cent') : unit;
}

/**
 * A value with its unit written out: "25.0%" for a year, "25.0% of victims in the quarter",
 * "4.9 per 1,000 people in the quarter", "34 nights (quarter)"; "no data" alone.
 */
export function valueWithUnit(value: number | null | undefined, subject: UnitSubject, kind: PeriodKind | null): string {
  const text = formatValue(value, subject);
  if (text === 'no data') return text;
  const unit = unitFor(subject, kind);
  if (isPercent(subject)) return unit === '%' ? text : `${text}${unit.slice(1)}`;
  return `${text} ${unit}`;
}

/** A table column or axis heading with the unit in brackets: "Bexley value (% of victims in the quarter)". */
export function withUnit(heading: string, subject: UnitSubject, kind: PeriodKind | null): string {
  return `${heading} (${unitFor(subject, kind)})`;
}


/**
 * A count column's heading for a period of this kind: "Numerator (in the quarter)" for a
 * quarter, unchanged otherwise. Not for a population, which is not counted in a quarter.
 */
export function countHeading(heading: string, kind: PeriodKind | null): string {
  return kind === 'quarter' ? `${heading} (${IN_THE_QUARTER})` : heading;
}
