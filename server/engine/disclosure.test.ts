// The disclosure rule on its own (see disclosure.ts for the worked example): primary
// suppression of 1–4, zero shown, a total suppressed whenever a small cell lies below it, and
// an imported total suppressed when its parts, all held, include a hidden one.
import { describe, expect, it } from 'vitest';
import { DEFAULT_DISCLOSURE_THRESHOLD, disclose, hidesAPart, suppressTotal, type ComputedCell, type DisclosurePolicy, type Tally } from './disclosure';

const SUPPRESSED_VIEW: DisclosurePolicy = { view: 'suppressed', threshold: DEFAULT_DISCLOSURE_THRESHOLD };
const UNSUPPRESSED_VIEW: DisclosurePolicy = { view: 'unsuppressed', threshold: DEFAULT_DISCLOSURE_THRESHOLD };

const shown = (total: number): Tally => ({ total, coverage: 'complete', missing: [], public: false, suppressed: false, smallBelow: false });
const hidden = (total: number): Tally => ({ ...shown(total), suppressed: true, smallBelow: true });
const none: Tally = { total: null, coverage: 'none', missing: [], public: false, suppressed: false, smallBelow: false };
const partial: Tally = { total: null, coverage: 'partial', missing: ['2019-20Q4'], public: false, suppressed: false, smallBelow: false };

describe('primary suppression', () => {
  it.each([
    [0, false],
    [1, true],
    [4, true],
    [5, false],
    [1000, false],
  ])('a count of %i with nothing small below it is suppressed: %s', (count, expected) => {
    expect(suppressTotal({ total: count, smallBelow: false }, SUPPRESSED_VIEW)).toBe(expected);
  });

  it('follows the threshold, and suppresses nothing in the unsuppressed view', () => {
    expect(suppressTotal({ total: 9, smallBelow: false }, { view: 'suppressed', threshold: 10 })).toBe(true);
    expect(suppressTotal({ total: 3, smallBelow: true }, UNSUPPRESSED_VIEW)).toBe(false);
  });
});

describe('closed sums: a total is shown only if every cell below it could be', () => {
  it.each([
    ['a year of 40 over a quarter of 3', 40, true, true],
    ['a year of 16 over four quarters of 4', 16, true, true],
    ['a year of 57 with no small quarter', 57, false, false],
  ])('%s → suppressed: %s', (_, total, smallBelow, expected) => {
    expect(suppressTotal({ total, smallBelow }, SUPPRESSED_VIEW)).toBe(expected);
  });
});

describe('imported totals against the parts the dashboard holds', () => {
  it.each<[string, Tally[], boolean]>([
    ['12, <5, 15, 10 (one hidden, three shown)', [shown(12), hidden(3), shown(15), shown(10)], true],
    ['12, <5, 15, <5 (two hidden: their sum would still be given away)', [shown(12), hidden(3), shown(15), hidden(4)], true],
    ['12, 20, 15, 10 (none hidden)', [shown(12), shown(20), shown(15), shown(10)], false],
    ['<5 with a part nobody can see', [hidden(3), none, shown(15)], false],
    ['<5 with an incomplete part', [hidden(3), partial, shown(15)], false],
  ])('%s → %s', (_, parts, expected) => {
    expect(hidesAPart(parts)).toBe(expected);
  });
});

describe('disclose: the gate every value goes through', () => {
  const cell = (numerator: Tally, denominator: Tally, publishedValue: number | null = null): ComputedCell => ({
    area: 'E09000004',
    period: '2019-20Q3',
    source: 'returns',
    numerator,
    denominator,
    complement: null,
    note: null,
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

  it('suppresses a value whose complement is hidden: 97 repeat victims of 100 gives away 3', () => {
    const c: ComputedCell = { ...cell(shown(97), shown(100)), complement: hidden(3) };
    expect(disclose(c, 'wilson', 100, SUPPRESSED_VIEW)).toMatchObject({ status: 'suppressed', numerator: null, denominator: null, value: null });
    expect(disclose(c, 'wilson', 100, UNSUPPRESSED_VIEW)).toMatchObject({ status: 'ok', numerator: 97 });
  });

  it('carries a note saying why a value has no figure', () => {
    const c: ComputedCell = { ...cell(none, none), note: 'No twelve-month count was sent.' };
    expect(disclose(c, 'wilson', 100, SUPPRESSED_VIEW)).toMatchObject({ status: 'no-data', note: 'No twelve-month count was sent.' });
  });

  it('gives a "percentage" above 100 its value without an interval rather than failing', () => {
    expect(disclose(cell(shown(120), shown(100)), 'wilson', 100, SUPPRESSED_VIEW)).toMatchObject({ status: 'ok', value: 120, lower95: null, upper95: null });
  });

  it('never shows part of a sum: an incomplete value has no figures, only what is missing', () => {
    expect(disclose(cell(partial, shown(100)), 'wilson', 100, SUPPRESSED_VIEW)).toMatchObject({ numerator: null, denominator: null, value: null, missing: ['2019-20Q4'] });
  });
});
