// Disclosure control (DOMAIN.md section 8). Small counts of victims can identify people, so
// every figure the engine publishes passes through `disclose` below, and every count the engine
// adds up carries a `suppressed` flag decided by `suppressTotal`.
//
// THE RULE
//
//  1. Primary: a count from 1 to threshold − 1 (DEFAULT_DISCLOSURE_THRESHOLD = 5, so 1–4) is
//     suppressed. Zero is shown. Population denominators are public and never suppressed.
//  2. An indicator whose numerator or denominator is suppressed is suppressed: status
//     'suppressed' and no numerator, denominator, value or limits (a value and a shown
//     denominator would give the numerator back by multiplication).
//  3. Secondary: a total is suppressed when it can be written as a sum of parts of which
//     exactly one is suppressed and every other part is shown, because then
//     total − (the shown parts) is the suppressed part. The sums the engine knows are:
//       - a parent area over its children (same period),
//       - a year or rolling year over its four quarters (same area),
//       - all accommodation types over each type (refuge, same area and period).
//     A total is checked against each of these it has; one is enough to suppress it.
//     Suppression counts as "not shown" for the parts of the next total up, so it cascades.
//
// WORKED EXAMPLE (threshold 5). Repeat victims in one authority, 2019-20:
//     Q1 12, Q2 3, Q3 15, Q4 10, year 40.
//   Q2 = 3 is suppressed (rule 1). The year would show 40, and Q1, Q3, Q4 are shown, so
//   40 − 12 − 15 − 10 = 3 gives Q2 back: the year is suppressed (rule 3). Its parent's Q2
//   total (say 3 + 97 from the only other authority, shown) is suppressed the same way, and
//   so is the parent's year (both of its quarter-sums and its children-sums have exactly one
//   suppressed part). If Q4 had been 4 as well, two quarters would be hidden and the year (37)
//   would be shown: it gives only Q2 + Q4 = 7, not either of them.
//
// WHY THE DECISION DEPENDS ON THE DATA, NOT ON THE REQUEST. Anyone can ask for the parts in
// one request and the total in another, so "shown" means "shown by some request". Each count
// is therefore suppressed or not as a function of the stored figures alone, and the same count
// is hidden in every response, export and chart.
//
// LIMITS OF THE RULE (deliberate, to keep it explainable to a board): two or more suppressed
// parts leave the total shown, which reveals their sum (two parts summing to 2 must be 1 and
// 1); a count recovered as denominator − numerator (e.g. 97 repeat victims of 100) is not
// checked; differences between overlapping periods are protected only through the quarters
// they share. A full audit of every published table (linear programming, as tau-Argus does) is
// out of scope.
//
// Board members (and anyone else) get the suppressed view; analysts and administrators the
// unsuppressed one (server/routes/indicators.ts chooses the view from the request's actor).
import { computeValue, type CiMethod } from './statistics';

/** Counts from 1 to this minus one are suppressed (DOMAIN.md section 8: "<5"). */
export const DEFAULT_DISCLOSURE_THRESHOLD = 5;

export type DisclosureView = 'suppressed' | 'unsuppressed';

export interface DisclosurePolicy {
  view: DisclosureView;
  threshold: number;
}

export const SUPPRESSED_VIEW: DisclosurePolicy = { view: 'suppressed', threshold: DEFAULT_DISCLOSURE_THRESHOLD };

export type Coverage = 'complete' | 'partial' | 'none';

/** A count (a numerator or a denominator) for one area and period, with how complete it is. */
export interface Tally {
  /** The count; null unless coverage is complete. */
  total: number | null;
  /** complete: every part has figures; partial: some do; none: no figures at all. */
  coverage: Coverage;
  /** The parts (child areas or quarters) that have no figures, when coverage is partial. */
  missing: readonly string[];
  /** Public figures (population) are never suppressed. */
  public: boolean;
  /** Hidden in the suppressed view: see the rule above. */
  suppressed: boolean;
  /**
   * Whether a small count is among the cells this total adds up. Every way of splitting a total
   * (by child, by quarter, by type) covers the same cells, so without one nothing can be
   * recovered by subtraction and the splits need not be looked at. Set in the suppressed view.
   */
  smallBelow: boolean;
}

export function isSmallCount(count: number, threshold: number): boolean {
  return count >= 1 && count < threshold;
}

/** Exactly one part suppressed and every other part shown: subtraction would give it back. */
export function revealsOnePart(parts: readonly Tally[]): boolean {
  let suppressed = 0;
  for (const part of parts) {
    if (part.suppressed) suppressed++;
    else if (part.coverage !== 'complete') return false; // a part nobody can see: nothing to subtract
  }
  return suppressed === 1;
}

/**
 * Whether a complete count is suppressed, given the sums it is a total of (rules 1 and 3).
 * `decompositions` is called only when a small count lies below the total, so the common case
 * (and the unsuppressed view) costs nothing.
 */
export function suppressTotal(
  tally: Pick<Tally, 'total' | 'smallBelow'>,
  policy: DisclosurePolicy,
  decompositions: () => ReadonlyArray<readonly Tally[]>,
): boolean {
  if (policy.view === 'unsuppressed' || tally.total === null) return false;
  if (isSmallCount(tally.total, policy.threshold)) return true;
  return tally.smallBelow && decompositions().some(revealsOnePart);
}

export type ValueStatus = 'ok' | 'no-data' | 'incomplete' | 'suppressed';
export type FigureSource = 'returns' | 'computed' | 'imported';

/** What the engine worked out for one indicator, area and period, before disclosure control. */
export interface ComputedCell {
  area: string;
  period: string;
  source: FigureSource | null;
  numerator: Tally;
  denominator: Tally;
  /** A published value imported without its numerator and denominator (rounded, public). */
  publishedValue: number | null;
}

/** One indicator value as it may be published. */
export interface PublishedValue {
  area: string;
  period: string;
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  lower95: number | null;
  upper95: number | null;
  lower998: number | null;
  upper998: number | null;
  status: ValueStatus;
  source: FigureSource | null;
  /** Parts (child areas or quarters) without figures, for an incomplete value. */
  missing: string[];
}

function published(cell: ComputedCell, status: ValueStatus, figures: Partial<PublishedValue> = {}): PublishedValue {
  return {
    area: cell.area,
    period: cell.period,
    numerator: null,
    denominator: null,
    value: null,
    lower95: null,
    upper95: null,
    lower998: null,
    upper998: null,
    status,
    source: cell.source,
    missing: [],
    ...figures,
  };
}

/**
 * The one gate every indicator value leaves the engine through (values, series, compare,
 * summary, benchmarks and trend points alike). Status, in order: incomplete (some parts
 * missing, never a smaller sum), no-data (nothing, or a zero denominator), suppressed (rule 2),
 * ok. Figures of a suppressed value are all null; values are unrounded.
 */
export function disclose(cell: ComputedCell, ci: CiMethod, multiplier: number, policy: DisclosurePolicy): PublishedValue {
  const { numerator: num, denominator: den } = cell;
  if (cell.publishedValue !== null && num.coverage === 'none') return published(cell, 'ok', { value: cell.publishedValue });
  if (num.coverage === 'partial' || den.coverage === 'partial') {
    return published(cell, 'incomplete', { missing: [...new Set([...num.missing, ...den.missing])] });
  }
  if (num.total === null || den.total === null) return published(cell, 'no-data');
  if (policy.view === 'suppressed' && (num.suppressed || den.suppressed)) return published(cell, 'suppressed');
  if (den.total === 0) return published(cell, 'no-data', { numerator: num.total, denominator: den.total });
  // A "percentage" above 100 (e.g. charges > crimes, only a warning at upload) has a value but
  // no Wilson interval.
  const method = ci === 'wilson' && num.total > den.total ? 'none' : ci;
  return published(cell, 'ok', { numerator: num.total, denominator: den.total, ...computeValue(method, num.total, den.total, multiplier)! });
}
