// An edit of an action refreshes that partnership's plan, whichever strategy version it shows,
// and its strategy view (the partnership page) for every period, and nothing else: not another
// partnership's plan or strategy, not the aims and measures the forms offer, not the figures.
import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { deliveryPlanKeys, keysChangedByActionEdit } from './delivery-plan-keys';
import { indicatorKeys, partnershipKeys } from './query-keys';

describe('delivery plan keys', () => {
  it('treat an absent strategy as the version in force, one cache entry however it is spelt', () => {
    expect(deliveryPlanKeys.plan(3, { strategy: undefined })).toEqual(deliveryPlanKeys.plan(3, {}));
    expect(deliveryPlanKeys.plan(3, { strategy: 2 })).not.toEqual(deliveryPlanKeys.plan(3, {}));
  });

  it('let an edit invalidate the partnership’s plans and strategy views only', async () => {
    const client = new QueryClient();
    const keys = {
      plan: deliveryPlanKeys.plan(3, {}),
      olderVersion: deliveryPlanKeys.plan(3, { strategy: 2 }),
      otherPartnership: deliveryPlanKeys.plan(4, {}),
      links: deliveryPlanKeys.links(3, 3),
      figures: indicatorKeys.values('repeat-victim-rate', { area: 'E10000025', period: '2019' }),
      strategy: partnershipKeys.strategy(3, {}),
      strategyForAYear: partnershipKeys.strategy(3, { period: '2025-26' }),
      otherStrategy: partnershipKeys.strategy(4, {}),
      partnerships: partnershipKeys.list(),
    };
    for (const key of Object.values(keys)) client.setQueryData(key, 'cached');
    await Promise.all(keysChangedByActionEdit(3).map((queryKey) => client.invalidateQueries({ queryKey })));
    expect(Object.fromEntries(Object.entries(keys).map(([name, key]) => [name, client.getQueryState(key)?.isInvalidated]))).toEqual({
      plan: true,
      olderVersion: true,
      otherPartnership: false,
      links: false,
      figures: false,
      strategy: true,
      strategyForAYear: true,
      otherStrategy: false,
      partnerships: false,
    });
  });
});
