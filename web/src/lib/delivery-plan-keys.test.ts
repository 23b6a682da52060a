// An edit of an action refreshes that partnership's plan, whichever strategy version it shows,
// and nothing else: not another partnership's plan, not the aims and measures the forms offer,
// not the figures.
import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { deliveryPlanKeys, keysChangedByActionEdit } from './delivery-plan-keys';
import { indicatorKeys } from './query-keys';

describe('delivery plan keys', () => {
  it('treat an absent strategy as the version in force, one cache entry however it is spelt', () => {
    expect(deliveryPlanKeys.plan(3, { strategy: undefined })).toEqual(deliveryPlanKeys.plan(3, {}));
    expect(deliveryPlanKeys.plan(3, { strategy: 2 })).not.toEqual(deliveryPlanKeys.plan(3, {}));
  });

  it('let an edit invalidate the partnership’s plans only', async () => {
    const client = new QueryClient();
    const keys = {
      plan: deliveryPlanKeys.plan(3, {}),
      olderVersion: deliveryPlanKeys.plan(3, { strategy: 2 }),
      otherPartnership: deliveryPlanKeys.plan(4, {}),
      links: deliveryPlanKeys.links(3, 3),
      figures: indicatorKeys.values('repeat-victim-rate', { area: 'E10000025', period: '2019' }),
    };
    for (const key of Object.values(keys)) client.setQueryData(key, 'cached');
    await Promise.all(keysChangedByActionEdit(3).map((queryKey) => client.invalidateQueries({ queryKey })));
    expect(Object.fromEntries(Object.entries(keys).map(([name, key]) => [name, client.getQueryState(key)?.isInvalidated]))).toEqual({
      plan: true,
      olderVersion: true,
      otherPartnership: false,
      links: false,
      figures: false,
    });
  });
});
