// A strategy's statuses, counts, targets and figures in words, as the partnership page and the
// board paper write them.
import { describe, expect, it } from 'vitest';
import { countsSentence, figureWords, intervalWords, needsAttention, STATUS_ORDER, STATUS_WORDS, statusCounts, targetWords } from './strategy';

const PERCENT = { unit: '%', decimals: 1 };
const PER_100_CRIMES = { unit: 'per 100 crimes', decimals: 1 };
const PER_10000_WOMEN = { unit: 'per 10,000 women aged 16+', decimals: 1 };

describe('statuses', () => {
  it('each has its own words and its own symbol, so neither colour nor shape alone carries it', () => {
    const symbols = STATUS_ORDER.map((s) => STATUS_WORDS[s].symbol);
    expect(new Set(symbols).size).toBe(4);
    expect(STATUS_ORDER.map((s) => STATUS_WORDS[s].text)).toEqual(['Off track', 'At risk', 'On track', 'Not assessable']);
  });

  it('off track and at risk need the board’s attention; on track and not assessable do not', () => {
    expect(STATUS_ORDER.filter(needsAttention)).toEqual(['off-track', 'at-risk']);
  });
});

describe('countsSentence', () => {
  it.each([
    [['off-track', 'off-track', 'at-risk', 'on-track'], 'Of 4 aims, 2 are off track, 1 is at risk and 1 is on track.'],
    [['at-risk', 'on-track', 'not-assessable', 'at-risk', 'on-track'], 'Of 5 aims, 2 are at risk, 2 are on track and 1 is not assessable.'],
    [['on-track', 'on-track', 'on-track'], 'All 3 aims are on track.'],
    [['off-track'], 'The 1 aim is off track.'],
    [['off-track', 'not-assessable'], 'Of 2 aims, 1 is off track and 1 is not assessable.'],
    [[], 'There are no aims to show.'],
  ] as const)('%j → %s', (statuses, sentence) => {
    expect(countsSentence(statusCounts(statuses.map((status) => ({ status }))))).toBe(sentence);
  });
});

describe('targetWords', () => {
  it.each([
    [{ kind: 'value', value: 9, by: '2023-24', direction: 'increase' }, PERCENT, 'At least 9.0% by 2023-24'],
    [{ kind: 'value', value: 20, by: 'R12-2024-25Q2', direction: 'decrease' }, PERCENT, 'At most 20.0% by 12 months to Sep 2024'],
    [{ kind: 'value', value: 3, by: '2024', direction: 'increase' }, PER_100_CRIMES, 'At least 3.0 per 100 crimes by 2024'],
    [{ kind: 'direction', direction: 'increase', by: '2023-24' }, PERCENT, 'An increase on the baseline by 2023-24'],
    [{ kind: 'direction', direction: 'decrease' }, PERCENT, 'A decrease on the baseline'],
    [{ kind: 'range', low: 28, high: 40, label: 'SafeLives: 28% to 40% repeat cases' }, PERCENT, 'SafeLives: 28% to 40% repeat cases'],
    [{ kind: 'range', low: 28, high: 40 }, PERCENT, 'Between 28.0% and 40.0%'],
    [{ kind: 'range', low: 40, high: null }, PER_10000_WOMEN, 'At least 40.0 per 10,000 women aged 16+'],
    [{ kind: 'range', low: null, high: 12.5 }, PERCENT, 'At most 12.5%'],
    [{ kind: 'benchmark' }, PERCENT, 'Better than Thames Valley'],
    [{ kind: 'benchmark', direction: 'decrease' }, PERCENT, 'Lower than Thames Valley'],
    [{ kind: 'benchmark', benchmark: 'E92000001', direction: 'increase' }, PERCENT, 'Higher than Thames Valley'],
  ] as const)('%j', (target, subject, words) => {
    expect(targetWords(target, subject, 'Thames Valley')).toBe(words);
  });
});

describe('figures', () => {
  const ok = { value: 25.0078839482813, lower95: 23.6, upper95: 26.45, status: 'ok' as const };

  it('writes a value with its unit and its interval with the indicator’s decimals', () => {
    expect(figureWords(ok, PERCENT)).toBe('25.0%');
    expect(intervalWords(ok, PERCENT)).toBe('95% interval 23.6% to 26.5%');
    expect(figureWords({ ...ok, value: 2.701271 }, PER_100_CRIMES)).toBe('2.7 per 100 crimes');
  });

  it('says why there is no figure, and gives no interval for it', () => {
    expect(figureWords({ value: null, lower95: null, upper95: null, status: 'incomplete' }, PERCENT)).toBe('Incomplete');
    expect(figureWords({ value: null, lower95: null, upper95: null, status: 'suppressed' }, PERCENT)).toBe('Hidden (small numbers)');
    expect(figureWords({ value: null, lower95: null, upper95: null, status: 'no-data' }, PERCENT)).toBe('No data');
    expect(intervalWords({ value: null, lower95: null, upper95: null, status: 'suppressed' }, PERCENT)).toBeNull();
  });

  it('gives no interval for an indicator without one (refuge occupancy)', () => {
    expect(intervalWords({ value: 91.2, lower95: null, upper95: null, status: 'ok' }, PERCENT)).toBeNull();
  });
});
