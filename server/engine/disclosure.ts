// Disclosure control (DOMAIN.md section 8). Small counts of victims can identify people, so
// every figure the engine publishes passes through `disclose` below, and every count the engine
// adds up carries a `suppressed` flag.
//
// THE RULE: a figure is shown only if every figure it is summed from could be shown.
//
//  1. Primary: a count from 1 to threshold − 1 (DEFAULT_DISCLOSURE_THRESHOLD = 5, so 1–4) is
//     suppressed. Zero is shown. Population denominators are public and never suppressed.
//  2. Closed sums: a count is suppressed when any stored cell it adds up is small, whichever
//     way it is added up: a year or rolling year over its quarters, a parent over its children,
//     all accommodation types over each type. A person-based year is its own stored cell (the
//     force's twelve-month count), so only that cell and, for a parent, its children's count.
//  3. Complements: where the numerator counts some of what the denominator counts (repeat
//     victims among victims: `numeratorWithinDenominator`), `denominator − numerator` is a count
//     of people too, and rules 1 and 2 apply to it as to any other count.
//  4. An indicator whose numerator, denominator or complement is suppressed is suppressed:
//     status 'suppressed' and no numerator, denominator, value or limits (a value and a shown
//     denominator would give the numerator back by multiplication).
//
// WORKED EXAMPLE (threshold 5). Repeat victims in one authority, 2019-20:
//     Q1 12, Q2 3, Q3 15, Q4 10, year 40.
//   Q2 = 3 is suppressed (rule 1); the year, every rolling year and calendar year that
//   contains Q2, and the parent's Q2 and year are suppressed (rule 2). Q1, Q3 and Q4 are shown.
//   With Q2 = 4 and Q4 = 4, the year (41) would be hidden too, not shown as their sum.
//
// WHY THIS RULE (and not the cheaper "exactly one hidden part" rule it replaced). The published
// table overlaps itself: rolling years every quarter (R12(t) − R12(t−1) = Q(t) − Q(t−4)),
// calendar and financial years sharing three quarters, parents and children, types and totals,
// numerators and their complements. A reader with a linear-programming solver combines all of
// them at once, and a year of 16 over four hidden quarters pins each to 4 by bounds alone. Under
// this rule every shown figure is a sum of shown cells, so the whole published table says no
// more than the shown cells do, and a hidden cell is bound only by being hidden: no subtraction
// or solver can pin it. The test suite's auditor (server/engine/disclosure-audit.test.ts)
// attacks the demo data's whole published table to prove it. The cost is hidden years where a
// single quarter is small; the auditor reports the share hidden.
//
// WHY THE DECISION DEPENDS ON THE DATA, NOT ON THE REQUEST. Anyone can ask for the parts in
// one request and the total in another, so "shown" means "shown by some request". Each count
// is suppressed or not as a function of the stored figures alone, and the same count is hidden
// in every response, export and chart.
//
// Board members and partners (for what other organisations sent) get the suppressed view;
// analysts and administrators the unsuppressed one (server/routes/indicators.ts chooses).
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

/**
 * Whether a complete count is suppressed (rules 1 and 2): it is small, or a small count lies
 * among the cells it adds up (`smallBelow`, carried up by every sum).
 */
export function suppressTotal(tally: Pick<Tally, 'total' | 'smallBelow'>, policy: DisclosurePolicy): boolean {
  if (policy.view === 'unsuppressed' || tally.total === null) return false;
  return isSmallCount(tally.total, policy.threshold) || tally.smallBelow;
}

/**
 * Whether an imported total, set beside the figures it could be split into, would give a hidden
 * one back: every part has figures (a part nobody can see leaves nothing to subtract) and at
 * least one is suppressed. London less its boroughs is safe while any borough is not held.
 */
export function hidesAPart(parts: readonly Tally[]): boolean {
  let anySuppressed = false;
  for (const part of parts) {
    if (part.coverage !== 'complete') return false;
    if (part.suppressed) anySuppressed = true;
  }
  return anySuppressed;
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
  /** `denominator − numerator` where the numerator counts some of the denominator (rule 3), else null. */
  complement: Tally | null;
  /** Why a figure is missing, where the status alone would mislead (a person year without its twelve-month count). */
  note: string | null;
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
  /** A sentence saying why a value has no figure, where the status alone would mislead. */
  note: string | null;
  /** Warnings found at upload on the rows this value is built from (DOMAIN.md 5.7); shown values only. */
  warnings: FigureWarning[];
}

/** A warning that travels with a figure: where it was found and what it says. */
export interface FigureWarning {
  area: string;
  quarter: string;
  accommodationType: string | null;
  code: string;
  column: string;
  message: string;
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
    note: null,
    warnings: [],
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
    const missing = [...new Set([...num.missing, ...den.missing])];
    return published(cell, 'incomplete', { missing, note: cell.note ?? `Not every part has figures yet: missing ${missing.join(', ')}. A total is never given over fewer parts.` });
  }
  if (num.total === null || den.total === null) return published(cell, 'no-data', { note: cell.note });
  if (policy.view === 'suppressed' && (num.suppressed || den.suppressed || cell.complement?.suppressed)) return published(cell, 'suppressed');
  if (den.total === 0) return published(cell, 'no-data', { numerator: num.total, denominator: den.total });
  // A "percentage" above 100 (e.g. charges > crimes, only a warning at upload) has a value but
  // no Wilson interval.
  const method = ci === 'wilson' && num.total > den.total ? 'none' : ci;
  return published(cell, 'ok', { numerator: num.total, denominator: den.total, ...computeValue(method, num.total, den.total, multiplier)! });
}
