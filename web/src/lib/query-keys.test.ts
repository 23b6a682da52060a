// Query keys are a hierarchy: invalidating a prefix reaches every key under it, so an upload can
// refresh every figure at once, and two spellings of the same request share one cache entry.
import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { adminKeys, areaKeys, authKeys, commentaryKeys, indicatorKeys, keysChangedByUpload, partnershipKeys, revisionKeys, submissionKeys } from './query-keys';

const startsWith = (key: readonly unknown[], prefix: readonly unknown[]) => prefix.every((part, i) => JSON.stringify(key[i]) === JSON.stringify(part));

describe('query key factories', () => {
  it('nest each resource under its `all` key', () => {
    expect(startsWith(authKeys.me(), authKeys.all)).toBe(true);
    expect(startsWith(areaKeys.summary('E09000004', { period: '2019' }), areaKeys.summaries())).toBe(true);
    expect(startsWith(areaKeys.summaries(), areaKeys.all)).toBe(true);
    expect(startsWith(indicatorKeys.values('x', { area: 'A', period: 'P' }), indicatorKeys.figures())).toBe(true);
    expect(startsWith(indicatorKeys.series('x', { area: 'A' }), indicatorKeys.figures())).toBe(true);
    expect(startsWith(indicatorKeys.compare('x', { parent: 'A', period: 'P' }), indicatorKeys.figures())).toBe(true);
    expect(startsWith(indicatorKeys.catalogue(), indicatorKeys.figures())).toBe(false);
    expect(startsWith(submissionKeys.list({ type: 'police' }), submissionKeys.lists())).toBe(true);
    expect(startsWith(submissionKeys.detail(3), submissionKeys.all)).toBe(true);
    expect(startsWith(revisionKeys.list('police', { area: 'A', period: 'P' }), revisionKeys.all)).toBe(true);
    expect(startsWith(adminKeys.audit({ limit: 50 }), adminKeys.audits())).toBe(true);
    expect(startsWith(adminKeys.signInSettings(), adminKeys.all)).toBe(true);
    expect(startsWith(partnershipKeys.strategy(4, { period: '2023-24' }), partnershipKeys.strategies())).toBe(true);
    expect(startsWith(partnershipKeys.list(), partnershipKeys.strategies())).toBe(false);
    expect(startsWith(commentaryKeys.list(4, { period: '2023-24' }), commentaryKeys.lists(4))).toBe(true);
    expect(startsWith(commentaryKeys.notes(4, { indicator: 'x', area: 'A', period: 'P' }), commentaryKeys.partnership(4))).toBe(true);
    expect(startsWith(commentaryKeys.list(4, {}), commentaryKeys.partnership(5))).toBe(false);
  });

  it('treat an undefined parameter as absent', () => {
    expect(indicatorKeys.values('x', { area: 'A', period: 'P', benchmark: undefined })).toEqual(indicatorKeys.values('x', { area: 'A', period: 'P' }));
    expect(submissionKeys.list({ type: undefined, limit: 20 })).toEqual(submissionKeys.list({ limit: 20 }));
  });

  it('let one upload invalidate every figure, a strategy’s statuses and its commentary too, but not the catalogue, the area list or the partnerships', async () => {
    const client = new QueryClient();
    const keys = {
      catalogue: indicatorKeys.catalogue(),
      areas: areaKeys.list(),
      me: authKeys.me(),
      values: indicatorKeys.values('repeat-victim-rate', { area: 'E09000004', period: '2019' }),
      series: indicatorKeys.series('repeat-victim-rate', { area: 'E09000004' }),
      compare: indicatorKeys.compare('repeat-victim-rate', { parent: 'E12000007', period: '2019' }),
      summary: areaKeys.summary('E09000004', { period: '2019' }),
      submissions: submissionKeys.list({ type: 'police' }),
      submission: submissionKeys.detail(7),
      revisions: revisionKeys.list('police', { area: 'E09000004', period: '2019-20Q3' }),
      partnerships: partnershipKeys.list(),
      strategy: partnershipKeys.strategy(4, {}),
      commentary: commentaryKeys.list(4, { period: '2023-24' }),
      notes: commentaryKeys.notes(4, { indicator: 'repeat-victim-rate', area: 'E09000004', period: '2023-24' }),
    };
    for (const key of Object.values(keys)) client.setQueryData(key, 'cached');
    await Promise.all(keysChangedByUpload().map((queryKey) => client.invalidateQueries({ queryKey })));
    const invalid = Object.fromEntries(Object.entries(keys).map(([name, key]) => [name, client.getQueryState(key)?.isInvalidated]));
    expect(invalid).toEqual({
      catalogue: false,
      areas: false,
      me: false,
      values: true,
      series: true,
      compare: true,
      summary: true,
      submissions: true,
      submission: true,
      revisions: true,
      partnerships: false,
      strategy: true,
      commentary: true,
      notes: true,
    });
  });
});
