// The disclosure rule on its own (see disclosure.ts for the worked example): primary
// suppression of 1–4, zero shown, and a total suppressed when subtraction gives back one part.
import { describe, expect, it } from 'vitest';
import { DEFAULT_DISCLOSURE_THRESHOLD, disclose, revealsOnePart, suppressTotal, type ComputedCell, type DisclosurePolicy, type Tally } from './disclosure';

const SUPPRESSED_VIEW: DisclosurePolicy = { view: 'suppressed', threshold: DEFAULT_DISCLOSURE_THRESHOLD };
const UNSUPPRESSED_VIEW: DisclosurePolicy = { view: 'unsuppressed', threshold: DEFAULT_DISCLOSURE_THRESHOLD };

const shown = (total: number): Tally => ({ total, coverage: 'complete', missing: [], public: false, suppressed: false, smallBelow: false });
const hidden = (total: number): Tally => ({ ...shown(total), suppressed: true, smallBelow: true });
const none: Tally = { total: null, coverage: 'none', missing: [], public: false, suppressed: false, smallBelow: false };
const partial: Tally = { total: null, coverage: 'partial', missing: ['2019-20Q4'], public: false, suppressed: false, smallBelow: false };

/** A complete total with a small count somewhere among its cells. */
const total = (n: number) => ({ total: n, smallBelow: true });

describe('primary suppression', () => {
  it.each([
    [0, false],
    [1, true],
    [4, true],
    [5, false],
    [1000, false],
  ])('a count of %i is suppressed: %s', (count, expected) => {
    expect(suppressTotal(total(count), SUPPRESSED_VIEW, () => [])).toBe(expected);
  });

  it('follows the threshold, and suppresses nothing in the unsuppressed view', () => {
    expect(suppressTotal(total(9), { view: 'suppressed', threshold: 10 }, () => [])).toBe(true);
    expect(suppressTotal(total(3), UNSUPPRESSED_VIEW, () => [])).toBe(false);
  });
});

describe('secondary suppression: does subtraction give one part back?', () => {
  it.each<[string, Tally[], boolean]>([
    ['12, <5, 15, 10 (one hidden, three shown)', [shown(12), hidden(3), shown(15), shown(10)], true],
    ['12, <5, 15, <5 (two hidden)', [shown(12), hidden(3), shown(15), hidden(4)], false],
    ['12, 20, 15, 10 (none hidden)', [shown(12), shown(20), shown(15), shown(10)], false],
    ['<5 with a part nobody can see', [hidden(3), none, shown(15)], false],
    ['<5 with an incomplete part', [hidden(3), partial, shown(15)], false],
    ['a single hidden part', [hidden(3)], true],
    ['zeros are shown parts', [hidden(3), shown(0), shown(0)], true],
  ])('%s → %s', (_, parts, expected) => {
    expect(revealsOnePart(parts)).toBe(expected);
    expect(suppressTotal(total(40), SUPPRESSED_VIEW, () => [parts])).toBe(expected);
  });

  it('suppresses a total when any one of its sums reveals a part', () => {
    const byQuarter = [shown(12), shown(20), shown(15), shown(10)];
    const byChild = [hidden(2), shown(55)];
    expect(suppressTotal(total(57), SUPPRESSED_VIEW, () => [byQuarter, byChild])).toBe(true);
  });

  it('does not look at the splits when no small count lies below the total', () => {
    expect(suppressTotal({ total: 57, smallBelow: false }, SUPPRESSED_VIEW, () => { throw new Error('not needed'); })).toBe(false);
  });
});

describe('disclose: the gate every value goes through', () => {
  const cell = (numerator: Tally, denominator: Tally, publishedValue: number | null = null): ComputedCell => ({
    area: 'E09000004',
    period: '2019-20Q3',
    source: 'returns',
    numerator,
    denominator,
    publishedValue,
  });
  const publicCount = (total: number): Tally => ({ ...shown(total), public: true });

  it.each<[string, ComputedCell, string]>([
    ['both counts shown', cell(shown(30), shown(100)), 'ok'],
    ['numerator hidden', cell(hidden(3), shown(100)), 'suppressed'],
    ['denominator hidden', cell(shown(0), hidden(4)), 'suppressed'],
    ['a quarter missing', cell(partial, shown(100)), 'incomplete'],
    ['nothing at all', cell(none, none), 'no-data'],
    ['no population', cell(shown(30), none), 'no-data'],
    ['zero denominator', cell(shown(0), shown(0)), 'no-data'],
    ['a population denominator', cell(shown(30), publicCount(3)), 'ok'],
    ['a published rate without counts', cell(none, none, 15.9), 'ok'],
  ])('%s → %s', (_, c, status) => {
    expect(disclose(c, 'wilson', 100, SUPPRESSED_VIEW).status).toBe(status);
  });

  it('shows nothing of a suppressed value, and everything in the unsuppressed view', () => {
    const c = cell(hidden(3), shown(100));
    expect(disclose(c, 'wilson', 100, SUPPRESSED_VIEW)).toMatchObject({ numerator: null, denominator: null, value: null, lower95: null, upper95: null, lower998: null, upper998: null });
    expect(disclose(c, 'wilson', 100, UNSUPPRESSED_VIEW)).toMatchObject({ status: 'ok', numerator: 3, denominator: 100, value: 3 });
  });

  it('gives a "percentage" above 100 its value without an interval rather than failing', () => {
    expect(disclose(cell(shown(120), shown(100)), 'wilson', 100, SUPPRESSED_VIEW)).toMatchObject({ status: 'ok', value: 120, lower95: null, upper95: null });
  });

  it('never shows part of a sum: an incomplete value has no figures, only what is missing', () => {
    expect(disclose(cell(partial, shown(100)), 'wilson', 100, SUPPRESSED_VIEW)).toMatchObject({ numerator: null, denominator: null, value: null, missing: ['2019-20Q4'] });
  });
});
