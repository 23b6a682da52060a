// TanStack Query keys for the delivery plan (issue 11, item 3): `all` → a partnership's plans →
// one plan, and apart from them the aims and measures an action can be linked to, which no
// action edit changes. Every edit of an action invalidates `keysChangedByActionEdit`: the plan,
// and the partnership's strategy views and board papers (they list its actions and their
// statuses), and nothing else.
import { partnershipKeys, type QueryParams } from './query-keys';

function clean<T extends QueryParams>(params: T): T {
  return Object.fromEntries(Object.entries(params).filter(([, v]) => v !== undefined)) as T;
}

export const deliveryPlanKeys = {
  all: ['delivery-plan'] as const,
  plans: (partnership: number) => [...deliveryPlanKeys.all, partnership, 'plan'] as const,
  /** One strategy version's plan; without `strategy`, the version in force. */
  plan: (partnership: number, params: { strategy?: number }) => [...deliveryPlanKeys.plans(partnership), clean(params)] as const,
  links: (partnership: number, strategy: number) => [...deliveryPlanKeys.all, partnership, 'links', strategy] as const,
};

/** Everything read through the strategy for one partnership: its strategy views, and its board papers (features/board-paper/api.ts). */
export function partnershipStrategyKeys(partnership: number) {
  return [...partnershipKeys.strategies(), partnership] as const;
}

/** What adding, changing, removing, reporting on or importing actions changes: the partnership's plans, strategy views and papers. */
export function keysChangedByActionEdit(partnership: number) {
  return [deliveryPlanKeys.plans(partnership), partnershipStrategyKeys(partnership)];
}
