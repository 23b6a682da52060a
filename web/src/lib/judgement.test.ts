import { describe, expect, it } from 'vitest';
import { assessmentShort, benchmarkNoteText, benchmarkWords, referenceWords, statusExplanation, trendWords, yearEarlierWords } from './judgement';

describe('benchmarkWords: a comparison in words, with a symbol and a tone', () => {
  it.each([
    ['better', 'better', 'Better than Thames Valley'],
    ['worse', 'worse', 'Worse than Thames Valley'],
    ['similar', 'similar', 'Similar to Thames Valley'],
    ['higher', 'higher', 'Higher than Thames Valley'],
    ['lower', 'lower', 'Lower than Thames Valley'],
  ] as const)('%s', (assessment, tone, text) => {
    const words = benchmarkWords(assessment, 'Thames Valley');
    expect(words.tone).toBe(tone);
    expect(words.text).toBe(text);
    expect(words.symbol).not.toBe('');
  });

  it('says why a value was not compared', () => {
    expect(benchmarkWords('not-compared', 'London', { valueStatus: 'ok', benchmarkStatus: 'incomplete' }).text).toBe('Not compared with London: London is incomplete');
    expect(benchmarkWords('not-compared', 'London', { valueStatus: 'ok', benchmarkStatus: 'ok', hasInterval: false }).text).toBe('Not compared with London: this figure has no confidence interval');
    expect(benchmarkWords('not-compared', 'London', { valueStatus: 'suppressed' }).text).toBe('Not compared with London');
  });

  it('shortens for table cells', () => {
    expect(assessmentShort('better')).toBe('Better');
    expect(assessmentShort('not-compared')).toBe('Not compared');
  });
});

describe('yearEarlierWords: a quarter against the same quarter a year before', () => {
  it.each([
    ['better', 'better', 'Better than the same quarter a year before'],
    ['lower', 'lower', 'Lower than the same quarter a year before'],
    ['similar', 'similar', 'Similar to the same quarter a year before'],
  ] as const)('%s', (assessment, tone, text) => expect(yearEarlierWords(assessment)).toMatchObject({ tone, text }));
  it('says why it was not compared', () => {
    expect(yearEarlierWords('not-compared', { valueStatus: 'ok', earlierStatus: 'no-data' }).text).toBe('Not compared with the same quarter a year before: it has no data');
    expect(yearEarlierWords('not-compared', { valueStatus: 'ok', earlierStatus: 'ok', hasInterval: false }).text).toBe('Not compared with the same quarter a year before: this figure has no confidence interval');
    expect(yearEarlierWords('not-compared', { valueStatus: 'suppressed', earlierStatus: 'ok' }).text).toBe('Not compared with the same quarter a year before');
  });
});

describe('referenceWords', () => {
  it.each([
    ['below', 'Below the reference (28.0% to 40.0%)'],
    ['within', 'Within the reference (28.0% to 40.0%)'],
    ['above', 'Above the reference (28.0% to 40.0%)'],
    ['not-compared', 'Not compared with the reference (28.0% to 40.0%)'],
  ] as const)('%s', (outcome, text) => expect(referenceWords(outcome, '28.0% to 40.0%').text).toBe(text));
});

describe('trendWords: the Fingertips trend marker in words', () => {
  it.each([
    ['increasing', 'getting-better', '↑', 'Increasing and getting better'],
    ['decreasing', 'getting-better', '↓', 'Decreasing and getting better'],
    ['increasing', 'getting-worse', '↑', 'Increasing and getting worse'],
    ['increasing', 'increasing', '↑', 'Increasing'],
    ['decreasing', 'decreasing', '↓', 'Decreasing'],
    ['no-significant-change', 'no-significant-change', '→', 'No significant change'],
    ['cannot-be-calculated', 'cannot-be-calculated', '', 'Trend not available'],
    ['not-tested', 'not-tested', '', 'Not tested for trend'],
  ] as const)('%s / %s', (marker, judgement, symbol, text) => expect(trendWords(marker, judgement)).toEqual({ symbol, text }));
});

describe('statusExplanation: no data, incomplete and suppressed in plain words', () => {
  it('explains each status and nothing for ok', () => {
    expect(statusExplanation('ok')).toBeNull();
    expect(statusExplanation('no-data')?.title).toBe('No data');
    expect(statusExplanation('suppressed', { threshold: 5 })?.text).toContain('below 5');
    const incomplete = statusExplanation('incomplete', { missing: ['2020-21Q4', 'E06000038'], areaName: (c) => (c === 'E06000038' ? 'Reading' : c) });
    expect(incomplete?.title).toBe('Incomplete');
    expect(incomplete?.text).toContain('Not yet received: 2020-21 Q4 (Jan–Mar 2021) and Reading.');
  });
  it('shortens a long list of missing parts', () => {
    const missing = ['E09000001', 'E09000002', 'E09000003', 'E09000004', 'E09000005', 'E09000006', 'E09000007', 'E09000008'];
    expect(statusExplanation('incomplete', { missing })?.text).toContain('and 2 more');
  });
});

describe('benchmarkNoteText: why a comparison could not be made, under the tag that says so', () => {
  it('drops the repeated "Not compared" and writes period ids as periods', () => {
    expect(benchmarkNoteText('Not compared: no figures for England (E92000001) for 2024-25 are held. An analyst can load its published figures as a benchmark return.')).toBe(
      'No figures for England (E92000001) for 2024-25 are held. An analyst can load its published figures as a benchmark return.',
    );
    expect(benchmarkNoteText('Not compared: no figures for London (E12000007) for R12-2026-27Q2 are held.')).toBe('No figures for London (E12000007) for 12 months to Sep 2026 are held.');
    expect(benchmarkNoteText('Not compared: no figures for London (E12000007) for 2024-25Q3 are held.')).toBe('No figures for London (E12000007) for Q3 2024-25 are held.');
  });
});
